import type { TimelineBase } from '../../../../common/workflow.types.ts';

/** the field types a ledger may declare (GET /api/ledgers/:name/meta) */
export type FieldType = 'text' | 'textarea' | 'int' | 'decimal' | 'date' | 'bool' | 'dict' | 'dicts' | 'ref' | 'phone' | 'id_number' | 'uscc' | 'party_id';

export interface LedgerField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: string[];
  /** the referenced ledger of a ref field */
  ref?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  searchable?: boolean;
  /** personal data: masked for users without the ledger's personal permission */
  personal?: string;
  filter?: boolean;
  list?: boolean;
  hint?: string;
  group?: string;
  /** filled by the server from the record a ref field points at: shown, not editable */
  copiedFrom?: { ref: string; field: string };
  /** dictionary values kept for old records: shown, not offered */
  retired?: { options: string[]; message: string };
  /** recorded by these workflow steps only: shown read-only in the edit form (decision 0011) */
  ownedBy?: Array<{ transition: string; label: string }>;
  /** derived by the server from other fields, with how: shown read-only */
  derived?: string;
  /** the value a new record starts with in an owned field (shown, sent, not chosen) */
  startValue?: string | boolean | number;
  /** a number the system gives out (案号, 登记号, 文号): shown, never typed */
  numbered?: { series: string; label: string; defaultFormat: string; assignOn: 'create' | { transition: string } };
}

export interface LedgerCan {
  read: boolean;
  create: boolean;
  update: boolean;
  withdraw: boolean;
  export: boolean;
  import: boolean;
  personal: boolean;
}

export interface LedgerMeta {
  name: string;
  label: string;
  noun: string;
  module: string;
  dateField: string | null;
  defaultSort: { field: string; dir: 'asc' | 'desc' } | null;
  /** workflow states for the 办理状态 column and filter; null for a ledger without a workflow */
  states?: Array<{ value: string; label: string; final: boolean }> | null;
  fields: LedgerField[];
  can: LedgerCan;
}

export interface LedgerSummary {
  name: string;
  label: string;
  module: string;
  noun: string;
}

export type FieldValue = string | number | boolean | string[] | null;

export interface LedgerRecord {
  id: number;
  orgCode: string;
  orgName: string;
  title: string;
  status: 'active' | 'withdrawn';
  state: string | null;
  stateLabel?: string | null;
  withdrawnReason: string | null;
  values: Record<string, FieldValue | undefined>;
  refs: Record<string, string | undefined>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
  /** fields a step has fixed on this record, with why (shown read-only in the edit form) */
  lockedFields?: Record<string, string>;
}

export interface Attachment {
  id: number;
  kind: string | null;
  name: string;
  mime: string;
  size: number;
  hash: string;
  createdAt: string;
  createdBy: string;
  /** when the phone took it (拍照取证/录像取证), else null */
  capturedAt: string | null;
  /** where the phone was: the place of the inspection; null when not captured or no position was given */
  place: { lat: number; lng: number; accuracy: number | null } | null;
}

export interface LedgerRecordDetail extends LedgerRecord {
  attachments: Attachment[];
}

export interface LedgerPage {
  items: LedgerRecord[];
  total: number;
  /** a search with more hits than the server counts: `total` is that cap */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  diff: unknown;
}

export interface ImportReport {
  total: number;
  valid: number;
  invalid: number;
  /** rows of an export read back whose record is already here, unchanged: not imported again */
  unchanged: number;
  errors: Array<{ row: number; column: string; message: string }>;
  /** rows that likely repeat a record already kept, or an earlier row: imported only when confirmed */
  duplicates: Array<{ row: number; column: string; message: string }>;
  duplicatesConfirmed: boolean;
  imported: number;
  mode: 'check' | 'all' | 'valid';
}

// ---- workflow (ledgers that declare one) ----

export type { ClockStatus, TimelineClock } from '../../../../common/workflow.types.ts';

export interface TimelineTransition {
  name: string;
  label: string;
  to: string | null;
  toLabel: string;
  permitted: boolean;
  blockedBy: Array<{ path: string; label: string; message: string }>;
  /** a period the law grants someone is still running: the day from which it may be done, and why */
  notBefore: string | null;
  waitReason: string | null;
  /** signedBy: the signed-in user's name the server records in this field (shown read-only, never typed) */
  captures: Array<Pick<LedgerField, 'name' | 'label' | 'type' | 'required' | 'options' | 'hint'> & { signedBy?: string }>;
  note: 'required' | 'optional' | null;
  extends: string[];
  /** done through a dedicated form on the record page (a module's record panel), not the generic one: where to find it */
  dedicated?: string | null;
  /** the step hands the record to another unit (改派): the label of the unit to choose */
  moves?: string | null;
  /** the captured date field that is the step's own date (退回日期, 告知补正日期): asked for in place of 办理日期 */
  dateField?: string | null;
}

export interface TimelineEvent {
  id: number;
  transition: string;
  label: string;
  fromState: string | null;
  toState: string | null;
  fromLabel: string | null;
  toLabel: string | null;
  onDate: string;
  at: string;
  actor: string;
  actorName: string;
  data: Record<string, unknown>;
}

export interface Timeline extends TimelineBase {
  transitions: TimelineTransition[];
  events: TimelineEvent[];
}
