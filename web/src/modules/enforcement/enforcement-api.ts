import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

/** the enforcement documents of a case and the 文号 each was given */
export interface CaseDocumentInfo {
  kind: 'filing' | 'inquiry' | 'notice' | 'decision' | 'service' | 'closing';
  label: string;
  docNo: string | null;
  unavailable: string | null;
}

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
  qualifications: string[];
  avoid: string[];
}

export interface DrawAssignment {
  targetId: number;
  inspectorIds: number[];
}

export interface DrawRecord {
  id: number;
  orgCode: string;
  title: string;
  seed: string;
  targetCount: number;
  perTarget: number;
  maxPerInspector: number;
  drawnOn: string;
  targets: DrawTarget[];
  inspectors: DrawInspector[];
  result: DrawAssignment[];
  caseIds?: number[];
}

export interface DrawSummary {
  id: number;
  orgCode: string;
  title: string;
  seed: string;
  drawnOn: string;
  targets: number;
  tasks: number;
}

export interface PublicDraw extends DrawRecord {
  orgName: string;
  verified: boolean;
  algorithm: string;
  outcomes: Array<{ uscc: string; result: string | null; closedOn: string | null }>;
}

export interface PublicDrawSummary {
  id: number;
  orgName: string;
  title: string;
  seed: string;
  drawnOn: string;
  targets: number;
  drawn: number;
}

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

export interface PublicCatalog extends CatalogVersion {
  items: CatalogItem[];
  versions: Array<{ id: number; label: string; publishedOn: string }>;
}

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
}

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

/** "法定执法事项27项、赋权执法事项54项（其中自选39项）、可委托执法事项50项", as reports quote it */
export function catalogSentence(c: CatalogCounts): string {
  return `法定执法事项${c.statutory}项、赋权执法事项${c.delegated}项（其中自选${c.selfSelected}项）、可委托执法事项${c.entrusted}项`;
}

/** a yuan amount as people write it: 3,500.00元 */
export const yuan = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`);
