// the shapes of the 行政执法统计年报 and the reconciliation of the three annual reports
// (server/modules/annual-report/stats.*, reconcile.*), shared by the server and the web app; type-only

/** what a cell of the province's table shows: an indicator (or one part of its breakdown), or no source in this system */
export type CellBinding =
  | { indicator: string; part?: string | undefined }
  /** the province asks for a figure this system keeps no records of: printed as the reason, never as 0 */
  | { none: string };

export interface LayoutColumn {
  key: string;
  label: string;
}

export interface LayoutRow {
  key: string;
  /** the behaviour type (行政许可 …) the row belongs to: the first column, spanning its rows */
  group: string;
  label: string;
  unit: string;
  /** 1 for a 其中 row */
  indent?: number | undefined;
  /** a binding per column key; a column left out is not applicable to the row (printed —) */
  cells: Record<string, CellBinding>;
}

export interface CellRef {
  row: string;
  col: string;
}

/** the table's own rules: 合计 = sum of parts, a part no larger than its whole, a rate = numerator / denominator */
export type LayoutCheck =
  | { id: string; kind: 'sum'; label: string; total: CellRef; parts: CellRef[] }
  | { id: string; kind: 'atMost'; label: string; part: CellRef; whole: CellRef }
  | { id: string; kind: 'ratio'; label: string; rate: CellRef; numerator: CellRef; denominator: CellRef; digits: number };

export interface StatsLayoutContent {
  title: string;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  checks: LayoutCheck[];
}

export interface StatsLayout extends StatsLayoutContent {
  version: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
}

export interface StatsCell {
  row: string;
  col: string;
  /** null: no source in this system (see `note`), or not applicable */
  value: number | null;
  source: 'indicator' | 'none' | 'override' | 'na';
  /** the indicator the cell is bound to (and the part of its breakdown) */
  indicator?: string | undefined;
  part?: string | undefined;
  /** what the indicator gives, when a cell was adjusted by hand */
  computed?: number | undefined;
  /** why a cell has no source, or why it was adjusted */
  note?: string | undefined;
  link?: string | null | undefined;
}

export interface StatsRow {
  key: string;
  group: string;
  label: string;
  unit: string;
  indent: number;
  cells: StatsCell[];
}

export interface StatsCheck {
  id: string;
  ok: boolean;
  severity: 'error' | 'warning';
  message: string;
}

export interface StatsTable {
  title: string;
  layoutVersion: number;
  columns: LayoutColumn[];
  rows: StatsRow[];
  checks: StatsCheck[];
}

/** a hand adjustment of a cell, with the reason the unit gives for departing from its records */
export interface CellOverride {
  value: number;
  reason: string;
}

/** the content kept in the draft: the layout version it is drawn on and the adjusted cells by `row:col` */
export interface StatsContent {
  title: string;
  layoutVersion: number;
  overrides: Record<string, CellOverride>;
}

export interface StatsVersionSummary {
  id: number;
  versionNo: number;
  status: string;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
  publishedAt: string | null;
  secrecyOpinion: string | null;
  returnReason: string | null;
}

export interface StatsView {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  status: string;
  version: number;
  content: StatsContent;
  table: StatsTable;
  dueDate: string;
  versions: StatsVersionSummary[];
  /** a county's report: where each unit's figures come from */
  units: Array<{ code: string; name: string; source: string; versionNo: number | null }> | null;
}

/** the three reports the reconciliation reads */
export type ReconciledReport = 'annual' | 'disclosure' | 'stats';

export interface ReconciledPlace {
  report: ReconciledReport;
  reportLabel: string;
  /** where in the report: the paragraph, the table cell */
  place: string;
  /** the figure the report prints there; null when the report does not exist yet or does not print it */
  value: number | null;
  /** which edition was read: the draft, or the latest submitted/final version (with its number) */
  edition: string;
  /** why value is null */
  missing?: string | undefined;
}

export interface ReconciledFact {
  id: string;
  label: string;
  unit: string;
  indicator: string;
  indicatorValue: number | null;
  places: ReconciledPlace[];
  ok: boolean;
  /** the failed checks, each naming both places */
  problems: string[];
}

export interface Reconciliation {
  org: { code: string; name: string };
  year: number;
  facts: ReconciledFact[];
  ok: boolean;
}
