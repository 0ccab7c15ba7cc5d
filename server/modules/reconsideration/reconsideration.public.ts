import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { redactPublic } from '../../platform/crypto/redact.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { knownNames } from '../../platform/ledger/ledger.redact.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { organLedger } from './reconsideration.ledgers.ts';

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * 行政复议决定书公开 (行政复议法 2023 art. 79): the county's decisions its office chose to publish, from the day of
 * publication; free text redacted on the server (decision 0016), the applicant's name among the names masked
 */
export function publicReconsiderationRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
  const db = platform.db as unknown as Kysely<any>;
  const published = (today: string) =>
    db
      .selectFrom(`${organLedger.table} as r`)
      // the county government decides in its own name (art. 24), whichever of its offices holds the record
      .innerJoin('org', (j) => j.on('org.code', '=', sql<string>`split_part(r.org_code, '-', 1)`))
      .where('r.status', '=', 'active')
      .where('r.state', '=', 'decided')
      .where('r.publication', '=', '公开')
      .where('r.published_on', '<=', today);
  const columns = ['r.id', 'org.name as org_name', 'r.decision_no', 'r.case_no', 'r.decided_on', 'r.published_on', 'r.respondent', 'r.act_category', 'r.act', 'r.decision_kind', 'r.applicant_type', 'r.applicant_person'] as const;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  const summary = (r: any, names: string[]) => ({
    id: Number(r.id),
    orgName: `${String(r.org_name)}人民政府`,
    decisionNo: r.decision_no as string | null,
    caseNo: String(r.case_no),
    decidedOn: iso(r.decided_on),
    publishedOn: iso(r.published_on),
    respondent: String(r.respondent),
    actCategory: String(r.act_category),
    act: redactPublic(String(r.act), { names }),
    decisionKind: r.decision_kind as string | null,
    applicantType: String(r.applicant_type),
  });
  const tags = ['公开'];

  api.route({
    method: 'GET',
    url: '/api/public/reconsideration/decisions',
    access: 'public',
    summary: '公开的行政复议决定书（行政复议法第七十九条）',
    tags,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), kind: z.string().max(20).optional() }),
    labels: { year: '年度', kind: '复议决定' },
    handler: async (ctx, { query }) => {
      let q = published(chinaDate(ctx.now)).select([...columns]);
      if (query.year) q = q.where('r.decided_on', '>=', `${query.year}-01-01`).where('r.decided_on', '<=', `${query.year}-12-31`);
      if (query.kind) q = q.where('r.decision_kind', '=', query.kind);
      const rows = await q.orderBy('r.published_on', 'desc').orderBy('r.id', 'desc').limit(500).execute();
      return { items: rows.map((r) => summary(r, knownNames(organLedger, r, platform.cipher))) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/public/reconsideration/decisions/:id',
    access: 'public',
    summary: '行政复议决定书全文（已遮蔽个人信息）',
    tags,
    params: z.object({ id: intId() }),
    handler: async (ctx, { params }) => {
      const r = await published(chinaDate(ctx.now))
        .select([...columns, 'r.claim', 'r.public_text'])
        .where('r.id', '=', params.id)
        .executeTakeFirst();
      if (!r) throw notFound('公开的行政复议决定书');
      const names = knownNames(organLedger, r, platform.cipher);
      return { ...summary(r, names), claim: redactPublic((r.claim as string | null) ?? null, { names }), text: redactPublic(String(r.public_text ?? ''), { names }) };
    },
  });
}
