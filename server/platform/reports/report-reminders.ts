import { Kysely, sql } from 'kysely';
import type { ReportObligation, SubmissionRow, Submissions } from '../../../common/reports.types.ts';
import type { TodoItem } from '../../../common/todo.types.ts';
import { audit } from '../audit/audit.service.ts';
import { calendarDaysBetween, formatDay, type IsoDate } from '../calendar/calendar.ts';
import { listWorkbook } from '../files/sheet.ts';
import type { Database } from '../db/schema.ts';
import { can, type Ctx } from '../http/context.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import type { Platform } from '../module.ts';
import { getSetting } from '../settings.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';
import { responsibleUsers } from '../workflow/reminder.service.ts';
import type { AnyDb } from '../workflow/workflow.repository.ts';

/**
 * Reminders of the yearly reports (decision 0033): N days before each report's due day (setting, default 15 and 3)
 * and once it is overdue, the unit's leader and clerks and the county's report handlers are told — once per
 * deadline, threshold and recipient (the notification's unique index; the daily scan's advisory lock) — and the
 * reminders leave their lists when the report comes. The county sees every unit's state (报送情况) and may send a
 * 催报 to a late unit.
 */
export const REMINDER_DAYS_SETTING = 'report.reminder.days';
export const REMINDER_DAYS_DEFAULT = [15, 3] as const;
/** who at the county handles the units' reports: told of the units still missing, may send a 催报 */
export const COUNTY_PERMISSION = 'report.rollup';

const db = (x: Kysely<Database> | Ctx): AnyDb => (x instanceof Kysely ? x : x.tx) as unknown as AnyDb;

/** the reminder days: distinct whole days from 1 to 90, largest first; the default when the setting is unusable */
export async function reminderDays(k: Kysely<Database>): Promise<number[]> {
  const v = await getSetting<unknown>(k, REMINDER_DAYS_SETTING);
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,，、\s]+/).filter(Boolean).map(Number) : [];
  const ok = [...new Set(list.filter((n): n is number => Number.isSafeInteger(n) && n >= 1 && n <= 90))].sort((a, b) => b - a);
  return ok.length ? ok : [...REMINDER_DAYS_DEFAULT];
}

export function validReminderDays(v: unknown): v is number[] {
  return Array.isArray(v) && v.length > 0 && v.length <= 5 && v.every((n) => Number.isSafeInteger(n) && n >= 1 && n <= 90) && new Set(v).size === v.length;
}

/** the units below a county: towns and county departments, each with its county */
export async function unitsBelowCounties(k: Kysely<Database>): Promise<Array<{ code: string; name: string; kind: string; countyCode: string }>> {
  const rows = await k
    .selectFrom('org as o')
    .innerJoin('org as p', 'p.code', 'o.parent_code')
    .select(['o.code', 'o.name', 'o.kind', 'p.code as county'])
    .where('p.kind', '=', 'county')
    .where('o.status', '=', 'active')
    .orderBy('o.path')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, countyCode: r.county }));
}

/** every module's obligations of `year` */
export async function obligations(k: Kysely<Database>, platform: Pick<Platform, 'modules'>, year: number): Promise<ReportObligation[]> {
  const out: ReportObligation[] = [];
  for (const m of platform.modules) if (m.reportObligations) out.push(...(await m.reportObligations(k, year)));
  return out;
}

const ledgerOf = (report: string): string => `report.${report}`;

/** how late an obligation is on `today`: up to the day it was met, or up to today while it is not */
export function lateness(o: Pick<ReportObligation, 'due' | 'doneOn'>, today: IsoDate): { late: boolean; daysLate: number } {
  const days = calendarDaysBetween(o.due, o.doneOn ?? today);
  return { late: days > 0, daysLate: Math.max(0, days) };
}

/** the reminder a pending obligation calls for on `today`: the nearest threshold it has reached, or overdue */
export function reminderStage(due: IsoDate, today: IsoDate, days: readonly number[]): { kind: 'due_soon'; threshold: number; left: number } | { kind: 'overdue'; late: number } | null {
  const left = calendarDaysBetween(today, due);
  if (left < 0) return { kind: 'overdue', late: -left };
  const reached = days.filter((d) => left <= d);
  return reached.length ? { kind: 'due_soon', threshold: Math.min(...reached), left } : null;
}

/** the unit's reminders of this report leave the lists (the report came); called when it is submitted or published */
export async function resolveReportReminders(ctx: Pick<Ctx, 'tx' | 'now'>, report: string, orgCode: string, year: number): Promise<void> {
  await (ctx.tx as unknown as AnyDb)
    .updateTable('notification')
    .set({ resolved_at: ctx.now })
    .where('ledger', '=', ledgerOf(report))
    .where('record_id', '=', year)
    .where('clock_id', 'like', `${orgCode}:%`)
    .where('resolved_at', 'is', null)
    .execute();
}

interface Notice {
  user_id: number;
  org_code: string;
  ledger: string;
  record_id: number;
  clock_id: string;
  kind: string;
  due: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
}

/**
 * the daily part of the reminder scan (runs inside scanDeadlines' transaction and advisory lock): last year's
 * reports, each pending one reminded at its stage, each met one's reminders resolved; returns how many were sent
 */
export async function scanReportReminders(k: Kysely<Database>, platform: Pick<Platform, 'modules'>, today: IsoDate, now: Date): Promise<number> {
  const year = Number(today.slice(0, 4)) - 1;
  const days = await reminderDays(k);
  const all = await obligations(k, platform, year);
  const rows: Notice[] = [];
  const users = new Map<string, number[]>();
  const holders = async (org: string, perm: string): Promise<number[]> => {
    const key = `${org}|${perm}`;
    if (!users.has(key)) users.set(key, await responsibleUsers(k, org, perm));
    return users.get(key) ?? [];
  };
  // the county hears once per report, deadline and stage, of all its units still missing
  const county = new Map<string, { o: ReportObligation; stage: string; units: string[]; kind: string }>();
  for (const o of all) {
    if (o.doneOn) {
      await resolveReportReminders({ tx: k as unknown as Ctx['tx'], now }, o.report, o.orgCode, year);
      continue;
    }
    const stage = reminderStage(o.due, today, days);
    if (!stage) continue;
    const tag = stage.kind === 'overdue' ? 'overdue' : `d${stage.threshold}`;
    const when = stage.kind === 'overdue' ? `已于${formatDay(o.due)}届满，已逾期${stage.late}天` : `将于${formatDay(o.due)}届满，还有${stage.left}天`;
    const title = `${stage.kind === 'overdue' ? '【已逾期】' : '【即将到期】'}${o.year}年${o.reportLabel}${o.duty}`;
    const recipients = new Set<number>();
    for (const p of o.unitPermissions) for (const u of await holders(o.orgCode, p)) recipients.add(u);
    for (const u of recipients) rows.push({ user_id: u, org_code: o.orgCode, ledger: ledgerOf(o.report), record_id: year, clock_id: `${o.orgCode}:${tag}`, kind: stage.kind, due: o.due, title, body: `${o.orgName}${o.year}年${o.reportLabel}${o.duty}期限${when}（截至${today}）。当前状态：${o.statusLabel}。`, link: o.link, created_at: now });
    const key = `${o.countyCode}|${o.report}|${tag}|${o.due}`;
    const c = county.get(key) ?? { o, stage: when, units: [], kind: stage.kind };
    c.units.push(o.orgName);
    county.set(key, c);
  }
  for (const [key, c] of county) {
    const tag = key.split('|')[2] ?? '';
    const title = `${c.kind === 'overdue' ? '【已逾期】' : '【即将到期】'}${c.o.year}年${c.o.reportLabel}：${c.units.length}个单位尚未${c.o.duty}`;
    const body = `${c.o.duty}期限${c.stage}（截至${today}）。尚未${c.o.duty}：${c.units.join('、')}。`;
    for (const u of await holders(c.o.countyCode, COUNTY_PERMISSION)) rows.push({ user_id: u, org_code: c.o.countyCode, ledger: ledgerOf(c.o.report), record_id: year, clock_id: `${c.o.countyCode}:${tag}`, kind: c.kind, due: c.o.due, title: title.slice(0, 300), body, link: '/reports/rollup', created_at: now });
  }
  // a county digest whose units have all come is resolved too
  const counties = new Set(all.map((o) => `${o.countyCode}|${o.report}`));
  for (const key of counties) {
    const [code, report] = key.split('|') as [string, string];
    if (!all.some((o) => o.countyCode === code && o.report === report && !o.doneOn)) await resolveReportReminders({ tx: k as unknown as Ctx['tx'], now }, report, code, year);
  }
  let sent = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db(k)
      .insertInto('notification')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_id', 'ledger', 'record_id', 'clock_id', 'kind', 'due']).doNothing())
      .returning('id')
      .execute();
    sent += inserted.length;
  }
  return sent;
}

/** 报送情况: every unit below the user's county with each report's state, on time or late, and the 催报 sent */
export async function submissions(ctx: Ctx, platform: Pick<Platform, 'modules'>, year: number): Promise<Submissions> {
  const today = chinaDate(ctx.now);
  const mine = new Set(ctx.scope.codes);
  const list = (await obligations(ctx.tx, platform, year)).filter((o) => mine.has(o.orgCode) && mine.has(o.countyCode));
  const urges = list.length
    ? await db(ctx)
        .selectFrom('report_urge')
        .select(['org_code', 'report', sql<number>`count(*)`.as('n'), sql<Date>`max(urged_at)`.as('last')])
        .where('year', '=', year)
        .where('org_code', 'in', [...new Set(list.map((o) => o.orgCode))])
        .groupBy(['org_code', 'report'])
        .execute()
    : [];
  const urged = new Map(urges.map((u) => [`${String(u.org_code)}|${String(u.report)}`, { n: Number(u.n), last: new Date(u.last as unknown as string).toISOString() }]));
  // unit by unit in the organisation tree's order, then by report (annual, disclosure)
  const order = new Map<string, number>();
  for (const o of list) if (!order.has(o.orgCode)) order.set(o.orgCode, order.size);
  list.sort((a, b) => (order.get(a.orgCode) ?? 0) - (order.get(b.orgCode) ?? 0) || a.report.localeCompare(b.report));
  const rows: SubmissionRow[] = list.map((o) => {
    const u = urged.get(`${o.orgCode}|${o.report}`);
    return { ...o, ...lateness(o, today), lastUrgedAt: u?.last ?? null, urges: u?.n ?? 0 };
  });
  return { year, today, reminderDays: await reminderDays(ctx.tx), rows };
}

/** 催报: the county asks a late unit for its report — recorded, audited, told to the unit's leader and clerks */
export async function urgeUnit(ctx: Ctx, platform: Pick<Platform, 'modules'>, input: { report: string; orgCode: string; year: number; note?: string | undefined }): Promise<{ notified: number }> {
  if (!can(ctx, COUNTY_PERMISSION)) throw forbidden('您的角色无权催报');
  const o = (await obligations(ctx.tx, platform, input.year)).find((x) => x.report === input.report && x.orgCode === input.orgCode);
  if (!o || !ctx.scope.codes.includes(o.orgCode) || !ctx.scope.codes.includes(o.countyCode)) throw notFound('该单位的报告');
  if (o.doneOn) throw new AppError('conflict', `${o.orgName}已于${formatDay(o.doneOn)}${o.duty}${o.year}年${o.reportLabel}，无需催报`);
  const today = chinaDate(ctx.now);
  if (!lateness(o, today).late) throw new AppError('validation_failed', `${o.reportLabel}${o.duty}期限${formatDay(o.due)}尚未届满，不能催报`, [{ path: 'orgCode', label: '单位', message: `单位：${o.orgName}的${o.duty}期限尚未届满，期满后方可催报` }]);
  const note = input.note?.trim() || null;
  const row = await db(ctx).insertInto('report_urge').values({ org_code: o.orgCode, report: o.report, year: o.year, note, urged_by: ctx.actor.username, urged_at: ctx.now }).returning('id').executeTakeFirstOrThrow();
  const id = Number(row.id);
  const recipients = new Set<number>();
  for (const p of o.unitPermissions) for (const u of await responsibleUsers(ctx.tx, o.orgCode, p)) recipients.add(u);
  const days = lateness(o, today).daysLate;
  const values = [...recipients].map((u) => ({ user_id: u, org_code: o.orgCode, ledger: ledgerOf(o.report), record_id: o.year, clock_id: `${o.orgCode}:urge:${id}`, kind: 'urge', due: o.due, title: `【催报】${o.year}年${o.reportLabel}`, body: `${ctx.actor.displayName}催报：${o.orgName}${o.year}年${o.reportLabel}${o.duty}期限${formatDay(o.due)}已届满，已逾期${days}天，请尽快${o.duty}。${note ? `说明：${note}` : ''}`, link: o.link, created_at: ctx.now }));
  if (values.length) await db(ctx).insertInto('notification').values(values).execute();
  await audit(ctx, { entity: 'report_urge', entityId: id, action: 'urge', orgCode: o.orgCode, diff: { report: o.report, year: o.year, due: o.due, daysLate: days, note, notified: values.length } });
  return { notified: values.length };
}

/**
 * 待办 of a unit's leader and clerks: last year's report while it is within the reminder days, overdue, or urged by
 * the county, until it is submitted (or published); computed on reading, so it leaves the list when the report comes
 */
export async function reportObligationTodos(ctx: Ctx, platform: Pick<Platform, 'modules'>): Promise<TodoItem[]> {
  if (!ctx.scope.codes.length) return [];
  const today = chinaDate(ctx.now);
  const year = Number(today.slice(0, 4)) - 1;
  const mine = new Set(ctx.scope.codes);
  const pending = (await obligations(ctx.tx, platform, year)).filter((o) => !o.doneOn && mine.has(o.orgCode) && o.unitPermissions.some((p) => can(ctx, p)) && !can(ctx, COUNTY_PERMISSION));
  if (!pending.length) return [];
  const days = await reminderDays(ctx.tx);
  const urges = await db(ctx).selectFrom('report_urge').select(['org_code', 'report', sql<Date>`max(urged_at)`.as('last')]).where('year', '=', year).where('org_code', 'in', pending.map((o) => o.orgCode)).groupBy(['org_code', 'report']).execute();
  const urged = new Map(urges.map((u) => [`${String(u.org_code)}|${String(u.report)}`, new Date(u.last as unknown as string).toISOString()]));
  const items: TodoItem[] = [];
  for (const o of pending) {
    const last = urged.get(`${o.orgCode}|${o.report}`);
    const stage = reminderStage(o.due, today, days);
    if (!stage && !last) continue;
    const left = calendarDaysBetween(today, o.due);
    items.push({
      ledger: ledgerOf(o.report),
      ledgerLabel: o.reportLabel,
      module: 'reports',
      recordId: o.year,
      title: `${o.year}年${o.reportLabel}`,
      orgCode: o.orgCode,
      orgName: o.orgName,
      link: o.link,
      state: o.status,
      stateLabel: last ? `${o.statusLabel}（县级已催报）` : o.statusLabel,
      step: `${o.report}_${o.duty === '报送' ? 'submit' : 'publish'}`,
      stepLabel: `${o.duty}${o.reportLabel}`,
      dedicated: true,
      since: last ?? `${o.due}T00:00:00.000Z`,
      deadline: { clockId: `${o.report}_due`, label: `${o.reportLabel}${o.duty}期限`, due: o.due, dueAt: null, unit: 'calendar', daysLeft: left, status: 'running', overdue: left < 0, dueSoon: left >= 0 },
    });
  }
  return items;
}

const KIND_LABEL: Record<string, string> = { town: '乡镇（街道）', department: '县级部门' };

/** 报送情况 as an Excel sheet: one line per unit and report, in the page's order */
export async function submissionsWorkbook(ctx: Ctx, platform: Pick<Platform, 'modules'>, year: number): Promise<{ body: Buffer; today: string }> {
  const s = await submissions(ctx, platform, year);
  const rows = s.rows.map((r) => ({ org: r.orgName, kind: KIND_LABEL[r.orgKind] ?? r.orgKind, report: `${r.reportLabel}（${r.duty}）`, due: r.due, status: r.statusLabel, done: r.doneOn ?? '', late: r.late ? '逾期' : r.doneOn ? '按期' : '未到期', days: r.daysLate || '', urges: r.urges || '' }));
  const body = await listWorkbook('报送情况', [
    { header: '单位', key: 'org', width: 24 },
    { header: '类别', key: 'kind', width: 14 },
    { header: '报告', key: 'report', width: 28 },
    { header: '期限', key: 'due', width: 12 },
    { header: '状态', key: 'status', width: 14 },
    { header: '报送/公布日期', key: 'done', width: 14 },
    { header: '是否逾期', key: 'late', width: 10 },
    { header: '逾期天数', key: 'days', width: 10 },
    { header: '催报次数', key: 'urges', width: 10 },
  ], rows);
  return { body, today: s.today };
}
