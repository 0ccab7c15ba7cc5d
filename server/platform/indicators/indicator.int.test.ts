import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import type { IndicatorValue } from './indicator.service.ts';

let t: TestApp;
let county: string;
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule] });
  county = await t.login('county');
});
afterAll(async () => t.close());

async function values(cookie: string, query: string): Promise<Map<string, IndicatorValue>> {
  const res = json<{ items: IndicatorValue[] }>(await t.request(cookie, { method: 'GET', url: `/api/indicators?${query}` }));
  return new Map(res.items.map((i) => [i.id, i]));
}

/** the number a user would count in the ledger list the indicator links to */
async function listTotal(cookie: string, link: string): Promise<number> {
  const [path, qs] = link.split('?');
  const name = path?.replace('/ledgers/', '');
  return json<{ total: number }>(await t.request(cookie, { method: 'GET', url: `/api/ledgers/${name}?${qs}&pageSize=1` })).total;
}

describe('indicators', () => {
  it('equal what the linked ledger lists count, for the county and for each town', async () => {
    for (const org of ['999001000000', '999001001000', '999001002000', '999001003000']) {
      const v = await values(county, `org=${org}&year=${year}`);
      const cases = v.get('mediation.cases');
      expect(cases?.value).toBeGreaterThan(50);
      expect(await listTotal(county, cases?.link ?? '')).toBe(cases?.value);
      for (const b of cases?.breakdown ?? []) expect(await listTotal(county, b.link ?? '')).toBe(b.value);
      const closed = v.get('mediation.closed');
      expect(await listTotal(county, closed?.link ?? '')).toBe(closed?.value);
    }
  });

  it('makes parts add up to the total and rates match their counts', async () => {
    const v = await values(county, `org=999001000000&year=${year}`);
    const cases = v.get('mediation.cases');
    expect(cases?.breakdown.reduce((s, b) => s + b.value, 0)).toBe(cases?.value);
    const rate = v.get('mediation.success_rate');
    const num = v.get('mediation.succeeded')?.value ?? 0;
    const den = v.get('mediation.closed')?.value ?? 1;
    expect(rate?.value).toBe(Math.round((num / den) * 1000) / 10);
    expect(rate?.numerator?.value).toBe(num);
    const town = await values(county, `org=999001001000&year=${year}`);
    const sumOfTowns = await Promise.all(['999001001000', '999001002000', '999001003000'].map(async (o) => (await values(county, `org=${o}&year=${year}`)).get('mediation.cases')?.value ?? 0));
    expect(sumOfTowns.reduce((a, b) => a + b, 0)).toBe(cases?.value);
    expect(town.get('mediation.committees')?.value).toBeGreaterThan(5);
  });

  it('gives the record ids behind a number, and refuses an organisation outside the user’s scope', async () => {
    const clerk = await t.login('clerk');
    const res = json<{ indicator: IndicatorValue }>(await t.request(clerk, { method: 'GET', url: `/api/indicators/mediation.succeeded?year=${year}` }));
    expect(res.indicator.recordIds?.length).toBe(res.indicator.value);
    expect((await t.request(clerk, { method: 'GET', url: `/api/indicators?org=999001002000&year=${year}` })).statusCode).toBe(404);
  });
});
