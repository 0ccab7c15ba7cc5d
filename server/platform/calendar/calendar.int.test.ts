import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { runCli } from '../../test/cli.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import type { Timeline } from '../workflow/workflow.service.ts';
import { workflowModule } from '../workflow/workflow.module.ts';
import { calendarModule } from './calendar.module.ts';
import { chineseDaysRows } from './holiday-data.ts';

let t: TestApp;
let admin: string;
let clerk: string;

// the official 2026 notice as CSV, plus one day off the real notice does not have
const corrected2026 = [
  'date,kind,name',
  ...chineseDaysRows()
    .filter((r) => r.year === 2026)
    .map((r) => `${r.date},${r.kind === 'holiday' ? '休' : '班'},${r.name}`),
  '2026-12-21,休,测试补充假日',
].join('\n');

const notice2027 = { year: 2027, holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' }, workdays: {} };

function multipart(name: string, content: string) {
  const boundary = 'fazhi-calendar-boundary';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T02:00:00Z') });
  t = await startTestApp({ modules: [adminModule, mediationModule, calendarModule, workflowModule] });
  admin = await t.login('sysadmin');
  clerk = await t.login('clerk');
});

afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('the calendar API', () => {
  it('lists the years loaded from chinese-days, for the 系统管理员 only', async () => {
    const years = json<{ items: Array<{ year: number; source: string; loadedBy: string; holidays: number; workdays: number }> }>(await t.request(admin, { method: 'GET', url: '/api/calendar/years' }));
    expect(years.items[0]).toMatchObject({ year: 2026, loadedBy: 'system', holidays: 33, workdays: 6 });
    expect(years.items[0]?.source).toMatch(/^chinese-days@/);
    expect(years.items.at(-1)?.year).toBe(2004);
    expect((await t.request(clerk, { method: 'GET', url: '/api/calendar/years' })).statusCode).toBe(403);
  });

  it('shows one year’s holidays and make-up working days', async () => {
    const year = json<{ holidays: Array<{ date: string; name: string; weekday: string }>; workdays: Array<{ date: string }> }>(await t.request(admin, { method: 'GET', url: '/api/calendar/2026' }));
    expect(year.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节', weekday: '周四' });
    expect(year.workdays.map((w) => w.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect((await t.request(admin, { method: 'GET', url: '/api/calendar/2031' })).statusCode).toBe(404);
  });

  it('computes a deadline for any signed-in user, and refuses to guess past the last known year', async () => {
    const ok = json<{ due: string; explanation: string[] }>(await t.request(clerk, { method: 'GET', url: '/api/deadline?from=2025-09-28&days=20&unit=working' }));
    expect(ok.due).toBe('2025-10-31');
    expect(ok.explanation).toContain('2025-10-11（周六） 调休上班（国庆节），计为工作日');
    const refused = await t.request(clerk, { method: 'GET', url: '/api/deadline?from=2026-12-04&days=20&unit=working' });
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ code: 'calendar_unknown_year', detail: '工作日历缺少2027年数据，无法计算工作日期限，请管理员导入2027年节假日安排' });
    const bad = await t.request(clerk, { method: 'GET', url: '/api/deadline?from=2026-02-30&days=0&unit=weeks' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(bad).errors.map((e) => e.path).sort()).toEqual(['days', 'from', 'unit']);
  });

  it('refuses a faulty file, naming each bad line, and changes nothing', async () => {
    const res = await t.request(admin, { method: 'POST', url: '/api/calendar/load', payload: { text: 'date,kind,name\n2027-01-01,休,元旦\n2027-01-02,放假,元旦\n2027-02-30,休,春节' } });
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: Array<{ message: string }> }>(res).errors.map((e) => e.message)).toEqual(['第3行 类型：“放假”无效，应为“休”或“班”（也可写 holiday / workday）', '第4行 日期：“2027-02-30”不是有效日期，格式应为YYYY-MM-DD']);
    expect(json<{ items: Array<{ year: number }> }>(await t.request(admin, { method: 'GET', url: '/api/calendar/years' })).items[0]?.year).toBe(2026);
    expect((await t.request(clerk, { method: 'POST', url: '/api/calendar/load', payload: notice2027 })).statusCode).toBe(403);
  });

  it('moves the due date of a running case when a corrected year is loaded, and logs why', async () => {
    const committee = json<{ items: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.committee?pageSize=1' })).items[0]?.id;
    const mediator = json<{ items: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.mediator?f.committee_id=${committee}&pageSize=1` })).items[0]?.id;
    const created = await t.request(clerk, {
      method: 'POST',
      url: '/api/ledgers/mediation.case',
      payload: { received_on: '2026-11-20', source: '当事人申请', dispute_type: '合同纠纷', summary: '买卖合同纠纷（日历测试）', applicant_name: '甲', respondent_name: '乙', parties_count: 2, committee_id: committee, mediator_id: mediator, outcome: '正在调解' },
    });
    const id = json<{ id: number }>(created).id;
    const timeline = async (): Promise<Timeline> => json<Timeline>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case/${id}/timeline` }));
    // 11/20 + 30 = 12/20, a Sunday: moved to Monday 12/21
    expect((await timeline()).clocks[0]?.due).toBe('2026-12-21');

    const res = await t.request(admin, { method: 'POST', url: '/api/calendar/load', ...multipart('2026更正.csv', corrected2026) });
    expect(res.statusCode, res.body).toBe(200);
    const load = json<{ year: number; corrected: boolean; added: string[]; removed: string[]; moved: Array<{ recordId: number; from: string; to: string }> }>(res);
    expect(load).toMatchObject({ year: 2026, corrected: true, added: ['2026-12-21（周一） 休（测试补充假日）'], removed: [] });
    expect(load.moved).toContainEqual(expect.objectContaining({ ledger: 'mediation.case', recordId: id, clockId: 'mediate', from: '2026-12-21', to: '2026-12-22' }));

    const clock = (await timeline()).clocks[0];
    expect(clock?.due).toBe('2026-12-22');
    expect(clock?.explanation).toContain('2026-12-21（周一） 法定节假日（测试补充假日），不计');

    const history = json<{ items: Array<{ action: string; actor: string; diff: { reason?: string; due?: unknown } }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case/${id}/history` }));
    const moved = history.items.find((h) => h.action === 'clock_recomputed');
    expect(moved?.actor).toBe('sysadmin');
    expect(moved?.diff.due).toEqual({ from: '2026-12-21', to: '2026-12-22' });
    expect(moved?.diff.reason).toBe('sysadmin更正2026年工作日历（来源：上传:2026更正.csv）：新增1项、删除0项（如2026-12-21（周一） 休（测试补充假日））');
    const logged = await sql<{ action: string; actor_name: string }>`select action, actor_name from audit_log where entity = 'calendar' and entity_id = '2026'`.execute(t.platform.db);
    expect(logged.rows).toEqual([{ action: 'calendar_correct', actor_name: 'sysadmin' }]);
  });

  it('loads a new year as JSON, after which working-day deadlines may reach into it', async () => {
    // from November the 系统管理员's home asks for next year's calendar (only his)
    const home = async (who: string) => json<{ items: Array<{ key: string; label: string; tone: string }> }>(await t.request(who, { method: 'GET', url: '/api/home' })).items.filter((i) => i.key.startsWith('calendar.'));
    expect(await home(admin)).toEqual([{ key: 'calendar.missing.2027', label: '2027年工作日历尚未导入（跨入2027年的工作日期限无法计算）', count: 1, link: '/admin/calendar', tone: 'danger' }]);
    expect(await home(clerk)).toEqual([]);
    // the preview says what would change and changes nothing
    const preview = await t.request(admin, { method: 'POST', url: '/api/calendar/preview', payload: notice2027 });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(json(preview)).toMatchObject({ year: 2027, corrected: false, holidays: 3, workdays: 0, removed: [], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦', weekday: '周五' }, { date: '2027-01-02' }, { date: '2027-01-03' }] });
    expect(json<{ added: string[] }>(preview).added).toHaveLength(3);
    expect((await t.request(clerk, { method: 'GET', url: '/api/deadline?from=2026-12-04&days=20&unit=working' })).statusCode).toBe(422);
    expect((await t.request(clerk, { method: 'POST', url: '/api/calendar/preview', payload: notice2027 })).statusCode).toBe(403);
    const res = await t.request(admin, { method: 'POST', url: '/api/calendar/load', payload: notice2027 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ year: 2027, corrected: false, holidays: 3, workdays: 0, source: '页面录入' });
    // 12/7–11, 14–18, (12/21 the corrected holiday), 22–25, 28–31 = 18; 1/1–3 off; 1/4, 1/5 = 20
    expect(json<{ due: string }>(await t.request(clerk, { method: 'GET', url: '/api/deadline?from=2026-12-04&days=20&unit=working' })).due).toBe('2027-01-05');
    expect(await home(admin)).toEqual([]);
  });

  it('recomputes running clocks when a start brings in a year from an upgraded chinese-days', async () => {
    const id = Number((await sql<{ id: number }>`select id from mediation_case where summary = '买卖合同纠纷（日历测试）'`.execute(t.platform.db)).rows[0]?.id);
    // as if the package had just gained 2026: the year is missing until the next start seeds it
    await sql`delete from calendar_day where year = 2026`.execute(t.platform.db);
    await sql`delete from calendar_year where year = 2026`.execute(t.platform.db);
    await calendarModule.init?.(t.platform);
    const timeline = json<Timeline>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case/${id}/timeline` }));
    expect(timeline.clocks[0]?.due).toBe('2026-12-21');
    const history = json<{ items: Array<{ action: string; diff: { reason?: string; due?: unknown } }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case/${id}/history` }));
    expect(history.items.at(-1)).toMatchObject({ action: 'clock_recomputed', diff: { due: { from: '2026-12-22', to: '2026-12-21' }, reason: '系统升级后自动导入chinese-days（2026年）工作日历' } });
  });
});

// embedded directories only: the PostgreSQL run (TEST_DATABASE_URL) would repeat it unchanged
describe.skipIf(process.env['TEST_DATABASE_URL'])('the fazhi CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-calendar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the due date on the first line from the packaged calendar when no database is named', async () => {
    const r = await runCli(['deadline', '--from', '2025-09-28', '--days', '20', '--working'], { DATABASE_URL: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('2025-10-31');
    expect(r.stdout).toContain('届满日：2025-10-31（周五）');
  });

  it('loads a year into the database with `calendar load`, which `deadline --data` then uses', async () => {
    const data = join(dir, 'data');
    const file = join(dir, '2027.csv');
    writeFileSync(file, '# 国务院办公厅关于2027年部分节假日安排的通知\ndate,kind,name\n2027-01-01,休,元旦\n2027-01-02,休,元旦\n2027-01-03,休,元旦\n');
    const load = await runCli(['calendar', 'load', file, '--data', data], { DATABASE_URL: undefined });
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout.split('\n')[0]).toBe('已导入2027年工作日历：法定节假日3天，调休上班0天（来源：文件:2027.csv）');

    const after = await runCli(['deadline', '--from', '2026-12-04', '--days', '20', '--working', '--data', data], { DATABASE_URL: undefined });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout.split('\n')[0]).toBe('2027-01-04');
    expect(after.stdout).toContain('2027-01-01（周五） 法定节假日（元旦），不计');
  });

  it('refuses a faulty file with the line of each error', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '2027-01-01,休,元旦\n2027-01-04,班,元旦\n');
    const r = await runCli(['calendar', 'load', file, '--data', join(dir, 'data')], { DATABASE_URL: undefined });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('第2行 日期：调休上班日应为周六或周日，2027-01-04是周一');
  });
});
