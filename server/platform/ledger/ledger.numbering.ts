import { audit } from '../audit/audit.service.ts';
import type { Ctx } from '../http/context.ts';
import { AppError, refused, type FieldError } from '../http/errors.ts';
import { isCleanText } from '../http/validate.ts';
import { assignNumber, peekNumber, shortOrgName } from '../numbering/numbering.service.ts';
import { getSetting, setSetting } from '../settings.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';
import { ledgerDb } from './ledger.query.ts';
import type { FieldDef, LedgerDef, NumberedDef } from './ledger.types.ts';

/**
 * System numbers (FieldDef.numbered): 案号, 登记号 and 文号 are given out by the system, per organisation and year,
 * in a format each organisation may set on the 编号规则 page; nobody types them in. Imported historical records
 * (Excel import, demo seed) keep the numbers they had, and the counter skips numbers already in use.
 */

export const PLACEHOLDERS = ['{机关简称}', '{单位}', '{年}', '{序号}', '{序号3}', '{类别}'] as const;
export const FORMAT_MAX = 60;

/** the setting that holds an organisation's format for a series */
export const formatSetting = (series: string, orgCode: string): string => `numbering.format.${series}.${orgCode}`;

export type NumberedField = FieldDef & { numbered: NumberedDef };

export const numberedFields = (l: LedgerDef): NumberedField[] => l.fields.filter((f): f is NumberedField => !!f.numbered);

// numbers a transition has just given out in this request (ledger.field → text): its own edit may store them
const given = new WeakMap<Ctx, Map<string, string>>();

const empty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** why a format cannot be used, or null: known placeholders only, with the year and the sequence number */
export function formatProblem(def: NumberedDef, format: string): string | null {
  if (!format.trim()) return '不能为空';
  if (format.length > FORMAT_MAX) return `不能超过${FORMAT_MAX}个字`;
  if (!isCleanText(format)) return '含有不可见的控制字符';
  const unknown = (format.match(/\{[^}]*\}/g) ?? []).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) return `不认识的占位符 ${unknown.join('、')}（可用：${PLACEHOLDERS.join(' ')}）`;
  if (!format.includes('{年}')) return '须含 {年}：编号每年从1开始，不含年度会与往年重号';
  if (!format.includes('{序号}') && !format.includes('{序号3}')) return '须含 {序号} 或 {序号3}';
  if (def.kindFrom && !format.includes('{类别}')) return '须含 {类别}：各类别分别编号，不含类别会重号';
  return null;
}

export interface FormatParts {
  abbr: string;
  orgName: string;
  year: number;
  seq: number;
  kind: string;
}

/** the number as people write it: “城关综执罚〔2026〕12号” */
export function renderNumber(format: string, p: FormatParts): string {
  return format
    .replaceAll('{机关简称}', p.abbr)
    .replaceAll('{单位}', p.orgName)
    .replaceAll('{年}', String(p.year))
    .replaceAll('{序号3}', String(p.seq).padStart(3, '0'))
    .replaceAll('{序号}', String(p.seq))
    .replaceAll('{类别}', p.kind);
}

/** an organisation's format for a series: what its administrator set, else the national default */
export async function seriesFormat(db: Ctx['tx'], def: NumberedDef, orgCode: string): Promise<{ format: string; custom: boolean }> {
  const v = await getSetting<unknown>(db, formatSetting(def.series, orgCode));
  return typeof v === 'string' && v.trim() ? { format: v, custom: true } : { format: def.defaultFormat, custom: false };
}

// a unit inside a town named after it (城关镇综合行政执法队) goes by the town's name
const borrowsParentName = (name: string, parent: string | undefined): boolean => !!parent && name !== parent && name.startsWith(parent);

/** {机关简称}: 城关镇 → 城关; a town's department (城关镇综合行政执法队) goes by its town's: 城关 */
async function orgOf(db: Ctx['tx'], code: string): Promise<{ name: string; abbr: string }> {
  const row = await db.selectFrom('org').select(['name', 'parent_code']).where('code', '=', code).executeTakeFirst();
  const name = row?.name ?? code;
  const parent = row?.parent_code ? await db.selectFrom('org').select('name').where('code', '=', row.parent_code).executeTakeFirst() : undefined;
  if (parent && borrowsParentName(name, parent.name)) return { name, abbr: shortOrgName(parent.name) };
  return { name, abbr: shortOrgName(name) };
}

function yearOf(ctx: Ctx, def: NumberedDef, values: Record<string, unknown>): number {
  const v = def.yearFrom ? values[def.yearFrom] : undefined;
  const text = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : chinaDate(ctx.now);
  const year = Number(text.slice(0, 4));
  return Number.isInteger(year) && year >= 2000 ? year : Number(chinaDate(ctx.now).slice(0, 4));
}

/** the 类别 code and the counter the number comes from (each 类别 counts on its own) */
function kindOf(f: NumberedField, values: Record<string, unknown>): { kind: string; series: string } {
  const k = f.numbered.kindFrom;
  if (!k) return { kind: '', series: f.numbered.series };
  const kind = k.codes[String(values[k.field] ?? '')] ?? '';
  return { kind, series: kind ? `${f.numbered.series}.${kind}` : f.numbered.series };
}

/**
 * the organisations whose numbers print with the same 机关简称 as this one's: a town and the units inside it that
 * go by its name (城关镇 and 城关镇综合行政执法队 both print 城关…). Each keeps its own counter, so a number one of
 * them holds is a number the others must step over — otherwise the town and its office both print 城关综执罚〔2026〕1号
 */
export async function sameNameOrgs(db: Ctx['tx'], code: string): Promise<string[]> {
  const row = await db.selectFrom('org').select(['name', 'parent_code']).where('code', '=', code).executeTakeFirst();
  if (!row) return [code];
  const parent = row.parent_code ? await db.selectFrom('org').select(['code', 'name']).where('code', '=', row.parent_code).executeTakeFirst() : undefined;
  const head = parent && borrowsParentName(row.name, parent.name) ? parent : { code, name: row.name };
  const inside = await db.selectFrom('org').select(['code', 'name']).where('parent_code', '=', head.code).execute();
  return [head.code, ...inside.filter((o) => borrowsParentName(o.name, head.name)).map((o) => o.code)];
}

// a number given in an organisation above the holder's name may be held by any unit below it: looked for in the
// whole table; otherwise in the organisations that print the same 机关简称
const takenIn = (ctx: Ctx, l: LedgerDef, f: FieldDef, orgCode: string) => {
  let family: Promise<string[]> | undefined;
  return async (text: string): Promise<boolean> => {
    const q = ledgerDb(ctx).selectFrom(l.table).select('id').where(f.name, '=', text);
    if (f.numbered?.issuer) return Boolean(await q.executeTakeFirst());
    family ??= sameNameOrgs(ctx.tx, orgCode);
    return Boolean(await q.where('org_code', 'in', await family).executeTakeFirst());
  };
};

/** the organisation a number is counted and named for: the holder, or the nearest one of the issuer's kind above it */
async function issuingOrg(db: Ctx['tx'], def: NumberedDef, orgCode: string): Promise<string> {
  let code: string | null = orgCode;
  while (def.issuer && code) {
    const row: { kind: string; parent_code: string | null } | undefined = await db.selectFrom('org').select(['kind', 'parent_code']).where('code', '=', code).executeTakeFirst();
    if (!row) break;
    if (row.kind === def.issuer) return code;
    code = row.parent_code;
  }
  return orgCode;
}

/** gives the field its next number inside the caller's transaction (the counter's row lock serialises writers) */
async function assignField(ctx: Ctx, l: LedgerDef, f: NumberedField, holder: string, values: Record<string, unknown>, entityId?: number): Promise<string> {
  const orgCode = await issuingOrg(ctx.tx, f.numbered, holder);
  const year = yearOf(ctx, f.numbered, values);
  const { kind, series } = kindOf(f, values);
  const org = await orgOf(ctx.tx, orgCode);
  const { format } = await seriesFormat(ctx.tx, f.numbered, orgCode);
  const n = await assignNumber(ctx, { series, orgCode, year, format: (seq) => renderNumber(format, { abbr: org.abbr, orgName: org.name, year, seq, kind }), taken: takenIn(ctx, l, f, orgCode), entity: { name: l.name, id: entityId ?? `new/${series}` } });
  return n.text;
}

/** the number a field would get now, given the record's values: a preview that reserves nothing */
export async function peekFieldNumber(ctx: Ctx, l: LedgerDef, field: string, holder: string, values: Record<string, unknown>): Promise<string> {
  const f = numberedFields(l).find((x) => x.name === field);
  if (!f) throw new AppError('not_found', `${l.label}没有自动编号的字段 ${field}`);
  const orgCode = await issuingOrg(ctx.tx, f.numbered, holder);
  const year = yearOf(ctx, f.numbered, values);
  const { kind, series } = kindOf(f, values);
  const org = await orgOf(ctx.tx, orgCode);
  const { format } = await seriesFormat(ctx.tx, f.numbered, orgCode);
  return renderNumber(format, { abbr: org.abbr, orgName: org.name, year, seq: await peekNumber(ctx.tx, { series, orgCode, year }), kind });
}

/**
 * refuses a number typed by hand in a plain create or edit, naming the field (audited): a number that is
 * sent back unchanged (an edit form returns every value) is not a change and passes
 */
export function refuseTypedNumbers(ctx: Ctx, l: LedgerDef, input: Record<string, unknown>, stored?: Record<string, unknown>): void {
  const text = (v: unknown): string => (empty(v) ? '' : String(v).trim());
  const mine = given.get(ctx);
  // on create any value is typed; on edit any change, clearing the number included
  const typed = numberedFields(l).filter((f) => f.name in input && mine?.get(`${l.name}.${f.name}`) !== text(input[f.name]) && (stored ? text(input[f.name]) !== text(stored[f.name]) : !empty(input[f.name])));
  if (!typed.length) return;
  const errors: FieldError[] = typed.map((f) => ({ path: f.name, label: f.label, message: `${f.label}：由系统按编号规则自动编号，不能手工填写或修改` }));
  throw refused(`${typed.map((f) => f.label).join('、')}由系统自动编号，不能手工填写或修改`, { entity: l.name, entityId: Number(stored?.['id'] ?? 0) || 'new', action: 'refused_numbered', diff: { fields: typed.map((f) => f.name) } }, errors);
}

/** the input of a plain create with the numbers given on creation filled in (after refuseTypedNumbers) */
/** the workflow's computed fields from the raw create input; nothing when they cannot be worked out from it yet */
function computedFrom(l: LedgerDef, input: Record<string, unknown>): Record<string, unknown> {
  const compute = l.workflow?.computeFields;
  if (!compute) return {};
  try {
    return Object.fromEntries(Object.entries(compute(input)).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  } catch {
    return {};
  }
}

export async function withCreateNumbers(ctx: Ctx, l: LedgerDef, input: Record<string, unknown>, orgCode: string): Promise<Record<string, unknown>> {
  const fields = numberedFields(l).filter((f) => f.numbered.assignOn === 'create');
  if (!fields.length) return input;
  const out = { ...input };
  // the year may come from a field the system computes (a receipt date worked out from the channel's own date)
  const known = { ...computedFrom(l, input), ...input };
  for (const f of fields) out[f.name] = await assignField(ctx, l, f, orgCode, known);
  return out;
}

/**
 * the numbers a transition gives out: each numbered field assigned on it and still empty gets its number, which
 * the transition's own edit (and only that) may then store
 */
export async function transitionNumbers(ctx: Ctx, l: LedgerDef, transition: string, row: Record<string, unknown>, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const numbers: Record<string, unknown> = {};
  for (const f of numberedFields(l)) {
    if (typeof f.numbered.assignOn !== 'object' || f.numbered.assignOn.transition !== transition || !empty(row[f.name])) continue;
    if (f.numbered.when && !f.numbered.when(values)) continue;
    const text = await assignField(ctx, l, f, String(row['org_code']), values, Number(row['id']));
    numbers[f.name] = text;
    const mine = given.get(ctx) ?? new Map<string, string>();
    mine.set(`${l.name}.${f.name}`, text);
    given.set(ctx, mine);
  }
  return numbers;
}

/**
 * the number of a step done before its field was numbered (a record kept from before the system numbered its
 * letters): given the first time the letter is made, as the step would have; the caller's own edit stores it
 */
export async function numberForPastStep(ctx: Ctx, l: LedgerDef, field: string, row: { id: number; orgCode: string; values: Record<string, unknown> }): Promise<string> {
  const f = numberedFields(l).find((x) => x.name === field);
  if (!f || typeof f.numbered.assignOn !== 'object') throw new AppError('not_found', `${l.label}没有在办理环节编号的字段 ${field}`);
  if (!empty(row.values[field])) return String(row.values[field]);
  const text = await assignField(ctx, l, f, row.orgCode, row.values, row.id);
  const mine = given.get(ctx) ?? new Map<string, string>();
  mine.set(`${l.name}.${f.name}`, text);
  given.set(ctx, mine);
  return text;
}

/**
 * an import (Excel, demo seed) keeps the numbers its rows carry; a row that leaves a number given on creation
 * empty gets the next one, stepping over numbers in use and those other rows of the same import carry
 */
export async function withImportNumbers(ctx: Ctx, l: LedgerDef, items: Array<{ values: Record<string, unknown>; orgCode: string | null }>): Promise<void> {
  for (const f of numberedFields(l).filter((x) => x.numbered.assignOn === 'create')) {
    const carried = new Set(items.map((i) => i.values[f.name]).filter((v) => !empty(v)).map((v) => `${String(v)}`));
    for (const i of items) {
      if (!empty(i.values[f.name])) continue;
      const orgCode = await issuingOrg(ctx.tx, f.numbered, i.orgCode ?? ctx.scope.root);
      const year = yearOf(ctx, f.numbered, i.values);
      const { kind, series } = kindOf(f, i.values);
      const org = await orgOf(ctx.tx, orgCode);
      const { format } = await seriesFormat(ctx.tx, f.numbered, orgCode);
      const inDb = takenIn(ctx, l, f, orgCode);
      const n = await assignNumber(ctx, { series, orgCode, year, format: (seq) => renderNumber(format, { abbr: org.abbr, orgName: org.name, year, seq, kind }), taken: async (t) => carried.has(t) || (await inDb(t)), entity: { name: l.name, id: `import/${series}` } });
      i.values[f.name] = n.text;
      carried.add(n.text);
    }
  }
}

/** a field a transition may not capture from its body: the number is the system's */
export const isNumbered = (l: LedgerDef, field: string): boolean => numberedFields(l).some((f) => f.name === field);

// ---- the 编号规则 page ----

export interface SeriesRow {
  series: string;
  label: string;
  ledger: string;
  ledgerLabel: string;
  field: string;
  fieldLabel: string;
  assignOn: string;
  defaultFormat: string;
  kinds: Array<{ value: string; code: string }>;
  orgs: Array<{ orgCode: string; orgName: string; format: string; custom: boolean; next: string; nextSeq: number }>;
}

function assignOnLabel(l: LedgerDef, def: NumberedDef): string {
  if (def.assignOn === 'create') return `登记${l.noun}时`;
  const name = def.assignOn.transition;
  const t = l.workflow?.transitions.find((x) => x.name === name);
  return `办理“${t?.label ?? name}”时`;
}

/** the first number the counter would give that is not in use (a preview: not reserved) */
async function nextFree(ctx: Ctx, l: LedgerDef, f: NumberedField, orgCode: string, format: string, year: number): Promise<{ text: string; seq: number }> {
  const org = await orgOf(ctx.tx, orgCode);
  const kinds = f.numbered.kindFrom ? Object.values(f.numbered.kindFrom.codes) : [''];
  const kind = kinds[0] ?? '';
  const series = kind ? `${f.numbered.series}.${kind}` : f.numbered.series;
  const taken = takenIn(ctx, l, f, orgCode);
  let seq = await peekNumber(ctx.tx, { series, orgCode, year });
  for (let i = 0; i < 1000; i++, seq++) {
    const text = renderNumber(format, { abbr: org.abbr, orgName: org.name, year, seq, kind });
    if (!(await taken(text))) return { text, seq };
  }
  return { text: renderNumber(format, { abbr: org.abbr, orgName: org.name, year, seq, kind }), seq };
}

/** every series with its format and next number in each organisation the user may see */
export async function listSeries(ctx: Ctx, ledgers: readonly LedgerDef[]): Promise<{ year: number; placeholders: readonly string[]; series: SeriesRow[] }> {
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const orgs = await ctx.tx.selectFrom('org').select(['code', 'name', 'kind']).where('code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).where('status', '=', 'active').orderBy('path').execute();
  const out: SeriesRow[] = [];
  for (const l of ledgers) {
    for (const f of numberedFields(l)) {
      const rows: SeriesRow['orgs'] = [];
      for (const o of orgs) {
        // a series given in an issuer's name is counted there only
        if (f.numbered.issuer && o.kind !== f.numbered.issuer) continue;
        const { format, custom } = await seriesFormat(ctx.tx, f.numbered, o.code);
        const next = await nextFree(ctx, l, f, o.code, format, year);
        rows.push({ orgCode: o.code, orgName: o.name, format, custom, next: next.text, nextSeq: next.seq });
      }
      out.push({
        series: f.numbered.series,
        label: f.numbered.label,
        ledger: l.name,
        ledgerLabel: l.label,
        field: f.name,
        fieldLabel: f.label,
        assignOn: assignOnLabel(l, f.numbered),
        defaultFormat: f.numbered.defaultFormat,
        kinds: Object.entries(f.numbered.kindFrom?.codes ?? {}).map(([value, code]) => ({ value, code })),
        orgs: rows,
      });
    }
  }
  return { year, placeholders: PLACEHOLDERS, series: out };
}

function findSeries(ledgers: readonly LedgerDef[], series: string): { l: LedgerDef; f: NumberedField } {
  for (const l of ledgers) for (const f of numberedFields(l)) if (f.numbered.series === series) return { l, f };
  throw new AppError('not_found', `编号规则“${series.slice(0, 60)}”不存在`);
}

/** what a format would give in an organisation (the page's preview), checked as a save would be */
export async function previewFormat(ctx: Ctx, ledgers: readonly LedgerDef[], series: string, orgCode: string, format: string): Promise<{ example: string; next: string }> {
  const { l, f } = findSeries(ledgers, series);
  const problem = formatProblem(f.numbered, format);
  if (problem) throw new AppError('validation_failed', `编号格式：${problem}`, [{ path: 'format', label: '编号格式', message: `编号格式：${problem}` }]);
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const org = await orgOf(ctx.tx, orgCode);
  const kind = Object.values(f.numbered.kindFrom?.codes ?? {})[0] ?? '';
  const next = await nextFree(ctx, l, f, orgCode, format, year);
  return { example: renderNumber(format, { abbr: org.abbr, orgName: org.name, year, seq: 12, kind }), next: next.text };
}

/**
 * sets (or, with null, resets to the national default) an organisation's format; audited. Numbers already
 * given out keep their text: the format applies to the numbers given out from now on
 */
export async function saveFormat(ctx: Ctx, ledgers: readonly LedgerDef[], series: string, orgCode: string, format: string | null): Promise<{ format: string; custom: boolean }> {
  const { f } = findSeries(ledgers, series);
  const next = format === null || format.trim() === '' || format.trim() === f.numbered.defaultFormat ? null : format.trim();
  if (next !== null) {
    const problem = formatProblem(f.numbered, next);
    if (problem) throw new AppError('validation_failed', `编号格式：${problem}`, [{ path: 'format', label: '编号格式', message: `编号格式：${problem}` }]);
  }
  const before = await seriesFormat(ctx.tx, f.numbered, orgCode);
  const after = next ?? f.numbered.defaultFormat;
  if (before.format === after && before.custom === (next !== null)) return before;
  if (next === null) await ctx.tx.deleteFrom('setting').where('key', '=', formatSetting(series, orgCode)).execute();
  else await setSetting(ctx.tx, formatSetting(series, orgCode), next);
  await audit(ctx, { entity: 'numbering', entityId: `${series}/${orgCode}`, action: 'format_changed', orgCode, diff: { series, format: { from: before.format, to: after }, ...(next === null ? { reset: true } : {}) } });
  return { format: after, custom: next !== null };
}
