/** JSON with sorted keys, so the same value always hashes the same way whatever order jsonb returns */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/** the fields whose values differ between two versions of a record */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, ignore: string[] = []): FieldDiff {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: FieldDiff = {};
  for (const k of keys) {
    if (ignore.includes(k)) continue;
    const from = before?.[k] ?? null;
    const to = after?.[k] ?? null;
    if (canonicalJson(from) !== canonicalJson(to)) diff[k] = { from, to };
  }
  return diff;
}
