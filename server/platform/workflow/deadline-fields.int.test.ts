import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { annualReportModule } from '../../modules/annual-report/annual-report.module.ts';
import { businessEnvModule } from '../../modules/business-env/business-env.module.ts';
import { leadershipModule } from '../../modules/leadership/leadership.module.ts';
import { adminModule } from '../admin.module.ts';
import { calendarModule } from '../calendar/calendar.module.ts';
import { workflowModule } from './workflow.module.ts';
import { daysAgo, daysFrom, today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';

let t: TestApp;
let county: string;
let clerk: string;
let clerk2: string;
let uscc: string;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, calendarModule, workflowModule, businessEnvModule, leadershipModule, annualReportModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
  clerk2 = await t.login('clerk2');
  uscc = String((await listLedger(t, county, 'bizenv.compliance', 'pageSize=1')).items[0]?.values['uscc']);
});
afterAll(async () => t.close());

const deadlines = async (cookie: string, query: string): Promise<{ items: DeadlineItem[]; total: number }> => {
  const res = await t.request(cookie, { method: 'GET', url: `/api/deadlines?pageSize=200&${query}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return json(res);
};
const created = async (ledger: string, values: Record<string, unknown>): Promise<{ id: number; version: number }> => {
  const res = await createRecord(t, clerk, ledger, values);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return json(res);
};

describe('到期事项: deadlines declared on ledger fields', () => {
  it('lists an open leadership issue by its 完成时限 with the days left, within=N narrowing it, and drops it once resolved', async () => {
    const issue = await created('leadership.issue', { title: '到期测试：法治经费保障', category: '法治建设经费保障', source: '调研发现', raised_on: daysAgo(10), lead_leader: '测试书记', responsible_unit: '财政所', measures: '纳入预算', deadline: daysFrom(5), progress: '正在推进' });
    const open = await deadlines(clerk, 'ledger=leadership.issue');
    const item = open.items.find((i) => i.recordId === issue.id);
    expect(item).toMatchObject({ ledger: 'leadership.issue', clockId: 'field:deadline', clockLabel: '完成时限', due: daysFrom(5), unit: 'calendar', daysLeft: 5, overdue: false, status: 'running', title: '到期测试：法治经费保障', orgName: '城关镇', link: `/ledgers/leadership.issue/${issue.id}` });
    expect((await deadlines(clerk, 'ledger=leadership.issue&within=5')).items.map((i) => i.recordId)).toContain(issue.id);
    expect((await deadlines(clerk, 'ledger=leadership.issue&within=4')).items.map((i) => i.recordId)).not.toContain(issue.id);
    expect((await deadlines(clerk, 'ledger=leadership.issue&status=paused')).total).toBe(0);
    // another town sees nothing of this town's issue
    expect((await deadlines(clerk2, 'ledger=leadership.issue')).items.map((i) => i.title)).not.toContain('到期测试：法治经费保障');
    const res = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/leadership.issue/${issue.id}`, payload: { progress: '已解决', resolved_on: today, result: '经费已列入预算', version: issue.version } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect((await deadlines(clerk, 'ledger=leadership.issue')).items.map((i) => i.recordId)).not.toContain(issue.id);
  });

  it('counts every open business-environment issue and rectification of the town, overdue ones under 已超期', async () => {
    const issue = await created('bizenv.issue', { issue_no: `到期测试第${Date.now()}号`, received_on: daysAgo(30), channel: '企业沙龙', enterprise: '演示县到期测试公司', uscc, kind: '问题诉求', category: '融资', description: '流动资金不足', responsible_unit: '经济发展办公室', deadline: daysAgo(2), resolution: '正在解决' });
    const overdue = await deadlines(clerk, 'module=business-env&status=overdue');
    expect(overdue.items.find((i) => i.recordId === issue.id)).toMatchObject({ ledger: 'bizenv.issue', clockLabel: '办结时限', due: daysAgo(2), daysLeft: -2, overdue: true });
    // the list holds exactly the ledger's open records with a date in the field, in the user's scope
    const openIssues = (await listLedger(t, clerk, 'bizenv.issue', 'f.resolution=正在解决&pageSize=200')).items.filter((r) => r.values['deadline']);
    const listed = (await deadlines(clerk, 'ledger=bizenv.issue')).items;
    expect(listed.map((i) => i.recordId).sort()).toEqual(openIssues.map((r) => r.id).sort());
    const rectifying = (await listLedger(t, clerk, 'bizenv.compliance', 'f.outcome=限期整改中&pageSize=200')).items;
    const rectifications = (await deadlines(clerk, 'ledger=bizenv.compliance')).items;
    expect(rectifications.map((i) => i.recordId).sort()).toEqual(rectifying.filter((r) => r.values['rectify_by'] && !r.values['rectified_on']).map((r) => r.id).sort());
    expect(rectifications.every((i) => i.clockLabel === '整改期限')).toBe(true);
    // the home page's 已超期 count takes the declared deadlines in
    const home = json<{ items: Array<{ key: string; count: number }> }>(await t.request(clerk, { method: 'GET', url: '/api/home' }));
    expect(home.items.find((i) => i.key === 'deadlines.overdue')?.count).toBe((await deadlines(clerk, 'status=overdue')).total);
  });

  it('exports the declared deadlines to Excel with the rest', async () => {
    const issue = await created('bizenv.issue', { issue_no: `导出测试第${Date.now()}号`, received_on: daysAgo(3), channel: '企业沙龙', enterprise: '演示县导出测试公司', uscc, kind: '问题诉求', category: '融资', description: '用地手续', responsible_unit: '经济发展办公室', deadline: daysFrom(12), resolution: '正在解决' });
    const res = await t.request(clerk, { method: 'GET', url: '/api/deadlines/export.xlsx?module=business-env' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('到期事项')?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1).map((c) => String(c ?? '')) : []));
    expect(rows.find((r) => r[7] === String(issue.id) && r[4] === '企业问题建议办理台账')).toEqual([daysFrom(12), '剩余12天', '计时中', expect.any(String), '企业问题建议办理台账', '办结时限', '城关镇', String(issue.id)]);
  });

  it('lists last year’s annual report of each reporting unit until it is submitted, as the county’s roll-up shows it', async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const rollup = json<{ dueDate: string; rows: Array<{ orgCode: string; status: string }> }>(await t.request(county, { method: 'GET', url: `/api/reports/annual/rollup?year=${year}` }));
    const unsent = rollup.rows.filter((r) => !['submitted', 'late', 'published'].includes(r.status)).map((r) => r.orgCode).sort();
    const submission = (list: Array<{ clockLabel: string; orgCode: string }>) => list.filter((i) => i.clockLabel === '年度报告报送期限');
    const items = submission((await deadlines(county, 'module=annual-report')).items);
    expect(items.map((i) => i.orgCode).sort()).toEqual(unsent);
    for (const i of items) expect(i).toMatchObject({ clockLabel: '年度报告报送期限', due: rollup.dueDate, title: `${year}年度法治政府建设报告`, overdue: today > rollup.dueDate });
    // a town's clerk sees its own town's report only, if it is still unsent
    const mine = submission((await deadlines(clerk, 'module=annual-report')).items);
    expect(mine.map((i) => i.orgCode)).toEqual(unsent.filter((c) => c === '999001001000'));
    // a report submitted leaves the list
    const leader = await t.login('leader');
    const made = await t.request(leader, { method: 'POST', url: '/api/reports/annual', payload: { year } });
    expect(made.statusCode, made.body.slice(0, 300)).toBeLessThan(300);
    const draft = json<{ id: number; version: number }>(await t.request(leader, { method: 'GET', url: `/api/reports/annual/${json<{ id: number }>(made).id}` }));
    const sent = await t.request(leader, { method: 'POST', url: `/api/reports/annual/${draft.id}/submit`, payload: { version: draft.version } });
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(200);
    expect(submission((await deadlines(clerk, 'module=annual-report')).items)).toEqual([]);
    expect(submission((await deadlines(county, 'module=annual-report')).items).map((i) => i.orgCode)).not.toContain('999001001000');
    // its publication (by 4月1日) is still ahead of it
    expect((await deadlines(clerk, 'module=annual-report')).items.map((i) => i.clockLabel)).toEqual(['年度报告公开期限']);
  });
});
