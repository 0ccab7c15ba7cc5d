import type { Kysely } from 'kysely';
import { z } from 'zod';
import { redactPublic } from '../../platform/crypto/redact.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { knownNames } from '../../platform/ledger/ledger.redact.ts';
import { createRecord } from '../../platform/ledger/ledger.service.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { checkChallenge, usedChallenges } from './comment-challenge.ts';

/**
 * what the public comment pages of major decisions and of normative document drafts share: the comment form
 * without an account (a challenge, a honeypot, the comment period) and the published answers to comments
 */

export const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

const publicCommentBody = z.object({
  content: z.string().trim().min(5).max(5000),
  name: z.string().trim().max(40).optional(),
  contact: z.string().trim().max(60).optional(),
  challengeToken: z.string().min(10).max(500),
  challengeAnswer: z.coerce.number().int(),
  // honeypot: a field hidden from people; a robot filling it in is refused
  website: z.string().max(200).optional(),
});

/**
 * POST `url` (ending in /:id/comments): a comment from the public on a draft, without an account; checked (the
 * challenge, the honeypot, the comment period), then written as one record of `ledger` in the drafting
 * organisation's name
 */
export function publicCommentRoute(
  api: Api,
  platform: Platform,
  o: {
    url: string;
    summary: string;
    /** the draft open to the public, read after the challenge is checked */
    draft: (ctx: Ctx, id: number) => Promise<Record<string, unknown> | undefined>;
    /** what is not found, e.g. 公开征求意见的决策草案 */
    missing: string;
    /** how the messages name the draft, e.g. 该决策草案 */
    noun: string;
    /** the comment ledger and its field naming the draft */
    ledger: string;
    link: string;
  },
): void {
  // one key and one used-token register for every comment form: one challenge answers one comment
  const key = platform.cipher.blindIndex('comment-challenge');
  api.route({
    method: 'POST',
    url: o.url,
    access: 'public',
    summary: o.summary,
    tags: ['公开'],
    write: true,
    rateLimit: { max: 5, timeWindow: '1 minute' },
    params: z.object({ id: intId() }),
    body: publicCommentBody,
    labels: { content: '意见内容', name: '姓名', contact: '联系方式', challengeAnswer: '验证答案', challengeToken: '验证信息' },
    handler: async (ctx, { params, body }) => {
      if (body.website) throw new AppError('validation_failed', '提交未通过校验', [{ path: 'website', message: '提交未通过校验' }]);
      const problem = checkChallenge(key, body.challengeToken, body.challengeAnswer, ctx.now, usedChallenges);
      if (problem) throw new AppError('validation_failed', problem, [{ path: 'challengeAnswer', label: '验证答案', message: `验证答案：${problem}` }]);
      const d = await o.draft(ctx, params.id);
      if (!d) throw notFound(o.missing);
      const today = chinaDate(ctx.now);
      const from = iso(d['comment_from']);
      const to = iso(d['comment_to']);
      if (to && today > to) throw new AppError('conflict', `${o.noun}征求意见已于${to}截止，不再接受意见`);
      if (!from || !to || today < from) throw new AppError('conflict', `${o.noun}不在征求意见期内（${from ?? '—'}至${to ?? '—'}）`);
      const orgCode = String(d['org_code']);
      // the comment belongs to the drafting organisation; the public actor writes only this one record
      const scoped = { ...ctx, scope: { root: orgCode, codes: [orgCode] } };
      const l = platform.ledgers.get(o.ledger);
      if (!l) throw new Error(`${o.ledger} is not registered`);
      const rec = await createRecord(scoped, l, { orgCode, [o.link]: params.id, summary: body.content.slice(0, 100), content: body.content, channel: '网站', submitted_on: today, ...(body.name ? { submitter_name: body.name } : {}), ...(body.contact ? { contact: body.contact } : {}) }, platform.ledgers, { auditAction: 'public_comment' });
      return { id: rec.id, submittedOn: today, message: '意见已提交，感谢您的参与。处理情况将在本页公开。' };
    },
  });
}

/**
 * the comments on one draft whose answers are published, with the tally by handling; a comment is stored as
 * written, the public page shows it with the personal data in it masked, the commenter's own name included
 * (crypto/redact.ts)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
export async function publishedAnswers(db: Kysely<any>, platform: Platform, ledger: string, table: string, link: string, id: number) {
  const comments = platform.ledgers.get(ledger);
  if (!comments) throw new Error(`${ledger} is not registered`);
  const rows = await db.selectFrom(table).select(['id', 'content', 'channel', 'submitted_on', 'handling', 'answer', 'answered_on', 'submitter_name']).where(link, '=', id).where('status', '=', 'active').where('answer_published', '=', true).orderBy('submitted_on').orderBy('id').execute();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  const items = rows.map((c: any) => {
    const names = knownNames(comments, c, platform.cipher);
    return { id: Number(c.id), content: redactPublic(c.content, { names }), channel: c.channel, submittedOn: iso(c.submitted_on), handling: c.handling, answer: redactPublic(c.answer, { names }), answeredOn: iso(c.answered_on) };
  });
  const count = (h: string): number => items.filter((i) => i.handling === h).length;
  return { summary: { published: items.length, adopted: count('采纳'), partlyAdopted: count('部分采纳'), notAdopted: count('未采纳') }, items };
}
