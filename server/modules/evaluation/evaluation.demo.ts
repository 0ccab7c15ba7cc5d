import { sql, type Kysely } from 'kysely';
import { DEMO_COUNTY, DEMO_TOWNS } from '../../demo/demo-county.ts';
import { addDays, officeOf, rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { createRecord, insertMany } from '../../platform/ledger/ledger.service.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { workflowPermissions } from '../../platform/workflow/workflow.types.ts';
import { correctionPermission } from '../../platform/workflow/correction.types.ts';
import { resultLedger, roundLedger, taskLedger } from './evaluation.ledgers.ts';
import { closeRound, computeRound, objectTo, replyTo, roundDetail, scoreByHand } from './evaluation.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables
const db = (ctx: Pick<Ctx, 'tx'>): Kysely<any> => ctx.tx as unknown as Kysely<any>;

/** a county's yearly 法治建设任务清单, as the 依法治县办 breaks it down to each town */
const TASKS: ReadonlyArray<readonly [category: string, content: string, month: number]> = [
  ['组织领导', '制定本年度法治政府建设工作要点，明确责任分工并报县委依法治县办备案', 3],
  ['组织领导', '党委（党组）专题听取法治政府建设工作汇报不少于2次，研究解决重大问题', 6],
  ['组织领导', '党政主要负责人在年终述职中专题述法', 12],
  ['依法决策', '编制并向社会公布年度重大行政决策事项目录', 4],
  ['依法决策', '重大行政决策全部履行合法性审查和集体讨论决定程序，建立决策档案', 11],
  ['规范执法', '公布乡镇综合行政执法事项清单，动态调整赋权事项', 5],
  ['规范执法', '开展行政执法案卷自查，对照评查标准整改发现的问题', 9],
  ['规范执法', '组织执法人员参加行政执法资格培训，每人不少于40学时', 10],
  ['政务公开', '按时公布上一年度政府信息公开工作年度报告', 1],
  ['矛盾化解', '每月开展矛盾纠纷排查，建立排查化解台账', 12],
  ['法治宣传', '落实“谁执法谁普法”责任清单，开展“12·4”宪法宣传周活动', 12],
  ['法治宣传', '培育村（社区）“法律明白人”，每村不少于5名', 8],
];

const COMPLETIONS: Record<string, string> = {
  组织领导: '已按要求完成，相关文件和会议纪要已归档，见附件。',
  依法决策: '已完成，目录经党委会审议后在政府网站公布，决策档案齐全。',
  规范执法: '已完成，执法事项清单已公布，培训签到表和案卷自查报告见附件。',
  政务公开: '已在政府网站政务公开专栏公布，并报县政务公开办备案。',
  矛盾化解: '每月排查台账已建立，重大纠纷均有专案记录。',
  法治宣传: '已开展相关活动，活动照片、签到表和宣传资料发放记录见附件。',
};

// hand scores per town (strong, steady, weaker), each with its reason; the evidence links are added per town below
const HAND: Record<string, ReadonlyArray<readonly [points: number, reason: string]>> = {
  '3.1.3': [
    [3, '年度重大行政决策事项目录于3月经党委会审议通过并在政府网站公布，目录和公布页面已核对。'],
    [3, '目录已编制并公布，公布时间为4月，符合要求。'],
    [1.5, '目录已编制，但未在政府网站公布，按细则得1.5分。'],
  ],
  '4.3.1': [
    [4, '县司法局年度案卷评查中，该镇抽查案卷均为优秀或合格，未发现不合格案卷。'],
    [3, '县司法局年度案卷评查中，该镇抽查案卷存在告知送达记录不完整问题，扣1分。'],
    [2, '县司法局年度案卷评查中，该乡有1份案卷为不合格，扣2分。'],
  ],
  '5.1.2': [
    [2, '政府信息公开工作年度报告于1月26日在政府网站公布。'],
    [2, '政府信息公开工作年度报告于1月30日公布，在规定期限内。'],
    [1, '政府信息公开工作年度报告于2月6日公布，逾期公布得1分。'],
  ],
  '6.1.1': [
    [5, '应急预案已于年内修订，组织防汛和森林防火演练各1次，记录完整。'],
    [4, '应急预案已修订，全年组织演练1次，演练记录不够完整，扣1分。'],
    [3, '应急预案未按期修订，扣2分；全年组织防汛演练1次。'],
  ],
  '7.1.2': [
    [3, '每月开展矛盾纠纷排查，台账完整，重大纠纷均建立专案。'],
    [2.5, '排查台账基本完整，个别月份排查记录缺失，扣0.5分。'],
    [2, '排查台账不完整，部分村未按月报送排查情况，扣1分。'],
  ],
};

/** the evidence a hand score points at: the records behind it in the platform */
function evidenceFor(code: string, town: string, reviewId: number | null): Array<{ label: string; href: string }> {
  switch (code) {
    case '3.1.3':
      return [{ label: '重大行政决策事项目录', href: `/ledgers/decisions.catalog_item?org=${town}` }];
    case '4.3.1':
      return reviewId ? [{ label: '县司法局年度行政处罚案卷评查', href: `/ledgers/supervision.review/${reviewId}` }, { label: '本单位行政执法案件', href: `/ledgers/enforcement.case?org=${town}` }] : [{ label: '本单位行政执法案件', href: `/ledgers/enforcement.case?org=${town}` }];
    case '5.1.2':
      return [{ label: '政府信息主动公开记录', href: `/ledgers/disclosure.item?org=${town}` }];
    case '6.1.1':
      return [{ label: '党政联席会议研究应急预案修订的记录', href: `/ledgers/leadership.meeting?org=${town}` }];
    default:
      return [{ label: '矛盾纠纷调解台账', href: `/ledgers/mediation.case?org=${town}` }];
  }
}

/**
 * last year's task lists (nearly all done) and this year's (some done, some overdue, the rest due later), and last
 * year's 考核 of the three towns on the 示范指标体系: computed from their figures, hand-scored with evidence, one
 * objection answered, closed in February
 */
export async function seedEvaluationDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('evaluation');
  const today = chinaDate(ctx.now);
  const year = Number(today.slice(0, 4)) - 1;
  const who = await sql<{ id: number; display_name: string }>`select u.id, u.display_name from app_user u join user_role ur on ur.user_id = u.id where ur.role_code = 'county_admin' and u.org_code = ${DEMO_COUNTY.code} order by u.id limit 1`.execute(ctx.tx);
  const admin = who.rows[0];
  const perms = new Set([...ctx.actor.permissions, 'evaluation.round.score', ...[roundLedger, resultLedger, taskLedger].flatMap((l) => [...workflowPermissions(l).map((p) => p.code), correctionPermission(l)])]);
  const office: Ctx = { ...ctx, actor: { ...ctx.actor, ...(admin ? { id: admin.id, username: 'county', displayName: admin.display_name } : {}), permissions: perms } };

  // task lists: last year's nearly all done (a few late or missing), this year's to date
  const items: Array<{ row: number; values: Record<string, unknown>; orgCode: string | null }> = [];
  for (const [ti, town] of DEMO_TOWNS.entries()) {
    for (const y of [year, year + 1]) {
      TASKS.forEach(([category, content, month], i) => {
        const due = `${y}-${String(month).padStart(2, '0')}-28`;
        const past = due < today;
        // last year: the weaker the town, the more left undone; this year: done when due long enough ago, some overdue
        const done = y === year ? r.int(0, 9) >= ti + 1 : past && r.int(0, 9) >= 1 + ti;
        const completed = done ? addDays(due, -r.int(2, 40)) : null;
        items.push({
          row: items.length + 1,
          orgCode: officeOf(town.code, i % 3 === 0 ? 'justice' : 'government'),
          values: { list_name: `${y}年度法治政府建设责任清单`, task_no: `FZ-${y}-${String(i + 1).padStart(3, '0')}`, content, category, due_on: due, completed_on: completed && completed <= today ? completed : null, completion: completed && completed <= today ? (COMPLETIONS[category] ?? '已完成。') : null },
        });
      });
    }
  }
  await insertMany(office, taskLedger, items, platform.ledgers, 'demo_seed');

  // last year's round on the 示范指标体系
  const system = await db(ctx).selectFrom('evaluation_system').select('id').where('key', '=', 'shifan').orderBy('version', 'desc').executeTakeFirst();
  if (!system) return;
  const round = await createRecord({ ...office, now: new Date(`${year + 1}-01-12T02:00:00Z`) }, roundLedger, { orgCode: officeOf(DEMO_COUNTY.code, 'justice'), title: `${year}年度乡镇法治政府建设考核`, year, period_end: `${year}-12-31`, system_id: Number(system['id']), unit_scope: '乡镇（街道）' }, platform.ledgers);
  const at = (date: string): Ctx => ({ ...office, now: new Date(`${date}T03:00:00Z`) });
  await computeRound(at(`${year + 1}-01-20`), platform, round.id);
  const review = platform.ledgers.get('supervision.review');
  const reviewRow = review ? await ledgerDb(ctx).selectFrom(review.table).select('id').where('state', '=', 'finished').orderBy('id').executeTakeFirst() : undefined;
  const reviewId = reviewRow ? Number(reviewRow['id']) : null;
  for (const [code, byTown] of Object.entries(HAND)) {
    for (const [ti, town] of DEMO_TOWNS.entries()) {
      const [points, reason] = byTown[ti] ?? [0, '未提供材料。'];
      await scoreByHand(at(`${year + 1}-01-2${ti + 2}`), platform, round.id, { orgCode: town.code, code, points, reason, evidence: evidenceFor(code, town.code, reviewId) });
    }
  }
  // the weakest town objects to its 应急 score; the 依法治县办 checks the drill records, adds a point and answers
  const weakest = DEMO_TOWNS[2];
  const result = weakest ? await ledgerDb(ctx).selectFrom(resultLedger.table).select('id').where('round_id', '=', round.id).where('org_code', '=', weakest.code).executeTakeFirst() : undefined;
  if (weakest && result) {
    const clerk = await sql<{ id: number; display_name: string; username: string }>`select id, display_name, username from app_user where org_code = ${weakest.code} order by id limit 1`.execute(ctx.tx);
    const c = clerk.rows[0];
    const unit: Ctx = { ...at(`${year + 1}-01-29`), actor: { ...office.actor, ...(c ? { id: c.id, username: c.username, displayName: c.display_name } : {}) } };
    await objectTo(unit, platform, Number(result['id']), '我乡应急预案已于去年11月修订并经乡党委会审议通过，当时未上传平台，修订稿和会议纪要已补充报送，请予复核。');
    await scoreByHand(at(`${year + 1}-02-03`), platform, round.id, { orgCode: weakest.code, code: '6.1.1', points: 4, reason: '经核对补报的修订稿和党委会纪要，应急预案已于11月修订，恢复2分；演练记录仍不完整，扣1分。', evidence: evidenceFor('6.1.1', weakest.code, reviewId) });
    await replyTo(at(`${year + 1}-02-03`), platform, Number(result['id']), '经核对，异议部分成立：应急预案已按期修订，该项调整为4分；演练记录不完整的扣分维持。');
  }
  const closed = `${year + 1}-02-10`;
  const ranking = (await roundDetail(at(closed), round.id)).units;
  const first = ranking[0];
  await closeRound(at(closed), platform, round.id, { closed_on: closed, conclusion: `${ranking.length}个乡镇法治政府建设总体推进有序${first ? `，${first.orgName}以${first.total}分排名第一` : ''}；各乡镇在执法决定按期公示、案卷质量和应急预案管理方面仍有差距，请对照扣分项在一季度内整改。` });
  // this year's round on the county's own 考核细则 is open: its computed leaves filled from this year's figures so far
  const county = await db(ctx).selectFrom('evaluation_system').select('id').where('key', '=', 'county').orderBy('version', 'desc').executeTakeFirst();
  if (county) {
    const current = await createRecord(at(addDays(today, -6)), roundLedger, { orgCode: officeOf(DEMO_COUNTY.code, 'justice'), title: `${year + 1}年度乡镇（街道）法治建设考核`, year: year + 1, period_end: `${year + 1}-12-31`, system_id: Number(county['id']), unit_scope: '乡镇（街道）' }, platform.ledgers);
    await computeRound(at(addDays(today, -5)), platform, current.id);
  }
}
