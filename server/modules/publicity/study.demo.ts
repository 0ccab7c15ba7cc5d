import { addDays, dateBetween, dateInMonth, demoWindow, isoDate, officeOf, personName, rng, yearSpan, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { DEMO_UNITS, lawFirm, type DemoUnit } from './demo-orgs.ts';
import type { EXAM_KINDS, STUDY_CONTENTS, STUDY_KINDS, TRAINING_KINDS, TRAINING_MODES } from './study.ledgers.ts';

type Kind = (typeof STUDY_KINDS)[number];
type Content = (typeof STUDY_CONTENTS)[number];
type Row = { orgCode: string; values: Record<string, unknown> };

/** [topic, contents]: what a 中心组 studies through a year */
const CENTRAL_TOPICS: ReadonlyArray<readonly [string, Content[]]> = [
  ['专题学习习近平法治思想', ['习近平法治思想']],
  ['深入学习习近平法治思想的核心要义', ['习近平法治思想', '宪法']],
  ['学习《中华人民共和国宪法》，弘扬宪法精神', ['宪法']],
  ['学习贯彻《法治政府建设实施纲要（2021—2025年）》', ['法治政府建设实施纲要（2021—2025年）', '习近平法治思想']],
  ['学习《党政主要负责人履行推进法治建设第一责任人职责规定》', ['党政主要负责人履行推进法治建设第一责任人职责规定']],
  ['学习新修订的《中华人民共和国行政复议法》', ['行政复议法']],
  ['学习《信访工作条例》，推进信访工作法治化', ['信访工作条例']],
  ['学习《中国共产党纪律处分条例》', ['中国共产党纪律处分条例']],
  ['学习《中华人民共和国民法典》', ['民法典']],
  ['学习总体国家安全观和《中华人民共和国国家安全法》', ['国家安全法']],
  ['学习新修订的《中华人民共和国保守国家秘密法》', ['保守国家秘密法']],
  ['学习《优化营商环境条例》', ['优化营商环境条例']],
  ['学习《中华人民共和国乡村振兴促进法》', ['乡村振兴促进法']],
  ['学习《中华人民共和国安全生产法》，压实安全生产责任', ['安全生产法']],
  ['学习《重大行政决策程序暂行条例》', ['重大行政决策程序暂行条例']],
  ['学习《中华人民共和国反有组织犯罪法》', ['反有组织犯罪法']],
];

const PRE_MEETING_TOPICS: ReadonlyArray<readonly [string, Content[]]> = [
  ['会前学习《中华人民共和国土地管理法》有关条款', ['土地管理法']],
  ['会前学习《行政处罚法》关于听证程序的规定', ['行政处罚法']],
  ['会前学习《政府信息公开条例》', ['政府信息公开条例']],
  ['会前学习《安全生产法》有关条款', ['安全生产法']],
  ['会前学习《反电信网络诈骗法》', ['反电信网络诈骗法']],
  ['会前学习《未成年人保护法》', ['未成年人保护法']],
  ['会前学习《重大行政决策程序暂行条例》', ['重大行政决策程序暂行条例']],
  ['会前学习《行政许可法》', ['行政许可法']],
  ['会前学习《行政强制法》关于强制执行的规定', ['行政强制法']],
  ['会前学习《国家赔偿法》', ['国家赔偿法']],
  ['会前学习《民法典》合同编', ['民法典']],
  ['会前学习《信访工作条例》', ['信访工作条例']],
];

const STAFF_TOPICS: ReadonlyArray<readonly [string, Content[]]> = [
  ['机关干部“每周一讲”：民法典婚姻家庭编解读', ['民法典']],
  ['机关干部集中学习《行政处罚法》', ['行政处罚法']],
  ['机关干部集中学习《宪法》', ['宪法']],
  ['机关干部集中学习《行政复议法》《行政诉讼法》', ['行政复议法', '行政诉讼法']],
  ['机关干部“每周一讲”：政府信息公开实务', ['政府信息公开条例']],
  ['机关干部集中学习《信访工作条例》', ['信访工作条例']],
  ['机关干部集中学习《保守国家秘密法》', ['保守国家秘密法']],
];

const LECTURE_TOPICS: ReadonlyArray<readonly [string, Content[]]> = [
  ['“八五”普法专题法治讲座：行政执法风险防范', ['行政处罚法', '行政强制法']],
  ['基层矛盾纠纷调解技巧专题讲座', ['民法典']],
  ['依法行政与行政诉讼应诉专题讲座', ['行政诉讼法', '行政复议法']],
  ['习近平法治思想专题辅导讲座', ['习近平法治思想']],
];

const ABSENCE = ['因公出差', '参加县级会议', '请病假', '下村处置突发事件', '参加上级培训'];

interface Leaders {
  secretary: string;
  head: string;
  deputies: string[];
  advisor: string;
  firm: string;
  justice: string;
}

function session(r: Rng, u: DemoUnit, leaders: Leaders, kind: Kind, date: string, seq: Map<string, number>): Row {
  const pool = kind === '党委（党组）理论学习中心组学法' ? CENTRAL_TOPICS : kind === '机关干部集中学法' ? STAFF_TOPICS : kind === '专题法治讲座' ? LECTURE_TOPICS : PRE_MEETING_TOPICS;
  const [topic, contents] = r.pick(pool);
  const year = Number(date.slice(0, 4));
  const party = u.county ? '县政府党组' : `${u.level}党委`;
  let meeting: string | null = null;
  let planned: number;
  let host: string;
  let lecturer: string;
  let role: string;
  let hours: number;
  let location: string;
  switch (kind) {
    case '党委（党组）理论学习中心组学法':
      planned = u.county ? r.int(9, 12) : r.int(11, 15);
      host = leaders.secretary;
      [lecturer, role] = r.pick([[leaders.secretary, '党政主要负责人'], [leaders.head, '党政主要负责人'], [r.pick(leaders.deputies), '班子成员（分管领导）'], [`${leaders.advisor}（${leaders.firm}律师）`, '法律顾问（律师）'], [`${personName(r)}（县委党校讲师）`, '党校（高校）教师']] as const);
      hours = r.pick([2, 2.5, 3]);
      location = `${u.county ? '县政府' : u.name}${r.pick(['第一会议室', '党员活动室'])}`;
      break;
    case '党委（党组）会议会前学法':
    case '政府常务会议（办公会议）会前学法': {
      const body = kind === '党委（党组）会议会前学法' ? `${party}会议` : u.county ? '县人民政府常务会议' : `${u.level}长办公会议`;
      // the county government numbers its executive meetings across its term, the others restart each year
      const termWide = u.county && body.includes('常务');
      const key = termWide ? body : `${year}|${body}`;
      const n = (seq.get(key) ?? (termWide ? 40 : 0)) + r.int(1, 3);
      seq.set(key, n);
      meeting = termWide ? `县人民政府第${n}次常务会议` : `${body}${year}年第${n}次会议`;
      planned = kind === '党委（党组）会议会前学法' ? r.int(9, 13) : r.int(12, 22);
      host = kind === '党委（党组）会议会前学法' ? leaders.secretary : leaders.head;
      [lecturer, role] = r.pick([[`${leaders.advisor}（${leaders.firm}律师）`, '法律顾问（律师）'], [leaders.justice, u.county ? '上级部门干部' : '司法所工作人员'], [r.pick(leaders.deputies), '班子成员（分管领导）']] as const);
      hours = r.pick([0.5, 0.5, 1]);
      location = `${u.county ? '县政府' : u.name}第一会议室`;
      break;
    }
    case '机关干部集中学法':
      planned = u.county ? r.int(60, 120) : Math.round(r.int(40, 80) * (0.6 + 0.4 * u.size));
      host = r.pick(leaders.deputies);
      [lecturer, role] = r.pick([[leaders.justice, u.county ? '上级部门干部' : '司法所工作人员'], [r.pick(leaders.deputies), '班子成员（分管领导）'], [`${leaders.advisor}（${leaders.firm}律师）`, '法律顾问（律师）']] as const);
      hours = r.pick([1, 1.5, 2]);
      location = `${u.county ? '县行政中心' : u.name}${r.pick(['大会议室', '便民服务中心二楼会议室'])}`;
      break;
    default:
      planned = u.county ? r.int(100, 180) : r.int(60, 120);
      host = leaders.head;
      [lecturer, role] = r.pick([[`${personName(r)}（县司法局）`, '上级部门干部'], [`${leaders.advisor}（${leaders.firm}律师）`, '法律顾问（律师）'], [`${personName(r)}（市委党校教授）`, '党校（高校）教师']] as const);
      hours = r.pick([2, 2.5]);
      location = `${u.county ? '县行政中心' : u.name}大会议室`;
  }
  const absent = r.chance(0.35) ? r.int(1, Math.max(1, Math.round(planned * 0.08))) : 0;
  const absentNote = absent ? Array.from({ length: Math.min(absent, 3) }, () => `${personName(r)}${r.pick(ABSENCE)}`).join('；') + (absent > 3 ? `等${absent}人` : '') : null;
  const speaker = lecturer.replace(/（.*$/, '');
  const verb = kind.includes('会前') ? '领学' : '主讲';
  const summary = `${speaker === host ? `${host}主持并${verb}` : `${host}主持，${speaker}${verb}`}。${topic.replace(/^会前/, '')}，${r.pick(['结合本地工作实际进行了交流研讨', '参会人员作了交流发言', '要求各分管领导在工作中严格依法履职', '强调要把学法成果转化为依法决策、依法办事的能力'])}。`;
  return {
    orgCode: officeOf(u.code, 'government'),
    values: {
      held_on: date,
      kind,
      meeting,
      topic,
      contents,
      in_plan: r.chance(0.9),
      host,
      lecturer,
      lecturer_role: role,
      location,
      hours,
      planned,
      attendees: planned - absent,
      absent_note: absentNote,
      summary,
    },
  };
}

/** [kind, sessions a full-size town holds in a year] */
function sessionPlan(u: DemoUnit): Array<[Kind, number]> {
  if (u.county) return [['党委（党组）理论学习中心组学法', 5], ['政府常务会议（办公会议）会前学法', 12], ['专题法治讲座', 2]];
  return [
    ['党委（党组）理论学习中心组学法', Math.round(4 + 9 * (u.size - 0.55) / 0.45)],
    ['党委（党组）会议会前学法', Math.round(6 * u.size) || 2],
    ['政府常务会议（办公会议）会前学法', Math.round(4 * u.size) || 2],
    ['机关干部集中学法', Math.round(4 * u.size) || 2],
    ['专题法治讲座', u.size >= 0.75 ? 2 : 1],
  ];
}

/** n dates spread across the year (one per slot of 12/n months), none after `end` */
function spread(r: Rng, year: number, n: number, start: string, end: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.floor((i * 12) / n) + 1;
    const b = Math.max(a, Math.floor(((i + 1) * 12) / n));
    const month = r.int(a, b);
    const d = dateInMonth(r, year, month);
    if (d >= start && d <= end) out.push(d);
  }
  return out;
}

interface TrainingSpec {
  kind: (typeof TRAINING_KINDS)[number];
  title: (u: DemoUnit, year: number) => string;
  modes: Array<(typeof TRAINING_MODES)[number]>;
  trainees: readonly [number, number];
  hours: number[];
  assessed: number;
  months: number[];
  content: string;
  dept: '01' | '02' | '03';
}

const TOWN_TRAININGS: Array<TrainingSpec & { p: number }> = [
  { kind: '行政执法人员培训', title: (u, y) => `${y}年${u.name}综合行政执法队执法业务培训`, modes: ['集中面授', '案例研讨', '模拟执法演练', '跟岗轮训'], trainees: [12, 30], hours: [4, 8, 16], assessed: 0.8, months: [3, 4, 5, 9, 10], content: '行政处罚法、行政强制法重点条款；执法文书制作规范；执法记录仪使用和全过程记录；行政裁量基准适用。', dept: '03', p: 1 },
  { kind: '行政执法人员培训', title: (u, y) => `${u.name}${y}年下半年执法人员案卷评查反馈培训`, modes: ['案例研讨'], trainees: [10, 25], hours: [3, 4], assessed: 0.2, months: [10, 11], content: '通报案卷评查发现的问题，逐项讲解证据收集、告知程序和法制审核要求。', dept: '03', p: 0.5 },
  { kind: '人民调解员培训', title: (u, y) => `${y}年${u.name}人民调解员业务培训会`, modes: ['集中面授', '以会代训'], trainees: [40, 90], hours: [3, 4], assessed: 0.1, months: [3, 4, 7, 8], content: '人民调解法和矛盾纠纷排查化解技巧；调解文书制作；典型婚姻家庭、邻里纠纷案例评析。', dept: '02', p: 1 },
  { kind: '法律明白人培训', title: (u, y) => `${y}年${u.name}“法律明白人”培训班`, modes: ['集中面授', '线上培训'], trainees: [60, 190], hours: [3, 4, 6], assessed: 0.5, months: [4, 5, 6, 9], content: '民法典、农村土地承包法等常用法律；法律明白人在矛盾纠纷排查和法治宣传中的职责。', dept: '02', p: 1 },
  { kind: '村（社区）“两委”干部法治培训', title: (u, y) => `${y}年${u.name}村（社区）“两委”干部法治培训`, modes: ['集中面授', '以会代训'], trainees: [40, 100], hours: [4, 6], assessed: 0.3, months: [3, 6, 8], content: '村民委员会组织法、村规民约修订、农村集体“三资”管理中的法律风险。', dept: '01', p: 1 },
  { kind: '网格员法治培训', title: (u, y) => `${y}年${u.name}网格员法律知识培训`, modes: ['以会代训', '集中面授'], trainees: [30, 80], hours: [2, 3], assessed: 0, months: [5, 7, 9], content: '矛盾纠纷排查上报流程；反电信网络诈骗和养老诈骗的识别与劝阻。', dept: '02', p: 0.6 },
  { kind: '公职人员学法用法培训', title: (u, y) => `${y}年${u.name}机关干部依法行政能力提升培训`, modes: ['集中面授', '线上培训'], trainees: [50, 110], hours: [4, 6], assessed: 0.6, months: [5, 6, 10], content: '依法行政基本要求；行政复议和行政诉讼典型案例；政府信息公开实务。', dept: '01', p: 1 },
  { kind: '普法志愿者培训', title: (u, y) => `${y}年${u.name}普法志愿者培训`, modes: ['集中面授'], trainees: [20, 50], hours: [2, 3], assessed: 0, months: [3, 11], content: '普法宣传技巧与常用法律知识；宪法宣传周活动安排。', dept: '02', p: 0.4 },
];

const COUNTY_TRAININGS: TrainingSpec[] = [
  { kind: '行政执法人员培训', title: (_u, y) => `${y}年全县行政执法人员综合法律知识培训班`, modes: ['集中面授'], trainees: [260, 420], hours: [12, 16], assessed: 1, months: [4, 5], content: '行政处罚法、行政许可法、行政强制法；行政执法“三项制度”；乡镇综合行政执法规范化建设。', dept: '01' },
  { kind: '行政执法人员培训', title: (_u, y) => `${y}年乡镇综合行政执法人员轮训班`, modes: ['跟岗轮训', '模拟执法演练'], trainees: [40, 80], hours: [16, 24], assessed: 1, months: [9, 10], content: '赋权执法事项办理流程；现场检查、调查取证和法制审核实操。', dept: '02' },
  { kind: '人民调解员培训', title: (_u, y) => `${y}年全县人民调解员业务培训`, modes: ['集中面授'], trainees: [180, 260], hours: [6, 8], assessed: 0.3, months: [6, 7], content: '人民调解工作规范；“枫桥经验”与矛盾纠纷多元化解；典型案例评析。', dept: '01' },
  { kind: '法律明白人培训', title: (_u, y) => `${y}年全县“法律明白人”骨干示范培训`, modes: ['集中面授', '线上培训'], trainees: [150, 300], hours: [6], assessed: 0.5, months: [8, 9], content: '法律明白人职责；常用涉农法律法规；以案释法技巧。', dept: '01' },
  { kind: '法律顾问培训', title: (_u, y) => `${y}年政府法律顾问和村（社区）法律顾问工作培训`, modes: ['以会代训'], trainees: [30, 60], hours: [3, 4], assessed: 0, months: [3, 4], content: '政府合同审查要点；重大行政决策合法性审查；村（居）法律顾问服务规范。', dept: '01' },
  { kind: '领导干部法治培训', title: (_u, y) => `${y}年领导干部法治专题培训班`, modes: ['集中面授'], trainees: [80, 150], hours: [8, 12], assessed: 0.6, months: [7, 11], content: '习近平法治思想；党政主要负责人履行推进法治建设第一责任人职责；依法决策与行政应诉。', dept: '01' },
];

function training(r: Rng, u: DemoUnit, spec: TrainingSpec, year: number, start: string, end: string, leaders: Leaders): Row | null {
  const month = r.pick(spec.months);
  const startOn = dateInMonth(r, year, month);
  const hours = r.pick(spec.hours);
  const days = hours > 8 ? Math.ceil(hours / 8) : 1;
  const endOn = addDays(startOn, days - 1);
  if (startOn < start || endOn > end) return null;
  const trainees = r.int(spec.trainees[0], spec.trainees[1]);
  const assessed = r.chance(spec.assessed);
  return {
    orgCode: `${u.code}-${spec.dept}`,
    values: {
      title: spec.title(u, year),
      kind: spec.kind,
      mode: r.pick(spec.modes),
      start_on: startOn,
      end_on: endOn,
      organiser: u.county ? (spec.dept === '02' ? '县综合行政执法局' : '县司法局') : `${u.name}${spec.dept === '03' ? '综合行政执法队' : spec.dept === '01' ? '党政办公室' : '司法所'}`,
      location: u.county ? r.pick(['县行政中心大会议室', '县委党校', '县司法局会议室']) : `${u.name}${r.pick(['大会议室', '新时代文明实践所'])}`,
      lecturer: r.pick([`${leaders.advisor}（${leaders.firm}律师）`, `${personName(r)}（县司法局）`, `${leaders.justice}`, `${personName(r)}、${personName(r)}（县综合行政执法局）`]),
      content: spec.content,
      trainees,
      hours,
      assessed,
      passed: assessed ? trainees - (r.chance(0.3) ? r.int(1, Math.max(1, Math.round(trainees * 0.05))) : 0) : null,
    },
  };
}

interface ExamSpec {
  kind: (typeof EXAM_KINDS)[number];
  name: (u: DemoUnit, year: number) => string;
  candidates: string;
  required: readonly [number, number];
  window: readonly [number, number, number, number];
  mode: '网上考试' | '闭卷笔试' | '开卷笔试';
  dept: '01' | '03';
  p: number;
}

const TOWN_EXAMS: ExamSpec[] = [
  { kind: '年度学法用法考试', name: (u, y) => `${y}年度${u.name}国家工作人员学法用法考试`, candidates: '机关全体干部职工、站所负责人', required: [45, 90], window: [11, 10, 12, 20], mode: '网上考试', dept: '01', p: 1 },
  { kind: '行政执法人员学法考试', name: (u, y) => `${y}年${u.name}行政执法人员网上学法考试`, candidates: '综合行政执法队持证执法人员', required: [10, 25], window: [9, 10, 10, 31], mode: '网上考试', dept: '03', p: 1 },
  { kind: '法律知识测试', name: (u, y) => `${y}年${u.name}村（社区）干部法律知识测试`, candidates: '各村（社区）“两委”成员', required: [40, 90], window: [6, 1, 8, 31], mode: '开卷笔试', dept: '01', p: 0.5 },
];

const COUNTY_EXAMS: ExamSpec[] = [
  { kind: '年度学法用法考试', name: (_u, y) => `演示县${y}年度国家工作人员学法用法考试`, candidates: '全县国家工作人员', required: [1800, 2600], window: [11, 15, 12, 15], mode: '网上考试', dept: '01', p: 1 },
  { kind: '行政执法人员学法考试', name: (_u, y) => `演示县${y}年度行政执法人员法律知识考试`, candidates: '全县持证行政执法人员', required: [300, 450], window: [10, 8, 10, 31], mode: '闭卷笔试', dept: '01', p: 1 },
  { kind: '领导干部任前法律知识考试', name: (_u, y) => `${y}年新提任领导干部任前法律知识考试`, candidates: '新提任科级领导干部', required: [8, 25], window: [4, 1, 7, 31], mode: '闭卷笔试', dept: '01', p: 1 },
];

function exam(r: Rng, u: DemoUnit, spec: ExamSpec, year: number, start: string, end: string): Row | null {
  if (!r.chance(spec.p)) return null;
  const [m1, d1, m2, d2] = spec.window;
  const on = dateBetween(r, isoDate(year, m1, d1), isoDate(year, m2, d2));
  if (on < start || on > end) return null;
  const required = Math.round(r.int(spec.required[0], spec.required[1]) * (u.county ? 1 : 0.6 + 0.4 * u.size));
  const big = required > 200;
  const absent = big ? r.int(0, Math.round(required * 0.01)) : r.chance(0.2) ? r.int(1, 2) : 0;
  const participants = required - absent;
  const failed = big ? r.int(0, Math.round(participants * 0.01)) : r.chance(0.1) ? 1 : 0;
  const passed = participants - failed;
  const excellent = Math.round(passed * (0.6 + r.next() * 0.35));
  return {
    orgCode: `${u.code}-${spec.dept}`,
    values: {
      exam_year: year,
      name: spec.name(u, year),
      kind: spec.kind,
      mode: spec.mode,
      exam_on: on,
      organiser: u.county ? '演示县全面依法治县委员会办公室' : `${u.name}党政办公室`,
      candidates: spec.candidates,
      pass_score: 60,
      excellent_score: 90,
      required,
      participants,
      passed,
      excellent,
      average_score: Math.round((80 + r.next() * 12) * 10) / 10,
      absent_note: absent ? (big ? `${absent}人因病、产假或长期外出学习缺考` : `${Array.from({ length: absent }, () => personName(r)).join('、')}${r.pick(ABSENCE)}缺考`) : null,
    },
  };
}

/** two years of study in the demo county: meetings that studied law, trainings and the annual exams */
export async function seedStudyDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('study');
  const { from, to, years } = demoWindow(ctx.now);
  const sessions: Row[] = [];
  const trainings: Row[] = [];
  const exams: Row[] = [];
  for (const u of DEMO_UNITS) {
    const leaders: Leaders = { secretary: personName(r), head: personName(r), deputies: [personName(r), personName(r), personName(r)], advisor: personName(r), firm: lawFirm(r), justice: personName(r) };
    const seq = new Map<string, number>();
    for (const year of years) {
      const span = yearSpan(year, from, to);
      if (!span) continue;
      const own: Row[] = [];
      for (const [kind, n] of sessionPlan(u)) for (const d of spread(r, year, n, span.start, span.end)) own.push(session(r, u, leaders, kind, d, seq));
      if (!own.length) own.push(session(r, u, leaders, '党委（党组）理论学习中心组学法', span.end, seq));
      sessions.push(...own.sort((a, b) => String(a.values['held_on']).localeCompare(String(b.values['held_on']))));
      for (const spec of u.county ? COUNTY_TRAININGS : TOWN_TRAININGS.filter((t) => r.chance(t.p))) {
        const row = training(r, u, spec, year, span.start, span.end, leaders);
        if (row) trainings.push(row);
      }
      for (const spec of u.county ? COUNTY_EXAMS : TOWN_EXAMS) {
        const row = exam(r, u, spec, year, span.start, span.end);
        if (row) exams.push(row);
      }
    }
  }
  await seedLedger(ctx, platform, 'study.session', sessions);
  await seedLedger(ctx, platform, 'study.training', trainings);
  await seedLedger(ctx, platform, 'study.exam', exams);
}
