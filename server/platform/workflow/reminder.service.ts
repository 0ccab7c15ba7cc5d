import { sql, type Kysely } from 'kysely';
import { audit } from '../audit/audit.service.ts';
import { formatDay, unitLabel, type ClockUnit, type IsoDate } from '../calendar/calendar.ts';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { titleOf, type Row } from '../ledger/ledger.service.ts';
import { perm, type LedgerDef } from '../ledger/ledger.types.ts';
import type { Platform } from '../module.ts';
import { chinaDate } from './workflow.engine.ts';
import type { AnyDb } from './workflow.repository.ts';
import { adoptRecords, clockEnv, recomputeOpenClocks, systemCtx, type ClockChange } from './workflow.service.ts';
import { stepPermissions } from './handoff.service.ts';
import { scanReportReminders } from '../reports/report-reminders.ts';

// one id for the scan: when several servers run it at once, one does the work and the others skip
export const SCAN_LOCK = 8_150_010;

export interface ScanResult {
  skipped: boolean;
  today: IsoDate;
  adopted: number;
  recomputed: number;
  moved: ClockChange[];
  dueSoon: number;
  overdue: number;
  notified: number;
}

/**
 * the daily reminder scan: takes in records that have no state yet (imports, demo data), recomputes every open
 * clock for `today`, and notifies the responsible users of each clock due soon or overdue, each reminder once.
 * Guarded twice: a transaction-level advisory lock (a second scan running meanwhile skips) and the unique index on
 * notifications (a scan that runs after another inserts nothing twice).
 */
export async function scanDeadlines(platform: Pick<Platform, 'db' | 'cipher' | 'ledgers'> & Partial<Pick<Platform, 'modules'>>, today: IsoDate = chinaDate(new Date()), now = new Date()): Promise<ScanResult> {
  const ledgers = platform.ledgers.all().filter((l) => l.workflow);
  const empty: ScanResult = { skipped: false, today, adopted: 0, recomputed: 0, moved: [], dueSoon: 0, overdue: 0, notified: 0 };
  return platform.db.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SCAN_LOCK}) as ok`.execute(tx);
    if (!lock.rows[0]?.ok) return { ...empty, skipped: true };
    const ctx = systemCtx(platform, tx, now);
    const env = await clockEnv(ctx, ledgers, today);
    const result = { ...empty };
    for (const l of ledgers) result.adopted += await adoptRecords(ctx, l, { env });
    const { recomputed, moved } = await recomputeOpenClocks(ctx, ledgers, { reason: `${today}每日到期扫描重新计算`, env });
    result.recomputed = recomputed;
    result.moved = moved;
    for (const l of ledgers) {
      const n = await notifyLedger(ctx, l, today);
      result.dueSoon += n.dueSoon;
      result.overdue += n.overdue;
      result.notified += n.notified;
    }
    // the yearly reports' days (report-reminders.ts), in the same lock
    result.notified += await scanReportReminders(tx, { modules: platform.modules ?? [] }, today, now);
    if (result.notified) {
      await audit(ctx, { entity: 'reminders', entityId: today, action: 'deadline_scan', orgCode: null, diff: { dueSoon: result.dueSoon, overdue: result.overdue, notified: result.notified, adopted: result.adopted, moved: moved.length } });
    }
    return result;
  });
}

interface Due {
  recordId: number;
  orgCode: string;
  clockId: string;
  label: string;
  due: IsoDate;
  daysLeft: number | null;
  unit: ClockUnit;
  kind: 'due_soon' | 'overdue';
  title: string;
  permissions: string[];
}

async function notifyLedger(ctx: Ctx, l: LedgerDef, today: IsoDate): Promise<{ dueSoon: number; overdue: number; notified: number }> {
  const db = ctx.tx as unknown as AnyDb;
  const titleCols = l.titleFields.filter((n) => !l.fields.find((f) => f.name === n)?.personal);
  const plainCols = l.fields.filter((f) => !f.personal && !titleCols.includes(f.name)).map((f) => f.name);
  const rows = (await db
    .selectFrom('workflow_clock as c')
    .innerJoin(`${l.table} as r`, 'r.id', 'c.record_id')
    .select(['c.record_id', 'c.clock_id', 'c.label', 'c.days_left', 'c.unit', 'c.overdue', 'c.due_soon', 'r.org_code', 'r.state', sql<string>`to_char(c.due, 'YYYY-MM-DD')`.as('due'), ...[...titleCols, ...plainCols].map((n) => `r.${n}`)])
    .where('c.ledger', '=', l.name)
    .where('c.status', 'in', ['running', 'paused'])
    .where('c.due', 'is not', null)
    .where((eb) => eb.or([eb('c.overdue', '=', true), eb.and([eb('c.due_soon', '=', true), eb('c.status', '=', 'running')])]))
    .where('r.status', '=', 'active')
    .orderBy('c.id')
    .execute()) as Row[];
  const dues: Due[] = rows.map((r) => ({
    recordId: Number(r['record_id']),
    orgCode: String(r['org_code']),
    clockId: String(r['clock_id']),
    label: String(r['label']),
    due: String(r['due']),
    daysLeft: r['days_left'] === null ? null : Number(r['days_left']),
    unit: r['unit'] as ClockUnit,
    kind: r['overdue'] ? 'overdue' : 'due_soon',
    title: titleOf(l, Object.fromEntries(titleCols.map((n) => [n, r[n]]))),
    // whoever must take the step the record waits for is reminded too (the leader of a decision that is due)
    permissions: [perm(l, 'update'), ...stepPermissions(l, (r['state'] as string | null) ?? null, r)],
  }));
  const users = new Map<string, number[]>();
  let notified = 0;
  const batch: Array<Record<string, unknown>> = [];
  for (const d of dues) {
    for (const p of d.permissions) if (!users.has(`${d.orgCode}|${p}`)) users.set(`${d.orgCode}|${p}`, await responsibleUsers(ctx.tx, d.orgCode, p));
    for (const userId of new Set(d.permissions.flatMap((p) => users.get(`${d.orgCode}|${p}`) ?? []))) batch.push(notificationRow(l, d, userId, today, ctx.now));
  }
  for (let i = 0; i < batch.length; i += 500) {
    const inserted = await db
      .insertInto('notification')
      .values(batch.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_id', 'ledger', 'record_id', 'clock_id', 'kind', 'due']).doNothing())
      .returning('id')
      .execute();
    notified += inserted.length;
  }
  return { dueSoon: dues.filter((d) => d.kind === 'due_soon').length, overdue: dues.filter((d) => d.kind === 'overdue').length, notified };
}

function notificationRow(l: LedgerDef, d: Due, userId: number, today: IsoDate, now: Date): Record<string, unknown> {
  const u = unitLabel(d.unit);
  const late = d.daysLeft !== null && d.daysLeft < 0 ? `，已超期${-d.daysLeft}${u}` : '';
  const left = d.daysLeft !== null && d.daysLeft >= 0 ? `，剩余${d.daysLeft}${u}` : '';
  const title = `${d.kind === 'overdue' ? '【已超期】' : '【即将到期】'}${l.label}：${d.title}`.slice(0, 300);
  const body = d.kind === 'overdue' ? `${d.label}已于${formatDay(d.due)}届满${late}（截至${today}）。请尽快办理，或依法办理延期。` : `${d.label}将于${formatDay(d.due)}届满${left}。`;
  return { user_id: userId, org_code: d.orgCode, ledger: l.name, record_id: d.recordId, clock_id: d.clockId, kind: d.kind, due: d.due, title, body, link: `/ledgers/${l.name}/${d.recordId}`, created_at: now };
}

/**
 * who is reminded: the active users holding the permission at the record's own organisation, or else at the
 * nearest organisation above it that has any (a 司法所 case reaches the town's clerks, not the whole county).
 * A role counts in the unit it is held in (the home unit, or another unit: decision 0042) when its data scope covers
 * the record from there: 本单位及下级 anywhere on the chain, 本单位 only at the record's own organisation;
 * a role with listed units is not reminded
 */
export async function responsibleUsers(db: Kysely<Database>, orgCode: string, permission: string): Promise<number[]> {
  const org = await db.selectFrom('org').select('path').where('code', '=', orgCode).executeTakeFirst();
  const chain = (org?.path ?? `/${orgCode}/`).split('/').filter(Boolean);
  const holds = sql<boolean>`r.permissions @> ${JSON.stringify([permission])}::jsonb`;
  const home = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .innerJoin('role as r', 'r.code', 'ur.role_code')
    .select(['u.id', 'u.org_code'])
    .distinct()
    .where('u.status', '=', 'active')
    .where('u.org_code', 'in', chain)
    .where(holds)
    .where((eb) => eb.or([eb('r.data_scope', '=', 'subtree'), eb.and([eb('r.data_scope', '=', 'own'), eb('u.org_code', '=', orgCode)])]))
    .execute();
  const extra = await db
    .selectFrom('app_user as u')
    .innerJoin('user_unit_role as uur', 'uur.user_id', 'u.id')
    .innerJoin('role as r', 'r.code', 'uur.role_code')
    .select(['u.id', 'uur.org_code'])
    .distinct()
    .where('u.status', '=', 'active')
    .where('uur.org_code', 'in', chain)
    .where(holds)
    .where((eb) => eb.or([eb('r.data_scope', '=', 'subtree'), eb.and([eb('r.data_scope', '=', 'own'), eb('uur.org_code', '=', orgCode)])]))
    .execute();
  const rows = [...home, ...extra];
  for (const code of [...chain].reverse()) {
    const here = rows.filter((r) => r.org_code === code).map((r) => Number(r.id));
    if (here.length) return [...new Set(here)].sort((a, b) => a - b);
  }
  return [];
}
