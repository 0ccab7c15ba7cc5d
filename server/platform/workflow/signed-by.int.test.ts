import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord } from '../../test/ledger-client.ts';
import { daysAgo } from '../../test/dates.ts';
import { disclosureModule } from '../../modules/disclosure/disclosure.module.ts';
import { workflowProblems } from './workflow.types.ts';

// issue #22: approvers never type their own names. A step's signedBy field (保密审查 审查人, 立案审批人, 法制审核人员,
// 延期批准人) is the signed-in user's display name, written by the server; a typed different name is refused.
const TOWN = '999001001000';
const L = 'disclosure.item';
let t: TestApp;
let clerk: string;
let reviewer: string;

beforeAll(async () => {
  t = await startTestApp();
  [clerk, reviewer] = await Promise.all([t.login('clerk'), t.login('reviewer')]);
});
afterAll(async () => t?.close());

type Timeline = { version: number; state: string; transitions: Array<{ name: string; captures: Array<{ name: string; required: boolean; signedBy?: string }> }> };
const go = (cookie: string, id: number, name: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${L}/${id}/transitions/${name}`, payload });
const values = async (id: number) => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` })).values;

async function submitted(title: string): Promise<number> {
  const res = await createRecord(t, clerk, L, { orgCode: `${TOWN}-01`, category: '通知公告', made_on: daysAgo(5), title });
  expect(res.statusCode, res.body).toBe(200);
  const id = json<{ id: number }>(res).id;
  expect((await go(clerk, id, 'submit_review', { secrecy_submitted_on: daysAgo(4), date: daysAgo(4) })).statusCode).toBe(200);
  return id;
}

describe('a step records who did it from the login', () => {
  it('offers the reviewer his own name, read-only and not asked for', async () => {
    const id = await submitted('关于签名字段测试的通知');
    const tl = json<Timeline>(await t.request(reviewer, { method: 'GET', url: `/api/ledgers/${L}/${id}/timeline` }));
    const field = tl.transitions.find((x) => x.name === 'review')?.captures.find((c) => c.name === 'secrecy_reviewer');
    expect(field).toMatchObject({ signedBy: '刘思齐', required: false });
  });

  it('writes the signed-in name when the body leaves it out, and accepts the same name typed', async () => {
    const id = await submitted('关于审查人自动记录的通知');
    const ok = await go(reviewer, id, 'review', { secrecy_result: '同意公开', secrecy_reviewed_on: daysAgo(3), date: daysAgo(3) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await values(id))['secrecy_reviewer']).toBe('刘思齐');
    const again = await submitted('关于审查人同名填写的通知');
    const same = await go(reviewer, again, 'review', { secrecy_result: '同意公开', secrecy_reviewer: '刘思齐', secrecy_reviewed_on: daysAgo(3), date: daysAgo(3) });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('refuses another name typed, naming the field, and records nothing', async () => {
    const id = await submitted('关于冒名审查的通知');
    const forged = await go(reviewer, id, 'review', { secrecy_result: '同意公开', secrecy_reviewer: '王局长', secrecy_reviewed_on: daysAgo(3), date: daysAgo(3) });
    expect(forged.statusCode).toBe(400);
    const body = json<{ detail: string; errors: Array<{ path: string; message: string }> }>(forged);
    expect(body.detail).toContain('审查人');
    expect(body.errors.find((e) => e.path === 'secrecy_reviewer')?.message).toBe('审查人：按登录账号记录为办理人“刘思齐”，不能填写他人姓名');
    const v = await values(id);
    expect(v['secrecy_reviewer'] ?? null).toBeNull();
    expect(v['secrecy_result'] ?? null).toBeNull();
  });

  it('refuses a declaration whose signedBy is not a text field the step captures', () => {
    const l = disclosureModule.ledgers?.find((x) => x.name === L);
    if (!l?.workflow) throw new Error('disclosure.item has no workflow');
    const transitions = l.workflow.transitions.map((x) => (x.name === 'review' ? { ...x, signedBy: 'secrecy_reviewed_on' } : x));
    expect(workflowProblems(l)).toEqual([]);
    expect(workflowProblems({ ...l, workflow: { ...l.workflow, transitions } }).join('\n')).toMatch(/signedBy secrecy_reviewed_on is not a text field it captures/);
  });
});
