import type { RoleCode } from '../auth/roles.ts';
import type { PersonalKind } from '../crypto/mask.ts';
import type { WorkflowDef } from '../workflow/workflow.types.ts';
import type { OrgKind } from '../orgs/org.service.ts';
import type { Ctx } from '../http/context.ts';

export type FieldType =
  | 'text' // one line
  | 'textarea' // free text
  | 'int'
  | 'decimal' // numeric(18,2): amounts, 万元
  | 'date' // ISO date
  | 'bool'
  | 'dict' // one value from a dictionary
  | 'dicts' // several values from a dictionary
  | 'ref' // the id of a record of another ledger
  | 'phone'
  | 'id_number' // 居民身份证号码
  | 'uscc' // 统一社会信用代码
  | 'party_id'; // an ID number or a USCC, whichever the party is

/**
 * the number of active records of the same ledger at the same organisation that share this record's identity (any
 * of the `same` fields, compared by their blind index when personal, a blank never matching) and whose `period.field`
 * falls in the same calendar month as this record's, up to this one (earlier dates, then earlier registration on the
 * same day): this record's place among them (含本件). Counted by the server inside the transaction of the step
 * `onStep` (when `when` holds; else cleared), stored on the record and never typed (decision 0033).
 */
export interface PeerCountDef {
  peers: { same: readonly string[]; period: { field: string; unit: 'month' } };
  onStep: string;
  when?: (values: Readonly<Record<string, unknown>>) => boolean;
  /** how it is counted, in Chinese, for the form and the refusal: “由系统{how}” */
  how: string;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** dictionary values (dict/dicts); labels are the values themselves, in Chinese */
  options?: readonly string[];
  /** a setting holding further values an administrator adds (a JSON array of strings): field-options.ts */
  optionsSetting?: string;
  /** for ref: the ledger name it points to */
  ref?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  /** words of this field go into the full-text index */
  searchable?: boolean;
  /** personal data: encrypted at rest, masked unless the role holds `<ledger>.personal` */
  personal?: PersonalKind;
  /**
   * free text that may hold personal data (an ID number typed into a comment): stored as written, shown with the
   * personal data masked (crypto/redact.ts) unless the role holds `<ledger>.personal`, and masked on the public site
   */
  redact?: true;
  /** offered as a list filter (dict → select, date → range, bool → yes/no, text → contains) */
  filter?: boolean;
  /** shown as a list column by default */
  list?: boolean;
  /** a short hint shown under the form field and in the Excel template */
  hint?: string;
  /** group title in forms (fields with the same group sit together) */
  group?: string;
  /**
   * filled from the record a ref field of this ledger points at (a case's benchmark range from the chosen
   * benchmark): copied when the ref is set or changed, kept afterwards, and never taken from input
   */
  copiedFrom?: { ref: string; field: string };
  /**
   * a figure the system counts, never typed (decision 0030): the active records of `ledger` whose `ref` field points
   * at this record (the activities held under a duty) and, with `where`, hold those values (a committee's members
   * among its mediators), kept by database triggers; or the names listed in the text
   * field `names` of this record, counted on every write; or, `peers`, the records of this same ledger a step counts
   * in its transaction (see peer-counts.ts)
   */
  counted?: { ledger: string; ref: string; where?: Readonly<Record<string, string | boolean | readonly string[]>> } | { names: string } | PeerCountDef;
  /** yes once the counted field `count` plus the opening balance `opening` (期初数, if any) reaches `target`: a generated column, never typed */
  reached?: { count: string; opening?: string; target: string };
  /** a number the system gives out (案号, 登记号, 文号), never typed by hand: see ledger.numbering.ts */
  numbered?: NumberedDef;
  /** a date field that is a deadline (整改期限, 办结时限): listed in 到期事项 while the `doneBy` field is empty */
  deadline?: { doneBy: string };
  /** dictionary values kept for the records that hold them but no longer chosen: refused on a new record, an edit to them or an import, with `message` */
  retired?: { options: readonly string[]; message: string };
}

/** how a numbered field gets its number: per organisation and year, in a format each organisation may set */
export interface NumberedDef {
  /** the counter's name, e.g. 'enforcement.case_no'; numbers restart at 1 each year for each organisation */
  series: string;
  /** what the 编号规则 page calls it: 行政执法案件案号 */
  label: string;
  /** the national default, with placeholders {机关简称} {单位} {年} {序号} {序号3} {类别}: '{机关简称}综执{类别}〔{年}〕{序号}号' */
  defaultFormat: string;
  /** given out when the record is created, or when the named transition is done (a decision's 文号 at 决定) */
  assignOn: 'create' | { transition: string };
  /** a number given on a transition only when the record's values call for one (a written agreement, not an oral one) */
  when?: (values: Readonly<Record<string, unknown>>) => boolean;
  /** the date field whose year the number carries (else the day it is given out) */
  yearFrom?: string;
  /** {类别}: a short code from a dictionary field (行政处罚 → 罚), each code numbered on its own */
  kindFrom?: { field: string; codes: Readonly<Record<string, string>> };
  /** a document of the organisation of this kind above the holder (a county's 监督意见书 held by the town it is served on): counted and named in its name */
  issuer?: OrgKind;
}

export interface CrossFieldRule {
  /** field the message is attached to */
  field: string;
  message: string;
  /** true when the record is fine */
  check(record: Record<string, unknown>): boolean;
}

export type LedgerAction = 'read' | 'create' | 'update' | 'withdraw' | 'export' | 'import' | 'personal';

export interface LedgerDef {
  /** dotted name, module first: 'mediation.case'; also the permission prefix */
  name: string;
  /** SQL table name */
  table: string;
  label: string;
  /** what one record is called: 案件, 调解员, 活动 */
  noun: string;
  module: string;
  fields: readonly FieldDef[];
  /** the field (or fields joined) that names a record in lists, history and links */
  titleFields: readonly string[];
  /** list order */
  defaultSort?: { field: string; dir: 'asc' | 'desc' };
  /** the date that places a record in a period (for figures and year filters) */
  dateField?: string;
  rules?: readonly CrossFieldRule[];
  /** who holds each action by default; the platform default applies where absent */
  roles?: Partial<Record<LedgerAction, readonly RoleCode[]>>;
  /** unique within an organisation (e.g. a case number) */
  uniqueFields?: readonly string[];
  /**
   * what identifies a likely duplicate (issue #22: the same case typed in twice): each entry is a set of fields; an
   * active record of the same unit holding the same values in all of them is named on create, which saves only once
   * the user confirms (body `confirmDuplicate: true`); an import's dry run names them too
   */
  duplicateKeys?: ReadonlyArray<readonly string[]>;
  /** lifecycle: states, transitions with their permissions and gates, statutory clocks (server/platform/workflow) */
  workflow?: WorkflowDef;
  /**
   * drawn on the home page as the year's records by month of its dateField (issue #22), under this name (行政执法案件);
   * only a ledger with a dateField
   */
  homeChart?: string;
  /** the levels of organisation that may hold records (a department counts at its parent's level): org-levels.ts */
  orgLevels?: readonly OrgKind[];
  /**
   * at these of the orgLevels only a department may hold records, never the government itself: a 监督文书 is served
   * on a town (or its office) or on a county department, not on the county government (org-levels.ts)
   */
  departmentsOnlyAt?: readonly OrgKind[];
  /**
   * fields a step outside the form has fixed on this record (a draw's units once drawn, a plan's period once its files
   * are drawn): a plain edit that changes one is refused naming it and why; the same value sent back passes
   */
  fieldLocks?: (ctx: Ctx, row: Readonly<Record<string, unknown>>) => Promise<ReadonlyArray<{ fields: readonly string[]; reason: string }>>;
}

export function defineLedger(def: LedgerDef): LedgerDef {
  const names = new Set<string>();
  for (const f of def.fields) {
    if (!/^[a-z][a-z0-9_]*$/.test(f.name)) throw new Error(`${def.name}: bad field name ${f.name}`);
    if (names.has(f.name)) throw new Error(`${def.name}: duplicate field ${f.name}`);
    if (RESERVED.has(f.name)) throw new Error(`${def.name}: ${f.name} is reserved`);
    if ((f.type === 'dict' || f.type === 'dicts') && !f.options?.length) throw new Error(`${def.name}.${f.name}: dictionary without options`);
    if (f.retired?.options.some((o) => !f.options?.includes(o))) throw new Error(`${def.name}.${f.name}: a retired value must stay among the options`);
    if (f.type === 'ref' && !f.ref) throw new Error(`${def.name}.${f.name}: ref without target`);
    names.add(f.name);
  }
  for (const f of def.fields) {
    if (f.counted && f.type !== 'int') throw new Error(`${def.name}.${f.name}: a counted field must be an int`);
    if (f.counted && 'names' in f.counted && !names.has(f.counted.names)) throw new Error(`${def.name}.${f.name}: counts names of unknown field ${f.counted.names}`);
    if (f.counted && 'peers' in f.counted) {
      const { same, period } = f.counted.peers;
      if (![...same, period.field].every((n) => names.has(n)) || !same.length) throw new Error(`${def.name}.${f.name}: peer count on unknown fields`);
      if (def.fields.find((x) => x.name === period.field)?.type !== 'date') throw new Error(`${def.name}.${f.name}: a peer count's period field must be a date`);
      if (!def.workflow?.transitions.some((t) => t.name === (f.counted as PeerCountDef).onStep)) throw new Error(`${def.name}.${f.name}: peer count on unknown step`);
    }
    if (f.reached && (f.type !== 'bool' || ![f.reached.count, f.reached.target, f.reached.opening ?? f.reached.count].every((n) => names.has(n)))) throw new Error(`${def.name}.${f.name}: bad reached field`);
  }
  for (const f of def.fields) {
    if (!f.deadline) continue;
    if (f.type !== 'date') throw new Error(`${def.name}.${f.name}: a deadline must be a date field`);
    if (!names.has(f.deadline.doneBy)) throw new Error(`${def.name}.${f.name}: deadline done by unknown field ${f.deadline.doneBy}`);
  }
  if (def.homeChart && def.fields.find((f) => f.name === def.dateField)?.type !== 'date') throw new Error(`${def.name}: a home chart needs a date field`);
  for (const key of def.duplicateKeys ?? []) {
    const bad = key.filter((n) => {
      const f = def.fields.find((x) => x.name === n);
      // a personal field is compared by its blind index: only the kinds that have one
      return !f || (f.personal && !['id_number', 'uscc', 'party_id', 'phone'].includes(f.type));
    });
    if (!key.length || bad.length) throw new Error(`${def.name}: duplicate key on unknown or personal fields ${bad.join(', ')}`);
  }
  if (!/^[a-z][a-z0-9_]*$/.test(def.table)) throw new Error(`${def.name}: bad table name`);
  return def;
}

export const RESERVED = new Set(['id', 'org_code', 'status', 'withdrawn_reason', 'withdrawn_at', 'withdrawn_by', 'search_text', 'search_tsv', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'state']);

export const DEFAULT_ROLES: Record<LedgerAction, readonly RoleCode[]> = {
  read: ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
  create: ['clerk', 'reviewer', 'county_admin'],
  update: ['clerk', 'reviewer', 'county_admin'],
  withdraw: ['reviewer', 'leader', 'county_admin'],
  export: ['clerk', 'reviewer', 'leader', 'supervisor', 'county_admin'],
  import: ['clerk', 'reviewer', 'county_admin'],
  personal: ['clerk', 'reviewer', 'leader'],
};

export const ACTION_LABELS: Record<LedgerAction, string> = {
  read: '查看',
  create: '新增',
  update: '修改',
  withdraw: '撤销',
  export: '导出',
  import: '导入',
  personal: '查看完整个人信息',
};

export const perm = (ledger: LedgerDef, action: LedgerAction): string => `${ledger.name}.${action}`;
