import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_CODES } from '../../demo/fake.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, refusal } from '../../test/ledger-client.ts';
import { atLeast, expectEachAccepted, expectEachRuleRefused, expectHomeItemsMatchLists, expectIndicatorsMatchLists, expectPhoneMasked, expectScopedToTown, SIBLING_TOWN, thisYear } from '../../test/ledger-conformance.ts';
import { legalAdvisorsModule } from './legal-advisors.module.ts';
import { advisorLedger, affairLedger, contractLedger, reviewLedger, volunteerLedger } from './legal-advisors.ledgers.ts';

let t: TestApp;
let county: string;
let clerk: string;
let advisorId: number;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, legalAdvisorsModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
  const mine = await listLedger(t, clerk, 'advisors.advisor', 'f.engagement=在聘&pageSize=1');
  advisorId = mine.items[0]?.id ?? 0;
});
afterAll(async () => t.close());

const post = (ledger: string, payload: Record<string, unknown>) => createRecord(t, clerk, ledger, payload);

/** a record a clerk could file, one per ledger, and for each cross-field rule a change that breaks it */
const valid = (): Record<string, Record<string, unknown>> => ({
  'advisors.advisor': { name: '测试顾问', profession: '执业律师', law_firm: '演示县正衡律师事务所', licence_no: '19990200512345678', kind: '村（居）法律顾问', served_units: '北关村、河口村', contract_start: `${thisYear}-01-01`, contract_end: `${thisYear + 1}-12-31`, engagement: '在聘', phone: '13812345678' },
  'advisors.volunteer': { name: '测试明白人', village: '北关村', gender: '女', birth_year: 1980, occupation: '网格员', enrolled_on: `${thisYear}-03-01`, trained: true, trained_on: `${thisYear}-04-01`, active: true },
  'advisors.review': { review_no: `（${thisYear}）城关法审字第T01号`, review_type: '政府合同', title: '测试施工合同', submitting_unit: '党政办公室', contract_amount: 35.5, received_on: `${thisYear}-05-06`, advisor_id: advisorId, progress: '已出具意见', conclusion: '修改完善后可签署（实施）', opinion: '建议明确付款节点', suggestions: 2, adopted: 2, completed_on: `${thisYear}-05-08` },
  'advisors.affair': { affair_on: `${thisYear}-05-06`, affair_type: '法治讲座（培训）', advisor_id: advisorId, subject: '民法典讲座', people: 60 },
});

const BREAKS: Record<string, Record<string, Record<string, unknown>>> = {
  'advisors.advisor': {
    聘期届满日期不能早于起始日期: { contract_end: `${thisYear - 1}-12-31` },
    '律师、公职律师须填写17位执业证号': { licence_no: '12345' },
    已解聘的须填写解聘日期: { engagement: '已解聘' },
    未解聘的不应填写解聘日期: { ended_on: `${thisYear}-06-30` },
    解聘日期须在聘期之内: { engagement: '已解聘', ended_on: `${thisYear + 3}-01-01` },
  },
  'advisors.volunteer': {
    法律明白人登记时须年满18周岁: { birth_year: 2005, enrolled_on: '2020-03-01', trained_on: '2020-04-01' },
    已参加培训的须填写培训日期: { trained_on: null },
    未参加培训的不应填写培训日期: { trained: false },
  },
  'advisors.review': {
    出具意见日期不能早于收件日期: { completed_on: `${thisYear}-05-01` },
    退回补充材料日期不能早于收件日期: { returned_on: `${thisYear}-05-01`, return_reason: '请补充授权委托书' },
    补齐材料日期不能早于退回日期: { returned_on: `${thisYear}-05-07`, return_reason: '请补充授权委托书', resubmitted_on: `${thisYear}-05-06` },
    出具意见日期不能早于补齐材料日期: { returned_on: `${thisYear}-05-06`, return_reason: '请补充授权委托书', resubmitted_on: `${thisYear}-05-09` },
    退回补充材料的须写明需补充的材料: { returned_on: `${thisYear}-05-06` },
    未退回的不应填写补齐材料日期: { resubmitted_on: `${thisYear}-05-07` },
    已出具意见的须填写审查结论: { conclusion: null },
    已出具意见的须填写审查意见: { opinion: null },
    尚未出具意见的不应填写审查结论: { completed_on: null, progress: null },
    '审查结论为需修改或不宜签署的，须填写提出的意见建议条数（至少1条）': { suggestions: 0, adopted: 0 },
    被采纳条数不能多于提出条数: { adopted: 3 },
    '合同金额只适用于合同、协议类审查事项': { review_type: '信访答复' },
  },
  'advisors.affair': {
    '诉讼（复议）代理须填写案号': { affair_type: '诉讼（复议）代理' },
    '法律咨询和法治讲座须填写服务（参加）人数': { people: null },
  },
};

describe('legal advisors demo data', () => {
  it('has reviews and advisor work in every town for last year and this year', async () => {
    for (const town of DEMO_TOWN_CODES) {
      for (const year of [thisYear - 1, thisYear]) {
        for (const ledger of ['advisors.review', 'advisors.affair']) {
          const { total } = await listLedger(t, county, ledger, `org=${town}&year=${year}&pageSize=1`);
          expect(total, `${ledger} ${town} ${year}`).toBeGreaterThanOrEqual(atLeast(80, year));
        }
      }
      expect((await listLedger(t, county, 'advisors.advisor', `org=${town}&f.engagement=在聘&pageSize=1`)).total).toBeGreaterThanOrEqual(4);
      expect((await listLedger(t, county, 'advisors.volunteer', `org=${town}&pageSize=1`)).total).toBeGreaterThan(80);
    }
  });

  it('keeps the county government’s contract reviews at the justice bureau', async () => {
    const { total } = await listLedger(t, county, 'advisors.review', `org=999001000000-01&year=${thisYear - 1}&pageSize=1`);
    expect(total).toBeGreaterThan(250);
  });
});

describe('legal advisor ledgers refuse bad records', () => {
  it('accepts the valid records the rule cases start from', async () => {
    await expectEachAccepted(t, { ...valid(), 'advisors.review': { ...valid()['advisors.review'], review_no: `（${thisYear}）城关法审字第T00号` } });
  });

  it('names the field in Chinese when a value is not in the dictionary', async () => {
    const res = await post('advisors.review', { ...valid()['advisors.review'], review_type: '购房合同' });
    expect(refusal(res)).toContainEqual(expect.objectContaining({ path: 'review_type', label: '审查类别', message: expect.stringContaining('审查类别') as string }));
  });

  it('refuses a lawyer’s phone number that is not a phone number', async () => {
    const res = await post('advisors.advisor', { ...valid()['advisors.advisor'], phone: '12345' });
    expect(refusal(res)[0]?.message).toMatch(/^联系电话：/);
  });

  it('accepts a filed government contract and refuses each inconsistent one', async () => {
    const review = (await listLedger(t, clerk, 'advisors.review', 'f.review_type=政府合同&f.progress=已出具意见&pageSize=1')).items[0];
    const base = { contract_name: '北关村道路硬化工程施工合同', review_id: review?.id, counterparty: '演示县兴业建筑工程有限公司', amount: 48.6, signed_on: `${thisYear}-05-20`, term_end: `${thisYear}-09-30`, filed_on: `${thisYear}-06-02`, filed_to: '县人民政府（县司法局）', performance: '履行中' };
    await expectEachAccepted(t, { 'advisors.contract': base });
    await expectEachRuleRefused(t, contractLedger, base, {
      备案日期不能早于签订日期: { filed_on: `${thisYear}-05-19` },
      履行期限届满日期不能早于签订日期: { term_end: `${thisYear}-05-01` },
      '合同变更、解除或发生纠纷的须在备注中说明情况': { performance: '解除' },
    });
  });

  for (const l of [advisorLedger, volunteerLedger, reviewLedger, affairLedger]) {
    it(`refuses each cross-field rule of ${l.label}`, () => expectEachRuleRefused(t, l, valid()[l.name] ?? {}, BREAKS[l.name] ?? {}));
  }
});

describe('legal advisor records by organisation and role', () => {
  it('shows a town clerk only the town’s records, and 404 for a sibling town’s', () => expectScopedToTown(t, 'advisors.review'));

  it('masks an advisor’s phone for a supervisor and shows it in full to a clerk', () => expectPhoneMasked(t, 'advisors.advisor', 'phone'));
});

describe('legal advisor figures', () => {
  // 清溪镇: the rule tests above add records to 城关镇
  it('equal what the ledger lists they link to count, and rates stay within their counts', async () => {
    const byId = await expectIndicatorsMatchLists(t, legalAdvisorsModule, SIBLING_TOWN, thisYear - 1);
    expect(byId.get('legal-advisors.government_documents')?.value).toBeGreaterThan(15);
    expect(byId.get('legal-advisors.villages_covered')?.value).toBe(8);
    expect(byId.get('legal-advisors.legal_volunteers')?.value).toBeGreaterThan(100);
    expect(byId.get('legal-advisors.advisors')?.value).toBe(4);
  });
});

describe('legal advisor home page', () => {
  it('counts the clerk’s open work exactly as the list it links to', async () => {
    expect((await post('advisors.review', { ...valid()['advisors.review'], review_no: `（${thisYear}）城关法审字第T09号`, progress: '审查中', conclusion: null, opinion: null, suggestions: null, adopted: null, completed_on: null })).statusCode).toBe(200);
    const items = await expectHomeItemsMatchLists(t, 'clerk', ['legal-advisors.open_reviews']);
    const open = items.get('legal-advisors.open_reviews');
    expect(open?.count).toBeGreaterThan(0);
  });
});

describe('served units counted', () => {
  it('counts the villages an advisor serves from the list, and refuses a typed number that differs', async () => {
    const base = { ...valid()['advisors.advisor'], name: '计数顾问', served_units: '北关村、河口村、南街社区' };
    const ok = await post('advisors.advisor', base);
    expect(ok.statusCode, ok.body).toBe(200);
    const made = JSON.parse(ok.body) as { id: number; version: number; values: Record<string, unknown> };
    expect(made.values['served_count']).toBe(3);
    expect(refusal(await post('advisors.advisor', { ...base, served_count: 5 }))).toEqual([{ path: 'served_count', label: '服务单位数', message: '“服务单位数”由系统按所列名称个数自动统计，不能手工填写或修改' }]);
    const edited = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/advisors.advisor/${made.id}`, payload: { served_units: '北关村', version: made.version } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((JSON.parse(edited.body) as { values: Record<string, unknown> }).values['served_count']).toBe(1);
  });
});
