import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { loadRow } from '../../platform/ledger/ledger.service.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { orgLevels } from '../../platform/ledger/org-levels.ts';
import type { Platform } from '../../platform/module.ts';
import { applyTransition } from '../../platform/workflow/workflow.service.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import type { DrawChecks, ResultRow, ReviewCase, ReviewDetail, SupervisionSheet } from '../../../common/supervision.types.ts';
import { reviewLedger } from './supervision.ledgers.ts';
import { gradeOf, scoreCase, sheetProblems, sheetTotal, type ScoreInput, type SheetInput } from './supervision.sheet.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;
const j = <T>(v: unknown, empty: T): T => (v === null || v === undefined ? empty : ((typeof v === 'string' ? JSON.parse(v) : v) as T));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
// 32 bytes from the system's cryptographic source: nobody chooses the seed
export const newSeed = (): string => randomBytes(32).toString('hex');
export const stamp = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v instanceof Date ? v : String(v)).toISOString());

/** the moment a draw is made must follow the commitment: a draw in the same instant proves nothing */
export function drawAfterCommitment(ctx: Pick<Ctx, 'now'>, committedAt: unknown): void {
  if (committedAt !== null && committedAt !== undefined && ctx.now.getTime() <= new Date(committedAt instanceof Date ? committedAt : String(committedAt)).getTime()) throw new AppError('conflict', '抽取须在承诺随机种子之后进行，请稍后再抽取');
}

/** the ledger whose closed files are drawn: the enforcement module's, read through the platform's registry */
const CASES = 'enforcement.case';

/** the draw, re-computable by anyone from the published seed and list: each file's key SHA-256(“seed|C|id|案号”), ascending, first N */
export const DRAW_RULE = '先承诺：系统以密码学随机数生成种子，只公开种子的SHA-256值和承诺时间，种子保密；后抽取：抽取时冻结可抽取的案卷名录并公开其SHA-256值，揭示种子，对名录中的每份案卷计算 SHA-256(“种子|C|案卷编号|案号”)（UTF-8，十六进制小写），按该值升序排列，取前N份。任何人可核对三点：种子的SHA-256值与承诺一致、名录的SHA-256值与公开的一致、按种子和名录重算的结果与抽取结果一致。';

interface Candidate {
  id: number;
  orgCode: string;
  caseNo: string;
  summary: string;
  closedOn: string | null;
}
const listLine = (c: Candidate): string => `C|${c.id}|${c.orgCode}|${c.caseNo}`;
export function drawCases(seed: string, list: readonly Candidate[], n: number): Candidate[] {
  return list
    .map((c) => ({ c, k: sha256Hex(`${seed}|C|${c.id}|${c.caseNo}`) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.c.id - b.c.id))
    .slice(0, n)
    .map((e) => e.c);
}

function sheetOut(r: Record<string, unknown>): SupervisionSheet {
  return { version: Number(r['version']), title: String(r['title']), items: j(r['items'], []), thresholds: j(r['thresholds'], { excellent: 90, pass: 70 }), total: Number(r['total']), createdAt: new Date(String(r['created_at'])).toISOString() };
}

export async function listSheets(ctx: Ctx): Promise<SupervisionSheet[]> {
  return (await db(ctx).selectFrom('supervision_sheet').selectAll().orderBy('version', 'desc').execute()).map(sheetOut);
}

async function sheetVersion(ctx: Ctx, version?: number): Promise<SupervisionSheet> {
  const q = db(ctx).selectFrom('supervision_sheet').selectAll();
  const row = await (version === undefined ? q.orderBy('version', 'desc') : q.where('version', '=', version)).executeTakeFirst();
  if (!row) throw notFound('评查标准');
  return sheetOut(row);
}

/** a new version of the scoring sheet; earlier plans keep the version they were drawn on */
export async function publishSheet(ctx: Ctx, input: SheetInput): Promise<SupervisionSheet> {
  const problems = sheetProblems(input);
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const last = await db(ctx).selectFrom('supervision_sheet').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db(ctx).insertInto('supervision_sheet').values({ version, title: input.title, items: JSON.stringify(input.items), thresholds: JSON.stringify(input.thresholds), total: sheetTotal(input.items), created_at: ctx.now, created_by: ctx.actor.id }).execute();
  await audit(ctx, { entity: 'supervision.sheet', entityId: version, action: 'create', orgCode: ctx.actor.homeOrg, diff: { title: input.title, items: input.items.length, thresholds: input.thresholds } });
  return sheetVersion(ctx, version);
}

/** the towns' closed files in the plan's period: the frozen candidate list, in id order */
async function candidates(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, plan: Record<string, unknown>): Promise<Candidate[]> {
  const l = platform.ledgers.get(CASES);
  if (!l) throw notFound('行政执法案件台账');
  const levels = await orgLevels(ctx, ctx.scope.codes);
  const towns = ctx.scope.codes.filter((c) => levels.get(c)?.level === 'town');
  if (!towns.length) return [];
  const rows = await ledgerDb(ctx)
    .selectFrom(l.table)
    .select(['id', 'org_code', 'case_no', 'summary', 'closed_on'])
    .where('status', '=', 'active')
    // closed and not revoked (the state follows these dates; records taken in by import may not carry it yet)
    .where('closed_on', 'is not', null)
    .where('revoked_on', 'is', null)
    // the sheet scores 行政处罚 files
    .where('case_type', '=', '行政处罚')
    .where('org_code', 'in', towns)
    .where('closed_on', '>=', iso(plan['period_from']))
    .where('closed_on', '<=', iso(plan['period_to']))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r['id']), orgCode: String(r['org_code']), caseNo: String(r['case_no']), summary: String(r['summary']), closedOn: iso(r['closed_on']) }));
}

/**
 * the commitment (step 1): the system makes the plan's secret seed and publishes only its SHA-256 with the time;
 * the seed is revealed at the draw. A plan is committed once.
 */
export async function commitReview(ctx: Ctx, id: number): Promise<ReviewDetail> {
  const plan = await loadRow(ctx, reviewLedger, id);
  if (plan['state'] !== 'planned' && plan['state'] !== null) throw new AppError('conflict', '该评查计划已抽取案卷，不能再承诺随机种子');
  const had = await db(ctx).selectFrom('supervision_review_draw').select('review_id').where('review_id', '=', id).forUpdate().executeTakeFirst();
  if (had) throw new AppError('conflict', '该评查计划已承诺随机种子，不能重新承诺');
  const seed = newSeed();
  const seedHash = sha256Hex(seed);
  await db(ctx).insertInto('supervision_review_draw').values({ review_id: id, org_code: plan['org_code'], seed, seed_hash: seedHash, committed_at: ctx.now }).execute();
  // the hash only: the seed stays secret until the draw
  await audit(ctx, { entity: reviewLedger.name, entityId: id, action: 'draw_commit', orgCode: String(plan['org_code']), diff: { seedHash } });
  return reviewDetail(ctx, id);
}

/**
 * draws the plan's files (steps 2 and 3): after the commitment, freezes the towns' closed files of the period as the
 * list, reveals the committed seed and draws; list, hash and result are recorded with the sheet version in force.
 * A plan is drawn once.
 */
export async function drawReview(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number): Promise<ReviewDetail> {
  const plan = await loadRow(ctx, reviewLedger, id);
  if (plan['state'] !== 'planned' && plan['state'] !== null) throw new AppError('conflict', '该评查计划已抽取案卷，不能重新抽取');
  const committed = await db(ctx).selectFrom('supervision_review_draw').selectAll().where('review_id', '=', id).forUpdate().executeTakeFirst();
  if (!committed) throw new AppError('conflict', '请先承诺随机种子：系统生成种子并公开其SHA-256值后才能抽取');
  if (committed['drawn_at'] !== null) throw new AppError('conflict', '该评查计划已抽取案卷，不能重新抽取');
  drawAfterCommitment(ctx, committed['committed_at']);
  const list = await candidates(ctx, platform, plan);
  const n = Number(plan['case_count']);
  if (list.length < n) throw new AppError('validation_failed', `抽取案卷数：该期间各乡镇结案的案卷只有${list.length}份，少于计划抽取的${n}份`, [{ path: 'case_count', label: '抽取案卷数', message: `抽取案卷数：可抽取的案卷只有${list.length}份` }]);
  const sheet = await sheetVersion(ctx);
  const seed = String(committed['seed']);
  const listText = list.map(listLine).join('\n');
  const listHash = sha256Hex(listText);
  const drawn = drawCases(seed, list, n);
  await applyTransition(ctx, platform, reviewLedger, id, 'draw', { date: chinaDate(ctx.now) }, { dedicated: true });
  await db(ctx).updateTable('supervision_review_draw').set({ list_text: listText, list_hash: listHash, candidates: list.length, sheet_version: sheet.version, drawn_at: ctx.now }).where('review_id', '=', id).execute();
  await db(ctx)
    .insertInto('supervision_review_case')
    .values(drawn.map((c, i) => ({ review_id: id, position: i + 1, case_id: c.id, case_org: c.orgCode, case_no: c.caseNo, summary: c.summary.slice(0, 200), closed_on: c.closedOn })))
    .execute();
  await audit(ctx, { entity: reviewLedger.name, entityId: id, action: 'draw', orgCode: String(plan['org_code']), diff: { seed, seedHash: String(committed['seed_hash']), listHash, candidates: list.length, result: drawn.map((c) => c.caseNo).join('、'), sheetVersion: sheet.version } });
  return reviewDetail(ctx, id);
}

/** a supervisor scores one drawn file on the plan's sheet; a later score by anyone replaces it, audited */
export async function scoreReviewCase(ctx: Ctx, id: number, caseId: number, input: ScoreInput): Promise<ReviewDetail> {
  const plan = await loadRow(ctx, reviewLedger, id);
  if (plan['state'] !== 'scoring') throw new AppError('conflict', plan['state'] === 'finished' ? '该评查已完成，评分不能再修改' : '该评查计划尚未抽取案卷');
  const draw = await db(ctx).selectFrom('supervision_review_draw').select('sheet_version').where('review_id', '=', id).executeTakeFirst();
  const row = await db(ctx).selectFrom('supervision_review_case').selectAll().where('review_id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
  if (!draw || !row) throw notFound('抽中的案卷');
  const sheet = await sheetVersion(ctx, Number(draw['sheet_version']));
  const s = scoreCase(sheet, input);
  if (s.errors.length) throw new AppError('validation_failed', s.errors.map((e) => e.message).join('；'), s.errors);
  await db(ctx)
    .updateTable('supervision_review_case')
    .set({ lines: JSON.stringify(s.lines), vetoes: JSON.stringify(s.vetoes), total: s.total, grade: s.grade, comment: input.comment ?? null, scored_by: ctx.actor.id, scored_by_name: ctx.actor.displayName, scored_at: ctx.now })
    .where('id', '=', row['id'])
    .execute();
  const scoreText = (total: unknown, grade: unknown): string => `${Number(total)}分（${String(grade)}）`;
  await audit(ctx, {
    entity: reviewLedger.name,
    entityId: id,
    action: 'score',
    orgCode: String(plan['org_code']),
    diff: { caseNo: row['case_no'], before: row['total'] === null ? null : scoreText(row['total'], row['grade']), after: scoreText(s.total, s.grade), deductions: s.lines.map((l) => `${l.code}扣${l.deduct}分：${l.note}`).join('；') || '无', vetoes: s.vetoes.join('、') || '无' },
  });
  return reviewDetail(ctx, id);
}

/** finishes the plan once every drawn file is scored, recording the date and the conclusion */
export async function finishReview(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number, body: { finished_on: string; conclusion: string }): Promise<ReviewDetail> {
  const left = await db(ctx).selectFrom('supervision_review_case').select((eb) => eb.fn.countAll<number>().as('n')).where('review_id', '=', id).where('scored_at', 'is', null).executeTakeFirst();
  await loadRow(ctx, reviewLedger, id);
  if (Number(left?.n ?? 0) > 0) throw new AppError('gate_refused', `不能完成评查：还有${Number(left?.n)}份案卷未评分`, [{ path: 'cases', label: '案卷评分', message: `还有${Number(left?.n)}份案卷未评分` }]);
  await applyTransition(ctx, platform, reviewLedger, id, 'finish', { date: body.finished_on, finished_on: body.finished_on, conclusion: body.conclusion }, { dedicated: true });
  return reviewDetail(ctx, id);
}

function tally(key: string, label: string, rows: ReviewCase[]): ResultRow {
  const scored = rows.filter((r) => r.total !== null);
  const sum = scored.reduce((n, r) => n + (r.total ?? 0), 0);
  return { key, label, cases: rows.length, scored: scored.length, average: scored.length ? Math.round((sum / scored.length) * 10) / 10 : null, excellent: scored.filter((r) => r.grade === '优秀').length, pass: scored.filter((r) => r.grade === '合格').length, fail: scored.filter((r) => r.grade === '不合格').length };
}

function groupBy(rows: ReviewCase[], key: (r: ReviewCase) => string | null, label: (r: ReviewCase) => string): ResultRow[] {
  const groups = new Map<string, ReviewCase[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()].map(([k, rs]) => tally(k, label(rs[0] as ReviewCase), rs)).sort((a, b) => a.key.localeCompare(b.key));
}

/** the plan's draw (with its re-computation), the drawn files with their scores, and results per unit and per reviewer */
export async function reviewDetail(ctx: Ctx, id: number): Promise<ReviewDetail> {
  const plan = await loadRow(ctx, reviewLedger, id);
  const d = await db(ctx).selectFrom('supervision_review_draw').selectAll().where('review_id', '=', id).executeTakeFirst();
  const rows = await db(ctx).selectFrom('supervision_review_case as c').leftJoin('org as o', 'o.code', 'c.case_org').select(['c.case_id', 'c.position', 'c.case_org', 'o.name as org_name', 'c.case_no', 'c.summary', 'c.closed_on', 'c.lines', 'c.vetoes', 'c.total', 'c.grade', 'c.comment', 'c.scored_by', 'c.scored_by_name', 'c.scored_at']).where('c.review_id', '=', id).orderBy('c.position').execute();
  const sheet = d && d['sheet_version'] !== null ? await sheetVersion(ctx, Number(d['sheet_version'])) : null;
  const cases: ReviewCase[] = rows.map((r) => ({
    caseId: Number(r['case_id']),
    position: Number(r['position']),
    orgCode: String(r['case_org']),
    orgName: String(r['org_name'] ?? r['case_org']),
    caseNo: String(r['case_no']),
    summary: String(r['summary']),
    closedOn: iso(r['closed_on']),
    lines: j(r['lines'], []),
    vetoes: j(r['vetoes'], []),
    total: r['total'] === null ? null : Number(r['total']),
    grade: (r['grade'] as string | null) ?? null,
    comment: (r['comment'] as string | null) ?? null,
    scoredBy: (r['scored_by_name'] as string | null) ?? null,
    scoredAt: r['scored_at'] ? new Date(String(r['scored_at'])).toISOString() : null,
  }));
  let draw: ReviewDetail['draw'] = null;
  // the seed is read only once the draw is made: before, the detail carries the commitment alone
  if (d && d['drawn_at'] !== null) {
    const seed = String(d['seed']);
    const listText = String(d['list_text']);
    const list: Candidate[] = listText ? listText.split('\n').map((line) => { const [, cid, org, ...no] = line.split('|'); return { id: Number(cid), orgCode: String(org), caseNo: no.join('|'), summary: '', closedOn: null }; }) : [];
    const again = drawCases(seed, list, cases.length).map((c) => c.id);
    const checks: DrawChecks = { seedMatchesCommitment: sha256Hex(seed) === d['seed_hash'], listMatchesHash: sha256Hex(listText) === d['list_hash'], resultReproduced: JSON.stringify(again) === JSON.stringify(cases.map((c) => c.caseId)) };
    const committedAt = stamp(d['committed_at']);
    const drawnAt = stamp(d['drawn_at']) ?? '';
    const verified = checks.seedMatchesCommitment && checks.listMatchesHash && checks.resultReproduced && committedAt !== null && committedAt < drawnAt;
    draw = { seed, seedHash: String(d['seed_hash']), committedAt, listHash: String(d['list_hash']), listText, candidates: Number(d['candidates']), drawnAt, algorithm: DRAW_RULE, checks, verified };
  }
  // a grade shown is always the sheet's: thresholds changed in a later version never regrade an earlier plan
  if (sheet) for (const c of cases) if (c.total !== null) c.grade = gradeOf(sheet, c.total, c.vetoes.length > 0);
  return {
    reviewId: id,
    state: (plan['state'] as string | null) ?? null,
    drawn: draw !== null,
    commitment: d ? { seedHash: String(d['seed_hash']), committedAt: stamp(d['committed_at']) } : null,
    draw,
    sheet,
    cases,
    byUnit: groupBy(cases, (c) => c.orgCode, (c) => c.orgName),
    byReviewer: groupBy(cases, (c) => c.scoredBy, (c) => c.scoredBy ?? ''),
  };
}
