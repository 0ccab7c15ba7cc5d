import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/module.ts';
import { buildFromDraft, buildFromVersion, encode } from './report.output.ts';
import { defaultTemplate, TEMPLATE_LEVELS } from './report.template.ts';
import { createReport, lookupReport } from './report.open.ts';
import { compareUnits, contentSchema, draftView, indicatorDefs, publishVersion, returnVersion, rollup, saveDraft, saveTemplate, secrecyReview, startCorrection, submitDraft, templateContent, templateInfo, versionDiff } from './report.service.ts';
import { intId } from '../../platform/http/validate.ts';
import { reportDeadlineSettings, saveReportDeadlines } from './report.deadlines.ts';
import { reminderDays, REMINDER_DAYS_SETTING, submissions, submissionsWorkbook, urgeUnit, validReminderDays } from '../../platform/reports/report-reminders.ts';
import { getSetting, setSetting } from '../../platform/settings.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/errors.ts';

const idParam = z.object({ id: intId() });
const yearQuery = z.object({ org: z.string().optional(), year: z.coerce.number().int().min(2000).max(2100) });
const formatQuery = z.object({ format: z.enum(['json', 'html', 'docx', 'pdf']).default('docx') });
const tags = ['年度报告'];

const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function reportRoutes(api: Api, platform: Platform): void {
  const levelQuery = z.object({ level: z.enum(['town', 'county']).default('town') });
  api.route({ method: 'GET', url: '/api/reports/templates/annual', access: 'report.template', summary: '年度报告模板，按层级（town 乡镇及县级部门、county 县）；占位符 {org} {parent} {year} {next_year}，实时数字 {{指标}}，[[…]] 无数据时略去的分句', tags, query: levelQuery, labels: { level: '层级' }, handler: async (ctx, { query }) => ({ ...(await templateInfo(ctx, query.level)), level: query.level, levels: TEMPLATE_LEVELS, content: await templateContent(ctx, query.level), defaultContent: defaultTemplate(query.level), indicators: indicatorDefs(platform).map((d) => ({ id: d.id, label: d.label, unit: d.unit })) }) });
  api.route({
    method: 'PUT',
    url: '/api/reports/templates/annual',
    access: 'report.template',
    write: true,
    summary: '修改年度报告模板（该层级新起草的报告使用）',
    tags,
    query: levelQuery,
    body: z.object({ content: contentSchema, version: z.number().int().min(0).optional() }),
    labels: { content: '模板内容', version: '版本', level: '层级' },
    handler: async (ctx, { body, query }) => saveTemplate(ctx, platform, body.content, body.version, query.level),
  });
  // reading never writes: the page looks the report up (GET); drafting one is the explicit 新建年度报告 (POST)
  api.route({ method: 'GET', url: '/api/reports/annual', access: 'report.read', summary: '查找某单位某年度的报告（尚未新建的，说明新建后的标题）', tags, query: yearQuery, labels: { org: '单位', year: '年度' }, handler: (ctx, { query }) => lookupReport(ctx, query.org ?? ctx.scope.root, query.year) });
  api.route({ method: 'POST', url: '/api/reports/annual', access: 'report.edit', write: true, summary: '新建年度报告（按模板生成草稿）', tags, body: yearQuery, labels: { org: '单位', year: '年度' }, handler: (ctx, { body }) => createReport(ctx, platform, body.org ?? ctx.scope.root, body.year) });
  api.route({ method: 'GET', url: '/api/reports/annual/:id', access: 'report.read', summary: '报告草稿：内容、实时数字、检查结果、版本', tags, params: idParam, handler: (ctx, { params }) => draftView(ctx, platform, params.id) });
  api.route({
    method: 'PUT',
    url: '/api/reports/annual/:id',
    access: 'report.edit',
    write: true,
    summary: '保存草稿（须带 version）',
    tags,
    params: idParam,
    body: z.object({ content: contentSchema, version: z.number().int() }),
    labels: { content: '报告内容', version: '版本号' },
    handler: async (ctx, { params, body }) => {
      await saveDraft(ctx, params.id, body.content, body.version);
      return draftView(ctx, platform, params.id);
    },
  });
  api.route({ method: 'POST', url: '/api/reports/annual/:id/submit', access: 'report.submit', write: true, summary: '提交报告：冻结文本、数字及其来源记录', tags, params: idParam, body: z.object({ version: z.number().int() }), labels: { version: '版本号' }, handler: (ctx, { params, body }) => submitDraft(ctx, platform, params.id, body.version) });
  api.route({ method: 'POST', url: '/api/reports/annual/:id/correction', access: 'report.submit', write: true, summary: '对已发布报告发起更正', tags, params: idParam, handler: async (ctx, { params }) => { await startCorrection(ctx, params.id); return { ok: true }; } });
  api.route({
    method: 'GET',
    url: '/api/reports/annual/:id/export',
    access: 'report.read',
    summary: '导出草稿（DOCX/HTML/PDF/JSON，数字为当前值）',
    tags,
    params: idParam,
    query: formatQuery,
    handler: async (ctx, { params, query }, _req, reply) => {
      const view = await draftView(ctx, platform, params.id);
      const out = await encode(await buildFromDraft(ctx, platform, view.orgCode, view.year), query.format);
      return reply.header('content-type', out.type).header('content-disposition', disposition(`${view.content.title}.${out.ext}`)).send(out.body);
    },
  });
  api.route({
    method: 'GET',
    url: '/api/reports/annual/versions/:id/export',
    access: 'report.read',
    summary: '导出已提交版本（冻结的文本与数字）',
    tags,
    params: idParam,
    query: formatQuery,
    handler: async (ctx, { params, query }, _req, reply) => {
      const built = await buildFromVersion(ctx, params.id);
      const out = await encode(built, query.format);
      return reply.header('content-type', out.type).header('content-disposition', disposition(`${built.json.title}.${out.ext}`)).send(out.body);
    },
  });
  api.route({ method: 'GET', url: '/api/reports/annual/versions/:id/diff', access: 'report.read', summary: '提交以来台账数据的变化', tags, params: idParam, handler: (ctx, { params }) => versionDiff(ctx, platform, params.id) });
  api.route({ method: 'POST', url: '/api/reports/annual/versions/:id/return', access: 'report.return', write: true, summary: '退回下级提交的报告', tags, params: idParam, body: z.object({ reason: z.string().trim().min(4, '请说明退回原因（至少4个字）').max(500, '不能超过500个字') }), labels: { reason: '退回原因' }, handler: async (ctx, { params, body }) => { await returnVersion(ctx, params.id, body.reason); return { ok: true }; } });
  api.route({ method: 'POST', url: '/api/reports/annual/versions/:id/secrecy', access: 'report.secrecy', write: true, summary: '保密审查', tags, params: idParam, body: z.object({ passed: z.boolean(), opinion: z.string().trim().min(2, '请填写审查意见').max(2000, '不能超过2000个字') }), labels: { passed: '审查结论', opinion: '审查意见' }, handler: async (ctx, { params, body }) => { await secrecyReview(ctx, params.id, body.passed, body.opinion); return { ok: true }; } });
  api.route({ method: 'POST', url: '/api/reports/annual/versions/:id/publish', access: 'report.publish', write: true, summary: '向社会公开发布（不可修改，更正为新版本）', tags, params: idParam, body: z.object({ correctionNote: z.string().trim().max(500).nullable().default(null) }), labels: { correctionNote: '更正说明' }, handler: async (ctx, { params, body }) => { await publishVersion(ctx, params.id, body.correctionNote); return { ok: true }; } });
  api.route({ method: 'GET', url: '/api/reports/deadlines', access: 'report.read', summary: '年度报告期限（报送县级、向社会公开、政府信息公开年报）', tags, handler: (ctx) => reportDeadlineSettings(ctx) });
  api.route({
    method: 'PUT',
    url: '/api/reports/deadlines',
    access: 'report.template',
    write: true,
    summary: '设置年度报告期限（月-日，如 03-01）',
    tags,
    body: z.object({ values: z.record(z.string(), z.string()) }),
    labels: { values: '期限' },
    handler: (ctx, { body }) => saveReportDeadlines(ctx, body.values),
  });
  const submissionYear = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
  api.route({ method: 'GET', url: '/api/reports/submissions', access: 'report.rollup', summary: '报送情况：下级单位的法治政府建设年度报告与政府信息公开年报的状态、日期、是否逾期', tags, query: submissionYear, labels: { year: '年度' }, handler: (ctx, { query }) => submissions(ctx, platform, query.year) });
  api.route({
    method: 'GET',
    url: '/api/reports/submissions/export.xlsx',
    access: 'report.rollup',
    summary: '报送情况导出（Excel）',
    tags,
    query: submissionYear,
    labels: { year: '年度' },
    handler: async (ctx, { query }, _req, reply) => {
      const { body, today } = await submissionsWorkbook(ctx, platform, query.year);
      const name = `${query.year}年度报告报送情况-${today}.xlsx`;
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);
    },
  });
  api.route({
    method: 'POST',
    url: '/api/reports/submissions/urge',
    access: 'report.rollup',
    write: true,
    summary: '催报：提醒逾期未报送（公布）的下级单位',
    tags,
    body: z.object({ report: z.enum(['annual', 'disclosure']), orgCode: z.string().min(1).max(20), year: z.number().int().min(2000).max(2100), note: z.string().trim().max(500, '不能超过500个字').optional() }),
    labels: { report: '报告', orgCode: '单位', year: '年度', note: '催报说明' },
    handler: (ctx, { body }) => urgeUnit(ctx, platform, body),
  });
  api.route({ method: 'GET', url: '/api/reports/reminder-days', access: 'report.read', summary: '报告期限提醒：届满前多少天提醒', tags, handler: async (ctx) => ({ days: await reminderDays(ctx.tx) }) });
  api.route({
    method: 'PUT',
    url: '/api/reports/reminder-days',
    access: 'report.template',
    write: true,
    summary: '设置报告期限提醒天数（届满前N天，如 15、3）',
    tags,
    body: z.object({ days: z.array(z.number()) }),
    labels: { days: '提醒天数' },
    handler: async (ctx, { body }) => {
      if (!validReminderDays(body.days)) throw new AppError('validation_failed', '提醒天数：须为1至90之间互不相同的整数，最多5个', [{ path: 'days', label: '提醒天数', message: '提醒天数：须为1至90之间互不相同的整数，最多5个' }]);
      const before = await getSetting<unknown>(ctx.tx, REMINDER_DAYS_SETTING);
      const days = [...body.days].sort((a, b) => b - a);
      await setSetting(ctx.tx, REMINDER_DAYS_SETTING, days);
      await audit(ctx, { entity: 'setting', entityId: REMINDER_DAYS_SETTING, action: 'update', orgCode: ctx.scope.root, diff: { days: { from: before ?? null, to: days } } });
      return { days };
    },
  });
  api.route({ method: 'GET', url: '/api/reports/annual/rollup', access: 'report.rollup', summary: '下级单位报告报送情况', tags, query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), labels: { year: '年度' }, handler: (ctx, { query }) => rollup(ctx, query.year) });
  api.route({ method: 'GET', url: '/api/reports/annual/compare', access: 'report.rollup', summary: '下级单位指标对比', tags, query: z.object({ year: z.coerce.number().int().min(2000).max(2100), ids: z.string().optional() }), labels: { year: '年度' }, handler: (ctx, { query }) => compareUnits(ctx, platform, query.year, query.ids ? query.ids.split(',') : []) });
}
