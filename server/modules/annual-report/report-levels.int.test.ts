import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import { modules } from '../index.ts';
import type { ReportContent } from './report.content.ts';
import { tokensOf } from './report.content.ts';

let t: TestApp;
const year = new Date().getUTCFullYear() - 1;
type Value = { id: string; kind: string; value: number; unit: string; denominator?: { value: number } };
type Draft = { id: number; version: number; orgCode: string; status: string; content: ReportContent; values: Value[] };
type Exported = { title: string; sections: Array<{ title: string; paragraphs: string[] }>; indicators: Array<{ id: string; value: number }> };

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function open(cookie: string, org?: string): Promise<Draft> {
  const res = await t.request(cookie, { method: 'POST', url: '/api/reports/annual', payload: { year, ...(org ? { org } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
  return json<Draft>(await t.request(cookie, { method: 'GET', url: `/api/reports/annual/${json<{ id: number }>(res).id}` }));
}

async function exported(cookie: string, id: number): Promise<Exported> {
  return JSON.parse((await t.request(cookie, { method: 'GET', url: `/api/reports/annual/${id}/export?format=json` })).body) as Exported;
}

// a figure printed as if nothing were an achievement: 0件, 0%, 0次 …
const ZERO = /(?<![\d.])0(?:\.0+)?(件|宗|次|人次|项|个|名|人|场|条|%|万元|元|家|份)/;

describe('the default templates', () => {
  it('give a town every work area with its figures live, and a sentence instead of 0 where nothing happened', async () => {
    const clerk = await t.login('clerk');
    const draft = await open(clerk);
    const quoted = new Set(draft.content.sections.flatMap((s) => s.items.flatMap((i) => tokensOf(i.text).map((x) => x.id))));
    // every work area that yields figures is in the report
    for (const m of modules.filter((x) => x.indicators?.length)) expect([...quoted].some((id) => m.indicators?.some((d) => d.id === id)), m.name).toBe(true);
    for (const id of ['enforcement.decisions', 'decisions.made', 'normdocs.issued', 'disclosure.items_published', 'disclosure.applications_received', 'petitions.hotline_tickets', 'mediation.cases', 'reconsideration.reconsiderations', 'reconsideration.litigations', 'publicity.activities', 'legal-advisors.advisors', 'enforcement.enterprise_inspections']) expect(quoted.has(id), id).toBe(true);
    expect(quoted.size).toBeGreaterThanOrEqual(68);
    const text = (await exported(clerk, draft.id)).sections.flatMap((s) => s.paragraphs);
    expect(text.join('\n')).not.toMatch(ZERO);
    expect(text.join('\n')).not.toMatch(/[[\]【】{}]/);
    // each paragraph whose first figure counts nothing says so in words
    const values = new Map(draft.values.map((v) => [v.id, v]));
    const nothing = (v: Value | undefined): boolean => !!v && (v.kind === 'ratio' ? (v.denominator?.value ?? 0) === 0 : v.value === 0);
    const paras = draft.content.sections.flatMap((s) => s.items.filter((i) => i.type === 'para'));
    for (const p of paras) {
      const first = tokensOf(p.text)[0];
      if (first && nothing(values.get(first.id))) expect(text, first.id).toContain(p.none);
    }
    expect(draft.content.preamble[0]).toContain('在演示县委、演示县人民政府的坚强领导下');
  });

  it('prints 本年度未发生… for a work area with no records, not 0', async () => {
    // 石桥乡 with no 行政复议 records of the year: the sentence stands in for the figures
    const clerk = await t.login('clerk3');
    const draft = await open(clerk);
    const v = draft.values.find((x) => x.id === 'reconsideration.reconsiderations');
    const text = (await exported(clerk, draft.id)).sections.flatMap((s) => s.paragraphs).join('\n');
    if (v?.value === 0) expect(text).toContain('本年度未发生行政复议案件。');
    else expect(text).toContain(`涉及行政复议案件${v?.value}宗`);
    expect(text).not.toMatch(ZERO);
  });

  it('gives the county its own wording and a template of its own level', async () => {
    const county = await t.login('county');
    const draft = await open(county);
    expect(draft.content.title).toBe(`演示县人民政府关于${year}年度法治政府建设工作情况的报告`);
    expect(draft.content.preamble[0]).toContain('演示县人民政府在演示县委的坚强领导下');
    expect(draft.content.preamble.join('')).not.toContain('演示县在演示县');
    const text = (await exported(county, draft.id)).sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('全县');
    expect(text).not.toMatch(ZERO);
    const town = json<{ level: string; content: ReportContent }>(await t.request(county, { method: 'GET', url: '/api/reports/templates/annual?level=town' }));
    const ofCounty = json<{ level: string; content: ReportContent }>(await t.request(county, { method: 'GET', url: '/api/reports/templates/annual?level=county' }));
    expect(town.content.title).not.toBe(ofCounty.content.title);
    // saving one level's template leaves the other alone
    const changed = structuredClone(ofCounty.content);
    changed.preamble = ['{year}年，{org}人民政府坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：'];
    expect((await t.request(county, { method: 'PUT', url: '/api/reports/templates/annual?level=county', payload: { content: changed, version: 0 } })).statusCode).toBe(200);
    expect(json<{ content: ReportContent }>(await t.request(county, { method: 'GET', url: '/api/reports/templates/annual?level=town' })).content).toEqual(town.content);
    expect(json<{ content: ReportContent; version: number }>(await t.request(county, { method: 'GET', url: '/api/reports/templates/annual?level=county' }))).toMatchObject({ content: changed, version: 1 });
  });
});

describe('the county report', () => {
  const COUNTY = '999001000000';
  const TOWNS = ['999001001000', '999001002000', '999001003000'];
  const ID = 'legal-advisors.affairs';
  type Indicators = { items: Array<{ id: string; value: number }> };
  const liveOf = async (cookie: string, org: string, id = ID): Promise<number> => json<Indicators>(await t.request(cookie, { method: 'GET', url: `/api/indicators?org=${org}&year=${year}` })).items.find((i) => i.id === id)?.value ?? 0;
  const frozen = async (cookie: string, versionId: number, id = ID): Promise<number> => (JSON.parse((await t.request(cookie, { method: 'GET', url: `/api/reports/annual/versions/${versionId}/export?format=json` })).body) as Exported).indicators.find((i) => i.id === id)?.value ?? 0;
  const submit = async (cookie: string, org?: string): Promise<number> => {
    const d = await open(cookie, org);
    const res = await t.request(cookie, { method: 'POST', url: `/api/reports/annual/${d.id}/submit`, payload: { version: d.version } });
    expect(res.statusCode, res.body).toBe(200);
    return json<{ id: number }>(res).id;
  };

  it('adds up what the units submitted, not their records since, marks units that have not submitted, and counts them live only when asked', async () => {
    const county = await t.login('county');
    // 城关镇 submits through its leader; the county submits 清溪镇's on its behalf; 石桥乡 and the county's departments do not
    const cg = await submit(await t.login('leader'));
    const qx = await submit(county, TOWNS[1]);
    // 城关镇 records one more piece of its advisors' work of that year after it submitted
    const clerk = await t.login('clerk');
    const advisor = (await listLedger(t, clerk, 'advisors.advisor', 'pageSize=1')).items[0]?.id;
    const before = await liveOf(county, TOWNS[0] ?? '');
    const added = await createRecord(t, clerk, 'advisors.affair', { affair_on: `${year}-11-20`, affair_type: '法治讲座（培训）', advisor_id: advisor, subject: '民法典进村讲座', people: 45 });
    expect(added.statusCode, added.body).toBe(200);
    expect(await liveOf(county, TOWNS[0] ?? '')).toBe(before + 1);
    expect(await frozen(county, cg)).toBe(before);

    // the county's own records: its whole subtree less what lies in the units below it
    const units = json<{ rows: Array<{ orgCode: string }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/rollup?year=${year}` })).rows.map((r) => r.orgCode);
    let own = await liveOf(county, COUNTY);
    for (const u of units) own -= await liveOf(county, u);
    const draft = await open(county);
    const value = (d: Draft, id = ID): number => d.values.find((v) => v.id === id)?.value ?? 0;
    expect(value(draft)).toBe((await frozen(county, cg)) + (await frozen(county, qx)) + own);
    const sources = json<{ units: Array<{ code: string; source: string; versionId: number | null }>; checks: Array<{ id: string; message: string }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/${draft.id}` }));
    expect(sources.units.find((u) => u.code === TOWNS[0])).toMatchObject({ source: 'submitted', versionId: cg });
    expect(sources.units.find((u) => u.code === TOWNS[2])).toMatchObject({ source: 'missing', versionId: null });
    expect(sources.checks.find((c) => c.id === 'units.unsubmitted')?.message).toContain('石桥乡');
    const html = (await t.request(county, { method: 'GET', url: `/api/reports/annual/${draft.id}/export?format=html` })).body;
    expect(html).toContain('石桥乡（未报）');
    expect(html).toContain('演示县人民政府<br>');
    expect(html).toContain('取自其报送的年度报告');

    // asked to, the county counts the units that have not submitted with their live figures, labelled 实时
    const saved = await t.request(county, { method: 'PUT', url: `/api/reports/annual/${draft.id}`, payload: { content: { ...draft.content, liveUnsubmitted: true }, version: draft.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const withLive = json<Draft>(saved);
    const missing = units.filter((u) => u !== TOWNS[0] && u !== TOWNS[1]);
    let liveMissing = 0;
    for (const u of missing) liveMissing += await liveOf(county, u);
    expect(value(withLive)).toBe(value(draft) + liveMissing);
    expect((await t.request(county, { method: 'GET', url: `/api/reports/annual/${draft.id}/export?format=html` })).body).toContain('石桥乡（实时）');

    // the county's submitted version keeps where each unit's figures came from
    const back = await t.request(county, { method: 'PUT', url: `/api/reports/annual/${draft.id}`, payload: { content: { ...withLive.content, liveUnsubmitted: false }, version: withLive.version } });
    const mine = await t.request(county, { method: 'POST', url: `/api/reports/annual/${draft.id}/submit`, payload: { version: json<Draft>(back).version } });
    expect(mine.statusCode, mine.body).toBe(200);
    const vid = json<{ id: number }>(mine).id;
    expect(await frozen(county, vid)).toBe(value(draft));
    const frozenJson = JSON.parse((await t.request(county, { method: 'GET', url: `/api/reports/annual/versions/${vid}/export?format=json` })).body) as { units: Array<{ code: string; source: string }> };
    expect(frozenJson.units.find((u) => u.code === TOWNS[2])?.source).toBe('missing');
  });

  it('gives the county disclosure report the county’s own applications, not its towns’', async () => {
    const county = await t.login('county');
    const res = await t.request(county, { method: 'GET', url: `/api/disclosure/report?org=${COUNTY}&year=${year}` });
    expect(res.statusCode, res.body).toBe(200);
    type Rep = { report: { sections: Array<{ table?: { rows: Array<{ key: string; cells: Array<{ value: number }> }> } }> } };
    const received = (r: Rep): number => r.report.sections[2]?.table?.rows.find((x) => x.key === 'new')?.cells.at(-1)?.value ?? 0;
    const countyOwn = await sql<{ n: number }>`select count(*)::int as n from disclosure_application where org_code = ${COUNTY} and status = 'active' and received_on between ${`${year}-01-01`} and ${`${year}-12-31`}`.execute(t.platform.db);
    expect(received(json<Rep>(res))).toBe(Number(countyOwn.rows[0]?.n));
    let towns = 0;
    for (const town of TOWNS) towns += received(json<Rep>(await t.request(county, { method: 'GET', url: `/api/disclosure/report?org=${town}&year=${year}` })));
    expect(towns).toBeGreaterThan(0);
    expect(received(json<Rep>(res))).not.toBe(received(json<Rep>(res)) + towns);
  });
});

describe('report deadlines', () => {
  type Item = { orgCode: string; clockLabel: string; due: string; overdue: boolean; module: string };
  const deadlines = async (cookie: string, module: string): Promise<Item[]> => json<{ items: Item[] }>(await t.request(cookie, { method: 'GET', url: `/api/deadlines?pageSize=200&module=${module}` })).items;
  type Settings = { items: Array<{ key: string; value: string; default: string }> };

  it('are settings with the national defaults, set by the county and refused whole when one is wrong', async () => {
    const county = await t.login('county');
    const got = json<Settings>(await t.request(county, { method: 'GET', url: '/api/reports/deadlines' }));
    expect(Object.fromEntries(got.items.map((i) => [i.key, i.default]))).toEqual({ 'report.annual.due': '03-01', 'report.annual.publishBy': '04-01', 'report.disclosure.governmentDue': '03-31', 'report.disclosure.departmentDue': '01-31', 'report.enforcementStats.due': '01-31', 'report.disclosure.townDue': '01-31' });
    const bad = await t.request(county, { method: 'PUT', url: '/api/reports/deadlines', payload: { values: { 'report.annual.due': '02-15', 'report.annual.publishBy': '02-30' } } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ detail: string }>(bad).detail).toContain('法治政府建设年度报告向社会公开');
    expect(json<Settings>(await t.request(county, { method: 'GET', url: '/api/reports/deadlines' })).items.find((i) => i.key === 'report.annual.due')?.value).toBe('03-01');
    expect((await t.request(await t.login('clerk'), { method: 'PUT', url: '/api/reports/deadlines', payload: { values: { 'report.annual.due': '02-15' } } })).statusCode).toBe(403);
    const ok = await t.request(county, { method: 'PUT', url: '/api/reports/deadlines', payload: { values: { 'report.annual.due': '02-15', 'report.disclosure.townDue': '02-10' } } });
    expect(ok.statusCode, ok.body).toBe(200);
    // the county's date is the roll-up's and the 到期事项's
    const rollup = json<{ dueDate: string; rows: Array<{ orgCode: string; status: string }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/rollup?year=${year}` }));
    expect(rollup.dueDate).toBe(`${year + 1}-02-15`);
    const items = await deadlines(county, 'annual-report');
    const submission = items.filter((i) => i.clockLabel === '年度报告报送期限');
    expect(submission.length).toBeGreaterThan(0);
    for (const i of submission) expect(i.due).toBe(`${year + 1}-02-15`);
    // who has not submitted is listed; who has is not
    const unsent = rollup.rows.filter((r) => !['submitted', 'late', 'published'].includes(r.status)).map((r) => r.orgCode).sort();
    expect(submission.map((i) => i.orgCode).sort()).toEqual(unsent);
    // every report not yet published has its 4月1日 line, the county's own included
    const publication = items.filter((i) => i.clockLabel === '年度报告公开期限');
    expect(publication.map((i) => i.orgCode)).toContain('999001000000');
    for (const i of publication) expect(i.due).toBe(`${year + 1}-04-01`);
  });

  it('list the disclosure report by the organ’s own day: county government 3月31日, department 1月31日, town the county’s day', async () => {
    const county = await t.login('county');
    const items = (await deadlines(county, 'disclosure')).filter((i) => i.clockLabel === '政府信息公开年报公布期限');
    const due = (code: string): string | undefined => items.find((i) => i.orgCode === code)?.due;
    expect(due('999001000000')).toBe(`${year + 1}-03-31`);
    expect(due('999001000000-01')).toBe(`${year + 1}-01-31`);
    expect(due('999001002000')).toBe(`${year + 1}-02-10`);
    // a town's clerk sees only the town's own
    const mine = (await deadlines(await t.login('clerk'), 'disclosure')).filter((i) => i.clockLabel === '政府信息公开年报公布期限');
    expect(mine.map((i) => i.orgCode)).toEqual(['999001001000']);
  });
});
