import type { ReportContent, UnitSource } from '../../../../common/reports.types.ts';
import { TOKEN_RE } from './live-text.ts';

export type ReportStatus = 'drafting' | 'submitted' | 'returned' | 'published';

export type { ReportContent, ReportItem, ReportSection } from '../../../../common/reports.types.ts';

export interface BreakdownPart {
  label: string;
  value: number;
  link?: string | null;
}

/** one live figure of the report, computed from the ledgers */
export interface IndicatorValue {
  id: string;
  kind: string;
  label: string;
  unit: string;
  value: number;
  breakdown: BreakdownPart[];
  recordCount: number;
  link: string | null;
  previous?: number | null;
  /** counted whatever the records' dates (a roster): the same in any year */
  snapshot?: boolean;
  /** a rate's denominator: 0 means there is nothing to rate */
  denominator?: { id: string; value: number };
}

export interface ReportCheck {
  id: string;
  ok: boolean;
  severity: 'error' | 'warning';
  message: string;
  at?: { section: string; item: number };
}

export interface ReportVersion {
  id: number;
  versionNo: number;
  status: string;
  submittedAt: string | null;
  submittedBy: string | null;
  late: boolean;
  publishedAt: string | null;
  secrecyOpinion: string | null;
  returnReason: string | null;
}

export interface ReportDraft {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  status: ReportStatus;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  content: ReportContent;
  values: IndicatorValue[];
  checks: ReportCheck[];
  dueDate: string;
  versions: ReportVersion[];
  /** a county's report: where each unit's figures come from */
  units: UnitSource[] | null;
}

export type { SubmissionRow, Submissions, UnitSource } from '../../../../common/reports.types.ts';

export interface DeadlineSetting {
  key: string;
  label: string;
  basis: string;
  default: string;
  value: string;
}

export interface VersionDiff {
  indicators: Array<{ id: string; label: string; unit: string; frozen: number; current: number; added: number[]; removed: number[] }>;
}

export interface RollupRow {
  orgCode: string;
  orgName: string;
  kind: string;
  status: string;
  statusLabel: string;
  submittedAt: string | null;
  late: boolean;
  draftId: number | null;
  versionId: number | null;
}

export interface Rollup {
  year: number;
  dueDate: string;
  rows: RollupRow[];
}

export interface Compare {
  indicators: Array<{ id: string; label: string; unit: string }>;
  units: Array<{ orgCode: string; orgName: string; values: Record<string, number> }>;
}

export const reportKeys = {
  draft: (id: number) => ['reports', 'annual', id] as const,
  rollup: (year: number) => ['reports', 'rollup', year] as const,
  compare: (year: number) => ['reports', 'compare', year] as const,
  diff: (versionId: number) => ['reports', 'diff', versionId] as const,
  deadlines: ['reports', 'deadlines'] as const,
  submissions: (year: number) => ['reports', 'submissions', year] as const,
};

export const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  drafting: { label: '起草中', color: 'processing' },
  not_started: { label: '未开始', color: 'default' },
  submitted: { label: '已提交', color: 'blue' },
  returned: { label: '已退回', color: 'orange' },
  late: { label: '逾期提交', color: 'gold' },
  overdue: { label: '逾期未提交', color: 'red' },
  published: { label: '已发布', color: 'green' },
  superseded: { label: '已被更正', color: 'default' },
};

export const exportUrl = (draftId: number, format: string): string => `/api/reports/annual/${draftId}/export?format=${format}`;
export const versionExportUrl = (versionId: number, format: string): string => `/api/reports/annual/versions/${versionId}/export?format=${format}`;

/** "/ledgers/mediation.case?…" → "mediation.case" */
export function ledgerOfLink(link: string | null | undefined): string | null {
  const m = /^\/ledgers\/([^/?#]+)/.exec(link ?? '');
  return m?.[1] ?? null;
}

/** every live field id used in the content */
export function usedFields(content: ReportContent): Set<string> {
  const texts = [...content.preamble, ...content.sections.flatMap((s) => s.items.map((i) => i.text))];
  return new Set(texts.flatMap((t) => [...t.matchAll(TOKEN_RE)].map((m) => m[1] ?? '')));
}
