import { companyName, dateInMonth, dayIn, demoWindow, minDate, mobile, officeOf, personName, rng, village, yearSpan, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { DEMO_UNITS, type DemoUnit } from './demo-orgs.ts';
import type { ACTIVITY_FORMS, AUDIENCES, DUTY_FREQUENCIES, PUBLICITY_LAWS } from './publicity.ledgers.ts';
import type { LegalNodeName } from './publicity.nodes.ts';
import { seedStudyDemo } from './study.demo.ts';

type Form = (typeof ACTIVITY_FORMS)[number];
type Law = (typeof PUBLICITY_LAWS)[number];
type Audience = (typeof AUDIENCES)[number];
type UnitKey = 'sfs' | 'pcs' | 'scjg' | 'zfd' | 'yj' | 'rs' | 'nync' | 'zrzy' | 'fl' | 'xx' | 'xf' | 'wj' | 'wsy';

/** the units a "谁执法谁普法" list names, as a town and as the county call them */
interface DutySpec {
  town: string;
  county: string;
  laws: Law[];
  audiences: Audience[];
  nodes: LegalNodeName[];
  frequency: (typeof DUTY_FREQUENCIES)[number];
  tasks: string;
}

const DUTIES: Record<UnitKey, DutySpec> = {
  sfs: { town: '司法所', county: '县司法局', laws: ['宪法', '民法典', '人民调解法', '法律援助法'], audiences: ['村（居）民', '村（社区）“两委”干部'], nodes: ['12·4 国家宪法日（宪法宣传周）', '民法典宣传月（5月）'], frequency: '每月', tasks: '牵头统筹普法依法治理工作；在“12·4”国家宪法日、民法典宣传月集中开展宪法、民法典宣传；每月开展人民调解、法律援助进村（社区）宣传；培育和管理“法律明白人”队伍。' },
  pcs: { town: '派出所', county: '县公安局', laws: ['反电信网络诈骗法', '禁毒法', '治安管理处罚法', '国家安全法', '反有组织犯罪法'], audiences: ['村（居）民', '老年人', '青少年学生'], nodes: ['1·10 中国人民警察节', '4·15 全民国家安全教育日', '6·26 国际禁毒日'], frequency: '每季度', tasks: '结合办案开展以案释法；在中国人民警察节、全民国家安全教育日、国际禁毒日开展集中宣传；常态化开展防范电信网络诈骗、打击整治养老诈骗和反有组织犯罪法宣传。' },
  scjg: { town: '市场监督管理所', county: '县市场监督管理局', laws: ['消费者权益保护法', '食品安全法', '产品质量法', '商标法'], audiences: ['个体工商户', '企业经营管理人员和职工', '村（居）民'], nodes: ['3·15 国际消费者权益日', '4·26 世界知识产权日'], frequency: '重要时间节点', tasks: '在“3·15”国际消费者权益日、世界知识产权日开展集中宣传；结合日常检查向经营户宣传食品安全、产品质量法律法规，落实“双随机、一公开”检查中的释法说理。' },
  zfd: { town: '综合行政执法队', county: '县综合行政执法局', laws: ['行政处罚法', '土地管理法', '环境保护法'], audiences: ['个体工商户', '村（居）民'], nodes: ['6·25 全国土地日', '6·5 世界环境日'], frequency: '每季度', tasks: '执法全过程同步释法说理；每季度选取典型案例开展一次以案释法；在全国土地日、世界环境日开展违法占地、环境保护专题宣传。' },
  yj: { town: '应急管理办公室', county: '县应急管理局', laws: ['安全生产法', '消防法', '突发事件应对法'], audiences: ['企业经营管理人员和职工', '村（居）民'], nodes: ['安全生产月（6月）', '5·12 全国防灾减灾日', '11·9 全国消防日'], frequency: '重要时间节点', tasks: '组织“安全生产月”“全国防灾减灾日”“全国消防日”宣传；开展安全生产法进企业活动，督促企业落实主体责任。' },
  rs: { town: '人力资源和社会保障服务所', county: '县人力资源和社会保障局', laws: ['劳动合同法', '保障农民工工资支付条例', '社会保险法'], audiences: ['农民工', '企业经营管理人员和职工'], nodes: [], frequency: '每半年', tasks: '在春节前、根治欠薪冬季专项行动期间开展《保障农民工工资支付条例》宣传；向用工单位宣传劳动合同法和社会保险法。' },
  nync: { town: '农业农村服务中心', county: '县农业农村局', laws: ['乡村振兴促进法', '农村土地承包法', '农产品质量安全法'], audiences: ['村（居）民'], nodes: [], frequency: '每半年', tasks: '结合乡村振兴和农技推广开展涉农法律法规宣传，重点宣传土地承包经营权流转和农产品质量安全。' },
  zrzy: { town: '自然资源所', county: '县自然资源局', laws: ['土地管理法', '森林法'], audiences: ['村（居）民'], nodes: ['6·25 全国土地日'], frequency: '每半年', tasks: '在全国土地日开展节约集约用地宣传；在森林防火期开展森林法和野外用火管理宣传，落实农村宅基地审批政策解读。' },
  fl: { town: '妇联', county: '县妇联', laws: ['妇女权益保障法', '反家庭暴力法', '家庭教育促进法'], audiences: ['妇女儿童'], nodes: ['3·8 国际妇女节', '6·1 国际儿童节'], frequency: '重要时间节点', tasks: '在“3·8”国际妇女节、“6·1”国际儿童节开展妇女儿童权益保护宣传；开展家庭教育促进法进家庭活动。' },
  xx: { town: '中心学校', county: '县教育局', laws: ['未成年人保护法', '预防未成年人犯罪法'], audiences: ['青少年学生'], nodes: ['全国中小学生安全教育日', '6·1 国际儿童节'], frequency: '每半年', tasks: '每学期开展一次法治教育课和防溺水、防欺凌专题教育；配合法治副校长开展法治进校园活动。' },
  xf: { town: '信访办', county: '县信访局', laws: ['信访工作条例'], audiences: ['村（居）民'], nodes: [], frequency: '每半年', tasks: '宣传《信访工作条例》，引导群众依法逐级走访、按照法定途径反映诉求；推进信访工作法治化。' },
  wj: { town: '人民武装部', county: '县人民武装部', laws: ['兵役法', '国防教育法'], audiences: ['青少年学生', '退役军人'], nodes: ['全民国防教育日（9月）'], frequency: '每年', tasks: '结合兵役登记和征兵工作宣传兵役法；在全民国防教育日开展国防教育宣传。' },
  wsy: { town: '卫生院', county: '县卫生健康委员会', laws: ['传染病防治法'], audiences: ['村（居）民', '老年人'], nodes: [], frequency: '每半年', tasks: '结合家庭医生签约和健康教育开展传染病防治法、医疗保障法律政策宣传。' },
};
const TOWN_UNIT_COUNT = [13, 12, 11];

/** what an activity is about: the node, its topic words for titles, laws, forms and who runs it */
interface Theme {
  node: LegalNodeName;
  topics: string[];
  laws: Law[];
  forms: ReadonlyArray<readonly [Form, number]>;
  audiences: Audience[];
  unit: UnitKey;
  co: UnitKey[];
  /** what was stressed, one clause for the summary */
  focus: string;
  /** for 日常 themes: months it fits (森林防火 in the dry season, 防溺水 in summer); empty means any */
  months?: number[];
}

const STREET: ReadonlyArray<readonly [Form, number]> = [['街头宣传咨询', 6], ['送法进村（社区）', 2], ['线上宣传', 1]];

const NODE_THEMES: Theme[] = [
  { node: '1·10 中国人民警察节', topics: ['“1·10”中国人民警察节', '“110宣传日”'], laws: ['治安管理处罚法', '反电信网络诈骗法'], forms: STREET, audiences: ['村（居）民'], unit: 'pcs', co: ['sfs'], focus: '，展示警务装备，现场演示防诈骗、防盗抢技巧' },
  { node: '春节、元宵节期间', topics: ['“平安春节”', '“法治年货”送到家', '春节返乡人员'], laws: ['反电信网络诈骗法', '烟花爆竹安全管理条例', '保障农民工工资支付条例'], forms: [['街头宣传咨询', 4], ['法治文艺演出', 2], ['入户发放宣传资料', 2]], audiences: ['村（居）民', '农民工'], unit: 'sfs', co: ['pcs', 'rs'], focus: '，提醒返乡群众安全燃放烟花爆竹、依法讨薪、谨防网络诈骗' },
  { node: '3·5 学雷锋纪念日', topics: ['“学雷锋”志愿普法', '“法律服务志愿行”'], laws: ['民法典', '法律援助法'], forms: [['街头宣传咨询', 5], ['送法进村（社区）', 3]], audiences: ['村（居）民'], unit: 'sfs', co: [], focus: '，组织普法志愿者和法律顾问提供免费法律咨询' },
  { node: '3·8 国际妇女节', topics: ['“3·8”妇女维权周', '“巾帼普法 护航权益”', '妇女儿童权益保护'], laws: ['妇女权益保障法', '反家庭暴力法', '民法典'], forms: [['街头宣传咨询', 4], ['法治讲座', 3], ['送法进村（社区）', 2]], audiences: ['妇女儿童'], unit: 'fl', co: ['sfs'], focus: '，重点讲解婚姻家庭、反家庭暴力和人身安全保护令相关知识' },
  { node: '3·15 国际消费者权益日', topics: ['“3·15”国际消费者权益日', '“提振消费 从放心消费开始”'], laws: ['消费者权益保护法', '食品安全法', '产品质量法'], forms: [['街头宣传咨询', 7], ['送法进企业', 2]], audiences: ['村（居）民', '个体工商户'], unit: 'scjg', co: ['sfs'], focus: '，现场受理消费投诉，讲解七日无理由退货、假一赔三等规定' },
  { node: '全国中小学生安全教育日', topics: ['中小学生安全教育日', '“护苗”行动'], laws: ['未成年人保护法', '预防未成年人犯罪法', '道路交通安全法'], forms: [['送法进校园', 8], ['法治讲座', 2]], audiences: ['青少年学生'], unit: 'xx', co: ['pcs', 'sfs'], focus: '，由法治副校长讲授防欺凌、防溺水和交通安全知识' },
  { node: '4·15 全民国家安全教育日', topics: ['“4·15”全民国家安全教育日', '总体国家安全观', '国家安全'], laws: ['国家安全法', '反间谍法', '反恐怖主义法'], forms: [['街头宣传咨询', 5], ['送法进校园', 3], ['线上宣传', 2], ['送法进机关', 1]], audiences: ['村（居）民', '青少年学生'], unit: 'pcs', co: ['sfs'], focus: '，讲解总体国家安全观，引导群众识别和举报危害国家安全行为，公布12339举报电话' },
  { node: '4·26 世界知识产权日', topics: ['“4·26”知识产权宣传周', '知识产权保护'], laws: ['商标法', '专利法'], forms: [['送法进企业', 6], ['街头宣传咨询', 3]], audiences: ['企业经营管理人员和职工', '个体工商户'], unit: 'scjg', co: [], focus: '，指导企业申请注册商标、防范商标侵权' },
  { node: '民法典宣传月（5月）', topics: ['“美好生活·民法典相伴”', '民法典宣传月', '“民法典与生活同行”'], laws: ['民法典'], forms: [['法治讲座', 4], ['送法进村（社区）', 4], ['街头宣传咨询', 3], ['送法进校园', 1], ['送法进企业', 1], ['线上宣传', 1], ['法律知识竞赛', 1]], audiences: ['村（居）民', '老年人', '企业经营管理人员和职工'], unit: 'sfs', co: [], focus: '，结合身边案例解读婚姻家庭、继承、相邻关系和居住权等规定' },
  { node: '5·12 全国防灾减灾日', topics: ['“5·12”全国防灾减灾日', '防灾减灾'], laws: ['突发事件应对法', '安全生产法'], forms: [['街头宣传咨询', 3], ['送法进校园', 3]], audiences: ['村（居）民', '青少年学生'], unit: 'yj', co: ['sfs'], focus: '，开展应急避险演示，普及地质灾害和汛期避险常识' },
  { node: '5·15 全国打击和防范经济犯罪宣传日', topics: ['“5·15”打击和防范经济犯罪宣传日', '守护“钱袋子”'], laws: ['刑法', '防范和处置非法集资条例', '反电信网络诈骗法'], forms: [['街头宣传咨询', 6], ['线上宣传', 2]], audiences: ['村（居）民', '老年人'], unit: 'pcs', co: ['sfs'], focus: '，揭示非法集资、养老诈骗常见套路' },
  { node: '6·1 国际儿童节', topics: ['“六一”护苗', '未成年人保护'], laws: ['未成年人保护法', '家庭教育促进法'], forms: [['送法进校园', 6], ['法治文艺演出', 2]], audiences: ['青少年学生', '妇女儿童'], unit: 'fl', co: ['xx', 'sfs'], focus: '，向家长宣传家庭教育促进法，提醒监护人履行监护职责' },
  { node: '安全生产月（6月）', topics: ['“安全生产月”', '“人人讲安全、个个会应急”', '安全生产法'], laws: ['安全生产法', '消防法'], forms: [['送法进企业', 5], ['街头宣传咨询', 4], ['线上宣传', 1]], audiences: ['企业经营管理人员和职工', '村（居）民'], unit: 'yj', co: ['zfd'], focus: '，督促企业落实安全生产主体责任，讲解“三管三必须”和事故隐患排查要求' },
  { node: '防范非法集资宣传月（6月）', topics: ['防范非法集资宣传月', '“守住钱袋子·护好幸福家”'], laws: ['防范和处置非法集资条例', '刑法'], forms: [['街头宣传咨询', 5], ['入户发放宣传资料', 2], ['线上宣传', 2]], audiences: ['老年人', '村（居）民'], unit: 'sfs', co: ['pcs'], focus: '，揭示以养老、投资理财为名的非法集资手法' },
  { node: '6·5 世界环境日', topics: ['“6·5”世界环境日', '生态环境保护'], laws: ['环境保护法'], forms: [['街头宣传咨询', 4], ['送法进企业', 3]], audiences: ['村（居）民', '企业经营管理人员和职工'], unit: 'zfd', co: [], focus: '，宣传秸秆禁烧、畜禽养殖污染防治规定' },
  { node: '6·25 全国土地日', topics: ['“6·25”全国土地日', '节约集约用地'], laws: ['土地管理法', '农村土地承包法'], forms: [['街头宣传咨询', 4], ['送法进村（社区）', 4]], audiences: ['村（居）民'], unit: 'zrzy', co: ['zfd'], focus: '，讲解农村宅基地审批、耕地保护和违法占地的法律后果' },
  { node: '6·26 国际禁毒日', topics: ['“6·26”国际禁毒日', '“健康人生 绿色无毒”', '全民禁毒'], laws: ['禁毒法', '刑法'], forms: [['街头宣传咨询', 5], ['送法进校园', 4], ['线上宣传', 1]], audiences: ['村（居）民', '青少年学生'], unit: 'pcs', co: ['sfs', 'xx'], focus: '，展示毒品仿真样品，讲解新型毒品的危害和禁种铲毒要求' },
  { node: '全民国防教育日（9月）', topics: ['全民国防教育日', '国防教育'], laws: ['国防教育法', '兵役法'], forms: [['送法进校园', 5], ['街头宣传咨询', 3]], audiences: ['青少年学生', '退役军人'], unit: 'wj', co: ['xx'], focus: '，宣传依法服兵役和征兵优待政策' },
  { node: '国家网络安全宣传周（9月）', topics: ['国家网络安全宣传周', '“网络安全为人民”'], laws: ['网络安全法', '个人信息保护法', '反电信网络诈骗法'], forms: [['街头宣传咨询', 4], ['送法进校园', 3], ['线上宣传', 3]], audiences: ['村（居）民', '青少年学生'], unit: 'pcs', co: ['sfs'], focus: '，提醒群众保护个人信息，不出租出借银行卡和电话卡' },
  { node: '11·9 全国消防日', topics: ['“11·9”全国消防日', '冬季消防安全'], laws: ['消防法'], forms: [['街头宣传咨询', 3], ['送法进企业', 3], ['送法进校园', 2]], audiences: ['村（居）民', '企业经营管理人员和职工'], unit: 'yj', co: ['pcs'], focus: '，演示灭火器使用，排查电动自行车违规充电隐患' },
  { node: '12·2 全国交通安全日', topics: ['“12·2”全国交通安全日', '“文明交通 安全出行”'], laws: ['道路交通安全法'], forms: [['街头宣传咨询', 5], ['送法进校园', 3]], audiences: ['村（居）民', '青少年学生'], unit: 'pcs', co: [], focus: '，劝导骑乘电动自行车佩戴安全头盔，曝光农村面包车超员等违法行为' },
  { node: '12·4 国家宪法日（宪法宣传周）', topics: ['“12·4”国家宪法日', '宪法宣传周', '“弘扬宪法精神 建设法治中国”', '宪法学习'], laws: ['宪法'], forms: [['街头宣传咨询', 4], ['送法进校园', 3], ['法治讲座', 2], ['送法进村（社区）', 2], ['送法进机关', 1], ['法律知识竞赛', 1], ['线上宣传', 1], ['法治文艺演出', 1]], audiences: ['村（居）民', '青少年学生', '公职人员'], unit: 'sfs', co: ['pcs', 'xx'], focus: '，组织群众诵读宪法条文，讲解宪法确立的公民基本权利和义务' },
];

/** [node, min, max, probability]: how many activities a full-size town holds at each node in a year */
const NODE_PLAN: ReadonlyArray<readonly [LegalNodeName, number, number, number]> = [
  ['1·10 中国人民警察节', 1, 1, 0.35], ['春节、元宵节期间', 1, 2, 0.7], ['3·5 学雷锋纪念日', 1, 1, 0.4], ['3·8 国际妇女节', 1, 2, 1], ['3·15 国际消费者权益日', 1, 2, 1],
  ['全国中小学生安全教育日', 1, 1, 0.6], ['4·15 全民国家安全教育日', 1, 3, 1], ['4·26 世界知识产权日', 1, 1, 0.25], ['民法典宣传月（5月）', 2, 5, 1], ['5·12 全国防灾减灾日', 1, 1, 0.5],
  ['5·15 全国打击和防范经济犯罪宣传日', 1, 1, 0.4], ['6·1 国际儿童节', 1, 1, 0.4], ['安全生产月（6月）', 1, 2, 1], ['防范非法集资宣传月（6月）', 1, 1, 0.6], ['6·5 世界环境日', 1, 1, 0.3],
  ['6·25 全国土地日', 1, 1, 0.35], ['6·26 国际禁毒日', 1, 3, 1], ['全民国防教育日（9月）', 1, 1, 0.4], ['国家网络安全宣传周（9月）', 1, 1, 0.6], ['11·9 全国消防日', 1, 1, 0.6],
  ['12·2 全国交通安全日', 1, 1, 0.4], ['12·4 国家宪法日（宪法宣传周）', 2, 5, 1],
];

const DAILY_THEMES: Theme[] = [
  { node: '日常宣传', topics: ['防范电信网络诈骗', '“全民反诈”', '“反诈守护”'], laws: ['反电信网络诈骗法', '刑法'], forms: [['街头宣传咨询', 4], ['送法进村（社区）', 3], ['线上宣传', 2], ['送法进校园', 1], ['入户发放宣传资料', 2]], audiences: ['村（居）民', '老年人'], unit: 'pcs', co: ['sfs'], focus: '，提醒群众“不轻信、不透露、不转账”，引导下载“国家反诈中心”APP' },
  { node: '日常宣传', topics: ['常态化扫黑除恶', '反有组织犯罪法'], laws: ['反有组织犯罪法', '刑法'], forms: [['街头宣传咨询', 3], ['送法进村（社区）', 2], ['法治宣传栏（标语）', 1]], audiences: ['村（居）民'], unit: 'pcs', co: ['sfs'], focus: '，公布涉黑涉恶线索举报渠道' },
  { node: '日常宣传', topics: ['反邪教警示教育', '“崇尚科学 反对邪教”'], laws: ['刑法', '宗教事务条例'], forms: [['送法进村（社区）', 3], ['街头宣传咨询', 2], ['法治宣传栏（标语）', 1]], audiences: ['村（居）民', '老年人'], unit: 'sfs', co: ['pcs'], focus: '，揭露邪教组织敛财害人的本质' },
  { node: '日常宣传', topics: ['禁种铲毒', '禁毒'], laws: ['禁毒法'], forms: [['送法进村（社区）', 3], ['入户发放宣传资料', 2]], audiences: ['村（居）民'], unit: 'pcs', co: ['nync'], focus: '，告知非法种植罂粟、大麻的法律责任', months: [3, 4, 5] },
  { node: '日常宣传', topics: ['根治欠薪', '农民工工资支付'], laws: ['保障农民工工资支付条例', '劳动合同法'], forms: [['送法进企业', 4], ['街头宣传咨询', 2], ['法治讲座', 1]], audiences: ['农民工', '企业经营管理人员和职工'], unit: 'rs', co: ['sfs'], focus: '，讲解工资专用账户、实名制管理和维权渠道', months: [1, 11, 12] },
  { node: '日常宣传', topics: ['打击整治养老诈骗', '老年人防骗'], laws: ['老年人权益保障法', '反电信网络诈骗法'], forms: [['送法进村（社区）', 3], ['法治讲座', 2], ['入户发放宣传资料', 2]], audiences: ['老年人'], unit: 'pcs', co: ['sfs'], focus: '，揭示“保健品”“以房养老”等骗局' },
  { node: '日常宣传', topics: ['《信访工作条例》', '信访工作法治化'], laws: ['信访工作条例'], forms: [['送法进村（社区）', 3], ['街头宣传咨询', 2]], audiences: ['村（居）民'], unit: 'xf', co: ['sfs'], focus: '，引导群众依法逐级走访、理性表达诉求' },
  { node: '日常宣传', topics: ['民法典婚姻家庭编', '婚姻家庭纠纷预防'], laws: ['民法典', '反家庭暴力法'], forms: [['法治讲座', 3], ['送法进村（社区）', 3]], audiences: ['村（居）民', '妇女儿童'], unit: 'sfs', co: ['fl'], focus: '，结合调解案例讲解离婚冷静期、家庭财产分割和赡养义务' },
  { node: '日常宣传', topics: ['农村土地承包和宅基地', '土地流转'], laws: ['农村土地承包法', '土地管理法', '民法典'], forms: [['法治讲座', 3], ['送法进村（社区）', 3]], audiences: ['村（居）民'], unit: 'nync', co: ['zrzy', 'sfs'], focus: '，解读土地经营权流转合同签订要点' },
  { node: '日常宣传', topics: ['乡村振兴法治', '乡村振兴促进法'], laws: ['乡村振兴促进法'], forms: [['法治讲座', 3], ['送法进村（社区）', 2]], audiences: ['村（社区）“两委”干部', '村（居）民'], unit: 'nync', co: ['sfs'], focus: '，结合村规民约修订讲解村民自治相关规定' },
  { node: '日常宣传', topics: ['森林防火', '野外用火管理'], laws: ['森林法'], forms: [['送法进村（社区）', 3], ['入户发放宣传资料', 2], ['法治宣传栏（标语）', 2]], audiences: ['村（居）民'], unit: 'zrzy', co: ['yj'], focus: '，重申清明祭扫、春耕期间严禁野外用火', months: [1, 2, 3, 4, 10, 11, 12] },
  { node: '日常宣传', topics: ['防溺水安全教育', '暑期“护苗”'], laws: ['未成年人保护法'], forms: [['送法进校园', 4], ['送法进村（社区）', 2], ['入户发放宣传资料', 1]], audiences: ['青少年学生'], unit: 'xx', co: ['sfs'], focus: '，落实“六不准”，提醒家长履行暑期监护责任', months: [5, 6, 7] },
  { node: '日常宣传', topics: ['兵役登记', '依法服兵役'], laws: ['兵役法'], forms: [['街头宣传咨询', 2], ['送法进校园', 2]], audiences: ['青少年学生'], unit: 'wj', co: [], focus: '，宣传适龄男青年依法进行兵役登记', months: [1, 2, 3, 4, 5, 6] },
  { node: '日常宣传', topics: ['人民调解', '“有事好商量”'], laws: ['人民调解法', '民法典'], forms: [['送法进村（社区）', 3], ['以案释法', 2]], audiences: ['村（居）民'], unit: 'sfs', co: [], focus: '，介绍人民调解不收费、调解协议可申请司法确认等规定' },
  { node: '日常宣传', topics: ['法律援助', '法律援助惠民'], laws: ['法律援助法'], forms: [['送法进村（社区）', 3], ['街头宣传咨询', 2]], audiences: ['农民工', '老年人', '村（居）民'], unit: 'sfs', co: [], focus: '，告知法律援助申请条件和“12348”公共法律服务热线' },
  { node: '日常宣传', topics: ['行政执法典型案例', '违法建设治理'], laws: ['行政处罚法', '土地管理法'], forms: [['以案释法', 5], ['送法进村（社区）', 2]], audiences: ['村（居）民', '个体工商户'], unit: 'zfd', co: [], focus: '，通报查处的违法建设、占道经营案例，讲解首违不罚和轻微免罚规定' },
  { node: '日常宣传', topics: ['食品安全', '“守护校园餐桌”'], laws: ['食品安全法'], forms: [['送法进企业', 2], ['送法进校园', 2]], audiences: ['个体工商户', '青少年学生'], unit: 'scjg', co: [], focus: '，向经营户讲解进货查验和索证索票要求' },
  { node: '日常宣传', topics: ['习近平法治思想', '“八五”普法'], laws: ['宪法'], forms: [['法治讲座', 3], ['送法进机关', 2], ['送法进村（社区）', 2]], audiences: ['公职人员', '村（社区）“两委”干部'], unit: 'sfs', co: [], focus: '，宣讲习近平法治思想的核心要义' },
  { node: '日常宣传', topics: ['“法治文化进乡村”', '“法润乡村”'], laws: ['民法典', '宪法'], forms: [['法治文艺演出', 4], ['法律知识竞赛', 1]], audiences: ['村（居）民'], unit: 'sfs', co: [], focus: '，以小品、快板等群众喜闻乐见的形式演绎身边法治故事' },
  { node: '日常宣传', topics: ['传染病防治和医保基金安全', '医保政策'], laws: ['传染病防治法'], forms: [['送法进村（社区）', 3], ['街头宣传咨询', 1]], audiences: ['村（居）民', '老年人'], unit: 'wsy', co: [], focus: '，提醒群众不出借医保卡、不参与骗保' },
  { node: '日常宣传', topics: ['企业安全生产', '企业安全生产主体责任'], laws: ['安全生产法', '消防法'], forms: [['送法进企业', 5]], audiences: ['企业经营管理人员和职工'], unit: 'yj', co: [], focus: '，讲解全员安全生产责任制和隐患排查治理要求' },
  { node: '日常宣传', topics: ['村（社区）法治', '“八五”普法'], laws: ['宪法', '民法典'], forms: [['法治宣传栏（标语）', 1]], audiences: ['村（居）民'], unit: 'sfs', co: [], focus: '，更新村（社区）法治宣传栏内容' },
];

const DAILY_PER_YEAR = 32;

const TITLE_SUFFIX: Record<Form, string[]> = {
  法治讲座: ['专题讲座', '法治讲座'],
  街头宣传咨询: ['集中宣传活动', '宣传咨询活动', '主题宣传活动'],
  '送法进村（社区）': ['进村（社区）宣传', '“送法下乡”活动'],
  送法进校园: ['进校园活动', '法治课'],
  送法进企业: ['进企业宣传', '送法进企业活动'],
  送法进机关: ['进机关学习宣传', '机关干部专题宣传'],
  以案释法: ['以案释法活动', '以案释法专题宣传'],
  法治文艺演出: ['法治文艺汇演', '文艺演出'],
  法律知识竞赛: ['法律知识竞赛', '有奖知识问答'],
  线上宣传: ['线上宣传', '网络有奖答题'],
  入户发放宣传资料: ['入户宣传', '“敲门”宣传'],
  '法治宣传栏（标语）': ['宣传栏（标语）更新', '专栏宣传'],
  其他形式: ['宣传活动'],
};

const PARTICIPANTS: Record<Form, readonly [number, number]> = {
  法治讲座: [30, 150], 街头宣传咨询: [150, 900], '送法进村（社区）': [40, 200], 送法进校园: [150, 1200], 送法进企业: [20, 150], 送法进机关: [30, 90], 以案释法: [20, 120],
  法治文艺演出: [300, 1500], 法律知识竞赛: [50, 300], 线上宣传: [800, 6000], 入户发放宣传资料: [50, 400], '法治宣传栏（标语）': [100, 600], 其他形式: [30, 200],
};
const MATERIALS: Record<Form, readonly [number, number]> = {
  法治讲座: [30, 200], 街头宣传咨询: [300, 3000], '送法进村（社区）': [100, 600], 送法进校园: [100, 800], 送法进企业: [30, 200], 送法进机关: [20, 100], 以案释法: [30, 200],
  法治文艺演出: [200, 1000], 法律知识竞赛: [50, 200], 线上宣传: [0, 0], 入户发放宣传资料: [80, 600], '法治宣传栏（标语）': [0, 0], 其他形式: [0, 200],
};
const CONSULTATIONS: Record<Form, readonly [number, number]> = {
  法治讲座: [3, 25], 街头宣传咨询: [10, 80], '送法进村（社区）': [5, 40], 送法进校园: [0, 20], 送法进企业: [3, 20], 送法进机关: [0, 8], 以案释法: [2, 20],
  法治文艺演出: [5, 40], 法律知识竞赛: [0, 10], 线上宣传: [0, 30], 入户发放宣传资料: [5, 30], '法治宣传栏（标语）': [0, 0], 其他形式: [0, 10],
};
const FORM_WAY: Record<Form, string> = {
  法治讲座: '专题授课、案例讲解', 街头宣传咨询: '设置咨询台、悬挂横幅、发放资料、现场答疑', '送法进村（社区）': '召开院坝会、上门讲解', 送法进校园: '法治副校长上法治课、观看警示教育片',
  送法进企业: '召开企业负责人座谈会、现场指导', 送法进机关: '集中学习、专题辅导', 以案释法: '以身边典型案例释法说理', 法治文艺演出: '小品、快板、情景剧等文艺节目', 法律知识竞赛: '知识竞赛、有奖问答',
  线上宣传: '微信公众号、短视频和村（社区）微信群推送', 入户发放宣传资料: '网格员入户走访、发放明白卡', '法治宣传栏（标语）': '更新宣传栏、悬挂宣传标语', 其他形式: '多种形式',
};

interface Draft {
  unitCode: string;
  county: boolean;
  year: number;
  unit: UnitKey;
  orgCode: string;
  values: Record<string, unknown>;
}

/** where an activity of this form takes place, and the village it belongs to */
function place(r: Rng, u: DemoUnit, form: Form): { location: string; village: string | null } {
  const seat = u.county ? '县城' : `${u.name.slice(0, -1)}集镇`;
  const v = u.county ? null : village(r, u.code);
  switch (form) {
    case '街头宣传咨询':
      return { location: `${seat}${r.pick(['农贸市场', '中心广场', '客运站', '赶集街'])}`, village: null };
    case '送法进校园':
      return { location: u.county ? `演示县${r.pick(['第一中学', '实验小学', '职业教育中心'])}` : `${u.name}${r.pick(['中心小学', '初级中学', '中心幼儿园'])}`, village: null };
    case '送法进企业':
      return { location: companyName(r), village: v };
    case '送法进机关':
      return { location: u.county ? '县行政中心会议室' : `${u.name}人民政府会议室`, village: null };
    case '法治文艺演出':
      return { location: u.county ? '县城人民广场' : `${u.name}文化广场`, village: null };
    case '线上宣传':
      return { location: `“${u.county ? '演示县司法' : `法治${u.name}`}”微信公众号、抖音号`, village: null };
    case '法律知识竞赛':
      return { location: u.county ? '县图书馆报告厅' : `${u.name}新时代文明实践所`, village: null };
    default:
      return v ? { location: `${v}${r.pick(['党群服务中心', '新时代文明实践站', '文化院坝', '村委会'])}`, village: v } : { location: r.pick(['县城人民广场', '县行政服务中心', '县图书馆']), village: null };
  }
}

function unitName(u: DemoUnit, key: UnitKey): string {
  return u.county ? DUTIES[key].county : `${u.name}${DUTIES[key].town}`;
}

/** the org code whose clerk keeps the record: 司法所 keeps most, the enforcement team and petitions office their own */
function keeper(r: Rng, u: DemoUnit, key: UnitKey): string {
  if (u.county) return key === 'zfd' ? `${u.code}-02` : `${u.code}-01`;
  if (key === 'zfd') return `${u.code}-03`;
  if (key === 'xf') return `${u.code}-04`;
  return r.chance(0.15) ? u.code : `${u.code}-02`;
}

function nodeDate(r: Rng, node: LegalNodeName, year: number): string {
  switch (node) {
    case '春节、元宵节期间':
      return r.chance(0.6) ? dayIn(r, year, 1, 15, 31) : dayIn(r, year, 2, 1, 25);
    case '全国中小学生安全教育日':
      return dayIn(r, year, 3, 20, 31);
    case '民法典宣传月（5月）':
      return dayIn(r, year, 5, 6, 31);
    case '安全生产月（6月）':
    case '防范非法集资宣传月（6月）':
      return dayIn(r, year, 6, 3, 30);
    case '全民国防教育日（9月）':
      return dayIn(r, year, 9, 12, 22);
    case '国家网络安全宣传周（9月）':
      return dayIn(r, year, 9, 8, 20);
    case '1·10 中国人民警察节':
      return dayIn(r, year, 1, 8, 12);
    case '6·1 国际儿童节':
      return r.chance(0.5) ? dayIn(r, year, 5, 28, 31) : dayIn(r, year, 6, 1, 3);
    case '12·4 国家宪法日（宪法宣传周）':
      return r.chance(0.1) ? dayIn(r, year, 11, 26, 30) : dayIn(r, year, 12, 1, 8);
    default: {
      const m = /^(\d+)·(\d+)/.exec(node);
      const month = Number(m?.[1] ?? 1);
      const day = Number(m?.[2] ?? 1);
      return dayIn(r, year, month, day - 3, day + 3);
    }
  }
}

function activity(r: Rng, u: DemoUnit, theme: Theme, date: string): Draft {
  const year = Number(date.slice(0, 4));
  const form = r.weighted(theme.forms);
  const scale = u.county ? 1.5 : 0.6 + 0.4 * u.size;
  const [p1, p2] = PARTICIPANTS[form];
  const participants = Math.round(r.int(p1, p2) * scale / 10) * 10 || r.int(p1, p2);
  const [m1, m2] = MATERIALS[form];
  // a village meeting of forty does not take away six hundred leaflets
  const materials = m2 === 0 ? null : Math.min(Math.round(r.int(m1, m2) * scale / 10) * 10, Math.max(participants * 4, 20));
  const [c1, c2] = CONSULTATIONS[form];
  const consultations = c2 === 0 ? null : Math.min(participants, r.int(c1, c2));
  const topic = r.pick(theme.topics);
  const title = `${topic}${r.pick(TITLE_SUFFIX[form])}`;
  const { location, village: v } = place(r, u, form);
  const organiser = unitName(u, theme.unit);
  const co = theme.co.filter((k) => k !== theme.unit).slice(0, r.int(0, theme.co.length)).map((k) => unitName(u, k));
  if (!u.county && r.chance(0.3)) co.push(v ? `${v}${v.endsWith('社区') ? '居委会' : '村委会'}` : `${u.name}综治中心`);
  const laws = theme.laws.slice(0, Math.max(1, r.int(1, theme.laws.length)));
  const audience = r.pick(theme.audiences);
  const md = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  const summary =
    `${md}，${organiser}${co.length ? `联合${co.join('、')}` : ''}在${location}开展${title}。活动通过${FORM_WAY[form]}等方式，重点宣传了《${laws.join('》《')}》${theme.focus}。` +
    `${materials ? `共发放宣传资料${materials}份，` : ''}${consultations ? `解答群众法律咨询${consultations}人次，` : ''}${form === '线上宣传' ? `推送阅读量${participants}人次。` : `受教育群众约${participants}人次。`}`;
  const contact = personName(r);
  return {
    unitCode: u.code,
    county: u.county,
    year,
    unit: theme.unit,
    orgCode: keeper(r, u, theme.unit),
    values: {
      held_on: date,
      title,
      node: theme.node,
      form,
      laws,
      audience,
      village: v,
      location,
      organiser,
      co_organisers: co.length ? co.join('、') : null,
      staff: r.int(3, u.county ? 25 : 12),
      contact,
      contact_phone: mobile(r),
      participants,
      materials,
      consultations,
      summary,
    },
  };
}

const themeDate = (r: Rng, theme: Theme, year: number): string => {
  if (theme.node !== '日常宣传') return nodeDate(r, theme.node, year);
  const month = theme.months?.length ? r.pick(theme.months) : r.int(1, 12);
  return dateInMonth(r, year, month);
};

/** the year's activities of one town (or the county): node peaks plus everyday publicity, none after `end` */
function activitiesOf(r: Rng, u: DemoUnit, units: readonly UnitKey[], year: number, start: string, end: string): Draft[] {
  const out: Draft[] = [];
  for (const [node, min, max, p] of NODE_PLAN) {
    if (!r.chance(Math.min(1, p * (0.6 + 0.4 * u.size)))) continue;
    const theme = NODE_THEMES.find((t) => t.node === node);
    if (!theme) continue;
    const n = Math.max(min, Math.round(r.int(min, max) * (0.5 + 0.5 * u.size)));
    for (let i = 0; i < n; i++) out.push(activity(r, u, theme, nodeDate(r, node, year)));
  }
  const daily = Math.round(DAILY_PER_YEAR * u.size * (0.85 + 0.3 * r.next()));
  for (let i = 0; i < daily; i++) {
    const theme = r.pick(DAILY_THEMES);
    out.push(activity(r, u, theme, themeDate(r, theme, year)));
  }
  // nearly every unit on the responsibility list does at least something in its own field
  for (const key of units) {
    if (out.some((d) => d.unit === key && String(d.values['held_on']) <= end) || r.chance(0.1)) continue;
    const own = [...NODE_THEMES, ...DAILY_THEMES].filter((t) => t.unit === key);
    for (let tries = 0; tries < 6 && own.length; tries++) {
      const theme = r.pick(own);
      const date = themeDate(r, theme, year);
      if (date < start || date > end) continue;
      out.push(activity(r, u, theme, date));
      break;
    }
  }
  const inWindow = out.filter((d) => d.values['held_on'] as string >= start && (d.values['held_on'] as string) <= end);
  // a year always has something on record, even on 2 January
  if (!inWindow.length) inWindow.push(activity(r, u, DAILY_THEMES[0] as Theme, end));
  return inWindow.sort((a, b) => String(a.values['held_on']).localeCompare(String(b.values['held_on'])));
}

interface DutyDraft {
  key: UnitKey;
  issued: string;
  row: { orgCode: string; values: Record<string, unknown> };
}

/** the units of a town's (or the county's) list for a year, progress taken from the activities held under it */
function dutiesOf(r: Rng, u: DemoUnit, keys: readonly UnitKey[], year: number, start: string, end: string, drafts: Draft[]): DutyDraft[] {
  const issued = maxDate(minDate(dayIn(r, year, r.chance(0.7) ? 1 : 2, 5, 25), end), start);
  const closedYear = end === `${year}-12-31`;
  const elapsed = Math.max(0.1, (Date.parse(end) - Date.parse(`${year}-01-01`)) / (365 * 86_400_000));
  return keys.map((key) => {
    const spec = DUTIES[key];
    const held = drafts.filter((d) => d.unit === key && String(d.values['held_on']) >= issued).map((d) => String(d.values['held_on']));
    const done = held.length;
    let planned: number;
    let remark: string;
    if (closedYear) {
      const missed = done === 0 || r.chance(0.08);
      planned = missed ? done + r.int(1, 2) : Math.max(1, done - r.int(0, 1));
      remark = missed ? `全年开展普法活动${done}次，计划${planned}次，${r.pick(['受人员调整影响', '因防汛救灾工作冲突', '因专项整治任务集中'])}，${planned - done}次活动未能开展，已纳入下年度清单。` : `全年开展普法活动${done}次，完成清单任务。`;
    } else {
      planned = Math.max(1, Math.round(done / elapsed) + r.int(0, 1));
      remark = done === 0 ? '已制定工作计划，按计划开展。' : done >= planned ? `已开展普法活动${done}次，完成清单任务。` : `已开展普法活动${done}次，其余按计划推进。`;
    }
    return {
      key,
      issued,
      row: {
        orgCode: officeOf(u.code, 'justice'),
        values: {
          year,
          unit: unitName(u, key),
          issued_on: issued,
          leader: personName(r),
          contact: personName(r),
          contact_phone: mobile(r),
          laws: spec.laws,
          audiences: spec.audiences,
          nodes: spec.nodes.length ? spec.nodes : null,
          tasks: spec.tasks,
          frequency: spec.frequency,
          planned_times: planned,
          remark,
        },
      },
    };
  });
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** two years of legal publicity in the demo county: responsibility lists and the activities that carry them out */
export async function seedPublicityDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('publicity');
  const { from, to, years } = demoWindow(ctx.now);
  const drafts: Draft[] = [];
  const duties: Array<DutyDraft & { code: string; year: number }> = [];
  DEMO_UNITS.forEach((u, index) => {
    for (const year of years) {
      const span = yearSpan(year, from, to);
      if (!span) continue;
      const units = (Object.keys(DUTIES) as UnitKey[]).slice(0, u.county ? undefined : TOWN_UNIT_COUNT[index]);
      const own = activitiesOf(r, u, units, year, span.start, span.end);
      drafts.push(...own);
      for (const d of dutiesOf(r, u, units, year, span.start, span.end, own)) duties.push({ code: u.code, year, ...d });
    }
  });
  const dutyIds = await seedLedger(ctx, platform, 'publicity.duty', duties.map((d) => d.row));
  const dutyOf = new Map(duties.map((d, i) => [`${d.code}|${d.year}|${d.key}`, { id: dutyIds[i], issued: d.issued }]));
  await seedLedger(
    ctx,
    platform,
    'publicity.activity',
    drafts.map((d) => {
      const duty = dutyOf.get(`${d.unitCode}|${d.year}|${d.unit}`);
      // only activities held under an issued list count towards it
      const linked = duty && String(d.values['held_on']) >= duty.issued ? duty.id : null;
      return { orgCode: d.orgCode, values: { ...d.values, duty_id: linked ?? null } };
    }),
  );
  await seedStudyDemo(ctx, platform);
}
