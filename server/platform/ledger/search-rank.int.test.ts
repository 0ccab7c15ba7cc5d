import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { SEARCH_COUNT_CAP } from './ledger.service.ts';
import { searchText } from './search.ts';

// issue 23: a search is ranked (the record whose 案号 or name is the words typed comes first, then the newest
// entered) and counts its hits only up to SEARCH_COUNT_CAP
let t: TestApp;
let clerk: string;
const base = '/api/ledgers/mediation.case';
type List = { items: Array<{ id: number; orgCode: string; values: Record<string, unknown> }>; total: number; totalCapped?: boolean };

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule] });
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const list = async (query: string): Promise<List> => json<List>(await t.request(clerk, { method: 'GET', url: `${base}?${query}` }));

async function createCase(summary: string): Promise<{ id: number; caseNo: string }> {
  const refs = (await list('pageSize=1')).items[0]?.values ?? {};
  const res = await t.request(clerk, {
    method: 'POST',
    url: base,
    payload: { summary, received_on: '2026-03-02', source: '当事人申请', dispute_type: '邻里纠纷', description: `${summary}，双方因宅基地边界发生争执`, applicant_name: '测试甲', respondent_name: '测试乙', parties_count: 2, committee_id: refs['committee_id'], mediator_id: refs['mediator_id'], outcome: '正在调解', confirmDuplicate: true },
  });
  expect(res.statusCode, res.body).toBe(200);
  const r = json<{ id: number; values: Record<string, unknown> }>(res);
  return { id: r.id, caseNo: String(r.values['case_no']) };
}

describe('a search, ranked', () => {
  it('lists the record whose 案由 is the words typed first, although newer records hold the same words', async () => {
    const exact = await createCase('宅基地边界纠纷');
    const newer1 = await createCase('宅基地边界纠纷补充调查');
    const newer2 = await createCase('关于宅基地边界纠纷的回访');
    const res = await list(`q=${encodeURIComponent('宅基地边界纠纷')}`);
    expect(res.items.map((i) => i.id).slice(0, 3)).toEqual([exact.id, newer2.id, newer1.id]);
    expect(res.total).toBe(3);
    expect(res.totalCapped).toBeUndefined();
    // page 2 of one per page continues after the exact match, newest entered first
    expect((await list(`q=${encodeURIComponent('宅基地边界纠纷')}&pageSize=1&page=2`)).items.map((i) => i.id)).toEqual([newer2.id]);
    expect((await list(`q=${encodeURIComponent('宅基地边界纠纷')}&pageSize=1&page=3`)).items.map((i) => i.id)).toEqual([newer1.id]);
    // a chosen order is kept: no ranking then
    const sorted = await list(`q=${encodeURIComponent('宅基地边界纠纷')}&sort=summary&order=desc`);
    expect(sorted.items.map((i) => i.values['summary'])).toEqual(['宅基地边界纠纷补充调查', '宅基地边界纠纷', '关于宅基地边界纠纷的回访']);
  });

  it('lists the record whose 案号 is typed first, before the other cases sharing its words', async () => {
    const a = await createCase('案号检索甲');
    await createCase('案号检索乙');
    const res = await list(`q=${encodeURIComponent(a.caseNo)}`);
    expect(res.items[0]?.id).toBe(a.id);
  });

  it(`counts the hits of a search up to ${SEARCH_COUNT_CAP} and says there are more`, async () => {
    const org = (await list('pageSize=1')).items[0]?.orgCode ?? '';
    const words = searchText(['批量检索测试']);
    await sql`insert into mediation_case (org_code, case_no, summary, search_text, search_tsv, created_by, updated_by)
      select ${org}, '批量' || g, '批量检索测试' || g, ${words}, to_tsvector('simple', ${words}), 'test', 'test' from generate_series(1, ${SEARCH_COUNT_CAP + 5}) g`.execute(t.platform.db);
    const res = await list(`q=${encodeURIComponent('批量检索测试')}`);
    expect(res.total).toBe(SEARCH_COUNT_CAP);
    expect(res.totalCapped).toBe(true);
    expect(res.items).toHaveLength(20);
    // the newest entered first
    expect(res.items[0]?.values['summary']).toBe(`批量检索测试${SEARCH_COUNT_CAP + 5}`);
    // a list without search words counts every record
    const all = await list('pageSize=1');
    expect(all.total).toBeGreaterThan(SEARCH_COUNT_CAP);
    expect(all.totalCapped).toBeUndefined();
  });
});
