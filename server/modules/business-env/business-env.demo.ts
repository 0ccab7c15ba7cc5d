import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, companyName, datesOver, daysBetween, demoWindow, minDate, mobile, officeOf, personName, regularDates, rng, uscc, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import type { CONTACT_FORMS, GUIDANCE_LISTS, INDUSTRIES, ISSUE_CATEGORIES, MEASURE_CATEGORIES } from './business-env.ledgers.ts';

type Row = { orgCode: string; values: Record<string, unknown> };
type Form = (typeof CONTACT_FORMS)[number];
type Category = (typeof ISSUE_CATEGORIES)[number];
type Industry = (typeof INDUSTRIES)[number];

const COUNTY = DEMO_COUNTY.code;
interface Unit {
  org: string;
  name: string;
  short: string;
  county: boolean;
  /** activities a year, by form */
  contacts: ReadonlyArray<readonly [Form, number]>;
  measures: number;
  compliance: ReadonlyArray<readonly [string, number]>;
}
const UNITS: Unit[] = [
  { org: '999001001000', name: '城关镇', short: '城关', county: false, contacts: [['企业沙龙', 6], ['政企座谈会', 4], ['走访企业', 80], ['现场办公', 4], ['政策宣讲会', 2]], measures: 6, compliance: [[officeOf('999001001000', 'enforcement'), 120]] },
  { org: '999001002000', name: '清溪镇', short: '清溪', county: false, contacts: [['企业沙龙', 4], ['政企座谈会', 3], ['走访企业', 50], ['现场办公', 3], ['政策宣讲会', 2]], measures: 4, compliance: [[officeOf('999001002000', 'enforcement'), 80]] },
  { org: '999001003000', name: '石桥乡', short: '石桥', county: false, contacts: [['企业沙龙', 3], ['政企座谈会', 3], ['走访企业', 35], ['现场办公', 2], ['政策宣讲会', 1]], measures: 3, compliance: [[officeOf('999001003000', 'enforcement'), 60]] },
  { org: COUNTY, name: '演示县', short: '演', county: true, contacts: [['企业沙龙', 4], ['政企座谈会', 6], ['走访企业', 40], ['现场办公', 6], ['政策宣讲会', 3]], measures: 8, compliance: [[officeOf(COUNTY, 'enforcement'), 200], [officeOf(COUNTY, 'justice'), 40]] },
];

const INDUSTRY_BY_NAME: ReadonlyArray<readonly [string, Industry]> = [
  ['建筑工程', '建筑施工'], ['农业开发', '农业生产经营'], ['合作社', '农业生产经营'], ['养殖场', '农业生产经营'], ['商贸', '商贸零售'], ['超市', '商贸零售'], ['建材', '商贸零售'],
  ['食品', '食品生产经营'], ['茶业', '食品生产经营'], ['物流', '道路运输'], ['家具', '制造加工'], ['纺织', '制造加工'], ['机械', '制造加工'], ['石材', '制造加工'], ['餐饮', '餐饮'], ['民宿', '旅游民宿'],
];
const industryOf = (name: string): Industry => INDUSTRY_BY_NAME.find(([k]) => name.includes(k))?.[1] ?? '其他';

const RISKS: Record<Industry, readonly string[]> = {
  餐饮: ['从业人员健康证明过期', '后厨未做到生熟分开', '油烟净化设施未定期清洗', '店外占道经营'],
  食品生产经营: ['进货查验记录不全', '临近保质期食品未集中陈列提示', '预包装食品标签标识不规范'],
  建筑施工: ['施工扬尘防治措施不到位', '渣土运输车辆未密闭', '夜间施工未办理许可'],
  道路运输: ['车辆超限超载', '驾驶员从业资格证未按期审验', '车辆动态监控装置未正常使用'],
  危险化学品: ['安全警示标志缺失', '储存场所消防器材配备不足', '经营台账记录不完整'],
  农业生产经营: ['农药购销台账不全', '畜禽养殖粪污处理设施不完善', '限用农药未实行实名购买'],
  旅游民宿: ['消防通道堵塞', '未按规定登记住宿旅客信息', '应急照明设施损坏'],
  商贸零售: ['明码标价不规范', '户外广告设置未经审批', '店外堆放杂物'],
  制造加工: ['生产噪声超标', '危险废物未规范贮存', '安全生产教育培训记录缺失'],
  其他: ['户外招牌设置不规范', '消防器材过期未更换'],
};

// what an enterprise asks for, and what was done about it, in one draw so the numbers agree
const ISSUE_TEXT: Record<Category, { make: (r: Rng) => { ask: string; done: string }; unit: string; countyUnit: string }> = {
  融资: {
    make: (r) => {
      const need = r.int(50, 800);
      return { ask: `企业扩大生产需流动资金约${need}万元，银行授信额度不足，希望协调对接金融机构。`, done: `协调县农商银行上门对接，发放“助企贷”${Math.round(need * (0.4 + r.next() * 0.6))}万元。` };
    },
    unit: '经济发展办公室',
    countyUnit: '县发展和改革局',
  },
  用工: {
    make: (r) => {
      const gap = r.int(10, 80);
      return { ask: `生产旺季用工缺口约${gap}人，熟练技术工人招聘困难。`, done: `通过就业服务站发布招聘信息，组织专场招聘会，帮助企业招工${r.int(Math.ceil(gap / 3), gap)}人。` };
    },
    unit: '社会事务办公室',
    countyUnit: '县人力资源和社会保障局',
  },
  用地: { make: (r) => ({ ask: `企业拟扩建厂房，需新增建设用地约${r.int(5, 40)}亩。`, done: '协调自然资源部门盘活闲置低效用地，企业通过租赁标准厂房解决生产场地。' }), unit: '自然资源所', countyUnit: '县自然资源局' },
  审批: { make: (r) => ({ ask: `办理${r.pick(['消防验收', '环评审批', '食品生产许可', '施工许可'])}进度较慢，材料多次补正。`, done: `协调政务服务中心开辟绿色通道，实行帮办代办，${r.int(3, 10)}个工作日内办结。` }), unit: '便民服务中心', countyUnit: '县政务服务中心' },
  政策兑现: { make: (r) => ({ ask: `企业申报的${r.pick(['技改补助', '稳岗补贴', '新增规上企业奖励', '创业担保贷款贴息'])}资金尚未拨付。`, done: '协调财政部门核实申报材料，补助资金已拨付到位。' }), unit: '财政所', countyUnit: '县财政局' },
  执法检查: { make: () => ({ ask: '多个部门短期内先后上门检查，检查内容重复，影响企业正常生产经营。', done: '将该企业纳入“综合查一次”联合检查，同一时段内不再重复检查，推行非现场检查。' }), unit: '综合行政执法队', countyUnit: '县司法局' },
  水电路网等配套: { make: (r) => ({ ask: `厂区门前道路破损、${r.pick(['排水不畅', '路灯缺失'])}，影响企业货车通行。`, done: '纳入村道维修计划，道路已修复完成。' }), unit: '村镇建设办公室', countyUnit: '县住房和城乡建设局' },
  其他: { make: () => ({ ask: '企业与外地客户发生合同纠纷，希望获得法律帮助。', done: '安排法律顾问上门提供法律咨询，指导企业依法维权。' }), unit: '司法所', countyUnit: '县司法局' },
};
const CANNOT = ['因年度用地指标已用完，已向企业说明情况，纳入下年度用地计划统筹考虑。', '诉求不符合现行政策规定，已向企业书面解释并告知相关政策依据。', '属于市场主体自主经营事项，已向企业说明并提供相关信息。'];

const MEASURES: ReadonlyArray<{ category: (typeof MEASURE_CATEGORIES)[number]; title: string; content: string; effect: string; unit: string; countyUnit: string }> = [
  { category: '政务服务', title: '推行涉企事项“一窗通办”和帮办代办', content: '在便民服务中心设立企业服务专窗，对企业开办、项目审批等事项实行帮办代办、首问负责和限时办结。', effect: '涉企事项平均办理时间压缩40%以上。', unit: '便民服务中心', countyUnit: '县政务服务中心' },
  { category: '要素保障', title: '建立企业用工余缺调剂机制', content: '依托就业服务站建立企业用工需求清单和求职人员信息库，每季度组织专场招聘。', effect: '帮助企业解决用工需求，促进本地劳动力就近就业。', unit: '社会事务办公室', countyUnit: '县人力资源和社会保障局' },
  { category: '要素保障', title: '盘活闲置厂房和低效用地', content: '全面摸排闲置厂房、低效用地，建立资源清单，优先保障优质项目落地。', effect: '盘活闲置厂房，引进企业入驻。', unit: '经济发展办公室', countyUnit: '县自然资源局' },
  { category: '惠企政策', title: '编制惠企政策“免申即享”清单', content: '梳理适用于辖区企业的惠企政策，符合条件的企业无需申报直接兑现。', effect: '惠企资金兑现更加及时。', unit: '财政所', countyUnit: '县财政局' },
  { category: '涉企执法', title: '推行涉企行政检查“综合查一次”', content: '统筹各执法主体检查计划，同一企业同一时段的检查合并进行，非必要不入企。', effect: '入企检查次数明显下降，企业获得感增强。', unit: '综合行政执法队', countyUnit: '县司法局' },
  { category: '涉企执法', title: '落实轻微违法行为不予处罚和首违不罚清单', content: '对清单内首次、轻微且及时改正的违法行为依法不予处罚，以教育、指导代替处罚。', effect: '包容审慎监管得到落实。', unit: '综合行政执法队', countyUnit: '县司法局' },
  { category: '法治保障', title: '组建企业法律服务团开展“法治体检”', content: '由法律顾问、司法所工作人员组成服务团，定期上门为企业开展合同管理、劳动用工等法律风险体检。', effect: '帮助企业排查法律风险，完善规章制度。', unit: '司法所', countyUnit: '县司法局' },
  { category: '法治保障', title: '建立领导干部联系企业“直通车”制度', content: '班子成员每人联系若干重点企业，每季度至少走访一次，问题建立台账销号管理。', effect: '企业问题诉求反映渠道更加畅通。', unit: '党政办公室', countyUnit: '县人民政府办公室' },
  { category: '市场准入', title: '开展妨碍统一市场和公平竞争政策措施清理', content: '对现行有效的涉企文件开展公平竞争审查清理，废止含有地方保护内容的规定。', effect: '清理完成，未发现新增违反公平竞争审查的文件。', unit: '党政办公室', countyUnit: '县市场监督管理局' },
  { category: '其他', title: '聘请营商环境监督员', content: '从企业负责人、人大代表中聘请营商环境监督员，收集企业意见建议。', effect: '监督员定期反馈营商环境问题。', unit: '党政办公室', countyUnit: '县发展和改革局' },
];

const TOPICS: Record<Form, readonly string[]> = {
  企业沙龙: ['“政企早餐会”企业沙龙', '民营企业家沙龙：稳增长促发展', '青年企业家沙龙：数字化转型', '“法治护航企业发展”主题沙龙'],
  政企座谈会: ['重点企业座谈会', '规上企业发展座谈会', '小微企业和个体工商户座谈会', '惠企政策落实座谈会'],
  走访企业: ['领导干部联系企业走访', '“万名干部进万企”走访', '重点项目企业走访'],
  现场办公: ['重点项目现场办公会', '企业用地问题现场办公', '园区配套设施现场办公'],
  政策宣讲会: ['惠企政策宣讲会', '涉企行政合规宣讲会', '安全生产法律法规宣讲会'],
};

/** contacts with enterprises, their problems and how they were resolved, measures adopted and compliance guidance */
export async function seedBusinessEnvDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('business-env');
  const { from, to, years } = demoWindow(ctx.now);
  const contacts: Row[] = [];
  const asked: Array<{ contact: number; unit: Unit; on: string; channel: string; enterprise: { name: string; uscc: string }; leader: string }> = [];
  const measures: Row[] = [];
  const compliance: Row[] = [];

  for (const u of UNITS) {
    const seen = new Set<string>();
    const pool = Array.from({ length: u.county ? 120 : 60 }, () => ({ name: companyName(r), uscc: uscc(r) })).filter((e) => !seen.has(e.name) && seen.add(e.name));
    const leaders = {
      principal: (u.county ? ['县委书记', '县长'] : ['党委书记', u.name.endsWith('乡') ? '乡长' : '镇长']).map((title) => `${personName(r)}（${title}）`),
      others: Array.from({ length: 6 }, () => personName(r)),
    };
    const recordOrg = officeOf(u.org, 'government');

    for (const [form, perYear] of u.contacts) {
      for (const on of form === '走访企业' ? datesOver(r, from, to, perYear) : regularDates(r, years, to, perYear)) {
        const n = form === '走访企业' ? r.int(1, 3) : form === '现场办公' ? r.int(1, 2) : form === '政策宣讲会' ? r.int(20, 60) : r.int(6, 15);
        const ents = Array.from({ length: Math.min(n, pool.length) }, () => r.pick(pool)).filter((e, i, all) => all.indexOf(e) === i);
        const principal = form === '企业沙龙' ? r.chance(0.9) : form === '走访企业' ? r.chance(0.25) : r.chance(0.6);
        const leader = principal ? r.pick(leaders.principal) : r.pick(leaders.others);
        const problems = form === '走访企业' ? r.weighted([[0, 70], [1, 25], [2, 5]] as const) : form === '政策宣讲会' ? r.int(0, 1) : r.int(1, 4);
        const idx = contacts.length;
        const listed = form === '政策宣讲会' ? `${ents.slice(0, 5).map((e) => e.name).join('、')}等${ents.length}家企业` : ents.map((e) => e.name).join('、');
        contacts.push({
          orgCode: recordOrg,
          values: {
            contact_on: on,
            form,
            topic: r.pick(TOPICS[form]),
            leader,
            leader_rank: principal ? '党政主要负责人' : r.pick(['其他班子成员', '其他班子成员', '部门（站所）负责人', '联企干部'] as const),
            venue: form === '走访企业' || form === '现场办公' ? (ents[0]?.name ?? '') : `${u.name}${r.pick(['便民服务中心会议室', '企业服务中心', '党群服务中心'])}`,
            enterprises: listed,
            enterprise_count: ents.length,
            summary: `${form === '走访企业' ? '深入企业生产一线' : '与企业负责人面对面交流'}，宣讲惠企政策，了解企业生产经营情况${problems ? `，收集问题建议${problems}条，建立台账交办责任单位` : '，企业未反映问题'}。`,
          },
        });
        for (let k = 0; k < problems; k++) {
          const e = r.pick(ents);
          if (e) asked.push({ contact: idx, unit: u, on, channel: form === '现场办公' ? '走访企业' : form === '政策宣讲会' ? '其他' : form, enterprise: e, leader });
        }
      }
    }
    for (const on of datesOver(r, from, to, u.county ? 20 : 6)) {
      const e = r.pick(pool);
      if (e) asked.push({ contact: -1, unit: u, on, channel: r.pick(['12345热线', '来电来访', '网络平台留言'] as const), enterprise: e, leader: r.pick(leaders.others) });
    }

    // measures, most of them issued as numbered documents
    const docNo = new Map<string, number>();
    for (const on of regularDates(r, years, to, u.measures)) {
      const m = r.pick(MEASURES);
      const year = on.slice(0, 4);
      const no = (docNo.get(year) ?? 0) + r.int(1, 8);
      docNo.set(year, no);
      const done = daysBetween(on, to) > 90 && r.chance(0.85);
      measures.push({
        orgCode: u.county ? officeOf(COUNTY, 'government') : u.org,
        values: {
          title: m.title,
          category: m.category,
          adopted_on: on,
          doc_no: r.chance(0.7) ? `${u.short}${u.county ? '政办发' : r.pick(['委发', '府发'])}〔${year}〕${no}号` : null,
          source: r.weighted([['企业问题建议转化', 45], ['上级部署', 40], ['自主创新', 15]] as const),
          content: m.content,
          responsible_unit: u.county ? m.countyUnit : m.unit,
          implementation: done ? '已落实' : '正在落实',
          effect: done ? m.effect : null,
        },
      });
    }

    // compliance guidance by the enforcement team (and county bureaus)
    for (const [org, perYear] of u.compliance) {
      for (const on of datesOver(r, from, to, perYear)) {
        const e = r.pick(pool);
        if (!e) continue;
        const industry = industryOf(e.name);
        const age = daysBetween(on, to);
        let outcome = r.weighted([['未发现问题', 35], ['已整改到位', 40], ['依法不予处罚', 15], ['转立案查处', 3], ['限期整改中', 7]] as const);
        if (outcome === '限期整改中' && age > 30) outcome = '已整改到位';
        const risks = outcome === '未发现问题' ? [] : [...new Set([r.pick(RISKS[industry]), r.pick(RISKS[industry])])].slice(0, r.int(1, 2));
        const list = outcome === '依法不予处罚' ? r.pick(['轻微违法行为不予行政处罚清单', '首违不罚清单'] as const) : r.weighted<(typeof GUIDANCE_LISTS)[number]>([['企业行政合规指引', 40], ['未适用清单', 30], ['轻微违法行为不予行政处罚清单', 12], ['首违不罚清单', 8], ['从轻减轻行政处罚清单', 5], ['不予实施行政强制措施清单', 5]]);
        const form = r.weighted([['上门合规体检', 45], ['合规告知（提示函）', 25], ['行政指导书', 15], ['柔性执法回访', 10], ['合规培训（讲座）', 5]] as const);
        const rectifyBy = outcome === '限期整改中' || (outcome === '已整改到位' && r.chance(0.6)) ? addDays(on, r.pick([7, 15, 30])) : null;
        const outcomeText: Record<typeof outcome, string> = {
          未发现问题: '未发现违法违规问题，告知企业持续做好合规管理。',
          已整改到位: '现场指导企业制定整改方案，经复查已整改到位。',
          限期整改中: '下达整改提示，企业正在整改，到期复查。',
          依法不予处罚: `属首次轻微违法且已及时改正，依据《中华人民共和国行政处罚法》第三十三条和${list}依法不予行政处罚，对企业进行批评教育。`,
          转立案查处: '经教育指导后拒不改正，转立案调查处理。',
        };
        compliance.push({
          orgCode: org,
          values: {
            guided_on: on,
            enterprise: e.name,
            uscc: e.uscc,
            industry,
            contact_phone: mobile(r),
            form,
            list_applied: list,
            guided_by: `${personName(r)}、${personName(r)}`,
            risks_found: risks.length,
            content: `对照${list === '未适用清单' ? '相关法律法规' : `《${list}》`}对${e.name}开展${form}${risks.length ? `，发现${risks.join('、')}等问题` : ''}。${outcomeText[outcome]}`,
            outcome,
            rectify_by: rectifyBy,
            rectified_on: outcome === '已整改到位' ? minDate(addDays(on, r.int(2, 20)), to) : null,
          },
        });
      }
    }
  }

  const contactIds = await seedLedger(ctx, platform, 'bizenv.contact', contacts);
  const counters = new Map<string, number>();
  const issues = asked
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((a): Row => {
      const category = r.weighted<Category>([['政策兑现', 18], ['融资', 15], ['用工', 15], ['审批', 14], ['执法检查', 10], ['用地', 10], ['水电路网等配套', 10], ['其他', 8]]);
      const text = ISSUE_TEXT[category];
      const said = text.make(r);
      const age = daysBetween(a.on, to);
      const resolution = age < 20 && r.chance(0.7) ? '正在解决' : category === '用地' && r.chance(0.5) ? '无法解决已解释' : r.weighted([['已解决', 82], ['无法解决已解释', 10], ['正在解决', 8]] as const);
      const closed = resolution !== '正在解决';
      const key = `${a.unit.org}|${a.on.slice(0, 4)}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      return {
        orgCode: officeOf(a.unit.org, 'government'),
        values: {
          issue_no: `（${a.on.slice(0, 4)}）${a.unit.short}营商第${String(seq).padStart(3, '0')}号`,
          received_on: a.on,
          channel: a.channel,
          contact_id: a.contact >= 0 ? contactIds[a.contact] : null,
          enterprise: a.enterprise.name,
          uscc: a.enterprise.uscc,
          contact_person: personName(r),
          contact_phone: mobile(r),
          kind: r.chance(0.8) ? '问题诉求' : '意见建议',
          category,
          description: said.ask,
          responsible_unit: a.unit.county ? text.countyUnit : text.unit,
          lead_leader: a.leader,
          deadline: addDays(a.on, r.pick([15, 30, 30, 60])),
          resolution,
          resolved_on: closed ? minDate(addDays(a.on, r.weighted([[r.int(2, 15), 60], [r.int(16, 45), 35], [r.int(46, 90), 5]] as const)), to) : null,
          feedback: resolution === '已解决' ? `${said.done}已电话回访企业。` : resolution === '无法解决已解释' ? r.pick(CANNOT) : null,
          satisfaction: closed && r.chance(0.9) ? r.weighted([['满意', 75], ['基本满意', 20], ['不满意', 5]] as const) : null,
        },
      };
    });
  await seedLedger(ctx, platform, 'bizenv.issue', issues);
  await seedLedger(ctx, platform, 'bizenv.measure', measures);
  await seedLedger(ctx, platform, 'bizenv.compliance', compliance);
}
