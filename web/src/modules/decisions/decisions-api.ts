import type { CleanupResult, NormdocRow } from '../../../../common/decisions.types.ts';
import type { LedgerRecord } from '../../platform/ledger/ledger-types.ts';

export type { Campaign, CampaignRow, CleanupResult, DecisionChecklist, ProcedureStatus } from '../../../../common/decisions.types.ts';

export interface PublicDraft {
  id: number;
  orgCode: string;
  orgName: string;
  title: string;
  proposingUnit: string;
  summary: string | null;
  commentFrom: string | null;
  commentTo: string | null;
  periodDays: number | null;
  shortenedReason: string | null;
  /** the comment period has ended (Beijing date): the page shows 已截止 and takes no comment */
  closed: boolean;
  open: boolean;
  decidedOn: string | null;
  publishedOn: string | null;
  docNo: string | null;
}

export interface PublicCatalogItem {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  title: string;
  proposingUnit: string;
  kind: string | null;
  plannedTime: string | null;
  publishedOn: string | null;
}

export interface PublicDecisions {
  catalog: PublicCatalogItem[];
  drafts: PublicDraft[];
}

export interface PublicAnswers {
  decision: { id: number; title: string };
  summary: { published: number; adopted: number; partlyAdopted: number; notAdopted: number };
  items: Array<{ id: number; content: string; channel: string; submittedOn: string | null; handling: string | null; answer: string | null; answeredOn: string | null }>;
}

export interface Challenge {
  token: string;
  question: string;
  expiresAt: string;
}

export interface PublicNormdoc extends NormdocRow {
  orgName: string;
  effectChangedOn: string | null;
  filed: boolean;
}

/** a comment as the ledger API returns it */
export type CommentRecord = LedgerRecord;

export const HANDLING_COLORS: Record<string, string> = { 采纳: 'green', 部分采纳: 'blue', 未采纳: 'default' };
export const EFFECT_COLORS: Record<string, string> = { 现行有效: 'green', 已修改: 'blue', 已废止: 'red', 已失效: 'default' };
export const CLEANUP_COLORS: Record<CleanupResult, string> = { 继续有效: 'green', 修改: 'blue', 废止: 'red' };

/** whole days from a to b (ISO dates), negative when b is earlier */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** today in China (the server counts dates there) */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** a normative document draft put out for public comment (GET /api/public/normdocs/drafts) */
export interface PublicNormdocDraft {
  id: number;
  orgCode: string;
  orgName: string;
  title: string;
  draftingUnit: string;
  summary: string | null;
  commentFrom: string | null;
  commentTo: string | null;
  affectsBusiness: boolean;
  periodDays: number | null;
  workingDays: number | null;
  open: boolean;
  closed: boolean;
  publishedOn: string | null;
  docNo: string | null;
}

export interface PublicNormdocDraftPage extends Omit<PublicAnswers, 'decision'> {
  draft: PublicNormdocDraft;
}
