import { sql } from 'kysely';
import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, officeOf, rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { createRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { workflowPermissions } from '../../platform/workflow/workflow.types.ts';
import { opinionLedger, reviewLedger } from './supervision.ledgers.ts';
import { drawReview, finishReview, reviewDetail, scoreReviewCase } from './supervision.service.ts';
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
  const perms = new Set([...ctx.actor.permissions, 'supervision.review.score', ...[reviewLedger, opinionLedger].flatMap((l) => workflowPermissions(l).map((p) => p.code))]);
  const office: Ctx = { ...ctx, actor: { ...ctx.actor, ...(sup ? { id: sup.id, username: 'supervisor', displayName: sup.display_name } : {}), permissions: perms } };
  const plan = await createRecord(office, reviewLedger, { orgCode: officeOf(DEMO_COUNTY.code, 'justice'), title: `${year}年度乡镇行政处罚案卷评查`, planned_on: `${year + 1}-01-08`, period_from: `${year}-01-01`, period_to: `${year}-12-31`, case_count: 10 }, platform.ledgers);
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
  if (!worst) return;
  const cases = (await reviewDetail(office, plan.id)).cases.filter((c) => c.orgCode === worst.key && c.lines.length);
  const issued = addDays(today, -14);
  await createRecord({ ...office, now: new Date(`${issued}T02:00:00Z`) }, opinionLedger, {
    orgCode: worst.key,
    issued_on: issued,
    subject: `${year}年度行政处罚案卷评查发现的问题`,
    problems: cases.map((c) => `${c.caseNo}：${c.lines.map((l) => l.note).join('；')}`).join('\n') || '案卷评查发现证据固定和文书制作方面的问题。',
    requirements: '一、对所列案卷逐件核查，能补正的予以补正；二、组织执法人员学习行政处罚法和案卷制作规范；三、建立结案归档台账，结案后一个月内立卷归档。请于整改期限内书面报送整改情况。',
    rectify_days: 30,
  }, platform.ledgers);
}
