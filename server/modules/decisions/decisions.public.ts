import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import type { Platform } from '../../platform/module.ts';
import { iso, publicCommentRoute, publishedAnswers } from './public-comments.ts';
import { issueChallenge } from './comment-challenge.ts';
import { periodDays } from './decisions.rules.ts';
import { intId, yearParam } from '../../platform/http/validate.ts';
import { redactPublic } from '../../platform/crypto/redact.ts';

/** the public site: the published catalog, drafts open for comment, comments without an account, published answers */
export function publicDecisionRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
  const db = platform.db as unknown as Kysely<any>;
  const key = platform.cipher.blindIndex('comment-challenge');
  const idParam = z.object({ id: intId() });

  api.route({
    method: 'GET',
    url: '/api/public/decisions',
    access: 'public',
    summary: '重大行政决策目录与公开征求意见的决策草案',
    tags: ['公开'],
    query: z.object({ year: yearParam().optional(), org: z.string().max(20).optional() }),
    handler: async (ctx, { query }) => {
      const today = chinaDate(ctx.now);
      let cq = db.selectFrom('decisions_catalog_item as c').innerJoin('org', 'org.code', 'c.org_code').select(['c.id', 'c.org_code', 'org.name as org_name', 'c.year', 'c.title', 'c.proposing_unit', 'c.kind', 'c.planned_time', 'c.published_on']).where('c.status', '=', 'active').where('c.catalog_status', '=', '已公布');
      let dq = db.selectFrom('decisions_decision as d').innerJoin('org', 'org.code', 'd.org_code').select(['d.id', 'd.org_code', 'org.name as org_name', 'd.title', 'd.proposing_unit', 'd.summary', 'd.comment_from', 'd.comment_to', 'd.comment_short_reason', 'd.decided_on', 'd.published_on', 'd.doc_no']).where('d.status', '=', 'active').where('d.draft_published', '=', true);
      if (query.year) {
        cq = cq.where('c.year', '=', query.year);
        dq = dq.where(sql`extract(year from d.comment_from)`, '=', query.year);
      }
      if (query.org) {
        cq = cq.where('c.org_code', '=', query.org);
        dq = dq.where('d.org_code', '=', query.org);
      }
      const [catalog, drafts] = await Promise.all([cq.orderBy('c.year', 'desc').orderBy('c.id').limit(500).execute(), dq.orderBy('d.comment_from', 'desc').limit(200).execute()]);
      return {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
        catalog: catalog.map((c: any) => ({ id: Number(c.id), orgCode: c.org_code, orgName: c.org_name, year: c.year, title: redactPublic(c.title), proposingUnit: c.proposing_unit, kind: c.kind, plannedTime: c.planned_time, publishedOn: iso(c.published_on) })),
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
        drafts: drafts.map((d: any) => {
          const from = iso(d.comment_from);
          const to = iso(d.comment_to);
          return { id: Number(d.id), orgCode: d.org_code, orgName: d.org_name, title: redactPublic(d.title), proposingUnit: d.proposing_unit, summary: redactPublic(d.summary), commentFrom: from, commentTo: to, periodDays: from && to ? periodDays(from, to) : null, shortenedReason: redactPublic((d.comment_short_reason as string | null) ?? null), open: Boolean(from && to && from <= today && today <= to), closed: Boolean(to && today > to), decidedOn: iso(d.decided_on), publishedOn: iso(d.published_on), docNo: d.published_on ? d.doc_no : null };
        }),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/public/decisions/challenge',
    access: 'public',
    summary: '提交意见前的验证题',
    tags: ['公开'],
    rateLimit: { max: 30, timeWindow: '1 minute' },
    handler: async (ctx) => issueChallenge(key, ctx.now),
  });

  publicCommentRoute(api, platform, {
    url: '/api/public/decisions/:id/comments',
    summary: '对决策草案提出意见（无需登录）',
    draft: async (ctx, id) => (await ledgerDb(ctx).selectFrom('decisions_decision').selectAll().where('id', '=', id).where('status', '=', 'active').where('draft_published', '=', true).executeTakeFirst()) as Record<string, unknown> | undefined,
    missing: '公开征求意见的决策草案',
    noun: '该决策草案',
    ledger: 'decisions.comment',
    link: 'decision',
  });

  api.route({
    method: 'GET',
    url: '/api/public/decisions/:id/comments',
    access: 'public',
    summary: '决策草案意见的公开处理情况',
    tags: ['公开'],
    params: idParam,
    handler: async (_ctx, { params }) => {
      const d = await db.selectFrom('decisions_decision').select(['id', 'title']).where('id', '=', params.id).where('status', '=', 'active').where('draft_published', '=', true).executeTakeFirst();
      if (!d) throw notFound('公开征求意见的决策草案');
      return { decision: { id: Number(d.id), title: d.title }, ...(await publishedAnswers(db, platform, 'decisions.comment', 'decisions_comment', 'decision', params.id)) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/public/normdocs',
    access: 'public',
    summary: '已公布的行政规范性文件（文号、公布日期、有效期、效力状态）',
    tags: ['公开'],
    query: z.object({ org: z.string().max(20).optional(), q: z.string().trim().max(60).optional(), effect: z.enum(['现行有效', '已修改', '已废止', '已失效']).optional() }),
    handler: async (_ctx, { query }) => {
      let q = db
        .selectFrom('normdocs_document as n')
        .innerJoin('org', 'org.code', 'n.org_code')
        .select(['n.id', 'n.org_code', 'org.name as org_name', 'n.doc_no', 'n.title', 'n.drafting_unit', 'n.publish_on', 'n.valid_until', 'n.effect', 'n.effect_changed_on', 'n.filed_on'])
        .where('n.status', '=', 'active')
        .where('n.publish_on', 'is not', null);
      if (query.org) q = q.where('n.org_code', '=', query.org);
      if (query.effect) q = q.where('n.effect', '=', query.effect);
      if (query.q) q = q.where((eb) => eb.or([eb('n.title', 'like', `%${query.q}%`), eb('n.doc_no', 'like', `%${query.q}%`)]));
      const rows = await q.orderBy('n.publish_on', 'desc').orderBy('n.id', 'desc').limit(1000).execute();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
      const items = rows.map((r: any) => ({ id: Number(r.id), orgCode: r.org_code, orgName: r.org_name, docNo: r.doc_no, title: redactPublic(r.title), draftingUnit: r.drafting_unit, publishOn: iso(r.publish_on), validUntil: iso(r.valid_until), effect: r.effect, effectChangedOn: iso(r.effect_changed_on), filed: Boolean(r.filed_on) }));
      return { items, inForce: items.filter((i) => i.effect === '现行有效' || i.effect === '已修改').length };
    },
  });
}
