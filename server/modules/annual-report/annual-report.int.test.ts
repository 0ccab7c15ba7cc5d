import { sql } from 'kysely';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { json, preparedInstance, startTestApp, type TestApp } from '../../test/harness.ts';
import { runCli } from '../../test/cli.ts';
import { listTotal } from '../../test/ledger-client.ts';
import { mediationModule } from '../mediation/mediation.module.ts';
import { publicityModule } from '../publicity/publicity.module.ts';
import { annualReportModule } from './annual-report.module.ts';
import type { ReportContent } from './report.content.ts';

let t: TestApp;
const year = new Date().getUTCFullYear() - 1;
type Draft = { id: number; version: number; status: string; content: ReportContent; values: Array<{ id: string; kind: string; value: number; link: string; breakdown: Array<{ value: number; link: string | null }> }>; checks: Array<{ id: string; ok: boolean; severity: string; message: string }>; versions: Array<{ id: number; status: string }> };

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule, publicityModule, annualReportModule] });
});
afterAll(async () => t.close());

async function open(cookie: string, org?: string): Promise<Draft> {
  const res = await t.request(cookie, { method: 'POST', url: '/api/reports/annual', payload: { year, ...(org ? { org } : {}) } });
  expect(res.statusCode).toBe(200);
  return json<Draft>(await t.request(cookie, { method: 'GET', url: `/api/reports/annual/${json<{ id: number }>(res).id}` }));
}

describe('annual report', () => {
  it('tells a clerk nothing about a sibling town: the same 404 whether or not it has a draft', async () => {
    // the year before: 石桥乡 gets a draft from its own clerk, 清溪镇 has none (the later tests use this year's)
    const earlier = year - 1;
    expect((await t.request(await t.login('clerk3'), { method: 'POST', url: '/api/reports/annual', payload: { year: earlier } })).statusCode).toBe(200);
    const clerk = await t.login('clerk');
    for (const method of ['GET', 'POST'] as const) {
      const ask = (org: string) => t.request(clerk, method === 'GET' ? { method, url: `/api/reports/annual?year=${earlier}&org=${org}` } : { method, url: '/api/reports/annual', payload: { year: earlier, org } });
      const withDraft = await ask('999001003000');
      const without = await ask('999001002000');
      expect(withDraft.statusCode).toBe(404);
      expect(without.statusCode).toBe(404);
      expect(json(withDraft)['detail']).toBe(json(without)['detail']);
    }
    // and a reader without report.edit gets the same answer as well
    const reader = await t.request(await t.login('legal'), { method: 'GET', url: `/api/reports/annual?year=${earlier}&org=999001003000` });
    expect(reader.statusCode).toBe(404);
  });

  it('opening the page writes nothing; 新建年度报告 is an explicit, audited act of a role that may draft', async () => {
    const later = year + 1;
    const counts = async () => {
      const r = await sql<{ n: number }>`select count(*)::int as n from report_draft`.execute(t.platform.db);
      const a = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.platform.db);
      return [Number(r.rows[0]?.n), Number(a.rows[0]?.n)];
    };
    const legal = await t.login('legal');
    const clerk = await t.login('clerk');
    const before = await counts();
    const looked = await t.request(legal, { method: 'GET', url: `/api/reports/annual?year=${later}` });
    expect(looked.statusCode).toBe(200);
    expect(json(looked)).toMatchObject({ exists: false, canCreate: false, year: later });
    expect(String(json(looked)['title'])).toContain(String(later));
    expect(await counts()).toEqual(before);
    // the 法制审核员 reads reports but does not draft them
    expect((await t.request(legal, { method: 'POST', url: '/api/reports/annual', payload: { year: later } })).statusCode).toBe(403);
    // (the refusal itself is audited; no report is made)
    const afterRefusal = await counts();
    expect(afterRefusal[0]).toBe(before[0]);

    expect(json(await t.request(clerk, { method: 'GET', url: `/api/reports/annual?year=${later}` }))).toMatchObject({ exists: false, canCreate: true });
    const made = await t.request(clerk, { method: 'POST', url: '/api/reports/annual', payload: { year: later } });
    expect(made.statusCode).toBe(200);
    expect(json(made)).toMatchObject({ created: true });
    const id = Number(json(made)['id']);
    const created = await t.platform.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity', '=', 'report.annual').where('entity_id', '=', String(id)).execute();
    expect(created.map((c) => c.action)).toEqual(['create']);
    // asking again, or looking, neither makes a second report nor a second 新建
    expect(json(await t.request(clerk, { method: 'POST', url: '/api/reports/annual', payload: { year: later } }))).toEqual({ id, created: false });
    expect(json(await t.request(legal, { method: 'GET', url: `/api/reports/annual?year=${later}` }))).toMatchObject({ exists: true, id });
    expect(await counts()).toEqual([(before[0] ?? 0) + 1, (afterRefusal[1] ?? 0) + 1]);
  });

  it('writes a draft whose every number equals what the ledgers’ own filtered lists count', async () => {
    const clerk = await t.login('clerk');
    const draft = await open(clerk);
    expect(draft.content.title).toBe(`城关镇${year}年度法治政府建设工作情况报告`);
    expect(draft.content.sections.map((s) => s.key)).toEqual(['measures', 'shortcomings', 'leadership', 'plan', 'other']);
    const counts = draft.values.filter((v) => v.link && v.kind === 'count');
    expect(counts.length).toBeGreaterThan(5);
    for (const v of counts) expect(await listTotal(t, clerk, v.link), v.id).toBe(v.value);
    const cases = draft.values.find((v) => v.id === 'mediation.cases');
    for (const b of cases?.breakdown ?? []) expect(await listTotal(t, clerk, b.link ?? '')).toBe(b.value);
    expect(draft.checks.filter((c) => !c.ok && c.severity === 'error')).toEqual([]);
  });

  it('flags a number typed by hand and refuses to submit with a mandatory section empty', async () => {
    const clerk = await t.login('clerk');
    const draft = await open(clerk);
    const content = structuredClone(draft.content);
    const first = content.sections[0];
    first?.items.push({ type: 'para', text: '全年共开展法律咨询326次。' });
    const second = content.sections[1];
    if (second) second.items = [];
    const saved = json<Draft>(await t.request(clerk, { method: 'PUT', url: `/api/reports/annual/${draft.id}`, payload: { content, version: draft.version } }));
    expect(saved.checks.some((c) => c.id.startsWith('hand_typed') && c.message.includes('326次'))).toBe(true);
    const leader = await t.login('leader');
    const refused = await t.request(leader, { method: 'POST', url: `/api/reports/annual/${draft.id}/submit`, payload: { version: saved.version } });
    expect(refused.statusCode).toBe(422);
    expect(json<{ detail: string }>(refused).detail).toContain('存在的不足和原因');
    // put the section back for the next test
    const fixed = structuredClone(saved.content);
    if (fixed.sections[1]) fixed.sections[1].items = draft.content.sections[1]?.items ?? [];
    fixed.sections[0]?.items.pop();
    expect((await t.request(clerk, { method: 'PUT', url: `/api/reports/annual/${draft.id}`, payload: { content: fixed, version: saved.version } })).statusCode).toBe(200);
  });

  it('freezes a submitted report: later record edits do not change it, and the difference is shown', async () => {
    const leader = await t.login('leader');
    const draft = await open(leader);
    const submitted = await t.request(leader, { method: 'POST', url: `/api/reports/annual/${draft.id}/submit`, payload: { version: draft.version } });
    expect(submitted.statusCode).toBe(200);
    const versionId = json<{ id: number }>(submitted).id;
    const before = JSON.parse((await t.request(leader, { method: 'GET', url: `/api/reports/annual/versions/${versionId}/export?format=json` })).body) as { indicators: Array<{ id: string; value: number }>; sections: unknown };
    // withdraw one of the year's closed cases (a closed record is withdrawn through 撤回, with its version kept)
    const clerk = await t.login('clerk');
    const list = json<{ items: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case?year=${year}&f.outcome=调解成功&pageSize=1` }));
    const reviewer = await t.login('reviewer');
    expect((await t.request(reviewer, { method: 'POST', url: `/api/ledgers/mediation.case/${list.items[0]?.id}/revoke`, payload: { reason: '重复登记' } })).statusCode).toBe(200);
    const after = JSON.parse((await t.request(leader, { method: 'GET', url: `/api/reports/annual/versions/${versionId}/export?format=json` })).body) as { indicators: Array<{ id: string; value: number }>; sections: unknown };
    expect(after).toEqual(before);
    const diff = json<{ indicators: Array<{ id: string; frozen: number; current: number; removed: number[] }> }>(await t.request(leader, { method: 'GET', url: `/api/reports/annual/versions/${versionId}/diff` }));
    const cases = diff.indicators.find((d) => d.id === 'mediation.cases');
    expect(cases?.current).toBe((cases?.frozen ?? 0) - 1);
    expect(cases?.removed).toEqual([list.items[0]?.id]);
    // and the draft cannot be edited once submitted
    const reopened = await open(leader);
    expect((await t.request(await t.login('clerk'), { method: 'PUT', url: `/api/reports/annual/${reopened.id}`, payload: { content: reopened.content, version: reopened.version } })).statusCode).toBe(409);
  });

  it('gives the county each unit’s status, and publishes only after the secrecy review', async () => {
    const county = await t.login('county');
    const roll = json<{ rows: Array<{ orgCode: string; status: string; versionId: number | null }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/rollup?year=${year}` }));
    const cg = roll.rows.find((r) => r.orgCode === '999001001000');
    expect(['submitted', 'late']).toContain(cg?.status);
    expect(roll.rows.find((r) => r.orgCode === '999001002000')?.status).toMatch(/not_started|overdue/);
    const vid = cg?.versionId ?? 0;
    const leader = await t.login('leader');
    expect((await t.request(leader, { method: 'POST', url: `/api/reports/annual/versions/${vid}/publish`, payload: {} })).statusCode).toBe(422);
    const reviewer = await t.login('reviewer');
    expect((await t.request(reviewer, { method: 'POST', url: `/api/reports/annual/versions/${vid}/secrecy`, payload: { passed: true, opinion: '不涉及国家秘密和工作秘密' } })).statusCode).toBe(200);
    expect((await t.request(leader, { method: 'POST', url: `/api/reports/annual/versions/${vid}/publish`, payload: {} })).statusCode).toBe(200);
    const pub = json<{ items: Array<{ id: number; orgName: string; current: boolean }> }>(await t.request(null, { method: 'GET', url: `/api/public/reports?year=${year}` }));
    expect(pub.items.find((i) => i.id === vid)).toMatchObject({ orgName: '城关镇', current: true });
    const full = json<{ sections: Array<{ title: string }> }>(await t.request(null, { method: 'GET', url: `/api/public/reports/${vid}` }));
    expect(full.sections).toHaveLength(5);
    // the side-by-side comparison comes from one scan split by unit: each unit's figure equals its own computation,
    // and the units (with the county's own records) add up to the county's total
    const ids = ['mediation.cases', 'mediation.success_rate'];
    const compare = json<{ units: Array<{ orgCode: string; orgName: string; values: Record<string, number> }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/compare?year=${year}&ids=${ids.join(',')}` }));
    const towns = compare.units.filter((u) => /^99900100[123]000$/.test(u.orgCode));
    expect(towns).toHaveLength(3);
    for (const u of towns) {
      const own = json<{ items: Array<{ id: string; value: number }> }>(await t.request(county, { method: 'GET', url: `/api/indicators?org=${u.orgCode}&year=${year}` }));
      for (const id of ids) expect(u.values[id], `${u.orgCode} ${id}`).toBe(own.items.find((i) => i.id === id)?.value);
    }
    const total = compare.units.find((u) => u.orgName === '合计');
    const parts = compare.units.filter((u) => u.orgName !== '合计');
    expect(total?.values['mediation.cases']).toBe(parts.reduce((s, u) => s + (u.values['mediation.cases'] ?? 0), 0));
    // a department with no mediation cases counts 0 cases and has no success rate (not 0%)
    const office = compare.units.find((u) => u.orgCode === '999001000000-03');
    expect(office?.values['mediation.cases']).toBe(0);
    expect(office?.values).not.toHaveProperty('mediation.success_rate');
  });

  it('lets the county adjust the template, refusing live fields that name no indicator', async () => {
    const county = await t.login('county');
    const tpl = json<{ content: ReportContent }>(await t.request(county, { method: 'GET', url: '/api/reports/templates/annual' }));
    const bad = structuredClone(tpl.content);
    bad.sections[0]?.items.push({ type: 'para', text: '全年共办理{{no.such_indicator}}。' });
    const refused = await t.request(county, { method: 'PUT', url: '/api/reports/templates/annual', payload: { content: bad } });
    expect(refused.statusCode).toBe(400);
    expect(json<{ detail: string }>(refused).detail).toContain('no.such_indicator');
    // this test app has only some modules: keep the template's structure, with text that names their indicators only
    const good = { ...structuredClone(tpl.content), sections: tpl.content.sections.map((sec, i) => ({ ...sec, items: i === 0 ? [{ type: 'para' as const, text: '本省模板：全年调处矛盾纠纷{{mediation.cases}}。' }] : [{ type: 'para' as const, text: `${sec.title}：按本省要求填写，不少于十个字。` }] })) };
    const saved = await t.request(county, { method: 'PUT', url: '/api/reports/templates/annual', payload: { content: good, version: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    // saving over someone else's newer version is refused; the default stays available to restore
    const after = json<{ version: number; updatedBy: string; defaultContent: ReportContent }>(await t.request(county, { method: 'GET', url: '/api/reports/templates/annual' }));
    expect(after.version).toBe(1);
    expect(after.updatedBy).toBe('county');
    expect(after.defaultContent.sections.map((x) => x.title)).toEqual(tpl.content.sections.map((x) => x.title));
    const stale = await t.request(county, { method: 'PUT', url: '/api/reports/templates/annual', payload: { content: good, version: 0 } });
    expect(stale.statusCode).toBe(409);
    const fresh = await open(await t.login('clerk3'));
    expect(fresh.content.sections[0]?.items[0]?.text).toBe('本省模板：全年调处矛盾纠纷{{mediation.cases}}。');
    expect((await t.request(await t.login('clerk'), { method: 'GET', url: '/api/reports/templates/annual' })).statusCode).toBe(403);
  });

  it('gives the county report an appendix with each unit’s share of every quoted figure', async () => {
    const county = await t.login('county');
    const draft = await open(county);
    const html = (await t.request(county, { method: 'GET', url: `/api/reports/annual/${draft.id}/export?format=html` })).body;
    expect(html).toContain('各单位主要数据汇总表');
    const row = html.split('<tr').find((r) => r.includes('>调处矛盾纠纷（件）<')) ?? '';
    const cells = [...row.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1] ?? '');
    const header = (html.split('<tr').find((r) => r.includes('>数据项<')) ?? '').match(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)?.map((c) => c.replace(/<[^>]+>/g, '')) ?? [];
    const own = async (code: string): Promise<number | undefined> => json<{ items: Array<{ id: string; value: number }> }>(await t.request(county, { method: 'GET', url: `/api/indicators?org=${code}&year=${year}` })).items.find((i) => i.id === 'mediation.cases')?.value;
    // 城关镇 submitted: its column is the figure it submitted (a case withdrawn since does not change it)
    const roll = json<{ rows: Array<{ orgCode: string; versionId: number | null }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/rollup?year=${year}` }));
    const vid = roll.rows.find((r) => r.orgCode === '999001001000')?.versionId;
    const submitted = (JSON.parse((await t.request(county, { method: 'GET', url: `/api/reports/annual/versions/${vid}/export?format=json` })).body) as { indicators: Array<{ id: string; value: number }> }).indicators.find((i) => i.id === 'mediation.cases')?.value;
    const at = header.indexOf('城关镇');
    expect(at).toBeGreaterThan(0);
    expect(cells[at]).toBe(String(submitted));
    expect(Number(cells[at])).toBe(((await own('999001001000')) ?? 0) + 1);
    // the total is the report's figure: the units' columns (a unit that has not submitted shows —) and the county's own
    expect(cells[header.indexOf('合计')]).toBe(String(draft.values.find((v) => v.id === 'mediation.cases')?.value));
    expect(cells.slice(1, -1).reduce((a, c) => a + (c === '—' ? 0 : Number(c)), 0)).toBe(Number(cells[header.indexOf('合计')]));
    // a town has no units below it: no appendix
    const town = await open(await t.login('clerk3'));
    expect((await t.request(await t.login('clerk3'), { method: 'GET', url: `/api/reports/annual/${town.id}/export?format=html` })).body).not.toContain('各单位主要数据汇总表');
  });

  it('exports DOCX in the GB/T 9704 layout', async () => {
    const clerk = await t.login('clerk2');
    const draft = await open(clerk);
    const res = await t.request(clerk, { method: 'GET', url: `/api/reports/annual/${draft.id}/export?format=docx` });
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('清溪镇');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toContain('仿宋_GB2312');
    expect(await zip.file('word/settings.xml')?.async('string')).toContain('evenAndOddHeaders');
  });

  it('labels the first publication as the first edition even when a returned submission came before it', async () => {
    const county = await t.login('county');
    const town = '999001002000';
    const submit = async (): Promise<number> => {
      const d = await open(county, town);
      const res = await t.request(county, { method: 'POST', url: `/api/reports/annual/${d.id}/submit`, payload: { version: d.version } });
      expect(res.statusCode, res.body).toBe(200);
      return json<{ id: number }>(res).id;
    };
    const publish = async (vid: number, correctionNote: string | null): Promise<void> => {
      expect((await t.request(county, { method: 'POST', url: `/api/reports/annual/versions/${vid}/secrecy`, payload: { passed: true, opinion: '不涉及国家秘密和工作秘密' } })).statusCode).toBe(200);
      const res = await t.request(county, { method: 'POST', url: `/api/reports/annual/versions/${vid}/publish`, payload: { correctionNote } });
      expect(res.statusCode, res.body).toBe(200);
    };
    const first = await submit();
    expect((await t.request(county, { method: 'POST', url: `/api/reports/annual/versions/${first}/return`, payload: { reason: '数据需与台账核对后再报' } })).statusCode).toBe(200);
    const second = await submit();
    await publish(second, null);
    type Pub = { id: number; edition: number; current: boolean };
    const listed = async (): Promise<Pub[]> => json<{ items: Pub[] }>(await t.request(null, { method: 'GET', url: `/api/public/reports?year=${year}&org=${town}` })).items;
    // the second submission is the public's first edition: no 更正版, no 第2版
    expect(await listed()).toEqual([expect.objectContaining({ id: second, edition: 1, current: true })]);
    expect(json<Pub>(await t.request(null, { method: 'GET', url: `/api/public/reports/${second}` })).edition).toBe(1);
    // a correction after publication is the second edition, and the first stays listed as superseded
    const d = await open(county, town);
    expect((await t.request(county, { method: 'POST', url: `/api/reports/annual/${d.id}/correction` })).statusCode).toBe(200);
    const third = await submit();
    await publish(third, '更正第一部分的文字表述');
    const after = await listed();
    expect(after.find((p) => p.id === third)).toMatchObject({ edition: 2, current: true });
    expect(after.find((p) => p.id === second)).toMatchObject({ edition: 1, current: false });
  });

  it('prints the JSON contract from the CLI', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const instance = await preparedInstance(mkdtempSync(`${tmpdir()}/fazhi-report-`));
    const res = await runCli(['report', 'annual', '--org', '999001003000', '--year', String(year), '--format', 'json', ...instance.args], instance.env);
    await instance.drop();
    expect(res.code).toBe(0);
    const body = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['org', 'year', 'sections', 'indicators', 'checks']));
    expect((body['indicators'] as Array<Record<string, unknown>>)[0]).toEqual(expect.objectContaining({ id: expect.any(String), label: expect.any(String), value: expect.any(Number), unit: expect.any(String), breakdown: expect.any(Array), recordCount: expect.any(Number) }));
  });
});
