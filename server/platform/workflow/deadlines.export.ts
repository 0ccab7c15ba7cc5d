import { audit } from '../audit/audit.service.ts';
import { listWorkbook } from '../files/sheet.ts';
import type { Ctx } from '../http/context.ts';
import type { Platform } from '../module.ts';
import { chinaDateTime } from './hours-clock.ts';
import { listDeadlines, type DeadlineItem, type DeadlinesQuery } from './deadlines.service.ts';

/** more than a county's clocks in a year: an export beyond it says it was cut short, never silently */
export const DEADLINES_EXPORT_LIMIT = 10_000;

function statusText(d: DeadlineItem): string {
  if (d.error) return '计算出错';
  if (d.overdue) return '已超期';
  if (d.dueSoon) return '即将到期';
  if (d.status === 'paused') return '已中止计时';
  return '计时中';
}

function leftText(d: DeadlineItem): string {
  if (d.daysLeft === null) return '';
  const unit = d.unit === 'hours' ? '小时' : d.unit === 'working' ? '个工作日' : '天';
  if (d.daysLeft < 0) return `超期${-d.daysLeft}${unit}`;
  if (d.daysLeft === 0) return d.unit === 'hours' ? '不足1小时' : '今日到期';
  return `剩余${d.daysLeft}${unit}`;
}

/** 到期事项 as an Excel sheet: the same filters as the page, every page of it, soonest first; the export is audited */
export async function deadlinesWorkbook(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, q: DeadlinesQuery): Promise<{ body: Buffer; today: string; total: number }> {
  const list = await listDeadlines(ctx, platform, { ...q, page: 1, pageSize: DEADLINES_EXPORT_LIMIT });
  const rows: Array<Record<string, string | number>> = list.items.map((d) => ({ due: d.dueAt ? chinaDateTime(d.dueAt) : (d.due ?? ''), left: leftText(d), status: statusText(d), title: d.title || `${d.ledgerLabel} #${d.recordId}`, ledger: d.ledgerLabel, clock: d.clockLabel, org: d.orgName, id: d.recordId }));
  if (list.total > list.items.length) rows.push({ title: `共${list.total}条，仅导出前${list.items.length}条，请缩小筛选范围后分批导出` });
  const body = await listWorkbook('到期事项', [
    { header: '届满日', key: 'due', width: 17 },
    { header: '剩余时间', key: 'left', width: 16 },
    { header: '状态', key: 'status', width: 10 },
    { header: '事项', key: 'title', width: 44 },
    { header: '台账', key: 'ledger', width: 18 },
    { header: '期限', key: 'clock', width: 22 },
    { header: '责任单位', key: 'org', width: 22 },
    { header: '记录编号', key: 'id', width: 10 },
  ], rows);
  await audit(ctx, { entity: 'deadlines', entityId: 'export', action: 'export', orgCode: ctx.scope.root, diff: { filter: q, rows: list.items.length } });
  return { body, today: list.today, total: list.total };
}
