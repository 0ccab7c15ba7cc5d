import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { HistoryEntry, LedgerMeta, LedgerPage, LedgerRecordDetail, LedgerSummary, Timeline } from './ledger-types.ts';

/** the base URL of one ledger's API */
export const ledgerUrl = (name: string): string => `/api/ledgers/${encodeURIComponent(name)}`;

export const ledgerKeys = {
  all: ['ledgers'] as const,
  meta: (name: string) => ['ledgers', name, 'meta'] as const,
  list: (name: string, query: string) => ['ledgers', name, 'list', query] as const,
  record: (name: string, id: number) => ['ledgers', name, 'record', id] as const,
  history: (name: string, id: number) => ['ledgers', name, 'record', id, 'history'] as const,
  timeline: (name: string, id: number) => ['ledgers', name, 'record', id, 'timeline'] as const,
};

export function useLedgers(): UseQueryResult<{ items: LedgerSummary[] }> {
  return useQuery({ queryKey: ledgerKeys.all, queryFn: ({ signal }) => api.get<{ items: LedgerSummary[] }>('/api/ledgers', undefined, signal), staleTime: 300_000 });
}

export function useLedgerMeta(name: string): UseQueryResult<LedgerMeta> {
  return useQuery({ queryKey: ledgerKeys.meta(name), queryFn: ({ signal }) => api.get<LedgerMeta>(`${ledgerUrl(name)}/meta`, undefined, signal), staleTime: 300_000, retry: false });
}

/** one page of the list; query is the URL query string the list page keeps in the address bar */
export function useLedgerList(name: string, query: string, enabled = true): UseQueryResult<LedgerPage> {
  return useQuery({
    queryKey: ledgerKeys.list(name, query),
    queryFn: ({ signal }) => api.get<LedgerPage>(`${ledgerUrl(name)}${query ? `?${query}` : ''}`, undefined, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLedgerRecord(name: string, id: number): UseQueryResult<LedgerRecordDetail> {
  return useQuery({ queryKey: ledgerKeys.record(name, id), queryFn: ({ signal }) => api.get<LedgerRecordDetail>(`${ledgerUrl(name)}/${id}`, undefined, signal), retry: false });
}

export function useLedgerHistory(name: string, id: number): UseQueryResult<{ items: HistoryEntry[] }> {
  return useQuery({ queryKey: ledgerKeys.history(name, id), queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`${ledgerUrl(name)}/${id}/history`, undefined, signal) });
}

export function useTimeline(name: string, id: number, enabled: boolean): UseQueryResult<Timeline> {
  return useQuery({ queryKey: ledgerKeys.timeline(name, id), queryFn: ({ signal }) => api.get<Timeline>(`${ledgerUrl(name)}/${id}/timeline`, undefined, signal), enabled, retry: false });
}

/** the records of a referenced ledger matching a search, as select options (id → title) */
export async function searchRefOptions(ledger: string, q: string, signal?: AbortSignal): Promise<Array<{ value: number; label: string }>> {
  const page = await api.get<LedgerPage>(ledgerUrl(ledger), { q, pageSize: 50, status: 'active' }, signal);
  return page.items.map((r) => ({ value: r.id, label: r.title }));
}
