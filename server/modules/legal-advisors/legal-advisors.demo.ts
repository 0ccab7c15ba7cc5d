import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, amountBetween, companyName, dateBetween, datesOver, daysBetween, DEMO_TOWN_CODES, demoWindow, minDate, mobile, officeOf, personName, rng, TOWN_VILLAGES, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import type { AFFAIR_TYPES, REVIEW_TYPES, VOLUNTEER_ROLES } from './legal-advisors.ledgers.ts';

type Row = { orgCode: string; values: Record<string, unknown> };
type ReviewType = (typeof REVIEW_TYPES)[number];
type AffairType = (typeof AFFAIR_TYPES)[number];

const TOWNS: Record<string, { full: string; short: string; govPerYear: number; volunteersPerVillage: readonly [number, number] }> = {
  '999001001000': { full: '城关镇', short: '城关', govPerYear: 30, volunteersPerVillage: [16, 21] },
  '999001002000': { full: '清溪镇', short: '清溪', govPerYear: 22, volunteersPerVillage: [13, 18] },
  '999001003000': { full: '石桥乡', short: '石桥', govPerYear: 18, volunteersPerVillage: [12, 16] },
};
const FIRMS = ['演示县正衡律师事务所', '演示县明德律师事务所', '演示县天平律师事务所', '演示县公正律师事务所'];
const SERVICE_OFFICES: Record<string, string> = { '999001001000': '演示县城关法律服务所', '999001002000': '演示县清溪法律服务所', '999001003000': '演示县石桥法律服务所' };
const COUNTY_UNITS = ['县人民政府办公室', '县发展和改革局', '县财政局', '县自然资源局', '县住房和城乡建设局', '县农业农村局', '县交通运输局', '县水利局', '县教育局', '县卫生健康局', '县市场监督管理局', '县综合行政执法局'];
const COUNTY_PER_YEAR = 320;

const townOf = (code: string): (typeof TOWNS)[string] => {
  const t = TOWNS[code];
  if (!t) throw new Error(`no demo town ${code}`);
  return t;
};

const committeeOf = (v: string): string => (v.endsWith('社区') ? `${v}居民委员会` : `${v}村民委员会`);

interface Appointment {
  id?: number;
  kind: '政府法律顾问' | '部门法律顾问' | '村（居）法律顾问';
  /** the village(s) served, or the government */
  units: readonly string[];
  from: string;
  until: string;
}

function licence(r: Rng, profession: string): string | null {
  if (profession === '基层法律服务工作者') return `3999${r.int(2008, 2019)}${String(r.int(0, 9_999_999)).padStart(7, '0')}`.slice(0, 15);
  return `1999${r.int(0, 9)}${r.int(2003, 2019)}${r.int(1, 2)}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
}

function advisorRow(r: Rng, org: string, a: Appointment, firm: string, profession: string, who: { name: string; gender: string; licence: string | null; phone: string }, engagement: string, endedOn: string | null): Row {
  const village = a.kind === '村（居）法律顾问';
  return {
    orgCode: org,
    values: {
      name: who.name,
      gender: who.gender,
      profession,
      law_firm: firm,
      licence_no: who.licence,
      phone: who.phone,
      kind: a.kind,
      served_units: a.units.join('、'),
      contract_start: a.from,
      contract_end: a.until,
      annual_fee: village ? amountBetween(r, 0.5, 1) : amountBetween(r, 3, 8),
      service_schedule: village ? `每月第${r.pick(['一、三', '二、四'])}周周${r.pick(['二', '三', '四'])}${r.pick(['上午', '下午'])}驻村值班` : r.pick(['每周二全天到政府坐班，重大事项随叫随到', '每周四上午坐班，列席党委会、常务会', '每月不少于4个工作日现场服务']),
      engagement,
      ended_on: endedOn,
      remarks: engagement === '已解聘' ? '因所在律师事务所工作调整，本人申请解除聘用，已另行选聘' : null,
    },
  };
}

const person = (r: Rng, profession: string): { name: string; gender: string; licence: string | null; phone: string } => ({ name: personName(r), gender: r.chance(0.62) ? '男' : '女', licence: licence(r, profession), phone: mobile(r) });

const GOV_PROJECTS = ['农村人居环境整治提升项目', '农村公路硬化工程', '集镇污水管网改造工程', '便民服务中心装修改造工程', '高标准农田建设项目', '村道路灯亮化工程', '河道清淤疏浚工程', '小型农田水利设施维修工程', '中心小学周边道路改造工程', '文化广场建设工程'];
const GOV_SERVICES = ['生活垃圾清运服务', '机关食堂食材配送', '办公楼物业管理服务', '公共厕所保洁服务', '办公设备采购', '森林防火巡护服务', '农村饮水安全工程运维服务', '法律顾问服务'];
const AGREEMENTS = ['招商引资项目投资协议', '集体土地征收补偿安置协议', '房屋征收补偿协议', '闲置校舍租赁协议', '村企共建合作协议', '光伏发电项目合作协议', '农业产业园区合作框架协议', '国有资产租赁协议'];
const NORMATIVE = ['农村宅基地审批管理办法', '村级财务管理办法', '农村人居环境整治奖补办法', '农村集体资产资源管理办法', '防汛抗旱应急工作实施办法', '集镇市容环境卫生管理办法'];
const DECISIONS = ['集镇农贸市场搬迁改造方案', '老旧小区改造实施方案', '乡村振兴示范带建设规划', '集镇区道路停车收费管理方案', '农村生活污水治理实施方案'];
const PETITIONS = ['征地补偿款分配', '宅基地确权', '拖欠工程款', '养殖场环境污染', '违法建筑拆除', '低保资格认定', '土地承包经营权调整'];
const OTHER_DOCS = ['行政处罚决定书', '责令限期拆除决定书', '行政强制执行催告书', '行政诉讼答辩状', '律师函复函', '政府信息公开申请答复书'];
const VILLAGE_CONTRACTS = ['集体土地承包经营权流转合同', '集体厂房租赁合同', '村道硬化工程施工合同', '屋顶光伏发电租赁合同', '鱼塘承包合同', '集体山林承包合同', '村级集体经济合作项目协议', '村委会办公楼维修工程合同', '农产品购销合同'];
const COUNTY_TITLES = ['政府采购合同', '建设工程施工合同', '技术服务合同', '特许经营协议', '战略合作框架协议', '国有土地使用权出让合同', 'PPP项目合同补充协议', '委托运营服务合同'];

const SUGGESTIONS: Record<ReviewType, readonly string[]> = {
  政府合同: ['建议明确工程款支付节点并与验收进度挂钩', '违约责任约定不明，建议增加逾期完工违约金计算方式', '建议补充争议解决条款，约定向演示县人民法院起诉', '建议核实相对方资质证书及安全生产许可证并作为合同附件', '建议明确质量保修期及质量保证金比例', '建议增加廉洁条款和保密条款', '合同价款未区分含税与不含税，建议予以明确', '建议明确工程变更的审批程序'],
  协议: ['建议明确投资强度、税收贡献等履约指标及未达标的处理', '补偿标准应与征收补偿方案一致，建议核对计算依据', '建议删除政府承诺给予税收返还的条款', '建议增加协议解除条件及解除后资产处置约定', '建议明确租金调整机制和支付方式', '协议主体应为镇人民政府而非内设机构，建议更正'],
  '村（居）合同': ['流转期限超过承包期剩余期限，建议调整', '建议履行村民代表会议表决程序并附会议记录', '租金标准明显偏低，建议经集体经济组织评估后确定', '建议明确承租方不得改变土地农业用途', '建议补充到期后地上附着物的处置约定', '建议明确工程款支付应经村务监督委员会审核'],
  行政规范性文件: ['制定依据引用的规章已废止，建议更新', '建议删除设定行政处罚的内容，乡镇规范性文件无权设定', '建议删除限制外地经营者的条款（公平竞争审查）', '建议补充施行日期和有效期', '建议履行公开征求意见程序，时间不少于7个工作日'],
  重大行政决策: ['建议补充社会稳定风险评估报告', '公众参与期限不足30日，建议延长或在说明中载明理由', '建议组织专家论证并形成书面意见', '方案中涉及的征收补偿标准应按县政府批准的标准执行'],
  信访答复: ['答复意见应告知信访人申请复查的期限和途径', '建议引用的政策依据注明文号和条款', '事实认定部分建议补充调查核实情况', '建议对诉求中属于诉讼途径解决的事项导入法定途径'],
  其他法律文书: ['建议补充认定违法事实的证据名称', '法律依据应引用到条、款、项', '建议告知当事人陈述、申辩及听证权利', '送达方式不符合规定，建议依法留置送达或公告送达'],
};

function reviewTitle(r: Rng, type: ReviewType, town: string, village: string | null): { title: string; counterparty: string | null; amount: number | null } {
  switch (type) {
    case '政府合同': {
      const service = r.chance(0.45);
      return service
        ? { title: `${town}${r.pick(GOV_SERVICES)}合同`, counterparty: companyName(r), amount: amountBetween(r, 2, 60) }
        : { title: `${town}${r.pick(GOV_PROJECTS)}施工合同`, counterparty: companyName(r), amount: amountBetween(r, 20, 600) };
    }
    case '协议':
      return { title: `${town}${r.pick(AGREEMENTS)}`, counterparty: r.chance(0.7) ? companyName(r) : personName(r), amount: r.chance(0.7) ? amountBetween(r, 5, 2000) : null };
    case '村（居）合同':
      return { title: `${village ?? ''}${r.pick(VILLAGE_CONTRACTS)}`, counterparty: r.chance(0.6) ? companyName(r) : personName(r), amount: amountBetween(r, 0.5, 80) };
    case '行政规范性文件':
      return { title: `关于印发《${town}${r.pick(NORMATIVE)}》的通知`, counterparty: null, amount: null };
    case '重大行政决策':
      return { title: `${town}${r.pick(DECISIONS)}（草案）`, counterparty: null, amount: null };
    case '信访答复':
      return { title: `关于${personName(r).slice(0, 1)}某某反映${r.pick(PETITIONS)}问题的答复意见书`, counterparty: null, amount: null };
    case '其他法律文书':
      return { title: `${r.pick(OTHER_DOCS)}（${r.pick(['违法建设', '占道经营', '乱倒建筑垃圾', '噪声扰民'])}）`, counterparty: null, amount: null };
  }
}

function townUnit(r: Rng, type: ReviewType, townGov: string): string {
  switch (type) {
    case '政府合同':
      return r.pick(['党政办公室', '村镇建设办公室', '农业农村办公室', '应急管理办公室', '财政所']);
    case '协议':
      return r.pick(['经济发展办公室', '党政办公室', '村镇建设办公室']);
    case '信访答复':
      return '信访办';
    case '其他法律文书':
      return r.pick(['综合行政执法队', '综合行政执法队', '党政办公室']);
    default:
      return r.chance(0.7) ? '党政办公室' : townGov;
  }
}

/** what a reviewer sends papers back for, by kind of document */
const RETURN_REASONS: Partial<Record<ReviewType, readonly string[]>> = {
  政府合同: ['请补充相对方营业执照、资质证书复印件及授权委托书。', '请补充项目立项批复和预算资金来源说明。', '请补充招标（比选）文件及中标通知书。'],
  协议: ['请补充协议相对方主体资格证明材料。', '请补充协议所涉土地、房屋权属证明。'],
  '村（居）合同': ['请补充村民代表会议决议及公示材料。', '请补充承包（租赁）土地四至图及面积测量资料。'],
  行政规范性文件: ['请补充起草说明、征求意见情况及采纳情况说明。', '请补充制定依据的法律、法规、规章文本。'],
  重大行政决策: ['请补充公众参与、专家论证和风险评估材料。', '请补充决策方案的起草说明及依据。'],
  其他法律文书: ['请补充相关事实材料和证据。', '请补充拟答复事项的办理过程材料。'],
};

/** the review record: numbers, dates and opinions consistent with how long ago it came in */
function reviewRow(r: Rng, org: string, no: string, type: ReviewType, received: string, to: string, unit: string, advisorId: number, t: { title: string; counterparty: string | null; amount: number | null }): Row {
  const age = daysBetween(received, to);
  // a week's intake is still under review; now and then papers sent back wait longer
  const progress = age < 8 && r.chance(0.75) ? '审查中' : age < 25 && r.chance(0.06) ? '退回补充材料' : '已出具意见';
  const done = progress === '已出具意见';
  const conclusion = done ? r.weighted([['未发现法律问题', type === '村（居）合同' ? 35 : 25], ['修改完善后可签署（实施）', 70], ['不宜签署（实施）', 5]] as const) : null;
  const picked = conclusion && conclusion !== '未发现法律问题' ? [...new Set(Array.from({ length: conclusion === '不宜签署（实施）' ? r.int(1, 2) : r.int(1, 4) }, () => r.pick(SUGGESTIONS[type])))] : [];
  const adopted = conclusion === '不宜签署（实施）' ? r.int(0, picked.length) : Math.max(0, picked.length - (r.chance(0.15) ? 1 : 0));
  const opinion = !done
    ? null
    : conclusion === '未发现法律问题'
      ? '经审查，主体适格，内容不违反法律、法规强制性规定，程序合法，条款基本完备，未发现法律问题。'
      : `经审查，提出以下意见：${picked.map((s, i) => `${i + 1}.${s}`).join('；')}。${conclusion === '不宜签署（实施）' ? '上述问题未解决前不宜签署（实施）。' : '修改完善后可以签署（实施）。'}`;
  return {
    orgCode: org,
    values: {
      review_no: no,
      review_type: type,
      title: t.title,
      submitting_unit: unit,
      counterparty: t.counterparty,
      contract_amount: ['政府合同', '协议', '村（居）合同'].includes(type) ? t.amount : null,
      received_on: received,
      advisor_id: advisorId,
      // papers sent back: what is missing, a day or three after they came in
      returned_on: progress === '退回补充材料' ? minDate(addDays(received, r.int(1, 3)), to) : null,
      return_reason: progress === '退回补充材料' ? r.pick(RETURN_REASONS[type] ?? RETURN_REASONS['其他法律文书'] ?? []) : null,
      conclusion,
      opinion,
      suggestions: done ? picked.length : null,
      adopted: done ? adopted : null,
      completed_on: done ? minDate(addDays(received, r.weighted([[r.int(1, 3), 60], [r.int(4, 7), 35], [r.int(8, 12), 5]] as const)), to) : null,
    },
  };
}

const CONSULT_TOPICS = ['土地承包经营权流转', '宅基地使用权', '赡养老人', '离婚财产分割', '遗产继承', '拖欠劳动报酬', '工伤认定', '民间借贷', '相邻通行', '交通事故赔偿', '电信网络诈骗防范', '房屋租赁'];
const LECTURE_THEMES = ['民法典与百姓生活', '宪法进村（社区）', '反电信网络诈骗法', '农村土地承包法', '劳动合同法与农民工权益保护', '未成年人保护法', '反家庭暴力法', '老年人权益保障法', '禁毒法宣传'];
const AGENDA = ['农村人居环境整治项目实施方案', '集镇农贸市场改造提升方案', '征地补偿安置方案', '村级集体经济发展扶持办法', '闲置校舍资产处置', '防汛应急预案修订', '燃气管道老化更新改造', '高标准农田建设项目招标', '违法建筑专项整治方案', '招商引资项目入驻协议', '年度重大行政决策事项目录'];

function affairRow(r: Rng, org: string, type: AffairType, on: string, advisorId: number, at: { gov: string; meeting: string }, village: string | null): Row {
  const gov = at.gov;
  const base = { affair_on: on, affair_type: type, advisor_id: advisorId, people: null as number | null, opinions: null as number | null, case_no: null as string | null };
  let v: Record<string, unknown>;
  switch (type) {
    case '驻村（社区）法律咨询': {
      const n = r.int(2, 12);
      const topics = [...new Set([r.pick(CONSULT_TOPICS), r.pick(CONSULT_TOPICS)])];
      v = { ...base, subject: `${village ?? ''}驻村值班法律咨询`, place: village, description: `在${village ?? ''}公共法律服务工作室值班，接待群众${n}人次，解答${topics.join('、')}等法律咨询，引导${r.int(0, 2)}人通过诉讼、调解等途径依法解决。`, people: n, hours: r.pick([2, 3, 4]) };
      break;
    }
    case '列席党委会（政府常务会）': {
      const item = r.pick(AGENDA);
      const o = r.weighted([[0, 60], [1, 30], [2, 10]] as const);
      v = { ...base, subject: `列席${at.meeting}，审查“${item}”议题`, place: gov, description: `对“${item}”议题进行会前合法性审查，${o ? `提出法律意见建议${o}条，为参会领导解读相关法律法规依据` : '认为议题内容和程序符合法律规定'}。`, opinions: o, hours: 3 };
      break;
    }
    case '参加专题会议': {
      const item = r.pick(AGENDA);
      const o = r.int(1, 3);
      v = { ...base, subject: `参加“${item}”专题研究会`, place: gov, description: `就“${item}”涉及的法律风险进行分析，提出防范建议${o}条。`, opinions: o, hours: r.pick([2, 3]) };
      break;
    }
    case '诉讼（复议）代理': {
      const admin = r.chance(0.6);
      v = { ...base, subject: `代理${r.pick(['行政诉讼', '民事诉讼', '行政复议'])}案件（${r.pick(['不服强制拆除决定', '建设工程款纠纷', '不服信息公开答复', '土地租赁合同纠纷'])}）`, place: '演示县人民法院', description: '受政府委托出庭代理，提交答辩状及证据材料，发表代理意见。', case_no: admin ? `（${on.slice(0, 4)}）演0101行初${r.int(1, 90)}号` : `（${on.slice(0, 4)}）演0101民初${r.int(100, 3000)}号`, opinions: r.int(0, 2), hours: r.pick([4, 6, 8]) };
      break;
    }
    case '矛盾纠纷化解':
      v = { ...base, subject: `参与化解${r.pick(['征地补偿', '工程款拖欠', '土地流转', '山林权属', '群体性劳资'])}纠纷`, place: village ?? gov, description: '会同司法所、村调委会释法说理，提出依法处理意见，促成双方达成调解协议。', people: r.int(2, 30), opinions: r.int(0, 2), hours: r.pick([2, 3, 4]) };
      break;
    case '法治讲座（培训）': {
      const theme = r.pick(LECTURE_THEMES);
      v = { ...base, subject: `“${theme}”法治讲座`, place: village ?? gov, description: `以案释法讲解${theme}相关知识，发放宣传资料，现场解答群众提问。`, people: r.int(30, 150), hours: 2 };
      break;
    }
    case '信访接待':
      v = { ...base, subject: '参与领导接访日信访接待', place: gov, description: `接待来访群众${r.int(1, 6)}批次，对${r.pick(PETITIONS)}等诉求从法律角度释法明理，引导依法逐级走访。`, people: r.int(1, 15), hours: 3 };
      break;
    case '涉法事务处置':
      v = { ...base, subject: `参与处置${r.pick(['企业欠薪群体性事件', '安全生产事故善后', '违法建筑强制拆除', '突发环境事件', '学校安全事故'])}`, place: gov, description: '现场提供法律意见，审核处置方案和相关文书，防范法律风险。', opinions: r.int(1, 3), hours: r.pick([3, 4, 6]) };
      break;
    case '其他':
      v = { ...base, subject: '审核村规民约（居民公约）修订稿', place: village ?? gov, description: '对村规民约中与法律相抵触的条款提出修改意见。', opinions: r.int(1, 3), hours: 2 };
      break;
  }
  return { orgCode: org, values: v };
}

/** the advisors, volunteers, reviews and advisor work of each demo town and of the county's justice bureau */
export async function seedLegalAdvisorsDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('legal-advisors');
  const { from, to, years } = demoWindow(ctx.now);
  const [y0, y1] = years as [number, number];
  const advisors: Row[] = [];
  const appointments: Array<Appointment & { org: string }> = [];
  const add = (org: string, a: Appointment, firm: string, profession: string, who: ReturnType<typeof person>, engagement: string, ended: string | null): void => {
    advisors.push(advisorRow(r, org, a, firm, profession, who, engagement, ended));
    appointments.push({ ...a, org, until: ended ?? a.until });
  };

  // county: the government's standing advisors, kept by the justice bureau
  const countyOrg = officeOf(DEMO_COUNTY.code, 'justice');
  for (const firm of FIRMS.slice(0, 2)) for (let k = 0; k < 2; k++) add(countyOrg, { kind: '政府法律顾问', units: ['演示县人民政府'], from: `${y0}-01-01`, until: `${y1}-12-31` }, firm, '执业律师', person(r, '执业律师'), '在聘', null);
  add(countyOrg, { kind: '部门法律顾问', units: ['县司法局'], from: `${y0}-01-01`, until: `${y1}-12-31` }, '演示县司法局', '公职律师', person(r, '公职律师'), '在聘', null);

  for (const town of DEMO_TOWN_CODES) {
    const t = townOf(town);
    const org = officeOf(town, 'justice');
    const gov = `${t.full}人民政府`;
    const firm = r.pick(FIRMS);
    add(org, { kind: '政府法律顾问', units: [gov], from: `${y0 - 3}-01-01`, until: `${y0 - 1}-12-31` }, firm, '执业律师', person(r, '执业律师'), '已期满', null);
    for (let k = 0; k < (town === '999001001000' ? 2 : 1); k++) add(org, { kind: '政府法律顾问', units: [gov], from: `${y0}-01-01`, until: `${y1}-12-31` }, firm, '执业律师', person(r, '执业律师'), '在聘', null);
    const villages = TOWN_VILLAGES[town] ?? [];
    // one lawyer (or legal service worker) covers about three villages
    for (let i = 0; i * 3 < villages.length; i++) {
      const profession = i === 0 ? '基层法律服务工作者' : '执业律师';
      const office = profession === '执业律师' ? r.pick(FIRMS) : (SERVICE_OFFICES[town] ?? '');
      const a: Appointment = { kind: '村（居）法律顾问', units: villages.slice(i * 3, i * 3 + 3), from: `${y0}-01-01`, until: `${y1}-12-31` };
      // one advisor left in the middle of last year and was replaced for the same villages
      if (i === 1) {
        const ended = `${y0}-06-30`;
        add(org, a, office, profession, person(r, profession), '已解聘', ended);
        add(org, { ...a, from: addDays(ended, 1) }, r.pick(FIRMS), '执业律师', person(r, '执业律师'), '在聘', null);
      } else add(org, a, office, profession, person(r, profession), '在聘', null);
    }
  }
  const advisorIds = await seedLedger(ctx, platform, 'advisors.advisor', advisors);
  appointments.forEach((a, i) => (a.id = advisorIds[i] ?? 0));
  const serving = (org: string, unit: string | null, on: string): number => {
    const found = appointments.filter((a) => a.org === org && (unit === null ? a.kind !== '村（居）法律顾问' : a.units.includes(unit)) && a.from <= on && on <= a.until);
    return (found.length ? found[Math.floor(r.next() * found.length)] : undefined)?.id ?? 0;
  };

  const volunteers: Row[] = [];
  const reviews: Row[] = [];
  const affairs: Row[] = [];
  const number = (counter: Map<number, number>, day: string): number => {
    const y = Number(day.slice(0, 4));
    const n = (counter.get(y) ?? 0) + 1;
    counter.set(y, n);
    return n;
  };

  for (const town of DEMO_TOWN_CODES) {
    const t = townOf(town);
    const org = officeOf(town, 'justice');
    const gov = `${t.full}人民政府`;
    const villages = TOWN_VILLAGES[town] ?? [];
    for (const v of villages) {
      for (let k = 0, n = r.int(...t.volunteersPerVillage); k < n; k++) {
        const enrolled = dateBetween(r, '2020-03-01', minDate(`${y0}-10-31`, to));
        const trained = r.chance(0.86);
        const trainedOn = trained ? dateBetween(r, enrolled > `${y0}-03-01` ? enrolled : `${y0}-03-01`, to) : null;
        volunteers.push({
          orgCode: org,
          values: {
            name: personName(r),
            village: v,
            gender: r.chance(0.58) ? '男' : '女',
            birth_year: r.int(1956, 2001),
            occupation: r.weighted<(typeof VOLUNTEER_ROLES)[number]>([['村（社区）干部', 25], ['网格员', 15], ['人民调解员', 12], ['村民小组长', 12], ['党员', 10], ['乡贤', 6], ['退役军人', 5], ['教师', 4], ['个体工商户', 5], ['普通村民', 5], ['其他', 1]]),
            education: r.pick(['初中', '高中（中专）', '高中（中专）', '大专', '本科及以上', '小学及以下']),
            phone: mobile(r),
            enrolled_on: enrolled,
            trained,
            trained_on: trainedOn,
            training_hours: trained ? r.int(4, 24) : null,
            active: r.chance(0.96),
          },
        });
      }
    }

    // reviews: government documents, and every village's contracts
    const counter = new Map<number, number>();
    const incoming: Array<{ day: string; type: ReviewType; village: string | null }> = [
      ...datesOver(r, from, to, t.govPerYear).map((day) => ({ day, type: r.weighted<ReviewType>([['政府合同', 45], ['协议', 18], ['行政规范性文件', 4], ['重大行政决策', 4], ['信访答复', 14], ['其他法律文书', 15]]), village: null })),
      ...villages.flatMap((v) => datesOver(r, from, to, r.int(8, 16)).map((day) => ({ day, type: '村（居）合同' as const, village: v }))),
    ].sort((a, b) => a.day.localeCompare(b.day));
    for (const item of incoming) {
      const no = `（${item.day.slice(0, 4)}）${t.short}法审字第${String(number(counter, item.day)).padStart(3, '0')}号`;
      const unit = item.village ? committeeOf(item.village) : townUnit(r, item.type, gov);
      reviews.push(reviewRow(r, r.chance(0.85) ? org : officeOf(town, 'government'), no, item.type, item.day, to, unit, serving(org, item.village, item.day), reviewTitle(r, item.type, t.full, item.village)));
    }

    // advisor work: village duty days and lectures, government meetings and legal affairs
    for (const v of villages) {
      for (const day of datesOver(r, from, to, r.int(18, 24))) affairs.push(affairRow(r, org, '驻村（社区）法律咨询', day, serving(org, v, day), { gov, meeting: gov }, v));
      for (const day of datesOver(r, from, to, r.int(1, 3))) affairs.push(affairRow(r, org, '法治讲座（培训）', day, serving(org, v, day), { gov, meeting: gov }, v));
      for (const day of datesOver(r, from, to, r.chance(0.5) ? 1 : 0)) affairs.push(affairRow(r, org, r.pick(['矛盾纠纷化解', '其他'] as const), day, serving(org, v, day), { gov, meeting: gov }, v));
    }
    const govWork: ReadonlyArray<readonly [AffairType, number]> = [['列席党委会（政府常务会）', r.int(12, 20)], ['参加专题会议', r.int(4, 8)], ['诉讼（复议）代理', r.int(1, 3)], ['矛盾纠纷化解', r.int(2, 5)], ['信访接待', r.int(6, 10)], ['涉法事务处置', r.int(2, 4)]];
    const at = { gov, meeting: r.pick([`${t.full}党委会议`, `${t.full}党政联席会议`]) };
    for (const [type, perYear] of govWork) for (const day of datesOver(r, from, to, perYear)) affairs.push(affairRow(r, org, type, day, serving(org, null, day), at, null));
  }

  // county: contracts and documents from county departments, reviewed by the government's advisors
  const counter = new Map<number, number>();
  for (const day of datesOver(r, from, to, COUNTY_PER_YEAR)) {
    const type = r.weighted<ReviewType>([['政府合同', 62], ['协议', 18], ['行政规范性文件', 8], ['重大行政决策', 3], ['信访答复', 4], ['其他法律文书', 5]]);
    const unit = r.pick(COUNTY_UNITS);
    const base = reviewTitle(r, type, '演示县', null);
    const title = type === '政府合同' || type === '协议' ? { ...base, title: `${unit.replace(/^县/, '演示县')}${r.pick(COUNTY_TITLES)}` } : base;
    reviews.push(reviewRow(r, countyOrg, `（${day.slice(0, 4)}）演司审字第${String(number(counter, day)).padStart(3, '0')}号`, type, day, to, unit, serving(countyOrg, null, day), title));
  }
  const countyWork: ReadonlyArray<readonly [AffairType, number]> = [['列席党委会（政府常务会）', 24], ['参加专题会议', 12], ['诉讼（复议）代理', 10], ['信访接待', 8], ['涉法事务处置', 5]];
  for (const [type, perYear] of countyWork) for (const day of datesOver(r, from, to, perYear)) affairs.push(affairRow(r, countyOrg, type, day, serving(countyOrg, null, day), { gov: '演示县人民政府', meeting: '县人民政府常务会议' }, null));

  await seedLedger(ctx, platform, 'advisors.volunteer', volunteers);
  const reviewIds = await seedLedger(ctx, platform, 'advisors.review', reviews);
  await seedLedger(ctx, platform, 'advisors.contract', contractsSigned(r, reviews, reviewIds, to));
  await seedLedger(ctx, platform, 'advisors.affair', affairs);
}

/**
 * 政府合同备案: the government contracts and agreements the advisors cleared are signed a few days to weeks after
 * the opinion and filed within a month; village contracts are the villages' own and not filed with the government
 */
function contractsSigned(r: Rng, reviews: readonly Row[], ids: readonly number[], to: string): Row[] {
  const out: Row[] = [];
  reviews.forEach((rev, i) => {
    const v = rev.values;
    if (!['政府合同', '协议'].includes(String(v['review_type'])) || !v['completed_on'] || v['conclusion'] === '不宜签署（实施）' || !v['counterparty']) return;
    const signed = addDays(String(v['completed_on']), r.int(3, 20));
    const filed = addDays(signed, r.int(2, 25));
    if (filed > to || r.chance(0.05)) return;
    const performance = daysBetween(signed, to) > 200 && r.chance(0.6) ? '履行完毕' : r.chance(0.03) ? '变更' : '履行中';
    const county = rev.orgCode.startsWith(DEMO_COUNTY.code);
    out.push({
      orgCode: rev.orgCode,
      values: {
        contract_name: String(v['title']),
        review_id: ids[i],
        counterparty: String(v['counterparty']),
        amount: v['contract_amount'] ?? null,
        signed_on: signed,
        term_end: addDays(signed, r.pick([90, 180, 365, 730])),
        filed_on: filed,
        filed_to: county ? '本级人民政府（党政办公室）' : r.chance(0.7) ? '县人民政府（县司法局）' : '本级人民政府（党政办公室）',
        performance,
        remark: performance === '变更' ? '经双方协商，延长履行期限30日，已签订补充协议并经法律顾问审查。' : null,
      },
    });
  });
  return out;
}
