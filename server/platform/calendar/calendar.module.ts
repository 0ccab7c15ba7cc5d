import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import { AppError } from '../http/errors.ts';
import type { Api } from '../http/route.ts';
import { defineModule, type HomeItem, type Platform } from '../module.ts';
import { can, type Ctx } from '../http/context.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';
import { seedCalendarIfEmpty } from './calendar.repository.ts';
import { recomputeOpenClocks, systemCtx } from '../workflow/workflow.service.ts';
import { calendarYear, calendarYears, computeDeadline, loadCalendarYear, parseUpload, previewCalendarYear } from './calendar.service.ts';
import { isoDate } from '../http/validate.ts';

export const CALENDAR_MANAGE = 'calendar.manage';

/** an uploaded text file: UTF-8 (with or without BOM), or GB18030 as Excel on a Chinese Windows saves CSV */
export function decodeUpload(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const deadlineQuery = z.object({
  from: isoDate(),
  days: z.coerce.number().int('须为整数').min(1, '至少为1').max(9999, '不能超过9999'),
  unit: z.enum(['working', 'calendar'], '须为 working（工作日）或 calendar（自然日）'),
  roll: z.enum(['true', 'false', '1', '0']).optional(),
});

// a JSON body is either the JSON file format itself or {text}: the content of a CSV or JSON file
const loadBody = z.union([z.object({ text: z.string().min(1).max(200_000), source: z.string().max(40).optional() }), z.object({ year: z.number() }).loose()]);

/** the uploaded file (multipart), or the JSON body (the file format itself, or {text, source}) */
async function readUpload(req: FastifyRequest): Promise<{ text: string; source: string }> {
  if (req.isMultipart()) {
    const file = await req.file();
    if (!file) throw new AppError('validation_failed', '请上传节假日文件', [{ path: 'file', label: '文件', message: '文件：请上传 CSV 或 JSON 文件' }]);
    return { text: decodeUpload(await file.toBuffer()), source: `上传:${file.filename}` };
  }
  const parsed = loadBody.safeParse(req.body ?? {});
  if (!parsed.success) throw new AppError('validation_failed', '请提交节假日文件内容', [{ path: 'text', label: '文件内容', message: '文件内容：请提交 {"text": "…"} 或 {"year": 2027, "holidays": {…}, "workdays": {…}}' }]);
  const body = parsed.data;
  return {
    text: 'text' in body && typeof body.text === 'string' ? body.text : JSON.stringify(body),
    source: 'text' in body && typeof body.source === 'string' && body.source ? body.source : '页面录入',
  };
}

function calendarRoutes(api: Api, platform: Platform): void {
  const tags = ['工作日历'];
  api.route({ method: 'GET', url: '/api/calendar/years', access: CALENDAR_MANAGE, summary: '工作日历：已导入的年度（来源、导入人、时间、天数）', tags, handler: async (ctx) => ({ items: await calendarYears(ctx) }) });
  api.route({
    method: 'GET',
    url: '/api/calendar/:year',
    access: CALENDAR_MANAGE,
    summary: '工作日历：某年的法定节假日与调休上班日',
    tags,
    params: z.object({ year: z.coerce.number().int().min(2000, '年份有误').max(2100, '年份有误') }),
    labels: { year: '年份' },
    handler: (ctx, { params }) => calendarYear(ctx, params.year),
  });
  for (const preview of [true, false]) {
    api.route({
      method: 'POST',
      url: preview ? '/api/calendar/preview' : '/api/calendar/load',
      access: CALENDAR_MANAGE,
      ...(preview ? {} : { write: true }),
      multipart: true,
      summary: preview
        ? '工作日历：预览上传的节假日安排（年度、放假与调休天数、与现有日历相比新增和删除的日期），不作任何修改'
        : '工作日历：导入或更正一年的节假日安排（上传 CSV/JSON 文件，或提交 JSON）；随后重新计算所有计时中的期限',
      tags,
      handler: async (ctx, _input, req) => {
        const { text, source } = await readUpload(req);
        const file = parseUpload(text);
        return preview ? previewCalendarYear(ctx, file, source) : loadCalendarYear(ctx, platform.ledgers.all(), file, source);
      },
    });
  }
  api.route({
    method: 'GET',
    url: '/api/deadline',
    access: 'authenticated',
    summary: '期限计算：自起算日次日起 N 个工作日或自然日的届满日，并说明如何计算',
    tags,
    query: deadlineQuery,
    labels: { from: '起算日期', days: '期限天数', unit: '计算方式', roll: '节假日顺延' },
    handler: (ctx, { query }) => computeDeadline(ctx, { from: query.from, days: query.days, unit: query.unit, roll: query.roll === undefined || query.roll === 'true' || query.roll === '1' }),
  });
}

/** years a chinese-days upgrade brought in: running clocks that reach into them are recomputed, and that is logged */
async function recomputeAfterSeed(platform: Platform, years: number[]): Promise<void> {
  const clocks = await sql<{ n: number }>`select count(*)::int as n from workflow_clock where status in ('running', 'paused', 'error')`.execute(platform.db);
  if (!clocks.rows[0]?.n) return;
  await platform.db.transaction().execute(async (tx) => {
    const ctx = systemCtx(platform, tx);
    const source = `chinese-days（${years.join('、')}年）`;
    await audit(ctx, { entity: 'calendar', entityId: years.join(','), action: 'calendar_load', orgCode: null, diff: { years, source } });
    await recomputeOpenClocks(ctx, platform.ledgers.all(), { reason: `系统升级后自动导入${source}工作日历` });
  });
}

/** the working-day calendar: seeded from chinese-days, maintained by the 系统管理员 year by year */
export const calendarModule = defineModule({
  name: 'calendar',
  label: '工作日历',
  permissions: [{ code: CALENDAR_MANAGE, label: '管理工作日历（导入、更正节假日安排）', roles: ['sysadmin'] }],
  nav: [{ path: '/admin/calendar', label: '工作日历', permission: CALENDAR_MANAGE, group: '系统管理', icon: 'schedule', order: 906 }],
  init: async (platform) => {
    const years = await seedCalendarIfEmpty(platform.db);
    if (years.length) await recomputeAfterSeed(platform, years);
  },
  home: calendarHomeItems,
  routes: calendarRoutes,
});

// the State Council publishes next year's 节假日安排 in late autumn: from November the missing year is asked for
const WARN_FROM_MONTH = 11;

/**
 * the 系统管理员's home: this year's calendar, and from November next year's, when not loaded. Without it every
 * working-day period that reaches into that year reads 无法计算 on the clerks' pages.
 */
async function calendarHomeItems(ctx: Ctx): Promise<HomeItem[]> {
  if (!can(ctx, CALENDAR_MANAGE)) return [];
  const today = chinaDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const loaded = new Set((await calendarYears(ctx)).map((y) => y.year));
  const wanted = Number(today.slice(5, 7)) >= WARN_FROM_MONTH ? [year, year + 1] : [year];
  return wanted
    .filter((y) => !loaded.has(y))
    .map((y) => ({ key: `calendar.missing.${y}`, label: `${y}年工作日历尚未导入（跨入${y}年的工作日期限无法计算）`, count: 1, link: '/admin/calendar', tone: 'danger' as const }));
}
