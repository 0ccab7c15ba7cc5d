import type { VersionEntry } from '../../../common/correction.types.ts';
import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import { diffFields } from '../audit/canonical.ts';
import { can, type Ctx } from '../http/context.ts';
import { AppError, forbidden, notFound, refused, type FieldError } from '../http/errors.ts';
import { intId } from '../http/validate.ts';
import { correctionPermission } from '../workflow/correction.types.ts';
import { chinaDate, stateLabel } from '../workflow/workflow.engine.ts';
import { insertEvents, type AnyDb } from '../workflow/workflow.repository.ts';
import { plainValues, shownValues, workflowOf } from '../workflow/workflow.service.ts';
import { getRecord, loadRow, present, updateRecord, withdrawRecord, type LedgerRecord, type LedgerRegistry, type Row } from './ledger.service.ts';
import { perm, type LedgerDef } from './ledger.types.ts';
import { asCorrection, lockReason } from './record-lock.ts';

const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;

const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少2个字）`)
    .max(1000, '不能超过1000个字');

export const correctBody = z.object({
  reason: reason('更正理由'),
  values: z.record(z.string(), z.unknown(), { error: '请填写要更正的内容' }),
  version: z.coerce.number().int().optional(),
});
export const CORRECT_LABELS = { reason: '更正理由', values: '更正内容', version: '版本号' };
export const revokeBody = z.object({ reason: reason('撤回理由'), version: z.coerce.number().int().optional() });
export const REVOKE_LABELS = { reason: '撤回理由', version: '版本号' };
export const withdrawDraftBody = z.object({ reason: reason('撤回理由') });
export const versionParam = z.object({ id: intId(), n: intId('须为版本序号') });

/** the replaced version, stored as it was (personal data stays encrypted) */
async function keepVersion(ctx: Ctx, l: LedgerDef, row: Row, kind: 'correct' | 'revoke', why: string): Promise<void> {
  await db(ctx)
    .insertInto('record_version')
    .values({
      org_code: String(row['org_code']),
      ledger: l.name,
      record_id: Number(row['id']),
      version: Number(row['version']),
      state: (row['state'] as string | null) ?? null,
      status: String(row['status']),
      values: JSON.stringify(Object.fromEntries(l.fields.map((f) => [f.name, row[f.name] ?? null]))),
      written_by: String(row['updated_by']),
      written_at: row['updated_at'] as Date,
      kind,
      reason: why,
      actor: ctx.actor.username,
      actor_name: ctx.actor.displayName,
      at: ctx.now,
    })
    .execute();
}

function lockedRow(l: LedgerDef, row: Row, what: string): void {
  if (row['status'] === 'withdrawn') throw new AppError('conflict', `该${l.noun}已撤销，不能${what}`);
  if (!lockReason(l, row)) throw new AppError('transition_not_allowed', `该${l.noun}尚未结案或公开，可直接修改或撤销，无需${what}`);
}

function checkVersion(l: LedgerDef, row: Row, version: number | undefined): void {
  if (version !== undefined && version !== Number(row['version'])) throw new AppError('stale_version', `该${l.noun}已被他人修改（当前版本 ${String(row['version'])}），请刷新后重新办理`);
}

/** the timeline entry and the audit entry of a correction or revocation, with the field diff */
async function record(ctx: Ctx, l: LedgerDef, before: Row, after: Row, kind: 'correct' | 'revoke', why: string): Promise<void> {
  const wf = workflowOf(l);
  const orgCode = String(after['org_code']);
  const from = (before['state'] as string | null) ?? null;
  const to = (after['state'] as string | null) ?? null;
  const label = kind === 'correct' ? '更正' : '撤回';
  const version = { from: Number(before['version']), to: Number(after['version']) };
  await insertEvents(db(ctx), [{ orgCode, ledger: l.name, recordId: Number(after['id']), transition: kind, label, fromState: from, toState: to, onDate: chinaDate(ctx.now), at: ctx.now, actor: ctx.actor.username, actorName: ctx.actor.displayName, data: { note: why, version } }]);
  const fields = diffFields(shownValues(l, plainValues(ctx, l, before)), shownValues(l, plainValues(ctx, l, after)));
  await audit(ctx, {
    entity: l.name,
    entityId: Number(after['id']),
    action: kind,
    orgCode,
    diff: { reason: why, version, state: { from: stateLabel(wf, from), to: stateLabel(wf, to) }, ...(before['status'] !== after['status'] ? { status: { from: before['status'], to: after['status'] } } : {}), fields },
  });
}

const rowOf = async (ctx: Ctx, l: LedgerDef, id: number): Promise<Row> => (await db(ctx).selectFrom(l.table).selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Row;

/** the opening checks of 更正 and 撤回: the permission, a locked record, the version the user saw */
async function openLocked(ctx: Ctx, l: LedgerDef, id: number, version: number | undefined, verb: '更正' | '撤回') {
  const wf = workflowOf(l);
  if (!can(ctx, correctionPermission(l))) throw forbidden(`您的角色无权${verb}${l.label}`);
  const row = await loadRow(ctx, l, id);
  lockedRow(l, row, verb);
  checkVersion(l, row, version);
  return { wf, row };
}

/**
 * 更正: a locked record gets new values through the same validation as an edit; the replaced version is kept, the
 * record's version goes up, and the fields the workflow names are emptied so the record returns to the review the
 * first version needed (returnTo, or the state its values now imply); everything in ctx.tx
 */
export async function correctRecord(ctx: Ctx, l: LedgerDef, id: number, body: z.infer<typeof correctBody>, registry: LedgerRegistry): Promise<LedgerRecord> {
  const { wf, row } = await openLocked(ctx, l, id, body.version, '更正');
  const errors: FieldError[] = [];
  const keys = Object.keys(body.values);
  if (!keys.length) errors.push({ path: 'values', label: CORRECT_LABELS.values, message: `${CORRECT_LABELS.values}：请填写要更正的字段` });
  for (const k of keys) if (!l.fields.some((f) => f.name === k)) errors.push({ path: `values.${k}`.slice(0, 80), label: k.slice(0, 40), message: `${k.slice(0, 40)}：${l.label}没有这个字段` });
  if (errors.length) throw new AppError('validation_failed', `以下字段有误：${errors.map((e) => e.label).join('、')}`, errors);
  const c = wf.correction ?? {};
  const before = plainValues(ctx, l, row);
  const today = chinaDate(ctx.now);
  const cleared = Object.fromEntries((c.clear?.(before) ?? []).map((f) => [f, null]));
  const input = { ...body.values, ...cleared, ...(c.changedOnField ? { [c.changedOnField]: today } : {}), version: Number(row['version']) };
  await keepVersion(ctx, l, row, 'correct', body.reason);
  await asCorrection(ctx, () => updateRecord(ctx, l, id, input, registry));
  let after = await rowOf(ctx, l, id);
  if (Number(after['version']) === Number(row['version'])) throw new AppError('validation_failed', '更正内容与当前记录相同，没有需要更正的内容', [{ path: 'values', label: CORRECT_LABELS.values, message: `${CORRECT_LABELS.values}：与当前记录相同` }]);
  const target = c.returnTo?.(before) ?? null;
  if (target !== null && wf.states[target] && target !== after['state']) {
    await db(ctx).updateTable(l.table).set({ state: target }).where('id', '=', id).execute();
    after = await rowOf(ctx, l, id);
  }
  await record(ctx, l, row, after, 'correct', body.reason);
  return getRecord(ctx, l, id, registry);
}

/**
 * 撤回/撤销 of a locked record (a decision revoked, a published item taken back): the replaced version is kept; the
 * workflow's revoke fields are set and the record goes to its revoked state, or, undeclared, the record is withdrawn
 */
export async function revokeRecord(ctx: Ctx, l: LedgerDef, id: number, body: z.infer<typeof revokeBody>, registry: LedgerRegistry): Promise<LedgerRecord> {
  const { wf, row } = await openLocked(ctx, l, id, body.version, '撤回');
  const c = wf.correction ?? {};
  const today = chinaDate(ctx.now);
  await keepVersion(ctx, l, row, 'revoke', body.reason);
  if (c.revoke) {
    const input = { [c.revoke.field]: today, ...(c.revoke.reasonField ? { [c.revoke.reasonField]: body.reason } : {}), ...(c.changedOnField ? { [c.changedOnField]: today } : {}), version: Number(row['version']) };
    await asCorrection(ctx, () => updateRecord(ctx, l, id, input, registry));
    await db(ctx).updateTable(l.table).set({ state: c.revoke.to }).where('id', '=', id).execute();
  } else {
    await asCorrection(ctx, () => withdrawRecord(ctx, l, id, body.reason, registry));
  }
  await record(ctx, l, row, await rowOf(ctx, l, id), 'revoke', body.reason);
  return getRecord(ctx, l, id, registry);
}

/**
 * the author's own draft: the user who registered a record may withdraw it while it is still in the workflow's
 * initial state with no step done; anyone else needs the ledger's withdraw permission (the ordinary withdrawal)
 */
export async function withdrawDraft(ctx: Ctx, l: LedgerDef, id: number, why: string, registry: LedgerRegistry): Promise<LedgerRecord> {
  const wf = workflowOf(l);
  const row = await loadRow(ctx, l, id);
  if (row['status'] === 'withdrawn') throw new AppError('conflict', `该${l.noun}已撤销`);
  const orgCode = String(row['org_code']);
  if (row['created_by'] !== ctx.actor.username) {
    throw refused(`只有登记人本人可以撤回未提交的${l.noun}；撤销他人登记的${l.noun}须由有撤销权限的人员办理`, { entity: l.name, entityId: id, action: 'withdraw_draft_refused', orgCode, diff: { reason: '非登记人', createdBy: row['created_by'] } });
  }
  const state = (row['state'] as string | null) ?? null;
  const steps = await db(ctx).selectFrom('workflow_event').select('label').where('ledger', '=', l.name).where('record_id', '=', id).where('transition', 'not in', ['create', 'adopt', 'edit']).execute();
  if ((state !== null && state !== wf.initial) || steps.length) {
    throw new AppError('transition_not_allowed', `该${l.noun}已进入办理流程（当前为“${stateLabel(wf, state)}”${steps.length ? `，已办理“${String(steps[0]?.label)}”` : ''}），登记人不能再自行撤回；须由有撤销权限的人员办理撤销`);
  }
  return asCorrection(ctx, () => withdrawRecord(ctx, l, id, why, registry));
}


const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

async function storedVersions(ctx: Ctx, l: LedgerDef, id: number): Promise<Row[]> {
  return (await db(ctx).selectFrom('record_version').selectAll().where('ledger', '=', l.name).where('record_id', '=', id).orderBy('id').execute()) as Row[];
}

/** whether the record is locked, what the user may do about it, and its versions */
export async function correctionState(ctx: Ctx, l: LedgerDef, id: number) {
  const wf = workflowOf(l);
  const row = await loadRow(ctx, l, id);
  const stored = await storedVersions(ctx, l, id);
  const steps = await db(ctx).selectFrom('workflow_event').select('id').where('ledger', '=', l.name).where('record_id', '=', id).where('transition', 'not in', ['create', 'adopt', 'edit']).limit(1).execute();
  const state = (row['state'] as string | null) ?? null;
  const versions: VersionEntry[] = [
    ...stored.map((v, i) => ({
      n: i + 1,
      version: Number(v['version']),
      current: false,
      state: (v['state'] as string | null) ?? null,
      stateLabel: stateLabel(wf, (v['state'] as string | null) ?? null),
      status: String(v['status']),
      writtenBy: String(v['written_by']),
      writtenAt: iso(v['written_at']),
      replacedBy: { kind: v['kind'] as 'correct' | 'revoke', reason: String(v['reason']), actorName: String(v['actor_name']), at: iso(v['at']) },
    })),
    { n: stored.length + 1, version: Number(row['version']), current: true, state, stateLabel: stateLabel(wf, state), status: String(row['status']), writtenBy: String(row['updated_by']), writtenAt: iso(row['updated_at']), replacedBy: null },
  ];
  const lock = lockReason(l, row);
  const corrected = stored.filter((v) => v['kind'] === 'correct').at(-1);
  return {
    locked: lock !== null,
    lockReason: lock,
    canCorrect: lock !== null && can(ctx, correctionPermission(l)),
    revokeLabel: wf.correction?.revoke?.label ?? '撤回',
    canWithdrawDraft: row['status'] === 'active' && row['created_by'] === ctx.actor.username && (state === null || state === wf.initial) && !steps.length && !can(ctx, perm(l, 'withdraw')),
    correctedAt: corrected ? iso(corrected['at']) : null,
    versions,
  };
}

/** one version, read-only: the current record, or a replaced one as it was stored (personal data masked by role) */
export async function getVersion(ctx: Ctx, l: LedgerDef, id: number, n: number, registry: LedgerRegistry): Promise<LedgerRecord & { n: number; current: boolean }> {
  const row = await loadRow(ctx, l, id);
  const stored = await storedVersions(ctx, l, id);
  if (n === stored.length + 1) return { ...(await getRecord(ctx, l, id, registry)), n, current: true };
  const v = stored[n - 1];
  if (!v) throw notFound(`第${n}版`);
  const values = (typeof v['values'] === 'string' ? JSON.parse(v['values']) : v['values']) as Row;
  const org = await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', '=', String(row['org_code'])).executeTakeFirst();
  const shown = present(ctx, l, { ...values, id, org_code: v['org_code'], status: v['status'], state: v['state'], withdrawn_reason: null, created_at: row['created_at'], created_by: row['created_by'], updated_at: v['written_at'], updated_by: v['written_by'], version: v['version'] }, new Map(org ? [[org.code, org.name]] : []));
  return { ...shown, n, current: false };
}

/** the day each record was last corrected (for the public pages: “于…更正”), by record id */
export async function correctedOn(dbx: unknown, ledger: string, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await (dbx as AnyDb)
    .selectFrom('record_version')
    .select(['record_id', (eb) => eb.fn.max('at').as('at')])
    .where('ledger', '=', ledger)
    .where('kind', '=', 'correct')
    .where('record_id', 'in', [...ids])
    .groupBy('record_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.record_id), chinaDate(new Date(r.at as string | Date))]));
}
