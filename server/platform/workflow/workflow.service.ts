import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadFieldOptions } from '../ledger/field-options.ts';
import { z } from 'zod';
import type { ClockChange, TimelineBase, TimelineClock } from '../../../common/workflow.types.ts';
import { audit, auditMany } from '../audit/audit.service.ts';
import { CalendarError, unitLabel, type CalendarData, type IsoDate } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import { mask } from '../crypto/mask.ts';
import { can, systemActor, type Ctx } from '../http/context.ts';
import { AppError, forbidden, notFound, type FieldError } from '../http/errors.ts';
import { transitionNumbers } from '../ledger/ledger.numbering.ts';
import { loadRow, titleOf, updateRecord, type Row } from '../ledger/ledger.service.ts';
import type { FieldDef, LedgerDef } from '../ledger/ledger.types.ts';
import { validateRecord } from '../ledger/ledger.validate.ts';
import { countedHow, isCountedField } from '../ledger/counted-fields.ts';
import { stepPeerCounts } from '../ledger/peer-counts.ts';
import type { Platform } from '../module.ts';
import { getSetting } from '../settings.ts';
import { ClockError, computeClock } from './clock.ts';
import { notifyTransition } from './handoff.service.ts';
import { lookupMisses } from './lookup-gates.ts';
import {
  chinaDate,
  chineseDay,
  clockEffects,
  stepInstant,
  clockEvents,
  effectiveRule,
  findTransition,
  gateMisses,
  phaseOf,
  dateValue,
  readTimingGate,
  stateLabel,
  withEffect,
  type GateMiss,
  type StoredClockEvent,
  type TimingReading,
} from './workflow.engine.ts';
import {
  attachmentKinds,
  clocksOf,
  doneTransitions,
  findAttachment,
  insertClocks,
  insertEvents,
  lastEventDate,
  listEvents,
  moveClocks,
  openClocks,
  transitionDates,
  unansweredChildren,
  updateClock,
  type AnyDb,
  type ClockReading,
  type ClockRow,
  type EventRow,
  type NewEvent,
} from './workflow.repository.ts';
import { extensionPermission, transitionPermission, type ClockDef, type TransitionDef, type WorkflowDef } from './workflow.types.ts';
import { intId, isoDate } from '../http/validate.ts';
import { assertExtendable, latestMisses } from './deadline-gates.ts';
import { captureOverlay, conclusionMisses, conclusionToLabel, conclusionState, guardTransitionBody, prepareDerived } from './owned-fields.ts';
import { stepDate } from './step-date.ts';

/** reminders flag a clock due soon when at most this many working days are left (setting, default 3) */
export const DUE_SOON_SETTING = 'reminders.dueSoonDays';

/** what computing clocks needs besides the events: the calendar, the day, and the configured numbers */
export interface ClockEnv {
  cal: CalendarData;
  today: IsoDate;
  /** the moment hours clocks are read at */
  now: Date;
  dueSoonDays: number;
  /** setting key → configured value, for clocks with daysSetting or restartSetting */
  days: ReadonlyMap<string, unknown>;
}

/** a clock whose due date changed: what lists, audit entries and load reports show */
export type { ClockChange };

const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;

// contexts inside applyTransition: the captured-field edit must not run the edit hook a second time
const applying = new WeakSet<Ctx>();
/** whether the edit running on ctx is a transition writing the fields it captures (a lock does not hold it back) */
export const applyingTransition = (ctx: Ctx): boolean => applying.has(ctx);

export function workflowOf(l: LedgerDef): WorkflowDef {
  if (!l.workflow) throw notFound(`${l.label}的办理流程`);
  return l.workflow;
}

/** a context for work nobody in particular asked for (the daily scan, the CLI) */
export function systemCtx(platform: Pick<Platform, 'cipher'>, tx: Ctx['tx'], now = new Date(), actor = systemActor): Ctx {
  return { actor, ip: 'system', scope: { root: '', codes: [] }, tx, cipher: platform.cipher, now };
}

export async function clockEnv(ctx: Pick<Ctx, 'tx' | 'now'>, ledgers: readonly LedgerDef[], today = chinaDate(ctx.now)): Promise<ClockEnv> {
  const days = new Map<string, unknown>();
  for (const l of ledgers) {
    for (const c of l.workflow?.clocks ?? []) {
      for (const key of [c.daysSetting, c.restartSetting]) if (key && !days.has(key)) days.set(key, await getSetting(ctx.tx, key));
    }
  }
  const soon = Number(await getSetting(ctx.tx, DUE_SOON_SETTING));
  return { cal: await loadCalendar(ctx.tx), today, now: ctx.now, dueSoonDays: Number.isSafeInteger(soon) && soon >= 0 ? soon : 3, days };
}

/**
 * reads a clock on env.today. A clock that cannot be computed (a calendar year is missing, the events contradict
 * each other) reads as 'error' with the reason; strict rethrows clock errors so a transition is refused instead
 */
export function readClock(l: LedgerDef, c: ClockDef, stored: readonly StoredClockEvent[], values: Readonly<Record<string, unknown>>, env: ClockEnv, strict = false): ClockReading {
  const rule = effectiveRule(c, c.daysField && values[c.daysField] ? values[c.daysField] : c.daysSetting ? env.days.get(c.daysSetting) : undefined);
  const u = unitLabel(rule.unit);
  const head = `${rule.label}：期限${rule.days}${u}${rule.extension ? `，经批准可延长${rule.extension.days}${u}` : ''}`;
  const base = { due: null, dueAt: null, unit: rule.unit, totalDays: rule.days, daysLeft: null, extended: false, dueSoon: false, overdue: false };
  const events = clockEvents(l, c, stored, values);
  if (!events) {
    const field = c.start.field && !values[c.start.field] ? l.fields.find((f) => f.name === c.start.field)?.label : undefined;
    const on = (c.start.transitions ?? []).map((n) => `“${l.workflow?.transitions.find((t) => t.name === n)?.label ?? n}”`).join('或');
    const waiting = field ? `尚未起算：“${field}”未填写` : on ? `尚未起算：待${on}` : '尚未起算';
    return { ...base, status: 'pending', explanation: [head, waiting], error: null };
  }
  const read = (r: typeof rule, note: string[] = []): ClockReading => {
    const s = computeClock(r, events, env.cal, { today: env.today, now: env.now, dueSoonDays: env.dueSoonDays, deferredTo: c.deferField ? dateValue(values[c.deferField]) : null });
    return { status: s.status, due: s.due, dueAt: s.dueAt, unit: s.unit, totalDays: s.totalDays, daysLeft: s.daysLeft, extended: s.extended, dueSoon: s.dueSoon, overdue: s.overdue, explanation: [...s.explanation, ...note], error: null };
  };
  try {
    return read(rule);
  } catch (e) {
    // a calendar-day limit ending in a year not yet loaded: the last day is certain, only a move past a holiday is
    // not; the unmoved day is never later than the true one, and loading the year recomputes it
    if (e instanceof CalendarError && rule.unit === 'calendar' && rule.rollToWorkingDay !== false) {
      try {
        return read({ ...rule, rollToWorkingDay: false }, [`（${e.year}年工作日历尚未导入：届满日如遇法定节假日应顺延，导入后自动重新计算）`]);
      } catch {
        // fall through to the error below
      }
    }
    if (strict && e instanceof ClockError) throw e;
    if (e instanceof CalendarError || e instanceof ClockError) {
      const message = e instanceof CalendarError ? e.detail : e.message;
      return { ...base, status: 'error', explanation: [head, `无法计算：${message}`], error: message };
    }
    throw e;
  }
}

const sameReading = (a: ClockReading, b: ClockReading): boolean =>
  a.status === b.status && a.due === b.due && a.dueAt === b.dueAt && a.daysLeft === b.daysLeft && a.totalDays === b.totalDays && a.extended === b.extended && a.dueSoon === b.dueSoon && a.overdue === b.overdue && a.error === b.error && JSON.stringify(a.explanation) === JSON.stringify(b.explanation);

async function recordRow(ctx: Ctx, l: LedgerDef, id: number): Promise<Row> {
  const row = (await db(ctx).selectFrom(l.table).selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound(l.noun);
  return row;
}

/** field values with personal data decrypted, for gates and derived states */
export function plainValues(ctx: Ctx, l: LedgerDef, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of l.fields) {
    const v = row[f.name];
    if (f.personal && v !== null && v !== undefined) {
      try {
        out[f.name] = ctx.cipher.decrypt(String(v));
      } catch {
        out[f.name] = null;
      }
    } else out[f.name] = v;
  }
  return out;
}

/** values as the timeline and the audit log keep them: personal data masked */
export function shownValues(l: LedgerDef, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => {
    const f = l.fields.find((x) => x.name === k);
    return [k, f?.personal && typeof v === 'string' ? mask(v, f.personal) : v];
  }));
}

function deriveState(wf: WorkflowDef, values: Readonly<Record<string, unknown>>): string | null {
  const s = wf.deriveState?.(values) ?? null;
  return s !== null && wf.states[s] ? s : null;
}

/**
 * brings a record's clocks up to date: `changed` holds new stored events by clock id (from a transition or an
 * extension); clocks without a row start when they begin on creation (onCreate events passed in) or on a field
 */
async function syncClocks(ctx: Ctx, l: LedgerDef, row: Row, env: ClockEnv, changed: ReadonlyMap<string, StoredClockEvent[]>, strict: boolean): Promise<ClockChange[]> {
  const wf = workflowOf(l);
  const id = Number(row['id']);
  const orgCode = String(row['org_code']);
  const existing = new Map((await clocksOf(db(ctx), l.name, [id])).map((c) => [c.clockId, c]));
  const changes: ClockChange[] = [];
  const inserts: Array<Omit<ClockRow, 'id'>> = [];
  for (const c of wf.clocks ?? []) {
    const before = existing.get(c.id);
    const stored = changed.get(c.id) ?? before?.events ?? (c.start.field ? [] : null);
    if (!stored) continue;
    const reading = readClock(l, c, stored, row, env, strict);
    const next: Omit<ClockRow, 'id'> = { ...reading, orgCode, ledger: l.name, recordId: id, clockId: c.id, label: c.rule.label, events: stored, computedOn: env.today };
    if (!before) inserts.push(next);
    else if (!sameReading(before, reading) || changed.has(c.id) || before.orgCode !== orgCode) await updateClock(db(ctx), before.id, next, ctx.now);
    if ((before?.due ?? null) !== reading.due || !before) changes.push({ ledger: l.name, recordId: id, orgCode, clockId: c.id, label: c.rule.label, from: before?.due ?? null, to: reading.due });
  }
  await insertClocks(db(ctx), inserts, ctx.now);
  return changes;
}

const clockDiff = (changes: readonly ClockChange[]): Record<string, { label: string; due: { from: IsoDate | null; to: IsoDate | null } }> =>
  Object.fromEntries(changes.map((c) => [c.clockId, { label: c.label, due: { from: c.from, to: c.to } }]));

// ---- records arriving: created through the API, imported, seeded ----

/** a new record enters the workflow's initial (or derived) state; clocks that start on creation start today */
export async function onRecordCreated(ctx: Ctx, l: LedgerDef, id: number): Promise<void> {
  const wf = workflowOf(l);
  const row = await recordRow(ctx, l, id);
  const state = deriveState(wf, plainValues(ctx, l, row)) ?? wf.initial;
  await db(ctx).updateTable(l.table).set({ state }).where('id', '=', id).execute();
  row['state'] = state;
  const today = chinaDate(ctx.now);
  const orgCode = String(row['org_code']);
  await insertEvents(db(ctx), [{ orgCode, ledger: l.name, recordId: id, transition: 'create', label: '登记', fromState: null, toState: state, onDate: today, at: ctx.now, actor: ctx.actor.username, actorName: ctx.actor.displayName, data: {} }]);
  const started = new Map<string, StoredClockEvent[]>();
  for (const c of wf.clocks ?? []) if (c.start.onCreate) started.set(c.id, [{ kind: 'start', date: today, reason: '登记', by: ctx.actor.username }]);
  // the state and the clocks follow from the values the creation's own audit entry holds: no entry of their own
  await syncClocks(ctx, l, row, await clockEnv(ctx, [l]), started, false);
}

/** an edit may imply another state (a field the state follows) and move clocks that start or stop on a field */
export async function onRecordUpdated(ctx: Ctx, l: LedgerDef, id: number): Promise<void> {
  if (applying.has(ctx)) return;
  const wf = workflowOf(l);
  const row = await recordRow(ctx, l, id);
  if (row['state'] === null || row['state'] === undefined) {
    await adoptRecords(ctx, l, { ids: [id] });
    return;
  }
  const orgCode = String(row['org_code']);
  await moveClocks(db(ctx), l.name, id, orgCode);
  const from = String(row['state']);
  const to = deriveState(wf, plainValues(ctx, l, row));
  if (to !== null && to !== from) {
    await db(ctx).updateTable(l.table).set({ state: to }).where('id', '=', id).execute();
    row['state'] = to;
    await insertEvents(db(ctx), [{ orgCode, ledger: l.name, recordId: id, transition: 'edit', label: '修改记录', fromState: from, toState: to, onDate: chinaDate(ctx.now), at: ctx.now, actor: ctx.actor.username, actorName: ctx.actor.displayName, data: {} }]);
  }
  const changes = (await syncClocks(ctx, l, row, await clockEnv(ctx, [l]), new Map(), false)).filter((c) => c.from !== c.to);
  if ((to !== null && to !== from) || changes.length) {
    await audit(ctx, { entity: l.name, entityId: id, action: 'workflow_sync', orgCode, diff: { ...(to !== null && to !== from ? { state: { from, to } } : {}), clocks: clockDiff(changes) } });
  }
}

/**
 * records that have no state yet (imported, or seeded as demo data through insertMany) enter the workflow as if
 * registered on the day they were created: state from their values (or the initial one), clocks started
 */
export async function adoptRecords(ctx: Ctx, l: LedgerDef, opts: { ids?: readonly number[]; env?: ClockEnv } = {}): Promise<number> {
  const wf = workflowOf(l);
  const env = opts.env ?? (await clockEnv(ctx, [l]));
  let adopted = 0;
  const states: Record<string, number> = {};
  for (let lastId = 0; ; ) {
    let q = db(ctx).selectFrom(l.table).selectAll().where('state', 'is', null).where('id', '>', lastId).orderBy('id').limit(500);
    if (opts.ids) q = q.where('id', 'in', opts.ids.length ? [...opts.ids] : [0]);
    const rows = (await q.execute()) as Row[];
    if (!rows.length) break;
    lastId = Number(rows.at(-1)?.['id']);
    const byState = new Map<string, Row[]>();
    for (const r of rows) {
      const s = deriveState(wf, plainValues(ctx, l, r)) ?? wf.initial;
      byState.set(s, [...(byState.get(s) ?? []), r]);
    }
    const events: NewEvent[] = [];
    const clocks: Array<Omit<ClockRow, 'id'>> = [];
    for (const [state, group] of byState) {
      // another scan may have adopted some of them meanwhile: only those this update claims go on
      const claimed = new Set(((await db(ctx).updateTable(l.table).set({ state }).where('id', 'in', group.map((r) => Number(r['id']))).where('state', 'is', null).returning('id').execute()) as Row[]).map((r) => Number(r['id'])));
      for (const r of group) {
        const id = Number(r['id']);
        if (!claimed.has(id)) continue;
        r['state'] = state;
        states[state] = (states[state] ?? 0) + 1;
        adopted++;
        const created = chinaDate(new Date(r['created_at'] as string | Date));
        const orgCode = String(r['org_code']);
        events.push({ orgCode, ledger: l.name, recordId: id, transition: 'adopt', label: '导入登记', fromState: null, toState: state, onDate: created, at: ctx.now, actor: String(r['created_by']), actorName: String(r['created_by']), data: {} });
        for (const c of wf.clocks ?? []) {
          const stored: StoredClockEvent[] | null = c.start.onCreate ? [{ kind: 'start', date: created, reason: '登记' }] : c.start.field ? [] : null;
          if (!stored) continue;
          clocks.push({ ...readClock(l, c, stored, r, env), orgCode, ledger: l.name, recordId: id, clockId: c.id, label: c.rule.label, events: stored, computedOn: env.today });
        }
      }
    }
    await insertEvents(db(ctx), events);
    await insertClocks(db(ctx), clocks, ctx.now);
  }
  if (adopted) await audit(ctx, { entity: l.name, entityId: 'workflow', action: 'workflow_adopt', orgCode: null, diff: { records: adopted, states } });
  return adopted;
}

/**
 * for a module that seeds or imports records through insertMany and wants their clocks at once rather than at the
 * next daily scan: the same as adoptRecords for those ids
 */
export async function startClocksForImported(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, ledger: string, ids: readonly number[]): Promise<number> {
  const l = platform.ledgers.get(ledger);
  if (!l?.workflow) return 0;
  return adoptRecords(ctx, l, { ids });
}

/**
 * recomputes every clock that can still move (running, paused, waiting, not computable), in every workflow ledger,
 * after the calendar or a configured period changed or simply because a day passed; each moved due date is
 * written to the audit log with the reason
 */
export async function recomputeOpenClocks(ctx: Ctx, ledgers: readonly LedgerDef[], opts: { reason: string; env?: ClockEnv }): Promise<{ recomputed: number; moved: ClockChange[] }> {
  const withWorkflow = ledgers.filter((l) => l.workflow?.clocks?.length);
  const env = opts.env ?? (await clockEnv(ctx, withWorkflow));
  const moved: ClockChange[] = [];
  let recomputed = 0;
  for (const l of withWorkflow) {
    const defs = new Map((l.workflow?.clocks ?? []).map((c) => [c.id, c]));
    for (let lastId = 0; ; ) {
      const batch = await openClocks(db(ctx), l.name, lastId, 1000);
      if (!batch.length) break;
      lastId = batch.at(-1)?.id ?? lastId;
      const ids = [...new Set(batch.map((c) => c.recordId))];
      const rows = new Map(((await db(ctx).selectFrom(l.table).selectAll().where('id', 'in', ids).execute()) as Row[]).map((r) => [Number(r['id']), r]));
      const entries = [];
      for (const clock of batch) {
        const def = defs.get(clock.clockId);
        const row = rows.get(clock.recordId);
        if (!def || !row || row['status'] !== 'active') continue;
        recomputed++;
        const reading = readClock(l, def, clock.events, row, env);
        const orgCode = String(row['org_code']);
        if (sameReading(clock, reading) && clock.orgCode === orgCode) continue;
        await updateClock(db(ctx), clock.id, { ...clock, ...reading, orgCode, computedOn: env.today }, ctx.now);
        if (clock.due === reading.due) continue;
        const change = { ledger: l.name, recordId: clock.recordId, orgCode, clockId: clock.clockId, label: clock.label, from: clock.due, to: reading.due };
        moved.push(change);
        entries.push({ entity: l.name, entityId: clock.recordId, action: 'clock_recomputed', orgCode, diff: { clock: clock.clockId, label: clock.label, due: { from: clock.due, to: reading.due }, reason: opts.reason, ...(reading.error ? { error: reading.error } : {}) } });
      }
      await auditMany(ctx, entries);
    }
  }
  return { recomputed, moved };
}

// ---- transitions and extensions ----

export const transitionBody = z
  .object({
    date: isoDate().optional(),
    note: z.string().trim().max(2000, '不能超过2000个字').optional(),
    version: z.coerce.number().int().optional(),
    noticeAttachmentId: intId('须为附件编号').optional(),
  })
  .catchall(z.unknown());
export type TransitionBody = z.infer<typeof transitionBody>;
export const TRANSITION_LABELS = { date: '办理日期', note: '意见或理由', version: '版本号', noticeAttachmentId: '通知书附件' };

export const extendBody = z.object({
  reason: z.string().trim().min(2, '请填写延长理由（至少2个字）').max(1000, '不能超过1000个字'),
  noticeAttachmentId: z.coerce.number({ error: '请先上传延期通知书，再选择它' }).int().positive('须为附件编号'),
  date: isoDate().optional(),
});
export type ExtendBody = z.infer<typeof extendBody>;
export const EXTEND_LABELS = { reason: '延长理由', noticeAttachmentId: '延期通知书', date: '批准日期' };

const RESERVED_BODY = new Set(['date', 'note', 'version', 'noticeAttachmentId']);

/** the day an action takes effect: today unless given, never in the future, never before the record's last step */
async function effectiveDate(ctx: Ctx, l: LedgerDef, id: number, given: string | undefined, label: string): Promise<IsoDate> {
  const today = chinaDate(ctx.now);
  const date = given ?? today;
  const errors: FieldError[] = [];
  if (date > today) errors.push({ path: 'date', label, message: `${label}：不能晚于今天（${today}）` });
  const last = await lastEventDate(db(ctx), l.name, id);
  if (last && date < last) errors.push({ path: 'date', label, message: `${label}：不能早于上一办理步骤的日期（${last}）` });
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('；'), errors);
  return date;
}

async function noticeFor(ctx: Ctx, l: LedgerDef, id: number, c: ClockDef, attachmentId: number | undefined): Promise<{ id: number; name: string; hash: string }> {
  const kind = c.extension?.noticeKind;
  const what = kind ? `“${kind}”` : '延期通知书';
  if (attachmentId === undefined) throw new AppError('validation_failed', `延长${c.rule.label}须附${what}`, [{ path: 'noticeAttachmentId', label: '通知书附件', message: `通知书附件：请先上传${what}，再选择它` }]);
  const found = await findAttachment(db(ctx), l.name, id, attachmentId);
  const wrongKind = found && kind && found.kind !== kind;
  if (!found || wrongKind) {
    const message = !found ? `通知书附件：第${attachmentId}号附件不属于该${l.noun}或已移除` : `通知书附件：所选附件的类型是“${found.kind}”，应为“${kind}”`;
    throw new AppError('validation_failed', message, [{ path: 'noticeAttachmentId', label: '通知书附件', message }]);
  }
  return { id: found.id, name: found.name, hash: found.hash };
}

function fieldMeta(f: FieldDef) {
  return { name: f.name, label: f.label, type: f.type, required: !!f.required, ...(f.options ? { options: [...f.options] } : {}), ...(f.hint ? { hint: f.hint } : {}) };
}

/**
 * performs a transition on a record: permission (deny by default), state, gates, captured fields (validated as an
 * edit), the new state with a version bump, the timeline event, the clocks and the audit entry, all in ctx.tx
 */
export async function applyTransition(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, l: LedgerDef, id: number, name: string, body: TransitionBody, opts: { dedicated?: boolean } = {}): Promise<Timeline> {
  const wf = workflowOf(l);
  const t = findTransition(wf, name);
  if (!t) throw notFound(`办理事项“${name}”`);
  if (!can(ctx, transitionPermission(l, t))) throw forbidden(`您的角色无权办理“${t.label}”`);
  if (t.dedicated && !opts.dedicated) throw new AppError('transition_not_allowed', `“${t.label}”不能在通用办理中办理：${t.dedicated.hint}`);
  let row = await loadRow(ctx, l, id);
  if (row['status'] === 'withdrawn') throw new AppError('conflict', `该${l.noun}已撤销，不能办理“${t.label}”`);
  if (row['state'] === null || row['state'] === undefined) {
    await adoptRecords(ctx, l, { ids: [id] });
    row = await loadRow(ctx, l, id);
  }
  const from = String(row['state']);
  if (!t.from.includes(from)) {
    const where = t.from.map((s) => `“${stateLabel(wf, s)}”`).join('、');
    throw new AppError('transition_not_allowed', `该${l.noun}当前为“${stateLabel(wf, from)}”，不能办理“${t.label}”（须在${where}状态下办理）`);
  }
  let to = t.to ?? from;
  const version = Number(row['version']);
  if (body.version !== undefined && body.version !== version) throw new AppError('stale_version', `该${l.noun}已被他人修改（当前版本 ${version}），请刷新后重新办理`);

  // the body: reserved keys, then the fields this transition captures and nothing else
  guardTransitionBody(l, t, id, String(row['org_code']), body);
  const picked: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const fromOrg = String(row['org_code']);
  let toOrg: string | null = null;
  if (t.moves) {
    const requested = body['orgCode'];
    const label = t.moves.label;
    if (typeof requested !== 'string' || !requested) errors.push({ path: 'orgCode', label, message: `${label}：办理“${t.label}”须选择` });
    else if (requested === fromOrg) errors.push({ path: 'orgCode', label, message: `${label}：须为另一单位，不能是当前承办单位` });
    else if (!ctx.scope.codes.includes(requested)) errors.push({ path: 'orgCode', label, message: `${label}：不在管辖范围内` });
    else toOrg = requested;
  }
  for (const [k, v] of Object.entries(body)) {
    if (RESERVED_BODY.has(k) || (t.moves && k === 'orgCode')) continue;
    const f = l.fields.find((x) => x.name === k);
    if (f && t.captures?.includes(k)) picked[k] = v;
    else if (f && isCountedField(f)) errors.push({ path: k, label: f.label, message: `“${f.label}”由系统${countedHow(f)}，不能手工填写或修改` });
    else errors.push({ path: k, ...(f ? { label: f.label } : {}), message: `${f?.label ?? k}：不能在“${t.label}”中填写` });
  }
  if (t.signedBy) {
    // who did the step is the signed-in user, never a typed name (a clerk cannot record a leader's approval)
    const f = l.fields.find((x) => x.name === t.signedBy);
    const typed = picked[t.signedBy];
    const name = ctx.actor.displayName;
    if (typeof typed === 'string' && typed.trim() && typed.trim() !== name) errors.push({ path: t.signedBy, label: f?.label ?? t.signedBy, message: `${f?.label ?? t.signedBy}：按登录账号记录为办理人“${name}”，不能填写他人姓名` });
    picked[t.signedBy] = name;
  }
  const note = body.note?.trim() || undefined;
  if (t.note === 'required' && !note) errors.push({ path: 'note', label: TRANSITION_LABELS.note, message: `${TRANSITION_LABELS.note}：办理“${t.label}”须填写` });
  await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
  let captured = validateRecord(l, picked, { partial: true });
  const before = plainValues(ctx, l, row);
  await prepareDerived(ctx, l);
  // figures this step counts from other records in this transaction (the applicant's applications this month)
  const counted = captured.errors.length ? {} : await stepPeerCounts(db(ctx), l, t.name, id, { ...before, ...captured.values });
  for (const [k, v] of Object.entries(counted)) captured.values[k] = v;
  if (wf.computeFields && !captured.errors.length) {
    // fields that follow from others (a 办理状态) are kept in step with what this transition records
    for (const [k, v] of Object.entries(wf.computeFields({ ...before, ...captured.values }))) {
      if (l.fields.some((f) => f.name === k) && JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)) picked[k] = v;
    }
    captured = validateRecord(l, picked, { partial: true });
    Object.assign(captured.values, counted);
  }
  errors.push(...captured.errors);
  if (errors.length) throw new AppError('validation_failed', `以下字段有误：${[...new Set(errors.map((e) => e.label ?? e.path))].join('、')}`, errors);
  const date = await effectiveDate(ctx, l, id, stepDate(l, t, body.date, captured.values), TRANSITION_LABELS.date);

  const values = { ...before, ...captured.values };
  const misses = gateMisses(l, t, { values, attachmentKinds: await attachmentKinds(db(ctx), l.name, id), done: await doneTransitions(db(ctx), l.name, id) });
  misses.push(...(await answeredMisses(ctx, t, id, values)), ...(await conclusionMisses(ctx, l, t, id, values)), ...(await lookupMisses(ctx, t, { id, orgCode: String(row['org_code']) }, values)));
  // a review's conclusion may decide where the record goes (同意公开 → 待发布, 不予公开 → 不予公开)
  to = conclusionState(t, captured.values) ?? to;
  // a period the law grants someone: neither the step's date nor the date it records may fall inside it
  for (const { reading, on } of await timingReadings(ctx, l, t, values, await transitionDates(db(ctx), l.name, id))) {
    const recorded = on ? dateValue(values[on]) : null;
    // the refusal names the field whose date falls inside the period (决定日期2026年3月9日), when it is that date
    const field = on && recorded !== null && recorded < reading.notBefore ? l.fields.find((f) => f.name === on) : undefined;
    const named = field && recorded ? `${reading.message}（${field.label}：${chineseDay(recorded)}）` : reading.message;
    if (date < reading.notBefore || field) misses.push({ path: `notBefore.${reading.gate}`, label: reading.reason, message: named });
  }
  // a period the law grants someone to act: the step may not come after its last day
  if (t.gates?.notAfter?.length) {
    const configured = new Map<string, unknown>();
    for (const g of t.gates.notAfter) if (g.daysSetting) configured.set(g.daysSetting, await getSetting(ctx.tx, g.daysSetting));
    misses.push(...latestMisses(t, { values, transitionDates: await transitionDates(db(ctx), l.name, id), cal: await loadCalendar(ctx.tx), configured }, date));
  }
  if (misses.length) throw gateRefused(t, misses);

  const extending = (wf.clocks ?? []).filter((c) => clockEffects(c, t.name).includes('extend'));
  const notices = new Map<string, { id: number; name: string; hash: string }>();
  for (const c of extending) {
    if (!can(ctx, extensionPermission(l, c))) throw forbidden(`您的角色无权延长“${c.rule.label}”`);
    if (!note) throw new AppError('validation_failed', `延长${c.rule.label}须说明理由`, [{ path: 'note', label: TRANSITION_LABELS.note, message: `${TRANSITION_LABELS.note}：请填写延长理由` }]);
    notices.set(c.id, await noticeFor(ctx, l, id, c, body.noticeAttachmentId));
  }

  // captured fields go through the ledger's own edit: validation of the whole record, references, audit, version
  // and the numbers this transition gives out (a decision's 文号: ledger.numbering.ts)
  Object.assign(picked, await transitionNumbers(ctx, l, t.name, row, values));
  if (Object.keys(picked).length || Object.keys(counted).length || toOrg) {
    applying.add(ctx);
    try {
      await updateRecord(ctx, l, id, { ...picked, ...(toOrg ? { orgCode: toOrg } : {}), version }, platform.ledgers, { transition: t.name, counted });
    } finally {
      applying.delete(ctx);
    }
  }
  const after = await recordRow(ctx, l, id);
  const bumped = Number(after['version']) !== version;
  await db(ctx)
    .updateTable(l.table)
    .set({ state: to, updated_at: ctx.now, updated_by: ctx.actor.username, ...(bumped ? {} : { version: version + 1 }) })
    .where('id', '=', id)
    .execute();
  after['state'] = to;

  // clocks: each effect of this transition, in order, on the events stored so far
  const env = await clockEnv(ctx, [l]);
  const current = new Map((await clocksOf(db(ctx), l.name, [id])).map((c) => [c.clockId, c.events]));
  const changed = new Map<string, StoredClockEvent[]>();
  for (const c of wf.clocks ?? []) {
    let stored = current.get(c.id) ?? [];
    let touched = false;
    for (const kind of clockEffects(c, t.name, env.days)) {
      const phase = phaseOf(clockEvents(l, c, stored, after));
      // a clock that starts on a field's date starts only from it: a restart does not start one whose field (or
      // condition, an urgent ticket's working-day clocks) does not apply
      if (kind === 'restart' && phase === 'idle' && c.start.field && !c.start.transitions?.length) continue;
      if (kind === 'extend') extensionInTime(l, c, stored, after, env, date);
      const notice = kind === 'extend' ? notices.get(c.id) : undefined;
      const at = c.rule.unit === 'hours' ? { at: stepInstant(t, date, plainValues(ctx, l, after), ctx.now) } : {};
      const event: StoredClockEvent = { kind, date, ...at, reason: kind === 'extend' || kind === 'pause' ? (note ?? t.label) : t.label, transition: t.name, by: ctx.actor.username, ...(notice ? { notice } : {}) };
      const next = withEffect(kind, stored, phase, event);
      if (next) {
        stored = next;
        touched = true;
      }
    }
    if (touched) changed.set(c.id, stored);
  }
  let clockChanges: ClockChange[];
  try {
    clockChanges = await syncClocks(ctx, l, after, env, changed, true);
  } catch (e) {
    if (e instanceof ClockError) throw new AppError(e.code, `不能办理“${t.label}”：${e.message}`);
    throw e;
  }

  const orgCode = String(after['org_code']);
  const shown = shownValues(l, captured.values);
  await insertEvents(db(ctx), [
    {
      orgCode,
      ledger: l.name,
      recordId: id,
      transition: t.name,
      label: t.label,
      fromState: from,
      toState: to,
      onDate: date,
      at: ctx.now,
      actor: ctx.actor.username,
      actorName: ctx.actor.displayName,
      data: { ...(note ? { note } : {}), ...(toOrg ? { moved: await movedNames(ctx, fromOrg, toOrg) } : {}), ...(Object.keys(shown).length ? { captured: shown } : {}), ...(notices.size ? { notices: Object.fromEntries(notices) } : {}), ...(clockChanges.length ? { clocks: clockDiff(clockChanges) } : {}) },
    },
  ]);
  await audit(ctx, { entity: l.name, entityId: id, action: 'transition', orgCode, diff: { transition: t.name, label: t.label, state: { from, to }, date, ...(note ? { note } : {}), ...(notices.size ? { notices: Object.fromEntries([...notices].map(([k, n]) => [k, { id: n.id, name: n.name, sm3: n.hash }])) } : {}), clocks: clockDiff(clockChanges) } });
  // the next person's turn, or a return to its author: told in this transaction, so a failed step tells nobody
  await notifyTransition(ctx, l, { id, orgCode, transition: t, from, to, before, after: plainValues(ctx, l, after), author: String(after['created_by']), note });
  return timeline(ctx, l, id);
}

/** the units a step moved the record between, by code and name, for its timeline entry */
async function movedNames(ctx: Ctx, from: string, to: string): Promise<{ from: string; fromName: string; to: string; toName: string }> {
  const names = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', [from, to]).execute()).map((o) => [o.code, o.name]));
  return { from, fromName: names.get(from) ?? from, to, toName: names.get(to) ?? to };
}

/** the timing gates of a transition read on a record, with the step dates each one checks */
async function timingReadings(ctx: Ctx, l: LedgerDef, t: TransitionDef, values: Readonly<Record<string, unknown>>, dates: ReadonlyMap<string, IsoDate>, cal?: CalendarData): Promise<Array<{ reading: TimingReading; on: string | undefined }>> {
  const gates = t.gates?.notBefore ?? [];
  if (!gates.length) return [];
  const calendar = cal ?? (await loadCalendar(ctx.tx));
  const out: Array<{ reading: TimingReading; on: string | undefined }> = [];
  for (const g of gates) {
    const configured = g.daysSetting ? await getSetting(ctx.tx, g.daysSetting) : undefined;
    const facts = { values, transitionDates: dates, cal: calendar, configured };
    let reading: TimingReading | null;
    try {
      reading = readTimingGate(t, g, facts);
    } catch (e) {
      // a calendar period ending in a year not yet loaded: its last day is certain, only a move past a holiday is not
      if (!(e instanceof CalendarError) || g.unit !== 'calendar') throw e;
      reading = readTimingGate(t, { ...g, rollToWorkingDay: false }, facts);
    }
    if (reading) out.push({ reading, on: g.on });
  }
  return out;
}

/** children that still lack an answer (每条公众意见的采纳情况), one miss per gate naming how many */
async function answeredMisses(ctx: Ctx, t: TransitionDef, id: number, values: Readonly<Record<string, unknown>>): Promise<GateMiss[]> {
  const misses: GateMiss[] = [];
  for (const g of t.gates?.answered ?? []) {
    if (g.when && !g.when(values)) continue;
    const n = await unansweredChildren(db(ctx), g.table, g.ref, id, g.fields);
    if (n > 0) misses.push({ path: `answered.${g.table}`, label: g.noun, message: g.message(n) });
  }
  return misses;
}

/** refuses an extension dated (or recording a day) after the clock's due date: an expired period is not extended */
function extensionInTime(l: LedgerDef, c: ClockDef, stored: readonly StoredClockEvent[], values: Readonly<Record<string, unknown>>, env: ClockEnv, date: IsoDate): void {
  const field = c.extension?.field;
  const events = clockEvents(l, c, stored, field ? { ...values, [field]: null } : values);
  if (!events) return;
  const recorded = field ? dateValue(values[field]) : null;
  try {
    assertExtendable(effectiveRule(c, c.daysSetting ? env.days.get(c.daysSetting) : undefined), events, recorded && recorded > date ? recorded : date, env.cal);
  } catch (e) {
    if (e instanceof ClockError || e instanceof CalendarError) throw new AppError(e instanceof ClockError ? e.code : 'clock_invalid_events', `不能延长${c.rule.label}：${e.message}`);
    throw e;
  }
}

function gateRefused(t: TransitionDef, misses: readonly GateMiss[]): AppError {
  return new AppError('gate_refused', `不能办理“${t.label}”：${misses.map((m) => m.message).join('；')}`, misses.map((m) => ({ path: m.path, label: m.label, message: m.message })));
}

/**
 * extends a running or paused clock once, with the permission the clock names, a reason and a notice document
 * already attached to the record; the extension is an event in the timeline and cannot be withdrawn
 */
export async function extendClock(ctx: Ctx, l: LedgerDef, id: number, clockId: string, body: ExtendBody): Promise<Timeline> {
  const wf = workflowOf(l);
  const c = wf.clocks?.find((x) => x.id === clockId);
  if (!c) throw notFound(`期限“${clockId}”`);
  if (!c.extension || !c.rule.extension) throw new AppError('clock_no_extension', `“${c.rule.label}”没有可延长的期限`);
  if (!can(ctx, extensionPermission(l, c))) throw forbidden(`您的角色无权延长“${c.rule.label}”`);
  const row = await loadRow(ctx, l, id);
  if (row['status'] === 'withdrawn') throw new AppError('conflict', `该${l.noun}已撤销`);
  const clock = (await clocksOf(db(ctx), l.name, [id])).find((x) => x.clockId === c.id);
  const phase = phaseOf(clock ? clockEvents(l, c, clock.events, row) : null);
  if (!clock || (phase !== 'running' && phase !== 'paused')) {
    throw new AppError('transition_not_allowed', `“${c.rule.label}”${phase === 'stopped' ? '已停止计时' : '尚未起算'}，不能延长`);
  }
  const date = await effectiveDate(ctx, l, id, body.date, EXTEND_LABELS.date);
  extensionInTime(l, c, clock.events, row, await clockEnv(ctx, [l]), date);
  const notice = await noticeFor(ctx, l, id, c, body.noticeAttachmentId);
  const events: StoredClockEvent[] = [...clock.events, { kind: 'extend', date, reason: body.reason, by: ctx.actor.username, notice }];
  const changes = await syncClocks(ctx, l, row, await clockEnv(ctx, [l]), new Map([[c.id, events]]), true);
  const orgCode = String(row['org_code']);
  const state = (row['state'] as string | null) ?? null;
  const ext = `${c.rule.extension.days}${unitLabel(c.rule.unit)}`;
  await insertEvents(db(ctx), [{ orgCode, ledger: l.name, recordId: id, transition: `extend.${c.id}`.slice(0, 60), label: `延长${c.rule.label}`.slice(0, 60), fromState: state, toState: state, onDate: date, at: ctx.now, actor: ctx.actor.username, actorName: ctx.actor.displayName, data: { note: body.reason, extension: ext, notices: { [c.id]: notice }, clocks: clockDiff(changes) } }]);
  await audit(ctx, { entity: l.name, entityId: id, action: 'clock_extend', orgCode, diff: { clock: c.id, label: c.rule.label, extension: ext, date, reason: body.reason, notice: { id: notice.id, name: notice.name, sm3: notice.hash }, clocks: clockDiff(changes) } });
  return timeline(ctx, l, id);
}

// ---- the timeline ----

export type { TimelineClock };

export interface Timeline extends TimelineBase {
  transitions: Array<{ name: string; label: string; to: string | null; toLabel: string; permitted: boolean; blockedBy: GateMiss[]; notBefore: IsoDate | null; waitReason: string | null; captures: Array<ReturnType<typeof fieldMeta> & { signedBy?: string }>; note: 'required' | 'optional' | null; extends: string[]; dedicated: string | null; moves: string | null; dateField: string | null }>;
  events: Array<Omit<EventRow, 'orgCode' | 'ledger' | 'recordId'> & { fromLabel: string | null; toLabel: string | null }>;
}

/** every transition (who, when), each clock's due date read today with how it was computed, and what can be done next */
export async function timeline(ctx: Ctx, l: LedgerDef, id: number): Promise<Timeline> {
  const wf = workflowOf(l);
  let row = await loadRow(ctx, l, id);
  if (row['state'] === null || row['state'] === undefined) {
    // an imported record not yet taken in by the daily scan
    if (ctx.tx.isTransaction) await adoptRecords(ctx, l, { ids: [id] });
    else await ctx.tx.transaction().execute((tx) => adoptRecords({ ...ctx, tx }, l, { ids: [id] }));
    row = await loadRow(ctx, l, id);
  }
  const state = (row['state'] as string | null) ?? null;
  const values = plainValues(ctx, l, row);
  const env = await clockEnv(ctx, [l]);
  const stored = new Map((await clocksOf(db(ctx), l.name, [id])).map((c) => [c.clockId, c]));
  const kinds = await attachmentKinds(db(ctx), l.name, id);
  const done = await doneTransitions(db(ctx), l.name, id);
  const dates = await transitionDates(db(ctx), l.name, id);
  const offered = wf.transitions.filter((t) => state !== null && t.from.includes(state) && row['status'] === 'active' && (!t.offeredWhen || t.offeredWhen(values)));
  // what a waiting transition waits for: the latest date among its running periods, and why
  const waits = new Map<string, { notBefore: IsoDate; reason: string }>();
  const extraMisses = new Map<string, GateMiss[]>();
  for (const t of offered) {
    extraMisses.set(t.name, [...(await answeredMisses(ctx, t, id, values)), ...(await conclusionMisses(ctx, l, t, id, values))]);
    let readings: Awaited<ReturnType<typeof timingReadings>> = [];
    try {
      readings = await timingReadings(ctx, l, t, values, dates, env.cal);
    } catch (e) {
      // a working-day period in a year whose calendar is not loaded: refused with that message when attempted
      if (!(e instanceof CalendarError)) throw e;
      extraMisses.set(t.name, [...(extraMisses.get(t.name) ?? []), { path: 'calendar', label: '工作日历', message: e.detail }]);
    }
    const pending = readings.map((r) => r.reading).filter((r) => env.today < r.notBefore);
    const last = pending.sort((a, b) => b.notBefore.localeCompare(a.notBefore))[0];
    // the period that ends last is what the user waits for; the others end before it
    if (last) waits.set(t.name, { notBefore: last.notBefore, reason: pending.filter((r) => r.notBefore === last.notBefore).map((r) => r.reason).join('；') });
  }
  const clocks: TimelineClock[] = [];
  for (const c of wf.clocks ?? []) {
    const row = stored.get(c.id);
    const events = row?.events ?? (c.start.field ? [] : null);
    const r = events ? readClock(l, c, events, values, env) : readClock(l, c, [], {}, env);
    const open = r.status === 'running' || r.status === 'paused';
    clocks.push({
      id: c.id,
      label: c.rule.label,
      ...r,
      extension: c.extension && c.rule.extension ? { days: c.rule.extension.days, noticeKind: c.extension.noticeKind ?? null, permitted: can(ctx, extensionPermission(l, c)), available: open && !r.extended } : null,
    });
  }
  const running = clocks.filter((c) => c.status === 'running' && c.due).sort((a, b) => String(a.dueAt ?? `${a.due}T24`).localeCompare(String(b.dueAt ?? `${b.due}T24`)));
  const next = running[0];
  return {
    ledger: l.name,
    recordId: id,
    title: titleOf(l, shownValues(l, values)),
    version: Number(row['version']),
    state,
    stateLabel: stateLabel(wf, state),
    final: state !== null && !!wf.states[state]?.final,
    states: Object.entries(wf.states).map(([name, s]) => ({ name, label: s.label, final: !!s.final })),
    transitions: offered
      .map((t) => ({
        name: t.name,
        label: t.label,
        to: t.to ?? state,
        toLabel: conclusionToLabel(wf, t) ?? stateLabel(wf, t.to ?? state),
        permitted: can(ctx, transitionPermission(l, t)),
        // what the transition's own form can supply (a captured field, a check on captured values) does not block it
        blockedBy: [...gateMisses(l, t, { values, attachmentKinds: kinds, done }).filter((m) => !(t.captures ?? []).includes(m.path) && !(m.path === 'check' && t.captures?.length)), ...(extraMisses.get(t.name) ?? [])],
        notBefore: waits.get(t.name)?.notBefore ?? null,
        waitReason: waits.get(t.name)?.reason ?? null,
        captures: (t.captures ?? []).map((n) => l.fields.find((f) => f.name === n)).filter((f): f is FieldDef => !!f).map((f) => ({ ...fieldMeta(f), ...captureOverlay(wf, t, f, values), ...(t.signedBy === f.name ? { required: false, signedBy: ctx.actor.displayName } : {}) })),
        note: t.note ?? null,
        extends: (wf.clocks ?? []).filter((c) => clockEffects(c, t.name).includes('extend')).map((c) => c.id),
        dedicated: t.dedicated?.hint ?? null,
        moves: t.moves?.label ?? null,
        // the captured date that is the step's own date: the form asks for it in place of a separate 办理日期
        dateField: t.dateField ?? null,
      })),
    events: (await listEvents(db(ctx), l.name, id)).map(({ orgCode: _o, ledger: _l, recordId: _r, ...e }) => ({ ...e, fromLabel: e.fromState === null ? null : stateLabel(wf, e.fromState), toLabel: e.toState === null ? null : stateLabel(wf, e.toState) })),
    clocks,
    nextDue: next?.due ? { clock: next.id, label: next.label, due: next.due, dueAt: next.dueAt, overdue: next.overdue, dueSoon: next.dueSoon } : null,
  };
}
