import { sql } from 'kysely';
import { z } from 'zod';
import type { FilingReviewList, FilingReviewState } from '../../../common/decisions.types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { Api } from '../../platform/http/route.ts';
import { activeInScope, ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { documentLedger } from './normdocs.ledgers.ts';

export const FILING_REVIEW_STATES: readonly FilingReviewState[] = ['filed', 'filing_received', 'correction_requested', 'filing_passed'];

const iso = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * 备案审查: the documents towns in the caller's organisations filed with the county government, by review state, with
 * the count in each; a county-level government's own filings (also made to its standing committee) are not listed
 */
export async function filingReviewList(ctx: Ctx, state: FilingReviewState): Promise<FilingReviewList> {
  const empty = Object.fromEntries(FILING_REVIEW_STATES.map((s) => [s, 0])) as Record<FilingReviewState, number>;
  if (ctx.scope.codes.length === 0) return { state, counts: empty, items: [] };
  const towns = () => activeInScope(ctx, documentLedger).where('state', 'in', [...FILING_REVIEW_STATES]).where(sql<boolean>`jsonb_exists(filed_to, '上一级人民政府') and not jsonb_exists(filed_to, '本级人大常委会')`);
  const counted = (await towns().select(['state', sql<number>`count(*)::int`.as('n')]).groupBy('state').execute()) as Array<{ state: FilingReviewState; n: number }>;
  const counts = { ...empty, ...Object.fromEntries(counted.map((c) => [c.state, Number(c.n)])) };
  const rows = (await towns()
    .select(['id', 'org_code', 'doc_no', 'title', 'publish_on', 'filed_on', 'filing_received_on', 'filing_review_on', 'filing_conclusion', 'correction_due_on', 'corrected_on'])
    .where('state', '=', state)
    .orderBy(state === 'filing_passed' ? 'filing_review_on' : 'filed_on', state === 'filing_passed' ? 'desc' : 'asc')
    .orderBy('id')
    .limit(500)
    .execute()) as Array<Record<string, unknown>>;
  const codes = [...new Set(rows.map((r) => String(r['org_code'])))];
  const orgs = codes.length ? ((await ledgerDb(ctx).selectFrom('org').select(['code', 'name']).where('code', 'in', codes).execute()) as Array<{ code: string; name: string }>) : [];
  const name = new Map(orgs.map((o) => [o.code, o.name]));
  return {
    state,
    counts,
    items: rows.map((r) => ({
      id: Number(r['id']),
      orgCode: String(r['org_code']),
      orgName: name.get(String(r['org_code'])) ?? String(r['org_code']),
      docNo: (r['doc_no'] as string | null) ?? null,
      title: String(r['title']),
      publishOn: iso(r['publish_on']),
      filedOn: iso(r['filed_on']),
      receivedOn: iso(r['filing_received_on']),
      reviewedOn: iso(r['filing_review_on']),
      conclusion: (r['filing_conclusion'] as string | null) ?? null,
      correctionDueOn: iso(r['correction_due_on']),
      correctedOn: iso(r['corrected_on']),
    })),
  };
}

export function filingReviewRoutes(api: Api): void {
  api.route({
    method: 'GET',
    url: '/api/normdocs/filing-review',
    access: 'normdocs.document.transition.filing_review',
    summary: '规范性文件备案审查：乡镇报送备案的文件（待接收、审查中、要求纠正、已通过）',
    tags: ['行政规范性文件'],
    query: z.object({ state: z.enum(['filed', 'filing_received', 'correction_requested', 'filing_passed']).default('filed') }),
    handler: async (ctx, { query }) => filingReviewList(ctx, query.state),
  });
}
