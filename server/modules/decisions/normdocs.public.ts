import type { Kysely } from 'kysely';
import { z } from 'zod';
import { redactPublic } from '../../platform/crypto/redact.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { knownNames } from '../../platform/ledger/ledger.redact.ts';
import { createRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { checkChallenge, usedChallenges } from './comment-challenge.ts';
import { periodDays, workingDaysIn } from './decisions.rules.ts';

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * the public site for normative document drafts put out for comment (国办发〔2018〕37号), like major decisions:
 * the drafts with their period, comments without an account until the period ends, the published answers
 */
export function publicNormdocRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
  const db = platform.db as unknown as Kysely<any>;
  // the same key and used-token register as the decisions' comment form: one challenge answers one comment
  const key = platform.cipher.blindIndex('comment-challenge');
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
      const comments = platform.ledgers.get('normdocs.comment');
      if (!comments) throw new Error('normdocs.comment is not registered');
      const rows = await db.selectFrom('normdocs_comment').select(['id', 'content', 'channel', 'submitted_on', 'handling', 'answer', 'answered_on', 'submitter_name']).where('document', '=', params.id).where('status', '=', 'active').where('answer_published', '=', true).orderBy('submitted_on').orderBy('id').execute();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
      const items = rows.map((c: any) => {
        const names = knownNames(comments, c, platform.cipher);
        return { id: Number(c.id), content: redactPublic(c.content, { names }), channel: c.channel, submittedOn: iso(c.submitted_on), handling: c.handling, answer: redactPublic(c.answer, { names }), answeredOn: iso(c.answered_on) };
      });
      const count = (h: string): number => items.filter((i) => i.handling === h).length;
      return { draft: draftOf(d, today), summary: { published: items.length, adopted: count('采纳'), partlyAdopted: count('部分采纳'), notAdopted: count('未采纳') }, items };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/public/normdocs/:id/comments',
    access: 'public',
    summary: '对规范性文件征求意见稿提出意见（无需登录）',
    tags: ['公开'],
    write: true,
    rateLimit: { max: 5, timeWindow: '1 minute' },
    params: idParam,
    body: z.object({
      content: z.string().trim().min(5).max(5000),
      name: z.string().trim().max(40).optional(),
      contact: z.string().trim().max(60).optional(),
      challengeToken: z.string().min(10).max(500),
      challengeAnswer: z.coerce.number().int(),
      website: z.string().max(200).optional(),
    }),
    labels: { content: '意见内容', name: '姓名', contact: '联系方式', challengeAnswer: '验证答案', challengeToken: '验证信息' },
    handler: async (ctx, { params, body }) => {
      if (body.website) throw new AppError('validation_failed', '提交未通过校验', [{ path: 'website', message: '提交未通过校验' }]);
      const problem = checkChallenge(key, body.challengeToken, body.challengeAnswer, ctx.now, usedChallenges);
      if (problem) throw new AppError('validation_failed', problem, [{ path: 'challengeAnswer', label: '验证答案', message: `验证答案：${problem}` }]);
      const d = (await ledgerDb(ctx).selectFrom('normdocs_document').selectAll().where('id', '=', params.id).where('status', '=', 'active').where('comment_from', 'is not', null).executeTakeFirst()) as Record<string, unknown> | undefined;
      if (!d) throw notFound('公开征求意见的规范性文件草案');
      const today = chinaDate(ctx.now);
      const from = iso(d['comment_from']);
      const to = iso(d['comment_to']);
      if (to && today > to) throw new AppError('conflict', `该文件征求意见已于${to}截止，不再接受意见`);
      if (!from || !to || today < from) throw new AppError('conflict', `该文件不在征求意见期内（${from ?? '—'}至${to ?? '—'}）`);
      const orgCode = String(d['org_code']);
      const scoped = { ...ctx, scope: { root: orgCode, codes: [orgCode] } };
      const l = platform.ledgers.get('normdocs.comment');
      if (!l) throw new Error('normdocs.comment is not registered');
      const rec = await createRecord(scoped, l, { orgCode, document: params.id, summary: body.content.slice(0, 100), content: body.content, channel: '网站', submitted_on: today, ...(body.name ? { submitter_name: body.name } : {}), ...(body.contact ? { contact: body.contact } : {}) }, platform.ledgers, { auditAction: 'public_comment' });
      return { id: rec.id, submittedOn: today, message: '意见已提交，感谢您的参与。处理情况将在本页公开。' };
    },
  });
}
