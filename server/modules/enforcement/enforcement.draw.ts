import { sql, type Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { createRecord, loadRow, resolveOrg } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import type { DrawChecks, DrawInspector, DrawRecord, DrawStatus, DrawSummary, DrawTarget, PublicDraw, PublicDrawSummary } from '../../../common/enforcement.types.ts';
import { DRAW_ALGORITHM, DRAW_PROCEDURE, frozenListText, newSeed, runDraw, sha256Hex } from './draw.algorithm.ts';
import { caseLedger, matterLedger } from './enforcement.ledgers.ts';

/**
 * 双随机 draws that the operator cannot steer (commit-reveal, decision 0019):
 * 1. commit: the system draws a secret seed and publishes only its SHA-256, with the time;
 * 2. freeze: the candidate lists — entities of the matter's domain in the department's registry, qualified inspectors —
 *    are frozen and their hash published;
 * 3. draw: the seed is revealed and the draw made; anyone re-computes the three facts in the browser.
 * Every attempt is kept and public; one discarded before the draw shows its reason and its seed.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const stamp = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const j = <T>(v: unknown, empty: T): T => (v === null || v === undefined ? empty : ((typeof v === 'string' ? JSON.parse(v) : v) as T));
const lines = (v: unknown): string[] => String(v ?? '').split(/[\s,，;；]+/).filter(Boolean);
const STATUS_LABEL: Record<DrawStatus, string> = { committed: '已承诺种子', frozen: '已冻结名录', drawn: '已抽取', cancelled: '已作废' };

export interface DrawInput {
  title: string;
  matterId: number;
  targetCount: number;
  perTarget: number;
  maxPerInspector?: number | undefined;
  domain?: string | undefined;
  /** refused: the seed comes from the system */
  seed?: unknown;
  orgCode?: string | undefined;
}

function refuse(path: string, label: string, message: string): never {
  throw new AppError('validation_failed', message, [{ path, label, message: `${label}：${message}` }]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw row of enforcement_draw
function drawOut(r: any): DrawRecord {
  const status = String(r.status) as DrawStatus;
  // the seed stays secret until the draw is made or discarded; a legacy draw's seed was always public
  const revealed = status === 'drawn' || status === 'cancelled';
  return {
    id: Number(r.id),
    orgCode: String(r.org_code),
    title: String(r.title),
    matterId: Number(r.matter_id),
    domain: (r.domain as string | null) ?? null,
    status,
    seed: revealed ? String(r.seed) : null,
    seedHash: (r.seed_hash as string | null) ?? null,
    listHash: (r.list_hash as string | null) ?? null,
    committedAt: stamp(r.committed_at),
    frozenAt: stamp(r.frozen_at),
    drawnAt: stamp(r.drawn_at),
    cancelledAt: stamp(r.cancelled_at),
    cancelReason: (r.cancel_reason as string | null) ?? null,
    legacy: r.legacy === true,
    targetCount: Number(r.target_count),
    perTarget: Number(r.per_target),
    maxPerInspector: Number(r.max_per_inspector),
    drawnOn: iso(r.drawn_on),
    targets: j<DrawTarget[]>(r.targets, []),
    inspectors: j<DrawInspector[]>(r.inspectors, []),
    result: j(r.result, []),
  };
}

async function loadDraw(d: AnyDb, id: number, lock = false) {
  let q = d.selectFrom('enforcement_draw').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('抽查批次');
  return r;
}

/** a draw of the user's organisations, locked for a step; refused unless it is at the expected stage */
async function drawForStep(ctx: Ctx, id: number, expected: readonly DrawStatus[], step: string) {
  const r = await loadDraw(db(ctx), id, true);
  if (!ctx.scope.codes.includes(String(r.org_code))) throw notFound('抽查批次');
  if (!expected.includes(String(r.status) as DrawStatus)) throw new AppError('conflict', `本次抽取${STATUS_LABEL[String(r.status) as DrawStatus] ?? ''}，不能${step}`);
  return r;
}

/** 1. 承诺: records the attempt with a system seed; only the seed's hash is returned and published */
export async function commitDraw(ctx: Ctx, input: DrawInput): Promise<DrawRecord> {
  if (input.seed !== undefined && input.seed !== null && input.seed !== '') refuse('seed', '随机种子', '由系统用密码学随机数生成并事先公开其哈希值，不接受指定');
  const orgCode = resolveOrg(ctx, input.orgCode);
  const matter = await loadRow(ctx, matterLedger, input.matterId).catch(() => refuse('matterId', '检查事项', '不存在或无权查看'));
  const matterOrg = String(matter['org_code']);
  if (!(orgCode === matterOrg || orgCode.startsWith(`${matterOrg}-`))) refuse('matterId', '检查事项', '不属于本单位的执法事项清单');
  if (matter['matter_type'] !== '行政检查') refuse('matterId', '检查事项', `“${String(matter['name'])}”不是行政检查事项`);
  if (matter['matter_status'] !== '有效') refuse('matterId', '检查事项', `“${String(matter['name'])}”${String(matter['matter_status'])}，不能据以抽查`);
  const domain = (matter['domain'] as string | null) ?? null;
  if (!domain) refuse('matterId', '检查事项', `“${String(matter['name'])}”未填写执法领域，无法确定可检查的对象，请先在执法事项清单中补充`);
  if (input.domain && input.domain !== domain) refuse('domain', '监管领域', `须与检查事项的执法领域（${domain}）一致，不能抽取${input.domain}领域的对象`);
  const seed = newSeed();
  const seedHash = sha256Hex(seed);
  const row = await db(ctx)
    .insertInto('enforcement_draw')
    .values({ org_code: orgCode, title: input.title, seed, seed_hash: seedHash, status: 'committed', domain, target_count: input.targetCount, per_target: input.perTarget, max_per_inspector: input.maxPerInspector ?? 0, matter_id: input.matterId, committed_at: ctx.now, created_by: ctx.actor.username })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  // the audit keeps the commitment, never the secret seed
  await audit(ctx, { entity: 'enforcement.draw', entityId: id, action: 'draw_commit', orgCode, diff: { title: input.title, seedHash, domain, targetCount: input.targetCount } });
  return drawOut(await loadDraw(db(ctx), id));
}

/** the department's registry: entities of the matter's domain, in the organisations of the draw's unit, in the pool */
async function candidates(ctx: Ctx, orgCode: string, domain: string, targetIds: readonly number[] | undefined): Promise<DrawTarget[]> {
  const codes = ctx.scope.codes.filter((c) => c === orgCode || c.startsWith(`${orgCode}-`));
  const base = db(ctx).selectFrom('enforcement_target').select(['id', 'name', 'uscc', 'domain', 'org_code', 'in_pool']).where('status', '=', 'active');
  if (targetIds === undefined) {
    return (await base.where('org_code', 'in', codes).where('in_pool', '=', true).where('domain', '=', domain).orderBy('id').execute()).map((r) => ({ id: Number(r.id), name: String(r.name), uscc: String(r.uscc), domain: String(r.domain) }));
  }
  // a list the operator names: every entity in it must be one this department may inspect under the matter
  const ids = [...new Set(targetIds)];
  const rows = ids.length ? await base.where('id', 'in', ids).orderBy('id').execute() : [];
  const missing = ids.filter((i) => !rows.some((r) => Number(r.id) === i));
  if (missing.length) refuse('targetIds', '检查对象名录', `编号${missing.join('、')}的检查对象不存在`);
  const outside = rows.filter((r) => !codes.includes(String(r.org_code)));
  if (outside.length) refuse('targetIds', '检查对象名录', `${outside.map((r) => `“${String(r.name)}”`).join('、')}不在本单位的检查对象名录库中`);
  const wrong = rows.filter((r) => r.domain !== domain);
  if (wrong.length) refuse('targetIds', '检查对象名录', `${wrong.map((r) => `“${String(r.name)}”（${String(r.domain)}）`).join('、')}不属于本检查事项的执法领域（${domain}），不能列入抽取名录`);
  const out = rows.filter((r) => r.in_pool !== true);
  if (out.length) refuse('targetIds', '检查对象名录', `${out.map((r) => `“${String(r.name)}”`).join('、')}未纳入抽查`);
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), uscc: String(r.uscc), domain: String(r.domain) }));
}

/** 2. 冻结名录: the candidate lists are fixed (after the commitment) and their hash published */
export async function freezeDraw(ctx: Ctx, id: number, input: { targetIds?: number[] | undefined }): Promise<DrawRecord> {
  const r = await drawForStep(ctx, id, ['committed'], '冻结名录');
  const orgCode = String(r.org_code);
  const domain = String(r.domain);
  const codes = ctx.scope.codes.filter((c) => c === orgCode || c.startsWith(`${orgCode}-`));
  const targets = await candidates(ctx, orgCode, domain, input.targetIds);
  if (targets.length === 0) refuse('targetIds', '检查对象名录', `本单位名录库中没有纳入抽查的${domain}领域检查对象`);
  if (Number(r.target_count) > targets.length) refuse('targetCount', '抽取对象数', `不能超过名录中${domain}领域的对象数（${targets.length}）`);
  // inspectors without the matter's domain qualification could never be assigned: they are left out of the list
  const inspectors: DrawInspector[] = (await db(ctx).selectFrom('enforcement_inspector').select(['id', 'name', 'cert_no', 'qualifications', 'avoid_uscc']).where('org_code', 'in', codes).where('status', '=', 'active').where('in_pool', '=', true).orderBy('id').execute())
    .map((x) => ({ id: Number(x.id), name: String(x.name), certNo: String(x.cert_no), qualifications: (Array.isArray(x.qualifications) ? x.qualifications : []) as string[], avoid: lines(x.avoid_uscc) }))
    .filter((x) => x.qualifications.includes(domain));
  if (inspectors.length < Number(r.per_target)) refuse('perTarget', '每个对象执法人员数', `具备${domain}执法资格的人员只有${inspectors.length}名`);
  const listHash = sha256Hex(frozenListText(targets, inspectors));
  await db(ctx).updateTable('enforcement_draw').set({ status: 'frozen', targets: JSON.stringify(targets), inspectors: JSON.stringify(inspectors), list_hash: listHash, frozen_at: ctx.now }).where('id', '=', id).execute();
  await audit(ctx, { entity: 'enforcement.draw', entityId: id, action: 'draw_freeze', orgCode, diff: { listHash, targets: targets.length, inspectors: inspectors.length } });
  return drawOut(await loadDraw(db(ctx), id));
}

/**
 * 3. 揭示抽取: reveals the seed and draws from the frozen lists. A draw that cannot staff a drawn target is not
 * refused (that would let the operator retry unseen): it is recorded as discarded, seed and reason public.
 */
export async function revealDraw(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number): Promise<DrawRecord> {
  const r = await drawForStep(ctx, id, ['frozen'], '抽取');
  const d = drawOut({ ...r, status: 'drawn' });
  const orgCode = d.orgCode;
  const seed = String(r.seed);
  const result = runDraw(seed, d.targets, d.inspectors, d.targetCount, d.perTarget, d.maxPerInspector || Number.MAX_SAFE_INTEGER);
  const short = result.find((a) => a.inspectorIds.length < d.perTarget);
  const drawnOn = chinaDate(ctx.now);
  if (short) {
    const reason = `抽中的检查对象“${d.targets.find((t) => t.id === short.targetId)?.name ?? ''}”可派执法人员不足${d.perTarget}名（资格、回避或任务上限），本次抽取作废`;
    await db(ctx).updateTable('enforcement_draw').set({ status: 'cancelled', result: JSON.stringify(result), drawn_at: ctx.now, cancelled_at: ctx.now, cancel_reason: reason }).where('id', '=', id).execute();
    await audit(ctx, { entity: 'enforcement.draw', entityId: id, action: 'draw_cancel', orgCode, diff: { seed, reason } });
    return drawOut(await loadDraw(db(ctx), id));
  }
  await db(ctx).updateTable('enforcement_draw').set({ status: 'drawn', result: JSON.stringify(result), drawn_on: drawnOn, drawn_at: ctx.now }).where('id', '=', id).execute();
  await audit(ctx, { entity: 'enforcement.draw', entityId: id, action: 'draw', orgCode, diff: { seed, result } });
  const byId = new Map(d.inspectors.map((i) => [i.id, i]));
  const caseIds: number[] = [];
  // each task is registered as an inspection case and gets its 案号 from the unit's series (编号规则)
  for (const a of result) {
    const t = d.targets.find((x) => x.id === a.targetId);
    if (!t) continue;
    const rec = await createRecord(
      ctx,
      caseLedger,
      { orgCode, case_type: '行政检查', domain: t.domain, matter: d.matterId, source: '双随机抽查', registered_on: drawnOn, summary: `“双随机”抽查：${d.title}`, handler: a.inspectorIds.map((i) => byId.get(i)?.name ?? '').join('、'), draw_id: id, party_kind: '单位', party_name: t.name, party_uscc: t.uscc },
      platform.ledgers,
      { auditAction: 'draw_task' },
    );
    caseIds.push(rec.id);
  }
  return { ...drawOut(await loadDraw(db(ctx), id)), caseIds };
}

/** 作废: an attempt not yet drawn is discarded with its reason; it stays public with its seed revealed */
export async function cancelDraw(ctx: Ctx, id: number, reason: string): Promise<DrawRecord> {
  const r = await drawForStep(ctx, id, ['committed', 'frozen'], '作废（已抽取的批次按检查任务办理，不能作废）');
  await db(ctx).updateTable('enforcement_draw').set({ status: 'cancelled', cancelled_at: ctx.now, cancel_reason: reason }).where('id', '=', id).execute();
  await audit(ctx, { entity: 'enforcement.draw', entityId: id, action: 'draw_cancel', orgCode: String(r.org_code), diff: { seed: String(r.seed), reason } });
  return drawOut(await loadDraw(db(ctx), id));
}

/** the three steps in one go, each at its own moment (the demo's quarterly draws) */
export async function commitFreezeDraw(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, input: DrawInput, gapMinutes = 10): Promise<DrawRecord> {
  const at = (k: number): Ctx => ({ ...ctx, now: new Date(ctx.now.getTime() + k * gapMinutes * 60_000) });
  const c = await commitDraw(at(0), input);
  await freezeDraw(at(1), c.id, {});
  return revealDraw(at(2), platform, c.id);
}

/** the server's re-computation of the three published facts */
export function drawChecks(d: DrawRecord): DrawChecks {
  const frozen = d.status !== 'committed' && d.targets.length > 0;
  return {
    seedMatchesCommitment: d.seed && d.seedHash ? sha256Hex(d.seed) === d.seedHash : null,
    listMatchesHash: frozen && d.listHash ? sha256Hex(frozenListText(d.targets, d.inspectors)) === d.listHash : null,
    resultReproduced: d.seed && d.result.length ? JSON.stringify(runDraw(d.seed, d.targets, d.inspectors, d.targetCount, d.perTarget, d.maxPerInspector || Number.MAX_SAFE_INTEGER)) === JSON.stringify(d.result) : null,
  };
}

/** a published draw attempt: commitment, frozen lists, seed once revealed, result and each task's outcome */
export async function publicDraw(d: AnyDb, id: number): Promise<PublicDraw> {
  const out = drawOut(await loadDraw(d, id));
  const org = await d.selectFrom('org').select('name').where('code', '=', out.orgCode).executeTakeFirst();
  const matter = await d.selectFrom('enforcement_matter').select('name').where('id', '=', out.matterId).executeTakeFirst();
  const tasks = await d.selectFrom('enforcement_case').select(['party_uscc', 'inspection_result', 'closed_on']).where('draw_id', '=', id).where('status', '=', 'active').orderBy('id').execute();
  const outcomes = tasks.map((r) => ({ uscc: String(r.party_uscc), result: (r.inspection_result as string | null) ?? null, closedOn: r.closed_on ? iso(r.closed_on) : null }));
  const checks = drawChecks(out);
  const verified = out.status === 'drawn' && !out.legacy && checks.seedMatchesCommitment === true && checks.listMatchesHash === true && checks.resultReproduced === true;
  return { ...out, orgName: String(org?.name ?? ''), matterName: String(matter?.name ?? ''), verified, checks, algorithm: DRAW_ALGORITHM, procedure: DRAW_PROCEDURE, outcomes };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows of enforcement_draw
const summaryOf = (r: any) => ({
  id: Number(r.id),
  title: String(r.title),
  status: String(r.status) as DrawStatus,
  legacy: r.legacy === true,
  seedHash: (r.seed_hash as string | null) ?? null,
  committedAt: stamp(r.committed_at),
  drawnOn: iso(r.drawn_on),
  cancelReason: (r.cancel_reason as string | null) ?? null,
  targets: Number(r.pool ?? 0),
});
const SUMMARY_COLUMNS = ['d.id', 'd.org_code', 'd.title', 'd.status', 'd.legacy', 'd.seed_hash', 'd.committed_at', 'd.drawn_on', 'd.cancel_reason', 'd.target_count'] as const;
const pool = sql<number>`coalesce(jsonb_array_length(d.targets), 0)`.as('pool');

/** every attempt, discarded ones included, newest first, for the public site's list */
export async function publicDrawList(d: AnyDb): Promise<PublicDrawSummary[]> {
  const rows = await d.selectFrom('enforcement_draw as d').innerJoin('org as o', 'o.code', 'd.org_code').select([...SUMMARY_COLUMNS, 'o.name as org_name', pool]).orderBy('d.id', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...summaryOf(r), orgName: String(r.org_name), drawn: Number(r.target_count) }));
}

/** the attempts of the user's organisations */
export async function listDraws(ctx: Ctx): Promise<DrawSummary[]> {
  const rows = await db(ctx).selectFrom('enforcement_draw as d').select([...SUMMARY_COLUMNS, pool]).where('d.org_code', 'in', ctx.scope.codes).orderBy('d.id', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...summaryOf(r), orgCode: String(r.org_code), tasks: Number(r.target_count) }));
}
