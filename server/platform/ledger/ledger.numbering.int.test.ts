import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../test/ledger-client.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';

let t: TestApp;
let clerk: string;
let county: string;
const TOWN = '999001001000';
const UNIT = `${TOWN}-03`; // 城关镇综合行政执法队
const CASES = 'enforcement.case';
const today = chinaDate(new Date());
const year = today.slice(0, 4);
let matter = 0;

type Rec = { id: number; version: number; values: Record<string, unknown> };
type Problem = { errors?: Array<{ path: string; message: string }>; detail?: string };

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  county = await t.login('county');
  const m = await sql<{ id: number }>`select id from enforcement_matter where org_code like ${`${TOWN}%`} and status = 'active' and matter_type = '行政处罚' order by id limit 1`.execute(t.platform.db);
  matter = Number(m.rows[0]?.id);
});
afterAll(async () => t.close());

const penaltyCase = (summary: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ orgCode: UNIT, case_type: '行政处罚', domain: '城管', matter, source: '日常巡查', registered_on: today, summary, party_kind: '单位', party_name: '演示商贸有限公司', party_uscc: '91350100M000100Y43', ...extra });

async function newCase(summary: string, extra: Record<string, unknown> = {}): Promise<Rec> {
  const res = await createRecord(t, clerk, CASES, penaltyCase(summary, extra));
  expect(res.statusCode, res.body).toBe(200);
  return json<Rec>(res);
}

const seqOf = (no: unknown): number => Number(/〕(\d+)号$/.exec(String(no))?.[1]);
const count = async (table: string): Promise<number> => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.platform.db)).rows[0]?.n);

describe('numbers given by the system', () => {
  it('gives a registered case its 案号 in the unit’s series for its kind and year, skipping numbers already in use', async () => {
    const inUse = await sql<{ case_no: string }>`select case_no from enforcement_case where org_code = ${UNIT} and case_no like ${`城关综执罚〔${year}〕%`}`.execute(t.platform.db);
    const a = await newCase('占道经营案（编号测试一）');
    expect(String(a.values['case_no'])).toMatch(new RegExp(`^城关综执罚〔${year}〕\\d+号$`));
    // the demo's historical numbers stay theirs: the counter stepped past them
    expect(inUse.rows.map((r) => r.case_no)).not.toContain(a.values['case_no']);
    const b = await newCase('占道经营案（编号测试二）');
    expect(seqOf(b.values['case_no'])).toBeGreaterThan(seqOf(a.values['case_no']));
    const check = await newCase('安全生产检查（编号测试）', { case_type: '行政检查' });
    expect(String(check.values['case_no'])).toMatch(new RegExp(`^城关综执检〔${year}〕\\d+号$`));
    const logged = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'number_assigned' and diff::text like ${`%${String(a.values['case_no'])}%`}`.execute(t.platform.db);
    expect(logged.rows[0]?.n).toBe(1);
  });

  it('refuses a number typed by hand on create and on edit, naming the field, audited, nothing saved', async () => {
    const before = await count('enforcement_case');
    const typed = await createRecord(t, clerk, CASES, penaltyCase('手工编号的案件', { case_no: '城关综执罚〔2026〕999号' }));
    expect(typed.statusCode).toBe(403);
    const body = json<Problem>(typed);
    expect(body.errors?.[0]).toMatchObject({ path: 'case_no' });
    expect(body.errors?.[0]?.message).toContain('案号');
    expect(body.detail).toContain('自动编号');
    expect(await count('enforcement_case')).toBe(before);
    const refusals = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'refused_numbered' and entity = ${CASES}`.execute(t.platform.db);
    expect(refusals.rows[0]?.n).toBeGreaterThanOrEqual(1);

    const rec = await newCase('编辑时改案号');
    // an edit form sends the number back unchanged: that is no change
    const same = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${CASES}/${rec.id}`, payload: { version: rec.version, case_no: rec.values['case_no'], handler: '王明' } });
    expect(same.statusCode, same.body).toBe(200);
    const changed = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${CASES}/${rec.id}`, payload: { version: json<Rec>(same).version, case_no: '城关综执罚〔2026〕1号' } });
    expect(changed.statusCode).toBe(403);
    expect(json<Problem>(changed).errors?.map((e) => e.path)).toEqual(['case_no']);
    // clearing it is a change too
    expect((await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${CASES}/${rec.id}`, payload: { version: json<Rec>(same).version, case_no: null } })).statusCode).toBe(403);
    const stored = json<Rec>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${rec.id}` }));
    expect(stored.values['case_no']).toBe(rec.values['case_no']);
  });

  it('never prints one number twice in a town and the units that go by its name (each counting on its own)', async () => {
    // 城关镇 and 城关镇综合行政执法队 both print 城关综执罚〔…〕: a number one holds, the other steps over
    const made: string[] = [];
    for (const orgCode of [TOWN, UNIT, TOWN, UNIT]) made.push(String((await newCase(`同名编号测试${made.length + 1}`, { orgCode })).values['case_no']));
    expect(new Set(made).size).toBe(made.length);
    for (const no of made) expect(no).toMatch(new RegExp(`^城关综执罚〔${year}〕\\d+号$`));
    const dup = await sql<{ case_no: string }>`select case_no from enforcement_case where org_code like ${`${TOWN}%`} group by case_no having count(*) > 1`.execute(t.platform.db);
    expect(dup.rows).toEqual([]);
  });

  it('never gives two parallel creates the same number', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => createRecord(t, clerk, CASES, penaltyCase(`并发登记案件${i + 1}`))));
    expect(made.map((r) => r.statusCode)).toEqual(Array.from({ length: 8 }, () => 200));
    const numbers = made.map((r) => String(json<Rec>(r).values['case_no']));
    expect(new Set(numbers).size).toBe(8);
    const seqs = numbers.map(seqOf).sort((x, y) => x - y);
    expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0)).toBe(7);
  });

  it('gives a 文号 when the transition that issues the document is done, and refuses one typed into it', async () => {
    const row = await sql<{ id: number }>`select id from decisions_decision where org_code like ${`${TOWN}%`} and status = 'active' and decided_on is not null order by id limit 1`.execute(t.platform.db);
    const id = Number(row.rows[0]?.id);
    expect(id).toBeGreaterThan(0);
    await sql`update decisions_decision set doc_no = null, published_on = null, archived_on = null, evaluated_on = null, evaluation = null, state = 'decided' where id = ${id}`.execute(t.platform.db);
    const url = `/api/ledgers/decisions.decision/${id}/transitions/publish`;
    const typed = await t.request(clerk, { method: 'POST', url, payload: { published_on: today, doc_no: '城关政发〔2026〕1号' } });
    // refused like a plain edit of it: 403, naming the field, audited
    expect(typed.statusCode).toBe(403);
    expect(json<Problem>(typed).errors?.map((e) => e.path)).toContain('doc_no');
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'decisions.decision' and entity_id = ${String(id)} and action = 'refused_owned_field'`.execute(t.platform.db)).rows[0]?.n).toBe(1);
    const done = await t.request(clerk, { method: 'POST', url, payload: { published_on: today, date: today } });
    expect(done.statusCode, done.body).toBe(200);
    const rec = json<Rec>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/decisions.decision/${id}` }));
    expect(String(rec.values['doc_no'])).toMatch(new RegExp(`^城关政发〔${year}〕\\d+号$`));
  });
});

describe('编号规则 (the format each organisation sets)', () => {
  const series = 'enforcement.case_no';

  it('applies a changed format to new numbers only, audited; a bad format is refused naming the field', async () => {
    const old = await newCase('改格式前登记的案件');
    const bad = await t.request(county, { method: 'PUT', url: '/api/numbering/format', payload: { series, orgCode: UNIT, format: '城关执法{类别}字第{序号}号' } });
    expect(bad.statusCode).toBe(400);
    expect(json<Problem>(bad).errors?.[0]).toMatchObject({ path: 'format' });
    expect(json<Problem>(bad).errors?.[0]?.message).toContain('{年}');
    expect((await t.request(clerk, { method: 'PUT', url: '/api/numbering/format', payload: { series, orgCode: UNIT, format: '城关执法{类别}字〔{年}〕第{序号}号' } })).statusCode).toBe(403);

    const preview = json<{ example: string; next: string }>(await t.request(county, { method: 'GET', url: `/api/numbering/preview?series=${series}&org=${encodeURIComponent(UNIT)}&format=${encodeURIComponent('城关执法{类别}字〔{年}〕第{序号}号')}` }));
    expect(preview.example).toBe(`城关执法罚字〔${year}〕第12号`);
    const saved = await t.request(county, { method: 'PUT', url: '/api/numbering/format', payload: { series, orgCode: UNIT, format: '城关执法{类别}字〔{年}〕第{序号}号' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const fresh = await newCase('改格式后登记的案件');
    expect(fresh.values['case_no']).toBe(preview.next);
    expect(String(fresh.values['case_no'])).toMatch(new RegExp(`^城关执法罚字〔${year}〕第\\d+号$`));
    // the number already given keeps its text
    expect(json<Rec>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${old.id}` })).values['case_no']).toBe(old.values['case_no']);

    const audited = await sql<{ diff: unknown; actor_name: string }>`select diff, actor_name from audit_log where action = 'format_changed' and entity_id = ${`${series}/${UNIT}`}`.execute(t.platform.db);
    expect(audited.rows).toHaveLength(1);
    expect(JSON.stringify(audited.rows[0]?.diff)).toContain('城关执法{类别}字〔{年}〕第{序号}号');

    const list = json<{ series: Array<{ series: string; orgs: Array<{ orgCode: string; format: string; custom: boolean; next: string }> }> }>(await t.request(county, { method: 'GET', url: '/api/numbering' }));
    const row = list.series.find((s) => s.series === series)?.orgs.find((o) => o.orgCode === UNIT);
    expect(row).toMatchObject({ custom: true, format: '城关执法{类别}字〔{年}〕第{序号}号' });
    expect(list.series.map((s) => s.series)).toEqual(expect.arrayContaining(['enforcement.case_no', 'mediation.case_no', 'disclosure.app_no', 'petitions.reg_no', 'decisions.doc_no']));

    // back to the national default
    expect((await t.request(county, { method: 'PUT', url: '/api/numbering/format', payload: { series, orgCode: UNIT, format: null } })).statusCode).toBe(200);
    expect(String((await newCase('恢复默认格式后的案件')).values['case_no'])).toMatch(new RegExp(`^城关综执罚〔${year}〕\\d+号$`));
  });

  it('is business configuration: no 三员 account holds it', async () => {
    for (const user of ['sysadmin', 'secadmin', 'auditor']) expect((await t.request(await t.login(user), { method: 'GET', url: '/api/numbering' })).statusCode).toBe(403);
  });
});

describe('imports keep their numbers', () => {
  const base = '/api/ledgers/mediation.case';

  async function importRows(rows: Array<Record<string, unknown>>) {
    const tpl = await t.request(clerk, { method: 'GET', url: `${base}/template.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const headers: string[] = [];
    ws.getRow(1).eachCell((c, col) => (headers[col] = String(c.value).replace(/\*$/, '')));
    rows.forEach((r, i) => headers.forEach((h, col) => {
      if (h && r[h] !== undefined) ws.getRow(i + 2).getCell(col).value = r[h] as ExcelJS.CellValue;
    }));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----fazhi';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cases.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return t.request(clerk, { method: 'POST', url: `${base}/import?mode=all`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  }

  it('takes in a historical number as it was, and the next number given steps over it', async () => {
    const list = json<{ series: Array<{ series: string; orgs: Array<{ orgCode: string; next: string }> }> }>(await t.request(county, { method: 'GET', url: '/api/numbering' }));
    const next = list.series.find((s) => s.series === 'mediation.case_no')?.orgs.find((o) => o.orgCode === TOWN)?.next ?? '';
    expect(next).toMatch(new RegExp(`^（${year}）城关调字第\\d{3}号$`));
    const refs = json<{ items: Array<{ values: Record<string, unknown> }> }>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).items[0]?.values ?? {};
    const row = (no: string, summary: string) => ({ 案件编号: no, 受理日期: today, 案件来源: '排查', 纠纷类型: '邻里纠纷', 纠纷概要: summary, '申请人（一方当事人）': `${summary}申请人`, '被申请人（对方当事人）': '村民乙', 当事人人数: 2, 受理调委会: refs['committee_id'], 承办调解员: refs['mediator_id'], 调解结果: '正在调解' });
    // one old paper register number, one that is exactly the number the counter would give next, and a new
    // case without a number: the system numbers it, stepping over the number the other row carries
    const seqIn = (no: string): number => Number(/第(\d+)号/.exec(no)?.[1]);
    const imported = await importRows([row('（2019）城关调字第007号', '旧台账补录纠纷'), row(next, '补录的本年纠纷'), row('', '批量登记的新纠纷')]);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(json<{ imported: number }>(imported).imported).toBe(3);
    const kept = await sql<{ case_no: string; summary: string }>`select case_no, summary from mediation_case where summary in ('旧台账补录纠纷', '补录的本年纠纷', '批量登记的新纠纷')`.execute(t.platform.db);
    const bySummary = Object.fromEntries(kept.rows.map((r) => [r.summary, r.case_no]));
    expect(bySummary['旧台账补录纠纷']).toBe('（2019）城关调字第007号');
    expect(bySummary['补录的本年纠纷']).toBe(next);
    expect(seqIn(String(bySummary['批量登记的新纠纷']))).toBe(seqIn(next) + 1);

    const created = await t.request(clerk, { method: 'POST', url: base, payload: { received_on: today, source: '排查', dispute_type: '邻里纠纷', summary: '补录后新登记的纠纷', applicant_name: '甲', respondent_name: '乙', parties_count: 2, committee_id: refs['committee_id'], mediator_id: refs['mediator_id'], outcome: '正在调解' } });
    expect(created.statusCode, created.body).toBe(200);
    const given = String(json<Rec>(created).values['case_no']);
    expect(given).not.toBe(next);
    // past the imported ones (and any number the demo already holds)
    expect(seqIn(given)).toBeGreaterThanOrEqual(seqIn(next) + 2);
    expect((await sql<{ n: number }>`select count(*)::int as n from mediation_case where org_code = ${TOWN} and case_no = ${given}`.execute(t.platform.db)).rows[0]?.n).toBe(1);
  });
});
