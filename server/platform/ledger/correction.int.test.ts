import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import type { PublicDecision } from '../../../common/enforcement.types.ts';
import { makeUscc } from '../../../common/validators.ts';
import { daysAgo, today } from '../../test/dates.ts';
import { registryOfficers } from '../../test/enforcement-officers.ts';

const CASES = 'enforcement.case';
const ITEMS = 'disclosure.item';
const TOWN = '999001001000';
let t: TestApp;
let clerk: string;
let reviewer: string;
let leader: string;
let legal: string;
let county: string;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  reviewer = await t.login('reviewer');
  leader = await t.login('leader');
  legal = await t.login('legal');
  county = await t.login('county');
}, 240_000);
afterAll(async () => t.close());

const go = (cookie: string, ledger: string, id: number, transition: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${ledger}/${id}/transitions/${transition}`, payload });
const record = async (ledger: string, id: number) => json<{ id: number; state: string; status: string; version: number; values: Record<string, unknown> }>(await t.request(county, { method: 'GET', url: `/api/ledgers/${ledger}/${id}` }));
const problem = (res: { body: string }) => json<{ code: string; detail: string; errors?: Array<{ path: string; label?: string; message: string }> }>(res as never);
const auditActions = async (entity: string, id: number): Promise<string[]> =>
  (await t.platform.db.selectFrom('audit_log').select('action').where('entity', '=', entity).where('entity_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);
const publicDecisions = async () => json<{ items: PublicDecision[] }>(await t.request(null, { method: 'GET', url: `/api/public/enforcement/decisions?org=${TOWN}&pageSize=100` })).items;
const publicItems = async () => json<{ items: Array<{ id: number; title: string; correctedOn: string | null }> }>(await t.request(null, { method: 'GET', url: `/api/public/disclosure/items?org=${TOWN}&pageSize=100&q=更正测试` })).items;
interface Clock { id: string; status: string; due: string | null; totalDays: number; unit: string }
const clocks = async (ledger: string, id: number) => json<{ clocks: Clock[]; transitions: Array<{ name: string }> }>(await t.request(county, { method: 'GET', url: `/api/ledgers/${ledger}/${id}/timeline` }));

/** a penalty case taken through every step to 结案 and 公示 */
async function closedPublishedCase(summary: string, major: boolean): Promise<{ id: number; amount: number }> {
  const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0];
  const bench = { id: Number(b?.id), matter: Number(b?.values['matter']), min: Number(b?.values['min_amount']) };
  const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: bench.matter, source: '投诉举报', registered_on: daysAgo(20), summary, party_kind: '单位', party_name: '城关镇某商行', party_uscc: makeUscc('999001', major ? 71 : 72) });
  expect(res.statusCode, res.body).toBe(200);
  const id = json<{ id: number }>(res).id;
  const kinds = major ? ['罚款', '责令停产停业'] : ['罚款'];
  const steps: Array<[string, string, Record<string, unknown>]> = [
    [leader, 'file', { filed_on: daysAgo(19) }],
    // 责令停产停业 is an art. 63 penalty: the case is 重大 by the system's reckoning
    [clerk, 'conclude_investigation', { investigated_on: daysAgo(18), facts: '当事人在东街占道经营', proposed_kinds: kinds, proposed_amount: bench.min + 100, ...(await registryOfficers(t, clerk, TOWN)) }],
    [clerk, 'notify', { notified_on: daysAgo(18), hearing_right_notified: major }],
  ];
  if (major) steps.push([legal, 'legality_review', { review_on: daysAgo(5), review_opinion: '事实清楚，程序合法，同意', review_conclusion: '同意' }]);
  // a major case is decided by the heads collectively (行政处罚法第五十七条第二款)
  if (major) steps.push([leader, 'deliberate', { deliberated_on: daysAgo(4), deliberation_participants: '张镇长、王副镇长', deliberation_conclusion: '同意拟处理意见' }]);
  for (const [who, name, payload] of steps) {
    const r = await go(who, CASES, id, name, payload);
    expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
  }
  const amount = bench.min + 100;
  const decided = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload: { benchmark: bench.id, decided_on: daysAgo(2), decision_result: `罚款${amount}元`, penalty_kinds: kinds, amount } });
  expect(decided.statusCode, decided.body).toBe(200);
  for (const [who, name, payload] of [
    [clerk, 'serve', { served_on: daysAgo(1), service_method: '直接送达' }],
    [clerk, 'publish', { published_on: today }],
    [clerk, 'execute', { executed_on: today, execution: '自觉履行' }],
    [leader, 'close', { closed_on: today }],
  ] as Array<[string, string, Record<string, unknown>]>) {
    const r = await go(who, CASES, id, name, payload);
    expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
  }
  return { id, amount };
}

describe('a closed, published penalty decision', () => {
  let c = { id: 0, amount: 0 };

  it('refuses the plain edit and the plain withdrawal, naming 更正, and audits the refusal', async () => {
    c = await closedPublishedCase('占道经营案（更正测试一）', true);
    const before = await record(CASES, c.id);
    expect(before.state).toBe('closed');
    const put = await t.request(reviewer, { method: 'PUT', url: `/api/ledgers/${CASES}/${c.id}`, payload: { amount: 9000, version: before.version } });
    expect(put.statusCode, put.body).toBe(409);
    expect(problem(put).detail).toContain('已结案/已公开的记录不能直接修改，请办理更正');
    expect(problem(put).errors?.map((e) => e.path)).toEqual(['amount']);
    const withdraw = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/withdraw`, payload: { reason: '录入错误需要撤销' } });
    expect(withdraw.statusCode, withdraw.body).toBe(409);
    expect(problem(withdraw).detail).toContain('撤回');
    const after = await record(CASES, c.id);
    expect(after.version).toBe(before.version);
    expect(Number(after.values['amount'])).toBe(c.amount);
    expect(after.status).toBe('active');
    const actions = await auditActions(CASES, c.id);
    expect(actions).toContain('update_refused');
    expect(actions).toContain('withdraw_refused');
    // the public list still shows what was decided
    expect(Number((await publicDecisions()).find((d) => d.id === c.id)?.amount)).toBe(c.amount);
    // a file may be added to the closed case, none taken away
    const boundary = '----fazhi';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = await t.request(clerk, {
      method: 'POST',
      url: `/api/ledgers/${CASES}/${c.id}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n法制审核意见书\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="review.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const fileId = json<{ id: number }>(upload).id;
    const remove = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/attachments/${fileId}/remove`, payload: { reason: '传错了' } });
    expect(remove.statusCode, remove.body).toBe(409);
    expect(problem(remove).detail).toContain('不能移除附件');
    expect(await auditActions(CASES, c.id)).toContain('attachment_remove_refused');
  });

  it('refuses a correction without the permission, without a reason, or with bad values, saving nothing', async () => {
    const v = (await record(CASES, c.id)).version;
    const byClerk = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/correct`, payload: { reason: '金额录入错误', values: { amount: 9000 } } });
    expect(byClerk.statusCode).toBe(403);
    const noReason = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/correct`, payload: { values: { amount: 9000 } } });
    expect(noReason.statusCode, noReason.body).toBe(400);
    expect(problem(noReason).detail, noReason.body).toContain('更正理由');
    const bad = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/correct`, payload: { reason: '金额录入错误', values: { amount: '九千', registered_on: '2026-13-45' } } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(problem(bad).errors?.map((e) => e.label)).toEqual(expect.arrayContaining(['罚款金额（元）', '登记（检查）日期']));
    const unknown = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/correct`, payload: { reason: '金额录入错误', values: { fine: 9000 } } });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(problem(unknown).detail).toContain('fine');
    const now = await record(CASES, c.id);
    expect(now.version).toBe(v);
    expect(now.state).toBe('closed');
    const versions = json<{ items: unknown[] }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${c.id}/versions` })).items;
    expect(versions).toHaveLength(1);
  });

  it('corrects into version 2, keeps version 1 readable, returns the major decision to 法制审核 and starts the 3-working-day withdrawal clock', async () => {
    const before = await record(CASES, c.id);
    const res = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${c.id}/correct`, payload: { reason: '复核发现罚款金额计算错误', values: { amount: c.amount + 50 }, version: before.version } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await record(CASES, c.id);
    expect(after.version).toBe(before.version + 1);
    expect(Number(after.values['amount'])).toBe(c.amount + 50);
    // the first version needed a legality review: it is done again before the decision is made again
    expect(after.state).toBe('notified');
    expect(after.values['review_opinion']).toBeNull();
    expect(after.values['decided_on']).toBeNull();
    expect(after.values['changed_on']).toBe(today);
    const tl = await clocks(CASES, c.id);
    expect(tl.transitions.map((x) => x.name)).toContain('legality_review');
    const decide = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${c.id}/decide`, payload: { decided_on: today, decision_result: '罚款并责令停产停业', penalty_kinds: ['罚款', '责令停产停业'], amount: c.amount + 50 } });
    expect(decide.statusCode, decide.body).toBe(422);
    expect(problem(decide).detail).toContain('法制审核');

    const versions = json<{ items: Array<{ n: number; current: boolean; stateLabel: string; replacedBy: { kind: string; reason: string } | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${c.id}/versions` })).items;
    expect(versions.map((x) => [x.n, x.current])).toEqual([[1, false], [2, true]]);
    expect(versions[0]?.stateLabel).toBe('已结案');
    expect(versions[0]?.replacedBy).toMatchObject({ kind: 'correct', reason: '复核发现罚款金额计算错误' });
    const v1 = json<{ values: Record<string, unknown>; current: boolean; state: string }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${c.id}/versions/1` }));
    expect(v1.current).toBe(false);
    expect(v1.state).toBe('closed');
    expect(Number(v1.values['amount'])).toBe(c.amount);
    expect(v1.values['review_opinion']).toBe('事实清楚，程序合法，同意');
    expect((await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${c.id}/versions/3` })).statusCode).toBe(404);

    // what was published follows the current version and says when it changed
    const shown = (await publicDecisions()).find((d) => d.id === c.id);
    expect(Number(shown?.amount)).toBe(c.amount + 50);
    expect(shown?.correctedOn).toBe(today);

    // 行政处罚法 art. 48: the publication is withdrawn within 3 working days
    const clock = tl.clocks.find((x) => x.id === 'withdraw_publication');
    expect(clock).toMatchObject({ status: 'running', totalDays: 3, unit: 'working' });
    expect(String(clock?.due) > today).toBe(true);
    const actions = await auditActions(CASES, c.id);
    expect(actions).toContain('correct');
    const entry = await t.platform.db.selectFrom('audit_log').select('diff').where('entity', '=', CASES).where('entity_id', '=', String(c.id)).where('action', '=', 'correct').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.diff)).toContain('复核发现罚款金额计算错误');
    expect(JSON.stringify(entry.diff)).toContain(String(c.amount + 50));

    // the withdrawal of the publication stops the clock
    const un = await go(leader, CASES, c.id, 'unpublish', { publication_withdrawn_on: today, publication_withdrawn_reason: '处罚决定已更正，待重新作出决定', note: '决定更正' });
    expect(un.statusCode, un.body).toBe(200);
    expect((await clocks(CASES, c.id)).clocks.find((x) => x.id === 'withdraw_publication')?.status).toBe('stopped');
    expect((await publicDecisions()).some((d) => d.id === c.id)).toBe(false);
  });

  it('revokes a published decision: off the public list, and the withdrawal is due within 3 working days', async () => {
    const r = await closedPublishedCase('占道经营案（更正测试二）', false);
    expect((await publicDecisions()).some((d) => d.id === r.id)).toBe(true);
    const noReason = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${r.id}/revoke`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('撤回理由');
    const res = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${CASES}/${r.id}/revoke`, payload: { reason: '行政复议决定撤销该处罚决定' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await record(CASES, r.id);
    expect(after.state).toBe('revoked');
    expect(after.values['revoke_reason']).toBe('行政复议决定撤销该处罚决定');
    expect((await publicDecisions()).some((d) => d.id === r.id)).toBe(false);
    const clock = (await clocks(CASES, r.id)).clocks.find((x) => x.id === 'withdraw_publication');
    expect(clock).toMatchObject({ status: 'running', totalDays: 3, unit: 'working' });
    const due = json<{ items: Array<{ recordId: number; clockLabel: string; due: string }> }>(await t.request(county, { method: 'GET', url: '/api/deadlines?ledger=enforcement.case&pageSize=200' })).items;
    expect(due.find((d) => d.recordId === r.id && d.clockLabel === '撤回公示期限')?.due).toBe(clock?.due);
    const v1 = json<{ state: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${r.id}/versions/1` }));
    expect(v1.state).toBe('closed');
    expect(await auditActions(CASES, r.id)).toContain('revoke');
    // a revoked decision cannot be revoked or corrected twice by the plain edit either
    expect((await t.request(reviewer, { method: 'PUT', url: `/api/ledgers/${CASES}/${r.id}`, payload: { amount: 1, version: after.version } })).statusCode).toBe(409);
  });

  it('keeps the transitions a final state declares: the follow-up of an inspection closed with 责令整改', async () => {
    const m = (await listLedger(t, clerk, 'enforcement.matter', 'f.matter_type=行政检查&pageSize=1')).items[0];
    const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政检查', domain: '城管', matter: Number(m?.id), source: '日常巡查', registered_on: daysAgo(10), summary: '门店检查', party_kind: '单位', party_name: '城关镇某饭店', party_uscc: makeUscc('999001', 73) });
    expect(res.statusCode, res.body).toBe(200);
    const id = json<{ id: number }>(res).id;
    expect((await go(clerk, CASES, id, 'inspect', { inspection_result: '责令整改', rectify_due_on: daysAgo(1), closed_on: daysAgo(8) })).statusCode).toBe(200);
    const closed = await record(CASES, id);
    expect(closed.state).toBe('closed');
    expect((await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${CASES}/${id}`, payload: { follow_up_result: '已整改', version: closed.version } })).statusCode).toBe(409);
    const follow = await go(clerk, CASES, id, 'follow_up', { followed_up_on: today, follow_up_result: '已整改' });
    expect(follow.statusCode, follow.body).toBe(200);
  });
});

describe('the fields only a correction or revocation writes', () => {
  it('are refused, audited, on a create and on a plain edit', async () => {
    const created = await createRecord(t, clerk, ITEMS, { category: '通知公告', made_on: daysAgo(1), orgCode: `${TOWN}-01`, title: '自行填写撤回日期', revoked_on: today });
    expect(created.statusCode, created.body).toBe(403);
    expect(problem(created).errors?.map((e) => e.path)).toEqual(['revoked_on']);
    const ok = json<{ id: number; version: number }>(await createRecord(t, clerk, ITEMS, { category: '通知公告', made_on: daysAgo(1), orgCode: `${TOWN}-01`, title: '草稿丁' }));
    const put = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${ITEMS}/${ok.id}`, payload: { revoked_on: today, revoke_reason: '自行撤回', version: ok.version } });
    expect(put.statusCode, put.body).toBe(403);
    expect(problem(put).detail).toContain('撤回公开日期');
    expect((await record(ITEMS, ok.id)).state).toBe('draft');
    expect(await auditActions(ITEMS, ok.id)).toContain('correction_field_refused');
    // the unchanged value sent back by the edit form is not a write
    expect((await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${ITEMS}/${ok.id}`, payload: { title: '草稿丁（改）', revoked_on: null, version: ok.version } })).statusCode).toBe(200);
  });
});

describe('a published disclosure item', () => {
  /** an item reviewed (同意公开) and published through the 发布 transition */
  async function publishedItem(title: string): Promise<number> {
    const res = await createRecord(t, clerk, ITEMS, { category: '通知公告', made_on: daysAgo(3), orgCode: `${TOWN}-01`, title, content: '原文' });
    expect(res.statusCode, res.body).toBe(200);
    const id = json<{ id: number }>(res).id;
    expect((await go(clerk, ITEMS, id, 'submit_review', { secrecy_submitted_on: daysAgo(2) })).statusCode).toBe(200);
    const reviewed = await go(reviewer, ITEMS, id, 'review', { secrecy_result: '同意公开', secrecy_reviewed_on: daysAgo(1) });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const r = await go(clerk, ITEMS, id, 'publish', { published_on: today, channels: ['政府网站'] });
    expect(r.statusCode, r.body).toBe(200);
    expect((await publicItems()).some((i) => i.id === id)).toBe(true);
    return id;
  }

  it('is corrected back to 保密审查 and stays off the public site until reviewed and published again', async () => {
    const id = await publishedItem('关于更正测试的通知');
    const published = await record(ITEMS, id);
    expect(published.state).toBe('published');
    expect((await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${ITEMS}/${id}`, payload: { content: '改过的正文', version: published.version } })).statusCode).toBe(409);

    const corrected = await t.request(leader, { method: 'POST', url: `/api/ledgers/${ITEMS}/${id}/correct`, payload: { reason: '正文有误', values: { content: '更正后的正文' } } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const after = await record(ITEMS, id);
    expect(after.state).toBe('reviewing');
    expect(after.values['content']).toBe('更正后的正文');
    expect(after.values['secrecy_result']).toBeNull();
    expect(after.values['published_on']).toBeNull();
    expect((await publicItems()).some((i) => i.id === id)).toBe(false);
    expect((await t.request(null, { method: 'GET', url: `/api/public/disclosure/items/${id}` })).statusCode).toBe(404);
    // the corrected text cannot be published without a new secrecy review
    expect((await go(clerk, ITEMS, id, 'publish', { published_on: today, channels: ['政府网站'] })).statusCode).toBe(409);
    expect((await go(reviewer, ITEMS, id, 'review', { secrecy_result: '同意公开', secrecy_reviewed_on: today })).statusCode).toBe(200);
    expect((await publicItems()).some((i) => i.id === id)).toBe(false);
    const v1 = json<{ values: Record<string, unknown>; state: string }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${ITEMS}/${id}/versions/1` }));
    expect(v1.state).toBe('published');
    expect(v1.values['content']).toBe('原文');
    expect(v1.values['secrecy_result']).toBe('同意公开');
  });

  it('is revoked off the public site with its reason', async () => {
    const id = await publishedItem('关于撤回更正测试的通知');
    const res = await t.request(reviewer, { method: 'POST', url: `/api/ledgers/${ITEMS}/${id}/revoke`, payload: { reason: '信息已过时' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await record(ITEMS, id);
    expect(after.state).toBe('revoked');
    expect(after.values['revoke_reason']).toBe('信息已过时');
    expect((await publicItems()).some((i) => i.id === id)).toBe(false);
    expect((await t.request(null, { method: 'GET', url: `/api/public/disclosure/items/${id}` })).statusCode).toBe(404);
    const versions = json<{ items: Array<{ replacedBy: { kind: string } | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${ITEMS}/${id}/versions` })).items;
    expect(versions.map((v) => v.replacedBy?.kind ?? null)).toEqual(['revoke', null]);
  });
});

describe('the author’s own draft', () => {
  const draft = async (cookie: string, title: string) => json<{ id: number }>(await createRecord(t, cookie, ITEMS, { category: '通知公告', made_on: daysAgo(1), orgCode: `${TOWN}-01`, title })).id;

  it('may be withdrawn by its author while nothing has been done with it', async () => {
    const id = await draft(clerk, '草稿甲');
    const state = json<{ canWithdrawDraft: boolean; locked: boolean }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${ITEMS}/${id}/correction` }));
    expect(state).toMatchObject({ canWithdrawDraft: true, locked: false });
    expect((await t.request(clerk, { method: 'POST', url: `/api/ledgers/${ITEMS}/${id}/withdraw` , payload: { reason: '重复登记' } })).statusCode).toBe(403);
    const res = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${ITEMS}/${id}/withdraw-draft`, payload: { reason: '重复登记' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await record(ITEMS, id)).status).toBe('withdrawn');
  });

  it('may not be withdrawn by someone else, and the attempt is audited', async () => {
    const id = await draft(reviewer, '草稿乙');
    const res = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${ITEMS}/${id}/withdraw-draft`, payload: { reason: '我来撤回' } });
    expect(res.statusCode).toBe(403);
    expect(problem(res).detail).toContain('登记人本人');
    expect((await record(ITEMS, id)).status).toBe('active');
    expect(await auditActions(ITEMS, id)).toContain('withdraw_draft_refused');
  });

  it('may not be withdrawn by its author once it has been sent on', async () => {
    const id = await draft(clerk, '草稿丙');
    expect((await go(clerk, ITEMS, id, 'submit_review', { secrecy_submitted_on: today })).statusCode).toBe(200);
    const res = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${ITEMS}/${id}/withdraw-draft`, payload: { reason: '不发了' } });
    expect(res.statusCode).toBe(409);
    expect(problem(res).detail).toContain('送保密审查');
    expect((await record(ITEMS, id)).status).toBe('active');
  });
});

describe('every module with closed or published records', () => {
  // ledger, a locked state found in the demo, a text field to correct, the state a correction returns to (null: stays)
  const cases: Array<[string, string, string, string | null]> = [
    ['decisions.decision', 'published', 'title', null],
    ['normdocs.document', 'filed', 'title', 'commenting'],
    ['petitions.case', 'closed', 'summary', 'closed'],
    ['reconsideration.case', 'closed', 'organ', 'closed'],
  ];

  it.each(cases)('%s: a %s record refuses the plain edit and is corrected with its version kept', async (ledger, state, field, back) => {
    const found = (await listLedger(t, county, ledger, 'pageSize=200')).items.find((r) => (r as unknown as { state: string }).state === state);
    expect(found, `a ${state} record in the demo`).toBeDefined();
    const id = Number(found?.id);
    const before = await record(ledger, id);
    const put = await t.request(county, { method: 'PUT', url: `/api/ledgers/${ledger}/${id}`, payload: { [field]: '改过的内容', version: before.version } });
    expect(put.statusCode, put.body).toBe(409);
    const res = await t.request(county, { method: 'POST', url: `/api/ledgers/${ledger}/${id}/correct`, payload: { reason: '核对原件后更正', values: { [field]: `${String(before.values[field] ?? '')}（更正）`.slice(0, 100) }, version: before.version } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await record(ledger, id);
    expect(after.version).toBe(before.version + 1);
    if (back) expect(after.state).toBe(back);
    else expect(after.state).not.toBe(state);
    const v1 = json<{ values: Record<string, unknown> }>(await t.request(county, { method: 'GET', url: `/api/ledgers/${ledger}/${id}/versions/1` }));
    expect(v1.values[field]).toBe(before.values[field]);
  });
});
