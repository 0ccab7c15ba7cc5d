import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewDetail, SupervisionSheet } from '../../../common/supervision.types.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import { calendarFromChineseDays } from '../../platform/calendar/holiday-data.ts';
import { daysAgo, today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';

// the county 司法局's 案卷评查 and 监督意见书 over HTTP, on the demo county (its template carries the demo review)
let t: TestApp;
const cookies = new Map<string, string>();
const as = (u: string): string => cookies.get(u) ?? '';
const JUSTICE = '999001000000-01';
const QINGXI = '999001002000';
const lastYear = Number(today.slice(0, 4)) - 1;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['supervisor', 'county', 'clerk', 'clerk2', 'leader', 'reviewer']) cookies.set(u, await t.login(u));
});
afterAll(async () => {
  await t.close();
});

const get = (u: string, url: string) => t.request(as(u), { method: 'GET', url });
const post = (u: string, url: string, payload: Record<string, unknown> = {}) => t.request(as(u), { method: 'POST', url, payload });
const score = (u: string, id: number, caseId: number, payload: Record<string, unknown>) => t.request(as(u), { method: 'PUT', url: `/api/supervision/reviews/${id}/cases/${caseId}/score`, payload });
const errorsOf = (body: string): string[] => (JSON.parse(body) as { errors?: Array<{ message: string }> }).errors?.map((e) => e.message) ?? [];

async function commitAndDraw(id: number): Promise<void> {
  expect((await post('supervisor', `/api/supervision/reviews/${id}/commit`)).statusCode).toBe(200);
  const res = await post('supervisor', `/api/supervision/reviews/${id}/draw`);
  expect(res.statusCode, res.body).toBe(200);
}

async function plan(count: number): Promise<number> {
  const res = await post('supervisor', '/api/ledgers/supervision.review', { orgCode: JUSTICE, title: `${lastYear}年度专项案卷评查`, planned_on: today, period_from: `${lastYear}-01-01`, period_to: `${lastYear}-12-31`, case_count: count });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}

describe('案卷评查', () => {
  it('the demo holds a finished review: ten towns’ penalty files, each graded by the sheet’s thresholds, a draw that re-computes', async () => {
    const list = json<{ items: Array<{ id: number; state: string }> }>(await get('supervisor', '/api/ledgers/supervision.review'));
    const done = list.items.find((r) => r.state === 'finished');
    expect(done).toBeDefined();
    const d = json<ReviewDetail>(await get('supervisor', `/api/supervision/reviews/${done?.id}`));
    expect(d.cases).toHaveLength(10);
    expect(d.draw?.verified).toBe(true);
    expect(d.cases.every((c) => c.orgCode.startsWith('999001') && !c.orgCode.startsWith('999001000000'))).toBe(true);
    for (const c of d.cases) {
      expect(c.total).toBe(100 - c.lines.reduce((n, l) => n + l.deduct, 0));
      expect(c.grade).toBe((c.total ?? 0) >= 90 ? '优秀' : (c.total ?? 0) >= 70 ? '合格' : '不合格');
    }
    expect(d.byUnit.reduce((n, u) => n + u.cases, 0)).toBe(10);
    expect(d.byReviewer.map((r) => r.label)).toEqual(['孙正清']);
  });

  it('commits to a secret seed first, then draws once from the towns’ closed penalty files and reveals it; a town cannot see, commit, draw or score', async () => {
    const id = await plan(4);
    expect((await post('clerk', `/api/supervision/reviews/${id}/commit`)).statusCode).toBe(403);
    expect((await post('clerk', `/api/supervision/reviews/${id}/draw`)).statusCode).toBe(403);
    expect((await get('clerk', `/api/supervision/reviews/${id}`)).statusCode).toBe(403);
    const early = await post('supervisor', `/api/supervision/reviews/${id}/draw`);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('请先承诺随机种子');
    const committed = await post('supervisor', `/api/supervision/reviews/${id}/commit`, { seed: 'aa' });
    expect(committed.statusCode, committed.body).toBe(200);
    const c = json<ReviewDetail>(committed);
    expect(c.commitment?.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.commitment?.committedAt).toBeTruthy();
    expect(c.draw).toBeNull();
    expect(c.drawn).toBe(false);
    // before the draw the seed is nowhere: not in the detail, not in the audit log
    const before = await get('supervisor', `/api/supervision/reviews/${id}`);
    expect(json<ReviewDetail>(before).commitment).toEqual(c.commitment);
    expect(before.body).not.toMatch(/"seed"/);
    const again = await post('supervisor', `/api/supervision/reviews/${id}/commit`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('已承诺随机种子');
    const commitEntry = (await sql<{ diff: unknown }>`select diff from audit_log where entity = 'supervision.review' and entity_id = ${String(id)} and action = 'draw_commit'`.execute(t.platform.db)).rows[0];
    expect(JSON.stringify(commitEntry?.diff)).toContain(c.commitment?.seedHash ?? '—');
    const seedRow = (await sql<{ seed: string }>`select seed from supervision_review_draw where review_id = ${id}`.execute(t.platform.db)).rows[0];
    expect(seedRow?.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(commitEntry?.diff)).not.toContain(seedRow?.seed ?? '—');

    expect((await post('supervisor', `/api/supervision/reviews/${id}/draw`, { seed: 'aa' })).statusCode).toBe(200);
    const d = json<ReviewDetail>(await get('supervisor', `/api/supervision/reviews/${id}`));
    expect(d.state).toBe('scoring');
    expect(d.cases).toHaveLength(4);
    expect(d.draw?.seed).toBe(seedRow?.seed);
    expect(d.draw?.seedHash).toBe(c.commitment?.seedHash);
    expect(createHash('sha256').update(d.draw?.seed ?? '').digest('hex')).toBe(c.commitment?.seedHash);
    expect(createHash('sha256').update(d.draw?.listText ?? '').digest('hex')).toBe(d.draw?.listHash);
    expect(d.draw?.checks).toEqual({ seedMatchesCommitment: true, listMatchesHash: true, resultReproduced: true });
    expect(d.draw?.verified).toBe(true);
    expect(Date.parse(d.draw?.drawnAt ?? '')).toBeGreaterThan(Date.parse(d.draw?.committedAt ?? ''));
    expect(d.draw?.listText.split('\n')).toHaveLength(d.draw?.candidates ?? 0);
    expect((await post('supervisor', `/api/supervision/reviews/${id}/draw`)).statusCode).toBe(409);
    expect((await post('supervisor', `/api/supervision/reviews/${id}/commit`)).statusCode).toBe(409);
    const caseId = d.cases[0]?.caseId ?? 0;
    for (const u of ['clerk', 'leader', 'county']) expect((await score(u, id, caseId, { lines: [] })).statusCode, u).toBe(403);
    // the plan's range and count are what the files were drawn from: a plain edit cannot move them afterwards
    const rec = json<{ version: number; values: Record<string, unknown> }>(await get('supervisor', `/api/ledgers/supervision.review/${id}`));
    const moved = await t.request(as('supervisor'), { method: 'PUT', url: `/api/ledgers/supervision.review/${id}`, payload: { ...rec.values, period_from: `${lastYear}-07-01`, case_count: 1, version: rec.version } });
    expect(moved.statusCode).toBe(409);
    for (const label of ['结案日期起', '抽取案卷数']) expect(moved.body).toContain(label);
    const renamed = await t.request(as('supervisor'), { method: 'PUT', url: `/api/ledgers/supervision.review/${id}`, payload: { ...rec.values, title: `${String(rec.values['title'])}（更名）`, version: rec.version } });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('is held by the county only: a plan at a town is refused naming 所属单位', async () => {
    const res = await post('supervisor', '/api/ledgers/supervision.review', { orgCode: QINGXI, title: '错误的计划', planned_on: today, period_from: `${lastYear}-01-01`, period_to: `${lastYear}-12-31`, case_count: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('所属单位');
  });

  it('scores by the sheet: deductions within an item’s points with a reason, vetoes only on veto items, grades at the thresholds', async () => {
    const id = await plan(2);
    await commitAndDraw(id);
    const d = json<ReviewDetail>(await get('supervisor', `/api/supervision/reviews/${id}`));
    const [a, b] = d.cases.map((c) => c.caseId) as [number, number];
    const res = await score('supervisor', id, a, { lines: [{ code: 'E4', deduct: 6, note: '罚款未说明理由' }, { code: 'P2', deduct: 2 }, { code: 'Z9', deduct: 1, note: 'x' }, { code: 'D1', deduct: 0.3, note: 'x' }], vetoes: ['E2'] });
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res.body)).toEqual(expect.arrayContaining([expect.stringContaining('最多扣5分'), expect.stringContaining('扣分理由'), expect.stringContaining('没有Z9'), expect.stringContaining('0.5分'), expect.stringContaining('不是评查标准中的否决项')]));
    const grade = async (caseId: number, deduct: number, vetoes: string[] = []): Promise<[number | null, string | null]> => {
      // spread over E2 (15), E3 (10), E4 (5), P1 (10) in turn
      let left = deduct;
      const lines = ([['E2', 15], ['E3', 10], ['E4', 5], ['P1', 10]] as const).flatMap(([code, max]) => {
        const take = Math.min(left, max);
        left -= take;
        return take ? [{ code, deduct: take, note: '存在问题' }] : [];
      });
      const r = await score('supervisor', id, caseId, { lines, vetoes });
      expect(r.statusCode, r.body).toBe(200);
      const c = json<ReviewDetail>(r).cases.find((x) => x.caseId === caseId);
      return [c?.total ?? null, c?.grade ?? null];
    };
    expect(await grade(a, 10)).toEqual([90, '优秀']);
    expect(await grade(a, 10.5)).toEqual([89.5, '合格']);
    expect(await grade(a, 0, ['E1'])).toEqual([100, '不合格']);
    expect(await grade(b, 25)).toEqual([75, '合格']);
    expect(await grade(b, 30.5)).toEqual([69.5, '不合格']);
    const detail = json<ReviewDetail>(await get('supervisor', `/api/supervision/reviews/${id}`));
    expect(detail.byReviewer).toEqual([expect.objectContaining({ label: '孙正清', cases: 2, scored: 2, fail: 2 })]);
  });

  it('finishes only when every file is scored; then scores are closed', async () => {
    const id = await plan(2);
    await commitAndDraw(id);
    const d = json<ReviewDetail>(await get('supervisor', `/api/supervision/reviews/${id}`));
    await score('supervisor', id, d.cases[0]?.caseId ?? 0, { lines: [] });
    const finish = { finished_on: today, conclusion: '本次评查的案卷总体规范，个别案卷存在问题。' };
    const early = await post('supervisor', `/api/supervision/reviews/${id}/finish`, finish);
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('1份案卷未评分');
    await score('supervisor', id, d.cases[1]?.caseId ?? 0, { lines: [] });
    expect((await post('supervisor', `/api/supervision/reviews/${id}/finish`, finish)).statusCode).toBe(200);
    expect((await score('supervisor', id, d.cases[1]?.caseId ?? 0, { lines: [] })).statusCode).toBe(409);
  });

  it('publishes a new sheet version; a plan drawn before keeps the version it was drawn on', async () => {
    const id = await plan(1);
    await commitAndDraw(id);
    const sheets = json<{ items: SupervisionSheet[] }>(await get('supervisor', '/api/supervision/sheets')).items;
    const latest = sheets[0] as SupervisionSheet;
    const bad = await post('supervisor', '/api/supervision/sheets', { title: '本省标准', items: latest.items, thresholds: { excellent: 85, pass: 90 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('合格分数线');
    expect((await post('clerk', '/api/supervision/sheets', { title: '本省标准', items: latest.items, thresholds: { excellent: 85, pass: 60 } })).statusCode).toBe(403);
    const v = await post('supervisor', '/api/supervision/sheets', { title: '本省标准', items: latest.items, thresholds: { excellent: 85, pass: 60 } });
    expect(v.statusCode, v.body).toBe(200);
    expect(json<SupervisionSheet>(v).version).toBe(latest.version + 1);
    const d = json<ReviewDetail>(await get('supervisor', `/api/supervision/reviews/${id}`));
    expect(d.sheet?.version).toBe(latest.version);
    const r = json<ReviewDetail>(await score('supervisor', id, d.cases[0]?.caseId ?? 0, { lines: [{ code: 'E2', deduct: 12, note: '证据不足' }] }));
    expect(r.cases[0]?.grade).toBe('合格');
  });
});

describe('行政执法监督意见书 and rectification', () => {
  const opinion = { orgCode: QINGXI, kind: '意见书', subject: '案卷评查发现的问题', problems: '清溪综执罚案卷证据固定不充分。', requirements: '逐件补正，书面报送整改情况。', rectify_days: 10 };

  it('the demo holds one open 意见书 numbered in the county’s name; only the supervisor and the town it is served on see it', async () => {
    const list = json<{ items: Array<{ id: number; orgCode: string; values: Record<string, unknown>; state: string }> }>(await get('supervisor', '/api/ledgers/supervision.opinion'));
    const open = list.items.filter((o) => o.state === 'issued');
    expect(open).toHaveLength(1);
    expect(String(open[0]?.values['opinion_no'])).toMatch(/^演示县执监意〔\d{4}〕\d+号$/);
    for (const u of ['reviewer', 'county']) expect((await get(u, '/api/ledgers/supervision.opinion')).statusCode, u).toBe(403);
  });

  it('issues with a system number and a deadline; overdue shows in 到期事项; the town reports from its 待办, the supervisor sends back and verifies', async () => {
    const typed = await post('supervisor', '/api/ledgers/supervision.opinion', { ...opinion, issued_on: daysAgo(12), opinion_no: '自编1号' });
    expect(typed.statusCode).toBe(403);
    // served on a town or a county department, never on the county government itself
    const atCounty = await post('supervisor', '/api/ledgers/supervision.opinion', { ...opinion, orgCode: JUSTICE.split('-')[0], issued_on: daysAgo(12) });
    expect(atCounty.statusCode).toBe(400);
    expect(atCounty.body).toContain('所属单位');
    expect((await post('clerk2', '/api/ledgers/supervision.opinion', { ...opinion, issued_on: daysAgo(12) })).statusCode).toBe(403);
    // 10 calendar days from 20 days ago: past on every day of the year, even when the last day falls on a weekend
    // or a holiday and the due date moves to the next working day (a due date 2 days ago did not, on a Monday)
    const issued = daysAgo(20);
    const res = await post('supervisor', '/api/ledgers/supervision.opinion', { ...opinion, issued_on: issued });
    expect(res.statusCode, res.body).toBe(200);
    const op = json<{ id: number; values: Record<string, unknown> }>(res);
    expect(String(op.values['opinion_no'])).toMatch(new RegExp(`^演示县执监意〔${issued.slice(0, 4)}〕\\d+号$`));
    const base = `/api/ledgers/supervision.opinion/${op.id}`;

    const overdue = json<{ items: Array<{ recordId: number; due: string; overdue: boolean }> }>(await get('supervisor', '/api/deadlines?ledger=supervision.opinion&status=overdue&pageSize=200'));
    expect(overdue.items.find((i) => i.recordId === op.id)).toMatchObject({ due: addDays(issued, 10, 'calendar', calendarFromChineseDays()).due, overdue: true });
    const townSees = json<{ items: Array<{ recordId: number; overdue: boolean }> }>(await get('clerk2', '/api/deadlines?ledger=supervision.opinion&pageSize=200'));
    expect(townSees.items.find((i) => i.recordId === op.id)?.overdue).toBe(true);

    const todo = json<{ items: Array<{ ledger: string; recordId: number; step: string }> }>(await get('clerk2', '/api/todos?pageSize=200&ledger=supervision.opinion'));
    expect(todo.items).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: op.id, step: 'report' })]));
    expect((await get('clerk', base)).statusCode).toBe(404);

    expect((await post('clerk2', `${base}/transitions/report`, { reported_on: today })).statusCode).toBe(422);
    const reported = await post('clerk2', `${base}/transitions/report`, { reported_on: today, report: '已对所列案卷逐件补正，组织执法人员培训一次。' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect((await post('clerk2', `${base}/transitions/verify`, { verified_on: today, verify_note: '自己核查' })).statusCode).toBe(403);
    const sup = json<{ items: Array<{ recordId: number; step: string }> }>(await get('supervisor', '/api/todos?pageSize=200&ledger=supervision.opinion'));
    expect(sup.items).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: op.id, step: 'verify' })]));
    expect((await post('supervisor', `${base}/transitions/send_back`, { note: '补正材料未附，请补充。' })).statusCode).toBe(200);
    expect((await post('clerk2', `${base}/transitions/report`, { reported_on: today, report: '已补充补正后的案卷材料。' })).statusCode).toBe(200);
    const verified = await post('supervisor', `${base}/transitions/verify`, { verified_on: today, verify_note: '经抽查案卷，问题已整改到位。' });
    expect(verified.statusCode, verified.body).toBe(200);
    const after = json<{ items: Array<{ recordId: number }> }>(await get('supervisor', '/api/deadlines?ledger=supervision.opinion&pageSize=200'));
    expect(after.items.some((i) => i.recordId === op.id)).toBe(false);
  });
});
