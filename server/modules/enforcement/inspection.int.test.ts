import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../common/validators.ts';
import type { InspectionOverview, PublicInspection, PublicInspectionCap } from '../../../common/inspection.types.ts';
import { setSetting } from '../../platform/settings.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, moduleIndicators, refusal } from '../../test/ledger-client.ts';
import { daysAgo, daysFrom, today } from '../../test/dates.ts';
import { inspectionAlerts } from './inspection.rules.ts';

const L = 'enforcement.inspection';
const TOWN = '999001001000';
const UNIT = `${TOWN}-03`;
let t: TestApp;
let clerk: string;
let leader: string;
let county: string;
let matterId: number;
let penaltyMatterId: number;
let seq = 9000;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  leader = await t.login('leader');
  county = await t.login('county');
  const matters = await listLedger(t, county, 'enforcement.matter', `org=${TOWN}&f.matter_type=行政检查&f.matter_status=有效&pageSize=1`);
  matterId = (matters.items[0] as { id: number }).id;
  const penalties = await listLedger(t, county, 'enforcement.matter', `org=${TOWN}&f.matter_type=行政处罚&f.matter_status=有效&pageSize=1`);
  penaltyMatterId = (penalties.items[0] as { id: number }).id;
  for (const kind of ['日常', '专项', '个案']) plans[kind] = await approvedPlan(kind);
  for (const [name, cert] of [['李建国', '城关执T101'], ['王秀英', '城关执T102']] as const) {
    const res = await createRecord(t, clerk, 'enforcement.inspector', { orgCode: UNIT, name, cert_no: cert, qualifications: ['经营行为', '安全生产'], unit: '城关镇综合行政执法队', in_pool: false, cert_valid_from: '2024-01-01', cert_valid_until: daysFrom(900) });
    expect(res.statusCode, res.body).toBe(200);
  }
}, 240_000);

/** the unit's plan of a kind over the test's dates, approved by the person in charge a month ago */
const plans: Record<string, number> = {};
async function newPlan(kind: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await createRecord(t, clerk, 'enforcement.inspection_plan', { orgCode: UNIT, title: `测试${kind}检查计划`, plan_kind: kind, starts_on: daysAgo(60), ends_on: daysFrom(60), scope: '食品经营、消防安全', targets: '辖区内商贸企业', ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const approvePlan = (cookie: string, id: number, on: string) => t.request(cookie, { method: 'POST', url: `/api/ledgers/enforcement.inspection_plan/${id}/transitions/approve`, payload: { approved_on: on, approval_opinion: '同意', date: on } });
async function approvedPlan(kind: string): Promise<number> {
  const id = await newPlan(kind);
  const res = await approvePlan(leader, id, daysAgo(30));
  expect(res.statusCode, res.body).toBe(200);
  return id;
}
afterAll(async () => t.close());

interface Rec {
  id: number;
  version: number;
  state: string;
  values: Record<string, unknown>;
}
// two officers of the unit's registry (执法检查人员名录库): the steps check both against it
const officers = { inspector1_name: '李建国', inspector1_identity: '执法人员', inspector1_cert: '城关执T101', inspector2_name: '王秀英', inspector2_identity: '执法人员', inspector2_cert: '城关执T102' };
function plan(extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const kind = String(extra['plan_kind'] ?? '日常');
  return { orgCode: UNIT, plan_kind: '日常', plan: plans[kind], plan_name: '年度日常检查计划', matter: matterId, planned_on: daysFrom(3), enterprise_name: `城关镇测试商贸有限公司${seq}`, enterprise_uscc: makeUscc('999001', seq), enterprise_address: '城关镇解放路8号', ...officers, ...extra };
}
async function make(extra: Record<string, unknown> = {}): Promise<Rec> {
  const res = await createRecord(t, clerk, L, plan(extra));
  expect(res.statusCode, res.body).toBe(200);
  return json<Rec>(res);
}
const get = async (id: number): Promise<Rec> => json<Rec>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` }));
const approve = (cookie: string, id: number, body: Record<string, unknown> = {}) => t.request(cookie, { method: 'POST', url: `/api/enforcement/inspections/${id}/approve`, payload: { approved_on: today, approval_opinion: '同意', ...body } });
const notify = (id: number) => t.request(clerk, { method: 'POST', url: `/api/ledgers/${L}/${id}/transitions/notify`, payload: { notified_on: today, notice_method: '书面通知' } });
const result = (id: number, body: Record<string, unknown>) => t.request(clerk, { method: 'POST', url: `/api/enforcement/inspections/${id}/result`, payload: { inspected_on: today, inspection_record: '现场检查，出示执法证件。', ...body } });
const problem = (res: { body: string }) => json<{ code: string; detail: string; errors?: Array<{ path: string; message: string }> }>(res as never);

describe('inspection plans (日常/专项/个案) approved before any inspection under them', () => {
  it('only the person in charge approves a plan; an inspection is approved only under an approved plan of its kind and period', async () => {
    const draft = await newPlan('日常', { title: '待审批的日常检查计划' });
    expect((await approvePlan(clerk, draft, today)).statusCode).toBe(403);
    const none = await make({ plan: null });
    const refusedNone = await approve(leader, none.id);
    expect(refusedNone.statusCode, refusedNone.body).toBe(422);
    expect(problem(refusedNone).detail).toContain('请选择本次检查所依据的已批准的日常检查计划');
    const underDraft = await make({ plan: draft });
    expect(problem(await approve(leader, underDraft.id)).detail).toContain('检查计划“待审批的日常检查计划”尚未经负责人批准');
    const wrongKind = await make({ plan: plans['专项'] });
    expect(problem(await approve(leader, wrongKind.id)).detail).toContain('是专项检查计划，本次为日常检查');
    const outside = await make({ planned_on: daysFrom(90) });
    expect(problem(await approve(leader, outside.id)).detail).toContain(`计划检查日期${daysFrom(90)}不在检查计划`);
    // the plan approved today: the inspection under it may be approved from today
    expect((await approvePlan(leader, draft, today)).statusCode).toBe(200);
    const ok = await approve(leader, underDraft.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await get(underDraft.id)).values['plan']).toBe(draft);
  });

  it('an emergency inspection is recorded after the fact without a plan approved beforehand', async () => {
    const e = await make({ plan_kind: '个案', plan: null, planned_on: daysAgo(2) });
    const res = await t.request(leader, { method: 'POST', url: `/api/enforcement/inspections/${e.id}/emergency`, payload: { emergency_reason: '群众报告疑似燃气泄漏，需立即到场', approved_on: daysAgo(1), approval_opinion: '同意事后补批', inspected_on: daysAgo(2), inspection_record: '到场检查，燃气软管老化，责令停用。', outcome: '责令整改', rectify_due_on: daysFrom(3) } });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('inspection matters', () => {
  it('refuses approval under a matter that is not in the published catalog, naming the matter', async () => {
    const created = json<{ id: number }>(await createRecord(t, county, 'enforcement.matter', { orgCode: TOWN, code: `CG-JC-T${seq}`, name: '对农家乐消防安全的监督检查', matter_type: '行政检查', category: '赋权', law: '《中华人民共和国消防法》', matter_status: '有效' }));
    const r = await make({ matter: created.id });
    const res = await approve(leader, r.id);
    expect(res.statusCode, res.body).toBe(422);
    expect(problem(res).detail).toContain('对农家乐消防安全的监督检查');
    expect(problem(res).detail).toContain('不在已公布的执法事项清单');
    expect((await get(r.id)).state).toBe('planned');
  });

  it('refuses a penalty matter as an inspection matter', async () => {
    const r = await make({ matter: penaltyMatterId });
    const res = await approve(leader, r.id);
    expect(res.statusCode).toBe(422);
    expect(problem(res).detail).toContain('不是行政检查事项');
  });

  it('keeps inspection standards per matter', async () => {
    const res = await createRecord(t, county, 'enforcement.inspection_standard', { orgCode: TOWN, matter: matterId, title: '燃气安全检查标准', items: '燃气报警器是否正常\n软管是否老化' });
    expect(res.statusCode, res.body).toBe(200);
    // the field mode's checklist: the matter's active standards, each item once, in their order; scoped like the record
    const r = await make();
    const got = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/standards` });
    expect(got.statusCode, got.body).toBe(200);
    const { standards, items } = json<{ standards: Array<{ title: string; items: string[] }>; items: string[] }>(got);
    expect(standards.find((s) => s.title === '燃气安全检查标准')?.items).toEqual(['燃气报警器是否正常', '软管是否老化']);
    expect(items).toEqual([...new Set(standards.flatMap((s) => s.items))]);
    expect(items).toContain('软管是否老化');
    const other = await t.login('clerk2');
    expect((await t.request(other, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/standards` })).statusCode).toBe(404);
  });
});

describe('approval, notice, inspectors', () => {
  it('walks an inspection: approved by the person in charge (named from the login), notified, result recorded', async () => {
    const r = await make();
    expect(r.state).toBe('planned');
    // the clerk may not approve; the generic transition route refuses the dedicated step
    expect((await approve(clerk, r.id)).statusCode).toBe(403);
    expect((await t.request(leader, { method: 'POST', url: `/api/ledgers/${L}/${r.id}/transitions/approve`, payload: { approved_on: today, approver: '某人' } })).statusCode).toBe(409);
    const ok = await approve(leader, r.id, { approver: '冒名', inspection_code: 'AAAAAAAAAA' });
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = await get(r.id);
    expect(approved.state).toBe('approved');
    expect(approved.values['approver']).toBe('陈志远');
    expect(String(approved.values['inspection_code'])).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(approved.values['inspection_code']).not.toBe('AAAAAAAAAA');
    // no result before the enterprise was notified
    expect((await result(r.id, { outcome: '未发现问题' })).statusCode).toBe(409);
    expect((await notify(r.id)).statusCode).toBe(200);
    const done = await result(r.id, { outcome: '未发现问题', result_notified_on: today });
    expect(done.statusCode, done.body).toBe(200);
    expect((await get(r.id)).state).toBe('inspected');
  });

  it('refuses a grid worker or an auxiliary as inspector, and an officer without a certificate', async () => {
    const grid = refusal(await createRecord(t, clerk, L, plan({ inspector2_name: '赵网格', inspector2_identity: '网格员', inspector2_cert: '' })));
    expect(grid.map((e) => e.path)).toContain('inspector2_identity');
    const aux = refusal(await createRecord(t, clerk, L, plan({ inspector1_identity: '协管员' })));
    expect(aux.map((e) => e.path)).toContain('inspector1_identity');
    const nocert = refusal(await createRecord(t, clerk, L, plan({ inspector1_cert: '' })));
    expect(nocert.map((e) => e.path)).toContain('inspector1_cert');
    const same = refusal(await createRecord(t, clerk, L, plan({ inspector2_cert: '城关执T101' })));
    expect(same.map((e) => e.path)).toContain('inspector2_cert');
  });

  it('refuses an inspection dated before its approval, and records an emergency inspection after the fact with its reason', async () => {
    const r = await make({ planned_on: daysAgo(2) });
    expect((await approve(leader, r.id, { approved_on: daysAgo(1) })).statusCode).toBe(200);
    expect((await t.request(clerk, { method: 'POST', url: `/api/ledgers/${L}/${r.id}/transitions/notify`, payload: { notified_on: daysAgo(1), notice_method: '现场出示' } })).statusCode).toBe(200);
    const early = await result(r.id, { inspected_on: daysAgo(2), outcome: '未发现问题' });
    expect(early.statusCode).toBe(422);
    expect(problem(early).detail).toContain('须在检查前经负责人批准');

    const e = await make({ plan_kind: '个案', planned_on: daysAgo(3) });
    const noReason = await t.request(leader, { method: 'POST', url: `/api/enforcement/inspections/${e.id}/emergency`, payload: { approved_on: daysAgo(2), inspected_on: daysAgo(3), inspection_record: '到场检查', outcome: '责令整改', rectify_due_on: daysFrom(5) } });
    expect(noReason.statusCode).toBe(422);
    expect(problem(noReason).detail).toContain('紧急检查理由');
    const ok = await t.request(leader, { method: 'POST', url: `/api/enforcement/inspections/${e.id}/emergency`, payload: { emergency_reason: '群众报告燃气泄漏，需立即检查', approved_on: daysAgo(2), inspected_on: daysAgo(3), inspection_record: '到场检查', outcome: '责令整改', rectify_due_on: daysFrom(5) } });
    expect(ok.statusCode, ok.body).toBe(200);
    const rec = await get(e.id);
    expect(rec.state).toBe('inspected');
    expect(rec.values['approver']).toBe('陈志远');
  });
});

describe('annual frequency cap and 综合查一次', () => {
  it('refuses a third 日常 inspection of an enterprise in a year, naming the enterprise and the count; the cap is a setting', async () => {
    const first = await make();
    const same = { enterprise_name: first.values['enterprise_name'], enterprise_uscc: first.values['enterprise_uscc'] };
    expect((await approve(leader, first.id)).statusCode).toBe(200);
    const second = await make(same);
    expect((await approve(leader, second.id)).statusCode).toBe(200);
    const third = await make(same);
    const res = await approve(leader, third.id);
    expect(res.statusCode).toBe(422);
    expect(problem(res).detail).toContain(String(first.values['enterprise_name']));
    expect(problem(res).detail).toContain('日常检查2次');
    expect(problem(res).detail).toContain('上限2次');
    // a 专项 campaign is not refused by the 日常 cap
    const campaign = await make({ ...same, plan_kind: '专项' });
    expect((await approve(leader, campaign.id)).statusCode).toBe(200);
    // the department raises its cap: the third is approved
    await setSetting(t.platform.db, `enforcement.inspection.annual_cap.${UNIT}`, 3);
    try {
      expect((await approve(leader, third.id)).statusCode).toBe(200);
    } finally {
      await t.platform.db.deleteFrom('setting').where('key', '=', `enforcement.inspection.annual_cap.${UNIT}`).execute();
    }
  });

  it('counts a joint inspection of several departments once, and alerts on an enterprise inspected by several departments', async () => {
    const before = json<InspectionOverview>(await t.request(county, { method: 'GET', url: '/api/enforcement/inspections/overview' }));
    const j = await make({ plan_kind: '专项', joint_orgs: '县市场监督管理局、县应急管理局' });
    expect((await approve(leader, j.id)).statusCode).toBe(200);
    const after = json<InspectionOverview>(await t.request(county, { method: 'GET', url: '/api/enforcement/inspections/overview' }));
    expect(after.visits).toBe(before.visits + 1);
    expect(after.joint).toBe(before.joint + 1);
    expect(after.cap).toBe(2);
    // pure: two bodies within 30 days → repeated; one joint record → one visit
    const alerts = inspectionAlerts(
      [
        { uscc: 'A', name: '甲公司', orgCode: 'x', orgName: '城关镇综合行政执法队', on: '2026-03-01' },
        { uscc: 'A', name: '甲公司', orgCode: 'y', orgName: '县综合行政执法局', on: '2026-03-20' },
        { uscc: 'B', name: '乙公司', orgCode: 'x', orgName: '城关镇综合行政执法队', on: '2026-03-01' },
      ],
      30,
      4,
    );
    expect(alerts.map((a) => [a.name, a.kind])).toEqual([['甲公司', 'repeated']]);
    expect(after.alerts.length).toBeGreaterThan(0);
  });
});

describe('扫码入企', () => {
  it('refuses to approve an inspection by officers the registry does not hold, under another name or with an expired certificate', async () => {
    const registry = (await listLedger(t, county, 'enforcement.inspector', `org=${TOWN}&pageSize=100`)).items as Array<{ values: Record<string, unknown> }>;
    const byCert = (c: string) => registry.find((r) => r.values['cert_no'] === c)?.values ?? {};
    const expired = byCert('城关执1013');
    expect(String(expired['cert_valid_until']) < today).toBe(true);
    const refusedWith = async (o: Record<string, unknown>, words: string): Promise<void> => {
      const r = await make(o);
      const res = await approve(leader, r.id);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.body).toContain(words);
      expect((await get(r.id)).state).toBe('planned');
    };
    await refusedWith({ inspector2_name: expired['name'], inspector2_cert: '城关执1013' }, '已过期');
    await refusedWith({ inspector1_name: '冒名者' }, '登记的执法人员是李建国，不是冒名者');
    await refusedWith({ inspector2_cert: '城关执9999' }, '不在本单位执法检查人员名录库中');
  });

  it('亮证: shows each officer’s certificate as the town’s registry holds it today, never the registered name', async () => {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    const code = String((await get(r.id)).values['inspection_code']);
    const seen = async (): Promise<PublicInspection> => {
      const res = await t.request(null, { method: 'GET', url: `/api/public/inspections/${code}` });
      expect(res.statusCode, res.body).toBe(200);
      return json<PublicInspection>(res);
    };
    const a = await seen();
    expect(a.officers.map((o) => o.certificate.status)).toEqual(['valid', 'valid']);
    // after the approval the registry changes: one certificate lapses, the other number is registered to someone else
    const reg = t.platform.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the module's own table
    try {
      await reg.updateTable('enforcement_inspector').set({ cert_valid_until: daysAgo(1) }).where('cert_no', '=', '城关执T102').execute();
      await reg.updateTable('enforcement_inspector').set({ name: '另一人' }).where('cert_no', '=', '城关执T101').execute();
      const b = await seen();
      expect(b.officers.map((o) => o.certificate)).toEqual([
        { status: 'other_name', validUntil: null },
        { status: 'expired', validUntil: daysAgo(1) },
      ]);
      expect(JSON.stringify(b)).not.toContain('另一人');
    } finally {
      await reg.updateTable('enforcement_inspector').set({ cert_valid_until: daysFrom(900) }).where('cert_no', '=', '城关执T102').execute();
      await reg.updateTable('enforcement_inspector').set({ name: '李建国' }).where('cert_no', '=', '城关执T101').execute();
    }
  });

  it('shows the enterprise who inspects, under which matter, approved by whom; nothing personal beyond the officers', async () => {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    const code = String((await get(r.id)).values['inspection_code']);
    const res = await t.request(null, { method: 'GET', url: `/api/public/inspections/${code.toLowerCase()}` });
    expect(res.statusCode, res.body).toBe(200);
    const p = json<PublicInspection>(res);
    expect(p.officers.map((o) => [o.name, o.cert])).toEqual([
      ['李建国', '城关执T101'],
      ['王秀英', '城关执T102'],
    ]);
    expect(p.approver).toBe('陈志远');
    expect(p.approvedOn).toBe(today);
    expect(p.matter.name.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('解放路');
    expect(res.body).not.toContain(String(r.values['enterprise_uscc']));
    expect((await t.request(null, { method: 'GET', url: '/api/public/inspections/ZZZZZZZZZZ' })).statusCode).toBe(404);
    expect((await t.request(null, { method: 'GET', url: '/api/public/inspections/bad' })).statusCode).toBe(400);
    // a planned inspection has no code yet: nothing to find
    const planned = await make();
    expect(planned.values['inspection_code']).toBeNull();
  });
});

describe('the yearly cap published', () => {
  it('publishes the cap on 日常 inspections and the departments that set their own, to anyone', async () => {
    const read = async (): Promise<PublicInspectionCap> => {
      const res = await t.request(null, { method: 'GET', url: '/api/public/inspection-cap' });
      expect(res.statusCode, res.body).toBe(200);
      return json<PublicInspectionCap>(res);
    };
    const general = await read();
    expect(general).toMatchObject({ year: Number(today.slice(0, 4)), kinds: ['日常'], cap: 2 });
    await setSetting(t.platform.db, `enforcement.inspection.annual_cap.${UNIT}`, 3);
    try {
      const own = await read();
      expect(own.cap).toBe(2);
      expect(own.departments.length).toBe(general.departments.length + 1);
      expect(own.departments.some((d) => d.cap === 3 && d.organ.length > 0)).toBe(true);
    } finally {
      await t.platform.db.deleteFrom('setting').where('key', '=', `enforcement.inspection.annual_cap.${UNIT}`).execute();
    }
  });

  it('shows on the code page each department’s 日常 inspections of the enterprise this year against its cap, nothing personal', async () => {
    const first = await make({ planned_on: today });
    const same = { enterprise_name: first.values['enterprise_name'], enterprise_uscc: first.values['enterprise_uscc'], planned_on: today };
    expect((await approve(leader, first.id)).statusCode).toBe(200);
    const usage = async (id: number): Promise<PublicInspection> => {
      const code = String((await get(id)).values['inspection_code']);
      const res = await t.request(null, { method: 'GET', url: `/api/public/inspections/${code}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(String(first.values['enterprise_uscc']));
      expect(res.body).not.toContain('解放路');
      return json<PublicInspection>(res);
    };
    const one = await usage(first.id);
    expect(one.usage).toEqual({ year: Number(today.slice(0, 4)), kinds: ['日常'], departments: [{ organ: one.organ, used: 1, cap: 2 }] });
    // a 专项 inspection is shown with the department's 日常 count, and does not use the cap
    const campaign = await make({ ...same, plan_kind: '专项' });
    expect((await approve(leader, campaign.id)).statusCode).toBe(200);
    expect((await usage(campaign.id)).usage.departments).toEqual([{ organ: one.organ, used: 1, cap: 2 }]);
    const second = await make(same);
    expect((await approve(leader, second.id)).statusCode).toBe(200);
    expect((await usage(second.id)).usage.departments).toEqual([{ organ: one.organ, used: 2, cap: 2 }]);
    // the department's own cap is the one shown
    await setSetting(t.platform.db, `enforcement.inspection.annual_cap.${UNIT}`, 3);
    try {
      expect((await usage(first.id)).usage.departments).toEqual([{ organ: one.organ, used: 2, cap: 3 }]);
    } finally {
      await t.platform.db.deleteFrom('setting').where('key', '=', `enforcement.inspection.annual_cap.${UNIT}`).execute();
    }
  });
});

describe('转立案', () => {
  it('opens the penalty case (行政处罚, 案源登记) in the same step, linked back to the inspection and audited', async () => {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    expect((await notify(r.id)).statusCode).toBe(200);
    // without the penalty matter and 案由 the step is refused and no case is made
    const cases = (await listLedger(t, county, 'enforcement.case', 'pageSize=1')).total;
    const bad = await result(r.id, { outcome: '转立案' });
    expect(bad.statusCode).toBe(422);
    expect((await listLedger(t, county, 'enforcement.case', 'pageSize=1')).total).toBe(cases);
    const ok = await result(r.id, { outcome: '转立案', penalty_matter: penaltyMatterId, case_summary: '涉嫌无照经营' });
    expect(ok.statusCode, ok.body).toBe(200);
    const rec = await get(r.id);
    expect(rec.state).toBe('inspected');
    const caseId = Number(rec.values['penalty_case']);
    expect(caseId).toBeGreaterThan(0);
    const c = json<Rec>(await t.request(county, { method: 'GET', url: `/api/ledgers/enforcement.case/${caseId}` }));
    expect(c.values['case_type']).toBe('行政处罚');
    expect(c.state).toBe('registered');
    expect(c.values['party_uscc']).toBe(r.values['enterprise_uscc']);
    expect(String(c.values['summary'])).toContain(String(r.values['inspection_no']));
    const audit = await t.platform.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'enforcement.case').where('entity_id', '=', String(caseId)).execute();
    expect(audit.map((a) => a.action)).toContain('create_from_inspection');
  });

  it('refuses a typed case link and a non-penalty matter', async () => {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    expect((await notify(r.id)).statusCode).toBe(200);
    const wrong = await result(r.id, { outcome: '转立案', penalty_matter: matterId, case_summary: '涉嫌违法' });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).errors?.map((e) => e.path)).toContain('penalty_matter');
    const ok = await result(r.id, { outcome: '未发现问题', penalty_case: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await get(r.id)).values['penalty_case']).toBeNull();
  });
});

describe('documents and indicators', () => {
  it('makes the 审批表, 检查通知书 (with the code and public address), 现场检查笔录 and 结果告知书', async () => {
    const r = await make();
    const list = json<{ items: Array<{ kind: string; unavailable: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents` }));
    expect(list.items.find((i) => i.kind === 'notice')?.unavailable).toContain('审批日期');
    expect((await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/notice` })).statusCode).toBe(409);
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    expect((await notify(r.id)).statusCode).toBe(200);
    expect((await result(r.id, { outcome: '责令整改', rectify_due_on: daysFrom(10) })).statusCode).toBe(200);
    const code = String((await get(r.id)).values['inspection_code']);
    const JSZip = (await import('jszip')).default;
    for (const kind of ['approval', 'notice', 'record', 'result']) {
      const res = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/${kind}` });
      expect(res.statusCode, res.body).toBe(200);
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
      const text = (xml ?? '').replace(/<[^>]+>/g, '');
      expect(text).toContain(String(r.values['inspection_no']));
      if (kind === 'notice') {
        expect(text).toContain(code);
        expect(text).toContain(`/public/inspections/${code}`);
        expect(text).toContain('城关执T101');
      }
      if (kind === 'result') expect(text).toContain('责令你单位');
    }
  });

  it('makes the 询问笔录, 勘验笔录 and 抽样取证凭证 from what the inspection recorded, and not before', async () => {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    expect((await notify(r.id)).statusCode).toBe(200);
    const before = json<{ items: Array<{ kind: string; unavailable: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents` }));
    expect(before.items.map((i) => i.kind)).toEqual(['approval', 'notice', 'record', 'result', 'inquiry', 'survey', 'sampling']);
    expect(before.items.find((i) => i.kind === 'sampling')?.unavailable).toContain('抽取的样品');
    expect((await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/inquiry` })).statusCode).toBe(409);
    const found = {
      outcome: '未发现问题',
      interview_record: '问：你单位散装食品的进货台账由谁负责？\n答：由我本人负责，每批都登记。',
      survey_record: '对后厨操作间勘验：生熟案板分开摆放，冷藏柜温度显示3℃。',
      samples: '散装大米，5kg/袋，批号20261101，1袋\n食用植物油，5L/桶，批号20261015，1桶',
    };
    const noPurpose = await result(r.id, { ...found, interviewee: '赵春梅', interviewee_role: '店长' });
    expect(noPurpose.statusCode, noPurpose.body).toBe(422);
    expect(problem(noPurpose).detail).toContain('抽样目的');
    const noPerson = await result(r.id, { ...found, sample_purpose: '检验' });
    expect(noPerson.statusCode).toBe(422);
    expect(problem(noPerson).detail).toContain('被询问人');
    expect((await result(r.id, { ...found, sample_purpose: '检验', interviewee: '赵春梅', interviewee_role: '店长' })).statusCode).toBe(200);
    const JSZip = (await import('jszip')).default;
    const text = async (kind: string): Promise<string> => {
      const res = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/${kind}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(String(r.values['inspection_no'])));
      return ((await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    };
    const inquiry = await text('inquiry');
    expect(inquiry).toContain('询问笔录');
    expect(inquiry).toContain(String(r.values['inspection_no']));
    expect(inquiry).toContain('赵春梅');
    expect(inquiry).toContain('答：由我本人负责，每批都登记。');
    expect(inquiry).toContain('城关执T101');
    const survey = await text('survey');
    expect(survey).toContain('勘验笔录');
    expect(survey).toContain('冷藏柜温度显示3℃');
    const sampling = await text('sampling');
    expect(sampling).toContain('抽样取证凭证');
    expect(sampling).toContain('食用植物油，5L/桶，批号20261015，1桶');
    expect(sampling).toContain('用于检验');
    expect(sampling).not.toContain('——');
    // the interviewee is personal data: stored encrypted
    const stored = await (t.platform.db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom('enforcement_inspection').select('interviewee').where('id', '=', r.id).executeTakeFirst();
    expect(String(stored?.['interviewee'])).not.toContain('赵春梅');
  });

  it('makes every document as a PDF where LibreOffice or Chromium is installed, and says so where neither is', async () => {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    const pdf = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/notice?format=pdf` });
    if (pdf.statusCode === 200) {
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(encodeURIComponent(`行政检查通知书-${String(r.values['inspection_no'])}.pdf`));
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    } else {
      expect(pdf.statusCode, pdf.body).toBe(409);
      expect(pdf.body).toContain('无法生成 PDF');
    }
    const docx = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/notice?format=docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const bad = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/notice?format=doc` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('格式');
    // not yet at the step: refused whatever the format
    expect((await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/result?format=pdf` })).statusCode).toBe(409);
  });

  it('feeds the inspection counts and frequency into the indicators', async () => {
    const values = new Map((await moduleIndicators(t, county, 'enforcement', TOWN, Number(today.slice(0, 4)))).map((v) => [v.id, v.value]));
    expect(Number(values.get('enforcement.enterprise_inspections'))).toBeGreaterThan(0);
    expect(Number(values.get('enforcement.enterprise_inspected'))).toBeGreaterThan(0);
    expect(Number(values.get('enforcement.enterprise_inspection_frequency'))).toBeGreaterThanOrEqual(1);
    expect(Number(values.get('enforcement.joint_inspections'))).toBeGreaterThan(0);
  });
});

describe('逐项检查结果 (一表通查)', () => {
  const checklist = '符合｜燃气报警器安装并能正常报警\n不符合｜连接软管无老化、龟裂｜软管龟裂，已当场指出\n不适用｜液化气钢瓶存放于独立房间';
  async function notified(): Promise<Rec> {
    const r = await make();
    expect((await approve(leader, r.id)).statusCode).toBe(200);
    expect((await notify(r.id)).statusCode).toBe(200);
    return r;
  }

  it('refuses a checklist that does not read, naming the field and the line, and a bad value of any type without a server error', async () => {
    const r = await notified();
    const bad = await result(r.id, { outcome: '责令整改', rectify_due_on: daysFrom(10), checklist: '合格｜燃气报警器安装并能正常报警' });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(problem(bad).detail).toContain('逐项检查结果格式有误：第1行的结论须为符合、不符合、不适用之一');
    const noNote = await result(r.id, { outcome: '责令整改', rectify_due_on: daysFrom(10), checklist: '符合｜报警器正常\n不符合｜软管无龟裂' });
    expect(noNote.statusCode).toBe(422);
    expect(problem(noNote).detail).toContain('逐项检查结果格式有误：第2行“软管无龟裂”不符合，须说明发现的问题');
    for (const value of [42, ['符合｜报警器正常'], { a: 1 }, '符合｜燃气报警器安装并能正常报警\n'.repeat(500)]) {
      const res = await result(r.id, { outcome: '责令整改', rectify_due_on: daysFrom(10), checklist: value });
      expect(res.statusCode, JSON.stringify(value).slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.body).toContain('逐项检查结果');
    }
    expect((await get(r.id)).state).toBe('notified');
  });

  it('refuses 未发现问题 when an item failed; stores a good checklist and prints it as a table in the 现场检查笔录', async () => {
    const r = await notified();
    const clean = await result(r.id, { outcome: '未发现问题', checklist });
    expect(clean.statusCode, clean.body).toBe(422);
    expect(problem(clean).detail).toContain('逐项检查有不符合项的，检查结果不能为“未发现问题”');
    const ok = await result(r.id, { outcome: '责令整改', rectify_due_on: daysFrom(10), checklist });
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = await get(r.id);
    expect(stored.state).toBe('inspected');
    expect(stored.values['checklist']).toBe(checklist);
    const res = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${r.id}/documents/record` });
    expect(res.statusCode, res.body).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('序号检查内容检查结论说明');
    expect(text).toContain('连接软管无老化、龟裂不符合软管龟裂，已当场指出');
    expect(text).toContain('液化气钢瓶存放于独立房间不适用');
    expect(xml.split('<w:tbl>').length - 1).toBe(2);
  });

  it('accepts 未发现问题 when every item passed, and checks the emergency record the same way', async () => {
    const r = await notified();
    const ok = await result(r.id, { outcome: '未发现问题', checklist: '符合｜燃气报警器安装并能正常报警\n不适用｜液化气钢瓶存放于独立房间' });
    expect(ok.statusCode, ok.body).toBe(200);
    const e = await make({ plan: null, plan_kind: '个案', planned_on: daysAgo(2) });
    const emergency = { emergency_reason: '群众报告疑似燃气泄漏，需立即到场检查。', approved_on: daysAgo(1), inspected_on: daysAgo(2), inspection_record: '到场检查。' };
    const bad = await t.request(leader, { method: 'POST', url: `/api/enforcement/inspections/${e.id}/emergency`, payload: { ...emergency, outcome: '未发现问题', checklist } });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(problem(bad).detail).toContain('检查结果不能为“未发现问题”');
    const good = await t.request(leader, { method: 'POST', url: `/api/enforcement/inspections/${e.id}/emergency`, payload: { ...emergency, outcome: '责令整改', rectify_due_on: daysFrom(3), checklist } });
    expect(good.statusCode, good.body).toBe(200);
    expect((await get(e.id)).values['checklist']).toBe(checklist);
  });
});
