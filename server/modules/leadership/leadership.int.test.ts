import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_CODES } from '../../demo/fake.ts';
import { adminModule } from '../../platform/admin.module.ts';
import type { LedgerDef } from '../../platform/ledger/ledger.types.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { issueLedger, lawReportLedger, leaderLedger, meetingLedger } from './leadership.ledgers.ts';
import { leadershipModule } from './leadership.module.ts';

interface Rec { id: number; orgCode: string; values: Record<string, unknown>; refs: Record<string, string | null> }
interface List { items: Rec[]; total: number }
interface Problem { errors?: Array<{ path: string; label?: string; message: string }> }

let t: TestApp;
let county: string;
let clerk: string;
let leaderId: number;
const thisYear = new Date().getUTCFullYear();
// this year's share of a year's records: the demo runs to today, so early in January there are few
const share = (Date.now() - Date.UTC(thisYear, 0, 1)) / (365 * 86_400_000);
const atLeast = (perYear: number, year: number): number => (year === thisYear ? Math.floor(perYear * share * 0.6) : perYear);

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, leadershipModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
  leaderId = json<List>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/leadership.leader?f.in_office=是&pageSize=1' })).items[0]?.id ?? 0;
});
afterAll(async () => t.close());

const list = async (cookie: string, url: string): Promise<List> => json<List>(await t.request(cookie, { method: 'GET', url }));
const post = (ledger: string, payload: Record<string, unknown>) => t.request(clerk, { method: 'POST', url: `/api/ledgers/${ledger}`, payload });

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
        expect((await list(county, `/api/ledgers/leadership.meeting?${q}`)).total, `meetings ${town} ${year}`).toBeGreaterThanOrEqual(atLeast(8, year));
        expect((await list(county, `/api/ledgers/leadership.meeting?${q}&f.agenda_kind=专题听取法治建设工作汇报`)).total).toBeGreaterThanOrEqual(atLeast(3, year));
        expect((await list(county, `/api/ledgers/leadership.issue?${q}`)).total).toBeGreaterThanOrEqual(atLeast(2, year));
        expect((await list(county, `/api/ledgers/leadership.law_report?${q}`)).total).toBeGreaterThanOrEqual(year === thisYear ? (share > 0.07 ? 2 : 0) : 10);
      }
    }
  });

  it('links each major issue to the meeting that decided it', async () => {
    const { items } = await list(county, '/api/ledgers/leadership.issue?pageSize=50');
    expect(items.length).toBeGreaterThan(6);
    expect(items.every((i) => i.values['meeting_id'] !== null && (i.refs['meeting_id'] ?? '').includes('研究'))).toBe(true);
  });
});

describe('leadership ledgers refuse bad records', () => {
  it('accepts the valid records the rule cases start from', async () => {
    for (const [ledger, values] of Object.entries(valid())) {
      const res = await post(ledger, values);
      expect(res.statusCode, `${ledger} ${res.body}`).toBe(200);
    }
  });

  it('names the field in Chinese when a value is out of range', async () => {
    const res = await post('leadership.meeting', { ...valid()['leadership.meeting'], participants: 0 });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors).toContainEqual({ path: 'participants', label: '参会人数', message: '参会人数：不能小于1' });
  });

  for (const l of [leaderLedger, meetingLedger, issueLedger, lawReportLedger] as LedgerDef[]) {
    it(`refuses each cross-field rule of ${l.label}`, async () => {
      const cases = BREAKS[l.name] ?? {};
      expect(Object.keys(cases).sort()).toEqual((l.rules ?? []).map((r) => r.message).sort());
      for (const rule of l.rules ?? []) {
        const res = await post(l.name, { ...valid()[l.name], ...cases[rule.message] });
        expect(res.statusCode, rule.message).toBe(400);
        const label = l.fields.find((f) => f.name === rule.field)?.label;
        expect(json<Problem>(res).errors).toContainEqual({ path: rule.field, label, message: `${label}：${rule.message}` });
      }
    });
  }
});

describe('leadership records by organisation and role', () => {
  it('shows a town clerk only the town’s meetings, and 404 for a sibling town’s', async () => {
    const own = await list(clerk, '/api/ledgers/leadership.meeting?pageSize=200');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.orgCode.startsWith('999001001000'))).toBe(true);
    const other = (await list(county, '/api/ledgers/leadership.meeting?org=999001002000&pageSize=1')).items[0];
    expect(other?.orgCode.startsWith('999001002000')).toBe(true);
    expect((await t.request(clerk, { method: 'GET', url: `/api/ledgers/leadership.meeting/${other?.id}` })).statusCode).toBe(404);
  });

  it('masks a leader’s phone for a supervisor and shows it in full to a clerk', async () => {
    const supervisor = await t.login('supervisor');
    const masked = (await list(supervisor, '/api/ledgers/leadership.leader?pageSize=50')).items;
    expect(masked.length).toBeGreaterThan(0);
    expect(masked.every((r) => /^1\d{2}\*{4}\d{4}$/.test(String(r.values['phone'])))).toBe(true);
    const full = (await list(clerk, '/api/ledgers/leadership.leader?pageSize=50')).items;
    expect(full.every((r) => /^1\d{10}$/.test(String(r.values['phone'])))).toBe(true);
  });
});

describe('leadership figures', () => {
  // 清溪镇: the rule tests above add records to 城关镇
  it('equal what the ledger lists they link to count, and rates stay within their counts', async () => {
    const res = json<{ items: IndicatorValue[] }>(await t.request(county, { method: 'GET', url: `/api/indicators?org=999001002000&year=${thisYear - 1}&module=leadership` }));
    const byId = new Map(res.items.map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual((leadershipModule.indicators ?? []).map((d) => d.id).sort());
    for (const v of res.items) {
      if (v.kind === 'ratio') {
        expect(v.value, v.id).toBeGreaterThanOrEqual(0);
        expect(v.value, v.id).toBeLessThanOrEqual(100);
        expect(v.denominator?.value, v.id).toBeGreaterThan(0);
        continue;
      }
      const [path, qs] = (v.link ?? '').split('?');
      if (v.kind === 'count') expect(json<List>(await t.request(county, { method: 'GET', url: `/api/ledgers/${path?.replace('/ledgers/', '')}?${qs}&pageSize=1` })).total, v.id).toBe(v.value);
      if (v.breakdown.length && !v.overlapping) expect(v.breakdown.reduce((s, b) => s + b.value, 0), v.id).toBe(v.value);
    }
    expect(byId.get('leadership.report_hearings')?.value).toBeGreaterThanOrEqual(3);
    expect(byId.get('leadership.issues_resolved')?.value).toBeGreaterThanOrEqual(1);
    expect(byId.get('leadership.law_report_coverage')?.value).toBe(100);
  });
});

describe('leadership home page', () => {
  it('counts the clerk’s open work exactly as the list it links to', async () => {
    expect((await post('leadership.issue', { ...valid()['leadership.issue'], progress: '正在推进', resolved_on: null, result: null })).statusCode).toBe(200);
    const items = json<{ items: Array<{ key: string; count: number; link: string }> }>(await t.request(clerk, { method: 'GET', url: '/api/home' })).items;
    const open = items.find((i) => i.key === 'leadership.open_issues');
    const late = items.find((i) => i.key === 'leadership.late_issues');
    expect(open?.count).toBeGreaterThan(0);
    const [path, qs] = (open?.link ?? '').split('?');
    expect((await list(clerk, `/api/ledgers/${path?.replace('/ledgers/', '')}?${qs}&pageSize=1`)).total).toBe(open?.count);
    expect(late?.count).toBeLessThanOrEqual(open?.count ?? 0);
  });
});
