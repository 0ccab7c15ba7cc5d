import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../platform/settings.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { listLedger, listTotal, type Problem } from '../../test/ledger-client.ts';
import type { HomeItem } from '../../platform/module.ts';
import { modules } from '../index.ts';
import { frozenListText, runDraw } from './draw.algorithm.ts';
import type { DrawRecord, FinesGrowth, PublicBenchmarks, PublicDraw, PublicDrawSummary } from '../../../common/enforcement.types.ts';
import { FINES_GROWTH_SETTING } from './enforcement.fines.ts';
import { today } from '../../test/dates.ts';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
let t: TestApp;
let clerk: string;
let supervisor: string;
let matterId: number;
let domain: string;

beforeAll(async () => {
  t = await startTestApp({ modules });
  clerk = await t.login('clerk');
  supervisor = await t.login('supervisor');
  const m = (await listLedger(t, clerk, 'enforcement.matter', 'f.matter_type=行政检查&f.domain=城管&f.matter_status=有效&pageSize=1')).items[0];
  matterId = Number(m?.id);
  domain = String(m?.values['domain']);
}, 240_000);
afterAll(async () => t.close());

const post = (url: string, payload: Record<string, unknown> = {}) => t.request(clerk, { method: 'POST', url, payload });
const publicDraw = async (id: number): Promise<PublicDraw> => json<PublicDraw>(await t.request(null, { method: 'GET', url: `/api/public/enforcement/draws/${id}` }));
const publicList = async (): Promise<PublicDrawSummary[]> => json<{ items: PublicDrawSummary[] }>(await t.request(null, { method: 'GET', url: '/api/public/enforcement/draws' })).items;
const commit = async (title: string, extra: Record<string, unknown> = {}): Promise<DrawRecord> => {
  const res = await post('/api/enforcement/draws', { title, matterId, targetCount: 3, perTarget: 2, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return json<DrawRecord>(res);
};

describe('双随机 draws the operator cannot steer', () => {
  it('refuses a seed supplied by the operator, naming the field', async () => {
    const res = await post('/api/enforcement/draws', { title: '指定种子的抽取', matterId, targetCount: 3, perTarget: 2, seed: 'my-lucky-seed-68' });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors?.map((e) => e.path)).toContain('seed');
    expect(res.body).toContain('随机种子');
  });

  it('commits a system seed (hash only), freezes the list (hash), then reveals the seed and draws; anyone re-computes all three', async () => {
    const c = await commit('2026年城管领域专项抽查');
    expect(c.status).toBe('committed');
    expect(c.seed).toBeNull();
    expect(c.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.committedAt).not.toBeNull();
    // before the draw nobody — the public, the operator, the audit trail — sees the seed
    const early = await publicDraw(c.id);
    expect(early.seed).toBeNull();
    expect(early.seedHash).toBe(c.seedHash);
    expect(JSON.stringify(json(await t.request(clerk, { method: 'GET', url: '/api/enforcement/draws' })))).not.toMatch(/"seed":"[0-9a-f]/);
    const stored = await sql<{ seed: string }>`select seed from enforcement_draw where id = ${c.id}`.execute(t.platform.db);
    const secret = String(stored.rows[0]?.seed);
    expect(sha(secret)).toBe(c.seedHash);
    const audits = await sql<{ diff: unknown }>`select diff from audit_log where entity = 'enforcement.draw' and entity_id = ${String(c.id)}`.execute(t.platform.db);
    expect(JSON.stringify(audits.rows)).not.toContain(secret);
    // the draw cannot come before the list is frozen
    expect((await post(`/api/enforcement/draws/${c.id}/draw`)).statusCode).toBe(409);

    const f = json<DrawRecord>(await post(`/api/enforcement/draws/${c.id}/freeze`));
    expect(f.status).toBe('frozen');
    expect(f.seed).toBeNull();
    expect(f.targets.length).toBeGreaterThanOrEqual(3);
    // only entities of the matter's domain, only inspectors qualified for it
    expect(f.targets.every((x) => x.domain === domain)).toBe(true);
    expect(f.inspectors.every((i) => i.qualifications.includes(domain))).toBe(true);
    expect(f.listHash).toBe(sha(frozenListText(f.targets, f.inspectors)));
    expect(new Date(String(f.frozenAt)).getTime()).toBeGreaterThanOrEqual(new Date(String(f.committedAt)).getTime());
    expect((await post(`/api/enforcement/draws/${c.id}/freeze`)).statusCode).toBe(409);

    const d = json<DrawRecord>(await post(`/api/enforcement/draws/${c.id}/draw`));
    expect(d.status).toBe('drawn');
    expect(d.seed).toBe(secret);
    expect(d.caseIds).toHaveLength(3);
    expect((await listLedger(t, clerk, 'enforcement.case', `f.draw_id=${c.id}&pageSize=10`)).total).toBe(3);
    const p = await publicDraw(c.id);
    expect(p.verified).toBe(true);
    expect(p.legacy).toBe(false);
    expect(p.checks).toEqual({ seedMatchesCommitment: true, listMatchesHash: true, resultReproduced: true });
    expect(sha(String(p.seed))).toBe(p.seedHash);
    expect(sha(frozenListText(p.targets, p.inspectors))).toBe(p.listHash);
    expect(runDraw(String(p.seed), p.targets, p.inspectors, p.targetCount, p.perTarget)).toEqual(p.result);
    // a made draw is not discarded: its tasks are handled as cases
    expect((await post(`/api/enforcement/draws/${c.id}/cancel`, { reason: '结果不理想，重新抽取' })).statusCode).toBe(409);
    expect((await post(`/api/enforcement/draws/${c.id}/draw`)).statusCode).toBe(409);
  });

  it('keeps a discarded attempt public with its reason and its seed', async () => {
    const c = await commit('作废的抽取尝试');
    expect((await post(`/api/enforcement/draws/${c.id}/cancel`, { reason: '' })).statusCode).toBe(400);
    const x = json<DrawRecord>(await post(`/api/enforcement/draws/${c.id}/cancel`, { reason: '名录库尚未录入本季度新登记的市场主体' }));
    expect(x.status).toBe('cancelled');
    const listed = (await publicList()).find((d) => d.id === c.id);
    expect(listed?.status).toBe('cancelled');
    expect(listed?.cancelReason).toBe('名录库尚未录入本季度新登记的市场主体');
    const p = await publicDraw(c.id);
    expect(p.verified).toBe(false);
    expect(sha(String(p.seed))).toBe(c.seedHash);
    expect(p.checks.seedMatchesCommitment).toBe(true);
    expect((await post(`/api/enforcement/draws/${c.id}/freeze`)).statusCode).toBe(409);
  });

  it('only draws entities of the matter’s domain: refuses another domain, and a list naming out-of-domain entities', async () => {
    const other = domain === '农业' ? '经营行为' : '农业';
    const res = await post('/api/enforcement/draws', { title: '跨领域抽取', matterId, targetCount: 3, perTarget: 2, domain: other });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors?.[0]?.path).toBe('domain');

    const c = await commit('指定名录的抽取');
    const own = (await listLedger(t, clerk, 'enforcement.target', `f.domain=${domain}&f.in_pool=1&pageSize=4`)).items;
    const foreign = (await listLedger(t, clerk, 'enforcement.target', `f.domain=${other}&pageSize=2`)).items;
    expect(foreign.length).toBe(2);
    const bad = await post(`/api/enforcement/draws/${c.id}/freeze`, { targetIds: [...own, ...foreign].map((x) => x.id) });
    expect(bad.statusCode).toBe(400);
    const problem = json<Problem & { detail: string }>(bad);
    expect(problem.errors?.[0]?.path).toBe('targetIds');
    for (const f of foreign) expect(bad.body).toContain(String(f.values['name']));
    // refused whole: the attempt is still only committed, and a proper list is accepted
    const ok = json<DrawRecord>(await post(`/api/enforcement/draws/${c.id}/freeze`, { targetIds: own.map((x) => x.id) }));
    expect(ok.targets.map((x) => x.id).sort()).toEqual(own.map((x) => x.id).sort());
  });

  it('keeps legacy draws readable and marks them: their seed was not committed in advance', async () => {
    const demo = (await publicList()).filter((d) => d.status === 'drawn');
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.every((d) => !d.legacy)).toBe(true);
    // a draw recorded before the commitment existed, as the migration leaves it
    const src = await publicDraw(demo[0]?.id as number);
    const row = await sql<{ id: number }>`insert into enforcement_draw (org_code, title, seed, target_count, per_target, max_per_inspector, targets, inspectors, result, matter_id, drawn_on, created_by, legacy, drawn_at)
      values (${src.orgCode}, '旧流程抽取', 'chosen-by-operator', ${src.targetCount}, ${src.perTarget}, 0, ${JSON.stringify(src.targets)}, ${JSON.stringify(src.inspectors)}, ${JSON.stringify(runDraw('chosen-by-operator', src.targets, src.inspectors, src.targetCount, src.perTarget))}, ${src.matterId}, ${today}, 'clerk', true, now()) returning id`.execute(t.platform.db);
    const p = await publicDraw(Number(row.rows[0]?.id));
    expect(p.legacy).toBe(true);
    expect(p.seed).toBe('chosen-by-operator');
    expect(p.checks.resultReproduced).toBe(true);
    expect(p.checks.seedMatchesCommitment).toBeNull();
    expect(p.verified).toBe(false);
  });
});

describe('裁量基准公开', () => {
  it('lists each matter’s benchmarks per town without login, as the ledger holds them', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/public/enforcement/benchmarks' });
    expect(res.statusCode).toBe(200);
    const b = json<PublicBenchmarks>(res);
    expect(b.orgs.length).toBeGreaterThanOrEqual(2);
    const town = b.orgs.find((o) => o.code === '999001001000');
    expect(town).toBeDefined();
    const one = json<PublicBenchmarks>(await t.request(null, { method: 'GET', url: '/api/public/enforcement/benchmarks?org=999001001000' }));
    expect(one.orgName).toBe(town?.name);
    const ledger = await listLedger(t, clerk, 'enforcement.benchmark', 'pageSize=1');
    expect(one.items.reduce((n, m) => n + m.benchmarks.length, 0)).toBe(ledger.total);
    const first = one.items[0];
    expect(first?.benchmarks.length).toBeGreaterThan(0);
    expect(first?.benchmarks[0]?.level).toBe('不予处罚');
    expect((await t.request(null, { method: 'GET', url: '/api/public/enforcement/benchmarks?org=abc' })).statusCode).toBe(400);
  });
});

describe('罚款同比预警', () => {
  const growth = async (): Promise<FinesGrowth[]> => json<{ items: FinesGrowth[] }>(await t.request(supervisor, { method: 'GET', url: '/api/enforcement/alerts/fines-growth' })).items;
  const home = async (cookie: string): Promise<HomeItem[]> => {
    const res = await t.request(cookie, { method: 'GET', url: '/api/home' });
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ items?: HomeItem[]; modules?: Array<{ items: HomeItem[] }> }>(res);
    return body.items ?? (body.modules ?? []).flatMap((m) => m.items);
  };

  it('compares the county’s and each town’s fines this year to date with the same period last year', async () => {
    const list = await growth();
    const county = list.find((g) => g.county);
    expect(county?.threshold).toBe(20);
    expect(county?.from).toBe(`${today.slice(0, 4)}-01-01`);
    expect(county?.lastTo).toBe(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
    const towns = list.filter((g) => !g.county);
    expect(towns.length).toBeGreaterThanOrEqual(3);
    // the county is the sum of its parts (the county's own bureau included)
    expect(county?.amount).toBeGreaterThanOrEqual(towns.reduce((n, g) => n + g.amount, 0) - 0.01);
    const sum = await sql<{ n: string }>`select coalesce(sum(amount), 0) as n from enforcement_case where status = 'active' and case_type = '行政处罚' and revoked_on is null and decided_on >= ${county?.from} and decided_on <= ${today}`.execute(t.platform.db);
    expect(county?.amount).toBeCloseTo(Number(sum.rows[0]?.n), 2);
  });

  it('warns the county supervisor when growth passes the setting, linking to the cases counted; never a town clerk', async () => {
    const town = (await growth()).find((g) => !g.county && g.lastAmount > 0);
    expect(town).toBeDefined();
    if (!town) return;
    // a threshold just under the town's growth raises the alert; one above it does not
    const below = Math.max(0.1, (town.growth ?? 0) - 1);
    if ((town.growth ?? 0) <= 0.1) {
      // make this year's figure grow: a fixture change, read back through the same computation
      await sql`update enforcement_case set amount = amount + ${town.lastAmount} where id = (select id from enforcement_case where org_code like ${`${town.orgCode}%`} and case_type = '行政处罚' and revoked_on is null and amount > 0 and decided_on >= ${town.from} order by id limit 1)`.execute(t.platform.db);
    }
    const now = (await growth()).find((g) => g.orgCode === town.orgCode) as FinesGrowth;
    await setSetting(t.platform.db, FINES_GROWTH_SETTING, Math.max(0.1, Math.min(below, (now.growth ?? 1) - 0.5)));
    const items = await home(supervisor);
    const alert = items.find((i) => i.key === `enforcement.fines_growth.${town.orgCode}`);
    expect(alert?.tone).toBe('warning');
    expect(alert?.label).toContain(`${now.growth}%`);
    expect(alert?.label).toContain(now.orgName);
    expect(await listTotal(t, supervisor, String(alert?.link))).toBe(alert?.count);
    expect((await home(clerk)).some((i) => i.key.startsWith('enforcement.fines_growth'))).toBe(false);
    await setSetting(t.platform.db, FINES_GROWTH_SETTING, (now.growth ?? 0) + 1);
    expect((await home(supervisor)).some((i) => i.key === `enforcement.fines_growth.${town.orgCode}`)).toBe(false);
    await setSetting(t.platform.db, FINES_GROWTH_SETTING, 20);
  });
});
