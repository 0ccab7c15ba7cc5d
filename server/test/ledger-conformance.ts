import { expect } from 'vitest';
import type { IndicatorValue } from '../platform/indicators/indicator.service.ts';
import type { LedgerDef } from '../platform/ledger/ledger.types.ts';
import type { HomeItem, ModuleDefinition } from '../platform/module.ts';
import type { TestApp } from './harness.ts';
import { createRecord, getRecord, homeItems, listDistinct, listLedger, listTotal, moduleIndicators, refusal } from './ledger-client.ts';

// checks every ledger module should pass against the demo county, as its demo accounts see it

export const thisYear = new Date().getUTCFullYear();
/** the part of this year gone by: the demo runs to today, so early in January there are few records */
export const yearShare = (Date.now() - Date.UTC(thisYear, 0, 1)) / (365 * 86_400_000);
/** the fewest of `perYear` demo records a year should hold: all for a past year, a cautious share of this one */
export const atLeast = (perYear: number, year: number): number => (year === thisYear ? Math.floor(perYear * yearShare * 0.6) : perYear);

/** 城关镇, the town of the demo clerk, and 清溪镇, a sibling town */
export const OWN_TOWN = '999001001000';
export const SIBLING_TOWN = '999001002000';

const PHONE = { masked: /^1\d{2}\*{4}\d{4}$/, full: /^1\d{10}$/ };

const sessions = new WeakMap<TestApp, Map<string, Promise<string>>>();

/** a demo account's session cookie, logged in once per app (logins are rate-limited) */
export function session(t: TestApp, username: 'clerk' | 'county' | 'supervisor'): Promise<string> {
  const mine = sessions.get(t) ?? new Map<string, Promise<string>>();
  sessions.set(t, mine);
  const cookie = mine.get(username) ?? t.login(username);
  mine.set(username, cookie);
  return cookie;
}

/** the 城关镇 clerk lists only 城关镇 records, and gets 404 for a 清溪镇 record the county sees */
export async function expectScopedToTown(t: TestApp, ledger: string): Promise<void> {
  const clerk = await session(t, 'clerk');
  const own = await listLedger(t, clerk, ledger, 'pageSize=200');
  expect(own.total, ledger).toBeGreaterThan(0);
  expect(own.items.every((r) => r.orgCode.startsWith(OWN_TOWN))).toBe(true);
  const other = (await listLedger(t, await session(t, 'county'), ledger, `org=${SIBLING_TOWN}&pageSize=1`)).items[0];
  expect(other?.orgCode.startsWith(SIBLING_TOWN)).toBe(true);
  expect((await getRecord(t, clerk, ledger, other?.id)).statusCode).toBe(404);
}

/** a phone field is masked for the county supervisor and shown in full to the clerk; each list must hold records */
export async function expectPhoneMasked(t: TestApp, ledger: string, field: string, queries: { supervisor?: string; clerk?: string } = {}): Promise<void> {
  const masked = (await listLedger(t, await session(t, 'supervisor'), ledger, queries.supervisor ?? 'pageSize=50')).items;
  expect(masked.length, `${ledger} as supervisor`).toBeGreaterThan(0);
  for (const r of masked) expect(r.values[field]).toMatch(PHONE.masked);
  const full = (await listLedger(t, await session(t, 'clerk'), ledger, queries.clerk ?? 'pageSize=50')).items;
  expect(full.length, `${ledger} as clerk`).toBeGreaterThan(0);
  for (const r of full) expect(r.values[field]).toMatch(PHONE.full);
}

/**
 * a module's figures for an organisation and year, as the county sees them: exactly the module's indicators, each
 * count equal to the total of the list it links to, each ratio a percentage of a non-empty base, and each breakdown
 * adding up unless its parts overlap; returns them by id for the module's own expectations
 */
export async function expectIndicatorsMatchLists(t: TestApp, module: ModuleDefinition, org: string, year: number): Promise<Map<string, IndicatorValue>> {
  const county = await session(t, 'county');
  const items = await moduleIndicators(t, county, module.name, org, year);
  const byId = new Map(items.map((i) => [i.id, i]));
  expect([...byId.keys()].sort()).toEqual((module.indicators ?? []).map((d) => d.id).sort());
  for (const v of items) {
    if (v.kind === 'ratio') {
      expect(v.value, v.id).toBeGreaterThanOrEqual(0);
      expect(v.value, v.id).toBeLessThanOrEqual(100);
      expect(v.denominator?.value, v.id).toBeGreaterThan(0);
      // the numerator's and the denominator's links open exactly the records each counts
      for (const [part, ref] of [[v.breakdown[0], v.numerator], [v.breakdown[1], v.denominator]] as const) {
        const counted = ref ? byId.get(ref.id) : undefined;
        // a sum's link opens the records it adds up, not as many records as its value
        if (!part?.link || !counted || counted.distinct || counted.kind !== 'count') continue;
        expect(await listTotal(t, county, part.link), `${v.id} ${ref?.id ?? ''}`).toBe(part.value);
      }
      continue;
    }
    if (v.kind === 'count') expect(v.distinct ? await listDistinct(t, county, v.link ?? '', v.distinct) : await listTotal(t, county, v.link ?? ''), v.id).toBe(v.value);
    if (v.breakdown.length && !v.overlapping) expect(v.breakdown.reduce((s, b) => s + b.value, 0), v.id).toBe(v.value);
  }
  return byId;
}

/** the clerk can file each record, given by ledger name */
export async function expectEachAccepted(t: TestApp, records: Record<string, Record<string, unknown>>): Promise<void> {
  const clerk = await session(t, 'clerk');
  for (const [ledger, values] of Object.entries(records)) {
    const res = await createRecord(t, clerk, ledger, values);
    expect(res.statusCode, `${ledger} ${res.body}`).toBe(200);
  }
}

/**
 * every cross-field rule of a ledger has a case that breaks it, and the clerk's record with that change is
 * refused naming the rule's field, label and message
 * @param valid a record the clerk can file
 * @param breaks for each rule message, the change to `valid` that breaks it
 */
export async function expectEachRuleRefused(t: TestApp, ledger: LedgerDef, valid: Record<string, unknown>, breaks: Record<string, Record<string, unknown>>): Promise<void> {
  expect(Object.keys(breaks).sort()).toEqual((ledger.rules ?? []).map((r) => r.message).sort());
  const clerk = await session(t, 'clerk');
  for (const rule of ledger.rules ?? []) {
    const res = await createRecord(t, clerk, ledger.name, { ...valid, ...breaks[rule.message] });
    expect(res.statusCode, rule.message).toBe(400);
    const label = ledger.fields.find((f) => f.name === rule.field)?.label;
    expect(refusal(res)).toContainEqual({ path: rule.field, label, message: `${label}：${rule.message}` });
  }
}

/** each named home page item of a demo account counts exactly the records of the list it links to; returns them by key */
export async function expectHomeItemsMatchLists(t: TestApp, username: 'clerk' | 'county', keys: readonly string[]): Promise<Map<string, HomeItem>> {
  const cookie = await session(t, username);
  const items = new Map((await homeItems(t, cookie)).map((i) => [i.key, i]));
  for (const key of keys) {
    const item = items.get(key);
    expect(item, key).toBeDefined();
    expect(await listTotal(t, cookie, item?.link ?? ''), key).toBe(item?.count);
  }
  return items;
}
