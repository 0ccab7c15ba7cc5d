import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';

let t: TestApp;
let clerk: string;
let clerk2: string;
let supervisor: string;
const base = '/api/ledgers/mediation.case';
type List = { items: Array<{ id: number; orgCode: string; version: number; values: Record<string, unknown> }>; total: number };

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule] });
  clerk = await t.login('clerk');
  clerk2 = await t.login('clerk2');
  supervisor = await t.login('supervisor');
});
afterAll(async () => t.close());

async function someRefs(cookie: string): Promise<{ committee_id: number; mediator_id: number }> {
  const list = json<List>(await t.request(cookie, { method: 'GET', url: `${base}?pageSize=1` }));
  const v = list.items[0]?.values ?? {};
  return { committee_id: Number(v['committee_id']), mediator_id: Number(v['mediator_id']) };
}

// the 案件编号 is the system's (FieldDef.numbered): a create leaves it out
const validCase = (refs: { committee_id: number; mediator_id: number }, n: number): Record<string, unknown> => ({
  summary: `测试追索劳动报酬${n}`,
  received_on: '2026-03-02',
  source: '当事人申请',
  dispute_type: '劳动争议',
  description: '申请人在某公司务工，公司拖欠工资，发生劳动争议',
  applicant_name: '测试甲',
  applicant_id: '11010519491231002X',
  applicant_phone: '13800138000',
  respondent_name: '测试公司',
  parties_count: 2,
  amount: 1.5,
  ...refs,
  outcome: '正在调解',
  // the same parties on the same day on purpose: these are not the duplicate warning's tests
  confirmDuplicate: true,
});

describe('ledger API', () => {
  it('finds cases by Chinese words: 劳动争议 工资', async () => {
    const res = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?q=${encodeURIComponent('劳动争议 工资')}&pageSize=200` }));
    expect(res.total).toBeGreaterThan(0);
    for (const item of res.items) expect(String(item.values['description'])).toMatch(/劳动争议[\s\S]*|工资/);
    for (const item of res.items) {
      const text = `${String(item.values['summary'])}${String(item.values['description'])}`;
      expect(text).toContain('劳动争议');
      expect(text).toContain('工资');
    }
    const expected = await sql<{ n: number }>`select count(*)::int as n from mediation_case where status = 'active' and org_code like '999001001000%' and description like '%劳动争议%' and description like '%工资%'`.execute(t.platform.db);
    expect(res.total).toBe(expected.rows[0]?.n);
  });

  it('refuses a bad record naming every bad field in Chinese, and saves nothing', async () => {
    const before = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total;
    const res = await t.request(clerk, { method: 'POST', url: base, payload: { summary: '', received_on: '2026-02-30', dispute_type: '吵架', applicant_id: '123' } });
    expect(res.statusCode).toBe(400);
    const body = json<{ errors: Array<{ path: string; message: string }> }>(res);
    const byPath = Object.fromEntries(body.errors.map((e) => [e.path, e.message]));
    expect(byPath['summary']).toBe('纠纷概要：必填');
    expect(byPath['received_on']).toMatch(/^受理日期：须为有效日期/);
    expect(byPath['dispute_type']).toMatch(/^纠纷类型：须为以下之一/);
    expect(byPath['applicant_id']).toMatch(/^申请人证件号码：/);
    expect(json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total).toBe(before);
  });

  it('applies cross-field rules', async () => {
    const refs = await someRefs(clerk);
    const res = await t.request(clerk, { method: 'POST', url: base, payload: { ...validCase(refs, 1), outcome: '调解成功', closed_on: '2026-03-01' } });
    expect(res.statusCode).toBe(400);
    const paths = json<{ errors: Array<{ path: string; message: string }> }>(res).errors.map((e) => e.message);
    expect(paths).toContain('结案日期：结案日期不能早于受理日期');
    expect(paths).toContain('协议形式：调解成功须注明协议形式（书面或口头）');
  });

  it('withdraws several selected records with one reason, all or none', async () => {
    const refs = await someRefs(clerk);
    const ids: number[] = [];
    for (const n of [31, 32, 33]) ids.push(json<{ id: number }>(await t.request(clerk, { method: 'POST', url: base, payload: validCase(refs, n) })).id);
    const reviewer = await t.login('reviewer');
    // the clerk holds no withdraw permission here: the batch route refuses as the single one does
    expect((await t.request(clerk, { method: 'POST', url: `${base}/withdraw-batch`, payload: { ids, reason: '重复登记' } })).statusCode).toBe(403);
    const bad = await t.request(reviewer, { method: 'POST', url: `${base}/withdraw-batch`, payload: { ids: [], reason: '重' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('所选记录');
    expect(bad.body).toContain('撤销原因');
    const two = await t.request(reviewer, { method: 'POST', url: `${base}/withdraw-batch`, payload: { ids: ids.slice(0, 2), reason: '重复登记' } });
    expect(two.statusCode, two.body).toBe(200);
    expect(json<{ withdrawn: number }>(two).withdrawn).toBe(2);
    // one already withdrawn in the selection: nothing is withdrawn, and the message names that record
    const mixed = await t.request(reviewer, { method: 'POST', url: `${base}/withdraw-batch`, payload: { ids: [ids[2], ids[0]], reason: '重复登记' } });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.body).toContain(`记录 ${String(ids[0])}：`);
    const third = json<{ status: string }>(await t.request(clerk, { method: 'GET', url: `${base}/${String(ids[2])}` }));
    expect(third.status).toBe('active');
    const history = json<{ items: Array<{ action: string }> }>(await t.request(clerk, { method: 'GET', url: `${base}/${String(ids[2])}/history` }));
    expect(history.items.map((h) => h.action)).toEqual(['create']);
  });

  it('creates, edits with optimistic locking, withdraws with a reason, and shows the history', async () => {
    const refs = await someRefs(clerk);
    const created = await t.request(clerk, { method: 'POST', url: base, payload: validCase(refs, 2) });
    expect(created.statusCode).toBe(200);
    const rec = json<{ id: number; version: number; orgCode: string }>(created);
    expect(rec.orgCode).toBe('999001001000');
    const edited = await t.request(clerk, { method: 'PUT', url: `${base}/${rec.id}`, payload: { version: rec.version, amount: 2.5 } });
    expect(edited.statusCode).toBe(200);
    const stale = await t.request(clerk, { method: 'PUT', url: `${base}/${rec.id}`, payload: { version: rec.version, amount: 3 } });
    expect(stale.statusCode).toBe(409);
    const reviewer = await t.login('reviewer');
    const w = await t.request(reviewer, { method: 'POST', url: `${base}/${rec.id}/withdraw`, payload: { reason: '重复登记' } });
    expect(w.statusCode).toBe(200);
    const history = json<{ items: Array<{ action: string; diff: Record<string, { from: unknown; to: unknown }> }> }>(await t.request(clerk, { method: 'GET', url: `${base}/${rec.id}/history` }));
    expect(history.items.map((h) => h.action)).toEqual(['create', 'update', 'withdraw']);
    expect(history.items[1]?.diff['amount']).toEqual({ from: 1.5, to: 2.5 });
    // personal data never appears in the clear in the audit trail
    expect(JSON.stringify(history.items[0]?.diff)).not.toContain('11010519491231002X');
  });

  it('encrypts personal data at rest and masks it for roles without the personal permission', async () => {
    const raw = await sql<{ applicant_id: string }>`select applicant_id from mediation_case where applicant_id is not null limit 1`.execute(t.platform.db);
    expect(raw.rows[0]?.applicant_id).toMatch(/^v1:/);
    const mine = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=5` }));
    const full = String(mine.items[0]?.values['applicant_id']);
    expect(full).toMatch(/^\d{17}[\dX]$|^[0-9A-Z]{18}$/);
    const masked = json<List>(await t.request(supervisor, { method: 'GET', url: `${base}?ids=${mine.items[0]?.id}` }));
    expect(String(masked.items[0]?.values['applicant_id'])).toContain('****');
    expect(String(masked.items[0]?.values['applicant_phone'])).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

describe('data scope of a town clerk', () => {
  it('cannot list, read, search, export or download an attachment of a sibling town', async () => {
    const theirs = json<List>(await t.request(clerk2, { method: 'GET', url: `${base}?pageSize=1` })).items[0];
    expect(theirs?.orgCode.startsWith('999001002000')).toBe(true);
    const id = theirs?.id ?? 0;
    const upload = await uploadFile(clerk2, id, 'notice.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'));
    expect(upload.statusCode).toBe(200);
    const fileId = json<{ id: number }>(upload).id;
    const mine = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=200&status=all` }));
    expect(mine.items.every((i) => i.orgCode.startsWith('999001001000'))).toBe(true);
    expect((await t.request(clerk, { method: 'GET', url: `${base}/${id}` })).statusCode).toBe(404);
    expect((await t.request(clerk, { method: 'GET', url: `${base}/${id}/history` })).statusCode).toBe(404);
    expect((await t.request(clerk, { method: 'PUT', url: `${base}/${id}`, payload: { version: 1, amount: 1 } })).statusCode).toBe(404);
    expect((await t.request(clerk, { method: 'GET', url: `${base}/${id}/attachments/${fileId}` })).statusCode).toBe(404);
    expect(json<List>(await t.request(clerk, { method: 'GET', url: `${base}?ids=${id}` })).total).toBe(0);
    expect(json<List>(await t.request(clerk, { method: 'GET', url: `${base}?org=999001002000` })).total).toBe(0);
    const exported = await t.request(clerk, { method: 'GET', url: `${base}/export.xlsx?ids=${id}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(1);
    expect((await t.request(clerk2, { method: 'GET', url: `${base}/${id}/attachments/${fileId}` })).statusCode).toBe(200);
  });
});

async function uploadFile(cookie: string, id: number, name: string, bytes: Buffer) {
  const boundary = '----fazhi';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n证据材料\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.request(cookie, { method: 'POST', url: `${base}/${id}/attachments`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

describe('attachments', () => {
  it('sniffs the type from the content and records the file hash in the audit trail', async () => {
    const id = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).items[0]?.id ?? 0;
    const exe = await uploadFile(clerk, id, '调解协议.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    expect(exe.statusCode).toBe(415);
    const png = await uploadFile(clerk, id, 'photo.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(png.statusCode).toBe(200);
    const att = json<{ id: number; mime: string; hash: string }>(png);
    expect(att.mime).toBe('image/png');
    const entry = await t.platform.db.selectFrom('audit_log').select('diff').where('entity', '=', 'mediation.case').where('entity_id', '=', String(id)).where('action', '=', 'attach').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.diff)).toContain(att.hash);
    const download = await t.request(clerk, { method: 'GET', url: `${base}/${id}/attachments/${att.id}` });
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-sm3']).toBe(att.hash);
  });
});

describe('Excel', () => {
  /** the template filled in; `extra` columns (as an export has them, e.g. 所属单位 by name) are added at the end */
  async function sheet(rows: Array<Record<string, unknown>>, extra: string[] = []): Promise<Buffer> {
    const tpl = await t.request(clerk, { method: 'GET', url: `${base}/template.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const headers: string[] = [];
    ws.getRow(1).eachCell((c, col) => (headers[col] = String(c.value).replace(/\*$/, '')));
    for (const h of extra) {
      ws.getRow(1).getCell(headers.length).value = h;
      headers[headers.length] = h;
    }
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      headers.forEach((h, col) => {
        if (h && r[h] !== undefined) row.getCell(col).value = r[h] as ExcelJS.CellValue;
      });
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function importFile(bytes: Buffer, mode: string, confirmDuplicates = false) {
    const boundary = '----fazhi';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cases.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return t.request(clerk, { method: 'POST', url: `${base}/import?mode=${mode}&confirmDuplicates=${confirmDuplicates}`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  }

  it('offers a template with the dictionaries as drop-downs', async () => {
    const tpl = await t.request(clerk, { method: 'GET', url: `${base}/template.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let col = 0;
    ws?.getRow(1).eachCell((c, n) => {
      if (String(c.value).startsWith('纠纷类型')) col = n;
    });
    expect(ws?.getCell(2, col).dataValidation?.type).toBe('list');
  });

  it('reads link columns and the unit by name, as the export writes them, and names an unknown or ambiguous name', async () => {
    const refs = await someRefs(clerk);
    const one = async (ledger: string, id: number) => json<{ orgName: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${ledger}/${id}` }));
    const committee = await one('mediation.committee', refs.committee_id);
    const mediator = await one('mediation.mediator', refs.mediator_id);
    // a second mediator of the same name in the same scope: that name no longer says which one
    const twin = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.mediator', payload: { name: '重名调解员', gender: '女', committee_id: refs.committee_id, position: '调解员', kind: '兼职', active: true } });
    expect(twin.statusCode, twin.body).toBe(200);
    const twin2 = await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.mediator', payload: { name: '重名调解员', gender: '男', committee_id: refs.committee_id, position: '调解员', kind: '兼职', active: true } });
    const ids = [json<{ id: number }>(twin).id, json<{ id: number }>(twin2).id];
    const row = (n: number, mediatorName: unknown) => ({ 所属单位: committee.orgName, 受理日期: '2026-05-06', 案件来源: '排查', 纠纷类型: '邻里纠纷', 纠纷概要: `按名称导入${n}`, '申请人（一方当事人）': `村民${n}`, '被申请人（对方当事人）': `邻居${n}`, 当事人人数: 2, 受理调委会: committee.values['name'], 承办调解员: mediatorName, 调解结果: '正在调解' });
    const file = await sheet([row(1, mediator.values['name']), row(2, '查无此人'), row(3, '重名调解员'), row(4, refs.mediator_id)], ['所属单位']);
    const check = json<{ valid: number; errors: Array<{ row: number; column: string; message: string }> }>(await importFile(file, 'check'));
    expect(check.errors).toEqual([
      { row: 3, column: '承办调解员', message: '在本单位及下级单位的人民调解员中找不到“查无此人”' },
      { row: 4, column: '承办调解员', message: `“重名调解员”对应2条人民调解员（编号 ${ids.sort((a, b) => a - b).join('、')}），请改填“重名调解员（编号${ids[0]}）”这样的名称加编号` },
    ]);
    expect(check.valid).toBe(2);
    const done = json<{ imported: number }>(await importFile(file, 'valid'));
    expect(done.imported).toBe(2);
    const found = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?q=${encodeURIComponent('按名称导入1')}` })).items[0];
    expect(found?.values).toMatchObject({ committee_id: refs.committee_id, mediator_id: refs.mediator_id });

    // the export writes what the import reads: names in link columns, and times in Beijing time
    const exported = await t.request(clerk, { method: 'GET', url: `${base}/export.xlsx?q=${encodeURIComponent('按名称导入1')}` });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const col = (label: string): number => {
      let n = 0;
      ws?.getRow(1).eachCell((c, i) => (String(c.value) === label ? (n = i) : null));
      return n;
    };
    const record = json<{ createdAt: string }>(await t.request(clerk, { method: 'GET', url: `${base}/${String(found?.id)}` }));
    expect(ws?.getCell(2, col('承办调解员')).value).toBe(mediator.values['name']);
    expect(ws?.getCell(2, col('受理调委会')).value).toBe(committee.values['name']);
    expect(ws?.getCell(2, col('登记时间')).value).toBe(new Date(new Date(record.createdAt).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19));
  });

  it('reads an export back unchanged: every row is its record, nothing is doubled; an edited row is named, not applied', async () => {
    const exported = await t.request(clerk, { method: 'GET', url: `${base}/export.xlsx` });
    expect(exported.statusCode).toBe(200);
    type Report = { total: number; valid: number; invalid: number; unchanged: number; imported: number; errors: Array<{ row: number; column: string; message: string }> };
    const before = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total;
    const check = json<Report>(await importFile(exported.rawPayload, 'check'));
    // every link column written by name is read back as the same record (a name two mediators share is written with its number)
    expect(check.errors).toEqual([]);
    expect(check.total).toBeGreaterThan(20);
    expect(check.unchanged).toBe(check.total);
    expect(check.valid).toBe(0);
    const again = json<Report>(await importFile(exported.rawPayload, 'all'));
    expect(again).toMatchObject({ imported: 0, unchanged: check.total });
    expect(json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total).toBe(before);

    // one cell edited: the import is no way to edit a record (locks, workflow); the row names what differs
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const col = (label: string): number => {
      let n = 0;
      ws.getRow(1).eachCell((c, i) => (String(c.value) === label ? (n = i) : null));
      return n;
    };
    ws.getCell(2, col('纠纷概要')).value = '导出后改过的概要';
    // a row with its 记录编号 cleared is a new record: its 案件编号 is taken, and the dry run says so before anything is written
    ws.getCell(3, col('记录编号')).value = null;
    const edited = json<Report>(await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'check'));
    expect(edited.unchanged).toBe(check.total - 2);
    expect(edited.errors).toHaveLength(2);
    expect(edited.errors[0]).toMatchObject({ row: 2, column: '记录编号' });
    expect(edited.errors[0]?.message).toContain('纠纷概要与系统中不同');
    expect(edited.errors[1]).toMatchObject({ row: 3, column: '案件编号' });
    expect(edited.errors[1]?.message).toContain('已存在');
  });

  it('holds back the rows that likely repeat a kept record or an earlier row until the user confirms them (#22)', async () => {
    const refs = await someRefs(clerk);
    const committee = json<{ orgName: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.committee/${refs.committee_id}` }));
    const row = (who: string, summary: string) => ({ 所属单位: committee.orgName, 受理日期: '2026-06-11', 案件来源: '排查', 纠纷类型: '邻里纠纷', 纠纷概要: summary, '申请人（一方当事人）': `重复导入${who}`, '被申请人（对方当事人）': `邻居${who}`, 当事人人数: 2, 受理调委会: committee.values['name'], 承办调解员: refs.mediator_id, 调解结果: '正在调解' });
    type Report = { valid: number; invalid: number; imported: number; duplicates: Array<{ row: number; column: string; message: string }> };
    const total = async (): Promise<number> => json<List>(await t.request(clerk, { method: 'GET', url: `${base}?q=${encodeURIComponent('重复导入')}&pageSize=1` })).total;
    const first = await importFile(await sheet([row('甲', '宅基地边界纠纷')], ['所属单位']), 'all');
    expect(json<Report>(first).imported, first.body).toBe(1);
    // the same dispute again (another summary), a new one, and that new one typed twice
    const file = await sheet([row('甲', '宅基地边界纠纷（重复录入）'), row('乙', '排水沟纠纷'), row('乙', '排水沟纠纷（又录一次）')], ['所属单位']);
    const check = json<Report>(await importFile(file, 'check'));
    expect(check).toMatchObject({ valid: 1, invalid: 0, imported: 0 });
    expect(check.duplicates.map((d) => [d.row, d.column])).toEqual([
      [2, '申请人（一方当事人）、被申请人（对方当事人）、受理日期'],
      [4, '申请人（一方当事人）、被申请人（对方当事人）、受理日期'],
    ]);
    expect(check.duplicates[0]?.message).toMatch(/^可能重复：已有申请人（一方当事人）为“.+”、被申请人（对方当事人）为“.+”、受理日期为“2026-06-11”的调解案件1条（/);
    expect(check.duplicates[1]?.message).toContain('与本表第 3 行的');
    // 全部无误才导入 imports nothing while a likely repeat is unconfirmed
    expect(json<Report>(await importFile(file, 'all')).imported).toBe(0);
    expect(await total()).toBe(1);
    // confirmed: all three are imported
    expect(json<Report>(await importFile(file, 'all', true)).imported).toBe(3);
    expect(await total()).toBe(4);
  });

  it('lists what may be written in the unit and link columns on a lookup sheet, shared names with their numbers', async () => {
    const refs = await someRefs(clerk);
    const mediator = json<{ values: Record<string, unknown>; orgCode: string }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.mediator/${refs.mediator_id}` }));
    const twin = json<{ id: number }>(await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.mediator', payload: { name: '同名备查调解员', gender: '女', committee_id: refs.committee_id, position: '调解员', kind: '兼职', active: true } }));
    const twin2 = json<{ id: number }>(await t.request(clerk, { method: 'POST', url: '/api/ledgers/mediation.mediator', payload: { name: '同名备查调解员', gender: '男', committee_id: refs.committee_id, position: '调解员', kind: '兼职', active: true } }));
    const tpl = await t.request(clerk, { method: 'GET', url: `${base}/template.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const lookup = wb.getWorksheet('可填名称');
    if (!lookup) throw new Error('no lookup sheet');
    expect(lookup.state).toBe('visible');
    const lists = new Map<string, string[]>();
    lookup.getRow(1).eachCell((c, n) => {
      const values: string[] = [];
      lookup.getColumn(n).eachCell((cell, r) => (r > 1 ? values.push(String(cell.value)) : null));
      lists.set(String(c.value), values);
    });
    expect(lists.get('所属单位')).toContain(json<{ orgName: string }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.mediator/${refs.mediator_id}` })).orgName);
    const mediators = lists.get('承办调解员') ?? [];
    expect(mediators).toContain(`同名备查调解员（编号${twin.id}）`);
    expect(mediators).toContain(`同名备查调解员（编号${twin2.id}）`);
    expect(mediators.some((m) => m.startsWith(String(mediator.values['name'])))).toBe(true);
    // the link column offers that list, and still takes a typed record number (a warning, not a refusal)
    const main = wb.worksheets[0];
    let col = 0;
    main?.getRow(1).eachCell((c, n) => (String(c.value).startsWith('承办调解员') ? (col = n) : null));
    const dv = main?.getCell(2, col).dataValidation;
    expect(dv).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(String(dv?.formulae?.[0])).toContain('可填名称');
    // a name picked from the list is read back as that one record
    const committee = json<{ orgName: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/mediation.committee/${refs.committee_id}` }));
    const file = await sheet([{ 所属单位: committee.orgName, 受理日期: '2026-05-07', 案件来源: '排查', 纠纷类型: '邻里纠纷', 纠纷概要: '按备查名称导入', '申请人（一方当事人）': '村民丙', '被申请人（对方当事人）': '邻居丁', 当事人人数: 2, 受理调委会: committee.values['name'], 承办调解员: `同名备查调解员（编号${twin2.id}）`, 调解结果: '正在调解' }], ['所属单位']);
    expect(json<{ imported: number; errors: unknown[] }>(await importFile(file, 'all'))).toMatchObject({ imported: 1, errors: [] });
    const found = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?q=${encodeURIComponent('按备查名称导入')}` })).items[0];
    expect(found?.values['mediator_id']).toBe(twin2.id);
  });

  it('dry-runs a 10 000-row file with 3 bad rows, names them, imports nothing until fixed, then imports', async () => {
    const refs = await someRefs(clerk);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      案件编号: `（2026）导入第${i + 1}号`,
      受理日期: '2026-05-06',
      案件来源: '排查',
      纠纷类型: '邻里纠纷',
      纠纷概要: `邻里通行纠纷${i + 1}`,
      '申请人（一方当事人）': `导入村民${i + 1}`,
      '被申请人（对方当事人）': `邻居${i + 1}`,
      当事人人数: 2,
      受理调委会: refs.committee_id,
      承办调解员: refs.mediator_id,
      调解结果: '正在调解',
    }));
    rows[17] = { ...rows[17], 纠纷类型: '打架' } as (typeof rows)[number];
    rows[4242] = { ...rows[4242], 受理日期: '2026-13-01' } as (typeof rows)[number];
    rows[9998] = { ...rows[9998], 当事人人数: '两人' } as unknown as (typeof rows)[number];
    const file = await sheet(rows);
    const before = json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total;

    const check = json<{ total: number; valid: number; invalid: number; errors: Array<{ row: number; column: string; message: string }>; imported: number }>(await importFile(file, 'check'));
    expect(check.total).toBe(10_000);
    expect(check.invalid).toBe(3);
    expect(check.errors.map((e) => [e.row, e.column])).toEqual([[19, '纠纷类型'], [4244, '受理日期'], [10000, '当事人人数']]);
    const all = json<{ imported: number }>(await importFile(file, 'all'));
    expect(all.imported).toBe(0);
    expect(json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total).toBe(before);

    const valid = json<{ imported: number }>(await importFile(file, 'valid'));
    expect(valid.imported).toBe(9_997);
    expect(json<List>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).total).toBe(before + 9_997);
  });
});
