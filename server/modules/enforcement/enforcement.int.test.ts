import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../common/validators.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { systemActor, type Ctx } from '../../platform/http/context.ts';
import { syncLedgerTables } from '../../platform/ledger/ledger.schema.ts';
import { subtreeCodes } from '../../platform/orgs/org.repository.ts';
import { adoptRecords } from '../../platform/workflow/workflow.service.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listDistinct, listLedger, listTotal, moduleIndicators } from '../../test/ledger-client.ts';
import { modules } from '../index.ts';
import { runDraw } from './draw.algorithm.ts';
import { caseLedger } from './enforcement.ledgers.ts';
import { enforcementModule } from './enforcement.module.ts';
import type { DrawRecord, PublicDecision } from './enforcement.service.ts';
import { daysAgo, today } from '../../test/dates.ts';

const CASES = 'enforcement.case';
const TOWN = '999001001000';
let t: TestApp;
let clerk: string;
let leader: string;
let legal: string;
let county: string;
/** two officers of the town's 执法检查人员名录库 (行政处罚法 art. 42) */
let officers: Record<string, string> = {};

beforeAll(async () => {
  // the shared demo template holds every registered module; until this one is registered its demo is seeded here
  const registered = modules.some((m) => m.name === 'enforcement');
  t = await startTestApp({ modules: registered ? modules : [...modules, enforcementModule] });
  if (!registered) {
    const platform = t.platform;
    // the template brings only the registered modules' tables: add this module's
    await migrateToLatest(platform.db, Object.assign({}, ...[...modules, enforcementModule].map((m) => m.migrations ?? {})));
    await syncLedgerTables(platform.db, enforcementModule.ledgers ?? []);
    await platform.db.transaction().execute(async (tx) => {
      const ctx: Ctx = { actor: systemActor, ip: '127.0.0.1', tx, now: new Date(), cipher: platform.cipher, scope: { root: '999001000000', codes: await subtreeCodes(tx, '999001000000') } };
      await enforcementModule.demo?.(ctx, platform);
      await adoptRecords(ctx, caseLedger);
    });
  }
  clerk = await t.login('clerk');
  leader = await t.login('leader');
  legal = await t.login('legal');
  county = await t.login('county');
  const [a, b] = (await listLedger(t, clerk, 'enforcement.inspector', `org=${TOWN}&f.in_pool=true&pageSize=2`)).items;
  officers = { officer1_name: String(a?.values['name']), officer1_cert: String(a?.values['cert_no']), officer2_name: String(b?.values['name']), officer2_cert: String(b?.values['cert_no']) };
}, 240_000);
afterAll(async () => t.close());

const go = (cookie: string, id: number, transition: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${CASES}/${id}/transitions/${transition}`, payload });
const problem = (res: { statusCode: number; body: string }): { code: string; detail: string } => json(res as never);

describe('enforcement demo data', () => {
  it('yields the three catalogs: 法定27、赋权54（自选39）、可委托50', async () => {
    const values = new Map((await moduleIndicators(t, county, 'enforcement', TOWN, new Date().getUTCFullYear())).map((v) => [v.id, v.value]));
    expect(values.get('enforcement.matters_statutory')).toBe(27);
    expect(values.get('enforcement.matters_delegated')).toBe(54);
    expect(values.get('enforcement.matters_self_selected')).toBe(39);
    expect(values.get('enforcement.matters_entrusted')).toBe(50);
    expect(values.get('enforcement.major_review_rate')).toBe(100);
    const pub = json<{ label: string; counts: Record<string, number>; items: unknown[] }>(await t.request(null, { method: 'GET', url: `/api/public/enforcement/matters?org=${TOWN}` }));
    expect(pub.label).toBe('2025版');
    expect(pub.counts).toEqual({ total: 131, statutory: 27, delegated: 54, selfSelected: 39, entrusted: 50 });
    expect(pub.items).toHaveLength(131);
  });

  it('counts what the linked ledger lists show, every figure and every part of it', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const values = await moduleIndicators(t, county, 'enforcement', TOWN, year);
    const counts = values.filter((v) => v.kind === 'count' && v.link);
    expect(counts.map((v) => v.id)).toEqual(expect.arrayContaining(['enforcement.cases', 'enforcement.cases_closed', 'enforcement.cases_open', 'enforcement.decisions', 'enforcement.decisions_by_kind', 'enforcement.publication_due', 'enforcement.published_in_time', 'enforcement.random_inspections', 'enforcement.major_decisions']));
    for (const v of counts) {
      expect(v.distinct ? await listDistinct(t, county, v.link ?? '', v.distinct) : await listTotal(t, county, v.link ?? ''), v.id).toBe(v.value);
      for (const b of v.breakdown) if (b.link) expect(await listTotal(t, county, b.link), `${v.id} ${b.label}`).toBe(b.value);
    }
    const get = (id: string) => values.find((v) => v.id === id);
    expect(get('enforcement.major_review_rate')?.value).toBe(100);
    // 顶格处罚: a few of the year's fines, not most of them
    expect(get('enforcement.top_penalties')?.value).toBeGreaterThan(0);
    expect(get('enforcement.top_penalty_share')?.value).toBeLessThan(30);
    // the demo draws each quarter: four draws last year, their tasks are the 双随机 inspections
    expect(get('enforcement.draws')?.value).toBe(4);
    expect(get('enforcement.random_inspections')?.value).toBeGreaterThanOrEqual(20);
    expect(get('enforcement.publication_due')?.value).toBeGreaterThan(0);
    // the demo publishes most decisions within the 7 working days; the rate is a real figure, not a constant
    expect(get('enforcement.publication_timeliness')?.value).toBeGreaterThan(50);
    expect(get('enforcement.publication_timeliness')?.value).toBeLessThanOrEqual(100);
  });
});

describe('三张清单 versions', () => {
  it('freezes the current matters as a named version, audited, once per label, shown on the public site', async () => {
    const reviewer = await t.login('reviewer');
    const refused = await t.request(clerk, { method: 'POST', url: '/api/enforcement/catalog-versions', payload: { label: '2026版', publishedOn: today } });
    expect(refused.statusCode).toBe(403);
    const res = await t.request(reviewer, { method: 'POST', url: '/api/enforcement/catalog-versions', payload: { label: '2026版', publishedOn: today, note: '调整后重新发布' } });
    expect(res.statusCode, res.body).toBe(200);
    const v = json<{ id: number; orgCode: string; counts: { total: number } }>(res);
    expect(v.counts.total).toBeGreaterThan(0);
    const again = await t.request(reviewer, { method: 'POST', url: '/api/enforcement/catalog-versions', payload: { label: '2026版', publishedOn: today } });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('已发布过');
    const future = await t.request(reviewer, { method: 'POST', url: '/api/enforcement/catalog-versions', payload: { label: '2099版', publishedOn: '2099-01-01' } });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('发布日期');
    const list = json<{ items: Array<{ id: number; label: string }> }>(await t.request(reviewer, { method: 'GET', url: '/api/enforcement/catalog-versions' })).items;
    expect(list.map((x) => x.label)).toContain('2026版');
    const pub = json<{ label: string; versions: Array<{ label: string }> }>(await t.request(null, { method: 'GET', url: `/api/public/enforcement/matters?org=${v.orgCode}` }));
    expect(pub.label).toBe('2026版');
    expect(pub.versions.map((x) => x.label)).toEqual(['2026版', '2025版']);
    const catalogs = json<{ items: Array<{ orgCode: string; label: string }> }>(await t.request(null, { method: 'GET', url: '/api/public/enforcement/catalogs' })).items;
    expect(catalogs.find((c) => c.orgCode === v.orgCode)?.label).toBe('2026版');
    const audit = await t.request(await t.login('auditor'), { method: 'GET', url: '/api/audit?entity=enforcement.catalog' });
    expect(audit.body).toContain('2026版');
  });

  it('has hundreds of inspections and tens of penalties per town last year', async () => {
    const year = new Date().getUTCFullYear() - 1;
    for (const town of ['999001001000', '999001002000', '999001003000']) {
      const inspections = await listLedger(t, county, CASES, `org=${town}&year=${year}&pageSize=1&f.case_type=行政检查`);
      const penalties = await listLedger(t, county, CASES, `org=${town}&year=${year}&pageSize=1&f.case_type=行政处罚`);
      expect(inspections.total, town).toBeGreaterThan(150);
      expect(penalties.total, town).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('a penalty case from 案源登记 to 结案 and 公示', () => {
  let id = 0;
  // the 案号 the system gave the case on registration
  let caseNo = '';
  let bench: { id: number; matter: number; min: number; max: number };
  const idNumber = makeIdNumber('999001', '1980-05-17', 3);

  it('is registered, filed, investigated and notified', async () => {
    const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0];
    bench = { id: Number(b?.id), matter: Number(b?.values['matter']), min: Number(b?.values['min_amount']), max: Number(b?.values['max_amount']) };
    const res = await createRecord(t, clerk, CASES, {
      orgCode: `${TOWN}-03`,
      case_type: '行政处罚',
      domain: '城管',
      matter: bench.matter,
      source: '投诉举报',
      registered_on: daysAgo(20),
      summary: '擅自占用城市道路摆摊设点案',
      party_kind: '个人',
      party_name: '王建国',
      party_id_number: idNumber,
      party_phone: '13912345678',
      party_address: '城关镇东街村12号',
    });
    expect(res.statusCode, res.body).toBe(200);
    id = json<{ id: number }>(res).id;
    caseNo = String(json<{ values: Record<string, unknown> }>(res).values['case_no']);
    expect(caseNo).toMatch(/^城关综执罚〔\d{4}〕\d+号$/);
    expect((await go(leader, id, 'file', { filed_on: daysAgo(19), ...officers })).statusCode).toBe(200);
    expect((await go(clerk, id, 'conclude_investigation', { investigated_on: daysAgo(18), facts: '当事人在东街占道经营，经责令仍未改正', proposed_kinds: ['罚款', '责令停产停业'], proposed_amount: 2000 })).statusCode).toBe(200);
    // 17 days before the decision below: past the 5-working-day hearing window even across the Spring Festival
    const notified = await go(clerk, id, 'notify', { notified_on: daysAgo(18), hearing_right_notified: true });
    expect(notified.statusCode, notified.body).toBe(200);
  });

  it('refuses the decision of a major case before the legality review', async () => {
    // 责令停产停业 is a 行政处罚法 art. 63 penalty: the case is 重大 by the system's reckoning, not by a tick
    const res = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload: { benchmark: bench.id, decided_on: daysAgo(1), decision_result: '罚款并责令停产停业', penalty_kinds: ['罚款', '责令停产停业'], amount: bench.min } });
    expect(res.statusCode, res.body).toBe(422);
    expect(problem(res).detail).toContain('法制审核');
  });

  it('refuses an amount outside the benchmark without a reason, then accepts it within', async () => {
    const review = await go(legal, id, 'legality_review', { review_on: daysAgo(5), review_opinion: '事实清楚，程序合法，同意', review_conclusion: '同意' });
    expect(review.statusCode, review.body).toBe(200);
    // a major case is decided by the heads collectively (行政处罚法第五十七条第二款)
    const deliberated = await go(leader, id, 'deliberate', { deliberated_on: daysAgo(4), deliberation_participants: '张镇长、王副镇长、李副镇长', deliberation_conclusion: '同意拟处理意见' });
    expect(deliberated.statusCode, deliberated.body).toBe(200);
    const outside = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload: { benchmark: bench.id, decided_on: daysAgo(1), decision_result: '罚款', penalty_kinds: ['罚款'], amount: bench.max + 500 } });
    expect(outside.statusCode, outside.body).toBe(422);
    expect(problem(outside).detail).toContain('裁量基准');
    // the generic transition route does not decide at all: the range must come from the catalog
    const generic = await go(leader, id, 'decide', { decided_on: daysAgo(1), decision_result: '罚款', penalty_kinds: ['罚款'], amount: bench.max + 500, benchmark_min: 0, benchmark_max: 9_999_999 });
    expect(generic.statusCode, generic.body).toBe(409);
    expect(problem(generic).detail).toContain('作出处罚决定');
    const tl = json<{ transitions: Array<{ name: string; dedicated: string | null }> }>(await t.request(leader, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` }));
    expect(tl.transitions.find((x) => x.name === 'decide')?.dedicated).toContain('裁量基准');
    // nor can the request widen the range on the dedicated route: it is taken from the catalog
    const ok = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload: { benchmark: bench.id, benchmark_max: 9_999_999, decided_on: daysAgo(1), decision_result: `给予警告，并处罚款${bench.min + 100}元`, penalty_kinds: ['警告', '罚款'], amount: bench.min + 100 } });
    expect(ok.statusCode, ok.body).toBe(200);
    const rec = json<{ values: Record<string, unknown>; state: string }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}` }));
    expect(rec.state).toBe('decided');
    expect(Number(rec.values['benchmark_max'])).toBe(bench.max);
    // nor through an edit: the range is copied from the chosen benchmark, so widening it by hand changes nothing,
    // and raising the fine above the real range still needs the reason
    const edit = async (values: Record<string, unknown>) => {
      const cur = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}` }));
      return t.request(clerk, { method: 'PUT', url: `/api/ledgers/${CASES}/${id}`, payload: { ...values, version: cur.version } });
    };
    // and the fine itself belongs to the decision step: a plain edit cannot change it (decision 0011)
    const widened = await edit({ benchmark_min: 0, benchmark_max: 9_999_999, amount: bench.max + 500 });
    expect(widened.statusCode, widened.body).toBe(403);
    expect(problem(widened).detail).toContain('“罚款金额（元）”由“当场处罚”或“作出处罚决定”环节填写');
    expect((await edit({ benchmark_max: 9_999_999 })).statusCode).toBe(403);
    const kept = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}` }));
    expect(Number(kept.values['benchmark_max'])).toBe(bench.max);
    // the publication deadline: 7 working days after the decision, at least 9 calendar days later
    expect(String(rec.values['publication_due_on']) > daysAgo(1)).toBe(true);
  });

  it('generates the 决定书 as DOCX with the case’s fields and a sequential 文号', async () => {
    // the decision got its 文号 when it was made: the 决定书 downloads at once (a download only reads)
    const res = await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents/decision` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const made = await t.request(clerk, { method: 'POST', url: `/api/enforcement/cases/${id}/documents/decision` });
    expect(made.statusCode, made.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['x-document-number']))).toBe(json<{ docNo: string }>(made).docNo);
    const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('王建国');
    expect(text).toContain(idNumber);
    expect(text).toContain(`${(bench.min + 100).toFixed(2)}元`);
    expect(text).toContain('行政处罚决定书');
    const docNo = decodeURIComponent(String(res.headers['x-document-number']));
    expect(docNo).toMatch(/^城关镇罚决字〔\d{4}〕第\d+号$/);
    expect(text).toContain(docNo);
    const again = await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents/decision` });
    expect(decodeURIComponent(String(again.headers['x-document-number']))).toBe(docNo);
    const docs = json<{ items: Array<{ kind: string; docNo: string | null; unavailable: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents` })).items;
    expect(docs.find((d) => d.kind === 'decision')?.docNo).toBe(docNo);
    expect(docs.find((d) => d.kind === 'service')?.unavailable).toContain('送达日期');
    // another document is made (and numbered) explicitly, by a role that may edit the case; until then it cannot be downloaded
    expect((await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents/notice` })).statusCode).toBe(409);
    expect((await t.request(await t.login('supervisor'), { method: 'POST', url: `/api/enforcement/cases/${id}/documents/notice` })).statusCode).toBe(403);
    expect((await t.request(clerk, { method: 'POST', url: `/api/enforcement/cases/${id}/documents/notice` })).statusCode).toBe(200);
    const notice = await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents/notice` });
    expect(notice.statusCode).toBe(200);
  });

  it('is served, executed, closed and published with personal data masked, then withdrawn with a reason', async () => {
    expect((await go(clerk, id, 'serve', { served_on: daysAgo(1), service_method: '直接送达' })).statusCode).toBe(200);
    expect((await go(clerk, id, 'publish', { published_on: today })).statusCode).toBe(200);
    const published = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}` }));
    expect(published.values['published_in_time']).toBe(true);
    expect((await go(clerk, id, 'execute', { executed_on: today, execution: '自觉履行' })).statusCode).toBe(200);
    const closed = await go(leader, id, 'close', { closed_on: today });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await t.request(clerk, { method: 'POST', url: `/api/enforcement/cases/${id}/documents/closing` })).statusCode).toBe(200);
    expect((await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents/closing` })).statusCode).toBe(200);

    const pub = await t.request(null, { method: 'GET', url: '/api/public/enforcement/decisions?pageSize=100' });
    expect(pub.statusCode).toBe(200);
    const item = json<{ items: PublicDecision[] }>(pub).items.find((d) => d.caseNo === caseNo);
    expect(item).toBeDefined();
    expect(item?.party).toBe('王**');
    expect(item?.partyIdNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(item?.partyPhone).toBe('139****5678');
    expect(pub.body).not.toContain(idNumber);
    expect(pub.body).not.toContain('13912345678');
    expect(item?.legalBasis).toContain('《');

    const withdrawn = await go(leader, id, 'unpublish', { publication_withdrawn_on: today, publication_withdrawn_reason: '当事人申请行政复议，决定被撤销', note: '决定被撤销' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = json<{ items: PublicDecision[] }>(await t.request(null, { method: 'GET', url: '/api/public/enforcement/decisions?pageSize=100' }));
    expect(after.items.some((d) => d.caseNo === caseNo)).toBe(false);
    const history = await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` });
    expect(history.body).toContain('撤回公示');
    // the 90-day clock ran from 立案 and the 7-working-day publication clock from the decision
    expect(history.body).toContain('处罚决定期限');
    expect(history.body).toContain('处罚决定公示期限');
  });

  it('lists publication deadlines in the 到期事项 view', async () => {
    // the first page of all deadlines holds whichever fall due first: ask for the enforcement ledger's
    const res = await t.request(county, { method: 'GET', url: '/api/deadlines?ledger=enforcement.case&pageSize=200' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const items = json<{ items: Array<{ ledger: string; clockLabel: string }> }>(res).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.ledger === 'enforcement.case')).toBe(true);
  });

  it('refuses a decision inside the party’s hearing window, naming the day from which it is allowed, unless waived in writing', async () => {
    const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: bench.matter, source: '日常巡查', registered_on: daysAgo(3), summary: '占道经营案', party_kind: '个人', party_name: '李四', party_id_number: makeIdNumber('999001', '1985-02-11', 7) });
    expect(res.statusCode, res.body).toBe(200);
    const other = json<{ id: number }>(res).id;
    expect((await go(leader, other, 'file', { filed_on: daysAgo(2), ...officers })).statusCode).toBe(200);
    expect((await go(clerk, other, 'conclude_investigation', { investigated_on: daysAgo(1), facts: '当事人占道经营', proposed_kinds: ['警告'] })).statusCode).toBe(200);
    expect((await go(clerk, other, 'notify', { notified_on: today })).statusCode).toBe(200);
    const tl = json<{ transitions: Array<{ name: string; notBefore: string | null; waitReason: string | null }> }>(await t.request(leader, { method: 'GET', url: `/api/ledgers/${CASES}/${other}/timeline` }));
    const waiting = tl.transitions.find((x) => x.name === 'decide');
    expect(waiting?.waitReason).toBe('当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条）');
    const [y, m, d] = String(waiting?.notBefore).split('-').map(Number);
    const payload = { benchmark: bench.id, decided_on: today, decision_result: `给予警告，并处罚款${bench.min}元`, penalty_kinds: ['警告', '罚款'], amount: bench.min };
    const early = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${other}/decide`, payload });
    expect(early.statusCode, early.body).toBe(422);
    expect(problem(early).detail).toContain(`当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条），${y}年${m}月${d}日起方可作出处罚决定`);
    expect((await go(clerk, other, 'waive', { rights_waived_on: today })).statusCode).toBe(200);
    const waived = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${other}/decide`, payload });
    expect(waived.statusCode, waived.body).toBe(200);
  });
});

describe('双随机、一公开', () => {
  it('draws targets and inspectors reproducibly, creates the tasks and publishes the draw', async () => {
    const matter = (await listLedger(t, clerk, 'enforcement.matter', 'f.matter_type=行政检查&f.domain=经营行为&f.matter_status=有效&pageSize=1')).items[0];
    const res = await t.request(clerk, { method: 'POST', url: '/api/enforcement/draws', payload: { title: '2026年第四季度经营行为抽查', matterId: matter?.id, targetCount: 5, perTarget: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    const committed = json<DrawRecord>(res);
    expect((await t.request(clerk, { method: 'POST', url: `/api/enforcement/draws/${committed.id}/freeze`, payload: {} })).statusCode).toBe(200);
    const drawn = await t.request(clerk, { method: 'POST', url: `/api/enforcement/draws/${committed.id}/draw` });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const draw = json<DrawRecord>(drawn);
    expect(draw.result).toHaveLength(5);
    expect(draw.caseIds).toHaveLength(5);
    const tasks = await listLedger(t, clerk, CASES, `f.draw_id=${draw.id}&pageSize=10`);
    expect(tasks.total).toBe(5);

    const listed = json<{ items: Array<{ id: number; seedHash: string }> }>(await t.request(null, { method: 'GET', url: '/api/public/enforcement/draws' })).items;
    expect(listed.find((d) => d.id === draw.id)?.seedHash).toBe(committed.seedHash);
    const pub = await t.request(null, { method: 'GET', url: `/api/public/enforcement/draws/${draw.id}` });
    expect(pub.statusCode).toBe(200);
    const p = json<DrawRecord & { verified: boolean }>(pub);
    expect(p.verified).toBe(true);
    expect(p.seed).toBe(draw.seed);
    // anyone re-running the published algorithm on the published inputs gets the same targets and inspectors
    expect(runDraw(String(p.seed), p.targets, p.inspectors, p.targetCount, p.perTarget)).toEqual(p.result);
  });

  it('warns of a party inspected by several bodies within 30 days', async () => {
    const res = await t.request(county, { method: 'GET', url: '/api/enforcement/alerts/repeated-inspections' });
    expect(res.statusCode).toBe(200);
    const items = json<{ items: Array<{ bodies: string[] }> }>(res).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.bodies.length >= 2)).toBe(true);
  });
});
