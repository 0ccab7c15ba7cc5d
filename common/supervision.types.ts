/** one line of a 案卷评查 sheet: what is checked, its points, whether a failure makes the file 不合格 outright */
export interface SheetItem {
  code: string;
  category: string;
  label: string;
  points: number;
  veto?: boolean | undefined;
}

export interface SupervisionSheet {
  version: number;
  title: string;
  items: SheetItem[];
  total: number;
  thresholds: { excellent: number; pass: number };
  createdAt: string;
}

export interface ScoreLine {
  code: string;
  deduct: number;
  note: string;
}

/** a drawn case file and its score (null until scored) */
export interface ReviewCase {
  caseId: number;
  position: number;
  orgCode: string;
  orgName: string;
  caseNo: string;
  summary: string;
  closedOn: string | null;
  lines: ScoreLine[];
  vetoes: string[];
  total: number | null;
  grade: string | null;
  comment: string | null;
  scoredBy: string | null;
  scoredAt: string | null;
}

export interface ResultRow {
  key: string;
  label: string;
  cases: number;
  scored: number;
  average: number | null;
  excellent: number;
  pass: number;
  fail: number;
}

/** the commitment published before a draw: SHA-256 of the secret seed and the time; the seed itself only after the draw */
export interface DrawCommitment {
  seedHash: string;
  /** null for a draw made before commitments existed (its seed was never committed) */
  committedAt: string | null;
}

/** the three published facts, re-computed on the server */
export interface DrawChecks {
  seedMatchesCommitment: boolean;
  listMatchesHash: boolean;
  resultReproduced: boolean;
}

/** a made draw: the revealed seed, the frozen list with its hash, the checks */
export interface MadeDraw {
  seed: string;
  seedHash: string;
  committedAt: string | null;
  listHash: string;
  listText: string;
  candidates: number;
  drawnAt: string;
  algorithm: string;
  checks: DrawChecks;
  /** all three checks hold and the seed was committed before the list was frozen */
  verified: boolean;
}

/** a review plan's commitment, its draw (seed, frozen candidate list, result), scores and results */
export interface ReviewDetail {
  reviewId: number;
  state: string | null;
  drawn: boolean;
  commitment: DrawCommitment | null;
  draw: MadeDraw | null;
  sheet: SupervisionSheet | null;
  cases: ReviewCase[];
  byUnit: ResultRow[];
  byReviewer: ResultRow[];
}

/** the records behind a clue in one ledger, and the list page that opens exactly them */
export interface ClueSource {
  ledger: string;
  ledgerLabel: string;
  ids: number[];
  link: string;
}

/** a lead for the supervisor, computed from the records (行政执法监督条例's targets), for one unit */
export interface Clue {
  /** `kind:unit:year`, what an instrument or activity made from it records */
  key: string;
  kind: string;
  kindLabel: string;
  orgCode: string;
  orgName: string;
  year: number;
  /** one sentence with the figures: “检查发现违法应当立案但未见立案记录3件” */
  summary: string;
  count: number;
  sources: ClueSource[];
  /** instruments and activities already made from this clue */
  instruments: Array<{ id: number; no: string; kind: string; state: string | null }>;
  activities: Array<{ id: number; title: string }>;
}

export interface ClueList {
  year: number;
  kinds: Array<{ kind: string; label: string; basis: string }>;
  settings: Array<{ key: string; label: string; value: number }>;
  items: Clue[];
}

/** a 监督活动's draw of the towns it supervises: the commitment, then the draw with the drawn units */
export interface ActivityDrawDetail {
  activityId: number;
  unitCount: number;
  commitment: DrawCommitment | null;
  draw: (MadeDraw & { units: Array<{ code: string; name: string }> }) | null;
}
