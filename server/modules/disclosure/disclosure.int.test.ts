import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Ctx } from '../../platform/http/context.ts';
import { subtreeCodes } from '../../platform/orgs/org.repository.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { syncLedgerTables } from '../../platform/ledger/ledger.schema.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, refusal } from '../../test/ledger-client.ts';
import { expectHomeItemsMatchLists, expectIndicatorsMatchLists, expectScopedToTown, OWN_TOWN, thisYear } from '../../test/ledger-conformance.ts';
import { modules } from '../index.ts';
import { disclosureModule } from './disclosure.module.ts';
import type { DisclosureReport } from './disclosure.report.ts';

let t: TestApp;
let clerk: string;
let leader: string;
const lastYear = thisYear - 1;

beforeAll(async () => {
  // the shared demo template holds every registered module; until this one is registered its demo is seeded here
  const registered = modules.some((m) => m.name === 'disclosure');
  t = await startTestApp({ modules: registered ? modules : [...modules, disclosureModule] });
  if (!registered) {
    const platform = t.platform;
    // the harness migrates a template copy with the registered modules only: add this module's tables
    await migrateToLatest(platform.db, Object.assign({}, ...[...modules, disclosureModule].map((m) => m.migrations ?? {})));
    await syncLedgerTables(platform.db, disclosureModule.ledgers ?? []);
    await platform.db.transaction().execute(async (tx) => {
      const ctx: Ctx = { actor: systemActor, ip: '127.0.0.1', tx, now: new Date(), cipher: platform.cipher, scope: { root: '999001000000', codes: await subtreeCodes(tx, '999001000000') } };
      await disclosureModule.demo?.(ctx, platform);
    });
  }
  clerk = await t.login('clerk');
  leader = await t.login('leader');
});
afterAll(async () => t.close());

interface PublicList {
  items: Array<{ id: number; title: string; category: string }>;
  total: number;
  categories: Array<{ category: string; count: number }>;
}
const publicItems = async (query: string): Promise<PublicList> => {
  const res = await t.request(null, { method: 'GET', url: `/api/public/disclosure/items?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PublicList;
};
const report = async (cookie: string, org = OWN_TOWN, year = lastYear): Promise<{ draft: { status: string; version: number } | null; report: DisclosureReport }> => {
  const res = await t.request(cookie, { method: 'GET', url: `/api/disclosure/report?org=${org}&year=${year}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { draft: { status: string; version: number } | null; report: DisclosureReport };
};

describe('demo data', () => {
  it('holds about 150 published items and 10–40 applications a town-year, some carried over', async () => {
    const items = await listLedger(t, clerk, 'disclosure.item', `f.published_on.from=${lastYear}-01-01&f.published_on.to=${lastYear}-12-31&pageSize=1`);
    expect(items.total).toBeGreaterThan(120);
    expect(items.total).toBeLessThan(190);
    const apps = await listLedger(t, clerk, 'disclosure.application', `f.received_on.from=${lastYear}-01-01&f.received_on.to=${lastYear}-12-31&pageSize=1`);
    expect(apps.total).toBeGreaterThanOrEqual(10);
    expect(apps.total).toBeLessThanOrEqual(40);
    const county = await t.login('county');
    let carried = 0;
    for (const town of ['999001001000', '999001002000', '999001003000']) {
      const r = (await report(county, town)).report;
      carried += r.sections[2]?.table?.rows.find((x) => x.key === 'carried')?.cells.at(-1)?.value ?? 0;
    }
    expect(carried).toBeGreaterThan(0);
  });

  it('is scoped to the town and its figures match the lists behind them', async () => {
    await expectScopedToTown(t, 'disclosure.item');
    await expectScopedToTown(t, 'disclosure.application');
    await expectIndicatorsMatchLists(t, disclosureModule, OWN_TOWN, lastYear);
    await expectHomeItemsMatchLists(t, 'clerk', ['disclosure.reviewing', 'disclosure.waiting', 'disclosure.pending']);
  });
});

describe('the public site', () => {
  const base = { category: '通知公告', made_on: `${lastYear}-06-01`, orgCode: '999001001000-01' };
  const reviewed = { secrecy_submitted_on: `${lastYear}-06-01`, secrecy_result: '同意公开', secrecy_reviewer: '保密员', secrecy_reviewed_on: `${lastYear}-06-02` };

  it('lists published items by category, without login', async () => {
    const all = await publicItems(`org=${OWN_TOWN}&pageSize=5`);
    expect(all.total).toBeGreaterThan(100);
    expect(all.categories.map((c) => c.category)).toContain('工作动态');
    const news = await publicItems(`org=${OWN_TOWN}&category=工作动态&pageSize=100`);
    expect(news.total).toBe(all.categories.find((c) => c.category === '工作动态')?.count);
    expect(news.items.every((i) => i.category === '工作动态')).toBe(true);
  });

  it('never shows an unpublished or secrecy-pending item, and finds published ones by full text', async () => {
    const pending = await createRecord(t, clerk, 'disclosure.item', { ...base, title: '关于甲乙丙试点工作的通知（送审中）', secrecy_submitted_on: `${lastYear}-06-01` });
    expect(pending.statusCode, pending.body).toBe(200);
    // records brought in with their secrecy review: by someone who may review (decision 0011), never by a clerk
    const importer = await t.login('reviewer');
    const byClerk = await createRecord(t, clerk, 'disclosure.item', { ...base, ...reviewed, title: '办事员自填审查结论' });
    expect(byClerk.statusCode, byClerk.body).toBe(403);
    expect(byClerk.body).toContain('“保密审查结论”由“保密审查”环节填写');
    const approved = await createRecord(t, importer, 'disclosure.item', { ...base, ...reviewed, title: '关于甲乙丙试点工作的通知（待发布）' });
    expect(approved.statusCode, approved.body).toBe(200);
    const published = await createRecord(t, importer, 'disclosure.item', { ...base, ...reviewed, title: '关于甲乙丙试点工作的通知', content: '请各村做好犀牛湾水库巡查工作。', published_on: `${lastYear}-06-03`, channels: ['政府网站'] });
    expect(published.statusCode, published.body).toBe(200);
    // publishing without a review that allows it is refused outright
    expect(refusal(await createRecord(t, clerk, 'disclosure.item', { ...base, title: '未审查即发布', published_on: `${lastYear}-06-03` })).map((e) => e.message).join()).toContain('未经保密审查同意公开的信息不得发布');

    const found = await publicItems('q=犀牛湾水库');
    expect(found.items.map((i) => i.title)).toEqual(['关于甲乙丙试点工作的通知']);
    const titles = (await publicItems(`org=${OWN_TOWN}&q=甲乙丙试点&pageSize=100`)).items.map((i) => i.title);
    expect(titles).toEqual(['关于甲乙丙试点工作的通知']);
    const id = (r: typeof pending) => (r.json() as { id: number }).id;
    expect((await t.request(null, { method: 'GET', url: `/api/public/disclosure/items/${id(published)}` })).statusCode).toBe(200);
    expect((await t.request(null, { method: 'GET', url: `/api/public/disclosure/items/${id(pending)}` })).statusCode).toBe(404);
    expect((await t.request(null, { method: 'GET', url: `/api/public/disclosure/items/${id(approved)}` })).statusCode).toBe(404);
  });
});

describe('the annual disclosure report', () => {
  it('fills the three tables from the records and satisfies their identities', async () => {
    const { report: r } = await report(clerk);
    expect(r.sections).toHaveLength(6);
    expect(r.checks.length).toBeGreaterThan(10);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    const t3 = r.sections[2]?.table;
    const newCell = t3?.rows.find((x) => x.key === 'new')?.cells.at(-1);
    const apps = await listLedger(t, clerk, 'disclosure.application', `f.received_on.from=${lastYear}-01-01&f.received_on.to=${lastYear}-12-31&pageSize=1`);
    expect(newCell?.value).toBe(apps.total);
    expect(newCell?.link).toMatch(/^\/ledgers\/disclosure\.application\?ids=/);
    // every record cell's link lists exactly its records
    const outcome = t3?.rows.find((x) => x.key === 'outcome:予以公开')?.cells.at(-1);
    if (outcome?.link) expect((await listLedger(t, clerk, 'disclosure.application', `${outcome.link.split('?')[1] ?? ''}&pageSize=1`)).total).toBe(outcome.value);
  });

  it('exports DOCX and HTML', async () => {
    const docx = await t.request(clerk, { method: 'GET', url: `/api/disclosure/report/export?org=${OWN_TOWN}&year=${lastYear}&format=docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const html = await t.request(clerk, { method: 'GET', url: `/api/disclosure/report/export?org=${OWN_TOWN}&year=${lastYear}&format=html` });
    expect(html.body).toContain('结转下年度继续办理');
    // the official layout: 三、本年度办理结果 spans its 22 outcome rows, （三）不予公开 its 8 reasons
    expect(html.body).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(html.body).toContain('<td rowspan="8">（三）不予公开</td>');
    expect(html.body).toContain('<th colspan="5">法人或其他组织</th>');
  });

  it('exports PDF where LibreOffice or Chromium is installed, and says so where neither is', async () => {
    const pdf = await t.request(clerk, { method: 'GET', url: `/api/disclosure/report/export?org=${OWN_TOWN}&year=${lastYear}&format=pdf` });
    if (pdf.statusCode === 200) {
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    } else {
      expect(pdf.statusCode).toBe(409);
      expect(pdf.body).toContain('无法生成 PDF');
    }
  }, 180_000);

  it('fills table 二 from the normative-document and enforcement ledgers, the rest as marked manual cells', async () => {
    const { report: r } = await report(clerk);
    const t2 = r.sections[1]?.table;
    const row = (key: string) => t2?.rows.find((x) => x.key === key);
    const penalty = row('penalty')?.cells[0];
    expect(penalty?.source).toBe('indicator');
    expect(penalty?.link).toMatch(/^\/ledgers\/enforcement\.case\?/);
    const listed = await listLedger(t, clerk, 'enforcement.case', `${penalty?.link?.split('?')[1] ?? ''}&pageSize=1`);
    expect(listed.total).toBe(penalty?.value);
    const coercion = row('coercion')?.cells[0];
    expect(coercion?.source).toBe('indicator');
    expect((await listLedger(t, clerk, 'enforcement.case', `${coercion?.link?.split('?')[1] ?? ''}&pageSize=1`)).total).toBe(coercion?.value);
    expect(row('normative')?.cells.map((c) => c.source)).toEqual(['indicator', 'indicator', 'indicator']);
    expect(row('normative')?.cells[0]?.link).toMatch(/^\/ledgers\/normdocs\.document\?/);
    expect(row('licence')?.cells[0]).toMatchObject({ source: 'manual' });
    expect(row('fees')?.cells[0]?.note).toContain('手工填报');
  });

  it('keeps the narrative editable until finalised, then publishes it', async () => {
    const put = await t.request(clerk, { method: 'PUT', url: '/api/disclosure/report', payload: { org: OWN_TOWN, year: lastYear, narrative: { other: ['本年度未收取信息处理费。测试段落。'] }, manual: { 'fees:0': 0 } } });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as { report: DisclosureReport }).report.sections[5]?.paragraphs).toEqual(['本年度未收取信息处理费。测试段落。']);
    expect((await t.request(clerk, { method: 'POST', url: '/api/disclosure/report/finalise', payload: { org: OWN_TOWN, year: lastYear } })).statusCode).toBe(403);
    expect((await t.request(leader, { method: 'POST', url: '/api/disclosure/report/publish', payload: { org: OWN_TOWN, year: lastYear } })).statusCode).toBe(422);
    // a blank cell is refused, naming it; nil figures are typed in as 0
    const blank = (await report(clerk)).report.sections.flatMap((sec) => sec.table?.rows.flatMap((r) => r.cells.filter((c) => c.value === null && c.key)) ?? []);
    expect(blank.length).toBeGreaterThan(0);
    const refused = await t.request(leader, { method: 'POST', url: '/api/disclosure/report/finalise', payload: { org: OWN_TOWN, year: lastYear } });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(`尚有${blank.length}个必填单元格未填写`);
    expect(refused.body).toContain('行政许可');
    const filled = await t.request(clerk, { method: 'PUT', url: '/api/disclosure/report', payload: { org: OWN_TOWN, year: lastYear, manual: Object.fromEntries(blank.map((c) => [c.key, 0])) } });
    expect(filled.statusCode, filled.body).toBe(200);
    const fin = await t.request(leader, { method: 'POST', url: '/api/disclosure/report/finalise', payload: { org: OWN_TOWN, year: lastYear } });
    expect(fin.statusCode, fin.body).toBe(200);
    expect((fin.json() as { draft: { status: string } }).draft.status).toBe('final');
    expect((await t.request(clerk, { method: 'PUT', url: '/api/disclosure/report', payload: { org: OWN_TOWN, year: lastYear, narrative: { other: ['改'] } } })).statusCode).toBe(409);
    expect((await t.request(leader, { method: 'POST', url: '/api/disclosure/report/publish', payload: { org: OWN_TOWN, year: lastYear } })).statusCode).toBe(200);
    const list = (await t.request(null, { method: 'GET', url: `/api/public/disclosure/reports?org=${OWN_TOWN}` })).json() as { items: Array<{ id: number; year: number }> };
    const pub = list.items.find((x) => x.year === lastYear);
    expect(pub).toBeDefined();
    const body = (await t.request(null, { method: 'GET', url: `/api/public/disclosure/reports/${String(pub?.id)}` })).json() as DisclosureReport;
    expect(body.sections[5]?.paragraphs).toEqual(['本年度未收取信息处理费。测试段落。']);
    expect(JSON.stringify(body)).not.toContain('"ids"');
  });
});

describe('reply letters', () => {
  it('are numbered in sequence per town and year, once per application', async () => {
    const answered = (await listLedger(t, clerk, 'disclosure.application', `f.answered_on.from=${thisYear - 1}-01-01&f.answered_on.to=${thisYear - 1}-12-31&pageSize=3`)).items;
    expect(answered.length).toBeGreaterThanOrEqual(2);
    const letter = (id: number) => t.request(clerk, { method: 'POST', url: `/api/disclosure/applications/${id}/reply-letter` });
    const first = await letter(answered[0]?.id ?? 0);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(first.headers['x-doc-number']))).toBe(`城关政信答〔${lastYear}〕1号`);
    expect(decodeURIComponent(String((await letter(answered[1]?.id ?? 0)).headers['x-doc-number']))).toBe(`城关政信答〔${lastYear}〕2号`);
    expect(decodeURIComponent(String((await letter(answered[0]?.id ?? 0)).headers['x-doc-number']))).toBe(`城关政信答〔${lastYear}〕1号`);
    const pending = (await listLedger(t, clerk, 'disclosure.application', 'f.answered_on.present=0&pageSize=1')).items[0];
    if (pending) expect((await letter(pending.id)).statusCode).toBe(422);
  });
});

describe('补正 within 7 working days of receipt (政府信息公开条例 art. 30)', () => {
  const apply = async (no: string): Promise<number> => {
    const created = await createRecord(t, clerk, 'disclosure.application', { orgCode: '999001001000-01', channel: '当面提交', submitted_on: '2025-09-28', applicant_kind: '自然人', applicant_name: '测试申请人', subject: `申请公开测试信息${no}`, content: '测试' });
    expect(created.statusCode, created.body).toBe(200);
    return (created.json() as { id: number }).id;
  };
  const version = async (id: number): Promise<number> => ((await t.request(clerk, { method: 'GET', url: `/api/ledgers/disclosure.application/${id}/timeline` })).json() as { version: number }).version;

  it('refuses a 补正 asked after the 7th working day, naming the field and the last day', async () => {
    // received Sunday 2025-09-28 (a make-up working day): 9/29, 9/30, (National Day) 10/9, 10/10, 10/11 (make-up), 10/13, 10/14
    const id = await apply('城关依申〔2025〕T02号');
    const late = await t.request(clerk, { method: 'POST', url: `/api/ledgers/disclosure.application/${id}/transitions/request_supplement`, payload: { supplement_requested_on: '2025-10-15', supplement_items: '请说明所申请信息的名称或文号', supplement_due_on: '2025-10-31', version: await version(id) } });
    expect(refusal(late)).toContainEqual(expect.objectContaining({ path: 'supplement_requested_on', message: expect.stringContaining('告知补正日期：应在收到申请之日起7个工作日内（最迟2025-10-14）') as unknown }));
    const edit = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/disclosure.application/${id}`, payload: { supplement_requested_on: '2025-10-20', version: await version(id) } });
    // the same through an edit of the record: the date belongs to the 告知补正 step
    expect(edit.statusCode, edit.body).toBe(403);
    expect(edit.body).toContain('“告知补正日期”由“告知补正”环节填写');
    const onTime = await t.request(clerk, { method: 'POST', url: `/api/ledgers/disclosure.application/${id}/transitions/request_supplement`, payload: { supplement_requested_on: '2025-10-14', supplement_items: '请说明所申请信息的名称或文号', supplement_due_on: '2025-10-31', version: await version(id) } });
    expect(onTime.statusCode, onTime.body).toBe(200);
  });
});

describe('the live answer clock', () => {
  it('pauses on a 补正 request and restarts on the completed application', async () => {
    const created = await createRecord(t, clerk, 'disclosure.application', { orgCode: '999001001000-01', channel: '邮寄（需签收）', submitted_on: '2025-09-26', signed_on: '2025-09-28', applicant_kind: '自然人', applicant_name: '测试申请人', subject: '申请公开测试信息', content: '测试' });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as { id: number }).id;
    const base = `/api/ledgers/disclosure.application/${id}`;
    type Timeline = { version: number; state: string; clocks: Array<{ id: string; due: string | null; status: string }> };
    const timeline = async (): Promise<Timeline> => (await t.request(clerk, { method: 'GET', url: `${base}/timeline` })).json() as Timeline;
    expect((await timeline()).clocks.find((c) => c.id === 'answer')?.due).toBe('2025-10-31');
    const ask = await t.request(clerk, { method: 'POST', url: `${base}/transitions/request_supplement`, payload: { supplement_requested_on: '2025-09-30', supplement_items: '请说明所申请信息的名称或文号', supplement_due_on: '2025-10-20', version: (await timeline()).version } });
    expect(ask.statusCode, ask.body).toBe(200);
    expect((await timeline()).clocks.find((c) => c.id === 'answer')).toMatchObject({ status: 'paused', due: null });
    const back = await t.request(clerk, { method: 'POST', url: `${base}/transitions/supplement_received`, payload: { supplement_received_on: '2025-10-14', version: (await timeline()).version } });
    expect(back.statusCode, back.body).toBe(200);
    const after = await timeline();
    expect(after.state).toBe('received');
    expect(after.clocks.find((c) => c.id === 'answer')).toMatchObject({ status: 'running', due: '2025-11-11' });
  });
});
