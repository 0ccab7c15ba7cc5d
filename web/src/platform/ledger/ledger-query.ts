/** list query keys the list page keeps in its URL and passes to GET /api/ledgers/:name unchanged */
export const PAGING_KEYS = ['page', 'pageSize'] as const;

/** the values of a multi-valued filter ("f.x=a,b") */
export function listParam(params: URLSearchParams, key: string): string[] {
  const v = params.get(key);
  return v ? v.split(',').filter(Boolean) : [];
}

/** a copy of params with the keys set (empty values removed); any filter change goes back to page 1 */
export function withParams(params: URLSearchParams, changes: Record<string, string | string[] | null | undefined>, keepPage = false): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    const s = Array.isArray(v) ? v.join(',') : (v ?? '');
    if (s) next.set(k, s);
    else next.delete(k);
  }
  if (!keepPage) next.delete('page');
  return next;
}

/** the query for the export of the current list: every filter, without paging */
export function exportQuery(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  for (const k of PAGING_KEYS) next.delete(k);
  return next.toString();
}

/** how many filters (not paging, sorting or the status default) are set */
export function activeFilterCount(params: URLSearchParams): number {
  let n = 0;
  for (const k of new Set(params.keys())) if (k === 'q' || k === 'org' || k === 'year' || k === 'ids' || k === 'state' || k.startsWith('f.')) n++;
  return n;
}
