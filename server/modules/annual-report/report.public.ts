import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/module.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { ReportContent } from './report.content.ts';
import { encode } from './report.output.ts';
import { renderSections, renderText, buildDocumentSpec, type AppendixUnit } from './report.render.ts';
import { intId, yearParam } from '../../platform/http/validate.ts';
import { redactDeep, redactPublic } from '../../platform/crypto/redact.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

/** the public site: published reports only, readable without an account; superseded versions stay listed */
export function publicReportRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- report tables are this module's own
  const db = platform.db as unknown as Kysely<any>;
  api.route({
    method: 'GET',
    url: '/api/public/reports',
    access: 'public',
    summary: '已公开的法治政府建设年度报告',
    tags: ['公开'],
    query: z.object({ year: yearParam().optional(), org: z.string().optional() }),
    handler: async (_ctx, { query }) => {
      let q = db.selectFrom('report_version').innerJoin('org', 'org.code', 'report_version.org_code').select(['report_version.id', 'report_version.org_code', 'org.name as org_name', 'report_version.year', 'report_version.version_no', 'report_version.status', 'report_version.published_at', 'report_version.correction_note', 'report_version.content']).where('report_version.kind', '=', 'annual').where('report_version.status', 'in', ['published', 'superseded']);
      if (query.year) q = q.where('report_version.year', '=', query.year);
      if (query.org) q = q.where('report_version.org_code', '=', query.org);
      const rows = await q.orderBy('report_version.year', 'desc').orderBy('org.path').orderBy('report_version.version_no', 'desc').execute();
      const editions = await publicEditions(rows.map((r) => Number(r.id)));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
      return { items: rows.map((r: any) => ({ id: r.id, orgCode: r.org_code, orgName: r.org_name, year: r.year, edition: editions.get(Number(r.id)) ?? 1, current: r.status === 'published', title: redactPublic((r.content as ReportContent).title), publishedAt: new Date(r.published_at).toISOString(), correctionNote: redactPublic(r.correction_note as string | null) })) };
    },
  });
  /**
   * the public edition of each published version: its place among the report's published versions. The internal
   * submission number counts returned submissions too, so a report first published on its second submission is the
   * public's first edition, not a correction
   */
  async function publicEditions(ids: number[]): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('report_version as v')
      .innerJoin('report_version as e', (j) => j.onRef('e.draft_id', '=', 'v.draft_id').onRef('e.version_no', '<=', 'v.version_no'))
      .select(['v.id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('v.id', 'in', ids)
      .where('e.status', 'in', ['published', 'superseded'])
      .groupBy('v.id')
      .execute();
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  }
  async function published(id: number) {
    const v = await db.selectFrom('report_version').innerJoin('org', 'org.code', 'report_version.org_code').selectAll('report_version').select('org.name as org_name').where('report_version.id', '=', id).where('report_version.kind', '=', 'annual').where('report_version.status', 'in', ['published', 'superseded']).executeTakeFirst();
    if (!v) throw notFound('报告');
    return v;
  }
  api.route({
    method: 'GET',
    url: '/api/public/reports/:id',
    access: 'public',
    summary: '公开报告全文',
    tags: ['公开'],
    params: z.object({ id: intId() }),
    handler: async (_ctx, { params }) => {
      const v = await published(params.id);
      const values = new Map((v.indicators as IndicatorValue[]).map((x) => [x.id, x]));
      // the report's prose passes through the redactor like every published text (crypto/redact.ts)
      const edition = (await publicEditions([Number(v.id)])).get(Number(v.id)) ?? 1;
      return { id: v.id, orgName: v.org_name, year: v.year, edition, current: v.status === 'published', title: redactPublic((v.content as ReportContent).title), publishedAt: new Date(v.published_at).toISOString(), correctionNote: redactPublic(v.correction_note as string | null), preamble: redactDeep((v.content as ReportContent).preamble.map((p) => renderText(p, values))), sections: redactDeep(renderSections(v.content as ReportContent, values)) };
    },
  });
  api.route({
    method: 'GET',
    url: '/api/public/reports/:id/download',
    access: 'public',
    summary: '下载公开报告（DOCX）',
    tags: ['公开'],
    params: z.object({ id: intId() }),
    query: z.object({ format: z.enum(['docx', 'html', 'pdf']).default('docx') }),
    handler: async (_ctx, { params, query }, _req, reply) => {
      const v = await published(params.id);
      const content = redactDeep(v.content as ReportContent);
      const values = new Map((v.indicators as IndicatorValue[]).map((x) => [x.id, x]));
      const units = (v.units as AppendixUnit[] | null) ?? [];
      const document = buildDocumentSpec(content, values, { org: units.length ? `${v.org_name}人民政府` : v.org_name, date: chinaDate(new Date(v.submitted_at)) }, units);
      const out = await encode({ json: { org: { code: v.org_code, name: v.org_name }, year: v.year, title: content.title, status: v.status, sections: [], indicators: [], checks: [] }, document }, query.format);
      return reply.header('content-type', out.type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${content.title}.${out.ext}`)}`).send(out.body);
    },
  });
}
