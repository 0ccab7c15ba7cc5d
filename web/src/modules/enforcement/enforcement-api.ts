import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { CatalogCounts, PriorViolationCheck } from '../../../../common/enforcement.types.ts';

/** the enforcement documents of a case and the 文号 each was given */
export interface CaseDocumentInfo {
  kind: 'filing' | 'inquiry' | 'notice' | 'decision' | 'exemption' | 'summary' | 'service' | 'closing';
  label: string;
  docNo: string | null;
  unavailable: string | null;
}

export type { CatalogCounts, CatalogItem, CatalogVersion, DrawAssignment, DrawInspector, DrawRecord, DrawStatus, DrawSummary, DrawTarget, FinesGrowth, InspectionVisit, PublicBenchmarks, PublicCatalog, PublicDecision, PublicDraw, PublicDrawSummary, RepeatedInspection } from '../../../../common/enforcement.types.ts';

export const enforcementKeys = {
  // under the case record's key: every change of the record (a transition) refreshes which documents can be made
  documents: (id: number) => ['ledgers', 'enforcement.case', 'record', id, 'documents'] as const,
  draws: ['enforcement', 'draws'] as const,
  alerts: ['enforcement', 'alerts'] as const,
  versions: ['enforcement', 'catalog-versions'] as const,
};

export function useCaseDocuments(id: number): UseQueryResult<{ items: CaseDocumentInfo[] }> {
  return useQuery({ queryKey: enforcementKeys.documents(id), queryFn: ({ signal }) => api.get<{ items: CaseDocumentInfo[] }>(`/api/enforcement/cases/${id}/documents`, undefined, signal) });
}

/** 首违不罚: the party's earlier violations of the case's matter in the organisation's records (reading only) */
export function usePriorViolations(id: number, enabled: boolean): UseQueryResult<PriorViolationCheck> {
  return useQuery({ queryKey: [...enforcementKeys.documents(id).slice(0, 4), 'prior-violations'], enabled, queryFn: ({ signal }) => api.get<PriorViolationCheck>(`/api/enforcement/cases/${id}/prior-violations`, undefined, signal) });
}

/** "法定执法事项27项、赋权执法事项54项（其中自选39项）、可委托执法事项50项", as reports quote it */
export function catalogSentence(c: CatalogCounts): string {
  return `法定执法事项${c.statutory}项、赋权执法事项${c.delegated}项（其中自选${c.selfSelected}项）、可委托执法事项${c.entrusted}项`;
}

/** a yuan amount as people write it: 3,500.00元 */
export const yuan = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`);

/** how a draw attempt's stage reads, and its tag colour */
export const DRAW_STATUS: Record<'committed' | 'frozen' | 'drawn' | 'cancelled', { label: string; color: string }> = {
  committed: { label: '已承诺种子，待冻结名录', color: 'blue' },
  frozen: { label: '已冻结名录，待抽取', color: 'geekblue' },
  drawn: { label: '已抽取', color: 'green' },
  cancelled: { label: '已作废', color: 'red' },
};

/** a date-time as Beijing time: 2026-03-10 10:20:05 */
export const beijingTime = (v: string | null | undefined): string => (v ? new Date(Date.parse(v) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ') : '—');
