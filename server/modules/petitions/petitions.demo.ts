import { addDays, companyName, dateBetween, demoWindow, idNumber, mobile, personName, rng, village, windowYears, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import type { CATEGORIES, CHANNELS, HANDLING_UNITS, MATTER_CLASSES, REQUEST_KINDS, RESULT_KINDS } from './petitions.ledgers.ts';
import { progressOf } from './petitions.rules.ts';

type Channel = (typeof CHANNELS)[number];
type Category = (typeof CATEGORIES)[number];
type Unit = (typeof HANDLING_UNITS)[number];
type ResultKind = (typeof RESULT_KINDS)[number];

/** which topics an office's letters, visits and calls are about */
export type TopicSet = 'town' | 'enforcement' | 'justice';

/** who keeps the ledger, and how many items of each channel it takes in a year */
interface Office {
  town: string;
  short: string;
  /** org code of the office receiving letters, visits and assigned cases */
  petitionsOrg: string;
  volume: Partial<Record<Exclude<Channel, '12345热线'>, number>>;
  topics: TopicSet;
}

// the county seat takes most; 12345 tickets are not 信访事项 and go to their own ledger (hotline.demo.ts, decision 0023),
// so no record here is on the retired 12345 channel
const OFFICES: readonly Office[] = [
  { town: '999001001000', short: '城关', petitionsOrg: '999001001000-04', volume: { 来信: 22, 来访: 48, 上级交办: 32, 网络问政: 15, 其他: 5 }, topics: 'town' },
  { town: '999001002000', short: '清溪', petitionsOrg: '999001002000-04', volume: { 来信: 14, 来访: 31, 上级交办: 21, 网络问政: 9, 其他: 3 }, topics: 'town' },
  { town: '999001003000', short: '石桥', petitionsOrg: '999001003000-04', volume: { 来信: 9, 来访: 24, 上级交办: 15, 网络问政: 6, 其他: 2 }, topics: 'town' },
  { town: '999001000000', short: '县执法局', petitionsOrg: '999001000000-02', volume: { 来信: 4, 来访: 6, 上级交办: 8, 网络问政: 12 }, topics: 'enforcement' },
  { town: '999001000000', short: '县司法局', petitionsOrg: '999001000000-01', volume: { 来信: 5, 来访: 8, 上级交办: 4, 网络问政: 3 }, topics: 'justice' },
  { town: '999001000000', short: '县政府办', petitionsOrg: '999001000000-03', volume: { 来信: 6, 上级交办: 10, 网络问政: 45 }, topics: 'town' },
];

export interface Ctx2 {
  r: Rng;
  place: string;
  name: string;
  company: string;
}

export interface Topic {
  category: Category;
  kind: (typeof REQUEST_KINDS)[number];
  unit: Unit;
  /** relative frequency among 12345 tickets (hotline.demo.ts) and among letters/visits/assigned cases */
  hotline: number;
  petition: number;
  /** the answer the office usually gives */
  results: ReadonlyArray<readonly [ResultKind, number]>;
  /** 涉法涉诉 belongs in court: 不予受理, told to use the legal channel */
  legalChannel?: boolean;
  text(c: Ctx2): { summary: string; content: string; result: string };
}

const SOLVED: ReadonlyArray<readonly [ResultKind, number]> = [['予以支持', 80], ['部分支持', 10], ['解释说明', 10]];
const EXPLAIN: ReadonlyArray<readonly [ResultKind, number]> = [['解释说明', 85], ['予以支持', 15]];
const MIXED: ReadonlyArray<readonly [ResultKind, number]> = [['予以支持', 30], ['部分支持', 20], ['解释说明', 35], ['不予支持', 15]];

const TOWN_TOPICS: readonly Topic[] = [
  {
    category: '环境保护', kind: '投诉', unit: '综合行政执法队', hotline: 12, petition: 2, results: SOLVED,
    text: ({ r, place }) => {
      const [src, fix] = r.pick([
        ['建筑工地夜间施工', '责令施工单位晚22时后停止高噪声作业'],
        ['烧烤店油烟和噪音', '责令店主加装油烟净化设施并规范营业时间'],
        ['广场舞音响', '与活动组织者沟通，约定控制音量和时间'],
        ['KTV营业噪音', '责令经营者加装隔音设施，控制营业音量'],
        ['石料厂机器噪音', '责令石料厂夜间停产并加装降噪设备'],
      ] as const);
      return { summary: `反映${place}${src}扰民`, content: `来电人反映${place}附近${src}扰民，${r.pick(['持续到凌晨', '每天晚上十点后仍未停止', '已持续一周'])}，影响休息，要求相关部门处理。`, result: `综合行政执法队到现场核查，情况属实，已${fix}，并电话告知来电人。` };
    },
  },
  {
    category: '城乡建设', kind: '投诉', unit: '综合行政执法队', hotline: 9, petition: 1, results: SOLVED,
    text: ({ r, place }) => ({ summary: `反映${place}${r.pick(['流动摊贩占道经营', '商户店外经营', '车辆乱停乱放堵塞通道'])}`, content: `来电人反映${place}${r.pick(['农贸市场门口', '学校门口', '主街道两侧'])}长期有占道经营现象，影响通行，存在安全隐患。`, result: '执法队员到现场劝导摊贩进入指定区域经营，清理占道物品，并将该路段纳入日常巡查。' }),
  },
  {
    category: '城乡建设', kind: '求助', unit: '规划建设办', hotline: 14, petition: 1, results: SOLVED,
    text: ({ r, place }) => {
      const what = r.pick(['路灯不亮', '道路坑洼破损', '排水沟堵塞积水', '桥梁护栏损坏', '自来水管破裂']);
      return { summary: `反映${place}${what}`, content: `来电人反映${place}${r.pick(['主干道', '通组公路', '小区门口', '学校附近'])}${what}，已有${r.int(3, 30)}天，${r.pick(['夜间出行不便', '雨天无法通行', '存在安全隐患'])}，希望尽快维修。`, result: `已安排${r.pick(['施工队', '维修人员', '村委会'])}于${r.int(1, 5)}日内维修完毕，经回访来电人确认问题已解决。` };
    },
  },
  {
    category: '环境保护', kind: '投诉', unit: '村（居）委会', hotline: 8, petition: 1, results: SOLVED,
    text: ({ r, place }) => ({ summary: `反映${place}生活垃圾清运不及时`, content: `来电人反映${place}${r.pick(['垃圾池', '垃圾桶', '河道边'])}垃圾堆积${r.int(2, 7)}天无人清运，气味难闻，蚊蝇滋生。`, result: '已督促保洁公司当日清运，并增加该点位清运频次。' }),
  },
  {
    category: '劳动社保', kind: '投诉', unit: '劳动保障所', hotline: 9, petition: 8, results: [['予以支持', 70], ['部分支持', 20], ['解释说明', 10]],
    text: ({ r, name, company }) => {
      const wan = (r.int(5, 300) / 10).toFixed(1);
      return { summary: `${name}反映${company}拖欠工资`, content: `${name}反映其在${company}务工，${company}拖欠其${r.pick(['', '及工友'])}工资${wan}万元，多次讨要未果。`, result: `经劳动保障所约谈${company}负责人，双方达成支付计划，${r.pick(['已全额支付', '已支付首期款项，余款约定月底前付清', '已通过工资保证金先行支付'])}。` };
    },
  },
  {
    category: '劳动社保', kind: '咨询', unit: '劳动保障所', hotline: 10, petition: 1, results: EXPLAIN,
    text: ({ r }) => {
      const what = r.pick(['城乡居民养老保险缴费档次', '医保参保缴费时间', '灵活就业人员社保补贴', '失业保险金申领条件', '养老金领取资格认证']);
      return { summary: `咨询${what}`, content: `来电人咨询${what}的有关政策和办理流程。`, result: `已电话向来电人解释${what}的政策规定及办理所需材料，来电人表示清楚。` };
    },
  },
  {
    category: '民政', kind: '求助', unit: '社会事务办', hotline: 6, petition: 7, results: MIXED,
    text: ({ r, name, place }) => {
      const what = r.pick(['申请最低生活保障', '申请临时救助', '反映残疾人两项补贴未到账', '反映高龄津贴未按时发放', '申请特困人员供养']);
      return { summary: `${name}${what}`, content: `${place}村民${name}称家中${r.pick(['老人长期患病', '因病致贫', '房屋受损', '无劳动能力'])}，生活困难，${what}。`, result: `社会事务办会同村委会入户调查，${r.pick(['符合条件，已按程序纳入保障', '经核查家庭收入超过标准，不符合条件，已当面解释政策', '已给予临时救助并协助申请医疗救助', '补贴已核实并补发到账'])}。` };
    },
  },
  {
    category: '城乡建设', kind: '求助', unit: '供电所', hotline: 7, petition: 0, results: SOLVED,
    text: ({ r, place }) => ({ summary: `反映${place}${r.pick(['频繁停电', '电压不稳', '停水'])}`, content: `来电人反映${place}${r.pick(['近几天', '每天傍晚'])}${r.pick(['频繁停电', '电压不稳导致电器损坏', '停水未提前通知'])}，影响生产生活。`, result: '已联系供电所（水厂）排查线路（管网），故障已修复，并告知后续计划检修将提前公告。' }),
  },
  {
    category: '城乡建设', kind: '举报', unit: '综合行政执法队', hotline: 5, petition: 5, results: MIXED,
    text: ({ r, place, name }) => ({ summary: `举报${place}${r.pick(['违法建设', '未批先建', '占用耕地建房'])}`, content: `${r.pick(['来电人', '来信人'])}反映${place}${personName(r)}${r.pick(['在自家房顶加盖', '占用集体土地建房', '未经审批扩建厂房'])}，影响${name}家采光通行。`, result: `经执法队现场核查，${r.pick(['属违法建设，已下达责令限期改正通知书', '该建房已办理审批手续，已向反映人解释说明', '当事人已自行拆除'])}。` }),
  },
  {
    category: '环境保护', kind: '投诉', unit: '生态环境办', hotline: 5, petition: 4, results: SOLVED,
    text: ({ r, place, company }) => ({ summary: `反映${place}${r.pick(['养殖场臭味', '焚烧秸秆', '企业排放废水'])}`, content: `反映${place}${r.pick([company, '附近养殖户', '田间'])}${r.pick(['气味刺鼻', '污水直排河道', '浓烟影响居住'])}，要求处理。`, result: `会同县生态环境部门现场检查，${r.pick(['责令养殖场完善粪污处理设施', '对焚烧行为进行劝阻和宣传', '已责令企业停产整改'])}。` }),
  },
  {
    category: '市场监管', kind: '投诉', unit: '市场监管所', hotline: 6, petition: 0, results: SOLVED,
    text: ({ r, place }) => {
      const shop = `${place}${r.pick(['惠民超市', '好又多便利店', '老味道餐馆', '鑫达建材经营部', '通信手机店', '阳光健身房'])}`;
      const what = r.pick(['销售过期食品', '缺斤短两', '拒不退换质量问题商品', '预付卡不予退费']);
      return { summary: `投诉${shop}${what}`, content: `来电人反映${shop}${what}，与商家协商未果，要求处理。`, result: `市场监管所调查核实后组织调解，商家同意退款并赔偿，${r.pick(['并对商家进行了警示约谈', '对过期食品予以下架销毁', '来电人表示满意'])}。` };
    },
  },
  {
    category: '教育医疗', kind: '咨询', unit: '中心学校', hotline: 5, petition: 1, results: EXPLAIN,
    text: ({ r }) => {
      const what = r.pick(['秋季入学报名', '随迁子女就读', '校车接送', '营养午餐收费', '学位划片']);
      return { summary: `咨询${what}事宜`, content: `来电人咨询子女${what}相关政策。`, result: `中心学校已电话答复${what}的政策及办理时间。` };
    },
  },
  {
    category: '教育医疗', kind: '投诉', unit: '卫生院', hotline: 3, petition: 1, results: MIXED,
    text: ({ r }) => ({ summary: `反映卫生院${r.pick(['服务态度差', '排队时间长', '报销不及时'])}`, content: '来电人反映在卫生院就医时遇到问题，要求改进。', result: '卫生院已约谈相关人员并致歉，完善就诊流程。' }),
  },
  {
    category: '农村农业', kind: '求助', unit: '农业农村办', hotline: 5, petition: 4, results: MIXED,
    text: ({ r, place }) => ({ summary: `反映${place}${r.pick(['灌溉水渠损毁', '机耕道无法通行', '农田被淹', '惠农补贴未发放'])}`, content: `反映${place}${r.pick(['春耕在即', '稻谷即将收割', '雨季来临'])}，相关问题影响生产，请求帮助解决。`, result: `农业农村办现场查看，${r.pick(['已纳入今年高标准农田项目维修', '已协调资金修复', '补贴已核实并补发'])}。` }),
  },
  {
    category: '农村农业', kind: '咨询', unit: '财政所', hotline: 3, petition: 1, results: EXPLAIN,
    text: ({ r }) => ({ summary: `咨询${r.pick(['耕地地力保护补贴', '种粮补贴', '农机购置补贴'])}发放`, content: '来电人咨询补贴标准和发放时间。', result: '财政所已答复补贴标准、发放时间及查询方式。' }),
  },
  {
    category: '其他', kind: '求助', unit: '派出所', hotline: 3, petition: 0, results: SOLVED,
    text: ({ place }) => ({ summary: `反映${place}流浪犬伤人隐患`, content: `来电人反映${place}有多只流浪犬出没，曾追咬行人。`, result: '已联系派出所和村委会处置，流浪犬已被收容。' }),
  },
  {
    category: '交通运输', kind: '建议', unit: '县直部门', hotline: 3, petition: 1, results: EXPLAIN,
    text: ({ r, place }) => ({ summary: `建议${place}${r.pick(['增设公交站点', '增加客运班次', '设置减速带'])}`, content: `来电人建议在${place}${r.pick(['增设公交站点', '增加客运班次', '路口设置减速带'])}，方便群众出行。`, result: '已转县交通运输局研究，答复将纳入明年线路优化统筹考虑。' }),
  },
  {
    category: '党务政务', kind: '举报', unit: '党政办公室', hotline: 1, petition: 6, results: MIXED,
    text: ({ r, place }) => ({ summary: `反映${place}${r.pick(['村务财务公开不及时', '村集体资产出租不透明', '村干部工作作风'])}问题`, content: `反映人称${place}${r.pick(['近两年村务财务未按时公开', '集体鱼塘、山林出租未经村民代表大会', '村干部办事推诿'])}，要求调查。`, result: `镇党政办会同纪委、经管站调查，${r.pick(['督促村委会补充公开相关账目', '出租程序存在瑕疵，已责令整改', '反映问题不属实，已向反映人反馈'])}。` }),
  },
  {
    category: '纪检监察', kind: '举报', unit: '其他', hotline: 0, petition: 2, results: MIXED,
    text: ({ place }) => ({ summary: `举报${place}村干部优亲厚友`, content: `反映${place}村干部在低保评定、项目发包中优亲厚友。`, result: '已按规定移送镇纪委办理，办理结果已反馈反映人。' }),
  },
  {
    category: '征地拆迁', kind: '投诉', unit: '自然资源所', hotline: 2, petition: 14, results: MIXED,
    text: ({ r, place, name }) => {
      const wan = (r.int(20, 800) / 10).toFixed(1);
      return { summary: `${name}反映${place}征地补偿问题`, content: `${name}反映${place}${r.pick(['工业园区', '公路扩建', '安置小区'])}项目征收其${r.pick(['承包地', '林地', '房屋'])}，认为补偿标准偏低，少算青苗（附属物）补偿约${wan}万元，要求重新核算。`, result: `经核查，补偿按县政府公布的标准执行，${r.pick(['附属物漏登部分已补测补偿', '已向信访人解释补偿依据', '对计算错误部分予以更正补发'])}。` };
    },
  },
  {
    category: '征地拆迁', kind: '投诉', unit: '规划建设办', hotline: 1, petition: 6, results: MIXED,
    text: ({ r, name }) => ({ summary: `${name}反映拆迁安置房分配问题`, content: `${name}反映其在${r.pick(['老街改造', '棚户区改造', '园区建设'])}中被拆迁，安置房${r.pick(['迟迟未交付', '面积与协议不符', '楼层分配不公'])}。`, result: '已核对安置协议，向信访人说明交付计划，督促施工单位加快进度。' }),
  },
  {
    category: '自然资源', kind: '求助', unit: '自然资源所', hotline: 3, petition: 8, results: MIXED,
    text: ({ r, place, name }) => ({ summary: `${name}${r.pick(['申请宅基地建房审批', '反映山林权属争议', '反映承包地被占'])}`, content: `${place}${name}反映${r.pick(['已递交建房申请三个月未批', '与邻组就一片山林权属存在争议', '承包地被他人占用建房'])}，请求处理。`, result: `自然资源所${r.pick(['已按程序审核，报县审批', '组织双方现场勘界并调解', '引导当事人申请土地权属争议调处'])}。` }),
  },
  {
    category: '涉法涉诉', kind: '求助', unit: '司法所', hotline: 1, petition: 7, results: EXPLAIN, legalChannel: true,
    text: ({ r, name }) => {
      const matter = r.pick(['借款纠纷', '交通事故赔偿', '房屋买卖纠纷', '劳务合同纠纷']);
      const unpaid = r.chance(0.5);
      return unpaid
        ? { summary: `${name}反映${matter}案判决未执行到位`, content: `${name}反映其${matter}案经法院判决胜诉后，对方至今未履行，要求政府协调。`, result: '属司法程序解决的事项，已告知信访人依法向人民法院申请强制执行，并由司法所提供法律咨询。' }
        : { summary: `${name}不服${matter}案民事判决`, content: `${name}反映其${matter}案经法院判决后，认为判决不公，要求政府出面纠正。`, result: '属诉讼途径解决的事项，已书面告知信访人依法上诉或申请再审，并由司法所提供法律援助咨询。' };
    },
  },
];

const ENFORCEMENT_TOPICS: readonly Topic[] = [
  ...TOWN_TOPICS.filter((t) => t.unit === '综合行政执法队'),
  {
    category: '城乡建设', kind: '投诉', unit: '综合行政执法队', hotline: 6, petition: 1, results: SOLVED,
    text: ({ r }) => ({ summary: `反映城区${r.pick(['渣土车抛洒', '餐饮油烟', '共享单车乱停', '户外广告牌破损'])}`, content: `来电人反映县城${r.pick(['滨江路', '人民路', '建设路'])}一带相关问题突出，要求加强管理。`, result: '县综合行政执法局已组织中队整治，并纳入常态化巡查。' }),
  },
];

const JUSTICE_TOPICS: readonly Topic[] = [
  {
    category: '涉法涉诉', kind: '咨询', unit: '司法所', hotline: 10, petition: 2, results: EXPLAIN,
    text: ({ r }) => ({ summary: `咨询${r.pick(['法律援助申请条件', '人民调解程序', '公证办理', '律师收费标准'])}`, content: '来电人咨询相关法律服务事项。', result: '已答复办理条件、所需材料和办理地点。' }),
  },
  {
    category: '涉法涉诉', kind: '投诉', unit: '其他', hotline: 3, petition: 4, results: MIXED,
    text: ({ r, name }) => ({ summary: `${name}投诉${r.pick(['律师代理不尽责', '基层法律服务工作者收费', '法律援助承办人员'])}`, content: `${name}反映委托的法律服务人员存在不尽责、收费不规范等问题。`, result: `县司法局调查核实，${r.pick(['约谈相关人员并责令退还多收费用', '反映问题不属实，已向投诉人说明', '已立案调查，依规处理'])}。` }),
  },
  ...TOWN_TOPICS.filter((t) => t.legalChannel),
];

/** the topics of an office of this kind, each with its relative frequency among 12345 calls and among petitions */
export function topicsOf(set: TopicSet): readonly Topic[] {
  return set === 'enforcement' ? ENFORCEMENT_TOPICS : set === 'justice' ? JUSTICE_TOPICS : TOWN_TOPICS;
}

const CLASS_OF: Record<(typeof REQUEST_KINDS)[number], (typeof MATTER_CLASSES)[number]> = { 投诉: '申诉求决', 求助: '申诉求决', 咨询: '建议意见', 建议: '建议意见', 举报: '检举控告', 表扬: '建议意见', 其他: '建议意见' };

const REFERRERS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  上级交办: [['县信访局', 50], ['县委办公室', 10], ['县人民政府办公室', 15], ['市信访局', 15], ['县纪委监委', 5], ['县委政法委', 5]],
  网络问政: [['县长信箱', 50], ['人民网领导留言板', 20], ['网上信访平台', 30]],
};

// how petitioners rate an answer depends on what it gave them
const SATISFIED: ReadonlyArray<readonly [string, number]> = [['满意', 78], ['基本满意', 15], ['不满意', 3], ['未评价', 4]];
const EXPLAINED: ReadonlyArray<readonly [string, number]> = [['满意', 55], ['基本满意', 28], ['不满意', 10], ['未评价', 7]];
const REFUSED: ReadonlyArray<readonly [string, number]> = [['满意', 20], ['基本满意', 30], ['不满意', 40], ['未评价', 10]];

interface Row {
  orgCode: string;
  values: Record<string, unknown>;
}

type PetitionChannel = Exclude<Channel, '12345热线'>;

function makeRecord(r: Rng, office: Office, channel: PetitionChannel, received: string, to: string, topic: Topic): Row {
  const place = office.town === '999001000000' ? `${r.pick(['城关镇', '清溪镇', '石桥乡'])}${village(r, r.pick(['999001001000', '999001002000', '999001003000']))}` : village(r, office.town);
  const name = personName(r);
  const t = topic.text({ r, place, name, company: companyName(r) });
  // the topic texts are written as hotline calls; a letter or a visit names its author differently
  const who = channel === '来信' ? '来信人' : channel === '来访' ? '来访人' : '反映人';
  const content = t.content.replace(/来电人/g, who);
  const result = t.result.replace(/电话告知来电人/g, '告知信访人').replace(/来电人/g, '信访人');
  const values: Record<string, unknown> = { channel, received_on: received, category: topic.category, request_kind: topic.kind, summary: t.summary, content, location: place };

  // the petitioner
  const collective = (channel === '来访' && r.chance(0.12)) || (channel === '来信' && r.chance(0.06)) || (channel === '上级交办' && r.chance(0.08));
  values['party_kind'] = collective ? '集体' : '个人';
  values['people_count'] = collective ? r.int(5, 36) : channel === '来访' ? r.int(1, 3) : 1;
  values['petitioner_name'] = name;
  values['petitioner_id'] = (channel === '来访' && r.chance(0.9)) || r.chance(0.45) ? idNumber(r) : null;
  values['petitioner_phone'] = r.chance(0.85) ? mobile(r) : null;
  values['petitioner_address'] = `${place}${r.int(1, 12)}组`;
  values['repeated'] = r.chance(channel === '来访' ? 0.14 : 0.09);
  values['escalated'] = channel === '上级交办' ? r.chance(0.3) : false;
  if (channel === '上级交办' || channel === '网络问政') values['referred_by'] = r.weighted(REFERRERS[channel] ?? [['县信访局', 1]]);

  // deadlines carried by the ticket: assigned cases in 30 days, online questions in 15
  if (channel === '上级交办' && r.chance(0.7)) values['ticket_due_on'] = addDays(received, 30);
  else if (channel === '网络问政' && r.chance(0.5)) values['ticket_due_on'] = addDays(received, 15);
  const due = values['ticket_due_on'] as string | undefined;

  // the class of a petition (信访工作条例 arts. 29–31): complaints and requests for help are 申诉求决, suggestions and
  // questions 建议意见, reports 检举控告; a matter for the courts is 申诉求决 diverted into its procedure
  values['matter_class'] = topic.legalChannel ? '申诉求决' : CLASS_OF[topic.kind];
  // a matter sent down that is not the office's business is objected to within a few days (art. 23: 5 working days)
  if (channel === '上级交办' && r.chance(0.04) && addDays(received, 4) <= to) {
    values['objected_on'] = addDays(received, r.int(1, 4));
    values['objection_reason'] = r.pick(['反映事项属县直部门职权范围，非本机关管辖', '反映事项发生地不在本辖区，应由属地机关办理']);
    values['progress'] = progressOf(values);
    return { orgCode: office.petitionsOrg, values };
  }
  // registration: petitions routed or the petitioner told within 15 days
  const acceptedOn = addDays(received, r.int(1, 12));
  if (acceptedOn <= to) {
    values['acceptance'] = topic.legalChannel
      ? '导入相应程序'
      : values['repeated'] === true && r.chance(0.4)
        ? '不再受理'
        : r.weighted([['受理', 90], ['转送有权机关', 6], ['告知向有权机关提出', 4]] as const);
    if (values['acceptance'] === '导入相应程序') values['diverted_to'] = r.weighted([['诉讼', 45], ['行政复议', 20], ['仲裁', 15], ['行政裁决', 10], ['公安机关法律程序', 10]] as const);
    values['accepted_on'] = acceptedOn;
    values['handling_unit'] = values['acceptance'] === '转送有权机关' ? '县直部门' : topic.unit;
    values['handler'] = personName(r);
  }

  if (values['acceptance'] === '受理') {
    let reply: string;
    // only a 申诉求决 matter has the 60-day limit and its extension, granted before the 60 days run out (art. 34)
    const claim = values['matter_class'] === '申诉求决';
    const pace = claim ? r.weighted([['normal', 95], ['extended', 4], ['late', 1]] as const) : 'normal';
    if (pace === 'extended') {
      values['extension_approved'] = true;
      values['extension_approved_on'] = addDays(acceptedOn, r.int(45, 58));
      values['extension_reason'] = r.pick(['涉及多个部门，需会同调查核实', '需开展土地测量和权属调查', '涉及历史遗留问题，需调取档案', '需委托第三方评估']);
      reply = addDays(acceptedOn, r.int(62, 88));
    } else reply = addDays(acceptedOn, pace === 'late' ? r.int(100, 115) : r.int(8, 55));
    if (due && pace === 'normal' && reply > due && r.chance(0.9)) reply = addDays(acceptedOn, r.int(3, Math.max(3, Math.floor((Date.parse(due) - Date.parse(acceptedOn)) / 86_400_000))));
    if (values['extension_approved'] === true && String(values['extension_approved_on']) > to) {
      for (const k of ['extension_approved', 'extension_approved_on', 'extension_reason']) delete values[k];
    }
    if (reply <= to) {
      values['reply_on'] = reply;
      values['result_kind'] = r.weighted(topic.results);
      values['handling_result'] = result;
      values['reply_method'] = channel === '网络问政' ? '网上答复' : channel === '来访' ? r.weighted([['当面答复', 55], ['书面答复（处理意见书）', 45]] as const) : '书面答复（处理意见书）';
      const rk = values['result_kind'];
      values['satisfaction'] = r.weighted(rk === '予以支持' ? SATISFIED : rk === '不予支持' ? REFUSED : EXPLAINED);
      const closed = addDays(reply, r.int(3, 15));
      if (closed <= to) {
        values['closed_on'] = closed;
        values['on_time'] = due ? reply <= due : values['extension_approved'] === true || (Date.parse(reply) - Date.parse(acceptedOn)) / 86_400_000 <= 60;
      }
      // an unhappy petitioner asks the county to review (复查), rarely then to re-review (复核)
      if (values['satisfaction'] === '不满意' && rk !== '予以支持' && r.chance(0.45)) {
        const asked = addDays(reply, r.int(8, 28));
        if (asked <= to) {
          values['review_requested_on'] = asked;
          const answered = addDays(asked, r.int(18, 30));
          if (answered <= to) {
            values['review_reply_on'] = answered;
            values['review_result'] = r.weighted([['维持', 85], ['变更', 10], ['撤销并责令重新办理', 5]] as const);
            const again = addDays(answered, r.int(10, 28));
            if (r.chance(0.3) && again <= to) {
              values['rereview_requested_on'] = again;
              const last = addDays(again, r.int(20, 30));
              if (last <= to) {
                values['rereview_reply_on'] = last;
                values['rereview_result'] = '维持';
              }
            }
          }
        }
      }
    }
  } else if (values['acceptance']) {
    // not accepted: the written notice closes the matter
    const closed = addDays(acceptedOn, r.int(0, 3));
    if (closed <= to) {
      values['closed_on'] = closed;
      values['on_time'] = due ? acceptedOn <= due : (Date.parse(acceptedOn) - Date.parse(received)) / 86_400_000 <= 15;
      values['remarks'] =
        values['acceptance'] === '导入相应程序'
          ? `已导入${String(values['diverted_to'])}程序，书面告知信访人`
          : values['acceptance'] === '不再受理'
            ? '同一事项已办结答复，书面告知不再受理'
            : values['acceptance'] === '告知向有权机关提出'
              ? '不属于本机关职权范围，书面告知信访人向有权机关提出'
              : '已转送有权机关并告知信访人';
    }
  }
  values['progress'] = progressOf(values);
  return { orgCode: office.petitionsOrg, values };
}

/** two years of letters, visits, assigned cases and online questions for each town and three county departments */
export async function seedPetitionsDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('petitions');
  const period = demoWindow(ctx.now);
  const { to } = period;
  const rows: Row[] = [];
  for (const office of OFFICES) {
    const topics = topicsOf(office.topics);
    const petitionTopics = topics.filter((t) => t.petition > 0).map((t) => [t, t.petition] as const);
    for (const { year, start, end, share } of windowYears(period)) {
      const items: Array<{ channel: PetitionChannel; received: string }> = [];
      for (const [channel, perYear] of Object.entries(office.volume) as Array<[PetitionChannel, number]>) {
        const n = Math.round(perYear * share);
        for (let i = 0; i < n; i++) items.push({ channel, received: dateBetween(r, start, end) });
      }
      items.sort((a, b) => a.received.localeCompare(b.received));
      let petitionSeq = 0;
      for (const item of items) {
        const row = makeRecord(r, office, item.channel, item.received, to, r.weighted(petitionTopics));
        row.values['reg_no'] = `${office.short}信〔${year}〕${String(++petitionSeq).padStart(3, '0')}号`;
        rows.push(row);
      }
    }
  }
  await seedLedger(ctx, platform, 'petitions.case', rows);
}
