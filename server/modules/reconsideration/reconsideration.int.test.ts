import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../common/validators.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, listTotal, moduleIndicators, refusal, type LedgerList } from '../../test/ledger-client.ts';
import { expectHomeItemsMatchLists, expectScopedToTown } from '../../test/ledger-conformance.ts';
import { reconsiderationModule } from './reconsideration.module.ts';

const LEDGER = 'reconsideration.case';
let seq = 0;
let t: TestApp;
let county: string;
let clerk: string;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, reconsiderationModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const list = (cookie: string, query: string): Promise<LedgerList> => listLedger(t, cookie, LEDGER, query);

// a suit against the town, heard with the mayor in court and dismissed
const valid = {
  kind: '行政诉讼',
  case_no: '（2099）演0101行初1号',
  filed_on: '2026-03-02',
  received_on: '2026-03-06',
  organ: '演示县人民法院',
  stage: '一审',
  after_reconsideration: false,
  applicant_type: '自然人',
  applicant_person: '刘永福',
  applicant_id: makeIdNumber('999001', '1966-08-15', 31),
  applicant_phone: '13912345678',
  applicant_count: 1,
  respondent: '城关镇人民政府',
  act_category: '行政强制',
  act: '城关镇人民政府强制拆除原告位于北关村的养殖棚的行为',
  claim: '请求确认强制拆除行为违法，并赔偿损失12万元。',
  answered_on: '2026-03-18',
  hearing_on: '2026-05-12',
  head_appeared: true,
  head_name: '陈志远',
  head_title: '镇长',
  outcome: '驳回诉讼请求',
  decided_on: '2026-06-20',
  lost: false,
  orgCode: '999001001000-02',
};

describe('reconsideration demo data', () => {
  it('has cases against every town and the county in both years', async () => {
    const year = new Date().getUTCFullYear();
    for (const org of ['999001001000', '999001002000', '999001003000', '999001000000-02']) {
      let suits = 0;
      for (const y of [year - 1, year]) {
        const all = await list(county, `org=${org}&year=${y}&pageSize=1`);
        expect(all.total, `${org} ${y}`).toBeGreaterThan(0);
        expect(all.total).toBeLessThan(30);
        suits += (await list(county, `org=${org}&year=${y}&pageSize=1&f.kind=行政诉讼`)).total;
      }
      expect(suits, org).toBeGreaterThan(0);
    }
  });

  it('records the government as losing exactly when the outcome corrects it', async () => {
    const decided = await list(county, 'pageSize=200&f.lost=true');
    expect(decided.total).toBeGreaterThan(0);
    for (const c of decided.items) expect(['撤销', '变更', '确认违法', '确认无效', '责令履行', '调解', '其他']).toContain(c.values['outcome']);
    const heard = await list(county, 'pageSize=200&f.kind=行政诉讼&f.head_appeared=true');
    expect(heard.items.every((c) => typeof c.values['head_name'] === 'string' && typeof c.values['hearing_on'] === 'string')).toBe(true);
  });
});

describe('reconsideration figures', () => {
  it('links the 出庭应诉率 numerator and denominator to exactly the suits each counts, an absent head among the hearings', async () => {
    const year = Number(valid.hearing_on.slice(0, 4));
    const absent = await createRecord(t, clerk, LEDGER, { ...valid, case_no: `（2099）演0101行初${++seq}00号`, head_appeared: false, head_name: null, head_title: null, head_absence_reason: '因参加上级紧急会议不能出庭，已书面向法院说明' });
    expect(absent.statusCode, absent.body).toBe(200);
    const id = (JSON.parse(absent.body) as { id: number }).id;
    const values = await moduleIndicators(t, county, 'reconsideration', '999001001000', year);
    const byId = new Map(values.map((v) => [v.id, v]));
    for (const ratio of ['reconsideration.head_appearance_rate', 'reconsideration.litigation_loss_rate']) {
      const v = byId.get(ratio);
      const [num, den] = v?.breakdown ?? [];
      expect(num?.value, ratio).toBe(byId.get(v?.numerator?.id ?? '')?.value);
      expect(den?.value, ratio).toBe(byId.get(v?.denominator?.id ?? '')?.value);
      expect(await listTotal(t, county, num?.link ?? ''), `${ratio} numerator`).toBe(num?.value);
      expect(await listTotal(t, county, den?.link ?? ''), `${ratio} denominator`).toBe(den?.value);
    }
    const rate = byId.get('reconsideration.head_appearance_rate');
    expect(rate?.value).toBeLessThan(100);
    const [path = '', query = ''] = (rate?.link ?? '').split('?');
    const ids = (link: string) => listLedger(t, county, path.replace('/ledgers/', ''), `${link}&pageSize=200`).then((l) => l.items.map((i) => i.id));
    expect(await ids(query)).toContain(id);
    expect(await ids((rate?.breakdown[0]?.link ?? '').split('?')[1] ?? '')).not.toContain(id);
  });
});

describe('reconsideration home', () => {
  it('lists pending cases and links upcoming hearings to exactly those cases', async () => {
    const items = await expectHomeItemsMatchLists(t, 'county', ['reconsideration.hearings']);
    expect(items.get('reconsideration.pending')?.count).toBeGreaterThan(0);
  });
});

describe('reconsideration validation', () => {
  it('creates a complete record', async () => {
    const res = await createRecord(t, clerk, LEDGER, valid);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('answers 400 naming the field in Chinese for a bad value', async () => {
    const errors = refusal(await createRecord(t, clerk, LEDGER, { ...valid, case_no: `bad-${++seq}`, act_category: '行政奖励' }));
    expect(errors.find((e) => e.path === 'act_category')?.message).toMatch(/^行政行为类别：须为以下之一/);
  });

  it.each([
    ['notice received before filing', { received_on: '2026-03-01' }, 'received_on', '收到答复'],
    ['answer before the notice', { answered_on: '2026-03-05' }, 'answered_on', '答辩'],
    ['a hearing before filing', { hearing_on: '2026-02-01' }, 'hearing_on', '开庭'],
    ['a decision before filing', { decided_on: '2026-02-01' }, 'decided_on', '决定（裁判）日期不能早于'],
    ['closing before the decision', { closed_on: '2026-06-01' }, 'closed_on', '结案日期'],
    ['an act dated after filing', { act_on: '2026-04-01' }, 'filed_on', '行政行为作出日期'],
    ['a reconsideration stage on a suit', { stage: '审理' }, 'stage', '办理阶段与案件类型不符'],
    ['a reconsideration outcome on a suit', { outcome: '维持' }, 'outcome', '结果与案件类型不符'],
    ['a reconsideration without procedure', { kind: '行政复议', organ: '演示县人民政府', stage: '决定', outcome: '维持', after_reconsideration: null, procedure: null, hearing_on: null, head_appeared: null }, 'procedure', '审理程序'],
    ['a suit without saying whether reconsidered first', { after_reconsideration: null }, 'after_reconsideration', '复议后起诉'],
    ['a reconsideration flagged as reconsidered first', { kind: '行政复议', organ: '演示县人民政府', stage: '决定', outcome: '维持', procedure: '普通程序', after_reconsideration: true }, 'after_reconsideration', '只有行政诉讼'],
    ['a person applicant without a name', { applicant_person: null }, 'applicant_person', '姓名'],
    ['a company applicant without its name', { applicant_type: '法人或其他组织', applicant_person: null }, 'applicant_org', '单位名称'],
    ['a second instance without its case number', { stage: '二审' }, 'appeal_case_no', '二审（再审）案号'],
    ['an outcome without its date', { decided_on: null }, 'decided_on', '须填写决定（裁判）日期'],
    ['a date without an outcome', { outcome: null, lost: null }, 'outcome', '须选择结果'],
    ['a reconsideration decided but still under review', { kind: '行政复议', organ: '演示县人民政府', stage: '审理', outcome: '维持', procedure: '普通程序', after_reconsideration: null }, 'stage', '应为“决定”'],
    ['closing an undecided case', { outcome: null, decided_on: null, lost: null, closed_on: '2026-07-01' }, 'closed_on', '不能结案'],
    ['an outcome without lost', { lost: null }, 'lost', '须填写是否败诉'],
    ['lost recorded on an undecided case', { outcome: null, decided_on: null, lost: true, head_appeared: null }, 'lost', '不填是否败诉'],
    ['a quashed act not counted as lost', { outcome: '撤销', lost: false }, 'lost', '撤销、变更'],
    ['a dismissed suit counted as lost', { lost: true }, 'lost', '撤销、变更'],
    ['a head in court without a name', { head_name: null }, 'head_name', '出庭负责人姓名'],
    ['a head in court without a title', { head_title: null }, 'head_title', '职务'],
    ['an absent head without a reason', { head_appeared: false, head_name: null, head_title: null }, 'head_absence_reason', '说明理由'],
    ['a head recorded without a hearing', { hearing_on: null }, 'head_appeared', '开庭（听证）日期'],
    ['a heard and decided suit without the head recorded', { head_appeared: null, head_name: null, head_title: null }, 'head_appeared', '负责人是否出庭应诉'],
  ] as const)('refuses %s', async (_name, patch, field, words) => {
    const res = await createRecord(t, clerk, LEDGER, { ...valid, case_no: `rule-${++seq}`, ...patch });
    expect(refusal(res).find((e) => e.path === field && e.message.includes(words)), res.body).toBeDefined();
  });
});

describe('reconsideration scope and personal data', () => {
  it('shows a 城关镇 clerk no 清溪镇 cases, and 404 on their details', () => expectScopedToTown(t, LEDGER));

  it('masks a person applicant for a supervisor and shows it in full to the clerk', async () => {
    const supervisor = await t.login('supervisor');
    const seen = await list(supervisor, 'pageSize=50&f.applicant_type=自然人');
    const masked = seen.items[0];
    expect(masked, 'the county 司法局 keeps cases against the county government').toBeDefined();
    expect(String(masked?.values['applicant_person'])).toMatch(/^.\*+$/);
    expect(masked?.values['applicant_id']).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(masked?.values['applicant_phone']).toMatch(/^\d{3}\*{4}\d{4}$/);

    const own = await list(clerk, `pageSize=1&f.case_no=${encodeURIComponent(valid.case_no)}`);
    expect(own.items[0]?.values['applicant_person']).toBe('刘永福');
    expect(own.items[0]?.values['applicant_id']).toBe(valid.applicant_id);
    expect(own.items[0]?.values['applicant_phone']).toBe('13912345678');
  });
});
