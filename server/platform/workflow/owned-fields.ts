import type { Kysely } from 'kysely';
import { canonicalJson } from '../audit/canonical.ts';
import type { Database } from '../db/schema.ts';
import { can, type Ctx } from '../http/context.ts';
import { refused, type FieldError } from '../http/errors.ts';
import { perm, type FieldDef, type LedgerDef } from '../ledger/ledger.types.ts';
import { blockingReviews, derivedFieldMessage, derivedFields, fieldOwners, ownedFieldMessage, ownerLabels } from './owned-fields.rules.ts';
import type { GateMiss } from './workflow.engine.ts';
import { listEvents, type AnyDb } from './workflow.repository.ts';
import { transitionPermission, type TransitionDef } from './workflow.types.ts';

export { captureOverlay, conclusionState, conclusionToLabel, ownershipMeta } from './owned-fields.rules.ts';

/**
 * Applies the workflow's ownership of its fields to the ordinary create and edit (decision 0011):
 * - an edit that changes a field a transition captures is refused (403, audited) naming the field and the step;
 *   the value the form sends back unchanged passes;
 * - a field the workflow derives (重大执法决定) is never set by hand;
 * - the create form may fill a captured field only for someone who may bring in historical records (the ledger's
 *   import permission) and could record that step through its transition (so a clerk never writes a legality
 *   review's conclusion); imports and demo seeding (insertMany) bring records with their history, audited as such,
 *   and their state follows from their values (deriveState);
 * - a negative review conclusion blocks the steps the review names until the reviewing role records a new review.
 */

/** the settings computeFields reads (provincial thresholds), loaded before a write derives anything */
export async function prepareDerived(ctx: Pick<Ctx, 'tx'>, l: LedgerDef): Promise<void> {
  await l.workflow?.loadSettings?.(ctx.tx as unknown as Kysely<Database>);
}

const blank = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** a value as stored and as sent compare equal: numbers as numbers, dates as YYYY-MM-DD, empty as null */
function norm(f: FieldDef, v: unknown): string {
  if (blank(v)) return 'null';
  if (f.type === 'decimal' || f.type === 'int' || f.type === 'ref') return String(Number(v));
  if (f.type === 'date') return v instanceof Date ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}` : String(v).slice(0, 10);
  if (f.type === 'bool') return String(v === true || v === 'true');
  if (f.type === 'dicts' && typeof v === 'string') {
    try {
      return canonicalJson(JSON.parse(v));
    } catch {
      return canonicalJson(v);
    }
  }
  return canonicalJson(v);
}

export const sameValue = (f: FieldDef, a: unknown, b: unknown): boolean => norm(f, a) === norm(f, b);

interface Breach {
  field: FieldDef;
  message: string;
  owners: readonly TransitionDef[];
}

function refuse(l: LedgerDef, id: number | 'new', orgCode: string | null, breaches: readonly Breach[]): never {
  const detail = breaches.map((b) => b.message).join('；');
  const errors: FieldError[] = breaches.map((b) => ({ path: b.field.name, label: b.field.label, message: b.message }));
  // the audit keeps which fields were tried and who owns them, never the values (they may be personal)
  throw refused(detail, { entity: l.name, entityId: id, action: 'refused_owned_field', orgCode, diff: { fields: Object.fromEntries(breaches.map((b) => [b.field.name, b.owners.length ? { owners: b.owners.map((t) => t.name) } : { derived: true }])) } }, errors);
}

/** derived fields whose typed value is neither what is stored nor what the system derives */
function derivedBreaches(l: LedgerDef, values: Readonly<Record<string, unknown>>, before: Readonly<Record<string, unknown>> | null): Breach[] {
  const wf = l.workflow;
  if (!wf?.computeFields) return [];
  const out: Breach[] = [];
  const computed = wf.computeFields({ ...(before ?? {}), ...values });
  for (const [name, how] of derivedFields(wf)) {
    const f = l.fields.find((x) => x.name === name);
    if (!f || !(name in values)) continue;
    const typed = values[name];
    if (before ? sameValue(f, typed, before[name]) : blank(typed)) continue;
    if (sameValue(f, typed, computed[name])) continue;
    out.push({ field: f, message: derivedFieldMessage(f, how), owners: [] });
  }
  return out;
}

/** a plain create: owned fields only for importers who could record the step themselves */
export async function guardCreate(ctx: Ctx, l: LedgerDef, values: Readonly<Record<string, unknown>>, orgCode: string | null): Promise<void> {
  const wf = l.workflow;
  if (!wf) return;
  await prepareDerived(ctx, l);
  const owners = fieldOwners(wf);
  const importer = can(ctx, perm(l, 'import'));
  const breaches: Breach[] = [];
  for (const [name, value] of Object.entries(values)) {
    const by = owners.get(name);
    const f = l.fields.find((x) => x.name === name);
    if (!by || !f || blank(value)) continue;
    const start = wf.startValues?.[name];
    if (start !== undefined && sameValue(f, value, start)) continue;
    if (importer && by.some((t) => can(ctx, transitionPermission(l, t)))) continue;
    breaches.push({ field: f, owners: by, message: ownedFieldMessage(f, by) });
  }
  breaches.push(...derivedBreaches(l, values, null));
  if (breaches.length) refuse(l, 'new', orgCode, breaches);
}

/** a plain edit: an owned or derived field may come back unchanged, never changed */
export async function guardUpdate(ctx: Ctx, l: LedgerDef, id: number, values: Readonly<Record<string, unknown>>, before: Readonly<Record<string, unknown>>, orgCode: string): Promise<void> {
  const wf = l.workflow;
  if (!wf) return;
  await prepareDerived(ctx, l);
  const owners = fieldOwners(wf);
  const breaches: Breach[] = [];
  for (const [name, value] of Object.entries(values)) {
    const by = owners.get(name);
    const f = l.fields.find((x) => x.name === name);
    if (!by || !f || sameValue(f, value, before[name])) continue;
    breaches.push({ field: f, owners: by, message: ownedFieldMessage(f, by) });
  }
  breaches.push(...derivedBreaches(l, values, before));
  if (breaches.length) refuse(l, id, orgCode, breaches);
}

/**
 * the negative conclusions that block a transition: each names the conclusion, the review and who gave it
 * (“法制审核结论”为“不同意”（张三 2026-03-02 法制审核）), to be lifted only by a new review
 */
export async function conclusionMisses(ctx: Ctx, l: LedgerDef, t: TransitionDef, id: number, values: Readonly<Record<string, unknown>>): Promise<GateMiss[]> {
  const wf = l.workflow;
  if (!wf) return [];
  const misses: GateMiss[] = [];
  for (const { transition: review, conclusion } of blockingReviews(wf, t.name)) {
    const v = values[conclusion.field];
    if (typeof v !== 'string' || !conclusion.negative.includes(v)) continue;
    const f = l.fields.find((x) => x.name === conclusion.field);
    const last = (await listEvents(ctx.tx as unknown as AnyDb, l.name, id)).filter((e) => e.transition === review.name).at(-1);
    const who = last ? `${last.actorName}于${last.onDate}“${review.label}”` : `“${review.label}”，导入记录`;
    misses.push({ path: `conclusion.${conclusion.field}`, label: f?.label ?? conclusion.field, message: `“${f?.label ?? conclusion.field}”为“${v}”（${who}），不能办理“${t.label}”；须由审核人员重新办理“${review.label}”` });
  }
  return misses;
}

/**
 * a transition's body naming a field another step records (notify sending the legality review's opinion): refused
 * and audited like a plain edit of it, naming the step that owns it
 */
export function guardTransitionBody(l: LedgerDef, t: TransitionDef, id: number, orgCode: string, body: Readonly<Record<string, unknown>>): void {
  const wf = l.workflow;
  if (!wf) return;
  const owners = fieldOwners(wf);
  const breaches: Breach[] = [];
  for (const name of Object.keys(body)) {
    const by = owners.get(name);
    const f = l.fields.find((x) => x.name === name);
    if (!by || !f || t.captures?.includes(name)) continue;
    breaches.push({ field: f, owners: by, message: `“${f.label}”由${ownerLabels(by)}环节填写，不能在“${t.label}”中填写` });
  }
  for (const [name, how] of derivedFields(wf)) {
    const f = l.fields.find((x) => x.name === name);
    if (f && name in body) breaches.push({ field: f, owners: [], message: derivedFieldMessage(f, how) });
  }
  // a system number (文号 given at 公布) is never typed into a step either
  for (const f of l.fields) if (f.numbered && !blank(body[f.name])) breaches.push({ field: f, owners: [], message: `“${f.label}”由系统按编号规则自动编号，不能在“${t.label}”中填写` });
  if (breaches.length) refuse(l, id, orgCode, breaches);
}
