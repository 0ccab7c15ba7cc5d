import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { calendarModule } from '../calendar/calendar.module.ts';
import { defineLedger } from '../ledger/ledger.types.ts';
import { defineModule } from '../module.ts';
import { setSetting } from '../settings.ts';
import { workflowModule } from './workflow.module.ts';
import type { Timeline } from './workflow.service.ts';
import { defineWorkflow } from './workflow.types.ts';

// a penalty-like case: the party has 5 working days after the notice, unless he waives them in writing
const penaltyLedger = defineLedger({
  name: 'tgtest.case',
  table: 'tgtest_case',
  label: '测试处罚案件',
  noun: '案件',
  module: 'tgtest',
  titleFields: ['case_no'],
  fields: [
    { name: 'case_no', label: '案号', type: 'text', required: true },
    { name: 'waived_on', label: '书面放弃日期', type: 'date' },
    { name: 'decided_on', label: '决定日期', type: 'date' },
  ],
  workflow: defineWorkflow({
    states: { investigated: { label: '调查终结' }, notified: { label: '已告知' }, decided: { label: '已决定', final: true } },
    initial: 'investigated',
    transitions: [
      { name: 'notify', label: '告知', from: ['investigated'], to: 'notified' },
      { name: 'waive', label: '记录书面放弃', from: ['notified'], captures: ['waived_on'], gates: { fields: ['waived_on'] } },
      {
        name: 'decide',
        label: '作出处罚决定',
        from: ['notified'],
        to: 'decided',
        roles: ['leader'],
        captures: ['decided_on'],
        gates: {
          fields: ['decided_on'],
          notBefore: [{ id: 'hearing', days: 5, unit: 'working', from: { transition: 'notify' }, on: 'decided_on', reason: (p) => `当事人可在告知后${p}内要求听证`, statute: '行政处罚法第六十四条', unless: ['waived_on'] }],
        },
      },
    ],
  }),
});

// a major decision: 30 calendar days of public comment (a setting), and every comment answered
const decisionLedger = defineLedger({
  name: 'tgtest.decision',
  table: 'tgtest_decision',
  label: '测试重大决策',
  noun: '决策事项',
  module: 'tgtest',
  titleFields: ['title'],
  fields: [
    { name: 'title', label: '名称', type: 'text', required: true },
    { name: 'comment_from', label: '征求意见开始日期', type: 'date' },
    { name: 'decided_on', label: '决定日期', type: 'date' },
  ],
  workflow: defineWorkflow({
    states: { drafting: { label: '拟订中' }, decided: { label: '已决定', final: true } },
    initial: 'drafting',
    transitions: [
      {
        name: 'decide',
        label: '作出决定',
        from: ['drafting'],
        to: 'decided',
        roles: ['leader'],
        captures: ['decided_on'],
        gates: {
          fields: ['decided_on'],
          notBefore: [{ id: 'comment', days: 30, unit: 'calendar', daysSetting: 'gate.tgtest.commentDays', from: { field: 'comment_from' }, on: 'decided_on', reason: (p, last) => `公开征求意见的期限一般不少于${p}，至${last}届满`, statute: '重大行政决策程序暂行条例第十五条' }],
          answered: [{ table: 'tgtest_comment', ref: 'decision', fields: ['handling'], noun: '公众意见', message: (n) => `尚有${n}条公众意见未填写采纳情况` }],
        },
      },
    ],
  }),
});

const commentLedger = defineLedger({
  name: 'tgtest.comment',
  table: 'tgtest_comment',
  label: '测试公众意见',
  noun: '意见',
  module: 'tgtest',
  titleFields: ['summary'],
  fields: [
    { name: 'decision', label: '决策事项', type: 'ref', ref: 'tgtest.decision', required: true },
    { name: 'summary', label: '意见摘要', type: 'text', required: true },
    { name: 'handling', label: '采纳情况', type: 'dict', options: ['采纳', '部分采纳', '不予采纳'] },
  ],
});

const testModule = defineModule({ name: 'tgtest', label: '测试', ledgers: [penaltyLedger, decisionLedger, commentLedger] });
const cases = '/api/ledgers/tgtest.case';
const decisions = '/api/ledgers/tgtest.decision';
const comments = '/api/ledgers/tgtest.comment';

let t: TestApp;
let clerk: string;
let leader: string;

// 10:00 in Beijing on the given day; sessions idle for days have expired, so everyone signs in again
async function at(day: string): Promise<void> {
  vi.setSystemTime(new Date(`${day}T02:00:00Z`));
  clerk = await t.login('clerk');
  leader = await t.login('leader');
}
const post = (cookie: string, url: string, payload: Record<string, unknown> = {}) => t.request(cookie, { method: 'POST', url, payload });
const timelineOf = async (url: string, id: number): Promise<Timeline> => json<Timeline>(await t.request(leader, { method: 'GET', url: `${url}/${id}/timeline` }));

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T02:00:00Z') });
  t = await startTestApp({ modules: [adminModule, testModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
  leader = await t.login('leader');
});

afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('a decision may not cut short the party’s hearing window', () => {
  let id: number;

  it('refuses the decision on the day of the notice, naming the first day it is allowed', async () => {
    await at('2026-03-02');
    id = json<{ id: number }>(await post(clerk, cases, { case_no: '测罚〔2026〕1号' })).id;
    expect((await post(clerk, `${cases}/${id}/transitions/notify`)).statusCode).toBe(200);
    const res = await post(leader, `${cases}/${id}/transitions/decide`, { decided_on: '2026-03-02' });
    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({
      code: 'gate_refused',
      detail: '不能办理“作出处罚决定”：当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条），2026年3月10日起方可作出处罚决定（决定日期：2026年3月2日）',
      errors: [{ path: 'notBefore.hearing' }],
    });
    expect((await timelineOf(cases, id)).state).toBe('notified');
  });

  it('lists the waiting transition with the date and the reason', async () => {
    const decide = (await timelineOf(cases, id)).transitions.find((x) => x.name === 'decide');
    expect(decide).toMatchObject({ notBefore: '2026-03-10', waitReason: '当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条）', blockedBy: [] });
  });

  it('refuses a decision dated inside the window even when recorded afterwards', async () => {
    await at('2026-03-12');
    const res = await post(leader, `${cases}/${id}/transitions/decide`, { decided_on: '2026-03-09' });
    expect(res.statusCode).toBe(422);
    expect(json(res).detail).toContain('2026年3月10日起方可作出处罚决定');
  });

  it('allows the decision once the window has run', async () => {
    expect((await timelineOf(cases, id)).transitions.find((x) => x.name === 'decide')).toMatchObject({ notBefore: null, waitReason: null });
    const res = await post(leader, `${cases}/${id}/transitions/decide`, { decided_on: '2026-03-10' });
    expect(res.statusCode).toBe(200);
    expect(json<Timeline>(res).state).toBe('decided');
  });

  it('allows an earlier decision when the party waived the window in writing', async () => {
    await at('2026-03-02');
    const other = json<{ id: number }>(await post(clerk, cases, { case_no: '测罚〔2026〕2号' })).id;
    expect((await post(clerk, `${cases}/${other}/transitions/notify`)).statusCode).toBe(200);
    await at('2026-03-03');
    expect((await post(clerk, `${cases}/${other}/transitions/waive`, { waived_on: '2026-03-03' })).statusCode).toBe(200);
    expect((await timelineOf(cases, other)).transitions.find((x) => x.name === 'decide')?.notBefore).toBeNull();
    const res = await post(leader, `${cases}/${other}/transitions/decide`, { decided_on: '2026-03-03' });
    expect(res.statusCode).toBe(200);
  });
});

describe('a major decision waits for the comment period and for every comment to be answered', () => {
  let id: number;
  const commentIds: number[] = [];

  it('refuses while the comment period runs, naming its end and the first allowed day', async () => {
    await at('2026-03-02');
    id = json<{ id: number }>(await post(clerk, decisions, { title: '镇区停车管理办法', comment_from: '2026-03-02' })).id;
    for (const summary of ['建议增加夜间停车位', '建议免费时段延长']) commentIds.push(json<{ id: number }>(await post(clerk, comments, { decision: id, summary })).id);
    const res = await post(leader, `${decisions}/${id}/transitions/decide`, { decided_on: '2026-03-02' });
    expect(res.statusCode).toBe(422);
    expect(json(res).detail).toBe(
      '不能办理“作出决定”：尚有2条公众意见未填写采纳情况；公开征求意见的期限一般不少于30个自然日，至2026年4月1日届满（重大行政决策程序暂行条例第十五条），2026年4月2日起方可作出决定（决定日期：2026年3月2日）',
    );
  });

  it('moves the date when the configured period changes', async () => {
    await setSetting(t.platform.db, 'gate.tgtest.commentDays', 45);
    try {
      // 45 days from 3/2 is Thu 4/16
      expect((await timelineOf(decisions, id)).transitions.find((x) => x.name === 'decide')).toMatchObject({ notBefore: '2026-04-17', waitReason: '公开征求意见的期限一般不少于45个自然日，至2026年4月16日届满（重大行政决策程序暂行条例第十五条）' });
      await at('2026-04-10');
      expect(json((await post(leader, `${decisions}/${id}/transitions/decide`, { decided_on: '2026-04-10' }))).detail).toContain('2026年4月17日起方可作出决定');
    } finally {
      await setSetting(t.platform.db, 'gate.tgtest.commentDays', 30);
    }
  });

  it('after the period, refuses while comments are unanswered, naming how many', async () => {
    await at('2026-04-02');
    const tl = await timelineOf(decisions, id);
    expect(tl.transitions.find((x) => x.name === 'decide')).toMatchObject({ notBefore: null, blockedBy: [{ path: 'answered.tgtest_comment', message: '尚有2条公众意见未填写采纳情况' }] });
    const [first, second] = commentIds;
    const version = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `${comments}/${first}` })).version;
    expect((await t.request(clerk, { method: 'PUT', url: `${comments}/${first}`, payload: { handling: '采纳', version } })).statusCode).toBe(200);
    const res = await post(leader, `${decisions}/${id}/transitions/decide`, { decided_on: '2026-04-02' });
    expect(res.statusCode).toBe(422);
    expect(json(res).detail).toBe('不能办理“作出决定”：尚有1条公众意见未填写采纳情况');
    const v2 = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `${comments}/${second}` })).version;
    expect((await t.request(clerk, { method: 'PUT', url: `${comments}/${second}`, payload: { handling: '不予采纳', version: v2 } })).statusCode).toBe(200);
    expect((await post(leader, `${decisions}/${id}/transitions/decide`, { decided_on: '2026-04-02' })).statusCode).toBe(200);
  });
});
