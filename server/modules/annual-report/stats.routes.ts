import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { StatsContent, StatsTable } from '../../../common/enforcement-stats.types.ts';
import { redactPublic } from '../../platform/crypto/redact.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId, yearParam } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import { sendDocument } from '../../platform/reports/send-document.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { reconcile } from './reconcile.service.ts';
import { layoutInput } from './stats.layout.ts';
import { statsDocument } from './stats.output.ts';
import { createStats, layouts, lookupStats, publishLayout, saveStats, startStatsCorrection, STATS_KIND, statsRollup, statsVersion, statsView, submitStats } from './stats.service.ts';

const tags = ['行政执法统计年报'];
const idParam = z.object({ id: intId() });
const yearQuery = z.object({ org: z.string().max(20).optional(), year: yearParam() });
const formatQuery = z.object({ format: z.enum(['docx', 'html', 'pdf']).default('docx') });
const override = z.object({ value: z.number('须为数字').min(0, '不能小于0').max(1e12, '数字过大'), reason: z.string().trim().min(4, '请说明调整理由（至少4个字）').max(300, '不能超过300个字') });

/** 行政执法统计年报 and the reconciliation of the three reports; return, secrecy review and publication are the annual report's version routes */
export function statsRoutes(api: Api, platform: Platform): void {
  api.route({ method: 'GET', url: '/api/reports/enforcement-stats/layouts', access: 'report.read', summary: '行政执法统计年报表式（各版本，最新在前）', tags, handler: async (ctx) => ({ items: await layouts(ctx) }) });
  api.route({
    method: 'POST',
    url: '/api/reports/enforcement-stats/layouts',
    access: 'report.template',
    write: true,
    summary: '发布新版统计表式（已发布的版本不能修改）',
    tags,
    body: layoutInput,
    labels: { title: '表名', note: '版本说明', columns: '列', rows: '行', checks: '校验规则' },
    handler: (ctx, { body }) => publishLayout(ctx, platform, body),
  });
  api.route({ method: 'GET', url: '/api/reports/enforcement-stats/rollup', access: 'report.rollup', summary: '下级单位统计年报报送情况', tags, query: z.object({ year: yearParam() }), labels: { year: '年度' }, handler: (ctx, { query }) => statsRollup(ctx, query.year) });
  api.route({ method: 'GET', url: '/api/reports/enforcement-stats', access: 'report.read', summary: '查找某单位某年度的统计年报', tags, query: yearQuery, labels: { org: '单位', year: '年度' }, handler: (ctx, { query }) => lookupStats(ctx, query.org ?? ctx.scope.root, query.year) });
  api.route({ method: 'POST', url: '/api/reports/enforcement-stats', access: 'report.edit', write: true, summary: '新建统计年报（按现行表式）', tags, body: yearQuery, labels: { org: '单位', year: '年度' }, handler: (ctx, { body }) => createStats(ctx, body.org ?? ctx.scope.root, body.year) });
  api.route({ method: 'GET', url: '/api/reports/enforcement-stats/:id', access: 'report.read', summary: '统计年报：表格、校验结果、版本', tags, params: idParam, handler: (ctx, { params }) => statsView(ctx, platform, params.id) });
  api.route({
    method: 'PUT',
    url: '/api/reports/enforcement-stats/:id',
    access: 'report.edit',
    write: true,
    summary: '保存手工调整（每项须说明理由）或改用最新表式',
    tags,
    params: idParam,
    body: z.object({ overrides: z.record(z.string().max(90), override), layoutVersion: z.number().int().positive().optional(), version: z.number().int() }),
    labels: { overrides: '手工调整', value: '调整后数字', reason: '调整理由', layoutVersion: '表式版本', version: '版本号' },
    handler: (ctx, { params, body }) => saveStats(ctx, platform, params.id, body),
  });
  api.route({ method: 'POST', url: '/api/reports/enforcement-stats/:id/submit', access: 'report.submit', write: true, summary: '提交统计年报：冻结表格、数字及其来源记录', tags, params: idParam, body: z.object({ version: z.number().int() }), labels: { version: '版本号' }, handler: (ctx, { params, body }) => submitStats(ctx, platform, params.id, body.version) });
  api.route({ method: 'POST', url: '/api/reports/enforcement-stats/:id/correction', access: 'report.submit', write: true, summary: '对已发布的统计年报发起更正', tags, params: idParam, handler: async (ctx, { params }) => { await startStatsCorrection(ctx, params.id); return { ok: true }; } });
  api.route({
    method: 'GET',
    url: '/api/reports/enforcement-stats/:id/export',
    access: 'report.read',
    summary: '导出统计年报（DOCX/HTML/PDF；已提交的为冻结版本）',
    tags,
    params: idParam,
    query: formatQuery,
    handler: async (ctx, { params, query }, _req, reply) => {
      const view = await statsView(ctx, platform, params.id);
      return sendDocument(reply, statsDocument(view.content.title, view.orgName, view.year, view.table, chinaDate(ctx.now)), query.format, view.content.title);
    },
  });
  api.route({ method: 'GET', url: '/api/reports/enforcement-stats/versions/:id', access: 'report.read', summary: '统计年报的已提交版本（冻结）', tags, params: idParam, handler: (ctx, { params }) => statsVersion(ctx, params.id) });
  api.route({
    method: 'GET',
    url: '/api/reports/reconciliation',
    access: 'report.read',
    summary: '三份年度报告对账：法治政府建设年度报告、政府信息公开年报、行政执法统计年报中的共同数字',
    tags: ['年度报告'],
    query: yearQuery,
    labels: { org: '单位', year: '年度' },
    handler: (ctx, { query }) => reconcile(ctx, platform, query.org ?? ctx.scope.root, query.year),
  });
  publicStatsRoutes(api, platform);
}

/** the public site: published statistics reports, readable without an account */
function publicStatsRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- report tables are this module's own
  const db = platform.db as unknown as Kysely<any>;
  const published = async (id: number) => {
    const v = await db.selectFrom('report_version').innerJoin('org', 'org.code', 'report_version.org_code').selectAll('report_version').select('org.name as org_name').where('report_version.id', '=', id).where('report_version.kind', '=', STATS_KIND).where('report_version.status', 'in', ['published', 'superseded']).executeTakeFirst();
    if (!v) throw notFound('统计年报');
    return v;
  };
  api.route({
    method: 'GET',
    url: '/api/public/enforcement-stats',
    access: 'public',
    summary: '已公开的行政执法统计年报',
    tags: ['公开'],
    query: z.object({ year: yearParam().optional() }),
    handler: async (_ctx, { query }) => {
      let q = db.selectFrom('report_version').innerJoin('org', 'org.code', 'report_version.org_code').select(['report_version.id', 'org.name as org_name', 'report_version.year', 'report_version.status', 'report_version.published_at', 'report_version.content']).where('report_version.kind', '=', STATS_KIND).where('report_version.status', 'in', ['published', 'superseded']);
      if (query.year) q = q.where('report_version.year', '=', query.year);
      const rows = await q.orderBy('report_version.year', 'desc').orderBy('org.path').orderBy('report_version.version_no', 'desc').execute();
      return { items: rows.map((r) => ({ id: Number(r.id), orgName: r.org_name, year: Number(r.year), current: r.status === 'published', title: redactPublic((r.content as StatsContent).title), publishedAt: new Date(r.published_at).toISOString() })) };
    },
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement-stats/:id',
    access: 'public',
    summary: '公开的行政执法统计年报（表格）',
    tags: ['公开'],
    params: idParam,
    handler: async (_ctx, { params }) => {
      const v = await published(params.id);
      const table = v.rendered as StatsTable;
      // the public table drops the internal links to records
      return { id: Number(v.id), orgName: v.org_name, year: Number(v.year), current: v.status === 'published', title: redactPublic((v.content as StatsContent).title), publishedAt: new Date(v.published_at).toISOString(), table: { ...table, rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(({ link: _link, ...c }) => c) })) } };
    },
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement-stats/:id/download',
    access: 'public',
    summary: '下载公开的行政执法统计年报',
    tags: ['公开'],
    params: idParam,
    query: formatQuery,
    handler: async (_ctx, { params, query }, _req, reply) => {
      const v = await published(params.id);
      const title = String(redactPublic((v.content as StatsContent).title));
      return sendDocument(reply, statsDocument(title, v.org_name, Number(v.year), v.rendered as StatsTable, chinaDate(new Date(v.submitted_at))), query.format, title);
    },
  });
}

