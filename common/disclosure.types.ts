// the shapes of /api/disclosure/report and /api/public/disclosure/* (server/modules/disclosure), shared by the server and the web app
// type-only: no runtime code here

/** a table cell in the official layout: text, or text with spans as in HTML (covered positions left out) */
export type TableCellSpec = string | { text: string; colSpan?: number; rowSpan?: number; head?: boolean; align?: 'left' | 'center' };

// the 政府信息公开工作年度报告 in the format of 国办公开办函〔2021〕30号: six sections, three tables

export interface Cell {
  value: number | null;
  /** the records behind the figure (ledger ids), when it comes from this module's ledgers */
  ids?: number[];
  /** web path of the records (or the indicator's list) behind the figure */
  link?: string | null;
  /** where the figure comes from: this module's records, another module's indicator, or typed in */
  source: 'records' | 'indicator' | 'manual';
  /** for manual and indicator cells: which ledger or office the figure should come from */
  note?: string;
  /** for manual cells: the key its typed-in value is saved under (`row:col`) */
  key?: string;
}

export interface TableRow {
  key: string;
  /** the row's full name (as the checks quote it) */
  label: string;
  /**
   * the row's label cells in the official layout, spans as in HTML: a cell spanning rows below is left out of
   * those rows' `lead` (table 三's 三、本年度办理结果 and （三）不予公开 span their reasons)
   */
  lead: TableCellSpec[];
  /** a sub-heading row inside the table (table 二's 第二十条第（五）项): label cells only, no figures */
  heading?: boolean;
  /** columns each figure cell spans (table 二's single-figure rows span the three figure columns) */
  valueSpan?: number;
  cells: Cell[];
}

export interface ReportTable {
  key: 'table2' | 'table3' | 'table4';
  title: string;
  /** header rows in the official layout (spans as in HTML) */
  header: TableCellSpec[][];
  /** relative column widths of the printed table */
  widths: number[];
  rows: TableRow[];
}

export interface ReportSection {
  key: string;
  title: string;
  paragraphs: string[];
  /** the narrative may be edited in the draft */
  editable: boolean;
  table?: ReportTable;
}

export interface IdentityCheck {
  id: string;
  ok: boolean;
  message: string;
  /** the cell found wrong: row key and column index */
  cell?: { row: string; col: number };
}

export interface DisclosureReport {
  org: { code: string; name: string };
  year: number;
  title: string;
  sections: ReportSection[];
  checks: IdentityCheck[];
}

/** GET /api/disclosure/applications/:id/applicant-requests: the applicant's requests in the period (政府信息公开条例 art. 35) */
export interface ApplicantRequests {
  /** the period: the `days` calendar days ending on the day the reasons are asked (before that, the day given) */
  from: string;
  to: string;
  days: number;
  /** more than this many requests in the period is clearly beyond a reasonable range (local setting) */
  threshold: number;
  /** how the applicant is recognised: 身份证件号码, 统一社会信用代码, 联系电话 */
  matchedBy: string[];
  /** this application included */
  count: number;
  exceeds: boolean;
  requests: Array<{ id: number; app_no: string; received_on: string; subject: string; state: string | null }>;
}

/** 本自然月累计申请件数 (按件计收): the figure the fee notice recorded, and the records it counts today (decision 0033) */
export interface FeeCount {
  /** what the 发出收费通知 step counted and stored, null before it (or when the fee was charged by pages) */
  stored: number | null;
  /** how the system counts it */
  how: string;
  /** the calendar month of receipt, YYYY-MM */
  month: string | null;
  matchedBy: string[];
  /** counted now from the records: this application's place among the applicant's applications of the month */
  count: number;
  requests: Array<{ id: number; app_no: string; received_on: string; subject: string; state: string | null }>;
}
