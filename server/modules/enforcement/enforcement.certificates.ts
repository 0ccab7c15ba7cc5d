import type { Kysely } from 'kysely';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { plusDays } from '../../platform/calendar/calendar.ts';
import { can, type Ctx } from '../../platform/http/context.ts';
import { reportDeadlineItem } from '../../platform/reports/report-deadlines.ts';
import { getSetting } from '../../platform/settings.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { inspectorLedger } from './enforcement.ledgers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own table is not in the platform schema
type AnyDb = Kysely<any>;

/** how many days before a certificate runs out it is listed in 到期事项: a local choice, default 60 */
export const CERT_NOTICE_SETTING = 'enforcement.officer.cert_notice_days';
export const CERT_NOTICE_DEFAULT = 60;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** 到期事项: officers in the registry whose certificate runs out within the notice days, or has run out (overdue) */
export async function certificateDeadlines(ctx: Ctx): Promise<DeadlineItem[]> {
  if (!ctx.scope.codes.length || !can(ctx, 'enforcement.inspector.read')) return [];
  const set = await getSetting<unknown>(ctx.tx, CERT_NOTICE_SETTING);
  const notice = typeof set === 'number' && Number.isInteger(set) && set >= 0 && set <= 366 ? set : CERT_NOTICE_DEFAULT;
  const until = plusDays(chinaDate(ctx.now), notice);
  const rows = await (ctx.tx as unknown as AnyDb)
    .selectFrom(`${inspectorLedger.table} as i`)
    .leftJoin('org as o', 'o.code', 'i.org_code')
    .select(['i.id', 'i.org_code', 'i.name', 'i.cert_no', 'i.cert_valid_until', 'o.name as org_name'])
    .where('i.status', '=', 'active')
    .where('i.org_code', 'in', ctx.scope.codes)
    .where('i.cert_valid_until', 'is not', null)
    .where('i.cert_valid_until', '<=', until)
    .orderBy('i.cert_valid_until')
    .execute();
  return Promise.all(
    rows.map((r) =>
      reportDeadlineItem(ctx, {
        ledger: inspectorLedger.name,
        ledgerLabel: inspectorLedger.label,
        module: 'enforcement',
        recordId: Number(r['id']),
        title: `${String(r['name'])}（执法证号${String(r['cert_no'])}）`,
        orgCode: String(r['org_code']),
        orgName: String(r['org_name'] ?? r['org_code']),
        clockId: 'cert_validity',
        clockLabel: '执法证件有效期',
        due: iso(r['cert_valid_until']),
        link: `/ledgers/${inspectorLedger.name}/${String(r['id'])}`,
      }),
    ),
  );
}
