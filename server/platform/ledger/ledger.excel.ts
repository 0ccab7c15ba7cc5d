import { sql } from 'kysely';
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
import { importDuplicates, type ImportDuplicate } from './duplicates.ts';
import { isCountedField } from './counted-fields.ts';
import { perm, type FieldDef, type LedgerDef } from './ledger.types.ts';
import { importConflicts, refTitles, scopedQuery, titleOf, type LedgerRegistry, type ListQuery, type Row } from './ledger.service.ts';
import { ledgerDb } from './ledger.query.ts';
import { checkRetired, checkRules, validateRecord } from './ledger.validate.ts';

const ORG_COLUMN = '所属单位代码';
// the export's column: the unit by name (an import takes either)
const ORG_NAME_COLUMN = '所属单位';
// the export's record number: read back, it says the row is a record already here
const ID_COLUMN = '记录编号';
// the template's sheet of what may be written in the unit and link columns
const LOOKUP_SHEET = '可填名称';

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

/**
 * an import template: one column per field, required ones marked, dictionaries as drop-downs from a hidden sheet, and
 * a visible lookup sheet 可填名称 listing what the user may write in the unit and link columns — the units in scope
 * and the linked records' names (a name several records share written with its number, so it is read back as the
 * one meant); those columns offer the names as drop-downs that still accept a typed record number
 */
export async function templateWorkbook(l: LedgerDef, from?: { ctx: Ctx; registry: LedgerRegistry }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治政府建设工作平台';
  const ws = wb.addWorksheet(l.label.slice(0, 31));
  const lookup = wb.addWorksheet(LOOKUP_SHEET);
  const dict = wb.addWorksheet('字典', { state: 'veryHidden' });
  // a figure the system counts is no column to fill in
  const fields = l.fields.filter((f) => !isCountedField(f));
  const columns = [{ header: ORG_COLUMN, key: 'orgCode', width: 18 }, { header: ORG_NAME_COLUMN, key: 'orgName', width: 18 }, ...fields.map((f) => ({ header: mustFill(f) ? `${f.label}*` : f.label, key: f.name, width: Math.max(12, Math.min(40, f.label.length * 2 + 6)) }))];
  ws.columns = columns;
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 28;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getCell(1, 1).note = `${ORG_COLUMN}与${ORG_NAME_COLUMN}填写其一即可（都留空则为当前单位）；可填本单位或下级单位，见“${LOOKUP_SHEET}”表`;
  ws.getCell(1, 2).note = `单位名称，从下拉列表选择；与${ORG_COLUMN}填写其一即可`;

  // the lookup sheet: one pair of columns per list, a heading row and the values below it
  let lookupCol = 1;
  const lookupList = (heading: string, values: readonly string[], note: string): string | null => {
    const col = lookupCol++;
    lookup.getColumn(col).width = Math.max(16, Math.min(40, heading.length * 2 + 4));
    const h = lookup.getCell(1, col);
    h.value = heading;
    h.font = { bold: true };
    h.note = note;
    values.forEach((v, r) => (lookup.getCell(r + 2, col).value = v));
    if (!values.length) return null;
    const letter = lookup.getColumn(col).letter;
    return `'${LOOKUP_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
  };
  const ctx = from?.ctx;
  const units = ctx ? await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).orderBy('code').execute() : [];
  // the units side by side with their codes; a name two units share must be written as the code
  const unitRange = lookupList(ORG_NAME_COLUMN, units.map((u) => u.name), '本单位及下级单位的名称；两个单位同名的，请在“所属单位代码”列填写右侧的代码');
  lookupList(ORG_COLUMN, units.map((u) => u.code), '与左侧名称对应的单位代码');
  const rows = 2001;
  const listOf = (col: number, range: string, label: string, strict: boolean, allowBlank: boolean): void => {
    for (let r = 2; r <= rows; r++) {
      ws.getCell(r, col).dataValidation = {
        type: 'list',
        allowBlank,
        formulae: [range],
        showErrorMessage: true,
        // a link column still takes a record number: a warning, not a refusal
        errorStyle: strict ? 'stop' : 'warning',
        errorTitle: '输入有误',
        error: strict ? `${label}须从下拉列表中选择` : `${label}不在“${LOOKUP_SHEET}”表中：请填写其中的名称或关联记录的编号`,
      };
    }
  };
  if (unitRange) listOf(2, unitRange, ORG_NAME_COLUMN, false, true);

  let dictCol = 1;
  for (const [i, f] of fields.entries()) {
    const col = i + 3;
    const cell = ws.getCell(1, col);
    cell.note = `${mustFill(f) ? '必填。' : ''}${f.numbered ? '留空由系统按编号规则编号；补录历史记录的，照原编号填写。' : typeHint(f)}${f.hint ? `。${f.hint}` : ''}`;
    if (mustFill(f)) cell.font = { bold: true, color: { argb: 'FFB91C1C' } };
    if (f.type === 'dict' || f.type === 'bool') {
      const opts = f.type === 'bool' ? ['是', '否'] : [...fieldOptions(f)].filter((o) => !f.retired?.options.includes(o));
      opts.forEach((o, r) => (dict.getCell(r + 1, dictCol).value = o));
      const letter = dict.getColumn(dictCol).letter;
      listOf(col, `字典!$${letter}$1:$${letter}$${opts.length}`, f.label, true, !mustFill(f));
      dictCol++;
    }
    if (ctx && from && f.type === 'ref' && f.ref) {
      const target = from.registry.get(f.ref);
      if (target && can(ctx, perm(target, 'read'))) {
        const index = await nameIndex(ctx, target, 'all');
        const byId = new Map<number, { title: string; shared: boolean }>();
        for (const [name, cands] of index) {
          for (const c of cands) {
            const cur = byId.get(c.id);
            // the record's whole title (the longest key naming it), written with its number when another shares it
            if (!cur || name.length > cur.title.length) byId.set(c.id, { title: name, shared: (index.get(name)?.length ?? 0) > 1 });
          }
        }
        const names = [...byId.entries()].map(([id, v]) => (v.shared ? numberedName(v.title, id) : v.title));
        const range = lookupList(f.label, [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh-CN')), `可填写的${target.label}名称（本单位及下级单位，有效记录）；同名的写作“名称（编号N）”`);
        if (range) listOf(col, range, f.label, false, !mustFill(f));
      }
    }
    if (f.type === 'date') ws.getColumn(col).numFmt = 'yyyy-mm-dd';
  }
  lookup.views = [{ state: 'frozen', ySplit: 1 }];
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
  /** rows of an export read back whose record is already here with the same values: not imported again */
  same: Array<{ row: number; id: number }>;
  /** valid rows that likely repeat a record already kept or an earlier row (LedgerDef.duplicateKeys): warnings */
  duplicates: ImportDuplicate[];
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
  const byLabel = new Map<string, FieldDef | 'org' | 'orgName' | 'id'>([
    [ORG_COLUMN, 'org'],
    [ORG_NAME_COLUMN, 'orgName'],
    [ID_COLUMN, 'id'],
  ]);
  // the counted figures of an exported sheet are left out when it comes back
  for (const f of l.fields.filter((x) => !isCountedField(x))) {
    byLabel.set(f.label, f);
    byLabel.set(`${f.label}*`, f);
  }
  const columns = new Map<number, FieldDef | 'org' | 'orgName' | 'id'>();
  const unknown: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const label = cellText(cell.value);
    const f = byLabel.get(label);
    if (f) columns.set(col, f);
    else if (label) unknown.push(label);
  });
  const missing = l.fields.filter((f) => mustFill(f) && ![...columns.values()].includes(f)).map((f) => f.label);
  if (missing.length) throw new AppError('validation_failed', `表头缺少必填列：${missing.join('、')}。请使用导入模板`, missing.map((m) => ({ path: m, label: m, message: `缺少列：${m}` })));
  const plan: ImportPlan = { total: 0, valid: [], errors: [], same: [], duplicates: [] };
  const labelOf = (name: string): string => l.fields.find((f) => f.name === name)?.label ?? name;
  const rows: Array<{ n: number; input: Record<string, unknown>; org: string | null; orgName: string | null; id: number | null }> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const input: Record<string, unknown> = {};
    let org: string | null = null;
    let orgName: string | null = null;
    let id: number | null = null;
    let any = false;
    for (const [col, f] of columns) {
      const raw = row.getCell(col).value;
      const v = raw instanceof Date ? raw : cellText(raw);
      if (f === 'id') {
        id = typeof v === 'string' && /^\d{1,12}$/.test(v.trim()) ? Number(v) : null;
        continue;
      }
      if (v !== '') any = true;
      if (f === 'org') org = typeof v === 'string' && v ? v : null;
      else if (f === 'orgName') orgName = typeof v === 'string' && v ? v : null;
      else input[f.name] = v;
    }
    if (any) rows.push({ n, input, org, orgName, id });
  });
  // what people read, as the export writes it: units and linked records by name, resolved within the user's scope
  const named = await resolveNames(ctx, l, registry, rows, [...columns.values()]);
  const existing = await existingRecords(ctx, l, rows.map((r) => r.id));
  const inFile = [...columns.values()].filter((c): c is FieldDef => typeof c !== 'string');
  for (const { n, input, org, orgName, id } of rows) {
    plan.total++;
    const stored = id === null ? undefined : existing.get(id);
    // a row of an export read back by someone who sees personal data masked: a cell still showing the record's masked
    // value stands for the stored value, so the row is recognised as the record (never stored masked)
    if (stored) unmask(ctx, l, input, stored, inFile);
    const nameErrors = named.errors.get(n) ?? [];
    const orgCode = org ?? (orgName ? (named.orgs.get(orgName) ?? null) : null);
    const { values, errors } = validateRecord(l, input);
    // a masked cell (an export by someone who may not see personal data) is no value to store
    const masked = inFile.filter((f) => f.personal && typeof input[f.name] === 'string' && String(input[f.name]).includes('*')).map((f) => ({ path: f.name, label: f.label, message: `${f.label}：是脱敏显示的值，不能导入，请填写完整内容` }));
    const fieldErrors = [...masked, ...errors.filter((e) => !masked.some((x) => x.path === e.path))];
    const all = [...nameErrors, ...fieldErrors.filter((e) => !nameErrors.some((x) => x.path === e.path)), ...checkRetired(l, values), ...(fieldErrors.length || nameErrors.length ? [] : checkRules(l, values))];
    if (orgCode && !ctx.scope.codes.includes(orgCode)) all.push({ path: 'orgCode', label: ORG_COLUMN, message: `${ORG_COLUMN}：${orgCode} 不在管辖范围内` });
    if (!org && orgName && !named.orgs.has(orgName)) all.push({ path: 'orgCode', label: ORG_NAME_COLUMN, message: `${ORG_NAME_COLUMN}：找不到名为“${orgName}”的本单位或下级单位` });
    const before = stored;
    if (all.length) for (const e of all) plan.errors.push({ row: n, column: e.label ?? labelOf(e.path), message: e.message.replace(/^[^：]+：/, '') });
    else if (before) {
      // a row of an export read back: the record is already here; the same values are left alone, other values are
      // not an edit (an import only adds records: an edit goes through the record's form, its locks and workflow)
      const changed = inFile.filter((f) => !sameValue(ctx, f, values[f.name], before[f.name])).map((f) => f.label);
      if (orgCode && orgCode !== before['org_code']) changed.unshift(ORG_NAME_COLUMN);
      if (changed.length) plan.errors.push({ row: n, column: ID_COLUMN, message: `记录 ${String(id)} 已在系统中，本行的${changed.slice(0, 5).join('、')}${changed.length > 5 ? `等${changed.length}项` : ''}与系统中不同。导入只新增记录：修改已有记录请在系统中编辑；作为新记录导入请清空“${ID_COLUMN}”列` });
      else plan.same.push({ row: n, id: Number(id) });
    } else plan.valid.push({ row: n, values, orgCode });
  }
  // the dry run asks what the insert will ask: linked records usable, unique values free, units of the right level
  if (plan.valid.length) {
    const conflicts = await importConflicts(ctx, l, plan.valid, registry);
    const bad = new Set(conflicts.map((e) => e.row));
    plan.errors.push(...conflicts);
    plan.errors.sort((a, b) => a.row - b.row);
    plan.valid = plan.valid.filter((v) => !bad.has(v.row));
    plan.duplicates = await importDuplicates(ctx, l, plan.valid);
  }
  if (plan.total === 0) throw new AppError('validation_failed', '表格中没有数据行');
  return plan;
}

/** the records of the ledger in the user's scope that rows name by their 编号 */
async function existingRecords(ctx: Ctx, l: LedgerDef, ids: ReadonlyArray<number | null>): Promise<Map<number, Row>> {
  const wanted = [...new Set(ids.filter((v): v is number => v !== null))];
  const out = new Map<number, Row>();
  for (let k = 0; k < wanted.length; k += 1000) {
    const found = (await ledgerDb(ctx).selectFrom(l.table).selectAll().where('id', 'in', wanted.slice(k, k + 1000)).where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).execute()) as Row[];
    for (const r of found) out.set(Number(r['id']), r);
  }
  return out;
}

/** the cells of a row that show an existing record's value as the export shows it to this user → the stored value */
function unmask(ctx: Ctx, l: LedgerDef, input: Record<string, unknown>, stored: Row, inFile: readonly FieldDef[]): void {
  const full = can(ctx, perm(l, 'personal'));
  if (full) return;
  const shown: Record<string, unknown> = {};
  for (const f of l.fields) shown[f.name] = present(ctx, f, stored[f.name], false);
  redactFreeText(l, shown, knownNames(l, stored, ctx.cipher));
  for (const f of inFile) {
    const v = input[f.name];
    if (typeof v !== 'string' || f.type === 'ref' || shown[f.name] === null || shown[f.name] === undefined) continue;
    const plain = f.personal ? present(ctx, f, stored[f.name], true) : stored[f.name];
    if (v.trim() === String(shown[f.name]).trim() && String(plain) !== String(shown[f.name])) input[f.name] = plain;
  }
}

/** a value read from a file against the stored one, as the import would store it */
function sameValue(ctx: Ctx, f: FieldDef, read: unknown, stored: unknown): boolean {
  let s = stored;
  if (f.personal && s !== null && s !== undefined) {
    try {
      s = ctx.cipher.decrypt(String(s));
    } catch {
      return false;
    }
  }
  const norm = (v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (Array.isArray(v)) return v.length ? [...v].map(String).sort().join('、') : null;
    if (f.type === 'int' || f.type === 'decimal' || f.type === 'ref') return String(Number(v));
    if (f.type === 'bool') return String(v === true || v === 'true' || v === '是');
    if (v instanceof Date) return v.toISOString();
    return String(v);
  };
  return norm(read) === norm(s);
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

/** "白凤英（编号18）": a name made unambiguous by its record number, as the export and the template's lookup sheet write it */
const NUMBERED_NAME = /^(.*?)\s*[（(]编号\s*(\d+)[）)]\s*$/;
export const numberedName = (name: string, id: number): string => `${name}（编号${id}）`;

type Candidate = { id: number; org: string };

/**
 * the linked ledger's active records in the user's scope by every name a person may write for them: the record's
 * title and each of its (non-personal) title fields. One index serves the import (name → id), the export (is this
 * name enough to find the record again?) and the template's lookup sheet (what may be written).
 */
async function nameIndex(ctx: Ctx, target: LedgerDef, names: readonly string[] | 'all', cap = 5000): Promise<Map<string, Candidate[]>> {
  const plain = target.titleFields.filter((n) => !target.fields.find((tf) => tf.name === n)?.personal);
  const index = new Map<string, Candidate[]>();
  if (!plain.length || (names !== 'all' && !names.length)) return index;
  let q = ledgerDb(ctx)
    .selectFrom(target.table)
    .selectAll()
    .where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : [''])
    .where('status', '=', 'active');
  if (names !== 'all') {
    // a title of several fields ("张三 · 城关镇调委会") is matched by its first part, then checked whole
    const parts = [...new Set(names.flatMap((n) => [n, ...n.split(' · ')]))];
    // compared as text: a title field may be a date or a number
    q = q.where((eb) => eb.or(plain.map((n) => eb(sql<string>`${sql.ref(n)}::text`, 'in', parts))));
  }
  const found = (await q.orderBy('id').limit(cap).execute()) as Row[];
  for (const r of found) {
    const title = titleOf(target, Object.fromEntries(target.fields.map((tf) => [tf.name, tf.personal ? null : r[tf.name]])));
    const keys = new Set([title, ...plain.map((n) => String(r[n] ?? ''))]);
    for (const k of keys) if (k) index.set(k, [...(index.get(k) ?? []), { id: Number(r['id']), org: String(r['org_code']) }]);
  }
  return index;
}

/** the one record a name stands for, for a row of a unit: unique in scope, or unique within the row's own unit */
function pick(candidates: readonly Candidate[], rowOrg: string | null): Candidate[] {
  if (candidates.length <= 1 || !rowOrg) return [...candidates];
  const own = candidates.filter((c) => c.org === rowOrg);
  return own.length === 1 ? own : [...candidates];
}

/**
 * names in link columns → record ids, and unit names → codes, within the user's scope. A number stays an id. A name
 * matches a linked record's title or any one of its title fields (a mediator's name, a committee's name); a name
 * several records share is taken for the one in the row's own unit when there is exactly one; "名称（编号N）" names
 * the record outright. A name that matches none, or several (named with their ids), is an error of that row, so the
 * dry run says what to fix.
 */
async function resolveNames(ctx: Ctx, l: LedgerDef, registry: LedgerRegistry, rows: ReadonlyArray<{ n: number; input: Record<string, unknown>; org: string | null; orgName: string | null }>, used: ReadonlyArray<FieldDef | 'org' | 'orgName' | 'id'>) {
  const errors = new Map<number, ImportError[]>();
  const fail = (n: number, e: ImportError): void => void errors.set(n, [...(errors.get(n) ?? []), e]);
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
  for (const f of l.fields) {
    if (f.type !== 'ref' || !f.ref || !used.includes(f)) continue;
    const target = registry.get(f.ref);
    if (!target) continue;
    const isName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !/^\s*\d+\s*$/.test(v);
    const bare = (v: string): string => NUMBERED_NAME.exec(v.trim())?.[1]?.trim() ?? v.trim();
    const names = [...new Set(rows.map((r) => r.input[f.name]).filter(isName).map(bare))];
    if (!names.length) continue;
    const index = await nameIndex(ctx, target, names, 100_000);
    for (const r of rows) {
      const v = r.input[f.name];
      if (!isName(v)) continue;
      const numbered = NUMBERED_NAME.exec(v.trim());
      const name = bare(v);
      const all = index.get(name) ?? [];
      if (numbered) {
        const id = Number(numbered[2]);
        if (all.some((c) => c.id === id)) r.input[f.name] = id;
        else fail(r.n, { path: f.name, label: f.label, message: `${f.label}：本单位及下级单位的${target.label}中没有编号为${id}、名称为“${name}”的记录` });
        continue;
      }
      const rowOrg = r.org ?? (r.orgName ? orgs.get(r.orgName) : undefined) ?? ctx.scope.root;
      const ids = pick(all, rowOrg).map((c) => c.id);
      if (ids.length === 1) r.input[f.name] = ids[0];
      else if (ids.length === 0) fail(r.n, { path: f.name, label: f.label, message: `${f.label}：在本单位及下级单位的${target.label}中找不到“${name}”` });
      else fail(r.n, { path: f.name, label: f.label, message: `${f.label}：“${name}”对应${ids.length}条${target.label}（编号 ${ids.sort((a, b) => a - b).join('、')}），请改填“${numberedName(name, ids[0] ?? 0)}”这样的名称加编号` });
    }
  }
  return { errors, orgs };
}

/**
 * the names an export writes in link columns: the record's title, or "title（编号N）" where the title alone would be
 * read back as another record (the import's rule: unique in scope, or unique within the row's unit)
 */
async function exportNames(ctx: Ctx, l: LedgerDef, rows: Row[], registry: LedgerRegistry): Promise<Array<Record<string, string | null>>> {
  const titles = await refTitles(ctx, l, rows, registry);
  for (const f of l.fields) {
    if (f.type !== 'ref' || !f.ref) continue;
    const target = registry.get(f.ref);
    if (!target) continue;
    const names = [...new Set(titles.map((t) => t[f.name]).filter((v): v is string => !!v))];
    const index = await nameIndex(ctx, target, names, 100_000);
    rows.forEach((r, i) => {
      const t = titles[i];
      const title = t?.[f.name];
      if (!t || !title) return;
      const id = Number(r[f.name]);
      const chosen = pick(index.get(title) ?? [], String(r['org_code']));
      if (chosen.length !== 1 || chosen[0]?.id !== id) t[f.name] = numberedName(title, id);
    });
  }
  return titles;
}

/**
 * streams a filtered list as xlsx: rows are read in keyset pages and committed to the
 * stream one by one, so memory stays flat however many records there are; the first page is read
 * before the stream exists, so a query that fails is an error response, not a download cut off after a 200
 */
export async function exportStream(ctx: Ctx, l: LedgerDef, q: ListQuery, orgNames: ReadonlyMap<string, string>, registry: LedgerRegistry): Promise<Readable> {
  const page = (after: number): Promise<Row[]> => scopedQuery(ctx, l, q).selectAll().where('id', '>', after).orderBy('id').limit(2000).execute() as Promise<Row[]>;
  const first = await page(0);
  const out = new PassThrough();
  const full = can(ctx, perm(l, 'personal'));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(l.label.slice(0, 31));
  ws.columns = [
    { header: ID_COLUMN, key: 'id', width: 8 },
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
      const refs = await exportNames(ctx, l, rows, registry);
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
