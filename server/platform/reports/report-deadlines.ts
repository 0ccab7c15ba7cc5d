import type { Kysely } from 'kysely';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { calendarDaysBetween } from '../calendar/calendar.ts';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { getSetting } from '../settings.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';
import { DUE_SOON_SETTING } from '../workflow/workflow.service.ts';

/**
 * the yearly reports' due days (month-day of the year after the report's year), each a setting with the national
 * default: the county sets the days its towns report to it by, a province may move the others
 */
export const REPORT_DEADLINES = [
  { key: 'report.annual.due', label: '乡镇（街道）、县级部门向县报送法治政府建设年度报告', default: '03-01', basis: '由县（市、区）依法治县办确定，各地通常为3月1日前' },
  { key: 'report.annual.publishBy', label: '法治政府建设年度报告向社会公开', default: '04-01', basis: '《法治政府建设与责任落实督察工作规定》第二十五条：每年4月1日之前向社会公开' },
  { key: 'report.disclosure.governmentDue', label: '县级人民政府公布政府信息公开工作年度报告', default: '03-31', basis: '《政府信息公开条例》第四十九条：每年3月31日前向社会公布本级政府上一年度年度报告' },
  { key: 'report.disclosure.departmentDue', label: '县级人民政府部门提交并公布政府信息公开工作年度报告', default: '01-31', basis: '《政府信息公开条例》第四十九条：每年1月31日前提交并向社会公布' },
  { key: 'report.enforcementStats.due', label: '行政执法机关报送行政执法统计年报', default: '01-31', basis: '按省级行政执法统计年报制度，每年1月31日前报送上一年度统计年报；各省规定不同的，在此调整' },
  { key: 'report.disclosure.townDue', label: '乡镇（街道）向县提交并公布政府信息公开工作年度报告', default: '01-31', basis: '由县级政府信息公开工作主管部门确定' },
] as const;

export type ReportDeadlineKey = (typeof REPORT_DEADLINES)[number]['key'];

/** a month and day that exists in every year (29 February does not) */
export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export function validMonthDay(mmdd: string): boolean {
  if (!MONTH_DAY.test(mmdd)) return false;
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  return d <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export async function monthDayOf(db: Kysely<Database>, key: ReportDeadlineKey): Promise<string> {
  const set = await getSetting<string>(db, key);
  return typeof set === 'string' && validMonthDay(set) ? set : (REPORT_DEADLINES.find((d) => d.key === key)?.default ?? '03-01');
}

/** the due day of a report of `year`: in the following year */
export async function reportDue(db: Kysely<Database>, key: ReportDeadlineKey, year: number): Promise<string> {
  return `${year + 1}-${await monthDayOf(db, key)}`;
}

/** the organisations in the user's scope that write yearly reports: counties, and the towns and departments reporting to one */
export async function reportingOrgs(ctx: Ctx): Promise<Array<{ code: string; name: string; kind: string; parentKind: string | null }>> {
  if (!ctx.scope.codes.length) return [];
  const rows = await ctx.tx
    .selectFrom('org as o')
    .leftJoin('org as p', 'p.code', 'o.parent_code')
    .select(['o.code', 'o.name', 'o.kind', 'p.kind as parent_kind'])
    .where('o.code', 'in', ctx.scope.codes)
    .where('o.status', '=', 'active')
    .orderBy('o.path')
    .execute();
  return rows.filter((r) => r.kind === 'county' || r.parent_kind === 'county').map((r) => ({ code: r.code, name: r.name, kind: r.kind, parentKind: r.parent_kind }));
}

/** a 到期事项 line for a report due on a calendar day, read today */
export async function reportDeadlineItem(ctx: Ctx, item: { ledger: string; ledgerLabel: string; module: string; recordId: number; title: string; orgCode: string; orgName: string; clockId: string; clockLabel: string; due: string; link: string }): Promise<DeadlineItem> {
  const left = calendarDaysBetween(chinaDate(ctx.now), item.due);
  const soon = Number(await getSetting(ctx.tx, DUE_SOON_SETTING));
  return { ...item, dueAt: null, status: 'running', unit: 'calendar', daysLeft: left, overdue: left < 0, dueSoon: left >= 0 && left <= (Number.isSafeInteger(soon) && soon >= 0 ? soon : 3), error: null };
}
