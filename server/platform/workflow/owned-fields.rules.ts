import type { RoleCode } from '../auth/roles.ts';
import type { FieldDef, LedgerDef } from '../ledger/ledger.types.ts';
import type { ConclusionDef, TransitionDef, WorkflowDef } from './workflow.types.ts';

/**
 * Workflow-owned fields (decision 0011): what a transition captures is written by that transition only, by the roles
 * it allows, with its gates checked; the plain edit form shows it read-only. Fields computeFields derives (declared
 * in `derived`) are never typed by anyone. These are the pure rules; owned-fields.ts applies them to requests.
 */

/** the transitions that capture each owned field (captured, minus the workflow's `editable` list) */
export function fieldOwners(wf: WorkflowDef): Map<string, TransitionDef[]> {
  const free = new Set(wf.editable ?? []);
  const out = new Map<string, TransitionDef[]>();
  for (const t of wf.transitions) {
    for (const f of t.captures ?? []) {
      if (free.has(f)) continue;
      out.set(f, [...(out.get(f) ?? []), t]);
    }
  }
  return out;
}

/** how a derived field is derived when the workflow does not say (a computeFields output left undeclared) */
export const DERIVED_DEFAULT = '根据其他字段自动计算';

/**
 * the fields computeFields derives: those declared in `derived`, and every other field it returns that no step
 * captures — an undeclared computed field would otherwise be typed in and silently overwritten
 */
export function derivedFields(wf: WorkflowDef): Map<string, string> {
  const out = new Map(Object.entries(wf.derived ?? {}));
  if (!wf.computeFields) return out;
  const captured = new Set(wf.transitions.flatMap((t) => [...(t.captures ?? [])]));
  let keys: string[] = [];
  try {
    keys = Object.keys(wf.computeFields({}));
  } catch {
    keys = [];
  }
  for (const k of keys) if (!out.has(k) && !captured.has(k)) out.set(k, DERIVED_DEFAULT);
  return out;
}

export const derivedFieldNames = (wf: WorkflowDef): string[] => [...derivedFields(wf).keys()];

/** “法制审核”或“…”: the steps that record a field, as people read them */
export const ownerLabels = (owners: readonly TransitionDef[]): string => owners.map((t) => `“${t.label}”`).join('或');

/** the refusal of a plain edit of an owned field: “法制审核意见”由“法制审核”环节填写，不能在编辑表单中修改 */
export function ownedFieldMessage(f: Pick<FieldDef, 'label'>, owners: readonly TransitionDef[]): string {
  return `“${f.label}”由${ownerLabels(owners)}环节填写，不能在编辑表单中修改`;
}

export function derivedFieldMessage(f: Pick<FieldDef, 'label'>, how: string): string {
  return `“${f.label}”由系统${how}，不能手工填写或修改`;
}

/** what the web form needs to show a field read-only, with the hint saying who fills it */
export function ownershipMeta(l: LedgerDef, field: string): { ownedBy?: Array<{ transition: string; label: string }>; derived?: string; startValue?: string | boolean | number } {
  const wf = l.workflow;
  if (!wf) return {};
  const how = derivedFields(wf).get(field);
  if (how !== undefined) return { derived: `由系统${how}` };
  const owners = fieldOwners(wf).get(field);
  const start = wf.startValues?.[field];
  return owners ? { ownedBy: owners.map((t) => ({ transition: t.name, label: t.label })), ...(start !== undefined ? { startValue: start } : {}) } : {};
}

/** the transition that records a conclusion in this field, if any */
export function conclusionOf(wf: WorkflowDef, field: string): { transition: TransitionDef; conclusion: ConclusionDef } | null {
  for (const t of wf.transitions) if (t.conclusion?.field === field) return { transition: t, conclusion: t.conclusion };
  return null;
}

/** the reviews whose negative conclusion blocks a transition */
export const blockingReviews = (wf: WorkflowDef, name: string): Array<{ transition: TransitionDef; conclusion: ConclusionDef }> =>
  wf.transitions.flatMap((t) => (t.conclusion && t.conclusion.blocks.includes(name) ? [{ transition: t, conclusion: t.conclusion }] : []));

/** the state a review leads to given its conclusion (同意公开 → 待发布), or undefined for the transition's own `to` */
export function conclusionState(t: TransitionDef, values: Readonly<Record<string, unknown>>): string | undefined {
  const c = t.conclusion;
  if (!c?.states) return undefined;
  const v = values[c.field];
  return typeof v === 'string' ? c.states[v] : undefined;
}

/**
 * declaration problems: an unknown editable or derived field, a derived field a transition captures, a conclusion
 * that is not a captured dict with its values among the options, and a review's fields captured by a transition
 * that roles outside the reviewing ones may perform (notify must not write the legality review's opinion)
 */
export function ownershipProblems(l: LedgerDef, rolesOf: (t: TransitionDef) => readonly RoleCode[]): string[] {
  const wf = l.workflow;
  if (!wf) return [];
  const at = `${l.name} workflow`;
  const problems: string[] = [];
  const byName = new Map(l.fields.map((f) => [f.name, f]));
  const names = new Set(wf.transitions.map((t) => t.name));
  const captured = new Set(wf.transitions.flatMap((t) => [...(t.captures ?? [])]));
  for (const f of wf.editable ?? []) {
    if (!byName.has(f)) problems.push(`${at}: editable names unknown field ${f}`);
    else if (!captured.has(f)) problems.push(`${at}: editable field ${f} is captured by no transition`);
  }
  for (const f of Object.keys(wf.derived ?? {})) {
    if (!byName.has(f)) problems.push(`${at}: derived names unknown field ${f}`);
    if (captured.has(f)) problems.push(`${at}: derived field ${f} is also captured by a transition`);
  }
  const owned = fieldOwners(wf);
  for (const [f, v] of Object.entries(wf.startValues ?? {})) {
    if (!owned.has(f)) problems.push(`${at}: start value for ${f}, which no transition owns`);
    const opts = byName.get(f)?.options;
    if (opts && !opts.includes(String(v))) problems.push(`${at}: start value ${String(v)} is not an option of ${f}`);
  }
  if (wf.derived && Object.keys(wf.derived).length && !wf.computeFields) problems.push(`${at}: derived fields without computeFields`);
  for (const t of wf.transitions) {
    const c = t.conclusion;
    if (!c) continue;
    const f = byName.get(c.field);
    if (!t.captures?.includes(c.field)) problems.push(`${at}: transition ${t.name} does not capture its conclusion field ${c.field}`);
    if (!f || f.type !== 'dict') problems.push(`${at}: conclusion field ${c.field} of ${t.name} is not a dict field`);
    for (const v of [...c.negative, ...Object.keys(c.states ?? {})]) if (f?.options && !f.options.includes(v)) problems.push(`${at}: conclusion value ${v} of ${t.name} is not an option of ${c.field}`);
    if (!c.negative.length) problems.push(`${at}: conclusion of ${t.name} has no negative value`);
    for (const b of c.blocks) if (!names.has(b) || b === t.name) problems.push(`${at}: conclusion of ${t.name} blocks unknown transition ${b}`);
    for (const s of Object.values(c.states ?? {})) if (!wf.states[s]) problems.push(`${at}: conclusion of ${t.name} leads to undeclared state ${s}`);
    if ((wf.editable ?? []).includes(c.field)) problems.push(`${at}: conclusion field ${c.field} cannot be editable`);
    const reviewers = new Set(rolesOf(t));
    for (const other of wf.transitions) {
      if (other === t) continue;
      const outsiders = rolesOf(other).filter((r) => !reviewers.has(r));
      if (!outsiders.length) continue;
      for (const field of other.captures ?? []) if (t.captures?.includes(field)) problems.push(`${at}: ${other.name} (${outsiders.join(',')}) captures ${field}, which the review ${t.name} records`);
    }
  }
  return problems;
}

/**
 * a captured field as the transition's own form asks for it: required when its gate needs it and the record does not
 * hold it yet; a conclusion says what a negative one blocks
 */
export function captureOverlay(wf: WorkflowDef, t: TransitionDef, field: Pick<FieldDef, 'name' | 'hint'>, stored: Readonly<Record<string, unknown>> = {}): { required?: true; hint?: string } {
  const out: { required?: true; hint?: string } = {};
  const held = stored[field.name];
  // a review asks for its conclusion every time: a new review states its own
  if (t.gates?.fields?.includes(field.name) && (held === null || held === undefined || held === '' || t.conclusion?.field === field.name)) out.required = true;
  const c = t.conclusion;
  if (c?.field === field.name) {
    const blocked = c.blocks.map((n) => `“${wf.transitions.find((x) => x.name === n)?.label ?? n}”`).join('、');
    out.hint = `结论为“${c.negative.join('”或“')}”的，不能办理${blocked}，须重新${t.label}${field.hint ? `；${field.hint}` : ''}`;
  }
  return out;
}

/** where a review leads when its conclusion decides it: “同意公开、删除涉密内容后公开→待发布；不予公开→不予公开” */
export function conclusionToLabel(wf: WorkflowDef, t: TransitionDef): string | null {
  const states = t.conclusion?.states;
  if (!states) return null;
  const byState = new Map<string, string[]>();
  for (const [value, state] of Object.entries(states)) byState.set(state, [...(byState.get(state) ?? []), value]);
  return [...byState].map(([state, values]) => `${values.join('、')}→${wf.states[state]?.label ?? state}`).join('；');
}
