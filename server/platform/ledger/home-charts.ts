import { sql } from 'kysely';
import type { IsoDate } from '../calendar/calendar.ts';
import { can, type Ctx } from '../http/context.ts';
import type { Platform } from '../module.ts';
import { deadlineMonths, monthsOf } from '../workflow/deadlines.service.ts';
import { countInScope } from './ledger.query.ts';
import { perm } from './ledger.types.ts';

/** one line of a home chart: a figure for each month, and the list each figure counts */
export interface ChartSeries {
  key: string;
  label: string;
  counts: number[];
  links: string[];
  total: number;
}

/** the home page's charts of a year, in the user's scope (issue #22: leaders and the county see the year, not only counters) */
export interface HomeCharts {
  year: number;
  months: string[];
  /** records of the main ledgers (LedgerDef.homeChart) by month of their date */
  records: ChartSeries[];
  /** open deadlines falling due each month, and those overdue */
  deadlines: ChartSeries[];
}

/**
 * the year's charts: each charted ledger the user may read, its active records in scope counted month by month by
 * the query the home counters use (countInScope), each month linking to the list filtered to it; the deadlines by
 * month as 到期事项 lists them. Nothing here is a figure of its own: every number is a list's length.
 */
export async function homeCharts(ctx: Ctx, platform: Pick<Platform, 'ledgers' | 'modules'>, year: number): Promise<HomeCharts> {
  const months = monthsOf(year);
  const records: ChartSeries[] = [];
  for (const l of platform.ledgers.all()) {
    if (!l.homeChart || !l.dateField || !can(ctx, perm(l, 'read'))) continue;
    const date = l.dateField;
    const n = await countInScope(ctx, l, Object.fromEntries(months.map((m, i) => [`m${i}`, sql`${sql.ref(date)} between ${m.from}::date and ${m.to}::date`])));
    const counts = months.map((_, i) => n[`m${i}`] ?? 0);
    const links = months.map((m) => `/ledgers/${l.name}?f.${date}.from=${m.from}&f.${date}.to=${m.to}`);
    records.push({ key: l.name, label: l.homeChart, counts, links, total: counts.reduce((a, b) => a + b, 0) });
  }
  const due = await deadlineMonths(ctx, platform, year);
  const link = (status: string, m: { from: IsoDate; to: IsoDate }): string => `/deadlines?status=${status}&from=${m.from}&to=${m.to}`;
  const series = (key: 'open' | 'overdue', label: string): ChartSeries => {
    const counts = due.map((m) => m[key]);
    return { key: `deadlines.${key}`, label, counts, links: due.map((m) => link(key, m)), total: counts.reduce((a, b) => a + b, 0) };
  };
  // drawn for a user who reads a ledger with deadlines, or has module deadlines (a report due) to show
  const hasDeadlines = platform.ledgers.all().some((l) => (l.workflow?.clocks?.length || l.fields.some((f) => f.deadline)) && can(ctx, perm(l, 'read'))) || due.some((m) => m.open > 0);
  return {
    year,
    months: months.map((_, i) => `${i + 1}月`),
    records,
    deadlines: hasDeadlines ? [series('open', '当月到期（未办结）'), series('overdue', '其中已超期')] : [],
  };
}
