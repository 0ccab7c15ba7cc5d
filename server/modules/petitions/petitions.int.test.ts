import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../common/validators.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { systemActor, type Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import { subtreeCodes } from '../../platform/orgs/org.repository.ts';
import { today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, refusal, type LedgerList } from '../../test/ledger-client.ts';
import { expectHomeItemsMatchLists, expectIndicatorsMatchLists, expectScopedToTown } from '../../test/ledger-conformance.ts';
import { petitionsModule } from './petitions.module.ts';
import { progressOf } from './petitions.rules.ts';

const LEDGER = 'petitions.case';
let t: TestApp;
let county: string;
let clerk: string;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, petitionsModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

let createdNo = '';
const list = (cookie: string, query: string): Promise<LedgerList> => listLedger(t, cookie, LEDGER, query);

/** a record entered before the 12345 channel was retired: the seed inserts it as the import did, unrefused */
async function seedOld(values: Record<string, unknown>): Promise<number> {
  return t.platform.db.transaction().execute(async (tx) => {
    const root = '999001000000';
    const ctx: Ctx = { actor: systemActor, ip: '127.0.0.1', tx, now: new Date(), cipher: t.platform.cipher, scope: { root, codes: await subtreeCodes(tx, root) } };
    const [id] = await seedLedger(ctx, t.platform, LEDGER, [{ orgCode: '999001001000-04', values: { ...values, progress: progressOf(values) } }]);
    return id ?? 0;
  });
}

// a letter answered and closed, as a clerk records it
// (the 登记编号 is the system's: given on creation)
const valid = {
  channel: '来信',
  received_on: '2026-03-02',
  category: '民政',
  matter_class: '申诉求决',
  summary: '申请最低生活保障',
  content: '来信人反映家中老人长期患病，生活困难，申请最低生活保障。',
  party_kind: '个人',
  people_count: 1,
  petitioner_name: '李桂兰',
  petitioner_id: makeIdNumber('999001', '1958-03-12', 2),
  petitioner_phone: '13812345678',
  acceptance: '受理',
  accepted_on: '2026-03-06',
  handling_unit: '社会事务办',
  result_kind: '予以支持',
  handling_result: '经入户核查符合条件，已纳入低保。',
  reply_on: '2026-04-10',
  reply_method: '书面答复（处理意见书）',
  satisfaction: '满意',
  closed_on: '2026-04-15',
  on_time: true,
  progress: '已办结',
  orgCode: '999001001000-04',
};

describe('petitions demo data', () => {
  it('has letters, visits and assigned cases for every town in both years, and no 12345 ticket among them', async () => {
    const year = new Date().getUTCFullYear();
    for (const town of ['999001001000', '999001002000', '999001003000']) {
      for (const y of [year - 1, year]) {
        const all = await list(county, `org=${town}&year=${y}&pageSize=1`);
        const hotline = await list(county, `org=${town}&year=${y}&pageSize=1&f.channel=12345热线`);
        const visits = await list(county, `org=${town}&year=${y}&pageSize=1&f.channel=来信,来访`);
        const assigned = await list(county, `org=${town}&year=${y}&pageSize=1&f.channel=上级交办`);
        expect(hotline.total, `${town} ${y}`).toBe(0);
        expect(visits.total, `${town} ${y}`).toBeGreaterThan(5);
        expect(assigned.total, `${town} ${y}`).toBeGreaterThan(0);
        expect(all.total).toBeGreaterThan(visits.total + assigned.total);
      }
    }
    // the county's 12345 volume is on the hotline ledger
    const tickets = await listLedger(t, county, 'petitions.hotline', `org=999001001000&year=${year - 1}&pageSize=1`);
    const petitions = await list(county, `org=999001001000&year=${year - 1}&pageSize=1`);
    expect(tickets.total).toBeGreaterThan(petitions.total * 5);
  });

  it('keeps old items closed and leaves some recent ones open', async () => {
    const year = new Date().getUTCFullYear();
    const lastYear = await list(county, `year=${year - 1}&pageSize=1&f.progress=待受理,办理中`);
    const open = await list(county, 'pageSize=1&f.progress=待受理,办理中,已答复');
    expect(open.total).toBeGreaterThan(0);
    expect(lastYear.total).toBe(0);
  });
});

describe('petitions home', () => {
  it('counts the clerk’s pending items, each linking to exactly those records', async () => {
    const items = await expectHomeItemsMatchLists(t, 'clerk', ['petitions.unaccepted', 'petitions.handling', 'petitions.replied']);
    expect(items.get('petitions.handling')?.count).toBeGreaterThan(0);
  });
});

describe('petitions validation', () => {
  it('creates a complete record', async () => {
    const res = await createRecord(t, clerk, LEDGER, valid);
    expect(res.statusCode, res.body).toBe(200);
    createdNo = String(json<{ values: Record<string, unknown> }>(res).values['reg_no']);
    expect(createdNo).toMatch(/^城关信〔2026〕\d{3}号$/);
  });

  it('answers 400 naming the field in Chinese for a bad value', async () => {
    const errors = refusal(await createRecord(t, clerk, LEDGER, { ...valid, channel: '传真' }));
    expect(errors.find((e) => e.path === 'channel')?.message).toMatch(/^来源渠道：须为以下之一/);
  });

  it.each([
    ['an acceptance decided before receipt', { accepted_on: '2026-02-28' }, 'accepted_on', '受理（告知）日期'],
    ['a collective visit of two people', { channel: '来访', party_kind: '集体', people_count: 2 }, 'people_count', '集体'],
    ['an assigned case without its assigning organ', { channel: '上级交办' }, 'referred_by', '交办单位'],
    ['a hotline ticket without a deadline', { channel: '12345热线' }, 'ticket_due_on', '工单'],
    ['a late answer recorded as on time', { reply_on: '2026-06-30', closed_on: '2026-07-01' }, 'on_time', '不能记为按期办结'],
    ['an answer in time recorded as late', { on_time: false }, 'on_time', '应记为按期办结'],
    ['a closed matter without an answer', { reply_on: null, handling_result: null, result_kind: null, reply_method: null, satisfaction: null }, 'closed_on', '答复后才能办结'],
    ['a review before the answer', { review_requested_on: '2026-04-01' }, 'review_requested_on', '复查'],
    ['a review result without its date', { review_requested_on: '2026-04-20', review_result: '维持' }, 'review_result', '复查结果'],
    ['a re-review without a review answer', { rereview_requested_on: '2026-05-20' }, 'rereview_requested_on', '复核'],
  ] as const)('refuses %s', async (_name, patch, field, words) => {
    const errors = refusal(await createRecord(t, clerk, LEDGER, { ...valid, ...patch }));
    expect(errors.find((e) => e.path === field && e.message.includes(words))?.message).toContain(words);
  });
});

describe('12345 tickets belong to the hotline ledger', () => {
  it('refuses a new 信访 record on the 12345 channel, naming the 12345热线 ledger, and keeps old 12345 records readable and editable', async () => {
    const refused = await createRecord(t, clerk, LEDGER, { ...valid, channel: '12345热线', ticket_due_on: '2026-03-09' });
    expect(refused.statusCode).toBe(400);
    expect(refusal(refused)).toContainEqual({ path: 'channel', label: '来源渠道', message: '来源渠道：12345热线工单不再登记为信访事项，请在“12345热线工单”台账中登记' });
    // a letter cannot be turned into a 12345 ticket either
    const { progress: _progress, ...unclosed } = valid as Record<string, unknown>;
    const filed = await createRecord(t, clerk, LEDGER, { ...unclosed, reply_on: null, handling_result: null, result_kind: null, reply_method: null, satisfaction: null, closed_on: null, on_time: null });
    expect(filed.statusCode, filed.body).toBe(200);
    const letter = json<{ id: number; version: number }>(filed);
    const changed = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${LEDGER}/${letter.id}`, payload: { channel: '12345热线', ticket_due_on: '2026-03-09', version: letter.version } });
    expect(changed.statusCode).toBe(400);
    expect(refusal(changed).map((e) => e.path)).toContain('channel');
    // an old ticket, registered as a 信访 record years before the channel was retired, is still listed, opened and
    // edited with its channel
    const y = Number(today.slice(0, 4)) - 3;
    await seedOld({
      channel: '12345热线', reg_no: `城关信〔${y}〕901号`, ticket_no: `GD${y}06120031`, received_on: `${y}-06-12`, ticket_due_on: `${y}-06-19`,
      category: '城乡建设', request_kind: '求助', summary: '反映北关村路灯不亮', content: '来电人反映北关村村道路灯已坏半个月，晚上出行不便。',
      party_kind: '个人', people_count: 1, petitioner_name: '王女士', petitioner_phone: '13912340031', acceptance: '受理', accepted_on: `${y}-06-12`, handling_unit: '规划建设办',
    });
    const old = (await list(clerk, 'f.channel=12345热线&f.closed_on.present=0&pageSize=1')).items[0];
    expect(old?.values['received_on']).toBe(`${y}-06-12`);
    const opened = await t.request(clerk, { method: 'GET', url: `/api/ledgers/${LEDGER}/${old?.id ?? 0}` });
    expect(opened.statusCode).toBe(200);
    const record = json<{ version: number; values: Record<string, unknown> }>(opened);
    expect(record.values['channel']).toBe('12345热线');
    const edited = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${LEDGER}/${old?.id ?? 0}`, payload: { channel: '12345热线', referred_by: '县12345热线平台', version: record.version } });
    expect(edited.statusCode, edited.body).toBe(200);
    // the form offers the channel no more: the ledger's description marks it retired
    const meta = json<{ fields: Array<{ name: string; retired?: { options: string[] } }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${LEDGER}/meta` }));
    expect(meta.fields.find((f) => f.name === 'channel')?.retired?.options).toEqual(['12345热线']);
  });
});

describe('petitions extension recorded on creation', () => {
  it('is the 延期办理 step’s: refused to a clerk, checked for an importer who may extend', async () => {
    const clerkTry = await createRecord(t, clerk, LEDGER, { ...valid, extension_approved: true });
    expect(clerkTry.statusCode, clerkTry.body).toBe(403);
    expect(clerkTry.body).toContain('“是否经批准延期”由“延期办理”环节填写');
    const errors = refusal(await createRecord(t, county, LEDGER, { ...valid, extension_approved: true }));
    expect(errors.find((e) => e.path === 'extension_reason')?.message).toContain('延期理由');
  });
});

describe('petitions computed status', () => {
  it('sets 办理状态 from the dates, and refuses a different one typed by the clerk, naming it', async () => {
    const typed = await createRecord(t, clerk, LEDGER, { ...valid, progress: '办理中' });
    expect(typed.statusCode, typed.body).toBe(403);
    expect(typed.body).toContain('办理状态');
    const { progress: _typed, ...untyped } = valid as Record<string, unknown>;
    const res = await createRecord(t, clerk, LEDGER, untyped);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ values: Record<string, unknown> }>(res).values['progress']).toBe('已办结');
  });
});

describe('petitions scope and personal data', () => {
  it('shows a 城关镇 clerk no 清溪镇 records, and 404 on their details', () => expectScopedToTown(t, LEDGER));

  it('masks the petitioner for a supervisor and shows it in full to the clerk', async () => {
    const supervisor = await t.login('supervisor');
    const seen = await list(supervisor, 'pageSize=50&f.channel=来访');
    const masked = seen.items.find((i) => typeof i.values['petitioner_id'] === 'string');
    expect(masked?.values['petitioner_id']).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(masked?.values['petitioner_phone'] ?? '138****0000').toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(String(masked?.values['petitioner_name'])).toMatch(/^.\*+$/);

    const own = await list(clerk, `pageSize=1&f.reg_no=${encodeURIComponent(createdNo)}`);
    expect(own.items[0]?.values['petitioner_id']).toBe(valid.petitioner_id);
    expect(own.items[0]?.values['petitioner_name']).toBe('李桂兰');
    expect(own.items[0]?.values['petitioner_phone']).toBe('13812345678');
  });
});

describe('petitions by class (信访工作条例 arts. 29–31)', () => {
  it('counts each class, the diverted and the 申诉求决 matters exactly as the list shows them', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const figures = await expectIndicatorsMatchLists(t, petitionsModule, '999001001000', year);
    const byClass = figures.get('petitions.by_class');
    const petitions = await list(county, `org=999001001000&year=${year}&pageSize=1&f.channel=来信,来访,上级交办,网络问政,其他`);
    expect(byClass?.value).toBe(petitions.total);
    // a town's year: mostly 申诉求决 and 建议意见, a few 检举控告, some diverted into their procedure
    const claims = await list(county, `org=999001001000&year=${year}&pageSize=1&f.matter_class=申诉求决`);
    const suggestions = await list(county, `org=999001001000&year=${year}&pageSize=1&f.matter_class=建议意见`);
    const reports = await list(county, `org=999001001000&year=${year}&pageSize=1&f.matter_class=检举控告`);
    expect(claims.total + suggestions.total).toBeGreaterThan(reports.total * 3);
    expect(claims.total).toBeGreaterThan(0);
    expect(suggestions.total).toBeGreaterThan(0);
    const diverted = await list(county, `org=999001001000&year=${year}&pageSize=1&f.acceptance=导入相应程序`);
    expect(figures.get('petitions.diverted')?.value).toBe(diverted.total);
    expect(diverted.total).toBeGreaterThan(0);
    expect(diverted.total).toBeLessThan(claims.total);
    // the report's 信访 sentence names no 12345 part: the town's 12345 tickets have their own, larger figure
    const cases = figures.get('petitions.cases');
    expect(cases?.breakdown.filter((b) => b.value > 0).map((b) => b.label)).toEqual(expect.arrayContaining(['来信', '来访', '上级交办']));
    expect(cases?.breakdown.filter((b) => b.value > 0).map((b) => b.label)).not.toContain('12345热线');
    expect(figures.get('petitions.hotline_tickets')?.value).toBeGreaterThan((cases?.value ?? 0) * 5);
    // urgent, returned-for-re-dispatch and re-dispatched tickets have figures of their own (each equal to its list above)
    for (const id of ['petitions.hotline_urgent', 'petitions.hotline_bounced', 'petitions.hotline_redispatched']) expect(figures.get(id)?.value, id).toBeGreaterThan(0);
  });
});
