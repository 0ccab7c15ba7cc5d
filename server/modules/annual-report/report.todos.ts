import type { TodoDeadline, TodoItem } from '../../../common/todo.types.ts';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { calendarDaysBetween } from '../../platform/calendar/calendar.ts';
import { can, type Ctx } from '../../platform/http/context.ts';
import { getSetting } from '../../platform/settings.ts';
import { notifyUsers, userIdsOf } from '../../platform/workflow/handoff.service.ts';
import { responsibleUsers } from '../../platform/workflow/reminder.service.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { DUE_SOON_SETTING } from '../../platform/workflow/workflow.service.ts';
import type { AnyDb } from '../../platform/workflow/workflow.repository.ts';
import { dueDate, KIND } from './report.service.ts';
import { STATS_KIND } from './stats.kind.ts';
import { reportDeadlineItem, reportDue, reportingOrgs } from '../../platform/reports/report-deadlines.ts';
import { unitsBelowCounties } from '../../platform/reports/report-reminders.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ReportObligation } from '../../../common/reports.types.ts';

const LEDGER = 'annual_report';
const LABEL = '年度报告';
const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const titleOf = (year: number): string => `${year}年度法治政府建设报告`;

// the report_draft rows of both reports: the 法治 annual report and the 行政执法统计年报 (stats.service.ts)
const draftLink = (kind: unknown, id: number | null): string => (kind === STATS_KIND ? `/reports/enforcement-stats${id === null ? '' : `?draft=${id}`}` : id === null ? '/reports/annual' : `/reports/annual/${id}`);
const kindTitle = (kind: unknown, year: unknown): { title: string; ledgerLabel: string } => (kind === STATS_KIND ? { title: `${Number(year)}年度行政执法统计年报`, ledgerLabel: '行政执法统计年报' } : { title: titleOf(Number(year)), ledgerLabel: LABEL });

/** the reporting deadline read today: calendar days to the configured due day */
async function reportDeadline(ctx: Ctx, year: number): Promise<TodoDeadline> {
  const today = chinaDate(ctx.now);
  const due = await dueDate(ctx, year);
  const left = calendarDaysBetween(today, due);
  const soon = Number(await getSetting(ctx.tx, DUE_SOON_SETTING));
  return { clockId: 'report_due', label: '年度报告报送期限', due, dueAt: null, unit: 'calendar', daysLeft: left, status: 'running', overdue: left < 0, dueSoon: left >= 0 && left <= (Number.isSafeInteger(soon) && soon >= 0 ? soon : 3) };
}

/** the annual report's to-dos: a returned report for whoever submits it, a submitted one for its reviewers */
export async function reportTodos(ctx: Ctx): Promise<TodoItem[]> {
  if (!ctx.scope.codes.length) return [];
  const items: TodoItem[] = [];
  const orgs = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', ctx.scope.codes).execute()).map((o) => [o.code, o.name]));
  const base = (r: { id: unknown; org_code: unknown; year: unknown }, since: unknown, link: string) => ({
    ledger: LEDGER,
    ledgerLabel: LABEL,
    module: 'annual-report',
    recordId: Number(r.id),
    title: titleOf(Number(r.year)),
    orgCode: String(r.org_code),
    orgName: orgs.get(String(r.org_code)) ?? String(r.org_code),
    since: iso(since),
    dedicated: true,
    link,
  });
  if (can(ctx, 'report.submit')) {
    const returned = await db(ctx).selectFrom('report_draft').select(['id', 'kind', 'org_code', 'year', 'updated_at']).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'returned').execute();
    for (const r of returned) items.push({ ...base(r, r.updated_at, draftLink(r.kind, null)), ...kindTitle(r.kind, r.year), state: 'returned', stateLabel: '已退回修改', step: 'resubmit', stepLabel: '修改后重新提交', deadline: await reportDeadline(ctx, Number(r.year)) });
  }
  const secrecy = can(ctx, 'report.secrecy');
  const publish = can(ctx, 'report.publish');
  if (secrecy || publish) {
    const submitted = await db(ctx).selectFrom('report_version').select(['id', 'draft_id', 'kind', 'org_code', 'year', 'submitted_at', 'secrecy_at', 'secrecy_opinion']).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'submitted').execute();
    for (const v of submitted) {
      const link = draftLink(v.kind, Number(v.draft_id));
      const row = { id: v.draft_id, org_code: v.org_code, year: v.year };
      if (secrecy && v.secrecy_at === null) items.push({ ...base(row, v.submitted_at, link), ...kindTitle(v.kind, v.year), state: 'submitted', stateLabel: '已提交待审核', step: 'secrecy', stepLabel: '保密审查', deadline: null });
      else if (publish && String(v.secrecy_opinion ?? '').startsWith('通过')) items.push({ ...base(row, v.secrecy_at, link), ...kindTitle(v.kind, v.year), state: 'submitted', stateLabel: '已通过保密审查', step: 'publish', stepLabel: '公开发布', deadline: null });
    }
  }
  return items;
}

/** a returned report: whoever submitted it, and those who may submit it at that organisation, are told */
export async function notifyReportReturned(ctx: Ctx, v: { draft_id: unknown; org_code: unknown; year: unknown; submitted_by: unknown }, reason: string): Promise<void> {
  const orgCode = String(v.org_code);
  const users = [...(await userIdsOf(ctx, [String(v.submitted_by)])), ...(await responsibleUsers(ctx.tx, orgCode, 'report.submit'))];
  await notifyUsers(ctx, users, { kind: 'returned', orgCode, ledger: LEDGER, recordId: Number(v.draft_id), key: 'return', title: `【已退回】${titleOf(Number(v.year))}`, body: `${ctx.actor.displayName}退回了报告：${reason}。请修改后重新提交。`, link: '/reports/annual' });
}

/**
 * 到期事项 for last year's report: each unit reporting to a county (a town, a county department) until it has
 * submitted to the county; and each reporting organisation in scope (the county too) until its report is published,
 * by 4月1日 (督察工作规定 art. 25). Both days are settings (platform/reports/report-deadlines.ts)
 */
export async function reportDeadlines(ctx: Ctx): Promise<DeadlineItem[]> {
  if (!ctx.scope.codes.length || !can(ctx, 'report.read')) return [];
  const year = Number(chinaDate(ctx.now).slice(0, 4)) - 1;
  const orgs = await reportingOrgs(ctx);
  if (!orgs.length) return [];
  const codes = orgs.map((u) => u.code);
  const versions = await db(ctx).selectFrom('report_version').select(['org_code', 'status']).where('org_code', 'in', codes).where('kind', '=', KIND).where('year', '=', year).where('status', 'in', ['submitted', 'published', 'superseded']).execute();
  const sent = new Set(versions.map((v) => String(v.org_code)));
  const published = new Set(versions.filter((v) => v.status !== 'submitted').map((v) => String(v.org_code)));
  const drafts = new Map((await db(ctx).selectFrom('report_draft').select(['id', 'org_code']).where('org_code', 'in', codes).where('kind', '=', KIND).where('year', '=', year).execute()).map((d) => [String(d.org_code), Number(d.id)]));
  const submitBy = await reportDue(ctx.tx, 'report.annual.due', year);
  const publishBy = await reportDue(ctx.tx, 'report.annual.publishBy', year);
  const items: DeadlineItem[] = [];
  // 行政执法统计年报: every reporting organisation until it has submitted (1月31日 by default, a setting)
  const statsSent = new Set((await db(ctx).selectFrom('report_version').select('org_code').where('org_code', 'in', codes).where('kind', '=', STATS_KIND).where('year', '=', year).where('status', 'in', ['submitted', 'published', 'superseded']).execute()).map((v) => String(v.org_code)));
  const statsDrafts = new Map((await db(ctx).selectFrom('report_draft').select(['id', 'org_code']).where('org_code', 'in', codes).where('kind', '=', STATS_KIND).where('year', '=', year).execute()).map((d) => [String(d.org_code), Number(d.id)]));
  const statsBy = await reportDue(ctx.tx, 'report.enforcementStats.due', year);
  for (const u of orgs) {
    if (statsSent.has(u.code)) continue;
    const draft = statsDrafts.get(u.code);
    items.push(await reportDeadlineItem(ctx, { ledger: 'enforcement_stats', ledgerLabel: '行政执法统计年报', module: 'annual-report', recordId: draft ?? 0, title: `${year}年度行政执法统计年报`, orgCode: u.code, orgName: u.name, link: `/reports/enforcement-stats?org=${u.code}&year=${year}`, clockId: 'stats_due', clockLabel: '行政执法统计年报报送期限', due: statsBy }));
  }
  for (const u of orgs) {
    const draft = drafts.get(u.code);
    const base = { ledger: LEDGER, ledgerLabel: LABEL, module: 'annual-report', recordId: draft ?? 0, title: titleOf(year), orgCode: u.code, orgName: u.name, link: draft ? `/reports/annual/${draft}` : '/reports/annual' };
    if (u.parentKind === 'county' && !sent.has(u.code)) items.push(await reportDeadlineItem(ctx, { ...base, clockId: 'report_due', clockLabel: '年度报告报送期限', due: submitBy }));
    if (!published.has(u.code)) items.push(await reportDeadlineItem(ctx, { ...base, clockId: 'report_publish', clockLabel: '年度报告公开期限', due: publishBy }));
  }
  return items;
}

const OBLIGATION_STATUS: Record<ReportObligation['status'], string> = { not_started: '未起草', draft: '草稿', final: '已定稿', submitted: '已报送', published: '已公开' };

/**
 * the annual report each unit below a county owes it (报送 by report.annual.due): 未起草, 草稿 (also when returned),
 * 已报送, 已公开; met on the Beijing day of its first submission that was not returned
 */
export async function annualObligations(k: Kysely<Database>, year: number): Promise<ReportObligation[]> {
  const units = await unitsBelowCounties(k);
  if (!units.length) return [];
  const codes = units.map((u) => u.code);
  const q = k as unknown as AnyDb;
  const drafts = new Map((await q.selectFrom('report_draft').select(['id', 'org_code', 'status']).where('org_code', 'in', codes).where('kind', '=', KIND).where('year', '=', year).execute()).map((d) => [String(d.org_code), { id: Number(d.id), status: String(d.status) }]));
  const versions = await q.selectFrom('report_version').select(['org_code', 'status', 'submitted_at']).where('org_code', 'in', codes).where('kind', '=', KIND).where('year', '=', year).where('status', 'in', ['submitted', 'published', 'superseded']).orderBy('submitted_at').execute();
  const due = await reportDue(k, 'report.annual.due', year);
  return units.map((u) => {
    const mine = versions.filter((v) => String(v.org_code) === u.code);
    const d = drafts.get(u.code);
    const status: ReportObligation['status'] = mine.some((v) => v.status !== 'submitted') ? 'published' : mine.length ? 'submitted' : d ? 'draft' : 'not_started';
    const first = mine[0];
    return {
      report: 'annual',
      reportLabel: '法治政府建设年度报告',
      duty: '报送',
      orgCode: u.code,
      orgName: u.name,
      orgKind: u.kind,
      countyCode: u.countyCode,
      year,
      due,
      status,
      statusLabel: d?.status === 'returned' && !mine.length ? '草稿（已退回）' : OBLIGATION_STATUS[status],
      doneOn: first ? chinaDate(new Date(first.submitted_at as string)) : null,
      link: d ? `/reports/annual/${d.id}` : '/reports/annual',
      unitPermissions: ['report.submit', 'report.edit'],
    };
  });
}
