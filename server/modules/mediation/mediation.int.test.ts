import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { clockOf, fixedClock, succeeding, transitionStep } from '../../test/workflow-client.ts';
import { mediationModule } from './mediation.module.ts';

// 人民调解法 (2010): agreements (arts. 28–30), follow-up (art. 31), 司法确认 within 30 days (art. 33), a failed
// mediation tells the parties of other channels (art. 26). Dates counted by hand on the 2026 calendar: 国庆 10/1–7,
// make-up working days Sun 9/20 and Sat 10/10
let t: TestApp;
let clerk: string;
let clerk2: string;
let supervisor: string;
let committee = 0;
let mediator = 0;
const base = '/api/ledgers/mediation.case';

fixedClock('2026-11-20T02:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
  clerk2 = await t.login('clerk2');
  supervisor = await t.login('supervisor');
  const c = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: { name: '城关镇测试人民调解委员会', kind: '乡镇（街道）人民调解委员会', director: '周德明' } });
  expect(c.statusCode, c.body).toBe(200);
  committee = json<{ id: number }>(c).id;
  const m = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.mediator', payload: { name: '吴秀兰', gender: '女', committee_id: committee, position: '主任', kind: '专职', active: true } });
  expect(m.statusCode, m.body).toBe(200);
  mediator = json<{ id: number }>(m).id;
}, 300_000);

afterAll(async () => t.close());

async function newCase(patch: Record<string, unknown> = {}): Promise<number> {
  const payload = { received_on: '2026-08-20', source: '当事人申请', dispute_type: '损害赔偿纠纷', summary: '李四与王五财产损害赔偿纠纷', description: '王五施工致李四房屋开裂，李四要求赔偿修缮费用。', applicant_name: '李四', applicant_id: '33010219800101123X', applicant_phone: '13800001111', respondent_name: '王五', parties_count: 2, amount: 3, committee_id: committee, mediator_id: mediator, outcome: '正在调解', confirmDuplicate: true, ...patch };
  const res = await t.request(clerk, { method: 'POST', url: base, payload });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const step = transitionStep(() => t, base);
const ok = succeeding(step);
const timeline = async (id: number): Promise<Timeline> => json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
const values = async (id: number): Promise<Record<string, unknown>> => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` })).values;
const written = { outcome: '调解成功', agreement_type: '书面协议', agreement_effective_on: '2026-09-03', agreement_content: '一、王五于2026年9月30日前支付李四修缮费用2.40万元。\n二、双方就本纠纷再无其他争议。', responsibility: '王五施工未采取防护措施，应承担主要责任。', agreement_amount: 2.4, judicial_confirmation: true, closed_on: '2026-09-03', date: '2026-09-03' };

describe('人民调解 on the 人民调解法', () => {
  it('records where a dispute came from: a transferred one names the body that sent it', async () => {
    const res = await t.request(clerk, { method: 'POST', url: base, payload: { received_on: '2026-09-10', source: '综治中心移交', dispute_type: '邻里纠纷', summary: '相邻通行纠纷', applicant_name: '赵六', respondent_name: '钱七', parties_count: 2, committee_id: committee, mediator_id: mediator, outcome: '正在调解' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('委派（移交）单位');
    const id = await newCase({ received_on: '2026-09-10', source: '信访部门转交', source_org: '城关镇信访办', source_ref: '信20260187' });
    expect(await values(id)).toMatchObject({ source: '信访部门转交', source_org: '城关镇信访办', source_ref: '信20260187' });
    // the customary month (a setting): 9/10 + 30 = 10/10, a make-up working Saturday, so it stays
    expect(clockOf(await timeline(id), 'mediate')).toMatchObject({ due: '2026-10-10' });
  });

  it('an agreement needs its form, effective date and terms; a written one is numbered and printed as 人民调解协议书', async () => {
    const id = await newCase();
    const bare = await step(clerk, id, 'close', { outcome: '调解成功', agreement_type: '书面协议', closed_on: '2026-09-03', date: '2026-09-03' });
    expect(bare.statusCode).toBe(422);
    expect(bare.body).toContain('协议生效日期');
    expect(bare.body).toContain('协议内容');
    const tl = await ok(clerk, id, 'close', written);
    expect(tl.state).toBe('agreed');
    const v = await values(id);
    expect(String(v['agreement_no'])).toMatch(/调协字〔2026〕\d{3}号$/);
    // art. 33: 30 days from the day it took effect, 9/3 + 30 = 10/3 (国庆) → 10/8
    expect(clockOf(tl, 'confirm')).toMatchObject({ due: '2026-10-08' });
    const doc = await t.request(clerk, { method: 'GET', url: `/api/mediation/cases/${id}/agreement` });
    expect(doc.statusCode, doc.body.slice(0, 300)).toBe(200);
    expect(decodeURIComponent(String(doc.headers['x-doc-number']))).toBe(v['agreement_no']);
    const text = ((await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    for (const s of ['人民调解协议书', String(v['agreement_no']), '李四', '王五', '33010219800101123X', '2.40万元', '三十日内共同向人民法院申请司法确认', '城关镇测试人民调解委员会', '吴秀兰', '2026年9月3日']) expect(text).toContain(s);
    // reading it twice gives the same number: printing only reads
    const again = await t.request(clerk, { method: 'GET', url: `/api/mediation/cases/${id}/agreement` });
    expect(decodeURIComponent(String(again.headers['x-doc-number']))).toBe(v['agreement_no']);
    // a user of another town does not see the case, nor its agreement
    expect((await t.request(clerk2, { method: 'GET', url: `/api/mediation/cases/${id}/agreement` })).statusCode).toBe(404);

    // 司法确认 is on the parties' to-do until it is applied for; then the clock stops
    const todos = json<{ items: Array<{ ledger: string; recordId: number; step: string }> }>(await t.request(clerk, { method: 'GET', url: '/api/todos?pageSize=200&ledger=mediation.case' }));
    const mine = todos.items.filter((i) => i.recordId === id).map((i) => i.step);
    expect(mine).toEqual(expect.arrayContaining(['follow_up', 'apply_confirmation']));
    const applied = await ok(clerk, id, 'apply_confirmation', { confirmation_applied_on: '2026-09-15', confirmation_court: '演示县人民法院城关人民法庭', date: '2026-09-15' });
    expect(clockOf(applied, 'confirm')?.status).toBe('stopped');
    // art. 31: the follow-up visit on performance closes the case
    expect((await step(clerk, id, 'follow_up', { follow_up_on: '2026-10-09' })).statusCode).toBe(422);
    const visited = await ok(clerk, id, 'follow_up', { follow_up_on: '2026-10-09', performed: true, follow_up_note: '已履行完毕', date: '2026-10-09' });
    expect(visited.state).toBe('closed');
  });

  it('an oral agreement is recorded, not numbered, and has no 协议书; the parties who do not want 司法确认 get no clock', async () => {
    const id = await newCase();
    const tl = await ok(clerk, id, 'close', { ...written, agreement_type: '口头协议', judicial_confirmation: false });
    expect(tl.state).toBe('agreed');
    const v = await values(id);
    expect(v['agreement_no']).toBeNull();
    expect(v['agreement_content']).toContain('2.40万元');
    expect(clockOf(tl, 'confirm')?.status).toBe('pending');
    const doc = await t.request(clerk, { method: 'GET', url: `/api/mediation/cases/${id}/agreement` });
    expect(doc.statusCode).toBe(409);
    expect(doc.body).toContain('口头协议');
  });

  it('a failed mediation records the channels the parties were told of, and is not followed up', async () => {
    const id = await newCase();
    const bare = await step(clerk, id, 'close', { outcome: '调解不成', closed_on: '2026-09-05', date: '2026-09-05' });
    expect(bare.statusCode).toBe(422);
    expect(bare.body).toContain('人民调解法第二十六条');
    // no agreement date on a failed mediation: nothing half-saved
    const mixed = await step(clerk, id, 'close', { outcome: '调解不成', referral: '引导诉讼', agreement_effective_on: '2026-09-05', closed_on: '2026-09-05', date: '2026-09-05' });
    expect(mixed.statusCode).toBe(400);
    expect((await values(id))['outcome']).toBe('正在调解');
    const tl = await ok(clerk, id, 'close', { outcome: '调解不成', referral: '引导仲裁', referral_note: '告知向县劳动人事争议仲裁委员会申请仲裁', closed_on: '2026-09-05', date: '2026-09-05' });
    expect(tl.state).toBe('failed');
    expect(clockOf(tl, 'mediate')?.status).toBe('stopped');
    expect((await step(clerk, id, 'follow_up', { follow_up_on: '2026-09-10', performed: true })).statusCode).toBe(409);
    expect((await t.request(clerk, { method: 'GET', url: `/api/mediation/cases/${id}/agreement` })).statusCode).toBe(409);
    const ended = await newCase();
    expect((await step(clerk, ended, 'close', { outcome: '终止调解', closed_on: '2026-09-05' })).body).toContain('终止调解须注明终止原因');
    expect((await ok(clerk, ended, 'close', { outcome: '终止调解', termination_reason: '当事人一方明确拒绝调解', closed_on: '2026-09-05', date: '2026-09-05' })).state).toBe('terminated');
  });

  it('the outcome and the agreement are the steps’ own: a plain edit cannot write them, and a reader cannot act', async () => {
    const id = await newCase();
    const res = await t.request(clerk, { method: 'PUT', url: `${base}/${id}`, payload: { agreement_content: '私自改写的协议', version: 1 } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('调解结案');
    expect((await step(supervisor, id, 'close', written)).statusCode).toBe(403);
  });

  it('到期事项 lists what falls due within the next N days and exports it to Excel', async () => {
    // received 11/10: the month runs to 12/10, 20 days after today (11/20)
    const id = await newCase({ received_on: '2026-11-10', summary: '到期事项测试相邻纠纷' });
    const within = async (n: number): Promise<number[]> => json<{ items: Array<{ ledger: string; recordId: number }> }>(await t.request(clerk, { method: 'GET', url: `/api/deadlines?module=mediation&within=${n}&pageSize=200` })).items.map((i) => i.recordId);
    expect(await within(20)).toContain(id);
    expect(await within(19)).not.toContain(id);
    const bad = await t.request(clerk, { method: 'GET', url: '/api/deadlines?within=-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('未来天数');
    const res = await t.request(clerk, { method: 'GET', url: '/api/deadlines/export.xlsx?module=mediation&within=20' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('到期事项-2026-11-20.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('到期事项')?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1).map((c) => String(c ?? '')) : []));
    expect(rows[0]).toEqual(['届满日', '剩余时间', '状态', '事项', '台账', '期限', '责任单位', '记录编号']);
    expect(rows.find((r) => r[7] === String(id))).toEqual(['2026-12-10', '剩余20天', '计时中', expect.stringContaining('到期事项测试相邻纠纷'), '矛盾纠纷调解', '调解期限', '城关镇', String(id)]);
    // another town's clerk exports nothing of this town
    const other = await t.request(clerk2, { method: 'GET', url: '/api/deadlines/export.xlsx?module=mediation' });
    expect(other.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(wb2.getWorksheet('到期事项')?.getSheetValues())).not.toContain('到期事项测试相邻纠纷');
  });
});

describe('a committee\'s members counted from its mediators', () => {
  const members = async () => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.committee/${committee}` })).values['members'];

  it('counts the 主任, 副主任 and 委员 on the roster, and follows a position changed or a member withdrawn', async () => {
    const before = Number(await members());
    const add = async (position: string) => json<{ id: number; version: number }>(await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.mediator', payload: { name: '陈立新', gender: '男', committee_id: committee, position, kind: '兼职', active: true } }));
    const member = await add('委员');
    await add('调解员');
    expect(await members()).toBe(before + 1);
    const moved = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/mediation.mediator/${member.id}`, payload: { position: '调解员', version: member.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await members()).toBe(before);
    const other = await add('副主任');
    expect(await members()).toBe(before + 1);
    const gone = await t.request(await t.login('county'), { method: 'POST', url: `/api/ledgers/mediation.mediator/${other.id}/withdraw`, payload: { reason: '录入重复' } });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await members()).toBe(before);
  });

  it('refuses a typed number of members', async () => {
    const res = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: { name: '城关镇第二测试人民调解委员会', kind: '村（居）人民调解委员会', director: '周德明', members: 5 } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('委员人数');
  });
});
