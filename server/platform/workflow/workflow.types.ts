import type { PermissionDef, RoleCode } from '../auth/roles.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { DayUnit } from '../calendar/calendar.ts';
import type { ClockRule } from './clock.ts';
import { ownershipProblems } from './owned-fields.rules.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DEFAULT_CORRECTION_ROLES, correctionPermission, correctionProblems, type CorrectionDef } from './correction.types.ts';
import type { LookupGate } from './lookup-gates.ts';

/** one state of a record's lifecycle; labels are what people read */
export interface StateDef {
  label: string;
  /** nothing further is expected (办结, 不予受理) */
  final?: boolean;
  /** read-only like a final state (published) while further steps remain; changed only by 更正/撤回 */
  locked?: boolean;
}

/** a condition checked on the record (stored values merged with what the transition captures) */
export interface GateCheck {
  /** what is missing, in Chinese: “调解结果须为调解成功、调解不成或终止调解” */
  message: string;
  check(values: Readonly<Record<string, unknown>>): boolean;
  /** the refusal for these values, where it names what in them is wrong (the first bad line); `message` otherwise */
  explain?(values: Readonly<Record<string, unknown>>): string;
}

/**
 * a period the law grants someone (the party, the public, a reviewer) that a step may not cut short: the step is
 * allowed from the day after N days have run from a transition or a date field, counted like a clock
 * (working days skip holidays and count 调休 working days; a calendar period ending on a holiday moves on)
 */
export interface TimingGate {
  /** unique within the transition */
  id: string;
  days: number;
  unit: DayUnit;
  /** a setting key whose number, when set, replaces days (a local period) */
  daysSetting?: string;
  /** when the period starts: the (latest) date of a transition, or the date a field holds */
  from: { transition: string } | { field: string };
  /** the field holding the step's own date (a decision date), checked besides the transition's date */
  on?: string;
  /** the right, given the period in words and its last day (2026年3月8日): (p) => `当事人可在告知后${p}内要求听证` */
  reason: (period: string, lastDay: string) => string;
  /** the article: 行政处罚法第六十四条 */
  statute: string;
  /** the gate applies only when this holds (a penalty case, a draft put out for comment) */
  when?: (values: Readonly<Record<string, unknown>>) => boolean;
  /** fields any of which, once filled, lift the gate (the party waived the hearing in writing on …) */
  unless?: readonly string[];
  /** calendar periods: a last day that is not a working day moves to the next working day (default true) */
  rollToWorkingDay?: boolean;
}

/** every active record of another ledger that refers to this one has these fields filled (every comment answered) */
export interface AnsweredGate {
  /** the child ledger's table (a declaration cannot import its child ledger without a cycle) */
  table: string;
  /** the child's ref column pointing at this record */
  ref: string;
  /** columns every child must have filled */
  fields: readonly string[];
  /** what the children are called: 公众意见 */
  noun: string;
  /** the refusal, given how many lack an answer: (n) => `尚有${n}条公众意见未填写采纳情况` */
  message: (n: number) => string;
  when?: (values: Readonly<Record<string, unknown>>) => boolean;
}

/** what must exist before a transition may happen; a refusal names each missing item */
export interface Gates {
  /** ledger fields that must have a value */
  fields?: readonly string[];
  /** attachment kinds the record must carry (e.g. 法制审核意见书) */
  attachments?: readonly string[];
  /** transitions that must have happened before (e.g. the legality review before the decision) */
  after?: readonly string[];
  checks?: readonly GateCheck[];
  /** periods the step may not cut short; a refusal names the date from which it is allowed */
  notBefore?: readonly TimingGate[];
  /**
   * periods a step must not come after (a 复查 request within 30 days of the answer): the step's date, or the date
   * its `on` field records, may not be later than the period's last day; a refusal names that day
   */
  notAfter?: readonly TimingGate[];
  answered?: readonly AnsweredGate[];
  /** checks that read other tables (a registry of certified officers): lookup-gates.ts */
  lookups?: readonly LookupGate[];
}

export interface TransitionDef {
  name: string;
  label: string;
  from: readonly string[];
  /** the state it leads to; absent: the record stays where it is (an extension, a pause) */
  to?: string;
  /** the permission it needs; when absent it is `<ledger>.transition.<name>`, declared by workflowPermissions */
  permission?: string;
  /** default holders of the derived permission (default: the ledger's update roles) */
  roles?: readonly RoleCode[];
  gates?: Gates;
  /** ledger fields the transition sets from its body (a decision date, an opinion), validated like an edit */
  captures?: readonly string[];
  /**
   * the captured date field that is the step's own date (告知补正日期, 收到补正材料日期): the step, its timeline entry
   * and its clock events are dated by what is recorded there, never by the day the form is sent (decision 0020)
   */
  dateField?: string;
  /**
   * hours clocks: the captured text field holding the step's time (HH:MM, Beijing) on its date; without one a step
   * dated today takes effect when it is recorded, an earlier one at the start of its day
   */
  timeField?: string;
  /**
   * the step hands the record to another organisation (改派 of a 12345 ticket to the unit responsible): the body's
   * `orgCode` names it (required, in the actor's scope, not the current one). Lists are scoped by organisation, so
   * the new unit sees the record and its 待办; the old one no longer does (the timeline keeps who handled what).
   */
  moves?: { label: string };
  /**
   * the captured text field naming who did the step (立案审批人, 法制审核人员, 保密审查人, 延期批准人): the signed-in
   * user's display name, written by the server. Nobody types it: a different name in the body is refused, the form
   * shows the name read-only. The field must be one the transition captures.
   */
  signedBy?: string;
  /** a written note (reason, opinion) is required, or may be given */
  note?: 'required' | 'optional';
  /**
   * done only through the module's own route and form (e.g. a penalty decision checked against the catalog's
   * discretion benchmark): the generic transition route refuses it and the generic panel offers no button for it
   */
  dedicated?: { hint: string };
  /** a review step: the field holding its conclusion, which values are negative and which later steps they block */
  conclusion?: ConclusionDef;
  /** the step waits for someone: it is in the 待办 of whoever may do it (see todo.service.ts) */
  todo?: TodoMark;
  /** the step sends the record back (退回, a negative review): its author or last actor is told */
  returns?: boolean;
  /**
   * the step is offered on the record's page only when this holds (a fine handed in only once one was collected on
   * the spot): otherwise the timeline leaves it out, so a rare step does not clutter every record. Its gates still
   * decide what the route accepts.
   */
  offeredWhen?: (values: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * the conclusion a review step records (法制审核 同意/不同意/修改后同意, 保密审查 同意公开/不予公开): a negative one
 * blocks the steps named until the reviewing role records a new review, which replaces it
 */
export interface ConclusionDef {
  /** a dict field the transition captures */
  field: string;
  /** the values that block (不同意, 不合法, 不予公开) */
  negative: readonly string[];
  /** transitions a negative conclusion refuses */
  blocks: readonly string[];
  /** the state a conclusion leads to, by value (同意公开 → 待发布); other values: the transition's `to` */
  states?: Readonly<Record<string, string>>;
}

/**
 * a to-do step: `true`, or a label for the queue and `when`, the values on which it is still due (a review that
 * leaves the state as it is stays due until its result is recorded; only a major case needs 法制审核)
 */
export type TodoMark = true | { label?: string; when?: (values: Readonly<Record<string, unknown>>) => boolean };

/** when a clock starts: on a transition, on creation, or on the date held by a field (e.g. received_on) */
export interface ClockStart {
  transitions?: readonly string[];
  onCreate?: boolean;
  field?: string;
  /** hours clocks: a text field holding the time (HH:MM, Beijing) on the start field's day; the day's start when empty */
  timeField?: string;
  /** a field start counts only when this holds (e.g. the handling clock runs only for an accepted petition) */
  when?: (values: Readonly<Record<string, unknown>>) => boolean;
}

export interface ClockExtension {
  /** default `<ledger>.clock.<id>.extend`, declared by workflowPermissions */
  permission?: string;
  roles?: readonly RoleCode[];
  /** the attachment kind of the notice (延期通知书); any attachment of the record when absent */
  noticeKind?: string;
  /** transitions that grant the extension (besides the extend route) */
  on?: readonly string[];
  /** a date field that records an extension granted outside the system (imported records): extended on that day */
  field?: string;
}

export interface ClockDef {
  /** unique within the workflow; used in URLs */
  id: string;
  rule: ClockRule;
  /** a setting key whose number, when set, replaces rule.days (e.g. clock.mediation.days) */
  daysSetting?: string;
  /** an int field of the record whose value, when set, replaces rule.days: a period the issuing organ sets (整改期限30日) */
  daysField?: string;
  start: ClockStart;
  /** stops on these transitions, or on the date a field holds (the field wins when both are given) */
  stop?: { transitions?: readonly string[]; field?: string; timeField?: string };
  pauseOn?: readonly string[];
  resumeOn?: readonly string[];
  restartOn?: readonly string[];
  /**
   * a boolean setting deciding whether restartOn restarts the period (on, the default) or only resumes it (off):
   * a city decides whether a re-dispatched ticket's signing period starts over for the new unit
   */
  restartSetting?: string;
  /** who may extend the rule's extension, once, with a reason and a notice document */
  extension?: ClockExtension;
  /** a date field holding a later day fixed for the answer and told to the party (政府信息公开条例 art. 35): due then, if later */
  deferField?: string;
}

/** a declarative state machine for a ledger's records */
export interface WorkflowDef {
  states: Readonly<Record<string, StateDef>>;
  initial: string;
  /**
   * the state a record's values imply, for records that arrive without transitions (imports, demo data) and for
   * ledgers whose state follows an edited field; null keeps the state as it is
   */
  deriveState?: (values: Readonly<Record<string, unknown>>) => string | null;
  transitions: readonly TransitionDef[];
  clocks?: readonly ClockDef[];
  /** fields that follow from others (a 办理状态 kept in step with the dates), set whenever a transition captures values */
  computeFields?: (values: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  /**
   * fields computeFields derives, with how, in Chinese (shown read-only with this hint; a plain edit cannot set them):
   * { major: '根据处罚种类、罚款金额和当事人类型自动认定' }
   */
  derived?: Readonly<Record<string, string>>;
  /** reads the local settings computeFields depends on (provincial thresholds) before a write computes it */
  loadSettings?: (db: Kysely<Database>) => Promise<void>;
  /**
   * captured fields a plain edit may still change: free data a step records for convenience (the 承办人 named at
   * 立案), never a date, an opinion or a conclusion the law asks a step to record. Keep it short, each one reasoned.
   */
  editable?: readonly string[];
  /** owned fields' values a new record starts with (调解结果 “正在调解”): the create form shows and sends exactly these */
  startValues?: Readonly<Record<string, string | boolean | number>>;
  /** locks of final and published records, and how a correction or revocation goes (server/platform/ledger/correction.service.ts) */
  correction?: CorrectionDef;
}

export function defineWorkflow(def: WorkflowDef): WorkflowDef {
  return def;
}

export const transitionPermission = (l: Pick<LedgerDef, 'name'>, t: TransitionDef): string => t.permission ?? `${l.name}.transition.${t.name}`;

export const extensionPermission = (l: Pick<LedgerDef, 'name'>, c: ClockDef): string => c.extension?.permission ?? `${l.name}.clock.${c.id}.extend`;

const DEFAULT_TRANSITION_ROLES: readonly RoleCode[] = ['clerk', 'reviewer', 'county_admin'];
const DEFAULT_EXTENSION_ROLES: readonly RoleCode[] = ['leader', 'county_admin'];

/** the permissions a ledger's workflow introduces (those it derives; named existing permissions are not repeated) */
export function workflowPermissions(l: LedgerDef): PermissionDef[] {
  const wf = l.workflow;
  if (!wf) return [];
  const out = new Map<string, PermissionDef>();
  for (const t of wf.transitions) {
    if (t.permission) continue;
    out.set(transitionPermission(l, t), { code: transitionPermission(l, t), label: `${l.label}：${t.label}`, roles: t.roles ?? l.roles?.update ?? DEFAULT_TRANSITION_ROLES });
  }
  for (const c of wf.clocks ?? []) {
    if (!c.extension || c.extension.permission) continue;
    out.set(extensionPermission(l, c), { code: extensionPermission(l, c), label: `${l.label}：延长${c.rule.label}`, roles: c.extension.roles ?? DEFAULT_EXTENSION_ROLES });
  }
  out.set(correctionPermission(l), { code: correctionPermission(l), label: `${l.label}：更正、撤回已结案或已公开的记录`, roles: wf.correction?.roles ?? DEFAULT_CORRECTION_ROLES });
  return [...out.values()];
}

/** everything wrong with a ledger's workflow declaration; empty when it is sound */
export function workflowProblems(l: LedgerDef): string[] {
  const wf = l.workflow;
  if (!wf) return [];
  const problems: string[] = [];
  const fields = new Set(l.fields.map((f) => f.name));
  const states = new Set(Object.keys(wf.states));
  const names = new Set<string>();
  const at = `${l.name} workflow`;
  if (!states.has(wf.initial)) problems.push(`${at}: initial state ${wf.initial} is not declared`);
  for (const s of states) if (!/^[a-z][a-z0-9_]*$/.test(s) || s.length > 40) problems.push(`${at}: bad state name ${s}`);
  for (const t of wf.transitions) {
    if (!/^[a-z][a-z0-9_]*$/.test(t.name)) problems.push(`${at}: bad transition name ${t.name}`);
    if (names.has(t.name)) problems.push(`${at}: duplicate transition ${t.name}`);
    names.add(t.name);
    for (const s of [...t.from, ...(t.to === undefined ? [] : [t.to])]) if (!states.has(s)) problems.push(`${at}: transition ${t.name} uses undeclared state ${s}`);
    for (const f of [...(t.captures ?? []), ...(t.gates?.fields ?? [])]) if (!fields.has(f)) problems.push(`${at}: transition ${t.name} names unknown field ${f}`);
    if (t.signedBy && (!t.captures?.includes(t.signedBy) || l.fields.find((x) => x.name === t.signedBy)?.type !== 'text')) problems.push(`${at}: transition ${t.name} signedBy ${t.signedBy} is not a text field it captures`);
    if (t.dateField && (!t.captures?.includes(t.dateField) || l.fields.find((x) => x.name === t.dateField)?.type !== 'date')) problems.push(`${at}: transition ${t.name} dateField ${t.dateField} is not a date it captures`);
  }
  problems.push(...ownershipProblems(l, (t) => t.roles ?? l.roles?.update ?? DEFAULT_TRANSITION_ROLES));
  for (const t of wf.transitions) for (const a of t.gates?.after ?? []) if (!names.has(a)) problems.push(`${at}: transition ${t.name} waits for unknown transition ${a}`);
  for (const t of wf.transitions) {
    const ids = new Set<string>();
    for (const g of [...(t.gates?.notBefore ?? []), ...(t.gates?.notAfter ?? [])]) {
      if (ids.has(g.id)) problems.push(`${at}: transition ${t.name} has duplicate timing gate ${g.id}`);
      ids.add(g.id);
      if (!Number.isSafeInteger(g.days) || g.days < 0) problems.push(`${at}: timing gate ${g.id} has bad days ${g.days}`);
      if ('transition' in g.from && !names.has(g.from.transition)) problems.push(`${at}: timing gate ${g.id} starts on unknown transition ${g.from.transition}`);
      for (const f of ['field' in g.from ? g.from.field : undefined, g.on, ...(g.unless ?? [])]) {
        if (f !== undefined && !fields.has(f)) problems.push(`${at}: timing gate ${g.id} names unknown field ${f}`);
      }
      for (const f of ['field' in g.from ? g.from.field : undefined, g.on]) {
        if (f !== undefined && fields.has(f) && l.fields.find((x) => x.name === f)?.type !== 'date') problems.push(`${at}: timing gate ${g.id} field ${f} is not a date`);
      }
    }
  }
  const clockIds = new Set<string>();
  for (const c of wf.clocks ?? []) {
    if (!/^[a-z][a-z0-9_]*$/.test(c.id)) problems.push(`${at}: bad clock id ${c.id}`);
    if (clockIds.has(c.id)) problems.push(`${at}: duplicate clock ${c.id}`);
    clockIds.add(c.id);
    const used = [...(c.start.transitions ?? []), ...(c.stop?.transitions ?? []), ...(c.pauseOn ?? []), ...(c.resumeOn ?? []), ...(c.restartOn ?? []), ...(c.extension?.on ?? [])];
    for (const n of used) if (!names.has(n)) problems.push(`${at}: clock ${c.id} names unknown transition ${n}`);
    for (const f of [c.start.field, c.stop?.field, c.extension?.field, c.deferField]) {
      if (f === undefined) continue;
      if (!fields.has(f)) problems.push(`${at}: clock ${c.id} names unknown field ${f}`);
      else if (l.fields.find((x) => x.name === f)?.type !== 'date') problems.push(`${at}: clock ${c.id} field ${f} is not a date`);
    }
    if (!c.start.transitions?.length && !c.start.onCreate && !c.start.field) problems.push(`${at}: clock ${c.id} never starts`);
    if (c.extension && !c.rule.extension) problems.push(`${at}: clock ${c.id} declares an extension its rule does not allow`);
  }
  problems.push(...correctionProblems(l));
  return problems;
}

/** throws at start-up when a declaration is unsound, so a typo never becomes a silently dead gate */
export function assertWorkflow(l: LedgerDef): void {
  const problems = workflowProblems(l);
  if (problems.length) throw new Error(problems.join('\n'));
}
