// the shapes of the annual report's content (server/modules/annual-report), shared by the server and the web app
// type-only: no runtime code here

/** a report's content: its five mandated parts, each a list of sub-headings and paragraphs with live fields */
export interface ReportItem {
  type: 'heading' | 'para';
  /** the text, with live fields {{id}} and clauses [[…]] left out when a figure in them has nothing to count */
  text: string;
  /** printed instead of the paragraph when its first live field has nothing to count (本年度未发生…) */
  none?: string | undefined;
}

export interface ReportSection {
  key: string;
  title: string;
  required: boolean;
  items: ReportItem[];
}

export interface ReportContent {
  title: string;
  /** the opening paragraph(s) before part one */
  preamble: string[];
  sections: ReportSection[];
  /**
   * a county's report: units that have not submitted count with their current ledger figures, labelled as such
   * (by default they are left out of the totals and marked 未报送)
   */
  liveUnsubmitted?: boolean | undefined;
}

/**
 * where a county report's figures for one unit come from: the unit's submitted report (its frozen figures), its
 * current ledger records (the county chose to include units that have not submitted, labelled), or nowhere (not
 * submitted, left out of the totals and marked)
 */
export interface UnitSource {
  code: string;
  name: string;
  source: 'submitted' | 'live' | 'missing';
  versionId: number | null;
  versionNo: number | null;
  submittedAt: string | null;
}

/** a yearly report a unit below a county owes (decision 0033): given by the module that keeps the report */
export interface ReportObligation {
  /** which report: 'annual' (法治政府建设年度报告), 'disclosure' (政府信息公开工作年度报告) */
  report: string;
  reportLabel: string;
  /** what the unit must do by the due day: 报送 (to the county) or 公布 */
  duty: string;
  orgCode: string;
  orgName: string;
  orgKind: string;
  /** the county the unit reports to */
  countyCode: string;
  year: number;
  due: string;
  status: 'not_started' | 'draft' | 'final' | 'submitted' | 'published';
  statusLabel: string;
  /** the Beijing day the duty was met (submitted to the county, or published); null while it is not */
  doneOn: string | null;
  link: string;
  /** the permissions of who writes and submits it at the unit (leader and clerks): they are reminded */
  unitPermissions: string[];
}

/** one line of 报送情况: the obligation read on `today` */
export interface SubmissionRow extends ReportObligation {
  late: boolean;
  /** days past the due day: up to the day it was met, or up to today while it is not */
  daysLate: number;
  lastUrgedAt: string | null;
  urges: number;
}

export interface Submissions {
  year: number;
  today: string;
  reminderDays: number[];
  rows: SubmissionRow[];
}
