import type { Ctx } from '../http/context.ts';
import { AppError, refused } from '../http/errors.ts';
import type { LedgerDef } from './ledger.types.ts';

type Row = Record<string, unknown>;

// contexts inside a correction or revocation: the edit they make is the lock's own way through
const unlocked = new WeakSet<Ctx>();

/** runs fn as the correction service's own edit of a locked record */
export async function asCorrection<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  unlocked.add(ctx);
  try {
    return await fn();
  } finally {
    unlocked.delete(ctx);
  }
}

/** whether this context is the correction service's own edit (which may change fields a step or the system owns) */
export const inCorrection = (ctx: Ctx): boolean => unlocked.has(ctx);

/**
 * why a record is read-only, or null when it is not: a final state (已结案, 已答复), a state declared locked
 * (已公布), or the workflow's lockedWhen on the stored values (a decision published through its date field)
 */
export function lockReason(l: LedgerDef, row: Row): string | null {
  const wf = l.workflow;
  if (!wf || row['status'] !== 'active') return null;
  const state = typeof row['state'] === 'string' ? row['state'] : null;
  const def = state === null ? undefined : wf.states[state];
  if (def?.final || def?.locked) return `该${l.noun}已处于“${def.label}”状态`;
  if (wf.correction?.lockedWhen?.(row)) return `该${l.noun}已公开`;
  return null;
}

/** the fields only a correction or revocation writes (the day it changed, the revocation and its reason) */
function correctionFields(l: LedgerDef): string[] {
  const c = l.workflow?.correction;
  return [c?.changedOnField, c?.revoke?.field, c?.revoke?.reasonField].filter((f): f is string => f !== undefined);
}

/** refuses a create or plain edit that writes a field only 更正/撤回 may write, audited; such a field is named */
export function assertNoCorrectionFields(ctx: Ctx, l: LedgerDef, input: Record<string, unknown>, entityId: number | string, orgCode: string | null, before: Row = {}): void {
  if (unlocked.has(ctx)) return;
  const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const touched = correctionFields(l).filter((f) => f in input && text(input[f]) !== text(before[f]));
  if (!touched.length) return;
  const labels = touched.map((f) => l.fields.find((x) => x.name === f)?.label ?? f);
  throw refused(`${labels.join('、')}由办理更正、撤销时自动记录，不能直接填写`, { entity: l.name, entityId, action: 'correction_field_refused', orgCode, diff: { fields: touched } }, touched.map((f, i) => ({ path: f, label: labels[i] ?? f, message: `${labels[i] ?? f}：由办理更正、撤销时自动记录，不能直接填写` })));
}

export const LOCKED_MESSAGE = '已结案/已公开的记录不能直接修改，请办理更正';

/**
 * refuses a plain edit (or withdrawal) of a locked record, audited as a refusal; a transition writing its captured
 * fields and the correction service pass, and so do the fields the workflow leaves editable (a printed letter's 文号)
 */
export async function assertEditable(ctx: Ctx, l: LedgerDef, row: Row, input: Record<string, unknown> | null): Promise<void> {
  if (!l.workflow || unlocked.has(ctx)) return;
  if ((await import('../workflow/workflow.service.ts')).applyingTransition(ctx)) return;
  if (input !== null) assertNoCorrectionFields(ctx, l, input, Number(row['id']), String(row['org_code']), row);
  const reason = lockReason(l, row);
  if (!reason) return;
  const editable = new Set(l.workflow.correction?.editableWhenLocked ?? []);
  const fields = input === null ? [] : l.fields.filter((f) => f.name in input).map((f) => f.name);
  if (input !== null && input['orgCode'] === undefined && fields.every((f) => editable.has(f))) return;
  const refused = fields.filter((f) => !editable.has(f));
  const detail = `${reason}：${input === null ? '已结案/已公开的记录不能直接撤销，请办理撤回' : LOCKED_MESSAGE}`;
  const e = new AppError('conflict', detail, refused.map((f) => {
    const label = l.fields.find((x) => x.name === f)?.label ?? f;
    return { path: f, label, message: `${label}：${LOCKED_MESSAGE}` };
  }));
  e.refusal = { entity: l.name, entityId: Number(row['id']), action: input === null ? 'withdraw_refused' : 'update_refused', orgCode: String(row['org_code']), diff: { reason: detail, state: row['state'] ?? null, fields: refused } };
  throw e;
}

/** a locked record keeps its files: removing one (a 法制审核意见书, a served decision) would change what was decided */
export async function assertFilesKept(ctx: Ctx, l: LedgerDef, row: Row): Promise<void> {
  if (!l.workflow || unlocked.has(ctx)) return;
  const reason = lockReason(l, row);
  if (!reason) return;
  const e = new AppError('conflict', `${reason}：已结案/已公开的记录不能移除附件，请办理更正`);
  e.refusal = { entity: l.name, entityId: Number(row['id']), action: 'attachment_remove_refused', orgCode: String(row['org_code']), diff: { reason: e.detail, state: row['state'] ?? null } };
  throw e;
}
