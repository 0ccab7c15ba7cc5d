import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
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
