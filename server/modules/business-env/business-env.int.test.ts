import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_CODES } from '../../demo/fake.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, refusal } from '../../test/ledger-client.ts';
import { atLeast, expectEachAccepted, expectEachRuleRefused, expectHomeItemsMatchLists, expectIndicatorsMatchLists, expectPhoneMasked, expectScopedToTown, SIBLING_TOWN, thisYear } from '../../test/ledger-conformance.ts';
import { complianceLedger, contactLedger, issueLedger, measureLedger } from './business-env.ledgers.ts';
import { businessEnvModule } from './business-env.module.ts';

let t: TestApp;
let county: string;
let clerk: string;
const USCC = '91999001MA0000000X';

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, businessEnvModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const post = (ledger: string, payload: Record<string, unknown>) => createRecord(t, clerk, ledger, payload);

/** a valid USCC taken from the demo data, so the check character is right */
let validUscc = USCC;

const valid = (): Record<string, Record<string, unknown>> => ({
  'bizenv.contact': { contact_on: `${thisYear}-04-10`, form: '企业沙龙', topic: '民营企业家沙龙', leader: '测试书记', leader_rank: '党政主要负责人', enterprises: '演示县甲公司、演示县乙公司', enterprise_count: 2 },
  'bizenv.issue': { issue_no: `（${thisYear}）城关营商第T01号`, received_on: `${thisYear}-04-10`, channel: '企业沙龙', enterprise: '演示县甲公司', uscc: validUscc, kind: '问题诉求', category: '融资', description: '流动资金不足', responsible_unit: '经济发展办公室', deadline: `${thisYear}-05-10`, resolution: '已解决', resolved_on: `${thisYear}-04-30`, feedback: '已对接银行', satisfaction: '满意' },
  'bizenv.measure': { title: '推行综合查一次', category: '涉企执法', adopted_on: `${thisYear}-03-01`, source: '上级部署', content: '合并检查', responsible_unit: '综合行政执法队', implementation: '已落实', effect: '检查次数下降' },
  'bizenv.compliance': { guided_on: `${thisYear}-04-10`, enterprise: '演示县甲公司', uscc: validUscc, industry: '餐饮', form: '上门合规体检', list_applied: '首违不罚清单', guided_by: '测试队员', risks_found: 1, content: '健康证过期', outcome: '依法不予处罚' },
});

const BREAKS: Record<string, Record<string, Record<string, unknown>>> = {
  'bizenv.contact': {
    企业数不能少于列出的企业名称个数: { enterprises: '演示县甲公司、演示县乙公司、演示县丙公司' },
    '企业沙龙、座谈会须有2家以上企业参加': { enterprises: '演示县甲公司', enterprise_count: 1 },
  },
  'bizenv.issue': {
    办结时限不能早于收集日期: { deadline: `${thisYear}-04-01` },
    办结日期不能早于收集日期: { resolved_on: `${thisYear}-04-01` },
    '已办结（已解决或已解释）的须填写办结日期': { resolved_on: null },
    正在解决的不应填写办结日期: { resolution: '正在解决', satisfaction: null },
    已办结的须填写办理结果及向企业反馈情况: { feedback: null },
    正在解决的不应填写企业评价: { resolution: '正在解决', resolved_on: null },
  },
  'bizenv.measure': {
    已落实的须填写实施成效: { effect: null },
  },
  'bizenv.compliance': {
    '发现风险隐患的，处理结果不能为未发现问题': { outcome: '未发现问题' },
    '整改或不予处罚的须填写发现的风险隐患个数（至少1个）': { risks_found: 0 },
    '依法不予处罚的须注明适用的不予处罚清单（轻微违法或首违不罚）': { list_applied: '企业行政合规指引' },
    限期整改的须填写整改期限: { outcome: '限期整改中' },
    整改期限不能早于指导日期: { outcome: '限期整改中', rectify_by: `${thisYear}-04-01` },
    已整改到位的须填写整改完成日期: { outcome: '已整改到位' },
    限期整改中的不应填写整改完成日期: { outcome: '限期整改中', rectify_by: `${thisYear}-04-30`, rectified_on: `${thisYear}-04-20` },
    整改完成日期不能早于指导日期: { outcome: '已整改到位', rectified_on: `${thisYear}-04-01` },
  },
};

describe('business environment demo data', () => {
  it('has contacts, problems, measures and compliance guidance in every town for last year and this year', async () => {
    for (const town of DEMO_TOWN_CODES) {
      for (const year of [thisYear - 1, thisYear]) {
        const q = `org=${town}&year=${year}&pageSize=1`;
        expect((await listLedger(t, county, 'bizenv.contact', q)).total, `contacts ${town} ${year}`).toBeGreaterThanOrEqual(atLeast(30, year));
        expect((await listLedger(t, county, 'bizenv.contact', `${q}&f.form=企业沙龙`)).total).toBeGreaterThanOrEqual(atLeast(3, year));
        expect((await listLedger(t, county, 'bizenv.issue', q)).total).toBeGreaterThanOrEqual(atLeast(10, year));
        expect((await listLedger(t, county, 'bizenv.measure', q)).total).toBeGreaterThanOrEqual(atLeast(3, year));
        expect((await listLedger(t, county, 'bizenv.compliance', q)).total).toBeGreaterThanOrEqual(atLeast(40, year));
      }
    }
  });

  it('leaves recent problems open and closes old ones', async () => {
    const open = (await listLedger(t, county, 'bizenv.issue', 'f.resolution=正在解决&pageSize=200')).items;
    const lastYear = (await listLedger(t, county, 'bizenv.issue', `year=${thisYear - 1}&f.resolution=正在解决&pageSize=1`)).total;
    const all = (await listLedger(t, county, 'bizenv.issue', `year=${thisYear - 1}&pageSize=1`)).total;
    expect(open.length).toBeGreaterThan(0);
    expect(lastYear / all).toBeLessThan(0.15);
  });
});

describe('business environment ledgers refuse bad records', () => {
  it('accepts the valid records the rule cases start from', async () => {
    validUscc = String((await listLedger(t, county, 'bizenv.compliance', 'pageSize=1')).items[0]?.values['uscc']);
    await expectEachAccepted(t, { ...valid(), 'bizenv.issue': { ...valid()['bizenv.issue'], issue_no: `（${thisYear}）城关营商第T00号` } });
  });

  it('names the field in Chinese when a credit code fails its check character', async () => {
    const res = await post('bizenv.issue', { ...valid()['bizenv.issue'], uscc: USCC });
    expect(refusal(res)).toContainEqual({ path: 'uscc', label: '统一社会信用代码', message: '统一社会信用代码：须为有效的18位统一社会信用代码（校验位不符）' });
  });

  for (const l of [contactLedger, issueLedger, measureLedger, complianceLedger]) {
    it(`refuses each cross-field rule of ${l.label}`, () => expectEachRuleRefused(t, l, valid()[l.name] ?? {}, BREAKS[l.name] ?? {}));
  }
});

describe('business environment records by organisation and role', () => {
  it('shows a town clerk only the town’s problems, and 404 for a sibling town’s', () => expectScopedToTown(t, 'bizenv.issue'));

  it('masks an enterprise’s phone for a supervisor and shows it in full to a clerk', () => expectPhoneMasked(t, 'bizenv.compliance', 'contact_phone'));
});

describe('business environment figures', () => {
  // 清溪镇: the rule tests above add records to 城关镇
  it('equal what the ledger lists they link to count, and rates stay within their counts', async () => {
    const byId = await expectIndicatorsMatchLists(t, businessEnvModule, SIBLING_TOWN, thisYear - 1);
    expect(byId.get('business-env.salon_events')?.value).toBe(4);
    expect(byId.get('business-env.salons')?.value).toBeGreaterThanOrEqual(4);
    expect(byId.get('business-env.measures')?.value).toBe(4);
    expect(byId.get('business-env.resolution_rate')?.value).toBeGreaterThan(60);
  });
});

describe('business environment home page', () => {
  it('counts the clerk’s open work exactly as the list it links to', async () => {
    expect((await post('bizenv.issue', { ...valid()['bizenv.issue'], issue_no: `（${thisYear}）城关营商第T09号`, resolution: '正在解决', resolved_on: null, feedback: null, satisfaction: null })).statusCode).toBe(200);
    const items = await expectHomeItemsMatchLists(t, 'clerk', ['business-env.open_issues']);
    const open = items.get('business-env.open_issues');
    expect(open?.count).toBeGreaterThan(0);
    expect(items.get('business-env.late_issues')?.count).toBeLessThanOrEqual(open?.count ?? 0);
  });
});

describe('contact problems counted', () => {
  it('counts the problems recorded from a contact, and follows an issue moved away or withdrawn', async () => {
    const contact = await post('bizenv.contact', { ...valid()['bizenv.contact'], topic: '计数测试沙龙' });
    expect(contact.statusCode, contact.body).toBe(200);
    const id = (JSON.parse(contact.body) as { id: number }).id;
    const problems = async () => (JSON.parse((await t.request(clerk, { method: 'GET', url: `/api/ledgers/bizenv.contact/${id}` })).body) as { values: Record<string, unknown> }).values['problems_count'];
    expect(await problems()).toBe(0);
    const made: Array<{ id: number; version: number }> = [];
    for (const n of [1, 2]) {
      const res = await post('bizenv.issue', { ...valid()['bizenv.issue'], issue_no: `（${thisYear}）城关营商第C0${n}号`, contact_id: id });
      expect(res.statusCode, res.body).toBe(200);
      made.push(JSON.parse(res.body) as { id: number; version: number });
    }
    expect(await problems()).toBe(2);
    const [first, second] = made;
    const moved = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/bizenv.issue/${first?.id}`, payload: { contact_id: null, channel: '来电来访', version: first?.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await problems()).toBe(1);
    const withdrawn = await t.request(county, { method: 'POST', url: `/api/ledgers/bizenv.issue/${second?.id}/withdraw`, payload: { reason: '重复登记' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await problems()).toBe(0);
    expect(refusal(await post('bizenv.contact', { ...valid()['bizenv.contact'], problems_count: 3 })).map((e) => e.path)).toEqual(['problems_count']);
  });

  it('backs every demo contact\'s figure with its issue records', async () => {
    const contacts = await listLedger(t, county, 'bizenv.contact', `org=${DEMO_TOWN_CODES[0]}&pageSize=200`);
    expect(contacts.items.some((c) => Number(c.values['problems_count']) > 0)).toBe(true);
    for (const c of contacts.items.filter((x) => Number(x.values['problems_count']) > 0).slice(0, 20)) {
      expect((await listLedger(t, county, 'bizenv.issue', `f.contact_id=${c.id}&pageSize=1`)).total, String(c.id)).toBe(c.values['problems_count']);
    }
  });
});
