import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { calendarFromChineseDays } from '../../platform/calendar/holiday-data.ts';
import { chromiumPath, libreOfficePath } from '../../platform/reports/pdf.renderer.ts';
import { setSetting } from '../../platform/settings.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { daysAgo } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, moduleIndicators } from '../../test/ledger-client.ts';
import { SIBLING_TOWN, thisYear } from '../../test/ledger-conformance.ts';
import { clockOf, succeeding, transitionStep } from '../../test/workflow-client.ts';
import { REVIEW_DAYS_SETTING } from './legal-advisors.ledgers.ts';
import { legalAdvisorsModule } from './legal-advisors.module.ts';

// 合法性审查 on a clock (国办发〔2018〕115号: 5 working days by default, a setting), the numbered 法律意见书, 合同备案

let t: TestApp;
let clerk: string;
let county: string;
let advisorId: number;
const cal = calendarFromChineseDays();
const BASE = '/api/ledgers/advisors.review';
const step = transitionStep(() => t, BASE);
const ok = succeeding(step);
let seq = 0;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, legalAdvisorsModule] });
  clerk = await t.login('clerk');
  county = await t.login('county');
  advisorId = (await listLedger(t, clerk, 'advisors.advisor', 'f.engagement=在聘&pageSize=1')).items[0]?.id ?? 0;
});
afterAll(async () => t.close());

async function newReview(received: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await createRecord(t, clerk, 'advisors.review', { review_no: `（${thisYear}）城关法审字第K${String(++seq).padStart(2, '0')}号`, review_type: '政府合同', title: '集镇污水管网改造工程施工合同', submitting_unit: '党政办公室', counterparty: '演示县兴业建筑工程有限公司', contract_amount: 86.4, received_on: received, advisor_id: advisorId, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const timeline = async (id: number) => json<Timeline>(await t.request(clerk, { method: 'GET', url: `${BASE}/${id}/timeline` }));
const record = async (id: number) => json<{ values: Record<string, unknown>; state: string; version: number }>(await t.request(clerk, { method: 'GET', url: `${BASE}/${id}` }));
const opinion = (id: number, format: 'docx' | 'pdf' = 'docx') => t.request(clerk, { method: 'POST', url: `/api/advisors/reviews/${id}/opinion?format=${format}` });

describe('a review on its clock', () => {
  it('is due 5 working days after it came in, and the setting changes the period of new reviews', async () => {
    const received = daysAgo(1);
    const id = await newReview(received);
    expect(clockOf(await timeline(id), 'review')).toMatchObject({ status: 'running', totalDays: 5, unit: 'working', due: addWorkingDays(received, 5, cal).due });
    await setSetting(t.platform.db, REVIEW_DAYS_SETTING, 10);
    try {
      const longer = await newReview(received);
      expect(clockOf(await timeline(longer), 'review')).toMatchObject({ totalDays: 10, due: addWorkingDays(received, 10, cal).due });
    } finally {
      await setSetting(t.platform.db, REVIEW_DAYS_SETTING, 5);
    }
  });

  it('pauses while papers are sent back, runs again when they come, and stops at the numbered 法律意见书', async () => {
    const received = daysAgo(6);
    const id = await newReview(received);
    await ok(clerk, id, 'return', { returned_on: daysAgo(5), return_reason: '请补充相对方资质证书及授权委托书。' });
    expect((await record(id)).values['progress']).toBe('退回补充材料');
    expect(clockOf(await timeline(id), 'review')?.status).toBe('paused');
    await ok(clerk, id, 'resubmit', { resubmitted_on: daysAgo(2) });
    expect(clockOf(await timeline(id), 'review')?.status).toBe('running');
    const issued = await ok(clerk, id, 'issue', { completed_on: daysAgo(1), conclusion: '修改完善后可签署（实施）', opinion: '经审查，提出以下意见：1.明确工程款支付节点；2.补充质量保证金条款。', suggestions: 2, adopted: 2 });
    expect(clockOf(issued, 'review')?.status).toBe('stopped');
    const v = (await record(id)).values;
    expect(v).toMatchObject({ progress: '已出具意见' });
    expect(String(v['opinion_no'])).toMatch(new RegExp(`〔${daysAgo(1).slice(0, 4)}〕\\d+号$`));
    const doc = await opinion(id);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(doc.headers['x-doc-number']))).toBe(v['opinion_no']);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('makes the 法律意见书 as a PDF too where LibreOffice or Chromium is installed, and says so where neither is', async () => {
    const id = (await listLedger(t, clerk, 'advisors.review', 'f.progress=已出具意见&pageSize=1')).items[0]?.id ?? 0;
    const pdf = await opinion(id, 'pdf');
    if (libreOfficePath() || chromiumPath()) {
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    } else {
      expect(pdf.statusCode).toBe(409);
      expect(pdf.body).toContain('无法生成 PDF');
    }
  }, 180_000);

  it('numbers the 法律意见书 of a review issued before numbering the first time it is made, and keeps that number', async () => {
    const past = (await listLedger(t, clerk, 'advisors.review', 'f.progress=已出具意见&pageSize=50')).items.find((r) => !r.values['opinion_no']);
    expect(past).toBeDefined();
    const first = await opinion(past?.id ?? 0);
    expect(first.statusCode, first.body).toBe(200);
    const no = decodeURIComponent(String(first.headers['x-doc-number']));
    expect(no).toMatch(/法审意〔\d{4}〕\d+号$/);
    expect((await record(past?.id ?? 0)).values['opinion_no']).toBe(no);
    expect(decodeURIComponent(String((await opinion(past?.id ?? 0)).headers['x-doc-number']))).toBe(no);
  });

  it('makes no 法律意见书 before the opinion is issued', async () => {
    const id = await newReview(daysAgo(0));
    const res = await opinion(id);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('尚未出具意见');
    expect((await record(id)).values['opinion_no']).toBeNull();
  });
});

describe('review figures by kind and the contract register', () => {
  it('splits the reviews into 合同, 规范性文件, 重大决策 and 其他, adding up to the whole', async () => {
    const byId = new Map((await moduleIndicators(t, county, 'legal-advisors', SIBLING_TOWN, thisYear - 1)).map((i) => [i.id, i.value]));
    const parts = ['legal-advisors.contracts', 'legal-advisors.normdoc_reviews', 'legal-advisors.decision_reviews', 'legal-advisors.other_reviews'].map((id) => byId.get(id) ?? -1);
    expect(parts.every((n) => n >= 0)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(byId.get('legal-advisors.reviews'));
    expect(byId.get('legal-advisors.contracts_filed')).toBeGreaterThan(0);
    expect(byId.get('legal-advisors.opinions_issued')).toBeGreaterThan(0);
  });

  it('files a contract after its review, and the filed figure follows a withdrawal', async () => {
    const filed = async () => (await moduleIndicators(t, county, 'legal-advisors', '999001001000', thisYear)).find((i) => i.id === 'legal-advisors.contracts_filed')?.value ?? -1;
    const before = await filed();
    const review = (await listLedger(t, clerk, 'advisors.review', 'f.review_type=政府合同&f.progress=已出具意见&pageSize=1')).items[0];
    const res = await createRecord(t, clerk, 'advisors.contract', { contract_name: String(review?.values['title']), review_id: review?.id, counterparty: '演示县兴业建筑工程有限公司', amount: 86.4, signed_on: daysAgo(3), filed_on: daysAgo(1), filed_to: '县人民政府（县司法局）', performance: '履行中' });
    expect(res.statusCode, res.body).toBe(200);
    const made = json<{ id: number; values: Record<string, unknown> }>(res);
    expect(String(made.values['filing_no'])).toMatch(/合备〔\d{4}〕\d{3}号$/);
    expect(await filed()).toBe(before + 1);
    const gone = await t.request(county, { method: 'POST', url: `/api/ledgers/advisors.contract/${made.id}/withdraw`, payload: { reason: '重复备案' } });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await filed()).toBe(before);
  });
});
