import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../common/validators.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, listTotal } from '../../test/ledger-client.ts';
import { daysAgo } from '../../test/dates.ts';

// issue #22, home pages: the year's records of the main ledgers and the deadlines, month by month, in the user's
// scope; every figure is the length of the list its link opens
const TOWN = '999001001000';
let t: TestApp;
let clerk: string;
let clerk2: string;
let leader: string;
let county: string;
let sysadmin: string;

beforeAll(async () => {
  t = await startTestApp();
  [clerk, clerk2, leader, county, sysadmin] = await Promise.all([t.login('clerk'), t.login('clerk2'), t.login('leader'), t.login('county'), t.login('sysadmin')]);
});
afterAll(async () => t?.close());

type Series = { key: string; label: string; counts: number[]; links: string[]; total: number };
type Charts = { year: number; months: string[]; records: Series[]; deadlines: Series[] };
const charts = async (cookie: string, query = ''): Promise<Charts> => {
  const res = await t.request(cookie, { method: 'GET', url: `/api/home/charts${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<Charts>(res);
};
const deadlineTotal = async (cookie: string, link: string): Promise<number> => {
  const res = await t.request(cookie, { method: 'GET', url: `/api${link.replace('/deadlines?', '/deadlines?pageSize=1&')}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ total: number }>(res).total;
};

describe('the home charts of the year', () => {
  it('draw the main ledgers and the deadlines for this year, twelve months each', async () => {
    const c = await charts(county);
    expect(c.year).toBe(Number(daysAgo(0).slice(0, 4)));
    expect(c.months).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(c.records.map((s) => s.label)).toEqual(expect.arrayContaining(['行政执法案件', '人民调解案件', '信访事项', '12345热线工单', '依申请公开']));
    expect(c.deadlines.map((s) => s.label)).toEqual(['当月到期（未办结）', '其中已超期']);
    for (const s of [...c.records, ...c.deadlines]) {
      expect(s.counts).toHaveLength(12);
      expect(s.links).toHaveLength(12);
      expect(s.total).toBe(s.counts.reduce((a, b) => a + b, 0));
    }
  });

  it('count, month by month, exactly the records and deadlines the links list', async () => {
    // a record of this month so that no figure checked is trivially zero
    const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'pageSize=1')).items[0];
    const made = await createRecord(t, clerk, 'enforcement.case', { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: Number(b?.values['matter']), source: '投诉举报', registered_on: daysAgo(0), summary: '图表核对案', party_kind: '单位', party_name: '图表核对商店', party_uscc: makeUscc('330100', 8080) });
    expect(made.statusCode, made.body).toBe(200);
    for (const who of [county, leader, clerk]) {
      const c = await charts(who);
      let seen = 0;
      for (const s of c.records) {
        for (let i = 0; i < 12; i++) {
          expect(await listTotal(t, who, s.links[i] ?? ''), `${s.label} ${i + 1}月`).toBe(s.counts[i]);
          seen += s.counts[i] ?? 0;
        }
      }
      expect(seen).toBeGreaterThan(0);
      for (const s of c.deadlines) for (let i = 0; i < 12; i++) expect(await deadlineTotal(who, s.links[i] ?? ''), `${s.label} ${i + 1}月`).toBe(s.counts[i]);
      // overdue deadlines are among those falling due
      const [open, overdue] = c.deadlines;
      for (let i = 0; i < 12; i++) expect(overdue?.counts[i] ?? 0).toBeLessThanOrEqual(open?.counts[i] ?? 0);
    }
  });

  it('move with the records in scope: a new case counts for its town and the county, not another town; withdrawn, it no longer counts', async () => {
    const month = Number(daysAgo(0).slice(5, 7)) - 1;
    const cases = async (who: string): Promise<number> => (await charts(who)).records.find((s) => s.key === 'enforcement.case')?.counts[month] ?? 0;
    const before = { clerk: await cases(clerk), leader: await cases(leader), county: await cases(county), clerk2: await cases(clerk2) };
    const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'pageSize=1')).items[0];
    const made = await createRecord(t, clerk, 'enforcement.case', { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: Number(b?.values['matter']), source: '投诉举报', registered_on: daysAgo(0), summary: '图表范围案', party_kind: '单位', party_name: '图表范围商店', party_uscc: makeUscc('330100', 8081) });
    expect(made.statusCode, made.body).toBe(200);
    expect({ clerk: await cases(clerk), leader: await cases(leader), county: await cases(county), clerk2: await cases(clerk2) }).toEqual({ clerk: before.clerk + 1, leader: before.leader + 1, county: before.county + 1, clerk2: before.clerk2 });
    const id = json<{ id: number }>(made).id;
    expect((await t.request(clerk, { method: 'POST', url: `/api/ledgers/enforcement.case/${id}/withdraw-draft`, payload: { reason: '录入有误' } })).statusCode).toBe(200);
    expect(await cases(county)).toBe(before.county);
  });

  it('show nothing to a user who reads no ledger, and answer another year or refuse a bad one', async () => {
    const none = await charts(sysadmin);
    expect(none.records).toEqual([]);
    expect(none.deadlines).toEqual([]);
    const last = Number(daysAgo(0).slice(0, 4)) - 1;
    const c = await charts(county, `?year=${last}`);
    expect(c.year).toBe(last);
    expect(c.records.find((s) => s.key === 'enforcement.case')?.links[0]).toBe(`/ledgers/enforcement.case?f.registered_on.from=${last}-01-01&f.registered_on.to=${last}-01-31`);
    const bad = await t.request(county, { method: 'GET', url: '/api/home/charts?year=1999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('年度');
  });
});
