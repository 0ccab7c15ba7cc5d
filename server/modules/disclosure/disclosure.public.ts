import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { queryTerms } from '../../platform/ledger/search.ts';
import { correctedOn } from '../../platform/ledger/correction.service.ts';
import type { Platform } from '../../platform/module.ts';
import type { DisclosureReport } from './disclosure.report.ts';
import { buildDocumentSpec } from './disclosure.render.ts';
import { sendDocument } from '../../platform/reports/send-document.ts';
import { ITEM_CATEGORIES } from './disclosure.taxonomy.ts';
import { itemLedger } from './disclosure.ledgers.ts';
import { fieldOptions, loadFieldOptions } from '../../platform/ledger/field-options.ts';
import type { Database } from '../../platform/db/schema.ts';
import { PUBLISHABLE } from './disclosure.workflow.ts';
import { intId, yearParam } from '../../platform/http/validate.ts';
import { redactDeep, redactPublic } from '../../platform/crypto/redact.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

const tags = ['公开'];

/**
 * the public site: published items only. An item is visible when it has a publication date AND a secrecy review
 * that allowed it, and is not withdrawn: an unpublished or secrecy-pending item never leaves the building.
 */
export function publicDisclosureRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger and module tables are not in the typed schema
  const db = platform.db as unknown as Kysely<any>;
  const visible = () =>
    db
      .selectFrom('disclosure_item as i')
      .innerJoin('org', 'org.code', 'i.org_code')
      .where('i.status', '=', 'active')
      .where('i.published_on', 'is not', null)
      .where('i.published_on', '<=', sql<string>`${chinaDate(new Date())}::date`)
      .where('i.secrecy_result', 'in', [...PUBLISHABLE])
      .where('i.revoked_on', 'is', null);
  const cols = ['i.id', 'i.org_code', 'org.name as org_name', 'i.title', 'i.category', 'i.town_category', 'i.doc_no', sql<string>`i.published_on::text`.as('published_on'), 'i.summary', 'i.url'] as const;

  api.route({
    method: 'GET',
    url: '/api/public/disclosure/items',
    access: 'public',
    summary: '主动公开的政府信息（按类别、全文检索）',
    tags,
    query: z.object({
      org: z.string().max(20).optional(),
      category: z.enum(ITEM_CATEGORIES).optional(),
      townCategory: z.string().max(40).optional(),
      q: z.string().max(100).optional(),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
    labels: { org: '单位', category: '类别', townCategory: '乡镇主动公开事项', q: '关键词' },
    handler: async (_ctx, { query }) => {
      // the town categories: 政府信息公开条例 art. 21's, then the county's own (a setting), every one listed
      await loadFieldOptions(platform.db as unknown as Kysely<Database>, itemLedger);
      const townList = fieldOptions(itemLedger.fields.find((f) => f.name === 'town_category') ?? { name: '', label: '', type: 'dict' });
      if (query.townCategory && !townList.includes(query.townCategory)) throw notFound(`乡镇主动公开事项“${query.townCategory}”`);
      let base = visible();
      if (query.org) base = base.where('i.org_code', 'in', db.selectFrom('org').select('code').where('path', 'like', `%/${query.org}/%`));
      let listed = base;
      if (query.category) listed = listed.where('i.category', '=', query.category);
      if (query.townCategory) listed = listed.where('i.town_category', '=', query.townCategory);
      const terms = query.q ? queryTerms(query.q) : [];
      if (terms.length) {
        listed = listed.where(sql<boolean>`i.search_tsv @@ to_tsquery('simple', ${terms.map((t) => `'${t}'`).join(' & ')})`);
        base = base.where(sql<boolean>`i.search_tsv @@ to_tsquery('simple', ${terms.map((t) => `'${t}'`).join(' & ')})`);
      }
      const total = Number((await listed.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await listed.select([...cols]).orderBy('i.published_on', 'desc').orderBy('i.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
      const counts = await base.select(['i.category', sql<number>`count(*)`.as('n')]).groupBy('i.category').execute();
      const byCat = new Map(counts.map((c) => [String(c.category), Number(c.n)]));
      const townCounts = await base.select(['i.town_category', sql<number>`count(*)`.as('n')]).where('i.town_category', 'is not', null).groupBy('i.town_category').execute();
      const byTown = new Map(townCounts.map((c) => [String(c.town_category), Number(c.n)]));
      const corrected = await correctedOn(db, 'disclosure.item', rows.map((r) => Number(r.id)));
      return {
        // personal data typed into the texts never leaves the building (crypto/redact.ts)
        items: rows.map((r) => ({ id: Number(r.id), orgCode: r.org_code, orgName: r.org_name, title: redactPublic(r.title), category: r.category, townCategory: r.town_category ?? null, docNo: r.doc_no, publishedOn: r.published_on, correctedOn: corrected.get(Number(r.id)) ?? null, summary: redactPublic(r.summary), url: r.url })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        categories: ITEM_CATEGORIES.filter((c) => byCat.has(c)).map((c) => ({ category: c, count: byCat.get(c) ?? 0 })),
        townCategories: townList.map((c) => ({ category: c, count: byTown.get(c) ?? 0 })),
      };
    },
  });
  api.route({
    method: 'GET',
    url: '/api/public/disclosure/items/:id',
    access: 'public',
    summary: '主动公开的政府信息全文',
    tags,
    params: z.object({ id: intId() }),
    handler: async (_ctx, { params }) => {
      const r = await visible().select([...cols, 'i.content', 'i.issuing_unit']).where('i.id', '=', params.id).executeTakeFirst();
      if (!r) throw notFound('公开信息');
      const corrected = await correctedOn(db, 'disclosure.item', [Number(r.id)]);
      return { id: Number(r.id), orgCode: r.org_code, orgName: r.org_name, title: redactPublic(r.title), category: r.category, townCategory: r.town_category ?? null, docNo: r.doc_no, publishedOn: r.published_on, correctedOn: corrected.get(Number(r.id)) ?? null, summary: redactPublic(r.summary), url: r.url, content: redactPublic(r.content), issuingUnit: r.issuing_unit };
    },
  });

  const published = () => db.selectFrom('disclosure_report as d').innerJoin('org', 'org.code', 'd.org_code').where('d.status', '=', 'published');
  api.route({
    method: 'GET',
    url: '/api/public/disclosure/reports',
    access: 'public',
    summary: '已公开的政府信息公开工作年度报告',
    tags,
    query: z.object({ org: z.string().max(20).optional(), year: yearParam().optional() }),
    handler: async (_ctx, { query }) => {
      let q = published().select(['d.id', 'd.org_code', 'org.name as org_name', 'd.year', 'd.published_at']);
      if (query.org) q = q.where('d.org_code', '=', query.org);
      if (query.year) q = q.where('d.year', '=', query.year);
      const rows = await q.orderBy('d.year', 'desc').orderBy('org.path').execute();
      return { items: rows.map((r) => ({ id: Number(r.id), orgCode: r.org_code, orgName: r.org_name, year: r.year, title: `${String(r.org_name)}${String(r.year)}年政府信息公开工作年度报告`, publishedAt: new Date(r.published_at as string).toISOString() })) };
    },
  });
  api.route({
    method: 'GET',
    url: '/api/public/disclosure/reports/:id',
    access: 'public',
    summary: '公开的年度报告（JSON，或 format=html|docx|pdf 下载）',
    tags,
    params: z.object({ id: intId() }),
    query: z.object({ format: z.enum(['json', 'html', 'docx', 'pdf']).default('json') }),
    handler: async (_ctx, { params, query }, _req, reply) => {
      const r = await published().select(['d.snapshot', 'd.published_at']).where('d.id', '=', params.id).executeTakeFirst();
      if (!r) throw notFound('报告');
      // the public copy carries no record ids or internal links
      const report = r.snapshot as DisclosureReport;
      const clean: DisclosureReport = redactDeep({ ...report, sections: report.sections.map((s) => (s.table ? { ...s, table: { ...s.table, rows: s.table.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ value: c.value, source: c.source })) })) } } : s)) });
      if (query.format === 'json') return clean;
      const doc = buildDocumentSpec(clean, chinaDate(new Date(r.published_at as string)));
      return sendDocument(reply, doc, query.format, clean.title);
    },
  });
}
