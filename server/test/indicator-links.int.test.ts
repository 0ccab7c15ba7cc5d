import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_DEPARTMENTS, DEMO_COUNTY, DEMO_TOWNS, TOWN_DEPARTMENTS } from '../demo/demo-county.ts';
import type { IndicatorValue } from '../platform/indicators/indicator.service.ts';
import type { IndicatorDef } from '../platform/indicators/indicator.types.ts';
import { modules } from '../modules/index.ts';
import { json, startTestApp, type TestApp } from './harness.ts';
import { listDistinct, listLedger, listTotal } from './ledger-client.ts';

// every indicator of every module, for every demo unit and two years: each figure equals the list its link opens

let t: TestApp;
let county: string;
const year = new Date().getUTCFullYear();
const defs = new Map<string, IndicatorDef>(modules.flatMap((m) => m.indicators ?? []).map((d) => [d.id, d]));

const towns = DEMO_TOWNS.map((x) => x.code);
const departments = [...COUNTY_DEPARTMENTS.map((d) => `${DEMO_COUNTY.code}-${d.suffix}`), ...towns.flatMap((code) => TOWN_DEPARTMENTS.map((d) => `${code}-${d.suffix}`))];

beforeAll(async () => {
  t = await startTestApp();
  county = await t.login('county');
});
afterAll(async () => t.close());

async function indicators(org: string, y: number): Promise<Map<string, IndicatorValue>> {
  const res = await t.request(county, { method: 'GET', url: `/api/indicators?org=${org}&year=${y}` });
  expect(res.statusCode, res.body).toBe(200);
  return new Map(json<{ items: IndicatorValue[] }>(res).items.map((i) => [i.id, i]));
}

/** the sum of a field over every record a link opens */
async function listSum(link: string, field: string): Promise<number> {
  const [path = '', query = ''] = link.split('?');
  let sum = 0;
  for (let page = 1; ; page++) {
    const list = await listLedger(t, county, path.replace('/ledgers/', ''), `${query}&pageSize=200&page=${page}`);
    for (const i of list.items as Array<{ values: Record<string, unknown> }>) sum += Number(i.values[field] ?? 0);
    if (page * 200 >= list.total) return Math.round(sum * 100) / 100;
  }
}

/** what a count or sum's link opens, measured the way the figure is made */
async function opened(v: IndicatorValue, link: string): Promise<number> {
  const def = defs.get(v.id);
  if (v.distinct) return listDistinct(t, county, link, v.distinct);
  if (def?.kind === 'sum' && def.field) return listSum(link, def.field);
  return listTotal(t, county, link);
}

/** the mismatches of one organisation's year, as readable lines (empty when every figure agrees with its list) */
async function mismatches(org: string, y: number, parts: boolean): Promise<string[]> {
  const got = await indicators(org, y);
  const out: string[] = [];
  for (const id of defs.keys()) if (!got.has(id)) out.push(`${id}: missing`);
  for (const v of got.values()) {
    if (v.kind === 'ratio') {
      // the rate's parts are its numerator's and denominator's figures, each opening the records it counts
      const [num, den] = v.breakdown;
      for (const [part, ref] of [[num, v.numerator], [den, v.denominator]] as const) {
        const counted = ref ? got.get(ref.id) : undefined;
        if (!part || !counted) {
          out.push(`${v.id}: part without its figure`);
          continue;
        }
        if (part.value !== counted.value) out.push(`${v.id} ${counted.id}: part ${part.value} vs figure ${counted.value}`);
        if (part.link && (counted.kind === 'count' || counted.kind === 'sum')) {
          const n = await opened(counted, part.link);
          if (n !== part.value) out.push(`${v.id} ${counted.id}: figure ${part.value}, link opens ${n}`);
        }
      }
      continue;
    }
    if (!v.link) {
      out.push(`${v.id}: no link`);
      continue;
    }
    const n = await opened(v, v.link);
    if (n !== v.value) out.push(`${v.id}: figure ${v.value}, link opens ${n}`);
    if (!parts || v.distinct || v.kind === 'sum') continue;
    for (const b of v.breakdown) {
      if (!b.link) continue;
      const m = await listTotal(t, county, b.link);
      if (m !== b.value) out.push(`${v.id} [${b.label}]: figure ${b.value}, link opens ${m}`);
    }
  }
  return out;
}

// on PostgreSQL the same queries run again: last year's county and towns show they agree there too; the breadth
// (this year, the 15 departments) is the embedded run's, which keeps CI within its time
const onPostgres = !!process.env['TEST_DATABASE_URL'];

describe('every indicator against the list its link opens', () => {
  for (const y of onPostgres ? [year - 1] : [year - 1, year]) {
    for (const org of [DEMO_COUNTY.code, ...towns]) {
      it(`agrees for ${org} in ${y}, every part of every breakdown included`, async () => {
        expect(await mismatches(org, y, true)).toEqual([]);
      });
    }
    it.skipIf(onPostgres)(`agrees for every county and town department in ${y}`, async () => {
      const all: string[] = [];
      for (const org of departments) all.push(...(await mismatches(org, y, false)).map((m) => `${org} ${m}`));
      expect(all).toEqual([]);
      // a sweep over every department: its time is the machine's, not a limit on the code
    }, 600_000);
  }

  it('links the 出庭应诉率 numerator and denominator to exactly the suits each counts, in both years', async () => {
    for (const y of [year - 1, year]) {
      const got = await indicators(DEMO_COUNTY.code, y);
      const rate = got.get('reconsideration.head_appearance_rate');
      const [num, den] = rate?.breakdown ?? [];
      expect(den?.value, `${y}`).toBe(got.get('reconsideration.hearings')?.value);
      expect(await listTotal(t, county, den?.link ?? ''), `${y} denominator`).toBe(den?.value);
      expect(await listTotal(t, county, num?.link ?? ''), `${y} numerator`).toBe(num?.value);
    }
  });
});
