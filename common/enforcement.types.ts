// Type-only: the JSON shapes the enforcement API returns, shared by the server (which builds them) and the web app
// (which reads them). No runtime code and no imports from server/ or web/ here.

// ---- 双随机、一公开 ----

/** a target as frozen into a draw: the registry row at the moment of the draw */
export interface DrawTarget {
  id: number;
  name: string;
  uscc: string;
  domain: string;
}

export interface DrawInspector {
  id: number;
  name: string;
  certNo: string;
  qualifications: readonly string[];
  /** USCCs of targets the inspector must stay away from (回避) */
  avoid: readonly string[];
}

export interface DrawAssignment {
  targetId: number;
  inspectorIds: number[];
}

/** committed: the seed's hash is published; frozen: the candidate lists too; drawn: the seed revealed and drawn; cancelled: discarded (with the reason) */
export type DrawStatus = 'committed' | 'frozen' | 'drawn' | 'cancelled';

export interface DrawRecord {
  id: number;
  orgCode: string;
  title: string;
  matterId: number;
  /** the matter's domain: only entities of this domain are candidates */
  domain: string | null;
  status: DrawStatus;
  /** revealed once the draw is made or discarded; null while only its commitment is public */
  seed: string | null;
  /** SHA-256 of the seed, published before the lists are frozen (null for a legacy draw) */
  seedHash: string | null;
  /** SHA-256 of the frozen lists' text (frozenListText) */
  listHash: string | null;
  committedAt: string | null;
  frozenAt: string | null;
  drawnAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** drawn before seeds were committed: the seed may have been chosen by the operator */
  legacy: boolean;
  targetCount: number;
  perTarget: number;
  maxPerInspector: number;
  drawnOn: string | null;
  targets: DrawTarget[];
  inspectors: DrawInspector[];
  result: DrawAssignment[];
  caseIds?: number[];
}

/** a draw attempt as a list shows it, the department's and the public site's */
interface DrawListItem {
  id: number;
  title: string;
  status: DrawStatus;
  legacy: boolean;
  seedHash: string | null;
  committedAt: string | null;
  drawnOn: string | null;
  cancelReason: string | null;
  targets: number;
}

/** a draw in the department's list */
export interface DrawSummary extends DrawListItem {
  orgCode: string;
  tasks: number;
}

/** what the server's re-computation found; null where there is nothing to check yet (or no commitment, for a legacy draw) */
export interface DrawChecks {
  seedMatchesCommitment: boolean | null;
  listMatchesHash: boolean | null;
  resultReproduced: boolean | null;
}

/** a published draw attempt with its commitment, frozen lists (avoidance lists included: the re-run needs them) and each task's result */
export interface PublicDraw extends DrawRecord {
  orgName: string;
  matterName: string;
  /** every check passed on a drawn, non-legacy draw */
  verified: boolean;
  checks: DrawChecks;
  algorithm: string;
  procedure: string;
  outcomes: Array<{ uscc: string; result: string | null; closedOn: string | null }>;
}

/** a draw attempt in the public site's list */
export interface PublicDrawSummary extends DrawListItem {
  orgName: string;
  drawn: number;
}

/** 裁量基准公开: one matter's benchmarks in a town */
export interface PublicBenchmarkMatter {
  matterId: number;
  code: string;
  name: string;
  law: string;
  article: string | null;
  benchmarks: Array<{ id: number; circumstance: string; level: string; min: number; max: number; firstViolationExempt: boolean; quickMinor: boolean; note: string | null }>;
}

export interface PublicBenchmarks {
  orgs: Array<{ code: string; name: string }>;
  orgCode: string | null;
  orgName: string | null;
  items: PublicBenchmarkMatter[];
}

/** 罚没收入同比: one area's fines this year to date against the same period last year */
export interface FinesGrowth {
  orgCode: string;
  orgName: string;
  /** the county total, or one town */
  county: boolean;
  from: string;
  to: string;
  lastFrom: string;
  lastTo: string;
  amount: number;
  lastAmount: number;
  cases: number;
  /** percentage; null when last year's figure is 0 */
  growth: number | null;
  threshold: number;
  alert: boolean;
}

// ---- repeated-inspection alert ----

export interface InspectionVisit {
  uscc: string;
  party: string;
  orgCode: string;
  orgName: string;
  date: string;
  caseId: number;
}

export interface RepeatedInspection {
  uscc: string;
  party: string;
  from: string;
  to: string;
  bodies: string[];
  visits: InspectionVisit[];
}

// ---- 执法事项目录 ----

/** one matter as frozen into a published catalog version */
export interface CatalogItem {
  code: string;
  name: string;
  matterType: string;
  category: string;
  selfSelected: boolean;
  domain: string | null;
  law: string;
  article: string | null;
  guidingDept: string | null;
}

/** the figures a report quotes: "法定执法事项27项、赋权执法事项54项（其中自选39项）、可委托执法事项50项" */
export interface CatalogCounts {
  total: number;
  statutory: number;
  delegated: number;
  selfSelected: number;
  entrusted: number;
}

export interface CatalogVersion {
  id: number;
  orgCode: string;
  orgName: string;
  label: string;
  publishedOn: string;
  note: string | null;
  counts: CatalogCounts;
  createdBy: string;
  createdAt: string;
}

/** a published catalog version with its matters and the organisation's other versions */
export interface PublicCatalog extends CatalogVersion {
  items: CatalogItem[];
  versions: Array<{ id: number; label: string; publishedOn: string }>;
}

// ---- 执法公示 ----

/** a published decision; a person's name, ID number and phone are masked */
export interface PublicDecision {
  id: number;
  organ: string;
  caseNo: string;
  caseType: string;
  partyKind: string;
  party: string;
  partyIdNumber: string | null;
  partyUscc: string | null;
  partyPhone: string | null;
  matter: string;
  legalBasis: string;
  penaltyKinds: string[];
  amount: number | null;
  result: string;
  decidedOn: string;
  publishedOn: string;
  /** the day the published decision was last corrected (“于…更正”), null when never */
  correctedOn: string | null;
}

/** 首违不罚: what the look-up of the party's earlier violations of the same matter found (stored with the decision) */
export interface PriorViolationCheck {
  checkedOn: string;
  /** what the party was matched by: 统一社会信用代码、身份证号码、名称 */
  by: string;
  count: number;
  items: Array<{ caseId: number; caseNo: string; decidedOn: string; result: string }>;
  summary: string;
}
