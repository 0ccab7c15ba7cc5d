import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { fromDatabaseError } from './db-errors.ts';
import type { FieldError } from './errors.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('errors are problem+json with Chinese messages, never 500', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(json(res)).toMatchObject({ code: 'not_found', status: 404 });
  });
  it('answers malformed JSON with 400', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'malformed_body' });
  });
  it('answers a wrong content type with 415', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'username=a' });
    expect(res.statusCode).toBe(415);
    expect(json(res)).toMatchObject({ code: 'unsupported_media_type' });
  });
  it('answers an oversized body with 413', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }) });
    expect(res.statusCode).toBe(413);
    expect(json(res)).toMatchObject({ code: 'payload_too_large' });
  });
  it('lists every bad field with its Chinese label, not just the first', async () => {
    const cookie = await t.login('sysadmin');
    const res = await t.request(cookie, { method: 'POST', url: '/api/users', payload: { username: '1', displayName: '', orgCode: '' } });
    expect(res.statusCode).toBe(400);
    const body = json<{ code: string; errors: Array<{ path: string; label: string; message: string }> }>(res);
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['displayName', 'initialPassword', 'orgCode', 'username']);
    expect(body.errors.find((e) => e.path === 'username')?.message).toMatch(/^用户名：/);
  });
  it('changes nothing when a request fails halfway', async () => {
    const cookie = await t.login('sysadmin');
    const before = await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // the org exists check passes, then the duplicate code fails inside the same transaction
    const res = await t.request(cookie, { method: 'POST', url: '/api/orgs', payload: { code: '999001001000', name: '重复的镇', kind: 'town', parentCode: '999001000000', sort: 0 } });
    expect(res.statusCode).toBe(409);
    const after = await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

interface Problem {
  code: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const auditCount = async (): Promise<number> => Number((await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const rowCount = async (table: string): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.platform.db)).rows[0]?.n ?? 0);
const committee = (name: string): Record<string, unknown> => ({ name, kind: '村（居）人民调解委员会', director: '张主任' });
const firstId = async (cookie: string, ledger: string): Promise<number> => json<{ items: Array<{ id: number }> }>(await t.request(cookie, { method: 'GET', url: `/api/ledgers/${ledger}?pageSize=1&sort=id&order=asc` })).items[0]?.id ?? 0;

describe('input that cannot be stored is a 400 naming the field, never a 500', () => {
  it('refuses a NUL byte in a text field, naming the field by its Chinese label', async () => {
    const clerk = await t.login('clerk');
    const res = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: committee('调委会\u0000甲') });
    expect(res.statusCode).toBe(400);
    const body = json<Problem>(res);
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual({ path: 'name', label: '调委会名称', message: '调委会名称：含有不允许的控制字符' });
  });
  it('refuses an unpaired surrogate and other control characters in a body, a query and a path', async () => {
    const clerk = await t.login('clerk');
    const id = await firstId(clerk, 'mediation.committee');
    const surrogate = await t.request(await t.login('reviewer'), { method: 'POST', url: `/api/ledgers/mediation.committee/${id}/withdraw`, payload: { reason: '登记错误\uD800' } });
    expect(surrogate.statusCode).toBe(400);
    expect(json<Problem>(surrogate).errors?.[0]?.message).toBe('撤销原因：含有不允许的控制字符');
    const bell = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: committee('调委会\u0007乙') });
    expect(bell.statusCode).toBe(400);
    const query = await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.committee?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(json<Problem>(query).errors?.[0]?.message).toBe('检索词：含有不允许的控制字符');
    const path = await t.request(await t.login('secadmin'), { method: 'PUT', url: '/api/roles/a%00b', payload: { permissions: [], version: 1 } });
    expect(path.statusCode).toBe(400);
    // line breaks and tabs are ordinary text
    const fine = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: { ...committee('调委会丙'), address: '一楼\t东侧\r\n二楼' } });
    expect(fine.statusCode).toBe(200);
  });
  it('refuses an object or an array where text is expected instead of storing "[object Object]"', async () => {
    const clerk = await t.login('clerk');
    const before = await rowCount('mediation_committee');
    const res = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: { ...committee('调委会丁'), director: { name: '张' }, address: ['一楼'] } });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors?.map((e) => e.path).sort()).toEqual(['address', 'director']);
    expect(json<Problem>(res).errors?.find((e) => e.path === 'director')?.message).toBe('主任：须为文本');
    expect(await rowCount('mediation_committee')).toBe(before);
  });
  it('refuses 0000-01-01, 0001-01-01 and 2024-02-30 with the shared date range in the message', async () => {
    const clerk = await t.login('clerk');
    for (const date of ['0000-01-01', '0001-01-01', '2101-01-01']) {
      const res = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: { ...committee('调委会戊'), established_on: date } });
      expect(res.statusCode, date).toBe(400);
      expect(json<Problem>(res).errors).toContainEqual({ path: 'established_on', label: '成立日期', message: '成立日期：日期须在1900-01-01至2100-12-31之间' });
    }
    const impossible = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: { ...committee('调委会戊'), established_on: '2024-02-30' } });
    expect(json<Problem>(impossible).errors?.[0]?.message).toBe('成立日期：须为有效日期，格式如 2025-03-08');
    const route = await t.request(await t.login('county'), { method: 'POST', url: '/api/enforcement/catalog-versions', payload: { label: '2026年版', publishedOn: '0000-01-01' } });
    expect(route.statusCode).toBe(400);
    expect(json<Problem>(route).errors?.find((e) => e.path === 'publishedOn')?.message).toMatch(/日期须在1900-01-01至2100-12-31之间$/);
  });
  it('refuses numbers past their column: an integer above 2^31-1, an amount past numeric(18,2), a fraction for an integer', async () => {
    const clerk = await t.login('clerk');
    const big = await t.request(clerk, { method: 'POST', url: '/api/ledgers/enforcement.case', payload: { draw_id: 2147483648 } });
    expect(json<Problem>(big).errors?.find((e) => e.path === 'draw_id')?.message).toBe('抽查批次号：不能大于2147483647');
    const fraction = await t.request(clerk, { method: 'POST', url: '/api/ledgers/enforcement.case', payload: { draw_id: 1.5 } });
    expect(json<Problem>(fraction).errors?.find((e) => e.path === 'draw_id')?.message).toBe('抽查批次号：须为整数');
    const reviewer = await t.login('reviewer');
    const amount = await t.request(reviewer, { method: 'POST', url: '/api/ledgers/enforcement.benchmark', payload: { max_amount: 1e17 } });
    expect(amount.statusCode).toBe(400);
    expect(json<Problem>(amount).errors?.find((e) => e.path === 'max_amount')?.message).toBe('罚款上限（元）：数值过大，最多16位整数');
    const infinite = await t.request(reviewer, { method: 'POST', url: '/api/ledgers/enforcement.benchmark', payload: { max_amount: '1e309' } });
    expect(json<Problem>(infinite).errors?.find((e) => e.path === 'max_amount')?.message).toBe('罚款上限（元）：须为数字');
  });
  it('answers path ids past an integer column, negative or not numbers with a 400, not a database overflow', async () => {
    const sysadmin = await t.login('sysadmin');
    for (const id of ['99999999999', '2147483648', '-1', 'abc', '1.5']) {
      const res = await t.request(sysadmin, { method: 'GET', url: `/api/users/${id}` });
      expect(res.statusCode, id).toBe(400);
      expect(json<Problem>(res).errors?.[0]?.path).toBe('id');
    }
    const publicReport = await t.request(null, { method: 'GET', url: '/api/public/reports/99999999999' });
    expect(publicReport.statusCode).toBe(400);
    const year = await t.request(null, { method: 'GET', url: '/api/public/decisions?year=99999999999' });
    expect(year.statusCode).toBe(400);
  });
  it('refuses bad list filters, unknown fields and sorts, and huge pages with a 400 naming the parameter', async () => {
    const clerk = await t.login('clerk');
    const cases: Array<[string, string]> = [
      ['f.received_on.from=0000-01-01', 'f.received_on.from'],
      ['f.received_on=2024-02-30', 'f.received_on'],
      ['f.parties_count.to=1e309', 'f.parties_count.to'],
      ['f.committee_id=99999999999', 'f.committee_id'],
      ['f.no_such_field=1', 'f.no_such_field'],
      ['f.outcome=不存在的结果', 'f.outcome'],
      ['f.summary.from=a', 'f.summary.from'],
      ['sort=search_tsv', 'sort'],
      ['pageSize=1000000', 'pageSize'],
      ['page=99999999999999', 'page'],
      ['ids=99999999999', 'ids'],
    ];
    for (const [query, param] of cases) {
      const res = await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(json<Problem>(res).errors?.map((e) => e.path), query).toContain(param);
    }
    const named = await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.case?f.received_on.from=0000-01-01' });
    expect(json<Problem>(named).errors?.[0]?.message).toBe('受理日期（起）：日期须在1900-01-01至2100-12-31之间');
  });
  it('refuses a bad export filter with problem+json before the download starts, and audits no export', async () => {
    const clerk = await t.login('clerk');
    const before = await auditCount();
    for (const query of ['f.received_on.from=0000-01-01', 'f.committee_id=abc', 'f.no_such_field=1', 'org=abc']) {
      const res = await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.case/export.xlsx?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await auditCount()).toBe(before);
    const fine = await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.case/export.xlsx?f.received_on.from=2025-01-01' });
    expect(fine.statusCode).toBe(200);
    expect(fine.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
  it('refuses a NUL or a control character in an upload\'s file name or form field', async () => {
    const clerk = await t.login('clerk');
    const id = await firstId(clerk, 'mediation.committee');
    const before = await auditCount();
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const name = multipart([{ name: 'file', value: pdf, filename: '协议\u0000.pdf' }]);
    const res = await t.request(clerk, { method: 'POST', url: `/api/ledgers/mediation.committee/${id}/attachments`, payload: name.payload, headers: name.headers });
    expect(res.statusCode).toBe(400);
    expect(json<Problem>(res).errors?.[0]?.message).toBe('文件名：含有不允许的控制字符');
    const field = multipart([{ name: 'kind', value: '协议\u0007书' }, { name: 'file', value: pdf, filename: '协议.pdf' }]);
    const res2 = await t.request(clerk, { method: 'POST', url: `/api/ledgers/mediation.committee/${id}/attachments`, payload: field.payload, headers: field.headers });
    expect(res2.statusCode).toBe(400);
    expect(json<Problem>(res2).errors?.[0]?.path).toBe('kind');
    expect(await auditCount()).toBe(before);
  });
  it('lists Excel cells with control characters in the import report, row by row, instead of failing', async () => {
    const clerk = await t.login('clerk');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调委会');
    ws.addRow(['调委会名称*', '类型*', '主任*', '委员人数*']);
    ws.addRow(['导入调委会甲', '村（居）人民调解委员会', 'CTRL_NUL', 5]);
    ws.addRow(['导入调委会乙', '村（居）人民调解委员会', '李主任', 5]);
    // OOXML writes control characters as _xHHHH_; ExcelJS reads them back as the characters themselves
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    expect(strings).toContain('CTRL_NUL');
    zip.file('xl/sharedStrings.xml', strings.replace('CTRL_NUL', '王_x0000_主任'));
    const xlsx = await zip.generateAsync({ type: 'nodebuffer' });
    const upload = multipart([{ name: 'file', value: xlsx, filename: '调委会.xlsx' }]);
    const res = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee/import?mode=check', payload: upload.payload, headers: upload.headers });
    expect(res.statusCode).toBe(200);
    const report = json<{ total: number; valid: number; errors: Array<{ row: number; column: string; message: string }> }>(res);
    expect(report.total).toBe(2);
    expect(report.valid).toBe(1);
    expect(report.errors).toEqual([{ row: 2, column: '主任', message: '含有不允许的控制字符' }]);
  });
  it('lets one of 100 simultaneous creates with the same unique name through and answers the rest 409, with nothing half-saved', async () => {
    const clerk = await t.login('clerk');
    const [rows, audits] = [await rowCount('mediation_committee'), await auditCount()];
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.committee', payload: committee('同时登记的调委会') })));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const r of answers.filter((x) => x.statusCode === 409)) expect(json<Problem>(r).detail).toMatch(/^已存在相同的调委会名称/);
    expect(await rowCount('mediation_committee')).toBe(rows + 1);
    expect(await auditCount()).toBe(audits + 1);
  });
  it('maps the database\'s own refusals from either driver to 4xx naming the column', async () => {
    const caught = async (q: ReturnType<typeof sql>): Promise<unknown> => q.execute(t.platform.db).then(() => null, (e: unknown) => e);
    const overflow = fromDatabaseError(await caught(sql`select ${'99999999999'}::int`));
    expect([overflow?.status, overflow?.code, overflow?.detail]).toEqual([400, 'validation_failed', '输入有误：数值超出范围']);
    const badDate = fromDatabaseError(await caught(sql`select ${'0000-01-01'}::date`));
    expect(badDate?.status).toBe(400);
    const duplicate = fromDatabaseError(await caught(sql`insert into org (code, name, kind, path) select code, name, kind, path from org limit 1`));
    expect([duplicate?.status, duplicate?.code]).toEqual([409, 'conflict']);
    expect(duplicate?.detail).toBe('已存在相同的代码');
    const notNull = fromDatabaseError(await caught(sql`insert into mediation_committee (org_code, created_by, updated_by, name) values (null, 'x', 'x', 'x')`));
    expect(notNull?.errors[0]).toEqual({ path: 'org_code', label: '所属单位', message: '所属单位：必填' });
    const missingParent = fromDatabaseError(await caught(sql`insert into mediation_committee (org_code, created_by, updated_by, name) values ('000000000000', 'x', 'x', 'x')`));
    expect([missingParent?.status, missingParent?.errors[0]?.message]).toEqual([400, '所属单位：所选的记录不存在']);
    // a bug of ours stays a 500
    expect(fromDatabaseError(await caught(sql`select 1 / 0`))).toBeNull();
  });
});
