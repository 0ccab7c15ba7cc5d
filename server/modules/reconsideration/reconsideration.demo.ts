import { addDays, companyName, dateBetween, demoWindow, idNumber, mobile, personName, rng, uscc, village, windowYears, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import type { ACT_CATEGORIES } from './reconsideration.ledgers.ts';
import { seedOrganDemo } from './reconsideration.organ.demo.ts';
import { lostFor, type Kind } from './reconsideration.rules.ts';

type Category = (typeof ACT_CATEGORIES)[number];
type Level = 'town' | 'enforcement' | 'county' | 'office';

/** an organ that gets sued: the ledger is kept by whoever handles its 应诉 (a town's 司法所, the county 司法局 for the county government) */
interface Organ {
  org: string;
  town: string;
  respondent: string;
  abbr: string;
  level: Level;
  heads: readonly string[];
  perYear: Record<Kind, number>;
}

// a town sees a handful of cases a year ("涉及行政诉讼案件6宗"), the county tens
const ORGANS: readonly Organ[] = [
  { org: '999001001000-02', town: '999001001000', respondent: '城关镇人民政府', abbr: '城府', level: 'town', heads: ['镇长', '副镇长'], perYear: { 行政复议: 4, 行政诉讼: 6 } },
  { org: '999001002000-02', town: '999001002000', respondent: '清溪镇人民政府', abbr: '清府', level: 'town', heads: ['镇长', '副镇长'], perYear: { 行政复议: 3, 行政诉讼: 3 } },
  { org: '999001003000-02', town: '999001003000', respondent: '石桥乡人民政府', abbr: '石府', level: 'town', heads: ['乡长', '副乡长'], perYear: { 行政复议: 2, 行政诉讼: 2 } },
  { org: '999001000000-02', town: '999001001000', respondent: '演示县综合行政执法局', abbr: '演综执', level: 'enforcement', heads: ['局长', '副局长'], perYear: { 行政复议: 10, 行政诉讼: 5 } },
  { org: '999001000000-01', town: '999001002000', respondent: '演示县人民政府', abbr: '演政', level: 'county', heads: ['县长', '副县长'], perYear: { 行政复议: 3, 行政诉讼: 4 } },
  { org: '999001000000-03', town: '999001003000', respondent: '演示县人民政府办公室', abbr: '演政办', level: 'office', heads: ['主任', '副主任'], perYear: { 行政复议: 3, 行政诉讼: 2 } },
];

interface Act {
  category: Category;
  act: string;
  docNo: string | null;
  claim: string;
  /** what could lose the case: written into the risk analysis */
  risk: string;
}

const WEIGHTS: Record<Level, ReadonlyArray<readonly [Category, number]>> = {
  town: [['行政处罚', 3], ['行政强制', 3], ['行政许可', 1], ['信息公开', 2], ['征收补偿', 2], ['不履行法定职责', 2], ['行政协议', 1], ['行政裁决', 1]],
  enforcement: [['行政处罚', 5], ['行政强制', 2], ['不履行法定职责', 1], ['信息公开', 1]],
  county: [['征收补偿', 4], ['信息公开', 1], ['行政许可', 1], ['其他', 1]],
  office: [['信息公开', 5], ['不履行法定职责', 1]],
};

function actOf(r: Rng, o: Organ, year: number, category: Category): Act {
  const place = village(r, o.town);
  const n = r.int(1, 60);
  switch (category) {
    case '行政处罚': {
      const doc = `${o.abbr}罚决字〔${year - (r.chance(0.3) ? 1 : 0)}〕${n}号`;
      const what = o.level === 'enforcement' ? r.pick(['对其违法建设行为罚款3.2万元', '对其擅自占用道路经营罚款2000元', '对其运输渣土未密闭抛洒罚款1万元', '对其擅自设置户外广告罚款5000元']) : r.pick(['对其未经批准占用耕地建房罚款', '对其违法建设责令限期拆除并罚款', '对其露天焚烧垃圾罚款', '对其违规燃放烟花爆竹罚款']);
      return { category, act: `${o.respondent}作出的《行政处罚决定书》（${doc}），${what}`, docNo: doc, claim: '请求撤销该行政处罚决定。', risk: r.pick(['告知笔录未载明陈述申辩期限，程序存在瑕疵', '现场检查笔录缺少当事人签字，证据链需补强', '裁量幅度接近上限，需说明适用裁量基准的理由']) };
    }
    case '行政强制': {
      const what = r.pick(['养殖棚', '砖混结构房屋', '彩钢瓦厂房', '围墙及附属设施', '经营工具及货物']);
      const wan = r.int(3, 80);
      return { category, act: `${o.respondent}${what.startsWith('经营') ? '暂扣' : '强制拆除'}申请人位于${place}的${what}的行为`, docNo: null, claim: `请求确认该行政强制行为违法，并赔偿损失${wan}万元。`, risk: r.pick(['强制拆除前未依法催告并公告，未给予当事人陈述申辩机会', '拆除前未对屋内物品进行清点登记并制作笔录', '强制执行决定书送达凭证不全']) };
    }
    case '行政许可':
      return { category, act: o.level === 'town' ? `${o.respondent}对其农村宅基地建房申请作出的不予批准决定` : `${o.respondent}对其${r.pick(['采矿权延续', '建设项目用地预审'])}申请作出的不予许可决定`, docNo: null, claim: '请求撤销不予许可决定，责令重新作出审批。', risk: '不予批准理由需有明确的规划和用地依据' };
    case '信息公开': {
      const doc = `${o.abbr}信复〔${year}〕${n}号`;
      return { category, act: `${o.respondent}对其政府信息公开申请作出的答复（${doc}）`, docNo: doc, claim: `请求撤销该答复，责令公开${r.pick(['征地补偿款发放明细', '项目用地审批文件', '村集体资产处置材料', '房屋征收补偿方案及评估报告', '违法建设查处情况'])}。`, risk: r.pick(['答复超过20个工作日法定期限', '以“过程性信息”为由不予公开，理由需充分论证', '未告知申请人救济途径', '检索范围说明不足，“信息不存在”的答复需补充检索记录']) };
    }
    case '征收补偿': {
      const project = r.pick(['工业园区扩区', '县城老街改造', '国道改线', '安置小区建设', '滨江公园']);
      return { category, act: o.level === 'county' ? `${o.respondent}作出的${project}项目《房屋征收补偿决定》` : `${o.respondent}在${project}项目中对其${r.pick(['承包地', '林地', '房屋附属物'])}作出的补偿行为`, docNo: null, claim: `请求撤销补偿决定，按市场评估价重新补偿${r.int(10, 200)}万元。`, risk: r.pick(['评估报告送达程序需核实', '补偿标准依据的文件需经公开', '征收公告与补偿方案公示期限需核对']) };
    }
    case '不履行法定职责':
      return { category, act: `${o.respondent}未依法履行${r.pick(['查处相邻违法建设', '处理土地权属争议申请', '答复其书面举报', '制止侵占集体土地行为'])}的法定职责`, docNo: null, claim: '请求确认被告不履行法定职责违法，责令在法定期限内履行。', risk: '需提供已受理、调查和答复的全部书证，证明已履职' };
    case '行政协议':
      return { category, act: `${o.respondent}单方解除与其签订的《${r.pick(['土地流转', '拆迁安置补偿', '招商引资'])}协议》的行为`, docNo: null, claim: '请求确认解除行为无效，继续履行协议。', risk: '单方解除需有协议约定或法定事由，并履行告知程序' };
    case '行政裁决':
      return { category, act: `${o.respondent}作出的《山林权属争议处理决定书》，将${place}一片山林确认为第三人承包经营`, docNo: `${o.abbr}林决字〔${year}〕${n}号`, claim: '请求撤销处理决定，确认争议山林归原告承包经营。', risk: '权属来源证据（林权证、承包合同）需与四至核对一致' };
    default:
      return { category, act: `${o.respondent}作出的行政复议决定（维持原行政行为）`, docNo: null, claim: '请求撤销原行政行为及复议决定。', risk: '复议机关作共同被告，需与原行政机关统一应诉口径' };
  }
}

const RECON_OUTCOMES: ReadonlyArray<readonly [string, number]> = [['维持', 40], ['驳回复议请求', 14], ['撤销', 8], ['确认违法', 7], ['责令履行', 4], ['变更', 2], ['调解', 6], ['撤回申请', 13], ['终止', 6]];
const SUIT_OUTCOMES: ReadonlyArray<readonly [string, number]> = [['驳回诉讼请求', 45], ['裁定驳回起诉', 14], ['原告撤诉', 15], ['撤销', 8], ['确认违法', 10], ['责令履行', 3], ['调解', 3], ['其他', 2]];
const LAW_FIRMS = ['演示县法律顾问团', '清风律师事务所', '正衡律师事务所', '明德律师事务所'];

/** courts and organs sit on working days: a Saturday or Sunday moves to the Monday */
function weekday(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 6 ? addDays(date, 2) : wd === 0 ? addDays(date, 1) : date;
}

interface Row {
  orgCode: string;
  values: Record<string, unknown>;
}

function makeCase(r: Rng, o: Organ, kind: Kind, year: number, filed: string, to: string): Row {
  const category = r.weighted(WEIGHTS[o.level]);
  const a = actOf(r, o, year, category);
  const person = o.level === 'enforcement' ? r.chance(0.6) : r.chance(0.85);
  const many = person && r.chance(0.1);
  const litigation = kind === '行政诉讼';
  const afterRecon = litigation && r.chance(0.3);
  const v: Record<string, unknown> = {
    kind,
    filed_on: filed,
    received_on: addDays(filed, r.int(1, 7)),
    organ: litigation ? (o.level === 'county' ? '演示市中级人民法院' : '演示县人民法院') : o.level === 'county' ? '演示市人民政府' : '演示县人民政府',
    procedure: litigation ? null : r.chance(0.15) ? '简易程序' : '普通程序',
    after_reconsideration: litigation ? afterRecon : null,
    applicant_type: person ? '自然人' : '法人或其他组织',
    applicant_person: person ? personName(r) : null,
    applicant_org: person ? null : companyName(r),
    applicant_id: person ? idNumber(r) : uscc(r),
    applicant_phone: mobile(r),
    applicant_count: many ? r.int(2, 12) : 1,
    respondent: afterRecon && o.level === 'county' ? '演示县人民政府' : o.respondent,
    co_respondent: afterRecon ? (o.level === 'county' ? r.pick(['演示县自然资源局', '演示县综合行政执法局']) : '演示县人民政府') : null,
    act_category: a.category,
    act: a.act,
    act_doc_no: a.docNo,
    act_on: addDays(filed, -r.int(20, 150)),
    claim: a.claim,
    handler: personName(r),
    agent: r.chance(0.7) ? `${r.pick(LAW_FIRMS)} ${personName(r)}` : null,
  };
  const received = String(v['received_on']);
  // the answer: 15 days in court, 10 working days in reconsideration, 5 in the simplified procedure (a few calendar days)
  const answered = addDays(received, litigation ? r.int(5, 15) : v['procedure'] === '简易程序' ? r.int(2, 5) : r.int(3, 10));
  if (answered <= to) v['answered_on'] = answered;

  const outcome = r.weighted(litigation ? SUIT_OUTCOMES : RECON_OUTCOMES);
  const early = ['撤回申请', '终止', '原告撤诉', '裁定驳回起诉'].includes(outcome);
  // hearings: every suit decided on the merits; a quarter of ordinary reconsiderations
  const heard = litigation ? !early || r.chance(0.3) : v['procedure'] === '普通程序' && r.chance(0.25);
  const hearing = weekday(addDays(filed, litigation ? r.int(40, 110) : r.int(20, 45)));
  if (heard) v['hearing_on'] = hearing;
  // 行政复议法 art. 62: 60 days (+30), simplified 30; 行政诉讼法 art. 81: six months
  let decided = litigation
    ? early && !heard ? addDays(filed, r.int(20, 60)) : addDays(hearing, r.int(10, 60))
    : early ? addDays(filed, r.int(10, 40)) : v['procedure'] === '简易程序' ? addDays(filed, r.int(15, 30)) : addDays(filed, r.chance(0.08) ? r.int(65, 88) : r.int(35, 60));
  if (heard && decided < hearing) decided = addDays(hearing, r.int(5, 20));
  decided = weekday(decided);
  const lost = lostFor(outcome) ?? r.chance(0.3);
  if (heard && hearing <= to) {
    const appeared = o.level === 'town' && o.town === '999001001000' ? true : r.chance(0.9);
    if (decided <= to || r.chance(0.5)) {
      v['head_appeared'] = appeared;
      if (appeared) {
        v['head_name'] = personName(r);
        v['head_title'] = r.pick(o.heads);
      } else v['head_absence_reason'] = r.pick(['因参加上级紧急会议不能出庭，已委托分管副职以外的工作人员出庭并向法院书面说明', '因公出差，已书面向法院说明理由并委托工作人员出庭']);
    }
  }
  if (decided <= to) {
    v['outcome'] = outcome;
    v['decided_on'] = decided;
    v['lost'] = lost;
    v['stage'] = litigation ? '一审' : '决定';
    let closed = addDays(decided, litigation ? r.int(16, 30) : r.int(1, 10));
    if (litigation && !early && r.chance(0.2)) {
      // appealed: the record follows the case to the second instance
      const appealFiled = addDays(decided, r.int(30, 60));
      if (appealFiled <= to) {
        v['stage'] = '二审';
        v['appeal_case_no'] = `（${appealFiled.slice(0, 4)}）演01行终${r.int(10, 240)}号`;
        const second = weekday(addDays(appealFiled, r.int(60, 120)));
        if (second <= to) {
          v['decided_on'] = second;
          v['remarks'] = '二审驳回上诉，维持原判';
          closed = addDays(second, r.int(3, 15));
        } else closed = '9999-12-31';
      }
    }
    if (closed <= to) v['closed_on'] = closed;
    v['risk_notes'] = lost
      ? `败诉（被纠错）原因：${a.risk}。整改措施：已组织相关人员复盘案件，修订执法文书模板，加强法制审核。`
      : `风险评估：${a.risk}。应诉中已补强证据，案件结果维持。`;
  } else {
    v['stage'] = litigation ? '一审' : heard || v['answered_on'] ? '审理' : '受理';
    v['risk_notes'] = `风险评估：${a.risk}。已与法律顾问研究应诉方案。`;
  }
  return { orgCode: o.org, values: v };
}

/** a year and a bit of reconsideration and litigation cases against each town and three county organs */
export async function seedReconsiderationDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('reconsideration');
  const period = demoWindow(ctx.now);
  const { to } = period;
  const cases: Array<Row & { year: number }> = [];
  for (const o of ORGANS) {
    for (const { year, start, end, share } of windowYears(period)) {
      for (const kind of ['行政复议', '行政诉讼'] as const) {
        const n = Math.max(0, Math.round(o.perYear[kind] * share + (r.next() - 0.5) * 2));
        for (let i = 0; i < n; i++) cases.push({ ...makeCase(r, o, kind, year, dateBetween(r, start, end), to), year });
      }
    }
  }
  // numbers run per deciding body and year, in order of filing
  cases.sort((x, y) => String(x.values['filed_on']).localeCompare(String(y.values['filed_on'])));
  const seq = new Map<string, number>();
  for (const c of cases) {
    const v = c.values;
    const prefix = v['kind'] === '行政复议' ? (v['organ'] === '演示市人民政府' ? '演市府复' : '演府复') : v['organ'] === '演示市中级人民法院' ? '演01行初' : '演0101行初';
    const n = (seq.get(`${prefix}${c.year}`) ?? r.int(3, 9)) + r.int(1, 4);
    seq.set(`${prefix}${c.year}`, n);
    v['case_no'] = v['kind'] === '行政复议' ? `${prefix}〔${c.year}〕${n}号` : `（${c.year}）${prefix}${n}号`;
  }
  await seedLedger(ctx, platform, 'reconsideration.case', cases.map(({ orgCode, values }) => ({ orgCode, values })));
  await seedOrganDemo(ctx, platform);
}
