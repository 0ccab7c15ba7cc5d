/** loose readers of a record's values for cross-field rules: empty is null, never NaN */
export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** a ≤ b; true when either is empty (required-ness is checked field by field) */
export const atMost = (a: unknown, b: unknown): boolean => num(a) === null || num(b) === null || Number(a) <= Number(b);

/** the year of an ISO date, or null */
export const yearOf = (v: unknown): number | null => (/^\d{4}-/.test(str(v)) ? Number(str(v).slice(0, 4)) : null);
