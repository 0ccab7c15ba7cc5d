import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { calendarModule } from '../calendar/calendar.module.ts';
import { defineLedger } from '../ledger/ledger.types.ts';
import { defineModule } from '../module.ts';
import { setSetting } from '../settings.ts';
import { workflowModule } from './workflow.module.ts';
import type { Timeline } from './workflow.service.ts';
import { defineWorkflow } from './workflow.types.ts';

// a penalty-like matter: no decision before the legality review; 20 working days, paused while suspended, +20 once
const matterWorkflow = defineWorkflow({
  states: { registered: { label: '已登记' }, filed: { label: '已立案' }, reviewed: { label: '已审核' }, suspended: { label: '已中止' }, decided: { label: '已决定', final: true } },
  initial: 'registered',
  transitions: [
    { name: 'file', label: '立案', from: ['registered'], to: 'filed' },
    { name: 'review', label: '法制审核', from: ['filed'], to: 'reviewed', roles: ['reviewer'], note: 'optional', gates: { attachments: ['法制审核意见书'] } },
    { name: 'suspend', label: '中止', from: ['filed', 'reviewed'], to: 'suspended', note: 'required' },
    { name: 'resume', label: '恢复', from: ['suspended'], to: 'filed' },
    { name: 'extend', label: '延期', from: ['filed', 'reviewed'], roles: ['leader'], note: 'required' },
    { name: 'decide', label: '作出决定', from: ['filed', 'reviewed'], to: 'decided', roles: ['leader'], captures: ['decision_no', 'decided_on'], gates: { after: ['review'], fields: ['decision_no'] } },
  ],
  clocks: [
    {
      id: 'decide',
      rule: { id: 'wftest.decide', label: '决定期限', days: 20, unit: 'working', extension: { days: 20, unit: 'working' } },
      start: { field: 'received_on' },
      pauseOn: ['suspend'],
      resumeOn: ['resume'],
      stop: { transitions: ['decide'], field: 'decided_on' },
      extension: { roles: ['leader'], noticeKind: '延期通知书', on: ['extend'] },
    },
    { id: 'publish', rule: { id: 'wftest.publish', label: '公示期限', days: 7, unit: 'working' }, start: { transitions: ['decide'] } },
  ],
});

const matterLedger = defineLedger({
  name: 'wftest.matter',
  table: 'wftest_matter',
  label: '测试执法案件',
  noun: '案件',
  module: 'wftest',
  titleFields: ['case_no'],
  fields: [
    { name: 'case_no', label: '案号', type: 'text', required: true },
    { name: 'received_on', label: '受理日期', type: 'date', required: true },
    { name: 'decision_no', label: '决定书文号', type: 'text' },
    { name: 'decided_on', label: '决定日期', type: 'date' },
  ],
  workflow: matterWorkflow,
});

const testModule = defineModule({ name: 'wftest', label: '测试', ledgers: [matterLedger] });
const base = '/api/ledgers/wftest.matter';

let t: TestApp;
let clerk: string;
let reviewer: string;
let leader: string;

function upload(cookie: string, url: string, kind: string, name = 'doc.pdf') {
  const boundary = 'fazhi-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from('%PDF-1.4\n% test document\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.request(cookie, { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

const transition = (cookie: string, id: number, name: string, payload: Record<string, unknown> = {}) => t.request(cookie, { method: 'POST', url: `${base}/${id}/transitions/${name}`, payload });
const timelineOf = async (cookie: string, id: number, ledger = base): Promise<Timeline> => json<Timeline>(await t.request(cookie, { method: 'GET', url: `${ledger}/${id}/timeline` }));

beforeAll(async () => {
  // a fixed day (Friday 2026-11-20, 10:00 in Beijing), so "today" in every clock is the same whenever the test runs
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T02:00:00Z') });
  t = await startTestApp({ modules: [adminModule, mediationModule, testModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
  reviewer = await t.login('reviewer');
  leader = await t.login('leader');
});

afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('a workflow with gates and a statutory clock', () => {
  let id: number;

  it('puts a new record in the initial state and starts the clock on its date field', async () => {
    const res = await t.request(clerk, { method: 'POST', url: base, payload: { case_no: '（2026）测字第1号', received_on: '2026-03-02' } });
    expect(res.statusCode).toBe(200);
    id = json<{ id: number; state: string }>(res).id;
    expect(json<{ state: string }>(res).state).toBe('registered');
    const tl = await timelineOf(clerk, id);
    expect(tl).toMatchObject({ state: 'registered', stateLabel: '已登记', final: false });
    expect(tl.events.map((e) => [e.transition, e.toLabel, e.actor])).toEqual([['create', '已登记', 'clerk']]);
    const clock = tl.clocks.find((c) => c.id === 'decide');
    // 3/3–6, 9–13, 16–20, 23–27, 30 = 20 working days
    expect(clock).toMatchObject({ status: 'running', due: '2026-03-30', unit: 'working', overdue: true });
    expect(clock?.explanation).toContain('2026-03-02（周一） 起算（受理日期），自次日开始计算');
    expect(tl.clocks.find((c) => c.id === 'publish')).toMatchObject({ status: 'pending', due: null, explanation: ['公示期限：期限7个工作日', '尚未起算：待“作出决定”'] });
  });

  it('refuses a transition the role may not do, and one the state does not allow', async () => {
    const denied = await transition(clerk, id, 'decide', { decision_no: 'X' });
    expect(denied.statusCode).toBe(403);
    expect(json(denied).detail).toBe('您的角色无权办理“作出决定”');
    const early = await transition(leader, id, 'decide');
    expect(early.statusCode).toBe(409);
    expect(json(early)).toMatchObject({ code: 'transition_not_allowed', detail: '该案件当前为“已登记”，不能办理“作出决定”（须在“已立案”、“已审核”状态下办理）' });
  });

  it('refuses a decision before its legality review, naming exactly what is missing', async () => {
    expect((await transition(clerk, id, 'file', { date: '2026-03-03' })).statusCode).toBe(200);
    const res = await transition(leader, id, 'decide', { date: '2026-03-04' });
    expect(res.statusCode).toBe(422);
    const problem = json<{ code: string; detail: string; errors: Array<{ path: string; message: string }> }>(res);
    expect(problem.code).toBe('gate_refused');
    expect(problem.detail).toBe('不能办理“作出决定”：尚未办理“法制审核”；未填写“决定书文号”');
    expect(problem.errors.map((e) => e.path)).toEqual(['after.review', 'decision_no']);
    // the review itself waits for its document
    const review = await transition(reviewer, id, 'review');
    expect(review.statusCode).toBe(422);
    expect(json(review).detail).toBe('不能办理“法制审核”：缺少附件“法制审核意见书”');
    const tl = await timelineOf(leader, id);
    expect(tl.transitions.find((x) => x.name === 'decide')?.blockedBy.map((m) => m.message)).toEqual(['尚未办理“法制审核”']);
  });

  it('pauses the clock on suspension and resumes it with the days that were left', async () => {
    const noNote = await transition(clerk, id, 'suspend', { date: '2026-03-06' });
    expect(noNote.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(noNote).errors.map((e) => e.path)).toEqual(['note']);
    const suspended = await transition(clerk, id, 'suspend', { date: '2026-03-06', note: '等待鉴定结论' });
    expect(suspended.statusCode).toBe(200);
    const paused = json<Timeline>(suspended).clocks.find((c) => c.id === 'decide');
    expect(paused).toMatchObject({ status: 'paused', due: null, daysLeft: 16 });
    expect(paused?.explanation).toContain('2026-03-06（周五） 暂停计时（等待鉴定结论），此前已计4个工作日，暂停期间不计入期限');

    const resumed = json<Timeline>(await transition(clerk, id, 'resume', { date: '2026-03-20' }));
    expect(resumed.state).toBe('filed');
    // 16 left from 3/21: 3/23–27, 3/30–4/3, (4/4–6 清明), 4/7–10, 4/13, 4/14
    expect(resumed.clocks.find((c) => c.id === 'decide')).toMatchObject({ status: 'running', due: '2026-04-14' });
  });

  it('refuses a date before the last step and a date in the future', async () => {
    const before = await transition(clerk, id, 'suspend', { date: '2026-03-19', note: '再次中止' });
    expect(before.statusCode).toBe(400);
    expect(json(before).detail).toBe('办理日期：不能早于上一办理步骤的日期（2026-03-20）');
    const future = await transition(clerk, id, 'suspend', { date: '2026-11-21', note: '再次中止' });
    expect(json(future).detail).toBe('办理日期：不能晚于今天（2026-11-20）');
  });

  it('extends once through a transition with a reason and the notice document, and never twice', async () => {
    const noNotice = await transition(leader, id, 'extend', { date: '2026-03-23', note: '案情复杂，经负责人批准延期' });
    expect(noNotice.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(noNotice).errors.map((e) => e.path)).toEqual(['noticeAttachmentId']);

    const wrongKind = json<{ id: number }>(await upload(reviewer, `${base}/${id}/attachments`, '附件'));
    const wrong = await transition(leader, id, 'extend', { date: '2026-03-23', note: '案情复杂', noticeAttachmentId: wrongKind.id });
    expect(json(wrong).detail).toBe('通知书附件：所选附件的类型是“附件”，应为“延期通知书”');

    const notice = json<{ id: number }>(await upload(reviewer, `${base}/${id}/attachments`, '延期通知书', '延期通知书.pdf'));
    const byClerk = await transition(clerk, id, 'extend', { date: '2026-03-23', note: '案情复杂', noticeAttachmentId: notice.id });
    expect(byClerk.statusCode).toBe(403);
    const extended = await transition(leader, id, 'extend', { date: '2026-03-23', note: '案情复杂，经负责人批准延期', noticeAttachmentId: notice.id });
    expect(extended.statusCode).toBe(200);
    const tl = json<Timeline>(extended);
    expect(tl.state).toBe('filed');
    // 20 more working days after 4/14, across 劳动节 (5/1–5 off, 5/9 a make-up Saturday)
    expect(tl.clocks.find((c) => c.id === 'decide')).toMatchObject({ due: '2026-05-14', extended: true, totalDays: 40, extension: { available: false, permitted: true } });
    expect(tl.events.at(-1)).toMatchObject({ transition: 'extend', actor: 'leader', actorName: '陈志远', onDate: '2026-03-23', data: { note: '案情复杂，经负责人批准延期', notices: { decide: { id: notice.id, name: '延期通知书.pdf' } } } });

    const again = await transition(leader, id, 'extend', { date: '2026-03-24', note: '再次延期', noticeAttachmentId: notice.id });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ code: 'clock_extension_used', detail: '不能办理“延期”：“决定期限”已延长过一次期限，不能再次延长' });
    const viaRoute = await t.request(leader, { method: 'POST', url: `${base}/${id}/clocks/decide/extend`, payload: { reason: '再次延期', noticeAttachmentId: notice.id } });
    expect(viaRoute.statusCode).toBe(409);
    expect(json(viaRoute).code).toBe('clock_extension_used');
    expect((await timelineOf(leader, id)).clocks.find((c) => c.id === 'decide')?.due).toBe('2026-05-14');
  });

  it('decides after the review, stops the clock in time, starts the next one and records everything', async () => {
    expect((await upload(reviewer, `${base}/${id}/attachments`, '法制审核意见书')).statusCode).toBe(200);
    expect((await transition(reviewer, id, 'review', { date: '2026-03-25', note: '同意' })).statusCode).toBe(200);
    const before = json<{ version: number }>(await t.request(leader, { method: 'GET', url: `${base}/${id}` })).version;
    const res = await transition(leader, id, 'decide', { date: '2026-04-10', decision_no: '测决字〔2026〕1号', decided_on: '2026-04-10', version: before });
    expect(res.statusCode).toBe(200);
    const tl = json<Timeline>(res);
    expect(tl).toMatchObject({ state: 'decided', stateLabel: '已决定', final: true, transitions: [] });
    expect(tl.clocks.find((c) => c.id === 'decide')).toMatchObject({ status: 'stopped', due: '2026-05-14', overdue: false });
    expect(tl.clocks.find((c) => c.id === 'decide')?.explanation.at(-1)).toBe('于2026-04-10（周五）办结，在期限内');
    expect(tl.clocks.find((c) => c.id === 'publish')).toMatchObject({ status: 'running', due: '2026-04-21', overdue: true });
    expect(tl.events.map((e) => `${e.transition}:${e.actor}:${e.onDate}`)).toEqual([
      'create:clerk:2026-11-20',
      'file:clerk:2026-03-03',
      'suspend:clerk:2026-03-06',
      'resume:clerk:2026-03-20',
      'extend:leader:2026-03-23',
      'review:reviewer:2026-03-25',
      'decide:leader:2026-04-10',
    ]);
    expect(tl.events.at(-1)?.data).toMatchObject({ captured: { decision_no: '测决字〔2026〕1号', decided_on: '2026-04-10' } });

    const record = json<{ version: number; state: string; values: Record<string, unknown> }>(await t.request(leader, { method: 'GET', url: `${base}/${id}` }));
    expect(record).toMatchObject({ version: before + 1, state: 'decided', values: { decision_no: '测决字〔2026〕1号' } });
    const history = json<{ items: Array<{ action: string; diff: Record<string, unknown> }> }>(await t.request(leader, { method: 'GET', url: `${base}/${id}/history` }));
    const actions = history.items.map((h) => h.action);
    expect(actions.filter((a) => a === 'transition')).toHaveLength(6);
    expect(actions[0]).toBe('create');
    expect(history.items.find((h) => h.action === 'transition' && (h.diff as { transition: string }).transition === 'decide')?.diff).toMatchObject({ state: { from: 'reviewed', to: 'decided' }, clocks: { publish: { due: { from: null, to: '2026-04-21' } } } });
  });

  it('refuses a stale version and fields the transition does not capture', async () => {
    const other = json<{ id: number }>(await t.request(clerk, { method: 'POST', url: base, payload: { case_no: '（2026）测字第2号', received_on: '2026-11-02' } }));
    const stale = await transition(clerk, other.id, 'file', { version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).code).toBe('stale_version');
    // a field another step records: refused and audited like a plain edit of it (decision 0011)
    const extra = await transition(clerk, other.id, 'file', { decision_no: 'X' });
    expect(extra.statusCode).toBe(403);
    expect(json<{ detail: string }>(extra).detail).toMatch(/^“决定书文号”由“.+”环节填写，不能在“.+”中填写$/);
    // a name no field has is still a plain input error
    const unknown = await transition(clerk, other.id, 'file', { no_such_field: 'X' });
    expect(unknown.statusCode).toBe(400);
  });

  it('hides another town’s record and its timeline', async () => {
    const clerk2 = await t.login('clerk2');
    expect((await t.request(clerk2, { method: 'GET', url: `${base}/${id}/timeline` })).statusCode).toBe(404);
    expect((await transition(clerk2, id, 'file')).statusCode).toBe(404);
  });
});

describe('the mediation case workflow', () => {
  const med = '/api/ledgers/mediation.case';
  let committeeId: number;
  let mediatorId: number;

  const newCase = async (no: string, received: string): Promise<number> => {
    const res = await t.request(clerk, {
      method: 'POST',
      url: med,
      payload: { received_on: received, source: '当事人申请', dispute_type: '邻里纠纷', summary: `${no}相邻通行纠纷`, applicant_name: '甲', respondent_name: '乙', parties_count: 2, committee_id: committeeId, mediator_id: mediatorId, outcome: '正在调解', confirmDuplicate: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    return json<{ id: number }>(res).id;
  };

  beforeAll(async () => {
    const committees = json<{ items: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.committee?pageSize=1' }));
    committeeId = committees.items[0]?.id ?? 0;
    const mediators = json<{ items: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.mediator?f.committee_id=${committeeId}&pageSize=1` }));
    mediatorId = mediators.items[0]?.id ?? 0;
  });

  it('runs one month from the day of acceptance and stops when the case is closed', async () => {
    const id = await newCase('（2026）测调字第001号', '2026-11-02');
    expect((await timelineOf(clerk, id, med)).clocks[0]).toMatchObject({ id: 'mediate', status: 'running', due: '2026-12-02', unit: 'calendar', daysLeft: 12 });

    const refused = await t.request(clerk, { method: 'POST', url: `${med}/${id}/transitions/close`, payload: {} });
    expect(refused.statusCode).toBe(422);
    expect(json(refused).detail).toBe('不能办理“调解结案”：未填写“结案日期”；调解结果须为调解成功、调解不成或终止调解');

    const closed = await t.request(clerk, { method: 'POST', url: `${med}/${id}/transitions/close`, payload: { outcome: '调解成功', agreement_type: '口头协议', agreement_effective_on: '2026-11-19', agreement_content: '双方互谅互让，乙于11月25日前清理通道杂物。', closed_on: '2026-11-19' } });
    expect(closed.statusCode, closed.body).toBe(200);
    const tl = json<Timeline>(closed);
    // an agreement waits for the follow-up visit on its performance (人民调解法第三十一条)
    expect(tl).toMatchObject({ state: 'agreed', stateLabel: '已达成协议（待回访）' });
    expect(tl.clocks[0]).toMatchObject({ status: 'stopped', due: '2026-12-02', overdue: false });
  });

  it('closes through 调解结案, not through an edit of the record (decision 0011)', async () => {
    const id = await newCase('（2026）测调字第002号', '2026-10-10');
    const record = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `${med}/${id}` }));
    const edit = await t.request(clerk, { method: 'PUT', url: `${med}/${id}`, payload: { version: record.version, outcome: '调解不成', referral: '引导诉讼', closed_on: '2026-11-16' } });
    expect(edit.statusCode, edit.body).toBe(403);
    expect(edit.body).toContain('“结案日期”由“调解结案”环节填写，不能在编辑表单中修改');
    const res = await t.request(clerk, { method: 'POST', url: `${med}/${id}/transitions/close`, payload: { version: record.version, outcome: '调解不成', referral: '引导诉讼', closed_on: '2026-11-16', date: '2026-11-16' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ state: string }>(res).state).toBe('failed');
    const tl = await timelineOf(clerk, id, med);
    expect(tl.events.at(-1)).toMatchObject({ transition: 'close', fromState: 'mediating', toState: 'failed', actor: 'clerk' });
    // 10/10 + 30 = 11/9 (Mon); closed 11/16: a week late
    expect(tl.clocks[0]).toMatchObject({ status: 'stopped', due: '2026-11-09', overdue: true, daysLeft: -7 });
  });

  it('takes the period from the setting when an administrator changes it', async () => {
    const id = await newCase('（2026）测调字第003号', '2026-11-02');
    await setSetting(t.platform.db, 'clock.mediation.days', 45);
    try {
      const clock = (await timelineOf(clerk, id, med)).clocks[0];
      // 11/2 + 45 = 12/17
      expect(clock).toMatchObject({ due: '2026-12-17', totalDays: 45 });
      expect(clock?.explanation[0]).toBe('调解期限：期限45个自然日');
    } finally {
      await setSetting(t.platform.db, 'clock.mediation.days', 30);
    }
  });
});
