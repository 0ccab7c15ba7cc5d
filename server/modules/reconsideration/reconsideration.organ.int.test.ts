import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { clockOf, fixedClock, succeeding, transitionStep, uploadPdf } from '../../test/workflow-client.ts';
import { reconsiderationModule } from './reconsideration.module.ts';

// the county government as 复议机关 (行政复议法 2023), counted by hand on the 2026 calendar: 国庆 10/1–7
let t: TestApp;
const base = '/api/ledgers/reconsideration.organ';
const OFFICE = '999001000000-01';
const cookies = new Map<string, string>();
const as = (u: string): string => cookies.get(u) ?? '';

fixedClock('2026-11-20T02:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, reconsiderationModule, calendarModule, workflowModule] });
  // the county 司法局's 行政复议 office: a registering clerk, a legal reviewer who hears, the head who decides
  const hash = await sql<{ h: string }>`select password_hash as h from app_user where username = 'clerk'`.execute(t.platform.db);
  for (const [username, role] of [['fy_clerk', 'clerk'], ['fy_legal', 'legal_reviewer'], ['fy_leader', 'leader']] as const) {
    const u = await sql<{ id: number }>`insert into app_user (username, display_name, org_code, password_hash, must_change_password) values (${username}, ${'复议' + role}, ${OFFICE}, ${hash.rows[0]?.h ?? ''}, false) returning id`.execute(t.platform.db);
    await sql`insert into user_role (user_id, role_code) values (${u.rows[0]?.id ?? 0}, ${role})`.execute(t.platform.db);
  }
  for (const u of ['fy_clerk', 'fy_legal', 'fy_leader', 'clerk', 'county']) cookies.set(u, await t.login(u));
});

afterAll(async () => t.close());

const application = { apply_method: '书面申请', applicant_type: '自然人', applicant_person: '李秀兰', applicant_phone: '13912345678', respondent: '城关镇人民政府', act_category: '行政处罚', act: '城关镇人民政府作出的《行政处罚决定书》（城府罚决字〔2026〕18号）', claim: '请求撤销该行政处罚决定。' };

async function register(received: string): Promise<number> {
  const res = await t.request(as('fy_clerk'), { method: 'POST', url: base, payload: { ...application, received_on: received, orgCode: OFFICE } });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const transition = transitionStep(() => t, base);
const step = (u: string, id: number, name: string, payload: Record<string, unknown>) => transition(as(u), id, name, payload);
const ok = succeeding(step);
const upload = (u: string, id: number, kind: string) => uploadPdf(t, as(u), `${base}/${id}/attachments`, kind, { name: 'doc.pdf', content: `%PDF-1.4\n% ${kind.length}\n` });
const timeline = async (id: number): Promise<Timeline> => json<Timeline>(await t.request(as('fy_clerk'), { method: 'GET', url: `${base}/${id}/timeline` }));

describe('the county government as 复议机关', () => {
  it('examines within 5 working days of receipt (arts. 30, 88): a 不予受理 one day late is refused, a late acceptance shows overdue', async () => {
    // received Mon 11/2: 11/3, 4, 5, 6, 9 → the 5th working day is Mon 11/9
    const id = await register('2026-11-02');
    expect(clockOf(await timeline(id), 'acceptance')).toMatchObject({ status: 'running', due: '2026-11-09' });
    expect((await upload('fy_clerk', id, '不予受理决定书')).statusCode).toBe(200);
    const late = await step('fy_clerk', id, 'reject', { date: '2026-11-10', rejected_on: '2026-11-10', reject_reason: '超过申请期限' });
    expect(late.statusCode, late.body).toBe(422);
    expect(late.body).toContain('2026年11月9日');
    expect(late.body).toContain('视为受理');
    expect(late.body).toContain('行政复议法第三十条');
    expect((await timeline(id)).state).toBe('received');
    // accepting late is what the law means (deemed accepted): the step is taken and the acceptance clock shows it overdue
    const accepted = await ok('fy_clerk', id, 'accept', { date: '2026-11-10', accepted_on: '2026-11-10' });
    expect(accepted.state).toBe('accepted');
    expect(clockOf(accepted, 'acceptance')).toMatchObject({ status: 'stopped', overdue: true });
    // on the last day itself a 不予受理 is in time
    const other = await register('2026-11-02');
    expect((await upload('fy_clerk', other, '不予受理决定书')).statusCode).toBe(200);
    expect((await ok('fy_clerk', other, 'reject', { date: '2026-11-09', rejected_on: '2026-11-09', reject_reason: '不属于行政复议范围' })).state).toBe('not_accepted');
  });

  it('decides within 60 days of acceptance, extended once by the head before expiry only; the simplified procedure has 30', async () => {
    // accepted Mon 8/3: + 60 = 10/2, inside 国庆 → Thu 10/8
    const id = await register('2026-07-30');
    const tl = await ok('fy_clerk', id, 'accept', { date: '2026-08-03', accepted_on: '2026-08-03' });
    expect(clockOf(tl, 'decide')).toMatchObject({ status: 'running', due: '2026-10-08' });
    const notice = json<{ id: number }>(await upload('fy_clerk', id, '延期审理通知书')).id;
    const clerkTry = await step('fy_clerk', id, 'extend', { date: '2026-09-30', note: '案情复杂', noticeAttachmentId: notice });
    expect(clerkTry.statusCode, clerkTry.body).toBe(403);
    const late = await step('fy_leader', id, 'extend', { date: '2026-10-09', note: '案情复杂，需现场勘验', noticeAttachmentId: notice });
    expect(late.statusCode, late.body).toBe(422);
    expect(json<{ code: string; detail: string }>(late)).toMatchObject({ code: 'clock_extension_expired' });
    expect(late.body).toContain('2026年10月8日');
    expect(clockOf(await timeline(id), 'decide')).toMatchObject({ extended: false, due: '2026-10-08' });

    const simple = await register('2026-11-02');
    const s = await ok('fy_legal', simple, 'accept_simplified', { date: '2026-11-04', accepted_on: '2026-11-04' });
    // 11/4 + 30 = 12/4 (Fri)
    expect(clockOf(s, 'decide_simplified')).toMatchObject({ status: 'running', due: '2026-12-04' });
    expect(clockOf(s, 'decide')?.status).toBe('pending');
  });

  it('has the reviewers give their opinion and the head alone decide, with the written decision and a system number', async () => {
    const id = await register('2026-10-26');
    await ok('fy_clerk', id, 'accept', { date: '2026-10-28', accepted_on: '2026-10-28' });
    expect((await upload('fy_clerk', id, '行政复议决定书')).statusCode).toBe(200);
    const early = await step('fy_leader', id, 'decide', { date: '2026-11-18', decided_on: '2026-11-18', decision_kind: '撤销' });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.body).toContain('提出审理意见');
    await ok('fy_legal', id, 'propose', { date: '2026-11-16', review_opinion: '被申请人未告知陈述申辩权利，程序违法，建议撤销。', proposed_kind: '撤销' });
    const byClerk = await step('fy_clerk', id, 'decide', { date: '2026-11-18', decided_on: '2026-11-18', decision_kind: '撤销' });
    expect(byClerk.statusCode, byClerk.body).toBe(403);
    const byReviewer = await step('fy_legal', id, 'decide', { date: '2026-11-18', decided_on: '2026-11-18', decision_kind: '撤销' });
    expect(byReviewer.statusCode).toBe(403);
    const bad = await step('fy_leader', id, 'decide', { date: '2026-11-18', decided_on: '2026-11-18', decision_kind: '部分撤销' });
    expect(bad.statusCode, bad.body).toBe(400);
    const done = await ok('fy_leader', id, 'decide', { date: '2026-11-18', decided_on: '2026-11-18', decision_kind: '撤销' });
    expect(done.state).toBe('decided');
    const rec = json<{ values: Record<string, unknown> }>(await t.request(as('fy_clerk'), { method: 'GET', url: `${base}/${id}` }));
    expect(rec.values['decision_kind']).toBe('撤销');
    expect(String(rec.values['decision_no'])).toMatch(/〔2026〕\d+号$/);
  });

  it('publishes a decision on the public site (art. 79) with the personal data masked, and not one withheld or undecided', async () => {
    const decide = async (received: string): Promise<number> => {
      const id = await register(received);
      await ok('fy_clerk', id, 'accept', { date: '2026-10-21', accepted_on: '2026-10-21' });
      expect((await upload('fy_clerk', id, '行政复议决定书')).statusCode).toBe(200);
      await ok('fy_legal', id, 'propose', { date: '2026-11-10', review_opinion: '被申请人未告知陈述申辩权利，程序违法，建议撤销。', proposed_kind: '撤销' });
      await ok('fy_leader', id, 'decide', { date: '2026-11-12', decided_on: '2026-11-12', decision_kind: '撤销' });
      return id;
    };
    const id = await decide('2026-10-19');
    const text = '申请人：李秀兰，公民身份号码110101199003074514，联系电话13912345678。被申请人：城关镇人民政府。本机关决定：撤销被申请人作出的行政处罚决定。';
    expect((await step('fy_clerk', id, 'publish', { date: '2026-11-16', publication: '公开', published_on: '2026-11-16', public_text: text })).statusCode).toBe(403);
    const undated = await step('fy_leader', id, 'publish', { date: '2026-11-16', publication: '公开', public_text: text });
    expect(undated.statusCode, undated.body).toBe(400);
    expect(undated.body).toContain('公开日期');
    const published = await ok('fy_leader', id, 'publish', { date: '2026-11-16', publication: '公开', published_on: '2026-11-16', public_text: text });
    expect(published.state).toBe('decided');
    const decisionNo = String(json<{ values: Record<string, unknown> }>(await t.request(as('fy_clerk'), { method: 'GET', url: `${base}/${id}` })).values['decision_no']);
    // no login: the list and the full text, the applicant's name, ID number and phone masked
    const list = await t.request(null, { method: 'GET', url: '/api/public/reconsideration/decisions?year=2026' });
    expect(list.statusCode).toBe(200);
    const item = json<{ items: Array<{ id: number; decisionNo: string; decisionKind: string; respondent: string; publishedOn: string }> }>(list).items.find((i) => i.id === id);
    expect(item).toMatchObject({ decisionNo, decisionKind: '撤销', respondent: '城关镇人民政府', publishedOn: '2026-11-16', orgName: '演示县人民政府' });
    const full = await t.request(null, { method: 'GET', url: `/api/public/reconsideration/decisions/${id}` });
    expect(full.statusCode).toBe(200);
    expect(full.body).not.toContain('李秀兰');
    expect(full.body).not.toContain('13912345678');
    expect(full.body).not.toContain('110101199003074514');
    expect(json<{ text: string }>(full).text).toContain('李某某');
    expect(json<{ text: string }>(full).text).toContain('139****5678');
    // withheld with its reason: not on the site; undecided: no publication step at all
    const withheld = await decide('2026-10-20');
    const noReason = await step('fy_leader', withheld, 'publish', { date: '2026-11-16', publication: '不予公开' });
    expect(noReason.statusCode, noReason.body).toBe(400);
    await ok('fy_leader', withheld, 'publish', { date: '2026-11-16', publication: '不予公开', nonpublication_reason: '被申请行政复议的行政行为未向社会公开' });
    expect((await t.request(null, { method: 'GET', url: `/api/public/reconsideration/decisions/${withheld}` })).statusCode).toBe(404);
    const ids = json<{ items: Array<{ id: number }> }>(await t.request(null, { method: 'GET', url: '/api/public/reconsideration/decisions' })).items.map((i) => i.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(withheld);
    const pending = await register('2026-11-16');
    expect((await step('fy_leader', pending, 'publish', { date: '2026-11-18', publication: '公开', published_on: '2026-11-18', public_text: text })).statusCode).not.toBe(200);
    expect((await t.request(null, { method: 'GET', url: `/api/public/reconsideration/decisions/${pending}` })).statusCode).toBe(404);
  });

  it('puts each hand-off in the 待办 of who does it', async () => {
    const id = await register('2026-11-16');
    const waiting = async (u: string): Promise<boolean> => json<{ items: Array<{ ledger: string; recordId: number }> }>(await t.request(as(u), { method: 'GET', url: '/api/todos?pageSize=200' })).items.some((i) => i.ledger === 'reconsideration.organ' && i.recordId === id);
    expect(await waiting('fy_clerk')).toBe(true);
    expect(await waiting('fy_leader')).toBe(false);
    await ok('fy_clerk', id, 'accept_simplified', { date: '2026-11-17', accepted_on: '2026-11-17' });
    expect(await waiting('fy_legal')).toBe(true);
    expect(await waiting('fy_leader')).toBe(false);
    await ok('fy_legal', id, 'propose', { date: '2026-11-19', review_opinion: '事实清楚，建议维持。', proposed_kind: '维持' });
    expect(await waiting('fy_leader')).toBe(true);
    expect(await waiting('fy_legal')).toBe(false);
  });

  it('is the county’s alone: a town can neither create nor see one, and lists and figures are scoped', async () => {
    const town = await t.request(as('clerk'), { method: 'POST', url: base, payload: { ...application, received_on: '2026-11-16' } });
    expect(town.statusCode, town.body).toBe(400);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(town).errors).toEqual([expect.objectContaining({ path: 'orgCode', message: expect.stringContaining('所属单位') })]);
    const townList = json<{ total: number }>(await t.request(as('clerk'), { method: 'GET', url: base }));
    expect(townList.total).toBe(0);
    const countyList = json<{ total: number }>(await t.request(as('county'), { method: 'GET', url: base }));
    expect(countyList.total).toBeGreaterThanOrEqual(10);
    const some = json<{ items: Array<{ id: number }> }>(await t.request(as('county'), { method: 'GET', url: base })).items[0]?.id;
    expect((await t.request(as('clerk'), { method: 'GET', url: `${base}/${some}` })).statusCode).toBe(404);
    const nav = async (u: string): Promise<string[]> => json<{ nav: Array<{ path: string }> }>(await t.request(as(u), { method: 'GET', url: '/api/me' })).nav.map((n) => n.path);
    expect(await nav('clerk')).not.toContain('/ledgers/reconsideration.organ');
    expect(await nav('fy_clerk')).toContain('/ledgers/reconsideration.organ');
    expect(await nav('county')).toContain('/ledgers/reconsideration.organ');
    // the filtered figures count the county's own records only: a town's filter finds nothing
    const decided = json<{ total: number }>(await t.request(as('clerk'), { method: 'GET', url: `${base}?f.decision_kind=维持` }));
    expect(decided.total).toBe(0);
  });
});
