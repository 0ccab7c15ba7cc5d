import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationSystem, RoundDetail, SystemItem, TaskProgress } from '../../../common/evaluation.types.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { leaves, pointsFor } from './evaluation.system.ts';

// the county's 考核 of its towns over HTTP, on the demo county (which carries last year's closed round)
let t: TestApp;
const cookies = new Map<string, string>();
const as = (u: string): string => cookies.get(u) ?? '';
const JUSTICE = '999001000000-01';
const TOWNS = ['999001001000', '999001002000', '999001003000'];
// the county's departments (组成部门): the 司法局 that holds the rounds, the 综合行政执法局, the 政府办
const DEPTS = ['999001000000-01', '999001000000-02', '999001000000-03'];
const thisYear = Number(today.slice(0, 4));
const lastYear = thisYear - 1;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['county', 'supervisor', 'clerk', 'clerk2', 'clerk3', 'leader']) cookies.set(u, await t.login(u));
});
afterAll(async () => {
  await t.close();
});

const get = (u: string, url: string) => t.request(as(u), { method: 'GET', url });
const post = (u: string, url: string, payload: Record<string, unknown> = {}) => t.request(as(u), { method: 'POST', url, payload });
const put = (u: string, url: string, payload: Record<string, unknown>) => t.request(as(u), { method: 'PUT', url, payload });
const messages = (body: string): string[] => (JSON.parse(body) as { errors?: Array<{ message: string }> }).errors?.map((e) => e.message) ?? [];

async function systems(): Promise<EvaluationSystem[]> {
  return json<{ items: EvaluationSystem[] }>(await get('county', '/api/evaluation/systems')).items;
}
async function demoRound(): Promise<RoundDetail> {
  const list = json<{ items: Array<{ id: number; state: string; values: Record<string, unknown> }> }>(await get('county', '/api/ledgers/evaluation.round'));
  const closed = list.items.find((r) => r.state === 'closed' && Number(r.values['year']) === lastYear);
  expect(closed).toBeDefined();
  return json<RoundDetail>(await get('county', `/api/evaluation/rounds/${closed?.id}`));
}
async function openRound(systemKey: string, unitScope?: string): Promise<number> {
  const sys = (await systems()).find((s) => s.key === systemKey);
  const res = await post('county', '/api/ledgers/evaluation.round', { orgCode: JUSTICE, title: `${thisYear}年度乡镇法治建设考核（测试）`, year: thisYear, period_end: `${thisYear}-12-31`, system_id: sys?.id, ...(unitScope ? { unit_scope: unitScope } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}

describe('考核评估', () => {
  it('the demo holds last year’s closed round: three towns ranked by total, each total the sum of its lines, frozen on the result records', async () => {
    const d = await demoRound();
    expect(d.closed).toBe(true);
    expect(d.unitScope).toBe('乡镇（街道）');
    expect(d.groupSizes).toEqual({ town: 3 });
    expect(d.units.map((u) => u.orgCode).sort()).toEqual(TOWNS);
    for (const u of d.units) {
      expect(u.total).toBeCloseTo(u.lines.reduce((x, l) => x + (l.points ?? 0), 0), 5);
      expect(u.state).toBe('closed');
      expect(Object.values(u.groups).reduce((x, g) => x + g, 0)).toBeCloseTo(u.total, 5);
    }
    const totals = d.units.map((u) => u.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(d.units.map((u) => u.rank)[0]).toBe(1);
    // hand scores carry their reason and the records behind them
    const hand = d.units.flatMap((u) => u.lines.filter((l) => l.kind === 'manual'));
    expect(hand.length).toBe(15);
    expect(hand.every((l) => l.reason && l.evidence.length > 0 && l.evidence.every((e) => e.href.startsWith('/ledgers/')))).toBe(true);
    // the objection was answered and the score adjusted (the earlier score kept)
    const objected = d.units.find((u) => u.objection);
    expect(objected?.objection?.reply).toBeTruthy();
    expect(objected?.lines.find((l) => l.code === '6.1.1')?.earlier).toBe(1);
  });

  it('computes each computed leaf from the unit’s own figure of the year, by the leaf’s rule', async () => {
    const d = await demoRound();
    const items = new Map(leaves(d.system.items).map((i) => [i.code, i]));
    let checked = 0;
    for (const u of d.units) {
      const figures = new Map(json<{ items: IndicatorValue[] }>(await get('county', `/api/indicators?org=${u.orgCode}&year=${lastYear}`)).items.map((v) => [v.id, v]));
      for (const l of u.lines.filter((x) => x.kind === 'computed')) {
        const item = items.get(l.code) as SystemItem;
        if (item.rule?.kind !== 'computed') throw new Error('computed leaf without rule');
        const v = figures.get(item.rule.indicator);
        expect(v, item.rule.indicator).toBeDefined();
        const none = v?.kind === 'ratio' && (v.denominator?.value ?? 0) === 0;
        expect(l.points, `${u.orgName} ${l.code}`).toBe(pointsFor(item.points, item.rule.scoring, none ? null : (v?.value ?? 0), item.rule.whenNone));
        if (!none) expect(l.valueText).toBe(`${Number.isInteger(v?.value) ? v?.value : Number(v?.value.toFixed(2))}${v?.unit}`);
        // no town of the demo has submitted last year's report: the figures are live, and say so
        expect(l.source).toBe('live');
        expect(l.sourceNote).toContain('台账实时数');
        checked++;
      }
    }
    expect(checked).toBe(3 * 22);
  });

  it('publishes indicator systems as validated versions; a round keeps the version it was opened on', async () => {
    const shifan = (await systems()).find((s) => s.key === 'shifan') as EvaluationSystem;
    const bad = await post('county', '/api/evaluation/systems', { key: 'shifan', title: '示范指标体系（修订）', items: [...shifan.items.slice(0, 3), { code: '1.1.3', parent: '1.1', label: '新增指标', points: 2, rule: { kind: 'computed', indicator: 'nosuch.figure', scoring: { type: 'threshold', min: 1 } } }] });
    expect(bad.statusCode).toBe(400);
    expect(messages(bad.body)).toEqual(expect.arrayContaining([expect.stringContaining('1.1的分值10与下级指标合计7不符'), expect.stringContaining('nosuch.figure不存在')]));
    expect((await post('supervisor', '/api/evaluation/systems', { key: 'shifan', title: '示范指标体系（修订）', items: shifan.items })).statusCode).toBe(403);
    const ok = await post('county', '/api/evaluation/systems', { key: 'shifan', title: '市县法治政府建设示范指标体系（节选，修订）', items: shifan.items.map((i) => (i.code === '4.2.1' ? { ...i, label: '企业平均受检次数不超过规定频次' } : i)) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<EvaluationSystem>(ok).version).toBe(shifan.version + 1);
    const d = await demoRound();
    expect(d.system.id).toBe(shifan.id);
    expect(d.system.items.find((i) => i.code === '4.2.1')?.label).not.toContain('规定频次');
  });

  it('lets only the county’s assessor score by hand, within the leaf’s points, with evidence for any deduction', async () => {
    const id = await openRound('county');
    const score = { orgCode: TOWNS[0], code: '3.3', points: 7, reason: '案卷评查有1份不合格案卷，扣3分', evidence: [{ label: '案卷评查', href: '/ledgers/supervision.review' }] };
    for (const u of ['supervisor', 'clerk', 'leader']) expect((await put(u, `/api/evaluation/rounds/${id}/scores`, score)).statusCode, u).toBe(403);
    const refused = await put('county', `/api/evaluation/rounds/${id}/scores`, { ...score, points: 11 });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('最多10分');
    expect(messages((await put('county', `/api/evaluation/rounds/${id}/scores`, { ...score, evidence: [] })).body)).toEqual([expect.stringContaining('扣分须附佐证材料')]);
    expect((await put('county', `/api/evaluation/rounds/${id}/scores`, { ...score, code: '2.1' })).body).toContain('自动计算');
    expect((await put('county', `/api/evaluation/rounds/${id}/scores`, { ...score, evidence: [{ label: '外部', href: 'https://example.com' }] })).statusCode).toBe(400);
    const ok = await put('county', `/api/evaluation/rounds/${id}/scores`, score);
    expect(ok.statusCode, ok.body).toBe(200);
    const line = json<RoundDetail>(ok).units.find((u) => u.orgCode === TOWNS[0])?.lines.find((l) => l.code === '3.3');
    expect(line).toMatchObject({ points: 7, source: 'hand', scoredBy: '周法明', reason: score.reason });
  });

  it('takes one objection per unit, refuses to close while it waits, closes and freezes, corrects only with a reason and a new version', async () => {
    const id = await openRound('county');
    const computed = json<RoundDetail>(await post('county', `/api/evaluation/rounds/${id}/compute`));
    expect(computed.units.every((u) => u.resultId !== null && u.lines.filter((l) => l.kind === 'computed').every((l) => l.points !== null))).toBe(true);
    const unit = computed.units.find((u) => u.orgCode === TOWNS[1]);
    const resultId = unit?.resultId ?? 0;
    // the unit sees its own result; another town does not
    expect((await get('clerk2', `/api/evaluation/results/${resultId}`)).statusCode).toBe(200);
    expect(json<RoundDetail>(await get('clerk2', `/api/evaluation/results/${resultId}`)).units.map((u) => u.orgCode)).toEqual([TOWNS[1]]);
    expect([403, 404]).toContain((await get('clerk3', `/api/evaluation/results/${resultId}`)).statusCode);
    expect((await get('clerk2', `/api/evaluation/rounds/${id}`)).statusCode).toBe(403);
    const reason = '我镇全年组织普法活动15次，活动记录已在平台登记，请复核普法项得分。';
    expect((await post('clerk2', `/api/evaluation/results/${resultId}/objection`, { reason: '不服' })).statusCode).toBe(400);
    const objected = await post('clerk2', `/api/evaluation/results/${resultId}/objection`, { reason });
    expect(objected.statusCode, objected.body).toBe(200);
    expect((await post('clerk2', `/api/evaluation/results/${resultId}/objection`, { reason })).statusCode).toBe(409);
    // every hand-scored leaf scored, still refused while the objection waits
    for (const org of TOWNS) for (const code of ['3.3', '4.3']) expect((await put('county', `/api/evaluation/rounds/${id}/scores`, { orgCode: org, code, points: 10, reason: '材料齐全，得满分' })).statusCode).toBe(200);
    const close = { closed_on: today, conclusion: '各乡镇法治建设任务完成较好，考核结果予以通报。' };
    const waiting = await post('county', `/api/evaluation/rounds/${id}/close`, close);
    expect(waiting.statusCode).toBe(422);
    expect(waiting.body).toContain('异议尚未答复');
    expect((await post('clerk2', `/api/evaluation/results/${resultId}/reply`, { reply: '维持' })).statusCode).toBe(403);
    expect((await post('county', `/api/evaluation/results/${resultId}/reply`, { reply: '经核对普法活动记录，该项已按满分计。' })).statusCode).toBe(200);
    const done = await post('county', `/api/evaluation/rounds/${id}/close`, close);
    expect(done.statusCode, done.body).toBe(200);
    const d = json<RoundDetail>(done);
    expect(d.closed).toBe(true);
    // frozen: no more scores, no more objections
    expect((await put('county', `/api/evaluation/rounds/${id}/scores`, { orgCode: TOWNS[0], code: '3.3', points: 9, reason: '考核结束后改分', evidence: [{ label: 'x', href: '/ledgers/supervision.review' }] })).statusCode).toBe(409);
    const other = d.units.find((u) => u.orgCode === TOWNS[2]);
    expect((await post('clerk3', `/api/evaluation/results/${other?.resultId}/objection`, { reason })).statusCode).toBe(409);
    // the result records carry the frozen total and rank
    const rec = json<{ values: Record<string, unknown>; state: string }>(await get('county', `/api/ledgers/evaluation.result/${other?.resultId}`));
    expect(rec.state).toBe('closed');
    expect(Number(rec.values['total'])).toBe(other?.total);
    expect(Number(rec.values['rank'])).toBe(other?.rank);
    // a correction needs its reason; it moves the total and keeps the earlier version of the result record
    expect((await post('county', `/api/evaluation/rounds/${id}/corrections`, { orgCode: TOWNS[2], code: '4.3', points: 6, reason: '' })).statusCode).toBe(400);
    const fixed = await post('county', `/api/evaluation/rounds/${id}/corrections`, { orgCode: TOWNS[2], code: '4.3', points: 6, reason: '复查发现普法活动记录有4次重复登记', evidence: [{ label: '普法活动', href: `/ledgers/publicity.activity?org=${TOWNS[2]}` }] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const after = json<RoundDetail>(fixed).units.find((u) => u.orgCode === TOWNS[2]);
    expect(after?.total).toBe((other?.total ?? 0) - 4);
    expect(after?.lines.find((l) => l.code === '4.3')).toMatchObject({ points: 6, correction: true, earlier: 1 });
    const versions = json<{ items: Array<{ n: number }> } | Array<{ n: number }>>(await get('county', `/api/ledgers/evaluation.result/${other?.resultId}/versions`));
    expect((Array.isArray(versions) ? versions : versions.items).length).toBeGreaterThanOrEqual(2);
    expect(Number(json<{ values: Record<string, unknown> }>(await get('county', `/api/ledgers/evaluation.result/${other?.resultId}`)).values['total'])).toBe(after?.total);
  });

  it('fixes 参评单位, the year and the system of a round once it has scores: a plain edit is refused naming them, other fields still change', async () => {
    type Rec = { version: number; values: Record<string, unknown>; lockedFields?: Record<string, string> };
    const record = async (id: number): Promise<Rec> => json<Rec>(await get('county', `/api/ledgers/evaluation.round/${id}`));
    const edit = (id: number, rec: Rec, values: Record<string, unknown>) => put('county', `/api/ledgers/evaluation.round/${id}`, { ...rec.values, ...values, version: rec.version });
    const updates = async (id: number): Promise<number> => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'evaluation.round' and entity_id = ${String(id)} and action = 'update'`.execute(t.platform.db)).rows[0]?.n);
    const id = await openRound('county', '乡镇（街道）');
    // before any score the round is still being set up: nothing is locked, 参评单位 changes by a plain edit
    expect((await record(id)).lockedFields ?? {}).toEqual({});
    const moved = await edit(id, await record(id), { unit_scope: '县直部门' });
    expect(moved.statusCode, moved.body).toBe(200);
    const back = await edit(id, await record(id), { unit_scope: '乡镇（街道）' });
    expect(back.statusCode, back.body).toBe(200);
    const computed = await post('county', `/api/evaluation/rounds/${id}/compute`);
    expect(computed.statusCode, computed.body).toBe(200);
    expect(json<RoundDetail>(computed).groupSizes).toEqual({ town: 3 });
    // the record says which fields are fixed and why (the edit form shows them read-only)
    const rec = await record(id);
    expect(Object.keys(rec.lockedFields ?? {}).sort()).toEqual(['period_end', 'system_id', 'unit_scope', 'year']);
    expect(rec.lockedFields?.['unit_scope']).toContain('本轮考核已有得分');
    expect(rec.lockedFields?.['unit_scope']).toContain('新建一轮考核');
    const audited = await updates(id);
    // 参评单位 from the towns to the departments: refused whole, naming the field and why; nothing saved, nothing audited
    const refused = await edit(id, rec, { unit_scope: '县直部门', title: `${String(rec.values['title'])}（改）` });
    expect(refused.statusCode).toBe(409);
    expect(messages(refused.body)).toEqual([expect.stringMatching(/^参评单位：本轮考核已有得分.*不能再修改/)]);
    const year = await edit(id, rec, { year: lastYear, period_end: `${lastYear}-12-31` });
    expect(year.statusCode).toBe(409);
    expect(messages(year.body).map((m) => m.split('：')[0])).toEqual(['考核年度', '考核期末']);
    const other = (await systems()).find((s) => s.key === 'shifan');
    const system = await edit(id, rec, { system_id: other?.id });
    expect(system.statusCode).toBe(409);
    expect(messages(system.body)).toEqual([expect.stringContaining('指标体系版本：')]);
    const after = await record(id);
    expect(after.version).toBe(rec.version);
    expect(after.values['unit_scope']).toBe('乡镇（街道）');
    expect(after.values['title']).toBe(rec.values['title']);
    expect(await updates(id)).toBe(audited);
    const d = json<RoundDetail>(await get('county', `/api/evaluation/rounds/${id}`));
    expect(d.unitScope).toBe('乡镇（街道）');
    expect(d.units.map((u) => u.orgCode).sort()).toEqual(TOWNS);
    // a field the scores do not depend on still changes, the locked ones sent back as they are
    const renamed = await edit(id, rec, { title: `${String(rec.values['title'])}（更名）` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await record(id)).values['title']).toContain('（更名）');
    expect(await updates(id)).toBe(audited + 1);
    // a hand score alone is a score too: the round it was given in is fixed as well
    const hand = await openRound('county', '乡镇（街道）');
    expect((await put('county', `/api/evaluation/rounds/${hand}/scores`, { orgCode: TOWNS[0], code: '3.3', points: 10, reason: '材料齐全，得满分' })).statusCode).toBe(200);
    const handRec = await record(hand);
    expect(handRec.lockedFields?.['unit_scope']).toContain('本轮考核已有得分');
    expect((await edit(hand, handRec, { unit_scope: '乡镇和县直部门' })).statusCode).toBe(409);
  });

  it('feeds the annual report: a town’s score and rank of the year, and the county’s rounds', async () => {
    const d = await demoRound();
    for (const u of d.units) {
      const v = json<{ indicator: IndicatorValue }>(await get('county', `/api/indicators/evaluation.score?org=${u.orgCode}&year=${lastYear}`)).indicator;
      expect(v.value).toBe(u.total);
      expect(json<{ indicator: IndicatorValue }>(await get('county', `/api/indicators/evaluation.rank?org=${u.orgCode}&year=${lastYear}`)).indicator.value).toBe(u.rank);
    }
    expect(json<{ indicator: IndicatorValue }>(await get('county', `/api/indicators/evaluation.rounds?org=999001000000&year=${lastYear}`)).indicator.value).toBe(1);
    // a year without a round counts nothing, so the report prints its `none` sentence
    expect(json<{ indicator: IndicatorValue }>(await get('county', `/api/indicators/evaluation.score?org=${TOWNS[0]}&year=${lastYear - 1}`)).indicator.value).toBe(0);
  });

  it('shows each unit’s task progress, with overdue tasks counted', async () => {
    const items = json<{ items: TaskProgress[] }>(await get('county', `/api/evaluation/tasks/progress?year=${thisYear}`)).items;
    expect(items.map((i) => i.orgCode)).toEqual(TOWNS);
    expect(items.reduce((x, i) => x + i.overdue, 0)).toBeGreaterThan(0);
    expect(items.every((i) => i.done + i.overdue <= i.total)).toBe(true);
    const own = json<{ items: TaskProgress[] }>(await get('clerk', `/api/evaluation/tasks/progress?year=${thisYear}`)).items;
    expect(own.map((i) => i.orgCode)).toEqual([TOWNS[0]]);
    expect((await get('county', '/api/evaluation/tasks/progress?year=abc')).body).toContain('年度');
    // tasks brought in with their completion date are done; the others wait, the overdue ones in 到期事项
    const done = json<{ total: number }>(await get('county', `/api/ledgers/evaluation.task?state=done&f.due_on.from=${thisYear}-01-01&f.due_on.to=${thisYear}-12-31`)).total;
    expect(done).toBe(items.reduce((x, i) => x + i.done, 0));
    const due = json<{ items: Array<{ clockLabel: string; overdue: boolean; orgName: string }> }>(await get('clerk', '/api/deadlines?ledger=evaluation.task&status=overdue&pageSize=200')).items;
    expect(due.length).toBe(own.reduce((x, i) => x + i.overdue, 0) + json<{ items: TaskProgress[] }>(await get('clerk', `/api/evaluation/tasks/progress?year=${lastYear}`)).items.reduce((x, i) => x + i.overdue, 0));
    expect(due.every((d) => d.clockLabel === '完成时限' && d.overdue)).toBe(true);
    // a county department's tasks are its own line (it is evaluated as a unit), not the county's
    const task = await post('county', '/api/ledgers/evaluation.task', { orgCode: '999001000000-02', list_name: `${thisYear}年度法治政府建设责任清单`, task_no: 'FZ-BM-001', content: '梳理本部门行政执法事项清单并向社会公布', category: '规范执法', due_on: `${thisYear}-12-31` });
    expect(task.statusCode, task.body).toBe(200);
    const after = json<{ items: TaskProgress[] }>(await get('county', `/api/evaluation/tasks/progress?year=${thisYear}`)).items;
    expect(after.map((i) => i.orgCode)).toEqual([...TOWNS, '999001000000-02'].sort());
    expect(after.find((i) => i.orgCode === '999001000000-02')).toEqual(expect.objectContaining({ orgName: '县综合行政执法局', total: 1, done: 0 }));
  });
});

/** an account in a county department with a role, logged in with its own password (an initial one is changed first) */
async function departmentUser(username: string, orgCode: string, roles: string[]): Promise<string> {
  const sys = await t.login('sysadmin');
  const initial = 'Bumen#Temp26';
  const created = await t.request(sys, { method: 'POST', url: '/api/users', payload: { username, displayName: '部门填报员', orgCode, initialPassword: initial } });
  expect(created.statusCode, created.body).toBe(200);
  const id = json<{ user: { id: number } }>(created).user.id;
  expect((await t.request(await t.login('secadmin'), { method: 'PUT', url: `/api/users/${id}/roles`, payload: { roles } })).statusCode).toBe(200);
  const cookie = await t.login(username, initial);
  expect((await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: initial, newPassword: 'Zhifa#Bumen2027' } })).statusCode).toBe(200);
  return cookie;
}

describe('考核评估：县直部门', () => {
  it('evaluates the towns and the county departments, each department from its own records, ranked within its group', async () => {
    const id = await openRound('shifan', '乡镇和县直部门');
    const d = json<RoundDetail>(await post('county', `/api/evaluation/rounds/${id}/compute`));
    expect(d.unitScope).toBe('乡镇和县直部门');
    // the towns, then the departments; neither the county itself nor a town's departments
    expect(d.units.filter((u) => u.group === 'town').map((u) => u.orgCode).sort()).toEqual(TOWNS);
    expect(d.units.filter((u) => u.group === 'department').map((u) => u.orgCode).sort()).toEqual(DEPTS);
    expect(d.groupSizes).toEqual({ town: 3, department: 3 });
    expect(d.units.slice(0, 3).every((u) => u.group === 'town')).toBe(true);
    expect(d.units.every((u) => u.resultId !== null)).toBe(true);
    // each group ranked among its own (competition ranking from 1)
    for (const g of ['town', 'department'] as const) {
      const units = d.units.filter((u) => u.group === g);
      expect(units.map((u) => u.rank)[0]).toBe(1);
      for (const u of units) expect(u.rank).toBe(1 + units.filter((x) => x.total > u.total).length);
    }
    // a department's computed leaves read its own figures: its org code's records, not the county's nor a town's
    const items = new Map(leaves(d.system.items).map((i) => [i.code, i]));
    let differs = 0;
    for (const org of DEPTS) {
      const u = d.units.find((x) => x.orgCode === org);
      const own = new Map(json<{ items: IndicatorValue[] }>(await get('county', `/api/indicators?org=${org}&year=${thisYear}`)).items.map((v) => [v.id, v]));
      const county = new Map(json<{ items: IndicatorValue[] }>(await get('county', `/api/indicators?org=999001000000&year=${thisYear}`)).items.map((v) => [v.id, v]));
      for (const l of u?.lines.filter((x) => x.kind === 'computed') ?? []) {
        const item = items.get(l.code) as SystemItem;
        if (item.rule?.kind !== 'computed') throw new Error('computed leaf without rule');
        const v = own.get(item.rule.indicator);
        const none = v?.kind === 'ratio' && (v.denominator?.value ?? 0) === 0;
        expect(l.points, `${org} ${l.code}`).toBe(pointsFor(item.points, item.rule.scoring, none ? null : (v?.value ?? 0), item.rule.whenNone));
        // no department has an annual report of its own: live figures, said so
        expect(l.source).toBe('live');
        expect(l.sourceNote).toContain('台账实时数');
        if (l.link) expect(new URLSearchParams(l.link.split('?')[1] ?? '').get('org')).toBe(org);
        if ((v?.value ?? 0) !== (county.get(item.rule.indicator)?.value ?? 0)) differs++;
      }
    }
    expect(differs).toBeGreaterThan(0);
    // a round of the departments only
    const only = json<RoundDetail>(await post('county', `/api/evaluation/rounds/${await openRound('county', '县直部门')}/compute`));
    expect(only.units.map((u) => u.orgCode).sort()).toEqual(DEPTS);
    expect(only.units.every((u) => u.group === 'department')).toBe(true);
  });

  it('lets a department see its own result only, object, and closes and corrects its rank among the departments', async () => {
    const id = await openRound('county', '乡镇和县直部门');
    const d = json<RoundDetail>(await post('county', `/api/evaluation/rounds/${id}/compute`));
    const dept = d.units.find((u) => u.orgCode === DEPTS[1]);
    const other = d.units.find((u) => u.orgCode === DEPTS[2]);
    const town = d.units.find((u) => u.orgCode === TOWNS[0]);
    const deptUser = await departmentUser('zhifaclerk', DEPTS[1] ?? '', ['clerk']);
    const own = await t.request(deptUser, { method: 'GET', url: `/api/evaluation/results/${dept?.resultId}` });
    expect(own.statusCode, own.body).toBe(200);
    const seen = json<RoundDetail>(own);
    expect(seen.units.map((u) => [u.orgCode, u.group, u.rank])).toEqual([[DEPTS[1], 'department', dept?.rank]]);
    expect(seen.groupSizes).toEqual({ town: 3, department: 3 });
    for (const r of [other?.resultId, town?.resultId]) expect([403, 404]).toContain((await t.request(deptUser, { method: 'GET', url: `/api/evaluation/results/${r}` })).statusCode);
    expect((await t.request(deptUser, { method: 'GET', url: `/api/evaluation/rounds/${id}` })).statusCode).toBe(403);
    const list = json<{ items: Array<{ id: number; orgCode: string }> }>(await t.request(deptUser, { method: 'GET', url: '/api/ledgers/evaluation.result?pageSize=200' }));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((r) => r.orgCode === DEPTS[1])).toBe(true);
    // a town user does not see the department's result
    expect([403, 404]).toContain((await get('clerk', `/api/evaluation/results/${dept?.resultId}`)).statusCode);
    // the department objects once, the county answers
    const objected = await t.request(deptUser, { method: 'POST', url: `/api/evaluation/results/${dept?.resultId}/objection`, payload: { reason: '我局全年行政执法案卷均已归档，请复核案卷评查项得分。' } });
    expect(objected.statusCode, objected.body).toBe(200);
    expect((await post('county', `/api/evaluation/results/${dept?.resultId}/reply`, { reply: '经复核，案卷评查项得分无误，维持。' })).statusCode).toBe(200);
    // hand scores for every unit: one department clearly ahead of the others, so its rank among the departments is 1
    for (const u of d.units) for (const code of ['3.3', '4.3']) {
      const points = u.orgCode === DEPTS[2] ? 10 : 5;
      const res = await put('county', `/api/evaluation/rounds/${id}/scores`, { orgCode: u.orgCode, code, points, reason: points === 10 ? '材料齐全，得满分' : '材料不全，酌情扣分', evidence: points === 10 ? [] : [{ label: '案卷评查', href: '/ledgers/supervision.review' }] });
      expect(res.statusCode, res.body).toBe(200);
    }
    const closed = await post('county', `/api/evaluation/rounds/${id}/close`, { closed_on: today, conclusion: '各乡镇和县直部门法治建设任务完成较好，考核结果予以通报。' });
    expect(closed.statusCode, closed.body).toBe(200);
    const c = json<RoundDetail>(closed);
    const depts = c.units.filter((u) => u.group === 'department');
    const top = depts.find((u) => u.rank === 1);
    expect(depts.filter((u) => u.rank === 1).length).toBeGreaterThanOrEqual(1);
    expect(c.units.filter((u) => u.group === 'town').some((u) => u.rank === 1)).toBe(true);
    const rec = json<{ values: Record<string, unknown>; state: string }>(await get('county', `/api/ledgers/evaluation.result/${top?.resultId}`));
    expect(rec.state).toBe('closed');
    expect(Number(rec.values['rank'])).toBe(1);
    expect(Number(rec.values['units'])).toBe(3);
    // the department's own figures feed its report: score and rank among the departments
    const score = json<{ indicator: IndicatorValue }>(await get('county', `/api/indicators/evaluation.rank?org=${top?.orgCode}&year=${thisYear}`)).indicator;
    expect(score.value).toBeGreaterThanOrEqual(1);
    // a correction of a department's score moves the departments' ranks only
    const low = depts.find((u) => u.orgCode === DEPTS[1]);
    const fixed = await post('county', `/api/evaluation/rounds/${id}/corrections`, { orgCode: DEPTS[1], code: '3.3', points: 10, reason: '复查发现案卷评查结果录入有误' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const after = json<RoundDetail>(fixed);
    expect(after.units.find((u) => u.orgCode === DEPTS[1])?.total).toBe((low?.total ?? 0) + 5);
    for (const u of after.units.filter((x) => x.group === 'town')) expect(u.rank).toBe(c.units.find((x) => x.orgCode === u.orgCode)?.rank);
    const seenAfter = json<{ values: Record<string, unknown> }>(await t.request(deptUser, { method: 'GET', url: `/api/ledgers/evaluation.result/${dept?.resultId}` }));
    expect(Number(seenAfter.values['total'])).toBe(after.units.find((u) => u.orgCode === DEPTS[1])?.total);
  });
});
