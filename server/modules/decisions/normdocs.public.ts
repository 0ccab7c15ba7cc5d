import type { Kysely } from 'kysely';
import { z } from 'zod';
import { redactPublic } from '../../platform/crypto/redact.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import type { Platform } from '../../platform/module.ts';
import { iso, publicCommentRoute, publishedAnswers } from './public-comments.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { periodDays, workingDaysIn } from './decisions.rules.ts';

/**
 * the public site for normative document drafts put out for comment (国办发〔2018〕37号), like major decisions:
 * the drafts with their period, comments without an account until the period ends, the published answers
 */
export function publicNormdocRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
  const db = platform.db as unknown as Kysely<any>;
  const idParam = z.object({ id: intId() });
  const draftColumns = ['n.id', 'n.org_code', 'org.name as org_name', 'n.title', 'n.drafting_unit', 'n.draft_summary', 'n.comment_from', 'n.comment_to', 'n.affects_business', 'n.publish_on', 'n.doc_no'] as const;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  const draftOf = (d: any, today: string) => {
    const from = iso(d.comment_from);
    const to = iso(d.comment_to);
    return {
      id: Number(d.id),
      orgCode: d.org_code,
      orgName: d.org_name,
      title: redactPublic(d.title),
      draftingUnit: d.drafting_unit,
      summary: redactPublic((d.draft_summary as string | null) ?? null),
      commentFrom: from,
      commentTo: to,
      affectsBusiness: d.affects_business === true,
      periodDays: from && to ? periodDays(from, to) : null,
      workingDays: from && to ? workingDaysIn(from, to) : null,
      open: Boolean(from && to && from <= today && today <= to),
      closed: Boolean(to && today > to),
      publishedOn: iso(d.publish_on),
      docNo: d.publish_on ? d.doc_no : null,
    };
  };

  api.route({
    method: 'GET',
    url: '/api/public/normdocs/drafts',
    access: 'public',
    summary: '公开征求意见的行政规范性文件草案',
    tags: ['公开'],
    query: z.object({ org: z.string().max(20).optional() }),
    handler: async (ctx, { query }) => {
      const today = chinaDate(ctx.now);
      let q = db.selectFrom('normdocs_document as n').innerJoin('org', 'org.code', 'n.org_code').select([...draftColumns]).where('n.status', '=', 'active').where('n.comment_from', 'is not', null).where('n.comment_from', '<=', today);
      if (query.org) q = q.where('n.org_code', '=', query.org);
      const rows = await q.orderBy('n.comment_from', 'desc').orderBy('n.id', 'desc').limit(100).execute();
      return { drafts: rows.map((d) => draftOf(d, today)) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/public/normdocs/drafts/:id',
    access: 'public',
    summary: '规范性文件征求意见稿及意见的公开处理情况',
    tags: ['公开'],
    params: idParam,
    handler: async (ctx, { params }) => {
      const today = chinaDate(ctx.now);
      const d = await db.selectFrom('normdocs_document as n').innerJoin('org', 'org.code', 'n.org_code').select([...draftColumns]).where('n.id', '=', params.id).where('n.status', '=', 'active').where('n.comment_from', 'is not', null).where('n.comment_from', '<=', today).executeTakeFirst();
      if (!d) throw notFound('公开征求意见的规范性文件草案');
      return { draft: draftOf(d, today), ...(await publishedAnswers(db, platform, 'normdocs.comment', 'normdocs_comment', 'document', params.id)) };
    },
  });

  publicCommentRoute(api, platform, {
    url: '/api/public/normdocs/:id/comments',
    summary: '对规范性文件征求意见稿提出意见（无需登录）',
    draft: async (ctx, id) => (await ledgerDb(ctx).selectFrom('normdocs_document').selectAll().where('id', '=', id).where('status', '=', 'active').where('comment_from', 'is not', null).executeTakeFirst()) as Record<string, unknown> | undefined,
    missing: '公开征求意见的规范性文件草案',
    noun: '该文件',
    ledger: 'normdocs.comment',
    link: 'document',
  });
}
