import { DEMO_COUNTY, DEMO_TOWNS } from '../../demo/demo-county.ts';
import { addDays, dateBetween, daysBetween, demoWindow, isoDate, minDate, mobile, officeOf, personName, rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import type { ISSUE_CATEGORIES, LAW_AGENDA, LEADER_ROLES, MEETING_KINDS } from './leadership.ledgers.ts';

type Row = { orgCode: string; values: Record<string, unknown> };
type Role = (typeof LEADER_ROLES)[number];
type Kind = (typeof MEETING_KINDS)[number];
type Agenda = (typeof LAW_AGENDA)[number];


interface Leader {
  id?: number;
  org: string;
  name: string;
  position: string;
  role: Role;
  duties: string;
  from: string;
  until: string | null;
}

// what a member of a town's leadership is in charge of, by position
function townTeam(gov: string): Array<[string, Role, string]> {
  const head = gov.endsWith('乡') ? '乡长' : '镇长';
  return [
    ['党委书记', '党委（党组）主要负责人', '主持党委全面工作，履行推进法治建设第一责任人职责'],
    [`党委副书记、${head}`, '政府（行政）主要负责人', '主持政府全面工作，负责法治政府建设、财政、审计'],
    ['党委副书记', '其他班子成员', '协助书记抓党建、政法、综治、信访维稳工作'],
    ['人大主席', '其他班子成员', '负责人大工作，联系乡村振兴工作'],
    ['党委委员、纪委书记', '其他班子成员', '负责纪检监察工作'],
    ['党委委员、组织委员', '其他班子成员', '负责组织、人事、机关党建工作'],
    ['党委委员、宣传委员', '其他班子成员', '负责宣传、统战、普法、精神文明建设工作'],
    ['党委委员、武装部部长', '其他班子成员', '负责武装、应急管理、安全生产工作'],
    [`党委委员、副${head}`, '其他班子成员', '负责城乡建设、自然资源、生态环境、综合行政执法工作'],
    [`副${head}`, '其他班子成员', '负责农业农村、水利、林业工作'],
    [`副${head}`, '其他班子成员', '负责社会事务、教育卫生、民政工作'],
    ['司法所所长', '部门（站所）主要负责人', '负责人民调解、法治宣传、合法性审查、社区矫正工作'],
    ['综合行政执法队队长', '部门（站所）主要负责人', '负责综合行政执法、赋权事项承接工作'],
  ];
}

const COUNTY_TEAM: Array<[string, Role, string]> = [
  ['县委书记', '党委（党组）主要负责人', '主持县委全面工作，任县委全面依法治县委员会主任'],
  ['县委副书记、县长', '政府（行政）主要负责人', '主持县政府全面工作，负责法治政府建设'],
  ['县委副书记', '其他班子成员', '协助书记负责党建、政法工作'],
  ['常务副县长', '其他班子成员', '协助县长负责政府常务工作，分管司法行政、财政'],
  ['县司法局局长', '部门（站所）主要负责人', '负责县委依法治县办日常工作、行政执法协调监督、普法'],
  ['县综合行政执法局局长', '部门（站所）主要负责人', '负责综合行政执法工作'],
  ['县人民政府办公室主任', '部门（站所）主要负责人', '负责政务公开、政府督查工作'],
  ['县自然资源局局长', '部门（站所）主要负责人', '负责自然资源管理和执法'],
  ['县住房和城乡建设局局长', '部门（站所）主要负责人', '负责住房城乡建设管理和执法'],
  ['县农业农村局局长', '部门（站所）主要负责人', '负责农业农村管理和农业综合执法'],
  ['县市场监督管理局局长', '部门（站所）主要负责人', '负责市场监管和执法'],
  ['县生态环境分局局长', '部门（站所）主要负责人', '负责生态环境保护和执法'],
  ['县应急管理局局长', '部门（站所）主要负责人', '负责应急管理和安全生产执法'],
  ['县教育局局长', '部门（站所）主要负责人', '负责教育管理和校园法治教育'],
];


const ISSUES: ReadonlyArray<{ category: (typeof ISSUE_CATEGORIES)[number]; title: string; unit: string; description: string; measures: string; result: string }> = [
  { category: '法治工作机构和队伍建设', title: '司法所专职工作人员不足', unit: '党政办公室', description: '司法所承担人民调解、合法性审查、社区矫正等工作，现仅有专职人员2名，难以满足工作需要。', measures: '从机关调剂2名工作人员充实司法所，积极争取招录法律专业人员，明确司法所所长列席党委会。', result: '司法所工作人员增至4名，其中法律职业资格1名。' },
  { category: '综合行政执法改革', title: '赋权执法事项承接能力不足', unit: '综合行政执法队', description: '部分赋权事项专业性强，执法队员缺乏相关执法经验，存在接不住、管不好的风险。', measures: '选派执法队员到县直部门跟班学习，与县综合行政执法局、县农业农村局签订执法协作协议，建立疑难案件会商机制。', result: '执法队员全部取得执法证件，赋权事项实现有效承接。' },
  { category: '法治建设经费保障', title: '法治建设工作经费未单列预算', unit: '财政所', description: '法律顾问聘用、普法宣传、法治阵地建设经费临时安排，缺乏稳定保障。', measures: '将法律顾问服务费、普法经费、人民调解以案定补经费纳入年度财政预算。', result: '年度预算单列法治建设经费，保障法律顾问和普法工作开展。' },
  { category: '重大矛盾纠纷和信访积案化解', title: '工业园区征地补偿遗留信访积案化解', unit: '信访办', description: '部分群众对早年征地补偿标准有异议，多次到县上访。', measures: '由主要领导包案，法律顾问参与释法说理，依法依政策逐户核查补偿情况，对符合政策的及时兑现。', result: '积案依法化解，信访人签订息诉罢访承诺书。' },
  { category: '重大行政决策和重大项目法律风险', title: '集镇改造项目合同履约风险防范', unit: '村镇建设办公室', description: '集镇改造项目施工合同付款条款、违约条款约定不明，存在法律风险。', measures: '组织法律顾问对项目全部合同开展合法性审查，建立合同履行台账和定期评估制度。', result: '完成项目合同审查和补充协议签订，风险得到有效控制。' },
  { category: '法治阵地和公共法律服务体系建设', title: '村（社区）公共法律服务工作室覆盖不全', unit: '司法所', description: '部分村（社区）未设立公共法律服务工作室，法律顾问驻村服务缺少固定场所。', measures: '利用村级党群服务中心设立公共法律服务工作室，统一制度上墙和服务时间公示。', result: '村（社区）公共法律服务工作室实现全覆盖。' },
  { category: '执法监督发现问题整改', title: '行政执法案卷评查发现问题整改', unit: '综合行政执法队', description: '县司法局案卷评查发现部分案卷存在告知程序不规范、证据不充分等问题。', measures: '逐卷建立问题清单和整改台账，开展执法文书规范化培训，实行案件法制审核前置。', result: '问题案卷全部整改到位，后续案卷评查合格率100%。' },
  { category: '历史遗留问题', title: '农村集体土地历史遗留确权问题', unit: '农业农村办公室', description: '部分村民小组集体土地界址不清，引发村组之间争议。', measures: '成立工作专班，调取历史档案，组织测绘和村民代表会议确认，依法调处权属争议。', result: '完成争议地块确权登记，争议依法化解。' },
];

// what a principal leader reports, and what a deputy or department head reports
const SUMMARY_PRINCIPAL = ['带头学习宣传习近平法治思想，主持理论学习中心组专题学法', '将法治建设纳入年度工作要点，与经济社会发展同部署、同推进、同督促、同考核', '严格落实重大行政决策法定程序，坚持集体讨论决定和末位表态', '推动落实一村（居）一法律顾问制度，法律顾问列席党委会、常务会', '对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调'];
const SUMMARY_OTHERS = ['认真履行“一岗双责”，将法治要求融入分管工作', '分管领域严格规范公正文明执法，未发生行政败诉案件', '落实“谁执法谁普法”普法责任制，组织开展分管领域普法宣传', '分管领域重大事项提交集体讨论前均经合法性审查', '参加理论学习中心组专题学法，带头尊法学法守法用法', '化解分管领域矛盾纠纷和信访事项，引导群众依法表达诉求'];
const PROBLEMS = ['运用法治思维和法治方式解决问题的能力还需提升', '分管领域执法人员专业素质有待提高', '学法形式较为单一，以会代学现象仍然存在', '对基层法治建设督促指导不够'];

/** leaders, their rule-of-law meetings, the major issues they resolved and their 述法, for each town and the county */
export async function seedLeadershipDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('leadership');
  const { from, to, years } = demoWindow(ctx.now);
  const [y0, y1] = years as [number, number];
  const inWindow = (d: string): boolean => d >= from && d <= to;

  const leaders: Leader[] = [];
  const units: Array<{ org: string; recordOrg: string; gov: string; county: boolean }> = [
    ...DEMO_TOWNS.map((town) => ({ org: town.code, recordOrg: officeOf(town.code, 'government'), gov: town.name, county: false })),
    // the county's rule-of-law office (依法治县办) sits in the justice bureau
    { org: DEMO_COUNTY.code, recordOrg: officeOf(DEMO_COUNTY.code, 'justice'), gov: DEMO_COUNTY.name, county: true },
  ];
  for (const u of units) {
    const team = u.county ? COUNTY_TEAM : townTeam(u.gov);
    team.forEach(([position, role, duties], i) => {
      const took = dateBetween(r, '2019-03-01', `${y0 - 1}-12-31`);
      // one deputy moved on in the middle of last year and was succeeded
      if (!u.county && i === 9) {
        const left = `${y0}-07-${String(r.int(10, 20)).padStart(2, '0')}`;
        leaders.push({ org: u.recordOrg, name: personName(r), position, role, duties, from: took, until: left });
        leaders.push({ org: u.recordOrg, name: personName(r), position, role, duties, from: addDays(left, r.int(3, 15)), until: null });
      } else leaders.push({ org: u.recordOrg, name: personName(r), position, role, duties, from: took, until: null });
    });
  }
  const leaderIds = await seedLedger(ctx, platform, 'leadership.leader', leaders.map((l, i) => ({
    orgCode: l.org,
    values: { name: l.name, position: l.position, role: l.role, duties: l.duties, phone: mobile(r), took_office_on: l.from, in_office: l.until === null, left_office_on: l.until, sort_no: i + 1 },
  })));
  leaders.forEach((l, i) => (l.id = leaderIds[i] ?? 0));
  const serving = (org: string, on: string): Leader[] => leaders.filter((l) => l.org === org && l.from <= on && (l.until === null || l.until >= on));
  const byRole = (org: string, on: string, role: Role): Leader => serving(org, on).find((l) => l.role === role) ?? (serving(org, on)[0] as Leader);
  const deputy = (org: string, on: string): Leader => r.pick(serving(org, on).filter((l) => l.role === '其他班子成员'));

  const meetings: Row[] = [];
  const lawReports: Row[] = [];
  const pendingIssues: Array<{ meeting: number; org: string; raised: string; lead: string; issue: (typeof ISSUES)[number] }> = [];
  const meeting = (u: (typeof units)[number], on: string, kind: Kind, agenda: Agenda, extra: Record<string, unknown>): number => {
    const principalRole: Role = kind === '政府常务会议（主任办公会议）' ? '政府（行政）主要负责人' : '党委（党组）主要负责人';
    const chair = r.chance(0.9) ? byRole(u.recordOrg, on, principalRole) : deputy(u.recordOrg, on);
    meetings.push({
      orgCode: u.county ? u.org : u.recordOrg,
      values: { meeting_on: on, meeting_kind: kind, agenda_kind: agenda, chaired_by: chair.name, chair_role: chair.role, participants: u.county ? r.int(15, 40) : r.int(9, 16), advisor_attended: r.chance(0.4), ...extra },
    });
    return meetings.length - 1;
  };
  const monthDay = (y: number, m: number, lo = 3, hi = 27): string => dateBetween(r, isoDate(y, m, lo), isoDate(y, m, hi));

  for (const u of units) {
    // a unit does not resolve the same problem twice: draw its issues without replacement
    const agenda = [...ISSUES];
    for (let i = agenda.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [agenda[i], agenda[j]] = [agenda[j] as (typeof ISSUES)[number], agenda[i] as (typeof ISSUES)[number]];
    }
    for (const y of years) {
      const seq = { party: r.int(1, 3), executive: r.int(1, 3) };
      const session = (kind: Kind): string => (kind === '政府常务会议（主任办公会议）' ? `${u.gov}政府常务会议${y}年第${(seq.executive += r.int(1, 4))}次会议` : `${u.gov}${u.county ? '县委常委会' : '党委会'}${y}年第${(seq.party += r.int(1, 4))}次会议`);
      // the annual report is deliberated before it goes to the county by 3月1日
      const deliberated = monthDay(y, 2, 10, 26);
      if (inWindow(deliberated)) {
        const kind: Kind = u.county ? '党委（党组）会议' : r.pick(['党委（党组）会议', '党政联席会议'] as const);
        meeting(u, deliberated, kind, '审议法治建设重要文件', { session: session(kind), topic: `审议${u.gov}${y - 1}年度法治政府建设工作情况报告`, reporter: u.county ? '县司法局局长' : '司法所所长', content: `逐条审议${y - 1}年度法治政府建设工作情况报告（送审稿），核对主要数据来源，提出修改意见，同意修改后按程序报送并向社会公开。`, decisions: '同意报告修改后报送上级并于4月1日前在政府网站公开。' });
      }
      // the executive meeting takes up rule-of-law work a couple of times a year
      for (const topic of [r.pick(['研究部署行政执法三项制度落实工作', '研究部署综合行政执法赋权事项承接工作', '研究部署“八五”普法总结验收工作']), r.pick(['研究部署法治政府建设示范创建工作', '研究部署重大行政决策事项目录编制工作', '研究部署行政规范性文件清理工作'])]) {
        const on = dateBetween(r, `${y}-04-01`, `${y}-10-31`);
        if (!inWindow(on)) continue;
        meeting(u, on, '政府常务会议（主任办公会议）', '研究部署法治建设工作', { session: session('政府常务会议（主任办公会议）'), topic, content: `会议${topic.replace('研究部署', '研究部署了')}，明确责任分工和完成时限。`, advisor_attended: r.chance(0.7) });
      }
      // hearing the rule-of-law report: spring plan, mid-year, year-end
      for (const m of u.county ? [3, 11] : [3, 7, 11, ...(r.chance(0.4) ? [12] : [])]) {
        const on = monthDay(y, m);
        if (!inWindow(on)) continue;
        const reporter = u.county ? '县司法局局长' : r.pick(['分管副职', '司法所所长']);
        const period = m === 3 ? `${y - 1}年度` : m === 7 ? `${y}年上半年` : `${y}年`;
        meeting(u, on, u.county ? '党委（党组）会议' : r.pick(['党委（党组）会议', '党政联席会议'] as const), '专题听取法治建设工作汇报', { topic: `专题听取${period}法治政府建设工作情况汇报`, reporter, content: `听取${reporter}关于${period}法治政府建设工作情况的汇报，分析存在的问题，对下一阶段工作作出部署。`, decisions: '一是压实各站所法治建设责任；二是加强行政执法规范化建设；三是按时完成年度报告编制和公开。' });
      }
      // the leading group plans the year and reviews it
      for (const m of [2, 8]) {
        const on = monthDay(y, m);
        if (!inWindow(on)) continue;
        meeting(u, on, '法治建设领导小组（委员会）会议', '研究部署法治建设工作', { topic: m === 2 ? `研究部署${y}年法治建设工作要点` : `推进${y}年法治建设重点任务和示范创建`, content: m === 2 ? `审议${y}年法治政府建设工作要点和责任清单，明确任务分工和完成时限。` : '通报上半年重点任务推进情况，督促落后事项按期完成。' });
      }
      // major issues: two or three a year, decided at a party committee meeting
      const n = u.county ? 2 : r.int(2, 3);
      for (let k = 0; k < n; k++) {
        const on = dateBetween(r, `${y}-02-01`, `${y}-10-31`);
        if (!inWindow(on)) continue;
        const issue = agenda.pop();
        if (!issue) continue;
        const lead = byRole(u.recordOrg, on, r.chance(0.5) ? '党委（党组）主要负责人' : '政府（行政）主要负责人');
        const idx = meeting(u, on, '党委（党组）会议', '研究解决法治建设重大问题', { topic: `研究${issue.title}问题`, reporter: issue.unit, content: issue.description, decisions: issue.measures, issues_decided: 1 });
        pendingIssues.push({ meeting: idx, org: u.county ? u.org : u.recordOrg, raised: on, lead: lead.name, issue });
      }
      // 述法评议 at the start of the following year is placed with it below
    }
    // 述法: written reports in December, and the principal leaders before the assessment meeting in January
    for (const reportYear of [y0 - 1, y0, y1]) {
      const written = `${reportYear}-12-${String(r.int(15, 28)).padStart(2, '0')}`;
      const assembly = `${reportYear + 1}-01-${String(r.int(8, 22)).padStart(2, '0')}`;
      if (inWindow(assembly)) {
        meeting(u, assembly, u.county ? '法治建设领导小组（委员会）会议' : '党委（党组）会议', '述法评议', { topic: `${reportYear}年度党政主要负责人述法评议`, content: '党政主要负责人现场述法，班子成员、站所负责人和村（社区）党组织书记代表进行评议测评。', participants: r.int(30, 60) });
      }
      for (const l of serving(u.recordOrg, written)) {
        const principal = l.role === '党委（党组）主要负责人' || l.role === '政府（行政）主要负责人' || (u.county && l.role === '部门（站所）主要负责人');
        const on = principal ? assembly : written;
        if (!inWindow(on)) continue;
        const evaluation = r.weighted([['好', 72], ['较好', 24], ['一般', 4]] as const);
        const score = evaluation === '好' ? r.int(900, 985) / 10 : evaluation === '较好' ? r.int(800, 895) / 10 : r.int(700, 795) / 10;
        const pool = principal && l.role !== '部门（站所）主要负责人' ? SUMMARY_PRINCIPAL : SUMMARY_OTHERS;
        const points = [...new Set([r.pick(pool), r.pick(pool), r.pick(pool)])];
        lawReports.push({
          orgCode: u.recordOrg,
          values: {
            report_year: reportYear,
            leader_id: l.id,
            position: l.position,
            role: l.role,
            form: principal ? '会议述法' : r.chance(0.7) ? '书面述法' : '年终述职中同步述法',
            reported_on: on,
            meeting: principal ? `${u.gov}${reportYear}年度${u.county ? '部门主要负责人' : '党政主要负责人'}述法评议会` : null,
            summary: points.map((p, i) => `${['一', '二', '三'][i]}是${p}。`).join(''),
            evaluation,
            score,
            problems: r.pick(PROBLEMS),
            rectification: evaluation === '一般' || r.chance(0.5) ? r.pick(['制定个人年度学法计划，每季度至少参加1次专题学法', '加强分管领域执法人员培训和案卷评查', '将法治建设纳入分管工作例会常态化调度']) : null,
          },
        });
      }
    }
  }
  const meetingIds = await seedLedger(ctx, platform, 'leadership.meeting', meetings);
  await seedLedger(ctx, platform, 'leadership.issue', pendingIssues.map((p) => {
    const age = daysBetween(p.raised, to);
    const deadline = addDays(p.raised, r.pick([60, 90, 120, 180]));
    const progress = age < 120 && r.chance(0.7) ? '正在推进' : p.issue.category === '执法监督发现问题整改' && r.chance(0.3) ? '长期坚持' : '已解决';
    const resolvedOn = progress === '已解决' ? minDate(addDays(p.raised, r.int(30, 200)), to) : null;
    return {
      orgCode: p.org,
      values: { title: p.issue.title, category: p.issue.category, source: r.pick(['专题听取汇报', '督察反馈', '调研发现', '上级交办', '群众反映'] as const), raised_on: p.raised, meeting_id: meetingIds[p.meeting], lead_leader: p.lead, responsible_unit: p.issue.unit, description: p.issue.description, measures: p.issue.measures, deadline, progress, resolved_on: resolvedOn, result: progress === '已解决' ? p.issue.result : null },
    };
  }));
  await seedLedger(ctx, platform, 'leadership.law_report', lawReports);
}
