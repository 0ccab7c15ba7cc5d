import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reconciliation, StatsLayout, StatsView } from '../../../common/enforcement-stats.types.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, listTotal } from '../../test/ledger-client.ts';
import { buildStatsTable } from './stats.build.ts';
import { DEFAULT_LAYOUT } from './stats.layout.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { idNumber, rng } from '../../demo/fake.ts';

let t: TestApp;
const thisYear = Number(chinaDate(new Date()).slice(0, 4));
const lastYear = thisYear - 1;
const TOWN = '999001001000';

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function openStats(cookie: string, year: number, org = TOWN): Promise<StatsView> {
  const res = await t.request(cookie, { method: 'POST', url: '/api/reports/enforcement-stats', payload: { year, org } });
  expect(res.statusCode, res.body).toBe(200);
  return view(cookie, json<{ id: number }>(res).id);
}
async function view(cookie: string, id: number): Promise<StatsView> {
  const res = await t.request(cookie, { method: 'GET', url: `/api/reports/enforcement-stats/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<StatsView>(res);
}
const cell = (v: StatsView, row: string, col = 'count') => v.table.rows.find((r) => r.key === row)?.cells.find((c) => c.col === col);

describe('the statistics report from the records', () => {
  it('counts each behaviour type from its ledger, says 本系统未登记 where there is none, and follows a new record', async () => {
    const clerk = await t.login('clerk');
    const draft = await openStats(clerk, thisYear);
    expect(draft.table.layoutVersion).toBe(1);
    // each figure bound to a plain count opens the very records it counts
    for (const row of ['penalty', 'coercion', 'inspection_cases', 'inspection_random', 'enterprise']) {
      const c = cell(draft, row);
      expect(c?.source, row).toBe('indicator');
      expect(c?.link, row).toBeTruthy();
      expect(await listTotal(t, clerk, c?.link ?? ''), row).toBe(c?.value);
    }
    // 许可、征收、征用: no ledger here, so no figure — never a 0
    for (const row of ['licence', 'levy', 'requisition']) {
      expect(cell(draft, row)?.value, row).toBeNull();
      expect(cell(draft, row)?.note, row).toContain('本系统未登记');
    }
    const html = (await t.request(clerk, { method: 'GET', url: `/api/reports/enforcement-stats/${draft.id}/export?format=html` })).body;
    expect(html).toContain('本系统未登记');
    expect(html).toContain('行政征用');
    // one more 行政检查 registered today: the figure follows
    const before = cell(draft, 'inspection_cases')?.value ?? 0;
    const matter = (await listLedger(t, clerk, 'enforcement.matter', 'f.matter_type=行政检查&f.matter_status=有效&pageSize=1')).items[0];
    const created = await createRecord(t, clerk, 'enforcement.case', { case_type: '行政检查', domain: matter?.values['domain'], matter: matter?.id, source: '日常巡查', registered_on: chinaDate(new Date()), summary: '对流动摊贩经营行为开展日常检查', party_kind: '个人', party_name: '王某某', party_id_number: idNumber(rng('stats-inspection')) });
    expect(created.statusCode, created.body).toBe(200);
    expect(cell(await view(clerk, draft.id), 'inspection_cases')?.value).toBe(before + 1);
  });

  it('checks the table: 合计 = sum of parts, a part no larger than its whole, the rate from its parts', () => {
    const v = (id: string, value: number, breakdown: Array<[string, number]> = []): IndicatorValue => ({ id, kind: 'count', label: id, unit: '件', value, breakdown: breakdown.map(([label, n]) => ({ label, value: n, link: null })), recordCount: value, link: null, ledger: null });
    const values = new Map(
      [
        v('enforcement.decisions', 10),
        v('enforcement.decisions_by_procedure', 10, [['一般程序', 6], ['简易程序', 3]]),
        v('enforcement.decisions_by_kind', 14, [['罚款', 11], ['警告', 3]]),
        v('enforcement.enterprise_inspections', 8, [['日常', 5], ['专项', 2], ['个案', 1]]),
        v('enforcement.enterprise_inspected', 4),
        v('enforcement.enterprise_inspection_frequency', 2),
      ].map((x) => [x.id, x]),
    );
    const table = buildStatsTable({ ...DEFAULT_LAYOUT, version: 1 }, values, {});
    const failed = table.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.message);
    expect(failed).toEqual([expect.stringContaining('“作出行政处罚决定”数量为10，“其中：一般程序”数量、“其中：简易程序（当场处罚）”数量之和为9'), expect.stringContaining('“其中：罚款”数量为11，大于“作出行政处罚决定”数量10')]);
    expect(table.checks.find((c) => c.id === 'table.enterprise.kinds')?.ok).toBe(true);
    expect(table.checks.find((c) => c.id === 'table.enterprise.frequency')?.ok).toBe(true);
    // a rule over a cell with no source is not passed silently
    expect(table.checks.find((c) => c.id === 'table.penalty.confiscation')?.message).toContain('无记录来源');
  });

  it('refuses to submit a table whose adjusted cell breaks 合计, and freezes it once the checks pass', async () => {
    const leader = await t.login('leader');
    const draft = await view(leader, (await openStats(leader, thisYear)).id);
    const total = cell(draft, 'penalty')?.value ?? 0;
    const adjusted = await t.request(leader, { method: 'PUT', url: `/api/reports/enforcement-stats/${draft.id}`, payload: { overrides: { 'penalty:count': { value: total + 5, reason: '补录纸质案卷五件' } }, version: draft.version } });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    const refused = await t.request(leader, { method: 'POST', url: `/api/reports/enforcement-stats/${draft.id}/submit`, payload: { version: json<StatsView>(adjusted).version } });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('一般程序');
    // a cell with no source cannot be given a figure
    const none = await t.request(leader, { method: 'PUT', url: `/api/reports/enforcement-stats/${draft.id}`, payload: { overrides: { 'levy:count': { value: 3, reason: '乡镇征收补偿' } }, version: json<StatsView>(adjusted).version } });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('本系统未登记');
    const restored = await t.request(leader, { method: 'PUT', url: `/api/reports/enforcement-stats/${draft.id}`, payload: { overrides: {}, version: json<StatsView>(adjusted).version } });
    const ok = await t.request(leader, { method: 'POST', url: `/api/reports/enforcement-stats/${draft.id}/submit`, payload: { version: json<StatsView>(restored).version } });
    expect(ok.statusCode, ok.body).toBe(200);
    const frozen = await view(leader, draft.id);
    expect(frozen.status).toBe('submitted');
    expect(frozen.versions[0]?.versionNo).toBe(1);
  });
});

describe('the layout as versioned data', () => {
  it('publishes a new version without touching the old; drafts keep the version they were drawn on', async () => {
    const county = await t.login('county');
    const clerk2 = await t.login('clerk2');
    const older = await openStats(clerk2, thisYear, '999001002000');
    const current = json<{ items: StatsLayout[] }>(await t.request(county, { method: 'GET', url: '/api/reports/enforcement-stats/layouts' })).items[0] as StatsLayout;
    const { version: _v, createdAt: _c, createdBy: _b, note: _n, ...content } = current;
    const next = { ...content, title: '行政执法统计年报表（省2027版）', note: '省司法厅调整表式：增列首违不罚为行政处罚的其中项', rows: content.rows.map((r) => (r.key === 'penalty_exempt' ? { ...r, label: '其中：首违不罚', indent: 1 } : r)) };
    expect((await t.request(clerk2, { method: 'POST', url: '/api/reports/enforcement-stats/layouts', payload: next })).statusCode).toBe(403);
    const bad = await t.request(county, { method: 'POST', url: '/api/reports/enforcement-stats/layouts', payload: { ...next, rows: [...next.rows, { key: 'fees', group: '行政征收', label: '收费金额', unit: '元', cells: { amount: { indicator: 'finance.fees' } } }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('指标 finance.fees 不存在');
    const published = await t.request(county, { method: 'POST', url: '/api/reports/enforcement-stats/layouts', payload: next });
    expect(published.statusCode, published.body).toBe(200);
    const all = json<{ items: StatsLayout[] }>(await t.request(county, { method: 'GET', url: '/api/reports/enforcement-stats/layouts' })).items;
    expect(all.map((l) => l.version)).toEqual([2, 1]);
    expect(all[1]?.rows.find((r) => r.key === 'penalty_exempt')?.label).toBe('首违不罚');
    expect((await view(clerk2, older.id)).table.layoutVersion).toBe(1);
    const newer = await openStats(clerk2, lastYear - 1, '999001002000');
    expect(newer.table.layoutVersion).toBe(2);
    expect(newer.table.rows.find((r) => r.key === 'penalty_exempt')?.label).toBe('其中：首违不罚');
  });
});

describe('the three reports reconciled', () => {
  it('agree on the demo, and a hand-edited figure is a failed check naming both places', async () => {
    const county = await t.login('county');
    const clerk3 = await t.login('clerk3');
    const org = '999001003000';
    const before = json<Reconciliation>(await t.request(county, { method: 'GET', url: `/api/reports/reconciliation?org=${org}&year=${lastYear}` }));
    expect(before.facts.map((f) => f.problems).flat()).toEqual([]);
    expect(before.ok).toBe(true);
    const penalty = before.facts.find((f) => f.id === 'penalty_decisions');
    expect(penalty?.places.map((p) => p.report)).toEqual(['annual', 'disclosure', 'stats']);
    expect(penalty?.places.find((p) => p.report === 'stats')?.edition).toContain('第1版');

    // the town's 法治 report: its text quotes the live field; writing a number over it is caught
    const created = await t.request(clerk3, { method: 'POST', url: '/api/reports/annual', payload: { year: lastYear } });
    const draftId = json<{ id: number }>(created).id;
    const draft = json<{ version: number; content: { sections: Array<{ items: Array<{ text: string }> }> } }>(await t.request(clerk3, { method: 'GET', url: `/api/reports/annual/${draftId}` }));
    const content = structuredClone(draft.content);
    for (const s of content.sections) for (const it of s.items) it.text = it.text.replace('{{enforcement.decisions}}', '99');
    const saved = await t.request(clerk3, { method: 'PUT', url: `/api/reports/annual/${draftId}`, payload: { content, version: draft.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = json<Reconciliation>(await t.request(county, { method: 'GET', url: `/api/reports/reconciliation?org=${org}&year=${lastYear}` }));
    const fact = after.facts.find((f) => f.id === 'penalty_decisions');
    expect(fact?.ok).toBe(false);
    expect(fact?.problems.join('\n')).toMatch(/法治政府建设年度报告“[^”]+”第\d+段（模板原为实时字段）.*台账指标（enforcement\.decisions）/);
    // and the annual draft's own checks carry it as a warning
    const checks = json<{ checks: Array<{ id: string; severity: string; message: string }> }>(await t.request(clerk3, { method: 'GET', url: `/api/reports/annual/${draftId}` })).checks;
    expect(checks.find((c) => c.id.startsWith('reconcile.penalty_decisions'))?.severity).toBe('warning');
  });

  it('names the statistics cell and the disclosure cell when one of them is adjusted by hand', async () => {
    const leader = await t.login('leader');
    const stats = await openStats(leader, thisYear);
    const id = stats.id;
    // the report was submitted above; a returned or new year's draft is editable: use a fresh year
    const older = await openStats(leader, lastYear - 2);
    const c = cell(older, 'coercion');
    const put = await t.request(leader, { method: 'PUT', url: `/api/reports/enforcement-stats/${older.id}`, payload: { overrides: { 'coercion:count': { value: (c?.value ?? 0) + 2, reason: '补录两件查封扣押决定' } }, version: older.version } });
    expect(put.statusCode, put.body).toBe(200);
    const r = json<Reconciliation>(await t.request(leader, { method: 'GET', url: `/api/reports/reconciliation?org=${TOWN}&year=${lastYear - 2}` }));
    const fact = r.facts.find((f) => f.id === 'coercion_decisions');
    expect(fact?.ok).toBe(false);
    expect(fact?.problems.join('\n')).toContain(`政府信息公开年报表二 第二十条第（六）项“行政强制”本年处理决定数量为${c?.value ?? 0}件，行政执法统计年报“作出行政强制决定”数量（手工调整）为${(c?.value ?? 0) + 2}件`);
    const own = json<StatsView>(put).table.checks.find((x) => x.id.startsWith('reconcile.coercion_decisions'));
    expect(own?.severity).toBe('warning');
    expect(id).toBeGreaterThan(0);
  });
});

describe('who may do what', () => {
  it('lets the county see the towns’ submitted reports and keeps a town out of another town’s', async () => {
    const county = await t.login('county');
    const rollup = json<{ rows: Array<{ orgCode: string; status: string }> }>(await t.request(county, { method: 'GET', url: `/api/reports/enforcement-stats/rollup?year=${lastYear}` }));
    for (const town of ['999001001000', '999001002000', '999001003000']) expect(['submitted', 'published'], town).toContain(rollup.rows.find((r) => r.orgCode === town)?.status);
    const clerk = await t.login('clerk');
    expect((await t.request(clerk, { method: 'GET', url: `/api/reports/enforcement-stats?org=999001002000&year=${lastYear}` })).statusCode).toBe(404);
    expect((await t.request(clerk, { method: 'GET', url: `/api/reports/reconciliation?org=999001002000&year=${lastYear}` })).statusCode).toBe(404);
    expect((await t.request(clerk, { method: 'GET', url: `/api/reports/enforcement-stats/rollup?year=${lastYear}` })).statusCode).toBe(403);
    const auditor = await t.login('auditor');
    expect((await t.request(auditor, { method: 'GET', url: `/api/reports/enforcement-stats?year=${lastYear}` })).statusCode).toBe(403);
    // a clerk drafts but does not submit
    const draft = await openStats(clerk, lastYear - 3);
    expect((await t.request(clerk, { method: 'POST', url: `/api/reports/enforcement-stats/${draft.id}/submit`, payload: { version: draft.version } })).statusCode).toBe(403);
  });
});
