import { sql } from 'kysely';
import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, DEMO_TOWN_CODES, idNumber, mobile, officeOf, personName, rng, townName } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { createRecord, loadRow, updateRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { workflowPermissions } from '../../platform/workflow/workflow.types.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import { applyTransition } from '../../platform/workflow/workflow.service.ts';
import { clueList } from './supervision.clues.ts';
import { commitActivityDraw, drawActivityUnits, instrumentFromClue } from './supervision.instruments.ts';
import { activityLedger, opinionLedger, reviewLedger } from './supervision.ledgers.ts';
import { commitReview, drawReview, finishReview, reviewDetail, scoreReviewCase } from './supervision.service.ts';
import { DEFAULT_SHEET } from './supervision.sheet.ts';

// what reviewers actually find in towns' penalty files, by sheet item
const FINDINGS: Record<string, readonly string[]> = {
  E2: ['现场检查笔录未附现场照片，违法事实仅有当事人陈述', '询问笔录未经当事人逐页签名确认'],
  E3: ['决定书引用“《城乡规划法》相关规定”，未具体到条款项', '适用的地方性法规已修订，仍引用旧条款'],
  E4: ['罚款金额在裁量基准中档，未说明适用理由'],
  P1: ['立案审批表缺少负责人签批日期', '调查笔录仅记载一名执法人员'],
  P2: ['行政处罚告知书送达回证无当事人签收日期', '当事人提出申辩后未见复核记录'],
  P4: ['送达回证缺失，无法确认送达日期'],
  D1: ['缺少案件处理审批表'],
  D2: ['文书落款日期早于调查终结日期', '决定书文号与登记的文号不一致'],
  A1: ['卷内文件目录未填写页码'],
  A2: ['结案后超过三个月未立卷归档'],
};

/** the 司法局's last-year 案卷评查 of the towns' penalty files, scored and finished, and the 意见书 it led to, still open */
export async function seedSupervisionDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('supervision');
  const today = chinaDate(ctx.now);
  const year = Number(today.slice(0, 4)) - 1;
  // the county's one supervisor account acts (its name goes on each score); the seed's scope stays the county's
  const who = await sql<{ id: number; display_name: string }>`select u.id, u.display_name from app_user u join user_role ur on ur.user_id = u.id where ur.role_code = 'supervisor' and u.org_code = ${DEMO_COUNTY.code} order by u.id limit 1`.execute(ctx.tx);
  const sup = who.rows[0];
  const perms = new Set([...ctx.actor.permissions, 'supervision.review.score', 'supervision.clue.read', ...[reviewLedger, opinionLedger, activityLedger].flatMap((l) => workflowPermissions(l).map((p) => p.code))]);
  const office: Ctx = { ...ctx, actor: { ...ctx.actor, ...(sup ? { id: sup.id, username: 'supervisor', displayName: sup.display_name } : {}), permissions: perms } };
  const plan = await createRecord(office, reviewLedger, { orgCode: officeOf(DEMO_COUNTY.code, 'justice'), title: `${year}年度乡镇行政处罚案卷评查`, planned_on: `${year + 1}-01-08`, period_from: `${year}-01-01`, period_to: `${year}-12-31`, case_count: 10 }, platform.ledgers);
  // commit-reveal: the seed's hash is published first, the list frozen and the seed revealed ten minutes later
  await commitReview({ ...office, now: new Date(`${year + 1}-01-09T01:50:00Z`) }, plan.id);
  const drawnOn: Ctx = { ...office, now: new Date(`${year + 1}-01-09T02:00:00Z`) };
  const detail = await drawReview(drawnOn, platform, plan.id);
  for (const [i, c] of detail.cases.entries()) {
    const lines = DEFAULT_SHEET.items.flatMap((item) => {
      const found = FINDINGS[item.code];
      if (!found || r.int(0, 9) > (i % 3 === 2 ? 4 : 1)) return [];
      return [{ code: item.code, deduct: Math.min(item.points, r.pick([1, 1.5, 2, 3, 4] as const)), note: r.pick(found) }];
    });
    const scoredOn: Ctx = { ...office, now: new Date(`${year + 1}-01-${String(12 + i).padStart(2, '0')}T03:00:00Z`) };
    await scoreReviewCase(scoredOn, plan.id, c.caseId, { lines, vetoes: [], comment: lines.length ? '案卷基本规范，存在扣分项所列问题，请承办单位整改。' : '案卷规范，未发现问题。' });
  }
  const finished = `${year + 1}-01-26`;
  const done = await finishReview({ ...office, now: new Date(`${finished}T08:00:00Z`) }, platform, plan.id, { finished_on: finished, conclusion: '本次共评查乡镇行政处罚案卷10份。总体看执法主体合法、文书基本齐全，主要问题是证据固定不充分、法律条款引用不具体、告知和送达程序记录不完整、结案后归档不及时。' });
  // this year's first review is planned, its files not yet drawn
  await createRecord(office, reviewLedger, { orgCode: officeOf(DEMO_COUNTY.code, 'justice'), title: `${year + 1}年度乡镇行政处罚案卷评查（上半年）`, planned_on: addDays(today, -3), period_from: `${year + 1}-01-01`, period_to: today, case_count: 10 }, platform.ledgers);
  // the 意见书 goes to the unit with the lowest average, issued two weeks ago with 30 days to rectify
  const worst = [...done.byUnit].sort((a, b) => (a.average ?? 100) - (b.average ?? 100))[0];
  await seedSupervisionPeople(office, platform, year, today);
  await seedActivitiesAndInstruments(office, platform, year, today, plan.id);
  if (!worst) return;
  const cases = (await reviewDetail(office, plan.id)).cases.filter((c) => c.orgCode === worst.key && c.lines.length);
  const issued = addDays(today, -14);
  await createRecord({ ...office, now: new Date(`${issued}T02:00:00Z`) }, opinionLedger, {
    orgCode: worst.key,
    kind: '意见书',
    issued_on: issued,
    subject: `${year}年度行政处罚案卷评查发现的问题`,
    problems: cases.map((c) => `${c.caseNo}：${c.lines.map((l) => l.note).join('；')}`).join('\n') || '案卷评查发现证据固定和文书制作方面的问题。',
    requirements: '一、对所列案卷逐件核查，能补正的予以补正；二、组织执法人员学习行政处罚法和案卷制作规范；三、建立结案归档台账，结案后一个月内立卷归档。请于整改期限内书面报送整改情况。',
    rectify_days: 30,
  }, platform.ledgers);
}

const at = (ctx: Ctx, day: string): Ctx => ({ ...ctx, now: new Date(`${day}T02:30:00Z`) });

/** the county's supervisors and invited supervisors, the enforcement subjects it confirmed, its contact points and their reports */
async function seedSupervisionPeople(ctx: Ctx, platform: Platform, year: number, today: string): Promise<void> {
  const r = rng('supervision-people');
  const justice = officeOf(DEMO_COUNTY.code, 'justice');
  const appointed = `${year}-03-18`;
  const staff = ['执法监督股股长', '执法监督股副股长', '执法监督股科员'].map((position, i) => ({ name: personName(r), kind: '行政执法监督员', unit: `${DEMO_COUNTY.name}司法局`, position, cert_no: `${DEMO_COUNTY.name.slice(0, 2)}监${String(2101 + i)}`, appointed_by: `${DEMO_COUNTY.name}人民政府`, appointed_on: appointed, term_to: `${year + 3}-03-17` }));
  const invited = [
    ['县人大代表', '清溪镇茶叶专业合作社'],
    ['县政协委员', '城关镇中心小学'],
    ['执业律师', '演示县明理律师事务所'],
    ['企业代表', '演示县宏达建材有限公司'],
    ['新闻媒体代表', '演示县融媒体中心'],
  ].map(([position, unit], i) => ({ name: personName(r), kind: '特邀行政执法监督员', unit, position, cert_no: `特监聘〔${year}〕${i + 1}号`, appointed_by: `${DEMO_COUNTY.name}司法局`, appointed_on: appointed, term_to: i === 4 ? addDays(today, 25) : `${year + 2}-03-17` }));
  const ids = await seedLedger(ctx, platform, 'supervision.supervisor', [...staff, ...invited].map((v) => ({ orgCode: justice, values: { ...v, phone: mobile(r), id_number: idNumber(r) } })));
  const towns = DEMO_TOWN_CODES.map((c) => townName(c));
  await seedLedger(ctx, platform, 'supervision.subject', [
    { name: `${DEMO_COUNTY.name}综合行政执法局`, kind: '行政机关', unit_code: officeOf(DEMO_COUNTY.code, 'enforcement'), basis: '《行政处罚法》第十八条；县人民政府关于开展综合行政执法工作的通知', fields_scope: '城市管理、市场监管、生态环境、农业农村等领域相对集中行使的行政处罚权及相关的行政检查、行政强制措施' },
    ...DEMO_TOWN_CODES.map((code, i) => ({ name: `${towns[i] ?? code}人民政府`, kind: '乡镇人民政府（街道办事处）', unit_code: code, basis: '《行政处罚法》第二十四条；省人民政府关于赋予乡镇（街道）部分县级行政执法权的决定；县人民政府赋权事项清单', fields_scope: '赋权事项清单所列经营行为、安全生产、城乡建设、农业和生态环境等领域的行政处罚、行政检查' })),
    { name: `${DEMO_COUNTY.name}农业综合行政执法大队`, kind: '受委托组织', unit_code: '', basis: '《行政处罚法》第二十条；县农业农村局行政执法委托书', fields_scope: '农资、种子、动物防疫领域受委托实施的行政处罚', entrusted_by: `${DEMO_COUNTY.name}农业农村局` },
  ].map((v, i) => ({ orgCode: justice, values: { ...v, confirmed_on: `${year}-02-${String(20 + (i % 5)).padStart(2, '0')}`, published_on: `${year}-03-01`, valid: true } })));
  const points = [
    { name: `${towns[0] ?? ''}司法所行政执法监督联系点`, kind: '乡镇（街道）', address: `${towns[0] ?? ''}人民路18号` },
    { name: `${towns[1] ?? ''}工业集中区企业服务中心联系点`, kind: '园区', address: `${towns[1] ?? ''}工业集中区管委会` },
    { name: '演示县宏达建材有限公司联系点', kind: '企业', address: `${towns[2] ?? ''}石桥村3组` },
    { name: '县个体劳动者协会联系点', kind: '行业协会', address: '县城解放路56号' },
  ];
  const pointIds = await seedLedger(ctx, platform, 'supervision.contact_point', points.map((p, i) => ({ orgCode: justice, values: { ...p, contact_name: personName(r), contact_phone: mobile(r), supervisor: ids[3 + (i % 5)], set_up_on: `${year}-04-0${i + 1}` } })));
  const reports = [
    ['企业反映同一月内接受两个部门重复检查', '园区内两家企业反映5月份先后接受市场监管和安全生产两次检查，检查内容部分重复，影响生产。', '涉企行政检查频次和“综合查一次”落实情况', '转县综合行政执法局核实，纳入涉企行政检查专项监督；已建议联合检查。'],
    ['餐饮店反映罚款未说明裁量理由', '个体餐饮店反映被处以罚款，决定书未说明适用的裁量阶次，对罚款金额有异议。', '行政处罚裁量基准适用说明不充分', '调阅案卷核实，纳入下半年案卷评查重点。'],
    ['执法人员入企检查未出示检查码', '企业反映执法人员到企业检查时未出示检查码，无法核验检查事项。', '扫码入企制度执行不到位', '已电话提醒相关乡镇执法队，要求检查前生成并出示检查码。'],
    ['群众反映占道经营整治方式简单', '农贸市场周边摊贩反映清理占道经营时没收物品未开具清单。', '行政强制措施程序不规范', '转乡镇核实，要求依法开具查封扣押清单。'],
    ['协会会员希望加强政策宣传', '会员普遍希望在检查时对新出台的法规予以告知和指导。', '包容审慎监管、柔性执法', '已纳入年度普法计划，建议执法中推行说理式执法。'],
    ['企业反映整改期限过短', '企业反映安全生产检查责令整改期限为3日，设备采购来不及。', '责令整改期限设定不合理', '建议乡镇执法队根据整改难度合理设定期限。'],
  ];
  await seedLedger(ctx, platform, 'supervision.contact_report', reports.map(([summary, content, issues, follow], i) => {
    const on = i < 4 ? `${year}-${String(5 + i * 2).padStart(2, '0')}-1${i}` : addDays(today, -60 + i * 12);
    return { orgCode: justice, values: { contact_point: pointIds[i % pointIds.length], reported_on: on, summary, content, issues, follow_up: i === 5 ? null : follow, followed_up_on: i === 5 ? null : addDays(on, 6 + i) } };
  }));
}

/** last year's activities (daily, special with a drawn set of towns, the 案卷评查), the instruments issued from them and from this year's clues */
async function seedActivitiesAndInstruments(ctx: Ctx, platform: Platform, year: number, today: string, reviewId: number): Promise<void> {
  const justice = officeOf(DEMO_COUNTY.code, 'justice');
  const daily = await createRecord(at(ctx, `${year}-04-02`), activityLedger, { orgCode: justice, title: `${year}年第二季度行政执法日常监督`, mode: '日常监督', planned_on: `${year}-04-02`, plan: '调阅各乡镇第一季度行政执法案件台账和执法公示情况，抽查执法全过程记录，检查执法人员持证情况。', units: DEMO_TOWN_CODES.map(townName).join('\n'), started_on: `${year}-04-08`, finished_on: `${year}-04-26`, findings: `${townName(DEMO_TOWN_CODES[1] ?? '')}：部分简易程序处罚决定未在7个工作日内公示\n${townName(DEMO_TOWN_CODES[2] ?? '')}：执法记录仪使用登记不全` }, platform.ledgers);
  const special = await createRecord(at(ctx, `${year}-06-10`), activityLedger, { orgCode: justice, title: `${year}年涉企行政检查专项监督`, mode: '专项监督', planned_on: `${year}-06-10`, plan: '贯彻《国务院办公厅关于严格规范涉企行政检查的意见》，随机抽取乡镇，检查涉企行政检查计划、检查码使用、检查频次和“综合查一次”落实情况。', unit_count: 2 }, platform.ledgers);
  const drawDay = at(ctx, `${year}-06-11`);
  await commitActivityDraw({ ...drawDay, now: new Date(drawDay.now.getTime() - 10 * 60_000) }, special.id);
  await drawActivityUnits(drawDay, platform, special.id);
  const row = await loadRow(ctx, activityLedger, special.id);
  const drawn = String(row['units'] ?? '');
  await updateRecord(at(ctx, `${year}-07-20`), activityLedger, special.id, { started_on: `${year}-06-20`, finished_on: `${year}-07-20`, findings: `${drawn.split('\n')[0] ?? ''}：个别企业一年内被检查4次，其中2次为不同部门对同一事项的检查\n${drawn.split('\n')[1] ?? ''}：检查结果告知书未载明救济途径`, version: Number(row['version']) }, platform.ledgers);
  await createRecord(at(ctx, `${year + 1}-01-08`), activityLedger, { orgCode: justice, title: `${year}年度乡镇行政处罚案卷评查`, mode: '案卷评查', planned_on: `${year + 1}-01-08`, plan: '按行政处罚案卷评查标准，从各乡镇上年度结案的行政处罚案卷中随机抽取10份进行评查。', review: reviewId, units: DEMO_TOWN_CODES.map(townName).join('\n'), started_on: `${year + 1}-01-09`, finished_on: `${year + 1}-01-26`, findings: '证据固定不充分、法律条款引用不具体、告知和送达程序记录不完整、结案后归档不及时。' }, platform.ledgers);
  // a 建议书 from the daily supervision, answered and verified last year
  const town2 = DEMO_TOWN_CODES[1] ?? DEMO_COUNTY.code;
  const advice = await createRecord(at(ctx, `${year}-05-06`), opinionLedger, { orgCode: town2, kind: '建议书', issued_on: `${year}-05-06`, subject: `${year}年第二季度日常监督发现的执法公示问题`, problems: '部分简易程序行政处罚决定未在作出决定之日起7个工作日内公示。', requirements: '一、建立执法决定公示台账，明确专人负责；二、对未按期公示的决定立即补充公示；三、每月底自查公示情况。', rectify_days: 30, activity: daily.id }, platform.ledgers);
  const clerk = await actorAt(ctx, 'clerk', town2);
  await applyTransition(at(clerk, `${year}-05-28`), platform, opinionLedger, advice.id, 'report', { date: `${year}-05-28`, reported_on: `${year}-05-28`, report: '已建立执法决定公示台账，由综合行政执法队内勤专人负责；对未按期公示的6件决定已补充公示；已开展5月份自查。' });
  await applyTransition(at(ctx, `${year}-06-05`), platform, opinionLedger, advice.id, 'verify', { date: `${year}-06-05`, verified_on: `${year}-06-05`, verify_note: '经抽查公示平台，补充公示到位，公示台账已建立，整改到位。' });
  // this year: a 决定书 issued from a clue of the records, the town has reported and the supervisor has yet to verify
  const clues = (await clueList(ctx, platform, Number(today.slice(0, 4)))).items;
  // an instrument is served on a town: a clue of a county bureau is left out
  const pick = ['unpublished', 'top_share', 'over_inspection', 'no_case', 'fine_growth'].map((k) => clues.find((c) => c.kind === k && (DEMO_TOWN_CODES as readonly string[]).includes(c.orgCode))).find((c) => c !== undefined);
  if (!pick) return;
  const issued = addDays(today, -20);
  const decision = await instrumentFromClue(at(ctx, issued), platform, { clue: pick.key, kind: '决定书', issued_on: issued, rectify_days: 30, requirements: '一、对所列记录逐件核查，属实的依法纠正；二、查明原因，明确责任人；三、完善相关制度，防止同类问题再次发生。请于整改期限内书面报告整改结果。' });
  const answering = await actorAt(ctx, 'clerk', pick.orgCode);
  const reported = addDays(today, -3);
  await applyTransition(at(answering, reported), platform, opinionLedger, decision.id, 'report', { date: reported, reported_on: reported, report: '已对决定书所列记录逐件核查，对问题逐项整改：补充完善了相关程序，明确由综合行政执法队负责人督促落实，并修订了执法案件办理流程，建立月度自查制度。' });
}

/** a context acting as the first user of a role at an organisation, with the steps that user may take on the instruments */
async function actorAt(ctx: Ctx, role: string, org: string): Promise<Ctx> {
  const u = (await sql<{ id: number; username: string; display_name: string }>`select u.id, u.username, u.display_name from app_user u join user_role ur on ur.user_id = u.id where ur.role_code = ${role} and u.org_code = ${org} order by u.id limit 1`.execute(ctx.tx)).rows[0];
  return u ? { ...ctx, actor: { ...ctx.actor, id: u.id, username: u.username, displayName: u.display_name } } : ctx;
}
