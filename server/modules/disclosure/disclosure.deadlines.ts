import type { Kysely } from 'kysely';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { can, type Ctx } from '../../platform/http/context.ts';
import { reportDeadlineItem, reportDue, reportingOrgs, type ReportDeadlineKey } from '../../platform/reports/report-deadlines.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { unitsBelowCounties } from '../../platform/reports/report-reminders.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ReportObligation } from '../../../common/reports.types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own table
const db = (ctx: Ctx): Kysely<any> => ctx.tx as unknown as Kysely<any>;

/**
 * which due day an organisation's 政府信息公开工作年度报告 keeps (条例 art. 49): a county government 3月31日, a county
 * department 1月31日, a town the day its county sets
 */
export function disclosureDueKey(org: { kind: string; parentKind: string | null }): ReportDeadlineKey {
  if (org.kind === 'county') return 'report.disclosure.governmentDue';
  return org.kind === 'department' ? 'report.disclosure.departmentDue' : 'report.disclosure.townDue';
}

/** 到期事项: last year's disclosure report of each reporting organisation in scope, until it is published */
export async function disclosureReportDeadlines(ctx: Ctx): Promise<DeadlineItem[]> {
  if (!ctx.scope.codes.length || !can(ctx, 'disclosure.report.read')) return [];
  const year = Number(chinaDate(ctx.now).slice(0, 4)) - 1;
  const orgs = await reportingOrgs(ctx);
  if (!orgs.length) return [];
  const rows = await db(ctx).selectFrom('disclosure_report').select(['id', 'org_code', 'status']).where('org_code', 'in', orgs.map((o) => o.code)).where('year', '=', year).execute();
  const byOrg = new Map(rows.map((r) => [String(r.org_code), { id: Number(r.id), status: String(r.status) }]));
  const items: DeadlineItem[] = [];
  for (const o of orgs) {
    const r = byOrg.get(o.code);
    if (r?.status === 'published') continue;
    const due = await reportDue(ctx.tx, disclosureDueKey(o), year);
    items.push(await reportDeadlineItem(ctx, { ledger: 'disclosure_report', ledgerLabel: '政府信息公开工作年度报告', module: 'disclosure', recordId: r?.id ?? 0, title: `${year}年政府信息公开工作年度报告`, orgCode: o.code, orgName: o.name, clockId: 'disclosure_report_due', clockLabel: '政府信息公开年报公布期限', due, link: '/disclosure/report' }));
  }
  return items;
}

const OBLIGATION_STATUS: Record<ReportObligation['status'], string> = { not_started: '未起草', draft: '草稿', final: '已定稿', submitted: '已报送', published: '已公开' };

/** the disclosure report each unit below a county owes (公布 by its kind's day, 条例 art. 49): met when published */
export async function disclosureObligations(k: Kysely<Database>, year: number): Promise<ReportObligation[]> {
  const units = await unitsBelowCounties(k);
  if (!units.length) return [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own table
  const q = k as unknown as Kysely<any>;
  const rows = await q.selectFrom('disclosure_report').select(['id', 'org_code', 'status', 'published_at']).where('org_code', 'in', units.map((u) => u.code)).where('year', '=', year).execute();
  const byOrg = new Map(rows.map((r) => [String(r.org_code), r]));
  const out: ReportObligation[] = [];
  for (const u of units) {
    const r = byOrg.get(u.code);
    const status: ReportObligation['status'] = !r ? 'not_started' : r.status === 'published' ? 'published' : r.status === 'final' ? 'final' : 'draft';
    out.push({
      report: 'disclosure',
      reportLabel: '政府信息公开工作年度报告',
      duty: '公布',
      orgCode: u.code,
      orgName: u.name,
      orgKind: u.kind,
      countyCode: u.countyCode,
      year,
      due: await reportDue(k, disclosureDueKey({ kind: u.kind, parentKind: 'county' }), year),
      status,
      statusLabel: OBLIGATION_STATUS[status],
      doneOn: status === 'published' && r?.published_at ? chinaDate(new Date(r.published_at as string)) : null,
      link: `/disclosure/report?org=${u.code}&year=${year}`,
      unitPermissions: ['disclosure.report.publish', 'disclosure.report.edit'],
    });
  }
  return out;
}
