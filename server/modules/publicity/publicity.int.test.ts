import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWNS } from '../../demo/demo-county.ts';
import { adminModule } from '../../platform/admin.module.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, homeItems, listLedger, refusal, type LedgerList } from '../../test/ledger-client.ts';
import { expectPhoneMasked, expectScopedToTown } from '../../test/ledger-conformance.ts';
import { publicityModule } from './publicity.module.ts';

let t: TestApp;
let county: string;
let clerk: string;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, publicityModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const list = (cookie: string, ledger: string, query: string): Promise<LedgerList> => listLedger(t, cookie, ledger, query);
const post = (cookie: string, ledger: string, payload: Record<string, unknown>) => createRecord(t, cookie, ledger, payload);

describe('publicity demo data', () => {
  it.each(['publicity.activity', 'publicity.duty', 'study.session'])('has %s records for every town in both years', async (ledger) => {
    for (const town of DEMO_TOWNS) {
      for (const y of [year - 1, year]) {
        const { total } = await list(county, ledger, `org=${town.code}&year=${y}&pageSize=1`);
        expect(total, `${ledger} ${town.name} ${y}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives a town of last year a realistic publicity year: 20 to 60 activities, trainings and an exam', async () => {
    for (const town of DEMO_TOWNS) {
      const activities = await list(county, 'publicity.activity', `org=${town.code}&year=${year - 1}&pageSize=1`);
      expect(activities.total).toBeGreaterThanOrEqual(20);
      expect(activities.total).toBeLessThanOrEqual(60);
      expect((await list(county, 'study.training', `org=${town.code}&year=${year - 1}&pageSize=1`)).total).toBeGreaterThan(2);
      expect((await list(county, 'study.exam', `org=${town.code}&year=${year - 1}&pageSize=1`)).total).toBeGreaterThan(0);
    }
  });

  it('closes last year\'s responsibility lists and counts the activities held under each', async () => {
    const duties = await list(county, 'publicity.duty', `f.year=${year - 1}&pageSize=200`);
    expect(duties.total).toBeGreaterThan(0);
    for (const duty of duties.items) {
      const linked = await list(county, 'publicity.activity', `f.duty_id=${duty.id}&pageSize=1`);
      expect(linked.total, String(duty.values['unit'])).toBe(duty.values['done_times']);
      expect(duty.values['completed'], String(duty.values['unit'])).toBe(Number(duty.values['done_times']) + Number(duty.values['opening_times'] ?? 0) >= Number(duty.values['planned_times']));
    }
    // a closed year holds both outcomes: most units met their plan, a few fell short and say why
    expect(duties.items.some((d) => d.values['completed'] === true)).toBe(true);
    expect(duties.items.some((d) => d.values['completed'] === false)).toBe(true);
  });
});

describe('publicity validation', () => {
  it('refuses a bad value with the field named in Chinese', async () => {
    const errors = refusal(await post(clerk, 'publicity.activity', { held_on: `${year}-03-15`, title: '测试', node: '国庆节', form: '街头宣传咨询', laws: ['宪法'], audience: '村（居）民', location: '集镇', organiser: '司法所', participants: -5 }));
    expect(errors.find((e) => e.path === 'node')?.message).toMatch(/^宣传节点：须为以下之一/);
    expect(errors.find((e) => e.path === 'participants')?.message).toBe('受教育群众（人次）：不能小于0');
  });

  const cases: Record<string, { base: Record<string, unknown>; violations: Array<[string, string, Record<string, unknown>]> }> = {
    'publicity.activity': {
      base: { held_on: `${year - 1}-03-15`, title: '“3·15”国际消费者权益日集中宣传活动', node: '3·15 国际消费者权益日', form: '街头宣传咨询', laws: ['消费者权益保护法'], audience: '村（居）民', location: '城关集镇农贸市场', organiser: '城关镇市场监督管理所', participants: 200, materials: 500, consultations: 20, contact_phone: '13812345678', orgCode: '999001001000-02' },
      violations: [
        ['node', '宣传节点所在月份', { held_on: `${year - 1}-05-15` }],
        ['consultations', '不能多于受教育群众人次', { consultations: 201 }],
        ['materials', '须填写发放份数', { form: '入户发放宣传资料', materials: 0 }],
      ],
    },
    'publicity.duty': {
      base: { year, unit: '城关镇测试站', issued_on: `${year}-02-10`, laws: ['宪法'], audiences: ['村（居）民'], tasks: '每季度开展一次宣传', frequency: '每季度', planned_times: 4, orgCode: '999001001000-02' },
      violations: [
        ['issued_on', '责任年度或上一年度印发', { issued_on: `${year - 2}-12-01` }],
        ['done_times', '由系统按关联记录自动统计，不能手工填写或修改', { done_times: 2 }],
        ['completed', '不能手工填写或修改', { completed: true }],
        ['opening_source', '填写期初数的须注明来源', { opening_times: 2 }],
        ['opening_source', '未填写期初数的不应填写期初数来源', { opening_source: '2025年纸质台账' }],
      ],
    },
    'study.session': {
      base: { held_on: `${year}-03-10`, kind: '党委（党组）会议会前学法', meeting: '镇党委会议第5次会议', topic: '会前学习《行政处罚法》', contents: ['行政处罚法'], planned: 12, attendees: 12, orgCode: '999001001000-01' },
      violations: [
        ['attendees', '不能多于应参加人数', { attendees: 13 }],
        ['meeting', '须填写所在会议', { meeting: null }],
        ['absent_note', '注明缺席人员及原因', { attendees: 10 }],
      ],
    },
    'study.training': {
      base: { title: '执法业务培训', kind: '行政执法人员培训', mode: '集中面授', start_on: `${year}-04-01`, end_on: `${year}-04-02`, organiser: '城关镇综合行政执法队', trainees: 20, hours: 16, assessed: true, passed: 20, orgCode: '999001001000-03' },
      violations: [
        ['end_on', '不能早于开始日期', { end_on: `${year}-03-31` }],
        ['passed', '不能多于参训人次', { passed: 21 }],
        ['passed', '未组织考核的不应填写', { assessed: false }],
        ['passed', '组织考核的须填写', { passed: null }],
      ],
    },
    'study.exam': {
      base: { exam_year: year - 1, name: '年度学法用法考试', kind: '年度学法用法考试', mode: '网上考试', exam_on: `${year - 1}-11-10`, organiser: '城关镇党政办公室', pass_score: 60, excellent_score: 90, required: 50, participants: 50, passed: 49, excellent: 40, orgCode: '999001001000-01' },
      violations: [
        ['exam_on', '考试年度内', { exam_on: `${year}-05-01` }],
        ['participants', '不能多于应参考人数', { participants: 51 }],
        ['passed', '不能多于实际参考人数', { passed: 51 }],
        ['excellent', '不能多于合格人数', { excellent: 50 }],
        ['excellent_score', '应高于合格分数线', { excellent_score: 60 }],
        ['absent_note', '说明缺考人员及原因', { participants: 48, passed: 48 }],
      ],
    },
  };

  for (const [ledger, { base, violations }] of Object.entries(cases)) {
    it(`accepts a sound ${ledger} record and refuses each inconsistent one`, async () => {
      const ok = await post(clerk, ledger, base);
      expect(ok.statusCode, ok.body).toBe(200);
      const refused: string[] = [];
      for (const [field, message, patch] of violations) {
        const res = await post(clerk, ledger, { ...base, ...patch });
        const errors = res.statusCode === 400 ? json<{ errors: FieldError[] }>(res).errors : [];
        if (!errors.some((e) => e.path === field && e.message.includes(message))) refused.push(`${field} ${message}: ${res.statusCode} ${res.body}`);
      }
      expect(refused).toEqual([]);
    });
  }
});

describe('publicity access', () => {
  it('shows a 城关镇 clerk only 城关镇 records and hides a 清溪镇 record', () => expectScopedToTown(t, 'publicity.activity'));

  it('masks contact phones for the supervisor and shows them in full to the clerk', () =>
    expectPhoneMasked(t, 'publicity.duty', 'contact_phone', { supervisor: 'pageSize=5', clerk: 'f.unit=城关镇司法所&pageSize=5' }));

  it('puts the open items of this year\'s responsibility list on the clerk\'s home page', async () => {
    const item = (await homeItems(t, clerk)).find((i) => i.key === 'publicity.duties_open');
    const open = await list(clerk, 'publicity.duty', `f.year=${year}&f.completed=否&pageSize=1`);
    expect(item?.count).toBe(open.total);
  });
});

describe('the duty list follows its activities', () => {
  const activity = (dutyId: number, day: string) => ({ held_on: day, title: '“谁执法谁普法”进村宣传', node: '日常宣传', form: '送法进村（社区）', laws: ['宪法'], audience: '村（居）民', location: '北关村党群服务中心', organiser: '城关镇测试站', participants: 60, duty_id: dutyId, orgCode: '999001001000-02' });
  const duty = async (id: number) => json<{ values: Record<string, unknown>; version: number }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/publicity.duty/${id}` }));
  const completedFigure = async () => {
    const items = json<{ items: Array<{ id: string; value: number }> }>(await t.request(county, { method: 'GET', url: `/api/indicators?org=999001001000&year=${year}&module=publicity` })).items;
    return items.find((i) => i.id === 'publicity.duties_completed')?.value ?? -1;
  };

  it('counts the linked activities, completes the duty at its plan, and moves back when one is edited away or withdrawn', async () => {
    const created = await post(clerk, 'publicity.duty', { year, unit: '城关镇跟随测试站', issued_on: `${year}-01-02`, laws: ['宪法'], audiences: ['村（居）民'], tasks: '每半年开展一次宣传', frequency: '每半年', planned_times: 2, orgCode: '999001001000-02' });
    expect(created.statusCode, created.body).toBe(200);
    const id = json<{ id: number }>(created).id;
    expect((await duty(id)).values).toMatchObject({ done_times: 0, completed: false });
    const before = await completedFigure();
    const day = `${year}-01-03`;
    const first = json<{ id: number; version: number }>(await post(clerk, 'publicity.activity', activity(id, day)));
    expect((await duty(id)).values).toMatchObject({ done_times: 1, completed: false });
    const second = json<{ id: number; version: number }>(await post(clerk, 'publicity.activity', activity(id, day)));
    expect((await duty(id)).values).toMatchObject({ done_times: 2, completed: true });
    expect(await completedFigure()).toBe(before + 1);
    // the activity moved off the duty: the count and the completion follow
    const moved = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/publicity.activity/${second.id}`, payload: { duty_id: null, version: second.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await duty(id)).values).toMatchObject({ done_times: 1, completed: false });
    expect(await completedFigure()).toBe(before);
    // withdrawn: no longer counted
    const withdrawn = await t.request(county, { method: 'POST', url: `/api/ledgers/publicity.activity/${first.id}/withdraw`, payload: { reason: '重复录入' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await duty(id)).values).toMatchObject({ done_times: 0, completed: false });
    // a labelled opening balance from before the system completes it together with the records, shown on its own
    const cur = await duty(id);
    const opened = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/publicity.duty/${id}`, payload: { opening_times: 2, opening_source: '城关镇测试站纸质普法台账', version: cur.version } });
    expect(opened.statusCode, opened.body).toBe(200);
    expect((await duty(id)).values).toMatchObject({ done_times: 0, opening_times: 2, completed: true });
    // the figure the system keeps is never typed, also not on an edit
    const typed = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/publicity.duty/${id}`, payload: { done_times: 5, version: (await duty(id)).version } });
    expect(refusal(typed).map((e) => e.path)).toEqual(['done_times']);
  });
});

describe('the public 普法责任清单', () => {
  interface PublicDuty { id: number; orgName: string; unit: string; doneTimes: number; plannedTimes: number; completed: boolean; activities: Array<{ id: number; heldOn: string; title: string }> }
  const published = async (query = '') => {
    const res = await t.request(null, { method: 'GET', url: `/api/public/publicity/duties${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return json<{ year: number; years: number[]; items: PublicDuty[] }>(res);
  };

  it('publishes every government\'s list without a login, each unit with the activities its figure counts', async () => {
    const last = await published(`?year=${year - 1}`);
    expect(last.years).toEqual(expect.arrayContaining([year, year - 1]));
    expect(new Set(last.items.map((d) => d.orgName))).toEqual(new Set(['演示县', ...DEMO_TOWNS.map((x) => x.name)]));
    const ids = new Set<number>();
    for (const d of last.items) {
      expect(d.activities.length, d.unit).toBe(d.doneTimes);
      for (const a of d.activities) ids.add(a.id);
    }
    // the public figures are the ledger's own: the county's list of last year holds the same duties and counts
    const ledger = await list(county, 'publicity.duty', `f.year=${year - 1}&pageSize=200`);
    expect(last.items.map((d) => d.id).sort()).toEqual(ledger.items.map((d) => d.id).sort());
    for (const d of ledger.items) expect(last.items.find((p) => p.id === d.id)?.doneTimes).toBe(d.values['done_times']);
    expect(ids.size).toBeGreaterThan(0);
  });

  it('shows no personal data: no liaison officer, phone or leader, no free-text remark', async () => {
    const { items } = await published(`?year=${year - 1}`);
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    for (const key of ['contact', 'contactPhone', 'leader', 'remark', 'summary']) expect(items.every((d) => !(key in d))).toBe(true);
    const duty = (await list(county, 'publicity.duty', `f.year=${year - 1}&pageSize=1`)).items[0];
    expect(text).not.toContain(String(duty?.values['contact']));
  });

  it('follows a withdrawn activity at once', async () => {
    const { items } = await published(`?year=${year - 1}`);
    const duty = items.find((d) => d.activities.length > 0);
    const gone = duty?.activities[0];
    const res = await t.request(county, { method: 'POST', url: `/api/ledgers/publicity.activity/${gone?.id}/withdraw`, payload: { reason: '录入有误' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await published(`?year=${year - 1}`)).items.find((d) => d.id === duty?.id);
    expect(after?.doneTimes).toBe((duty?.doneTimes ?? 0) - 1);
    expect(after?.activities.map((a) => a.id)).not.toContain(gone?.id);
  });
});
