import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeUscc } from '../../../common/validators.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import { setSetting } from '../settings.ts';
import { daysAgo } from '../../test/dates.ts';
import { registryOfficers } from '../../test/enforcement-officers.ts';

// decision 0011: what a workflow step records is written by that step only, by its roles; review conclusions block
// the steps after them until the reviewer reviews again; 重大 and the hearing right are derived, not ticked
const TOWN = '999001001000';
let t: TestApp;
let clerk: string;
let leader: string;
let legal: string;
let reviewer: string;

beforeAll(async () => {
  t = await startTestApp();
  [clerk, leader, legal, reviewer] = await Promise.all([t.login('clerk'), t.login('leader'), t.login('legal'), t.login('reviewer')]);
});
afterAll(async () => t?.close());

const go = (cookie: string, ledger: string, id: number, name: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${ledger}/${id}/transitions/${name}`, payload });
const detail = (res: { body: string }): string => json<{ detail: string }>(res as never).detail;
const current = async (ledger: string, id: number) => json<{ version: number; state: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${ledger}/${id}` }));
const put = async (cookie: string, ledger: string, id: number, values: Record<string, unknown>) => t.request(cookie, { method: 'PUT', url: `/api/ledgers/${ledger}/${id}`, payload: { ...values, version: (await current(ledger, id)).version } });
const refusals = async (ledger: string, id: number | string): Promise<Array<{ diff: unknown; actor_name: string }>> =>
  (await t.platform.db.selectFrom('audit_log').select(['diff', 'actor_name']).where('entity', '=', ledger).where('entity_id', '=', String(id)).where('action', '=', 'refused_owned_field').execute()) as Array<{ diff: unknown; actor_name: string }>;

describe('enforcement: the legality review, its conclusion and the derived 重大', () => {
  const CASES = 'enforcement.case';
  let id = 0;
  let bench: { id: number; matter: number; min: number };

  it('refuses a review opinion or a 重大 tick on the create form of a clerk, audited', async () => {
    const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0];
    bench = { id: Number(b?.id), matter: Number(b?.values['matter']), min: Number(b?.values['min_amount']) };
    const base = { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: bench.matter, source: '投诉举报', registered_on: daysAgo(20), summary: '占道经营案', party_kind: '单位', party_name: '某某商店有限公司', party_uscc: makeUscc('330100', 971) };
    const forged = await createRecord(t, clerk, CASES, { ...base, review_opinion: '同意', review_conclusion: '同意', major: true });
    expect(forged.statusCode, forged.body).toBe(403);
    expect(detail(forged)).toContain('“法制审核意见”由“法制审核”环节填写，不能在编辑表单中修改');
    expect(detail(forged)).toContain('“法制审核结论”由“法制审核”环节填写');
    expect(detail(forged)).toContain('“是否重大执法决定”由系统');
    const audited = await refusals(CASES, 'new');
    expect(audited.at(-1)?.actor_name).toBe('clerk');
    expect(JSON.stringify(audited.at(-1)?.diff)).toContain('legality_review');
    const res = await createRecord(t, clerk, CASES, { ...base });
    expect(res.statusCode, res.body).toBe(200);
    id = json<{ id: number }>(res).id;
    expect((await go(leader, CASES, id, 'file', { filed_on: daysAgo(19), date: daysAgo(19) })).statusCode).toBe(200);
    expect((await go(clerk, CASES, id, 'conclude_investigation', { investigated_on: daysAgo(18), facts: '当事人占道经营', proposed_kinds: ['警告', '罚款'], proposed_amount: bench.min, ...(await registryOfficers(t, clerk, TOWN)), date: daysAgo(18) })).statusCode).toBe(200);
    expect((await go(clerk, CASES, id, 'notify', { notified_on: daysAgo(18), hearing_right_notified: true, date: daysAgo(18) })).statusCode).toBe(200);
  });

  it('shows the owned and derived fields to the form as read-only, with who fills them', async () => {
    const meta = json<{ fields: Array<{ name: string; ownedBy?: Array<{ label: string }>; derived?: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/meta` }));
    const f = (n: string) => meta.fields.find((x) => x.name === n);
    expect(f('review_opinion')?.ownedBy?.map((o) => o.label)).toEqual(['法制审核']);
    expect(f('major')?.derived).toContain('自动认定');
    expect(f('handler')?.ownedBy).toBeUndefined();
    expect(f('summary')?.ownedBy).toBeUndefined();
  });

  it('refuses the clerk’s opinion, conclusion and 重大 through a plain edit, and through another step', async () => {
    for (const values of [{ review_opinion: '同意' }, { review_conclusion: '同意' }, { review_on: daysAgo(2) }, { major: true }]) {
      const res = await put(clerk, CASES, id, values);
      expect(res.statusCode, res.body).toBe(403);
      expect(json<{ errors: Array<{ path: string }> }>(res).errors.map((e) => e.path)).toEqual(Object.keys(values));
    }
    expect((await refusals(CASES, id)).length).toBeGreaterThanOrEqual(4);
    const through = await go(clerk, CASES, id, 'waive', { rights_waived_on: daysAgo(17), review_opinion: '同意', review_conclusion: '同意' });
    expect(through.statusCode, through.body).toBe(403);
    expect(detail(through)).toContain('“法制审核结论”由“法制审核”环节填写，不能在“记录当事人书面放弃陈述申辩（听证）”中填写');
    expect((await go(clerk, CASES, id, 'legality_review', { review_on: daysAgo(3), review_opinion: '同意', review_conclusion: '同意' })).statusCode).toBe(403);
    const rec = await current(CASES, id);
    expect(rec.values['review_opinion']).toBeNull();
    expect(rec.values['review_conclusion']).toBeNull();
  });

  it('accepts the form sending owned values back unchanged, and free fields changed', async () => {
    const rec = await current(CASES, id);
    const res = await put(clerk, CASES, id, { notified_on: rec.values['notified_on'], review_opinion: null, major: rec.values['major'], handler: '王五、赵六', summary: '擅自占道经营案' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ values: Record<string, unknown> }>(res).values['handler']).toBe('王五、赵六');
  });

  it('blocks the decision after 不同意, naming the conclusion and the reviewer, until a new review agrees', async () => {
    const no = await go(legal, CASES, id, 'legality_review', { review_on: daysAgo(3), review_opinion: '证据不足，不同意', review_conclusion: '不同意', date: daysAgo(3) });
    expect(no.statusCode, no.body).toBe(200);
    const decide = (payload: Record<string, unknown>) => t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload: { benchmark: bench.id, decided_on: daysAgo(1), decision_result: '给予警告，并处罚款', penalty_kinds: ['警告', '罚款'], amount: bench.min, date: daysAgo(1), ...payload } });
    const blocked = await decide({});
    expect(blocked.statusCode, blocked.body).toBe(422);
    expect(detail(blocked)).toContain('“法制审核结论”为“不同意”（黄律衡于');
    expect(detail(blocked)).toContain('须由审核人员重新办理“法制审核”');
    const tl = json<{ transitions: Array<{ name: string; blockedBy: Array<{ message: string }> }> }>(await t.request(leader, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` }));
    expect(tl.transitions.find((x) => x.name === 'decide')?.blockedBy.map((m) => m.message).join()).toContain('不同意');
    // the clerk cannot turn it into 同意
    expect((await put(clerk, CASES, id, { review_conclusion: '同意' })).statusCode).toBe(403);
    const yes = await go(legal, CASES, id, 'legality_review', { review_on: daysAgo(2), review_opinion: '补充证据后事实清楚，同意', review_conclusion: '修改后同意', date: daysAgo(2) });
    expect(yes.statusCode, yes.body).toBe(200);
    // 吊销许可证件 is an art. 63 penalty: the case is 重大 and needs the hearing right, told at the notice here
    // a major penalty is decided by the heads collectively (行政处罚法第五十七条第二款)
    const deliberated = await go(leader, CASES, id, 'deliberate', { deliberated_on: daysAgo(2), deliberation_participants: '张镇长、王副镇长', deliberation_conclusion: '同意拟处理意见', date: daysAgo(2) });
    expect(deliberated.statusCode, deliberated.body).toBe(200);
    const ok = await decide({ penalty_kinds: ['警告', '罚款', '吊销许可证件'], decision_result: '给予警告、罚款并吊销许可证件' });
    expect(ok.statusCode, ok.body).toBe(200);
    const rec = await current(CASES, id);
    expect(rec.state).toBe('decided');
    expect(rec.values['major']).toBe(true);
    expect(rec.values['hearing_required']).toBe(true);
  });

  it('derives 重大 from the amount under the provincial threshold, and refuses a decision without the hearing right told', async () => {
    const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: bench.matter, source: '投诉举报', registered_on: daysAgo(20), summary: '占道经营案', party_kind: '个人', party_name: '王某', party_id_number: makeIdNumber('999001', '1980-05-17', 7) });
    expect(res.statusCode, res.body).toBe(200);
    const other = json<{ id: number }>(res).id;
    expect((await go(leader, CASES, other, 'file', { filed_on: daysAgo(19), date: daysAgo(19) })).statusCode).toBe(200);
    expect((await go(clerk, CASES, other, 'conclude_investigation', { investigated_on: daysAgo(18), facts: '当事人占道经营', proposed_kinds: ['警告', '罚款'], proposed_amount: bench.min, ...(await registryOfficers(t, clerk, TOWN)), date: daysAgo(18) })).statusCode).toBe(200);
    expect((await go(clerk, CASES, other, 'notify', { notified_on: daysAgo(18), date: daysAgo(18) })).statusCode).toBe(200);
    // a province that counts any fine from the benchmark's lowest figure up as 较大数额 for a person
    await setSetting(t.platform.db, 'enforcement.hearing.amount_person', bench.min);
    try {
      const decide = () => t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${other}/decide`, payload: { benchmark: bench.id, decided_on: daysAgo(1), decision_result: '罚款', penalty_kinds: ['罚款'], amount: bench.min, date: daysAgo(1) } });
      const refused = await decide();
      expect(refused.statusCode, refused.body).toBe(422);
      expect(detail(refused)).toContain('法制审核');
      expect(detail(refused)).toContain('告知听证权利');
    } finally {
      await setSetting(t.platform.db, 'enforcement.hearing.amount_person', 10_000);
    }
    const small = await t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${other}/decide`, payload: { benchmark: bench.id, decided_on: daysAgo(1), decision_result: '警告', penalty_kinds: ['警告'], amount: 0, date: daysAgo(1) } });
    expect(small.statusCode, small.body).toBe(200);
    expect((await current(CASES, other)).values['major']).toBe(false);
  });
});

describe('disclosure: the secrecy review leads to 发布 or to 不予公开', () => {
  const L = 'disclosure.item';
  const base = { orgCode: `${TOWN}-01`, category: '通知公告', made_on: daysAgo(5) };

  it('lets the reviewer agree and then offers 发布; the clerk cannot write the result', async () => {
    const res = await createRecord(t, clerk, L, { ...base, title: '关于自有字段测试的通知' });
    expect(res.statusCode, res.body).toBe(200);
    const id = json<{ id: number }>(res).id;
    const submitted = await go(clerk, L, id, 'submit_review', { secrecy_submitted_on: daysAgo(4), date: daysAgo(4) });
    expect(submitted.statusCode).toBe(200);
    const offered = json<{ transitions: Array<{ name: string; toLabel: string; captures: Array<{ name: string; required: boolean; hint?: string }> }> }>(submitted).transitions.find((x) => x.name === 'review');
    expect(offered?.toLabel).toBe('同意公开、删除涉密内容后公开→待发布；不予公开→不予公开');
    expect(offered?.captures.find((c) => c.name === 'secrecy_result')).toMatchObject({ required: true, hint: expect.stringContaining('结论为“不予公开”的，不能办理“发布”') as unknown });
    const forged = await put(clerk, L, id, { secrecy_result: '同意公开', secrecy_reviewer: '张晓燕', secrecy_reviewed_on: daysAgo(3) });
    expect(forged.statusCode).toBe(403);
    expect(detail(forged)).toContain('“保密审查结论”由“保密审查”环节填写');
    expect((await go(clerk, L, id, 'review', { secrecy_result: '同意公开', secrecy_reviewed_on: daysAgo(3) })).statusCode).toBe(403);
    const ok = await go(reviewer, L, id, 'review', { secrecy_result: '同意公开', secrecy_reviewed_on: daysAgo(3), date: daysAgo(3) });
    expect(ok.statusCode, ok.body).toBe(200);
    const tl = json<{ state: string; transitions: Array<{ name: string; permitted: boolean; blockedBy: unknown[] }> }>(ok);
    expect(tl.state).toBe('approved');
    expect(tl.transitions.find((x) => x.name === 'publish')).toMatchObject({ permitted: true });
    const published = await go(clerk, L, id, 'publish', { published_on: daysAgo(1), channels: ['政府网站'], date: daysAgo(1) });
    expect(published.statusCode, published.body).toBe(200);
    expect(json<{ state: string }>(published).state).toBe('published');
  });

  it('sends a 不予公开 item to its final state, never to 发布', async () => {
    const id = json<{ id: number }>(await createRecord(t, clerk, L, { ...base, title: '关于自有字段测试的内部通知' })).id;
    expect((await go(clerk, L, id, 'submit_review', { secrecy_submitted_on: daysAgo(4), date: daysAgo(4) })).statusCode).toBe(200);
    const no = await go(reviewer, L, id, 'review', { secrecy_result: '不予公开', secrecy_reviewed_on: daysAgo(3), secrecy_opinion: '涉及工作秘密', date: daysAgo(3) });
    expect(no.statusCode, no.body).toBe(200);
    expect(json<{ state: string }>(no).state).toBe('withheld');
    expect((await go(clerk, L, id, 'publish', { published_on: daysAgo(1), channels: ['政府网站'] })).statusCode).toBe(409);
  });
});

describe('normative documents and major decisions: 不合法 blocks the next step', () => {
  it('holds a document back from 集体审议 after 不合法 until the legal reviewer finds it lawful', async () => {
    const L = 'normdocs.document';
    const id = json<{ id: number }>(await createRecord(t, clerk, L, { orgCode: TOWN, title: '自有字段测试办法', drafting_unit: '党政办公室', draft_on: daysAgo(40) })).id;
    expect((await go(clerk, L, id, 'open_comment', { comment_from: daysAgo(38), comment_to: daysAgo(20), date: daysAgo(38) })).statusCode).toBe(200);
    expect((await go(legal, L, id, 'legality_review', { legality_review_on: daysAgo(10), legality_conclusion: '不合法', legality_opinion: '设定了行政许可，超越权限', date: daysAgo(10) })).statusCode).toBe(200);
    const blocked = await go(clerk, L, id, 'deliberate', { deliberation_on: daysAgo(5), deliberation_meeting: '镇政府常务会议', date: daysAgo(5) });
    expect(blocked.statusCode, blocked.body).toBe(422);
    expect(detail(blocked)).toContain('“审核结论”为“不合法”（黄律衡于');
    const forged = await put(clerk, L, id, { legality_conclusion: '合法' });
    expect(forged.statusCode).toBe(403);
    expect(detail(forged)).toContain('“审核结论”由“合法性审核”环节填写');
    expect((await go(legal, L, id, 'legality_review', { legality_review_on: daysAgo(6), legality_conclusion: '合法', legality_opinion: '已删除许可条款，合法', date: daysAgo(6) })).statusCode).toBe(200);
    expect((await go(clerk, L, id, 'deliberate', { deliberation_on: daysAgo(5), deliberation_meeting: '镇政府常务会议', date: daysAgo(5) })).statusCode).toBe(200);
  });

  it('keeps the decision’s 合法性审查 to the legal reviewer and blocks the decision after 不合法', async () => {
    const L = 'decisions.decision';
    const id = json<{ id: number }>(await createRecord(t, clerk, L, { orgCode: TOWN, title: '自有字段测试决策', proposing_unit: '规划建设办', started_on: daysAgo(60) })).id;
    const through = await go(clerk, L, id, 'record_procedures', { ra_result: '依法不适用', ra_skip_reason: '不涉及', lr_date: daysAgo(10), lr_evidence: '合法', lr_conclusion: '合法' });
    expect(through.statusCode, through.body).toBe(403);
    expect(detail(through)).toContain('“合法性审查结论”由“合法性审查”环节填写，不能在“记录法定程序”中填写');
    expect((await put(clerk, L, id, { lr_conclusion: '合法' })).statusCode).toBe(403);
    expect((await go(clerk, L, id, 'submit_legality', { lr_submitted_on: daysAgo(30), date: daysAgo(30) })).statusCode).toBe(200);
    expect((await go(legal, L, id, 'legality_review', { lr_date: daysAgo(10), lr_evidence: '违反上位法', lr_conclusion: '不合法', date: daysAgo(10) })).statusCode).toBe(200);
    const blocked = await go(reviewer, L, id, 'decide', { decided_on: daysAgo(1), decision_result: '通过', date: daysAgo(1) });
    expect(blocked.statusCode).toBe(422);
    expect(detail(blocked)).toContain('“合法性审查结论”为“不合法”');
  });
});
