import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_CODES } from '../../demo/fake.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger, refusal } from '../../test/ledger-client.ts';
import { atLeast, expectEachAccepted, expectEachRuleRefused, expectHomeItemsMatchLists, expectIndicatorsMatchLists, expectPhoneMasked, expectScopedToTown, SIBLING_TOWN, thisYear, yearShare } from '../../test/ledger-conformance.ts';
import { issueLedger, lawReportLedger, leaderLedger, meetingLedger } from './leadership.ledgers.ts';
import { leadershipModule } from './leadership.module.ts';

let t: TestApp;
let county: string;
let clerk: string;
let leaderId: number;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, leadershipModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
  leaderId = (await listLedger(t, clerk, 'leadership.leader', 'f.in_office=是&pageSize=1')).items[0]?.id ?? 0;
});
afterAll(async () => t.close());

const post = (ledger: string, payload: Record<string, unknown>) => createRecord(t, clerk, ledger, payload);

const valid = (): Record<string, Record<string, unknown>> => ({
  'leadership.leader': { name: '测试领导', position: '副镇长', role: '其他班子成员', took_office_on: '2022-03-01', in_office: true, phone: '13912345678' },
  'leadership.meeting': { meeting_on: `${thisYear}-03-12`, meeting_kind: '党委（党组）会议', agenda_kind: '专题听取法治建设工作汇报', topic: '听取法治政府建设工作情况汇报', chaired_by: '测试书记', chair_role: '党委（党组）主要负责人', reporter: '司法所所长', participants: 12 },
  'leadership.issue': { title: '测试重大问题', category: '法治建设经费保障', source: '调研发现', raised_on: `${thisYear}-03-12`, lead_leader: '测试书记', responsible_unit: '财政所', measures: '纳入预算', deadline: `${thisYear}-06-30`, progress: '已解决', resolved_on: `${thisYear}-05-20`, result: '经费落实' },
  'leadership.law_report': { report_year: thisYear - 1, leader_id: leaderId, position: '副镇长', role: '其他班子成员', form: '会议述法', reported_on: `${thisYear}-01-10`, meeting: '述法评议会', evaluation: '好', score: 92.5 },
});

const BREAKS: Record<string, Record<string, Record<string, unknown>>> = {
  'leadership.leader': {
    离任日期不能早于任职日期: { in_office: false, left_office_on: '2021-01-01' },
    已离任的须填写离任日期: { in_office: false },
    在任的不应填写离任日期: { left_office_on: '2024-01-01' },
  },
  'leadership.meeting': {
    听取汇报的须填写汇报人: { reporter: null },
    研究解决重大问题的须填写研究决定事项: { agenda_kind: '研究解决法治建设重大问题', issues_decided: 1 },
    '研究解决重大问题的须填写解决问题个数（至少1个）': { agenda_kind: '研究解决法治建设重大问题', decisions: '落实经费' },
  },
  'leadership.issue': {
    完成时限不能早于提出日期: { deadline: `${thisYear}-01-01` },
    解决日期不能早于提出日期: { resolved_on: `${thisYear}-01-01` },
    已解决的须填写解决日期: { resolved_on: null },
    未解决的不应填写解决日期: { progress: '正在推进' },
    已解决的须填写解决成效: { result: null },
  },
  'leadership.law_report': {
    述法日期须在述法年度内或次年: { report_year: thisYear - 3 },
    会议述法须填写述法会议: { meeting: null },
    评议等次为一般或差的须填写整改措施: { evaluation: '一般' },
  },
};

describe('leadership demo data', () => {
  it('has rule-of-law meetings, major issues and 述法 in every town for last year and this year', async () => {
    for (const town of DEMO_TOWN_CODES) {
      for (const year of [thisYear - 1, thisYear]) {
        const q = `org=${town}&year=${year}&pageSize=1`;
        expect((await listLedger(t, county, 'leadership.meeting', q)).total, `meetings ${town} ${year}`).toBeGreaterThanOrEqual(atLeast(8, year));
        expect((await listLedger(t, county, 'leadership.meeting', `${q}&f.agenda_kind=专题听取法治建设工作汇报`)).total).toBeGreaterThanOrEqual(atLeast(3, year));
        expect((await listLedger(t, county, 'leadership.issue', q)).total).toBeGreaterThanOrEqual(atLeast(2, year));
        expect((await listLedger(t, county, 'leadership.law_report', q)).total).toBeGreaterThanOrEqual(year === thisYear ? (yearShare > 0.07 ? 2 : 0) : 10);
      }
    }
  });

  it('links each major issue to the meeting that decided it', async () => {
    const { items } = await listLedger(t, county, 'leadership.issue', 'pageSize=50');
    expect(items.length).toBeGreaterThan(6);
    expect(items.every((i) => i.values['meeting_id'] !== null && (i.refs['meeting_id'] ?? '').includes('研究'))).toBe(true);
  });
});

describe('leadership ledgers refuse bad records', () => {
  it('accepts the valid records the rule cases start from', () => expectEachAccepted(t, valid()));

  it('names the field in Chinese when a value is out of range', async () => {
    const res = await post('leadership.meeting', { ...valid()['leadership.meeting'], participants: 0 });
    expect(refusal(res)).toContainEqual({ path: 'participants', label: '参会人数', message: '参会人数：不能小于1' });
  });

  for (const l of [leaderLedger, meetingLedger, issueLedger, lawReportLedger]) {
    it(`refuses each cross-field rule of ${l.label}`, () => expectEachRuleRefused(t, l, valid()[l.name] ?? {}, BREAKS[l.name] ?? {}));
  }
});

describe('leadership records by organisation and role', () => {
  it('shows a town clerk only the town’s meetings, and 404 for a sibling town’s', () => expectScopedToTown(t, 'leadership.meeting'));

  it('masks a leader’s phone for a supervisor and shows it in full to a clerk', () => expectPhoneMasked(t, 'leadership.leader', 'phone'));
});

describe('leadership figures', () => {
  // 清溪镇: the rule tests above add records to 城关镇
  it('equal what the ledger lists they link to count, and rates stay within their counts', async () => {
    const byId = await expectIndicatorsMatchLists(t, leadershipModule, SIBLING_TOWN, thisYear - 1);
    expect(byId.get('leadership.report_hearings')?.value).toBeGreaterThanOrEqual(3);
    expect(byId.get('leadership.issues_resolved')?.value).toBeGreaterThanOrEqual(1);
    expect(byId.get('leadership.law_report_coverage')?.value).toBe(100);
  });
});

describe('leadership home page', () => {
  it('counts the clerk’s open work exactly as the list it links to', async () => {
    expect((await post('leadership.issue', { ...valid()['leadership.issue'], progress: '正在推进', resolved_on: null, result: null })).statusCode).toBe(200);
    const items = await expectHomeItemsMatchLists(t, 'clerk', ['leadership.open_issues']);
    const open = items.get('leadership.open_issues');
    expect(open?.count).toBeGreaterThan(0);
    expect(items.get('leadership.late_issues')?.count).toBeLessThanOrEqual(open?.count ?? 0);
  });
});
