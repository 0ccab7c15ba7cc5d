import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { FieldError } from '../platform/http/errors.ts';
import type { IndicatorValue } from '../platform/indicators/indicator.service.ts';
import type { HomeItem } from '../platform/module.ts';
import { json, type TestApp } from './harness.ts';

/** one record as the ledger list API returns it */
export interface LedgerItem {
  id: number;
  orgCode: string;
  values: Record<string, unknown>;
  /** display titles of referenced records, by field name */
  refs: Record<string, string | null>;
}

/** one page of a ledger list and the count of all matching records */
export interface LedgerList {
  items: LedgerItem[];
  total: number;
}

/** the body of a refused request: every bad field with its path */
export interface Problem {
  errors?: FieldError[];
}

/** a page of a ledger's list: `query` as in the web app's list URLs (`org=…&year=…&f.field=…&pageSize=…`) */
export async function listLedger(t: TestApp, cookie: string, ledger: string, query = ''): Promise<LedgerList> {
  const res = await t.request(cookie, { method: 'GET', url: `/api/ledgers/${ledger}?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<LedgerList>(res);
}

/** the total of the list a web link points to (an indicator's or a home item's `/ledgers/<name>?…`) */
export async function listTotal(t: TestApp, cookie: string, link: string): Promise<number> {
  const [path = '', query = ''] = link.split('?');
  return (await listLedger(t, cookie, path.replace('/ledgers/', ''), `${query}&pageSize=1`)).total;
}

/** how many different values of a field the records of a list link hold (a distinct-count indicator's figure) */
export async function listDistinct(t: TestApp, cookie: string, link: string, field: string): Promise<number> {
  const [path = '', query = ''] = link.split('?');
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const list = await listLedger(t, cookie, path.replace('/ledgers/', ''), `${query}&pageSize=100&page=${page}`);
    for (const i of list.items as Array<{ values: Record<string, unknown> }>) if (i.values[field] !== null && i.values[field] !== undefined) seen.add(String(i.values[field]));
    if (page * 100 >= list.total) return seen.size;
  }
}

/** posts a new record; the response is returned as is, for the test to check acceptance or refusal */
/**
 * creates a record as the form does once the user has confirmed a likely duplicate: tests build look-alike records
 * from one base on purpose; the duplicate warning itself is tested without the flag (duplicates.int.test.ts)
 */
export function createRecord(t: TestApp, cookie: string, ledger: string, values: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return t.request(cookie, { method: 'POST', url: `/api/ledgers/${ledger}`, payload: { confirmDuplicate: true, ...values } });
}

/** one record's detail; 404 when it is outside the caller's organisations */
export function getRecord(t: TestApp, cookie: string, ledger: string, id: number | undefined): Promise<LightMyRequestResponse> {
  return t.request(cookie, { method: 'GET', url: `/api/ledgers/${ledger}/${String(id)}` });
}

/** the field errors of a response that must be a 400 */
export function refusal(res: LightMyRequestResponse): FieldError[] {
  expect(res.statusCode, res.body).toBe(400);
  return json<Problem>(res).errors ?? [];
}

/** the caller's home page items */
export async function homeItems(t: TestApp, cookie: string): Promise<HomeItem[]> {
  return json<{ items: HomeItem[] }>(await t.request(cookie, { method: 'GET', url: '/api/home' })).items;
}

/** the indicators of one module for an organisation and year */
export async function moduleIndicators(t: TestApp, cookie: string, module: string, org: string, year: number): Promise<IndicatorValue[]> {
  return json<{ items: IndicatorValue[] }>(await t.request(cookie, { method: 'GET', url: `/api/indicators?org=${org}&year=${year}&module=${module}` })).items;
}
