import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../platform/settings.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord } from '../../test/ledger-client.ts';
import { EXCESSIVE_COUNT_SETTING, type ApplicantRequests } from './disclosure.excessive.ts';

// 政府信息公开条例 art. 35 on live records, and letters of steps recorded before the letters were numbered
let t: TestApp;
let clerk: string;
let county: string;
const base = '/api/ledgers/disclosure.application';
const ID = '440304199003078917';
const person = { orgCode: '999001001000-01', applicant_kind: '自然人', applicant_name: '频繁申请人', applicant_id: ID, content: '请公开相关文件' };

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  county = await t.login('county');
});
afterAll(async () => t.close());

async function apply(cookie: string, values: Record<string, unknown>): Promise<number> {
  const res = await createRecord(t, cookie, 'disclosure.application', values);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const timeline = async (id: number): Promise<Timeline> => json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
const record = async (id: number): Promise<Record<string, unknown>> => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` })).values;
async function step(id: number, name: string, payload: Record<string, unknown>) {
  return t.request(clerk, { method: 'POST', url: `${base}/${id}/transitions/${name}`, payload: { ...payload, version: (await timeline(id)).version } });
}
async function ok(id: number, name: string, payload: Record<string, unknown>): Promise<Timeline> {
  const res = await step(id, name, payload);
  expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  return json<Timeline>(res);
}
async function letter(id: number, kind: string, method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; text: string; number: string }> {
  const res = await t.request(clerk, { method, url: `/api/disclosure/applications/${id}/notices/${kind}`, ...(method === 'POST' ? { payload: {} } : {}) });
  if (res.statusCode !== 200) return { status: res.statusCode, text: res.body, number: '' };
  const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
  return { status: 200, text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''), number: decodeURIComponent(String(res.headers['x-doc-number'])) };
}
const requests = async (id: number, on: string) => json<ApplicantRequests>(await t.request(clerk, { method: 'GET', url: `/api/disclosure/applications/${id}/applicant-requests?on=${on}` }));

describe('excessive requests (政府信息公开条例 art. 35)', () => {
  const ids: number[] = [];
  beforeAll(async () => {
    // eleven requests by one person to 城关镇 in March 2026, one more to 清溪镇 that does not count for 城关镇
    for (let i = 1; i <= 11; i++) ids.push(await apply(clerk, { ...person, channel: '当面提交', submitted_on: `2026-03-${String(i + 1).padStart(2, '0')}`, subject: `申请公开村道硬化工程资料之${i}` }));
    await apply(county, { ...person, orgCode: '999001002000-01', channel: '当面提交', submitted_on: '2026-03-05', subject: '申请公开清溪镇文件' });
  });

  it('shows the officer the applicant’s requests to this organ in the period, and asks for reasons only beyond the local range', async () => {
    const last = ids[10] ?? 0;
    const r = await requests(last, '2026-03-12');
    expect(r).toMatchObject({ from: '2026-02-11', to: '2026-03-12', days: 30, threshold: 10, count: 11, exceeds: true, matchedBy: ['身份证件号码'] });
    expect(r.requests.map((x) => x.subject)).not.toContain('申请公开清溪镇文件');
    // the fifth request, asked about on its day of receipt: five in the period, within the national default of 10
    const fifth = ids[4] ?? 0;
    expect(await requests(fifth, '2026-03-06')).toMatchObject({ count: 5, exceeds: false });
    const refused = await step(fifth, 'ask_reasons', { reasons_asked_on: '2026-03-06', reasons_due_on: '2026-03-16' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('共向本机关提出申请5件，未超过本地设定的合理范围（30日内10件）');
    // a county that sets its own range (more than 4 in 30 days) makes the same five requests excessive
    await setSetting(t.platform.db, EXCESSIVE_COUNT_SETTING, 4);
    expect(await requests(fifth, '2026-03-06')).toMatchObject({ count: 5, threshold: 4, exceeds: true });
    await setSetting(t.platform.db, EXCESSIVE_COUNT_SETTING, 10);
  });

  it('asks once with a numbered letter; silence is recorded only after the period, and the answer is then 不予处理', async () => {
    const id = ids[10] ?? 0;
    // 不予处理 for excessive requests without the reasons asked for first
    const early = await step(id, 'answer', { outcome: '不予处理', outcome_reason: '无正当理由大量反复申请', answered_on: '2026-03-13' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('须先要求申请人说明理由并认定理由不合理');
    const tl = await ok(id, 'ask_reasons', { reasons_asked_on: '2026-03-13', reasons_due_on: '2026-03-20' });
    expect(tl.state).toBe('awaiting_reasons');
    const v = await record(id);
    expect(String(v['reasons_notice_no'])).toMatch(/^城关政信理〔2026〕\d+号$/);
    const l = await letter(id, 'reasons');
    expect(l.status).toBe(200);
    expect(l.number).toBe(v['reasons_notice_no']);
    expect(l.text).toContain('政府信息公开申请说明理由告知书');
    expect(l.text).toContain('2026年2月12日至2026年3月13日，您共向本机关提出政府信息公开申请11件');
    expect(l.text).toContain('请您于2026年3月20日前向本机关书面说明申请理由');
    // the applicant has until 3/20: silence cannot be recorded on 3/20
    const soon = await step(id, 'judge_reasons', { reasons_result: '逾期未说明理由', reasons_judged_on: '2026-03-20' });
    expect(soon.statusCode).toBe(422);
    expect(soon.body).toContain('申请人可在说明理由期限（2026年3月20日）届满前说明理由');
    await ok(id, 'judge_reasons', { reasons_result: '逾期未说明理由', reasons_judged_on: '2026-03-23' });
    const other = await step(id, 'answer', { outcome: '予以公开', answered_on: '2026-03-24' });
    expect(other.statusCode).toBe(422);
    expect(other.body).toContain('申请理由经审查不合理，应答复不予处理');
    await ok(id, 'answer', { outcome: '不予处理', outcome_reason: '无正当理由大量反复申请', answered_on: '2026-03-24' });
    // asked once only: the application is answered
    expect((await step(id, 'ask_reasons', { reasons_asked_on: '2026-03-25', reasons_due_on: '2026-03-30' })).statusCode).toBe(409);
  });

  it('gives a reasonable later date when the reasons hold: numbered letter, and the clock falls due that day', async () => {
    const id = ids[9] ?? 0;
    await ok(id, 'ask_reasons', { reasons_asked_on: '2026-03-12', reasons_due_on: '2026-03-19' });
    // a later date only for reasons found reasonable
    const wrong = await step(id, 'judge_reasons', { reasons_result: '理由不合理', reasons_received_on: '2026-03-16', reasons_judged_on: '2026-03-17', delayed_due_on: '2026-05-29' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('不能确定延迟答复期限');
    const tl = await ok(id, 'judge_reasons', { reasons_result: '理由合理', reasons_received_on: '2026-03-16', reasons_judged_on: '2026-03-17', delayed_due_on: '2026-05-29' });
    expect(tl.state).toBe('received');
    expect(tl.clocks.find((c) => c.id === 'answer')).toMatchObject({ due: '2026-05-29' });
    const v = await record(id);
    expect(String(v['delay_notice_no'])).toMatch(/^城关政信迟〔2026〕\d+号$/);
    const l = await letter(id, 'delay');
    expect(l.text).toContain('您于2026年3月16日向本机关说明了申请理由');
    expect(l.text).toContain('将于2026年5月29日前作出答复');
    // a reasonable applicant's application is answered on its merits, not as 不予处理 for excessive requests
    const excessive = await step(id, 'answer', { outcome: '不予处理', outcome_reason: '无正当理由大量反复申请', answered_on: '2026-05-20' });
    expect(excessive.statusCode).toBe(422);
    await ok(id, 'answer', { outcome: '予以公开', answered_on: '2026-05-20' });
    expect((await timeline(id)).clocks.find((c) => c.id === 'answer')).toMatchObject({ status: 'stopped', overdue: false });
  });
});

describe('letters of steps recorded before the letters were numbered', () => {
  it('numbers the letter the first time it is made, keeps that number after, even on an answered record', async () => {
    const id = await apply(clerk, { ...person, applicant_id: null, channel: '当面提交', submitted_on: '2025-09-22', subject: '申请公开2025年低保名单' });
    await ok(id, 'request_supplement', { supplement_requested_on: '2025-09-24', supplement_items: '请说明所申请名单的村别', supplement_due_on: '2025-10-15' });
    await ok(id, 'supplement_received', { supplement_received_on: '2025-10-09' });
    await ok(id, 'answer', { outcome: '予以公开', answered_on: '2025-10-20' });
    // as a record kept from before the numbering: the step is on file, its letter has no number
    await sql`update disclosure_application set supplement_notice_no = null where id = ${id}`.execute(t.platform.db);
    const before = await letter(id, 'supplement');
    expect(before.status).toBe(422);
    expect(before.text).toContain('补正告知书尚未编号：请先生成');
    const made = await letter(id, 'supplement', 'POST');
    expect(made.status).toBe(200);
    expect(made.number).toMatch(/^城关政信补〔2025〕\d+号$/);
    expect(made.text).toContain(made.number);
    expect((await record(id))['supplement_notice_no']).toBe(made.number);
    expect((await letter(id, 'supplement', 'POST')).number).toBe(made.number);
    expect((await letter(id, 'supplement')).number).toBe(made.number);
    // no step, no letter
    const none = await letter(id, 'consult', 'POST');
    expect(none.status).toBe(422);
    expect(none.text).toContain('办理“征求意见”后方可生成');
  });
});
