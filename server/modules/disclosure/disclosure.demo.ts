import { addDays, companyName, dateBetween, DEMO_TOWN_CODES, demoWindow, idNumber, minDate, mobile, personName, rng, uscc, village, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { setSetting } from '../../platform/settings.ts';
import { OUTCOME_TREE, receiptField, TOWN_CATEGORIES_SETTING, type ApplicantKind } from './disclosure.taxonomy.ts';

interface Row {
  orgCode: string;
  values: Record<string, unknown>;
}

const SHORT: Record<string, string> = { '999001001000': '城关镇', '999001002000': '清溪镇', '999001003000': '石桥乡' };

// a township's year of 主动公开, by category: "通知公告74条、工作动态75条" dominate
const ITEM_PLAN: ReadonlyArray<readonly [string, number, (r: Rng, town: string, year: number) => string]> = [
  ['领导分工', 1, (_r, t, y) => `${t}人民政府领导班子成员工作分工（${y}年）`],
  ['机构职能', 1, (_r, t) => `${t}人民政府机构职能及内设机构`],
  ['办事指南', 2, (r, t) => `${t}${r.pick(['农村宅基地建房审批', '城乡居民医疗保险参保', '最低生活保障申请', '残疾人两项补贴申请', '临时救助申请'])}办事指南`],
  ['政府工作报告', 1, (_r, t, y) => `${y}年${t}人民政府工作报告`],
  ['财政预决算', 3, (r, t, y) => `${t}${y}年${r.pick(['财政预算', '财政决算', '“三公”经费预算', '部门预算'])}公开`],
  ['通知公告', 70, (r, t) => `${t}关于${r.pick(['开展春季森林防火', '城乡居民医保集中缴费', '耕地地力保护补贴发放', '征兵报名', '防汛抗旱', '秸秆禁烧', '农村人居环境整治', '燃气安全排查', '公益性岗位招聘', '低保对象公示', '临时救助公示', '项目招标结果公示'])}的${r.pick(['通知', '公告', '公示'])}`],
  ['工作动态', 72, (r, t) => `${t}${r.pick(['召开', '开展', '组织', '部署'])}${r.pick(['安全生产专题会议', '法治宣传进村活动', '矛盾纠纷排查化解工作', '乡村振兴工作推进会', '防汛演练', '文明创建工作', '党纪学习教育', '人居环境整治“回头看”'])}`],
  ['规范性文件', 1, (r, t) => `${t}人民政府关于印发${r.pick(['村级财务管理办法', '农村建房管理办法', '集体资产管理办法'])}的通知`],
  ['行政处罚', 3, (r, t) => `${t}综合行政执法队行政处罚决定信息公开（${r.pick(['违法建设', '占道经营', '乱倒垃圾', '擅自砍伐'])}）`],
  ['规划计划', 2, (r, t, y) => `${t}${y}年${r.pick(['国民经济和社会发展计划', '重点项目计划', '农村公路建设计划'])}`],
  ['重大决策', 1, (r, t) => `${t}${r.pick(['集镇污水管网建设', '农贸市场改造', '安置小区建设'])}重大行政决策事项公开`],
];

// the county's own town categories besides art. 21's, and the town category an item's subject files it under
const COUNTY_TOWN_CATEGORIES = ['农村人居环境整治', '农村危房改造'];
const TOWN_FILING: ReadonlyArray<readonly [RegExp, string]> = [
  [/低保|最低生活保障|临时救助|残疾人两项补贴/, '社会救助'],
  [/耕地地力保护补贴|乡村振兴|秸秆禁烧/, '贯彻落实农业农村政策'],
  [/宅基地/, '宅基地使用情况审核'],
  [/防汛/, '农田水利工程建设运营'],
  [/人居环境/, '农村人居环境整治'],
  [/安置小区/, '房屋征收'],
];

function makeItem(r: Rng, town: string, category: string, title: string, start: string, end: string, to: string): Row {
  const made = dateBetween(r, start, end);
  const values: Record<string, unknown> = { title, category, made_on: made, issuing_unit: category === '行政处罚' ? '综合行政执法队' : '党政办公室', summary: `${title}。` };
  const filed = TOWN_FILING.find(([re]) => re.test(title))?.[1];
  if (filed) values['town_category'] = filed;
  const submitted = addDays(made, r.int(0, 2));
  if (submitted <= to) {
    values['secrecy_submitted_on'] = submitted;
    const reviewed = addDays(submitted, r.int(0, 3));
    if (reviewed <= to) {
      const withheld = r.chance(0.01);
      values['secrecy_result'] = withheld ? '不予公开' : r.chance(0.03) ? '删除涉密内容后公开' : '同意公开';
      values['secrecy_reviewer'] = r.pick(['党政办主任', '分管领导', '保密员']);
      values['secrecy_reviewed_on'] = reviewed;
      if (withheld) values['secrecy_opinion'] = '涉及工作秘密，不宜公开';
      // about one in fifty goes past the 20-working-day limit
      const published = addDays(reviewed, r.chance(0.02) ? r.int(30, 40) : r.int(0, 5));
      if (!withheld && published <= to) {
        values['published_on'] = published;
        values['channels'] = r.chance(0.3) ? ['政府网站', '政务公开栏'] : ['政府网站'];
        values['url'] = `https://www.example.gov.cn/${town}/xxgk/${made.replace(/-/g, '')}${r.int(100, 999)}.html`;
      }
    }
  }
  return { orgCode: `${town}-01`, values };
}

const SUBJECTS = ['征地补偿安置方案', '房屋征收补偿协议', '最低生活保障对象评定材料', '村集体资金收支明细', '建设项目规划审批材料', '行政处罚决定书', '财政预算执行情况', '惠农补贴发放明细', '农村宅基地审批档案', '道路建设项目招投标文件', '土地承包经营权登记资料', '拆除违法建筑的决定及依据', '集体林地流转合同', '扶贫项目资金使用情况'];
const KINDS: ReadonlyArray<readonly [ApplicantKind, number]> = [['自然人', 72], ['商业企业', 10], ['科研机构', 2], ['社会公益组织', 3], ['法律服务机构', 8], ['其他', 5]];
const OUTCOME_WEIGHTS: ReadonlyArray<readonly [string, number]> = [['予以公开', 40], ['部分公开', 10], ['不予公开', 9], ['无法提供', 26], ['不予处理', 10], ['其他处理', 5]];

function makeApplication(r: Rng, town: string, received: string, to: string): Record<string, unknown> {
  const kind = r.weighted(KINDS);
  const channel = r.weighted([['当面提交', 35], ['邮寄（需签收）', 32], ['平常信函', 8], ['互联网', 22], ['传真', 3]] as const);
  const subject = `申请公开${village(r, town)}${r.pick(SUBJECTS)}`;
  const v: Record<string, unknown> = {
    channel,
    // art. 31: the channel's own date is the day of receipt (received_on follows from it)
    [receiptField(channel) ?? 'submitted_on']: received,
    ...(channel === '邮寄（需签收）' ? { submitted_on: addDays(received, -r.int(1, 3)) } : {}),
    applicant_kind: kind,
    applicant_name: personName(r),
    phone: mobile(r),
    address: `${SHORT[town] ?? ''}${village(r, town)}${r.int(1, 12)}组`,
    subject,
    content: `${subject}，用于${r.pick(['维护自身合法权益', '了解补偿标准', '诉讼参考', '学术研究'])}。`,
    supply_form: r.weighted([['纸质', 60], ['电子邮件', 25], ['现场查阅', 15]] as const),
    handler: personName(r),
  };
  if (kind === '自然人') v['applicant_id'] = idNumber(r);
  else {
    v['org_name'] = kind === '商业企业' ? companyName(r) : kind === '法律服务机构' ? `演示县${r.pick(['正义', '明德', '信达'])}律师事务所` : kind === '科研机构' ? '演示市农业科学研究所' : kind === '社会公益组织' ? '演示县环保志愿者协会' : '演示县某村股份经济合作社';
    if (kind === '商业企业') v['uscc'] = uscc(r);
  }
  const group = r.weighted(OUTCOME_WEIGHTS);
  const reasons = OUTCOME_TREE.find((o) => o.outcome === group)?.reasons ?? [];
  const reason = reasons.length ? r.pick(reasons) : null;
  let clockFrom = received;
  const noSupplement = reason === '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
  if (noSupplement || reason === '补正后申请内容仍不明确' || r.chance(0.1)) {
    v['supplement_requested_on'] = addDays(received, r.int(1, 5));
    v['supplement_items'] = r.pick(['请说明所申请信息的名称、文号或者便于查询的其他特征性描述（如形成时间、涉及的地块或项目名称）', '请补充申请人身份证明，并明确获取信息的方式']);
    v['supplement_due_on'] = addDays(String(v['supplement_requested_on']), 15);
    if (noSupplement) {
      const lapsed = addDays(String(v['supplement_due_on']), r.int(1, 5));
      if (lapsed <= to) v['lapsed_on'] = lapsed;
    }
    if (!noSupplement) {
      const back = addDays(String(v['supplement_requested_on']), r.int(2, 12));
      if (back <= to) v['supplement_received_on'] = back;
      clockFrom = back;
    } else clockFrom = addDays(String(v['supplement_requested_on']), 20);
  }
  if (reason === '保护第三方合法权益' || (group === '部分公开' && r.chance(0.3))) {
    v['consult_party'] = '第三方';
    v['consult_with'] = r.pick(['相关土地承包经营户', '项目施工单位', '相关村股份经济合作社']);
    v['consult_sent_on'] = addDays(clockFrom, r.int(2, 6));
    const back = addDays(String(v['consult_sent_on']), r.int(5, 15));
    if (back <= to) {
      v['consult_replied_on'] = back;
      v['consult_opinion'] = reason === '保护第三方合法权益' ? '不同意公开' : '同意公开';
    }
    clockFrom = addDays(back, 2);
  }
  const extended = r.chance(0.08);
  if (extended) {
    const on = addDays(clockFrom, r.int(18, 24));
    if (on <= to) {
      v['extension_approved_on'] = on;
      v['extension_reason'] = r.pick(['申请公开的信息涉及多个年度档案，需调档核查', '涉及多个部门，需会商确认']);
    }
  }
  const answered = addDays(clockFrom, extended ? r.int(30, 50) : r.int(5, 26));
  const waiting = (v['supplement_requested_on'] && !v['supplement_received_on']) || (v['consult_sent_on'] && !v['consult_replied_on']);
  if (v['lapsed_on']) Object.assign(v, { answered_on: v['lapsed_on'], outcome: group, outcome_reason: reason });
  else if (answered <= to && !waiting) {
    v['answered_on'] = answered;
    v['outcome'] = group;
    if (reason) v['outcome_reason'] = reason;
  }
  return v;
}

/** ≈150 proactive items and 10–40 applications a year in each town, and a few from December two years back carried over */
export async function seedDisclosureDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('disclosure');
  const { from, to, years } = demoWindow(ctx.now);
  const items: Row[] = [];
  const apps: Row[] = [];
  for (const town of DEMO_TOWN_CODES) {
    const name = SHORT[town] ?? '';
    let seq = 0;
    // applications received in the December before the window, some answered only in January: 上年结转
    const before = (years[0] ?? 2025) - 1;
    for (let i = 0; i < r.int(2, 4); i++) {
      const received = dateBetween(r, `${before}-12-05`, `${before}-12-28`);
      apps.push({ orgCode: `${town}-01`, values: { app_no: `${name}依申〔${before}〕${String(90 + i).padStart(3, '0')}号`, ...makeApplication(r, town, received, to) } });
    }
    for (const year of years) {
      const end = minDate(`${year}-12-31`, to);
      const start = year === years[0] ? from : `${year}-01-01`;
      const share = Math.max(0, (Date.parse(end) - Date.parse(start)) / (365 * 86_400_000));
      for (const [category, perYear, title] of ITEM_PLAN) {
        const n = perYear <= 3 ? (share > 0.25 ? perYear : 0) : Math.round(perYear * share * (0.85 + r.next() * 0.3));
        for (let i = 0; i < n; i++) items.push(makeItem(r, town, category, title(r, name, year), start, end, to));
      }
      const nApps = Math.round(r.int(10, 40) * share);
      const dates = Array.from({ length: nApps }, () => dateBetween(r, start, end)).sort();
      seq = 0;
      for (const received of dates) apps.push({ orgCode: `${town}-01`, values: { app_no: `${name}依申〔${year}〕${String(++seq).padStart(3, '0')}号`, ...makeApplication(r, town, received, to) } });
    }
  }
  await setSetting(ctx.tx, TOWN_CATEGORIES_SETTING, COUNTY_TOWN_CATEGORIES);
  await seedLedger(ctx, platform, 'disclosure.item', items);
  await seedLedger(ctx, platform, 'disclosure.application', apps);
}
