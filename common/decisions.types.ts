// Type-only: the JSON shapes the decisions and normative-documents API returns, shared by the server (which builds
// them) and the web app (which reads them). No runtime code and no imports from server/ or web/ here.

// ---- 重大行政决策: the five procedures ----

export interface ProcedureStatus {
  key: string;
  label: string;
  status: 'done' | 'skipped' | 'missing';
  date: string | null;
  /** the evidence summary, or for a skipped one the reason */
  text: string | null;
  /** what is still missing, in Chinese, when status is missing */
  missing: string | null;
}

export interface DecisionChecklist {
  procedures: ProcedureStatus[];
  /** the five are all recorded: 作出决定 is not blocked by them */
  ready: boolean;
  meeting: { speakers: string[]; principalLeader: string | null; warning: string | null };
  comments: { total: number; unanswered: number; answered: number; published: number };
}

// ---- 规范性文件清理 ----

/** a cleanup's result; the server's CLEANUP_RESULTS lists the same three */
export type CleanupResult = '继续有效' | '修改' | '废止';

/** a normative document as the lists show it (the cleanup campaign, the public site) */
export interface NormdocRow {
  id: number;
  orgCode: string;
  docNo: string | null;
  title: string;
  draftingUnit: string;
  publishOn: string | null;
  validUntil: string | null;
  effect: string | null;
}

export interface CampaignRow extends NormdocRow {
  cleanup: { id: number; result: CleanupResult; reason: string; reviewedOn: string | null } | null;
}

export interface Campaign {
  year: number;
  items: CampaignRow[];
  counts: { total: number; kept: number; amended: number; repealed: number; pending: number };
  /** the sentence the annual report uses: 继续有效189件，修改3件，废止42件 */
  summary: string;
}

/** the 备案审查 states of a normative document a town filed with the county government */
export type FilingReviewState = 'filed' | 'filing_received' | 'correction_requested' | 'filing_passed';

export interface FilingReviewRow {
  id: number;
  orgCode: string;
  orgName: string;
  docNo: string | null;
  title: string;
  publishOn: string | null;
  filedOn: string | null;
  receivedOn: string | null;
  reviewedOn: string | null;
  conclusion: string | null;
  correctionDueOn: string | null;
  correctedOn: string | null;
}

export interface FilingReviewList {
  state: FilingReviewState;
  counts: Record<FilingReviewState, number>;
  items: FilingReviewRow[];
}
