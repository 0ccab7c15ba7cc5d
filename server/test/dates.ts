import { chinaDate } from '../platform/workflow/workflow.engine.ts';

/**
 * Dates in tests are Beijing dates, as the server counts them: between 16:00 and 24:00 UTC the Beijing date is
 * already tomorrow's, and a test that uses the UTC date sends "yesterday" to a server that has moved on.
 */
export const today = chinaDate(new Date());

/** the Beijing date n calendar days after today (before it when n is negative) */
export const daysFrom = (n: number): string => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** the Beijing date n calendar days before today */
export const daysAgo = (n: number): string => daysFrom(-n);
