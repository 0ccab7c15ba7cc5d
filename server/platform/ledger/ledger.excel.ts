import type { Database } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { fieldOptions, loadFieldOptions } from './field-options.ts';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { mask } from '../crypto/mask.ts';
import { knownNames, redactFreeText } from './ledger.redact.ts';
import { can, type Ctx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { cellText } from '../files/sheet.ts';
import { isCountedField } from './counted-fields.ts';
import { perm, type FieldDef, type LedgerDef } from './ledger.types.ts';
import { refTitles, scopedQuery, titleOf, type LedgerRegistry, type ListQuery, type Row } from './ledger.service.ts';
import { ledgerDb } from './ledger.query.ts';
import { checkRetired, checkRules, validateRecord } from './ledger.validate.ts';

const ORG_COLUMN = '所属单位代码';
// the export's column: the unit by name (an import takes either)
const ORG_NAME_COLUMN = '所属单位';

function typeHint(f: FieldDef): string {
  switch (f.type) {
    case 'date':
      return '日期，如 2025-03-08';
    case 'bool':
      return '是/否';
    case 'int':
      return '整数';
    case 'decimal':
      return '数字，最多两位小数';
    case 'dicts':
      return `可多选，用“、”分隔：${fieldOptions(f).join('、')}`;
    case 'dict':
      return `从下拉列表选择`;
    case 'ref':
      return '关联记录的名称（如调解员姓名、调委会名称，须在本单位及下级单位中唯一）或记录编号';
    case 'id_number':
      return '18位居民身份证号码';
    case 'uscc':
      return '18位统一社会信用代码';
    case 'party_id':
      return '身份证号码或统一社会信用代码';
    case 'phone':
      return '手机或固定电话';
    default:
      return f.maxLength ? `不超过${f.maxLength}字` : '文本';
  }
}

// a system number may be left empty in an import: the system gives it (ledger.numbering.ts)
const mustFill = (f: FieldDef): boolean => !!f.required && !f.numbered;

/** an import template: one column per field, required ones marked, dictionaries as drop-downs from a hidden sheet */
export async function templateWorkbook(l: LedgerDef): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治政府建设工作平台';
  const ws = wb.addWorksheet(l.label.slice(0, 31));
  const dict = wb.addWorksheet('字典', { state: 'veryHidden' });
  // a figure the system counts is no column to fill in
  const fields = l.fields.filter((f) => !isCountedField(f));
  const columns = [{ header: ORG_COLUMN, key: 'orgCode', width: 18 }, ...fields.map((f) => ({ header: mustFill(f) ? `${f.label}*` : f.label, key: f.name, width: Math.max(12, Math.min(40, f.label.length * 2 + 6)) }))];
  ws.columns = columns;
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 28;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getCell(1, 1).note = '留空则为当前单位；可填写本单位或下级单位的代码';
  let dictCol = 1;
  fields.forEach((f, i) => {
    const col = i + 2;
    const cell = ws.getCell(1, col);
    cell.note = `${mustFill(f) ? '必填。' : ''}${f.numbered ? '留空由系统按编号规则编号；补录历史记录的，照原编号填写。' : typeHint(f)}${f.hint ? `。${f.hint}` : ''}`;
    if (mustFill(f)) cell.font = { bold: true, color: { argb: 'FFB91C1C' } };
    if (f.type === 'dict' || f.type === 'bool') {
      const opts = f.type === 'bool' ? ['是', '否'] : [...fieldOptions(f)].filter((o) => !f.retired?.options.includes(o));
      opts.forEach((o, r) => (dict.getCell(r + 1, dictCol).value = o));
      const letter = dict.getColumn(dictCol).letter;
      for (let r = 2; r <= 2001; r++) {
        ws.getCell(r, col).dataValidation = {
          type: 'list',
          allowBlank: !mustFill(f),
          formulae: [`字典!$${letter}$1:$${letter}$${opts.length}`],
          showErrorMessage: true,
          errorTitle: '输入有误',
          error: `${f.label}须从下拉列表中选择`,
        };
      }
      dictCol++;
    }
    if (f.type === 'date') ws.getColumn(col).numFmt = 'yyyy-mm-dd';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportPlan {
  total: number;
  valid: Array<{ row: number; values: Record<string, unknown>; orgCode: string | null }>;
  errors: ImportRowError[];
}

/** reads a filled template: maps header labels to fields, checks every cell, and lists every bad one */
export async function planImport(ctx: Ctx, l: LedgerDef, bytes: Buffer, registry: LedgerRegistry): Promise<ImportPlan> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new AppError('unsupported_media_type', '请上传 .xlsx 格式的电子表格（可先下载导入模板）');
  await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_media_type', '无法读取该文件，请上传 .xlsx 格式的电子表格');
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw new AppError('validation_failed', '表格是空的');
  const byLabel = new Map<string, FieldDef | 'org' | 'orgName'>([
    [ORG_COLUMN, 'org'],
    [ORG_NAME_COLUMN, 'orgName'],
  ]);
  // the counted figures of an exported sheet are left out when it comes back
  for (const f of l.fields.filter((x) => !isCountedField(x))) {
    byLabel.set(f.label, f);
    byLabel.set(`${f.label}*`, f);
  }
  const columns = new Map<number, FieldDef | 'org' | 'orgName'>();
  const unknown: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const label = cellText(cell.value);
    const f = byLabel.get(label);
    if (f) columns.set(col, f);
    else if (label) unknown.push(label);
  });
  const missing = l.fields.filter((f) => mustFill(f) && ![...columns.values()].includes(f)).map((f) => f.label);
  if (missing.length) throw new AppError('validation_failed', `表头缺少必填列：${missing.join('、')}。请使用导入模板`, missing.map((m) => ({ path: m, label: m, message: `缺少列：${m}` })));
  const plan: ImportPlan = { total: 0, valid: [], errors: [] };
  const labelOf = (name: string): string => l.fields.find((f) => f.name === name)?.label ?? name;
  const rows: Array<{ n: number; input: Record<string, unknown>; org: string | null; orgName: string | null }> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const input: Record<string, unknown> = {};
    let org: string | null = null;
    let orgName: string | null = null;
    let any = false;
    for (const [col, f] of columns) {
      const raw = row.getCell(col).value;
      const v = raw instanceof Date ? raw : cellText(raw);
      if (v !== '') any = true;
      if (f === 'org') org = typeof v === 'string' && v ? v : null;
      else if (f === 'orgName') orgName = typeof v === 'string' && v ? v : null;
      else input[f.name] = v;
    }
    if (any) rows.push({ n, input, org, orgName });
  });
  // what people read, as the export writes it: units and linked records by name, resolved within the user's scope
  const named = await resolveNames(ctx, l, registry, rows, [...columns.values()]);
  for (const { n, input, org, orgName } of rows) {
    plan.total++;
    const nameErrors = named.errors.get(n) ?? [];
    const orgCode = org ?? (orgName ? (named.orgs.get(orgName) ?? null) : null);
    const { values, errors } = validateRecord(l, input);
    const all = [...nameErrors, ...errors.filter((e) => !nameErrors.some((x) => x.path === e.path)), ...checkRetired(l, values), ...(errors.length || nameErrors.length ? [] : checkRules(l, values))];
    if (orgCode && !ctx.scope.codes.includes(orgCode)) all.push({ path: 'orgCode', label: ORG_COLUMN, message: `${ORG_COLUMN}：${orgCode} 不在管辖范围内` });
    if (!org && orgName && !named.orgs.has(orgName)) all.push({ path: 'orgCode', label: ORG_NAME_COLUMN, message: `${ORG_NAME_COLUMN}：找不到名为“${orgName}”的本单位或下级单位` });
    if (all.length) for (const e of all) plan.errors.push({ row: n, column: e.label ?? labelOf(e.path), message: e.message.replace(/^[^：]+：/, '') });
    else plan.valid.push({ row: n, values, orgCode });
  }
  if (plan.total === 0) throw new AppError('validation_failed', '表格中没有数据行');
  return plan;
}

/** a moment as the office reads it: Beijing time (the server's own time zone does not matter) */
const beijingTime = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

const present = (ctx: Ctx, f: FieldDef, v: unknown, full: boolean): unknown => {
  if (v === null || v === undefined) return null;
  if (f.personal) {
    let plain: string;
    try {
      plain = ctx.cipher.decrypt(String(v));
    } catch {
      return null;
    }
    return full ? plain : mask(plain, f.personal);
  }
  if (f.type === 'bool') return v ? '是' : '否';
  if (f.type === 'dicts') return Array.isArray(v) ? v.join('、') : v;
  if (f.type === 'decimal' || f.type === 'int') return Number(v);
  return v;
};

type ImportError = { path: string; label: string; message: string };

/**
 * names in link columns → record ids, and unit names → codes, within the user's scope. A number stays an id. A name
 * matches a linked record's title or any one of its title fields (a mediator's name, a committee's name); a name that
 * matches none, or several (named with their ids), is an error of that row, so the dry run says what to fix.
 */
async function resolveNames(ctx: Ctx, l: LedgerDef, registry: LedgerRegistry, rows: ReadonlyArray<{ n: number; input: Record<string, unknown>; orgName: string | null }>, used: ReadonlyArray<FieldDef | 'org' | 'orgName'>) {
  const errors = new Map<number, ImportError[]>();
  const fail = (n: number, e: ImportError): void => void errors.set(n, [...(errors.get(n) ?? []), e]);
  for (const f of l.fields) {
    if (f.type !== 'ref' || !f.ref || !used.includes(f)) continue;
    const target = registry.get(f.ref);
    if (!target) continue;
    const isName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !/^\s*\d+\s*$/.test(v);
    const names = [...new Set(rows.map((r) => r.input[f.name]).filter(isName).map((v) => v.trim()))];
    if (!names.length) continue;
    const plain = target.titleFields.filter((n) => !target.fields.find((tf) => tf.name === n)?.personal);
    const found = plain.length
      ? ((await ledgerDb(ctx)
          .selectFrom(target.table)
          .selectAll()
          .where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : [''])
          .where('status', '=', 'active')
          .where((eb) => eb.or(plain.map((n) => eb(n, 'in', names))))
          .execute()) as Row[])
      : [];
    const byName = new Map<string, number[]>();
    for (const r of found) {
      const keys = new Set([titleOf(target, r), ...plain.map((n) => String(r[n] ?? ''))]);
      for (const k of keys) if (k) byName.set(k, [...(byName.get(k) ?? []), Number(r['id'])]);
    }
    for (const r of rows) {
      const v = r.input[f.name];
      if (!isName(v)) continue;
      const ids = byName.get(v.trim()) ?? [];
      if (ids.length === 1) r.input[f.name] = ids[0];
      else if (ids.length === 0) fail(r.n, { path: f.name, label: f.label, message: `${f.label}：在本单位及下级单位的${target.label}中找不到“${v.trim()}”` });
      else fail(r.n, { path: f.name, label: f.label, message: `${f.label}：“${v.trim()}”对应${ids.length}条${target.label}（编号 ${ids.join('、')}），请改填其中一个编号` });
    }
  }
  const orgNames = [...new Set(rows.map((r) => r.orgName).filter((v): v is string => !!v))];
  const orgs = new Map<string, string>();
  if (orgNames.length) {
    const found = await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).where('name', 'in', orgNames).execute();
    // a name two units share is not resolved: the row names the missing unit and the code column is the way out
    for (const name of orgNames) {
      const codes = found.filter((o) => o.name === name).map((o) => o.code);
      if (codes.length === 1 && codes[0]) orgs.set(name, codes[0]);
    }
  }
  return { errors, orgs };
}

/**
 * streams a filtered list as xlsx: rows are read in keyset pages and committed to the
 * stream one by one, so memory stays flat however many records there are; the first page is read
 * before the stream exists, so a query that fails is an error response, not a download cut off after a 200
 */
export async function exportStream(ctx: Ctx, l: LedgerDef, q: ListQuery, orgNames: Map<string, string>, registry: LedgerRegistry): Promise<Readable> {
  const page = (after: number): Promise<Row[]> => scopedQuery(ctx, l, q).selectAll().where('id', '>', after).orderBy('id').limit(2000).execute() as Promise<Row[]>;
  const first = await page(0);
  const out = new PassThrough();
  const full = can(ctx, perm(l, 'personal'));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(l.label.slice(0, 31));
  ws.columns = [
    { header: '编号', key: 'id', width: 8 },
    { header: '所属单位', key: 'org', width: 18 },
    ...l.fields.map((f) => ({ header: f.label, key: f.name, width: Math.max(10, Math.min(40, f.label.length * 2 + 6)) })),
    { header: '状态', key: 'status', width: 8 },
    { header: '登记人', key: 'created_by', width: 10 },
    { header: '登记时间', key: 'created_at', width: 20 },
  ];
  (async () => {
    let rows = first;
    while (rows.length) {
      // linked records by their titles, as on screen (an import reads them back)
      const refs = await refTitles(ctx, l, rows, registry);
      rows.forEach((r, i) => {
        const record: Record<string, unknown> = { id: Number(r['id']), org: orgNames.get(String(r['org_code'])) ?? r['org_code'], status: r['status'] === 'active' ? '有效' : '已撤销', created_by: r['created_by'], created_at: r['created_at'] instanceof Date ? beijingTime(r['created_at']) : r['created_at'] };
        for (const f of l.fields) record[f.name] = f.type === 'ref' && r[f.name] !== null && r[f.name] !== undefined ? (refs[i]?.[f.name] ?? Number(r[f.name])) : present(ctx, f, r[f.name], full);
        // personal data inside free text is masked like the personal fields (ledger.redact.ts)
        if (!full) redactFreeText(l, record, knownNames(l, r, ctx.cipher));
        ws.addRow(record).commit();
      });
      // yield to the event loop so the response drains between pages
      await new Promise((resolve) => setImmediate(resolve));
      rows = await page(Number(rows.at(-1)?.['id']));
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
