import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { monthDayOf, REPORT_DEADLINES, validMonthDay, type ReportDeadlineKey } from '../../platform/reports/report-deadlines.ts';
import { setSetting } from '../../platform/settings.ts';

export interface DeadlineSetting {
  key: ReportDeadlineKey;
  label: string;
  basis: string;
  default: string;
  value: string;
}

/** the yearly reports' due days as set, with the national default and where it comes from */
export async function reportDeadlineSettings(ctx: Pick<Ctx, 'tx'>): Promise<{ items: DeadlineSetting[] }> {
  return { items: await Promise.all(REPORT_DEADLINES.map(async (d) => ({ key: d.key, label: d.label, basis: d.basis, default: d.default, value: await monthDayOf(ctx.tx, d.key) }))) };
}

/** the county sets the days: each a real month-day ("03-01"); an unknown key or a bad day refuses the whole change */
export async function saveReportDeadlines(ctx: Ctx, values: Record<string, string>): Promise<{ items: DeadlineSetting[] }> {
  const problems: Array<{ path: string; label: string; message: string }> = [];
  for (const [key, v] of Object.entries(values)) {
    const d = REPORT_DEADLINES.find((x) => x.key === key);
    if (!d) problems.push({ path: `values.${key}`, label: key, message: `期限：没有名为 ${key} 的期限` });
    else if (!validMonthDay(v)) problems.push({ path: `values.${key}`, label: d.label, message: `${d.label}：请填写“月-日”，如 03-01（不能是2月29日）` });
  }
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const before = await reportDeadlineSettings(ctx);
  const diff: Record<string, { from: string; to: string }> = {};
  for (const [key, v] of Object.entries(values)) {
    const was = before.items.find((i) => i.key === key)?.value ?? '';
    if (was === v) continue;
    await setSetting(ctx.tx, key, v);
    diff[key] = { from: was, to: v };
  }
  if (Object.keys(diff).length) await audit(ctx, { entity: 'setting', entityId: 'report.deadlines', action: 'update', orgCode: ctx.scope.root, diff });
  return reportDeadlineSettings(ctx);
}
