import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { petitionsModule } from '../../modules/petitions/petitions.module.ts';
import { reconsiderationModule } from '../../modules/reconsideration/reconsideration.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { calendarModule } from '../calendar/calendar.module.ts';
import { scanDeadlines } from './reminder.service.ts';
import type { Timeline } from './workflow.service.ts';
import { workflowModule } from './workflow.module.ts';

let t: TestApp;
let clerk: string;

function upload(cookie: string, url: string, kind: string) {
  const boundary = 'fazhi-workflow-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notice.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% notice\n\r\n--${boundary}--\r\n`),
  ]);
  return t.request(cookie, { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T02:00:00Z') });
  t = await startTestApp({ modules: [adminModule, petitionsModule, reconsiderationModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
});

afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('the modules’ workflows on their real ledgers', () => {
  it('takes in every demo record with a state that matches its dates, and clocks that compute', async () => {
    await scanDeadlines(t.platform, '2026-11-20');
    for (const table of ['petitions_case', 'petitions_hotline', 'reconsideration_case']) {
      const stateless = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where state is null`.execute(t.platform.db);
      expect(stateless.rows[0]?.n, table).toBe(0);
    }
    const broken = await sql<{ ledger: string; error: string }>`select ledger, error from workflow_clock where status = 'error'`.execute(t.platform.db);
    expect(broken.rows).toEqual([]);
    const states = await sql<{ state: string; progress: string; n: number }>`select state, progress, count(*)::int as n from petitions_case group by state, progress order by state, progress`.execute(t.platform.db);
    const agree: Record<string, string[]> = { registered: ['待受理'], handling: ['办理中'], answered: ['已答复'], closed: ['已办结'], reviewing: ['已答复', '已办结'], reviewed: ['已答复', '已办结'], rereviewing: ['已答复', '已办结'], concluded: ['已办结'], returned: ['已退回'] };
    for (const r of states.rows) expect(agree[r.state], `${r.state} / ${r.progress}`).toContain(r.progress);
  });

  it('accepts a petition, keeps its 办理状态 in step, and extends the handling period once with the notice', async () => {
    const base = '/api/ledgers/petitions.case';
    const created = await t.request(clerk, {
      method: 'POST',
      url: base,
      payload: { channel: '来信', received_on: '2026-11-02', category: '民政', matter_class: '申诉求决', summary: '低保申请未获答复', party_kind: '个人', people_count: 1, petitioner_name: '张三', progress: '待受理' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = json<{ id: number }>(created).id;
    const before = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
    expect(before.clocks.find((c) => c.id === 'accept')).toMatchObject({ status: 'running', due: '2026-11-17', overdue: true });

    const accepted = await t.request(clerk, { method: 'POST', url: `${base}/${id}/transitions/accept`, payload: { acceptance: '受理', accepted_on: '2026-11-16', handling_unit: '社会事务办', date: '2026-11-16' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const tl = json<Timeline>(accepted);
    expect(tl.state).toBe('handling');
    expect(tl.clocks.find((c) => c.id === 'accept')).toMatchObject({ status: 'stopped', overdue: false });
    // 11/16 + 60 = 1/15/2027, in a year whose holidays are not loaded: the day itself, said to be unmoved
    const handle = tl.clocks.find((c) => c.id === 'handle');
    expect(handle).toMatchObject({ status: 'running', due: '2027-01-15', error: null });
    expect(handle?.explanation.at(-1)).toBe('（2027年工作日历尚未导入：届满日如遇法定节假日应顺延，导入后自动重新计算）');
    expect(json<{ values: { progress: string } }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` })).values.progress).toBe('办理中');

    const notice = json<{ id: number }>(await upload(await t.login('reviewer'), `${base}/${id}/attachments`, '延期告知书'));
    const leader = await t.login('leader');
    const payload = { note: '涉及多部门，经镇长批准延期30日', extension_approved: true, extension_approved_on: '2026-11-19', extension_reason: '涉及多部门协调', noticeAttachmentId: notice.id, date: '2026-11-19' };
    const extended = await t.request(leader, { method: 'POST', url: `${base}/${id}/transitions/extend`, payload });
    expect(extended.statusCode, extended.body).toBe(200);
    // 11/16 + 90 = 2/14/2027
    expect(json<Timeline>(extended).clocks.find((c) => c.id === 'handle')).toMatchObject({ due: '2027-02-14', extended: true });
    expect(json<Timeline>(extended).state).toBe('handling');
    const again = await t.request(leader, { method: 'POST', url: `${base}/${id}/transitions/extend`, payload: { ...payload, date: '2026-11-20' } });
    expect(json(again).code).toBe('clock_extension_used');
  });

  it('tracks the respondent’s answer and the organ’s decision for a 行政复议 case', async () => {
    const base = '/api/ledgers/reconsideration.case';
    const created = await t.request(clerk, {
      method: 'POST',
      url: base,
      payload: { kind: '行政复议', case_no: '演府复〔2026〕测1号', filed_on: '2026-09-01', received_on: '2026-09-03', organ: '演示县人民政府', procedure: '普通程序', stage: '审理', applicant_type: '自然人', applicant_person: '李四', applicant_count: 1, respondent: '城关镇人民政府', act_category: '行政处罚', act: '罚款决定' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = json<{ id: number }>(created).id;
    const tl = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
    expect(tl.state).toBe('answering');
    // 10 working days after Thu 9/3: 9/4, 9/7–9/11, 9/14–9/17 → 9/17; 9/1 + 60 = 10/31 (Sat) → 11/2
    expect(tl.clocks.filter((c) => c.status !== 'pending').map((c) => [c.id, c.due])).toEqual([
      ['answer', '2026-09-17'],
      ['decide', '2026-11-02'],
    ]);
    const answered = json<Timeline>(await t.request(clerk, { method: 'POST', url: `${base}/${id}/transitions/answer`, payload: { answered_on: '2026-09-10', date: '2026-09-10' } }));
    expect(answered.state).toBe('pending');
    expect(answered.clocks.find((c) => c.id === 'answer')).toMatchObject({ status: 'stopped', overdue: false });

    // the organ's extension, recorded with the notice it sent
    const reviewer = await t.login('reviewer');
    const notice = json<{ id: number }>(await upload(reviewer, `${base}/${id}/attachments`, '延期审理通知书'));
    const leader = await t.login('leader');
    const extended = await t.request(leader, { method: 'POST', url: `${base}/${id}/clocks/decide/extend`, payload: { reason: '复议机关决定延长审理期限', noticeAttachmentId: notice.id, date: '2026-10-20' } });
    expect(extended.statusCode, extended.body).toBe(200);
    // 9/1 + 90 = 11/30
    expect(json<Timeline>(extended).clocks.find((c) => c.id === 'decide')).toMatchObject({ due: '2026-11-30', extended: true });
  });
});
