import { fieldOptions, loadFieldOptions } from './field-options.ts';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { audit, auditMany } from '../audit/audit.service.ts';
import { diffFields } from '../audit/canonical.ts';
import { mask } from '../crypto/mask.ts';
import { redactText } from '../crypto/redact.ts';
import { knownNames, redactDiff, redactFreeText } from './ledger.redact.ts';
import type { Database } from '../db/schema.ts';
import { can, inScope, type Ctx } from '../http/context.ts';
import { AppError, notFound, type FieldError } from '../http/errors.ts';
import { CONTROL_CHAR_MESSAGE, INT_MAX, fieldsError, isCleanText, pageParam } from '../http/validate.ts';
import { orgCodeSchema } from '../orgs/org.service.ts';
import { ledgerDb } from './ledger.query.ts';
import { refuseTypedNumbers, withCreateNumbers, withImportNumbers } from './ledger.numbering.ts';
import { hasBlindIndex, shownColumns } from './ledger.schema.ts';
import { assertNotDuplicate } from './duplicates.ts';
import { countedHow, countedRefusals, isCountedField, isKeptByDatabase, withNameCounts, withoutCounted } from './counted-fields.ts';
import { perm, type FieldDef, type LedgerDef } from './ledger.types.ts';
import { checkRetired, checkRules, coerce, fieldSchema, validateRecord } from './ledger.validate.ts';

const orgCodeParam = orgCodeSchema;
import { queryTerms, searchText } from './search.ts';
import { guardCreate, guardUpdate, ownershipMeta, prepareDerived, sameValue } from '../workflow/owned-fields.ts';
import { derivedFields } from '../workflow/owned-fields.rules.ts';
import { stateFilterProblem, stateLabelOf, stateOptions } from '../workflow/state-filter.ts';
import { assertEditable, assertNoCorrectionFields, inCorrection } from './record-lock.ts';
import { assertOrgLevel, levelRefusal, orgLevels } from './org-levels.ts';

export type Row = Record<string, unknown>;

export interface LedgerRecord {
  id: number;
  orgCode: string;
  orgName: string;
  title: string;
  status: 'active' | 'withdrawn';
  state: string | null;
  /** the state's label, for the 状态 column (null: the ledger has no workflow) */
  stateLabel: string | null;
  withdrawnReason: string | null;
  values: Record<string, unknown>;
  /** display titles of referenced records, by field name */
  refs: Record<string, string | null>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
  /** on a single record: fields a step has fixed (LedgerDef.fieldLocks), with why — the edit form shows them read-only */
  lockedFields?: Record<string, string>;
}

export const listQuery = z
  .object({
    q: z.string().trim().max(100, '不能超过100个字').optional(),
    page: pageParam().default(1),
    pageSize: z.coerce.number('须为整数').int('须为整数').min(1, '至少为1').max(200, '不能超过200').default(20),
    sort: z.string().max(64).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    status: z.enum(['active', 'withdrawn', 'all']).default('active'),
    /** workflow states, comma-separated (the 状态 filter) */
    state: z.string().max(500, '不能超过500个字').regex(/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/, '须为状态名称').optional(),
    org: z.union([z.literal(''), orgCodeParam]).optional(),
    year: z.coerce.number('须为年度').int('须为年度').min(2000, '须为有效年度').max(2100, '须为有效年度').optional(),
    ids: z
      .string()
      .max(20_000)
      .regex(/^\d+(,\d+)*$/, '须为逗号分隔的记录编号')
      .refine((v) => v.split(',').every((x) => Number(x) <= INT_MAX), '须为逗号分隔的记录编号')
      .optional(),
  })
  .catchall(z.string().max(1000, '不能超过1000个字'));
export type ListQuery = z.infer<typeof listQuery>;

export const LIST_LABELS = { q: '检索词', page: '页码', pageSize: '每页条数', sort: '排序字段', order: '排序方向', status: '状态', state: '办理状态', org: '单位', year: '年度', ids: '记录编号' };

const SYSTEM_SORTS = ['id', 'created_at', 'updated_at'];
const RANGE_TYPES = new Set(['date', 'int', 'decimal', 'ref']);

// text-like filters are searches ("contains", or an exact match on a personal field's blind index): any clean text will do
const SEARCHED = new Set(['text', 'textarea', 'phone', 'id_number', 'uscc', 'party_id']);

/** why one filter value of a field cannot be used, or null when it can */
function filterProblem(f: FieldDef, raw: string): string | null {
  if (SEARCHED.has(f.type)) return isCleanText(raw) ? null : CONTROL_CHAR_MESSAGE;
  for (const v of f.type === 'dict' || f.type === 'dicts' ? raw.split(',') : [raw]) {
    const r = fieldSchema(f).safeParse(coerce(f, v));
    if (!r.success) return r.error.issues[0]?.message ?? '无效';
  }
  return null;
}

/**
 * every filter, sort and paging parameter of a list or an export checked against the ledger's declaration,
 * so a bad one is a 400 naming it before any query runs (and before an export's first byte)
 */
export function checkListQuery(l: LedgerDef, q: ListQuery): void {
  const errors: FieldError[] = [];
  const bad = (path: string, label: string, message: string): void => void errors.push({ path, label, message: `${label}：${message}` });
  if (q.sort !== undefined && q.sort !== '' && !(l.fields.some((f) => f.name === q.sort && !f.personal) || SYSTEM_SORTS.includes(q.sort))) bad('sort', '排序字段', `不能按“${q.sort.slice(0, 40)}”排序`);
  if (q.state) {
    const problem = stateFilterProblem(l, q.state);
    if (problem) bad('state', '办理状态', problem);
  }
  const known = new Set(Object.keys(listQuery.shape));
  for (const [key, value] of Object.entries(q)) {
    if (known.has(key)) continue;
    const m = /^f\.([a-z][a-z0-9_]*)(?:\.(from|to|present))?$/.exec(key);
    if (!m) {
      if (key.startsWith('f.')) bad(key, key.slice(0, 60), '没有这个筛选条件');
      continue;
    }
    const f = l.fields.find((x) => x.name === m[1]);
    if (!f) {
      bad(key, key.slice(0, 60), '没有这个筛选条件');
      continue;
    }
    const label = `${f.label}${m[2] === 'from' ? '（起）' : m[2] === 'to' ? '（止）' : ''}`;
    if (typeof value !== 'string' || value === '') continue;
    if (m[2] === 'present') {
      if (value !== '0' && value !== '1') bad(key, label, '须为0或1');
    } else if (m[2] && !RANGE_TYPES.has(f.type)) bad(key, label, '不能按范围筛选');
    else if (f.personal && !hasBlindIndex(f) && !m[2]) bad(key, label, '不能按个人信息筛选');
    else {
      const problem = filterProblem(f, value);
      if (problem) bad(key, label, problem);
    }
  }
  if (errors.length) throw fieldsError(errors);
}

function decrypt(ctx: Ctx, f: FieldDef, v: unknown): unknown {
  if (!f.personal || v === null || v === undefined) return v;
  try {
    return ctx.cipher.decrypt(String(v));
  } catch {
    return null;
  }
}

/** a stored row → what the API shows: personal data decrypted, then masked unless the role may see it */
export function present(ctx: Ctx, l: LedgerDef, row: Row, orgNames: ReadonlyMap<string, string>, refs: Record<string, string | null> = {}): LedgerRecord {
  const full = can(ctx, perm(l, 'personal'));
  const values: Record<string, unknown> = {};
  for (const f of l.fields) {
    let v = decrypt(ctx, f, row[f.name]);
    if (f.personal && typeof v === 'string' && !full) v = mask(v, f.personal);
    values[f.name] = v;
  }
  if (!full) redactFreeText(l, values, knownNames(l, row, ctx.cipher));
  return {
    id: Number(row['id']),
    orgCode: String(row['org_code']),
    orgName: orgNames.get(String(row['org_code'])) ?? String(row['org_code']),
    title: titleOf(l, values),
    status: row['status'] as 'active' | 'withdrawn',
    state: (row['state'] as string | null) ?? null,
    stateLabel: stateLabelOf(l, (row['state'] as string | null) ?? null),
    withdrawnReason: (row['withdrawn_reason'] as string | null) ?? null,
    values,
    refs,
    createdAt: iso(row['created_at']),
    createdBy: String(row['created_by']),
    updatedAt: iso(row['updated_at']),
    updatedBy: String(row['updated_by']),
    version: Number(row['version']),
  };
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export function titleOf(l: LedgerDef, values: Record<string, unknown>): string {
  return l.titleFields.map((n) => values[n]).filter((v) => v !== null && v !== undefined && v !== '').map(String).join(' · ') || '（无标题）';
}

/** the names of the units in scope: the session's, when it read them with its reach, else from the database */
export async function orgNames(ctx: Ctx): Promise<ReadonlyMap<string, string>> {
  if (ctx.scope.names) return ctx.scope.names;
  const rows = await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** titles of the referenced records, fetched once per referenced ledger */
export async function refTitles(ctx: Ctx, l: LedgerDef, rows: Row[], registry: LedgerRegistry): Promise<Array<Record<string, string | null>>> {
  const out = rows.map(() => ({}) as Record<string, string | null>);
  for (const f of l.fields) {
    if (f.type !== 'ref' || !f.ref) continue;
    const target = registry.get(f.ref);
    if (!target) continue;
    const ids = [...new Set(rows.map((r) => r[f.name]).filter((v) => v !== null && v !== undefined).map(Number))];
    if (!ids.length) continue;
    // a title is made of title fields only (a personal one shown as none)
    const titleColumns = target.titleFields.filter((n) => target.fields.some((tf) => tf.name === n && !tf.personal));
    const found = await ledgerDb(ctx).selectFrom(target.table).select(['id', ...titleColumns]).where('id', 'in', ids).where('org_code', 'in', ctx.scope.codes).execute();
    const titles = new Map(found.map((r: Row) => [Number(r['id']), titleOf(target, Object.fromEntries(target.fields.map((tf) => [tf.name, tf.personal ? null : r[tf.name]])))]));
    rows.forEach((r, i) => {
      const v = r[f.name];
      (out[i] as Record<string, string | null>)[f.name] = v === null || v === undefined ? null : (titles.get(Number(v)) ?? null);
    });
  }
  return out;
}

export interface LedgerRegistry {
  get(name: string): LedgerDef | undefined;
  all(): readonly LedgerDef[];
}

/** the filtered, scoped query behind a list, an export and a figure: one definition of "which records" */
export function scopedQuery(ctx: Ctx, l: LedgerDef, q: ListQuery) {
  let query = ledgerDb(ctx).selectFrom(l.table);
  query = query.where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']);
  // narrowing to one organisation's subtree, never widening past the user's scope
  if (q.org) query = query.where('org_code', 'in', sql<string>`(select code from org where path like ${`%/${q.org}/%`})`);
  if (q.status !== 'all') query = query.where('status', '=', q.status);
  if (q.state && l.workflow) query = query.where('state', 'in', q.state.split(','));
  if (q.ids) query = query.where('id', 'in', q.ids.split(',').map(Number));
  if (q.year && l.dateField) {
    query = query.where(l.dateField, '>=', `${q.year}-01-01`).where(l.dateField, '<=', `${q.year}-12-31`);
  }
  if (q.q) {
    const terms = queryTerms(q.q);
    if (terms.length) query = query.where(sql<boolean>`search_tsv @@ to_tsquery('simple', ${terms.map((t) => `'${t}'`).join(' & ')})`);
  }
  for (const f of l.fields) {
    const v = q[`f.${f.name}`];
    const present = q[`f.${f.name}.present`];
    if (present === '1') query = query.where(f.name, 'is not', null);
    if (present === '0') query = query.where(f.name, 'is', null);
    const from = q[`f.${f.name}.from`];
    const to = q[`f.${f.name}.to`];
    if (from !== undefined && from !== '') query = query.where(f.name, '>=', coerce(f, from));
    if (to !== undefined && to !== '') query = query.where(f.name, '<=', coerce(f, to));
    if (v === undefined || v === '') continue;
    switch (f.type) {
      case 'dict':
        query = query.where(f.name, 'in', v.split(','));
        break;
      case 'dicts':
        query = query.where(sql<boolean>`${sql.ref(f.name)} ?| ${sql.val(v.split(','))}::text[]`);
        break;
      case 'bool':
        query = query.where(f.name, '=', coerce(f, v) === true);
        break;
      case 'ref':
      case 'int':
      case 'decimal':
        query = query.where(f.name, '=', Number(v));
        break;
      case 'date':
        query = query.where(f.name, '=', coerce(f, v));
        break;
      default:
        if (f.personal && hasBlindIndex(f)) query = query.where(`${f.name}_bidx`, '=', ctx.cipher.blindIndex(String(coerce(f, v))));
        else if (!f.personal) query = query.where(f.name, 'ilike', `%${v.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    }
  }
  return query;
}

/** a search counts its hits up to this many and says "more" beyond: nobody pages through fifty pages of hits, and counting a million costs seconds */
export const SEARCH_COUNT_CAP = 1_000;

export interface ListPage {
  items: LedgerRecord[];
  total: number;
  /** a search with more hits than SEARCH_COUNT_CAP: `total` is the cap */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** the text fields that name a record (案号, 名称, 案由): a search equal to one of them is the record looked for */
function exactTitleFields(l: LedgerDef): string[] {
  return l.titleFields.filter((n) => l.fields.some((f) => f.name === n && f.type === 'text' && !f.personal));
}

/** the same query without its search words */
function withoutWords(q: ListQuery): ListQuery {
  const rest = { ...q };
  delete rest.q;
  return rest;
}

async function cappedCount(ctx: Ctx, query: ReturnType<typeof scopedQuery>, cap: number): Promise<number> {
  const r = await ledgerDb(ctx)
    .selectFrom(query.select(sql<number>`1`.as('one')).limit(cap + 1).as('hits'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * a keyword search without a chosen order, ranked: the records whose 案号 or name equals the words typed come
 * first, then every other hit of the full-text index, newest entered first (the primary key: a top-20 the
 * database reads off the index whatever the number of hits). Hits are counted up to SEARCH_COUNT_CAP.
 */
async function searchRecords(ctx: Ctx, l: LedgerDef, q: ListQuery, text: string, registry: LedgerRegistry): Promise<ListPage> {
  const cols = exactTitleFields(l);
  const exact = cols.length ? sql<boolean>`(${sql.join(cols.map((c) => sql`${sql.ref(c)} = ${text}`), sql` or `)})` : sql<boolean>`false`;
  const exactQuery = scopedQuery(ctx, l, withoutWords(q)).where(exact);
  const restQuery = scopedQuery(ctx, l, q).where(sql<boolean>`${exact} is not true`);
  const exactTotal = cols.length ? await cappedCount(ctx, exactQuery, SEARCH_COUNT_CAP) : 0;
  const restTotal = await cappedCount(ctx, restQuery, SEARCH_COUNT_CAP);
  const from = (q.page - 1) * q.pageSize;
  const rows: Row[] = [];
  if (from < exactTotal) rows.push(...(await exactQuery.select(shownColumns(l)).orderBy('id', 'desc').limit(q.pageSize).offset(from).execute()));
  if (rows.length < q.pageSize) rows.push(...(await restQuery.select(shownColumns(l)).orderBy('id', 'desc').limit(q.pageSize - rows.length).offset(Math.max(0, from - exactTotal)).execute()));
  const names = await orgNames(ctx);
  const refs = await refTitles(ctx, l, rows, registry);
  const capped = exactTotal + restTotal > SEARCH_COUNT_CAP;
  return { items: rows.map((r, i) => present(ctx, l, r, names, refs[i])), total: Math.min(exactTotal + restTotal, SEARCH_COUNT_CAP), ...(capped ? { totalCapped: true } : {}), page: q.page, pageSize: q.pageSize };
}

export async function listRecords(ctx: Ctx, l: LedgerDef, q: ListQuery, registry: LedgerRegistry): Promise<ListPage> {
  checkListQuery(l, q);
  if (q.q && !q.sort && queryTerms(q.q).length) return searchRecords(ctx, l, q, q.q.trim(), registry);
  const base = scopedQuery(ctx, l, q);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sortField = q.sort && (l.fields.some((f) => f.name === q.sort && !f.personal) || ['id', 'created_at', 'updated_at'].includes(q.sort)) ? q.sort : (l.defaultSort?.field ?? 'id');
  const order = q.order ?? l.defaultSort?.dir ?? 'desc';
  const rows: Row[] = await base.selectAll().orderBy(sql`${sql.ref(sortField)} ${sql.raw(order === 'asc' ? 'asc' : 'desc')} nulls last`).orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const names = await orgNames(ctx);
  const refs = await refTitles(ctx, l, rows, registry);
  return { items: rows.map((r, i) => present(ctx, l, r, names, refs[i])), total, page: q.page, pageSize: q.pageSize };
}

export async function loadRow(ctx: Ctx, l: LedgerDef, id: number): Promise<Row> {
  const row = (await ledgerDb(ctx).selectFrom(l.table).selectAll().where('id', '=', id).where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound(l.noun);
  return row;
}

export async function getRecord(ctx: Ctx, l: LedgerDef, id: number, registry: LedgerRegistry): Promise<LedgerRecord> {
  const row = await loadRow(ctx, l, id);
  const [refs] = await refTitles(ctx, l, [row], registry);
  const record = present(ctx, l, row, await orgNames(ctx), refs);
  if (!l.fieldLocks) return record;
  const lockedFields: Record<string, string> = {};
  for (const lock of await l.fieldLocks(ctx, row)) for (const name of lock.fields) lockedFields[name] = lock.reason;
  return { ...record, lockedFields };
}

/** values as the audit log keeps them: personal data masked, never in the clear */
function auditValues(l: LedgerDef, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => {
    const f = l.fields.find((x) => x.name === k);
    return [k, f?.personal && typeof v === 'string' ? mask(v, f.personal) : v];
  }));
}

function storable(ctx: Ctx, l: LedgerDef, values: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(values)) {
    const f = l.fields.find((x) => x.name === k);
    // a counted figure or a generated column is the database's to write
    if (!f || isKeptByDatabase(f)) continue;
    if (f.personal && v !== null && v !== undefined) {
      out[k] = ctx.cipher.encrypt(String(v));
      if (hasBlindIndex(f)) out[`${k}_bidx`] = ctx.cipher.blindIndex(String(v));
    } else if (f.personal && hasBlindIndex(f)) {
      out[k] = null;
      out[`${k}_bidx`] = null;
    } else out[k] = f.type === 'dicts' && v !== null ? JSON.stringify(v) : v;
  }
  return out;
}

function searchOf(l: LedgerDef, values: Record<string, unknown>): string {
  return searchText(l.fields.filter((f) => f.searchable && !f.personal).map((f) => {
    // personal data inside free text is not a search term: the public full-text search must not find it
    const v = f.redact && typeof values[f.name] === 'string' ? redactText(String(values[f.name]), { names: knownNames(l, values) }) : values[f.name];
    return Array.isArray(v) ? v.join(' ') : v === null || v === undefined ? null : String(v);
  }));
}

async function checkRefsAndUnique(ctx: Ctx, l: LedgerDef, values: Record<string, unknown>, orgCode: string, registry: LedgerRegistry, selfId?: number): Promise<void> {
  await assertOrgLevel(ctx, l, orgCode);
  const errors = [];
  for (const f of l.fields) {
    const v = values[f.name];
    if (f.type === 'ref' && v !== null && v !== undefined && f.ref) {
      const target = registry.get(f.ref);
      const found = target ? await ledgerDb(ctx).selectFrom(target.table).select('id').where('id', '=', Number(v)).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'active').executeTakeFirst() : undefined;
      if (!found) errors.push({ path: f.name, label: f.label, message: `${f.label}：所选记录不存在或无权使用` });
    }
  }
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('；'), errors);
  const taken = [];
  for (const u of l.uniqueFields ?? []) {
    const v = values[u];
    if (v === null || v === undefined) continue;
    let q = ledgerDb(ctx).selectFrom(l.table).select('id').where('org_code', '=', orgCode).where(u, '=', v).where('status', '=', 'active');
    if (selfId) q = q.where('id', '<>', selfId);
    if (await q.executeTakeFirst()) {
      const label = l.fields.find((f) => f.name === u)?.label ?? u;
      taken.push({ path: u, label, message: `${label}：${String(v)} 已存在` });
    }
  }
  // the same answer the unique index gives when two requests race past this check: 409
  if (taken.length) throw new AppError('conflict', `已存在相同的${taken.map((e) => e.label).join('、')}：${taken.map((e) => e.message).join('；')}`, taken);
}

export function resolveOrg(ctx: Ctx, requested: unknown): string {
  const code = typeof requested === 'string' && requested ? requested : ctx.scope.root;
  if (!inScope(ctx, code)) throw new AppError('validation_failed', '所属单位不在管辖范围内', [{ path: 'orgCode', label: '所属单位', message: '所属单位：不在管辖范围内' }]);
  return code;
}

/**
 * fields copied from referenced records (FieldDef.copiedFrom): taken from the record the ref points at when the
 * ref is new or changed (or the copy is still empty), otherwise kept as stored; what the user typed is ignored
 */
export async function withCopies(ctx: Ctx, l: LedgerDef, registry: LedgerRegistry, values: Record<string, unknown>, before?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const copies = l.fields.filter((f) => f.copiedFrom);
  if (!copies.length) return values;
  const out = { ...values };
  for (const refField of new Set(copies.map((f) => f.copiedFrom?.ref ?? ''))) {
    const fields = copies.filter((f) => f.copiedFrom?.ref === refField);
    const target = registry.get(l.fields.find((f) => f.name === refField)?.ref ?? '');
    const id = out[refField];
    const fresh = !before || String(before[refField] ?? '') !== String(id ?? '') || fields.some((f) => before[f.name] === null || before[f.name] === undefined);
    if (!fresh) {
      for (const f of fields) out[f.name] = before[f.name] ?? null;
      continue;
    }
    const row = id === null || id === undefined || !target ? undefined : ((await ledgerDb(ctx).selectFrom(target.table).selectAll().where('id', '=', Number(id)).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'active').executeTakeFirst()) as Row | undefined);
    for (const f of fields) {
      const v = row?.[f.copiedFrom?.field ?? ''];
      out[f.name] = v === null || v === undefined ? null : f.type === 'decimal' || f.type === 'int' ? Number(v) : v;
    }
  }
  return out;
}

/** fields that follow from others (a workflow's computeFields), applied on every create, edit and import */
export function withComputed(l: LedgerDef, values: Record<string, unknown>): Record<string, unknown> {
  const compute = l.workflow?.computeFields;
  const counted = withNameCounts(l, values);
  return compute ? { ...counted, ...compute(counted) } : counted;
}

export async function createRecord(ctx: Ctx, l: LedgerDef, input: Record<string, unknown>, registry: LedgerRegistry, opts: { auditAction?: string; duplicates?: 'ask' } = {}): Promise<LedgerRecord> {
  // system numbers (案号, 登记号): never typed, given out here in this transaction
  refuseTypedNumbers(ctx, l, input);
  input = await withCreateNumbers(ctx, l, input, resolveOrg(ctx, input['orgCode']));
  assertNoCorrectionFields(ctx, l, input, 'new', null);
  await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
  const typedCounts = countedRefusals(l, input, null);
  if (typedCounts.length) throw new AppError('validation_failed', `以下字段有误：${typedCounts.map((e) => e.label).join('、')}`, typedCounts);
  const validated = validateRecord(l, withoutCounted(l, input));
  // workflow-owned and derived fields: not from the create form (decision 0011)
  if (l.workflow) await guardCreate(ctx, l, validated.values, typeof input['orgCode'] === 'string' ? input['orgCode'] : null);
  const errors = validated.errors;
  const values = errors.length ? validated.values : withComputed(l, await withCopies(ctx, l, registry, validated.values));
  const all = [...errors, ...checkRetired(l, values), ...(errors.length ? [] : checkRules(l, values))];
  if (all.length) throw new AppError('validation_failed', `以下字段有误：${all.map((e) => e.label).join('、')}`, all);
  const orgCode = resolveOrg(ctx, input['orgCode']);
  await checkRefsAndUnique(ctx, l, values, orgCode, registry);
  // the same case typed in twice: saved only once the user confirms it is not a repeat (issue #22)
  if (opts.duplicates === 'ask') await assertNotDuplicate(ctx, l, values, orgCode, input['confirmDuplicate'] === true);
  const row = (await ledgerDb(ctx)
    .insertInto(l.table)
    .values({ ...storable(ctx, l, values), org_code: orgCode, search_text: searchOf(l, values), search_tsv: sql`to_tsvector('simple', ${searchOf(l, values)})`, created_by: ctx.actor.username, updated_by: ctx.actor.username, created_at: ctx.now, updated_at: ctx.now })
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
  await audit(ctx, { entity: l.name, entityId: Number(row['id']), action: opts.auditAction ?? 'create', orgCode, diff: diffFields(null, auditValues(l, values)) });
  // workflow: the initial state and the clocks that start on creation (imported records are taken in by the daily scan)
  if (l.workflow) await (await import('../workflow/workflow.service.ts')).onRecordCreated(ctx, l, Number(row['id']));
  return getRecord(ctx, l, Number(row['id']), registry);
}

/** opts.transition: the edit a workflow transition makes of the fields it captures (the only writer of owned fields) */
/** a plain edit changing a field a step has fixed (LedgerDef.fieldLocks): refused whole, naming each field and why */
async function guardFieldLocks(ctx: Ctx, l: LedgerDef, row: Row, before: Readonly<Record<string, unknown>>, input: Readonly<Record<string, unknown>>): Promise<void> {
  const errors: FieldError[] = [];
  for (const lock of (await l.fieldLocks?.(ctx, row)) ?? []) {
    for (const name of lock.fields) {
      const f = l.fields.find((x) => x.name === name);
      if (!f || !(name in input) || sameValue(f, input[name], before[name])) continue;
      errors.push({ path: name, label: f.label, message: `${f.label}：${lock.reason}` });
    }
  }
  if (errors.length) throw new AppError('conflict', errors.map((e) => e.message).join('；'), errors);
}

export async function updateRecord(ctx: Ctx, l: LedgerDef, id: number, input: Record<string, unknown>, registry: LedgerRegistry, opts: { transition?: string; counted?: Readonly<Record<string, number | null>> } = {}): Promise<LedgerRecord> {
  const row = await loadRow(ctx, l, id);
  if (row['status'] === 'withdrawn') throw new AppError('conflict', `该${l.noun}已撤销，不能修改`);
  // a closed or published record changes only through 更正 (server/platform/ledger/correction.service.ts)
  await assertEditable(ctx, l, row, input);
  const version = Number(input['version']);
  if (!Number.isInteger(version)) throw new AppError('validation_failed', '缺少版本号', [{ path: 'version', label: '版本号', message: '版本号：必填' }]);
  if (version !== Number(row['version'])) throw new AppError('stale_version', `该${l.noun}已被他人修改（当前版本 ${String(row['version'])}），请刷新后重新编辑`);
  const before: Record<string, unknown> = {};
  for (const f of l.fields) before[f.name] = decrypt(ctx, f, row[f.name]);
  if (l.fieldLocks && !opts.transition) await guardFieldLocks(ctx, l, row, before, input);
  refuseTypedNumbers(ctx, l, input, { ...before, id });
  await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
  const typedCounts = countedRefusals(l, input, before);
  if (typedCounts.length) throw new AppError('validation_failed', `以下字段有误：${typedCounts.map((e) => e.label).join('、')}`, typedCounts);
  const validated = validateRecord(l, withoutCounted(l, input), { partial: true });
  // the figures a transition's step counted in this transaction (peer-counts.ts): the system's, never the input's
  if (opts.transition && opts.counted) Object.assign(validated.values, opts.counted);
  // a correction (更正) re-records step fields on purpose and sends the record back through their review
  if (l.workflow && !opts.transition && !inCorrection(ctx)) await guardUpdate(ctx, l, id, validated.values, before, String(row['org_code']));
  const errors = validated.errors;
  const computed = errors.length ? {} : withComputed(l, await withCopies(ctx, l, registry, { ...before, ...validated.values }, before));
  const changedByRule = Object.fromEntries(Object.entries(computed).filter(([k, v]) => l.fields.some((f) => f.name === k) && JSON.stringify(v) !== JSON.stringify(before[k])));
  // a copied field is never what the input says: drop the input's value when the copy stays as stored
  const typed = Object.fromEntries(Object.entries(validated.values).filter(([k]) => !l.fields.some((f) => f.name === k && f.copiedFrom)));
  const values = errors.length ? validated.values : { ...typed, ...changedByRule };
  const merged = { ...before, ...values };
  const all = [...errors, ...checkRetired(l, values, before), ...(errors.length ? [] : checkRules(l, merged))];
  if (all.length) throw new AppError('validation_failed', `以下字段有误：${all.map((e) => e.label).join('、')}`, all);
  const orgCode = input['orgCode'] !== undefined ? resolveOrg(ctx, input['orgCode']) : String(row['org_code']);
  await checkRefsAndUnique(ctx, l, merged, orgCode, registry, id);
  const diff = diffFields(auditValues(l, before), auditValues(l, merged));
  if (orgCode !== row['org_code']) diff['org_code'] = { from: row['org_code'], to: orgCode };
  if (Object.keys(diff).length === 0) return getRecord(ctx, l, id, registry);
  const text = searchOf(l, merged);
  const res = await ledgerDb(ctx)
    .updateTable(l.table)
    .set({ ...storable(ctx, l, values), org_code: orgCode, search_text: text, search_tsv: sql`to_tsvector('simple', ${text})`, updated_by: ctx.actor.username, updated_at: ctx.now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('stale_version', `该${l.noun}已被他人修改，请刷新后重新编辑`);
  await audit(ctx, { entity: l.name, entityId: id, action: 'update', orgCode, diff });
  if (l.workflow) await (await import('../workflow/workflow.service.ts')).onRecordUpdated(ctx, l, id);
  return getRecord(ctx, l, id, registry);
}

export async function withdrawRecord(ctx: Ctx, l: LedgerDef, id: number, reason: string, registry: LedgerRegistry): Promise<LedgerRecord> {
  const row = await loadRow(ctx, l, id);
  if (row['status'] === 'withdrawn') throw new AppError('conflict', `该${l.noun}已撤销`);
  await assertEditable(ctx, l, row, null);
  await ledgerDb(ctx).updateTable(l.table).set({ status: 'withdrawn', withdrawn_reason: reason, withdrawn_at: ctx.now, withdrawn_by: ctx.actor.username, updated_at: ctx.now, updated_by: ctx.actor.username, version: Number(row['version']) + 1 }).where('id', '=', id).execute();
  await audit(ctx, { entity: l.name, entityId: id, action: 'withdraw', orgCode: String(row['org_code']), diff: { status: { from: 'active', to: 'withdrawn' }, reason } });
  return getRecord(ctx, l, id, registry);
}

/**
 * the same withdrawal of several records, all or none: a record that cannot be withdrawn (locked, already withdrawn,
 * not the user's) is named with the reason, and the transaction leaves every other record as it was
 */
export async function withdrawMany(ctx: Ctx, l: LedgerDef, ids: readonly number[], reason: string, registry: LedgerRegistry): Promise<{ withdrawn: number }> {
  const unique = [...new Set(ids)];
  const refused: Array<{ path: string; label: string; message: string }> = [];
  for (const id of unique) {
    try {
      await withdrawRecord(ctx, l, id, reason, registry);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refused.push({ path: `ids.${unique.indexOf(id)}`, label: `记录 ${id}`, message: `记录 ${id}：${e.message}` });
    }
  }
  if (refused.length) throw new AppError('conflict', `以下${refused.length}条${l.noun}不能撤销，所选记录均未撤销：${refused.map((r) => r.message).join('；')}`, refused);
  return { withdrawn: unique.length };
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  diff: unknown;
}

/** the record's history, read from the audit log (the only place it is kept) */
export async function recordHistory(ctx: Ctx, l: LedgerDef, id: number): Promise<HistoryEntry[]> {
  const row = await loadRow(ctx, l, id);
  const rows = await (ctx.tx as Kysely<Database>).selectFrom('audit_log').select(['at', 'actor_name', 'action', 'diff']).where('entity', '=', l.name).where('entity_id', '=', String(id)).orderBy('id').execute();
  const shown = can(ctx, perm(l, 'personal')) ? (d: unknown) => d : (d: unknown) => redactDiff(l, d, knownNames(l, row, ctx.cipher));
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actor: r.actor_name, action: r.action, diff: shown(r.diff) }));
}

/** fields as the web app needs them to draw lists, filters and forms */
export function ledgerMeta(ctx: Ctx, l: LedgerDef) {
  return {
    name: l.name,
    label: l.label,
    noun: l.noun,
    module: l.module,
    dateField: l.dateField ?? null,
    defaultSort: l.defaultSort ?? { field: 'id', dir: 'desc' },
    states: stateOptions(l),
    // a field the system fills (a number, a computed value) is never required of the form
    fields: l.fields.map((f) => ({ ...f, options: f.options ? [...fieldOptions(f)] : undefined, ...ownershipMeta(l, f.name), ...(f.numbered || (l.workflow && derivedFields(l.workflow).has(f.name)) ? { required: false } : {}), ...(isCountedField(f) ? { required: false, derived: `由系统${countedHow(f)}` } : {}) })),
    can: Object.fromEntries((['read', 'create', 'update', 'withdraw', 'export', 'import', 'personal'] as const).map((a) => [a, can(ctx, perm(l, a))])),
  };
}

/**
 * inserts many validated records (an import) in batches; references and unique fields are checked
 * for the whole batch first, so either every row goes in or the errors name each bad row
 */
/**
 * what would stop rows being inserted as they stand: links to records that are not there or not the user's, a unique
 * value taken (in the file or in the ledger), a unit of the wrong level. The import's dry run and the insert ask the
 * same question, so a file the dry run passes is one the import takes.
 */
export async function importConflicts(ctx: Ctx, l: LedgerDef, items: ReadonlyArray<{ row: number; values: Record<string, unknown>; orgCode: string | null }>, registry: LedgerRegistry): Promise<Array<{ row: number; column: string; message: string }>> {
  const errors: Array<{ row: number; column: string; message: string }> = [];
  for (const f of l.fields) {
    if (f.type !== 'ref' || !f.ref) continue;
    const target = registry.get(f.ref);
    const wanted = [...new Set(items.map((i) => i.values[f.name]).filter((v) => v !== null && v !== undefined).map(Number))];
    if (!wanted.length || !target) continue;
    const found = new Set((await ledgerDb(ctx).selectFrom(target.table).select('id').where('id', 'in', wanted).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'active').execute()).map((r: Row) => Number(r['id'])));
    for (const i of items) {
      const v = i.values[f.name];
      if (v !== null && v !== undefined && !found.has(Number(v))) errors.push({ row: i.row, column: f.label, message: `关联记录 ${String(v)} 不存在或无权使用` });
    }
  }
  for (const u of l.uniqueFields ?? []) {
    const label = l.fields.find((f) => f.name === u)?.label ?? u;
    const seen = new Map<string, number>();
    for (const i of items) {
      const v = i.values[u];
      if (v === null || v === undefined) continue;
      const key = `${i.orgCode ?? ctx.scope.root}|${String(v)}`;
      const first = seen.get(key);
      if (first) errors.push({ row: i.row, column: label, message: `${String(v)} 与第${first}行重复` });
      else seen.set(key, i.row);
    }
    const values = [...new Set(items.map((i) => i.values[u]).filter((v) => v !== null && v !== undefined))];
    for (let k = 0; k < values.length; k += 1000) {
      const existing = await ledgerDb(ctx).selectFrom(l.table).select(['org_code', u]).where(u, 'in', values.slice(k, k + 1000)).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'active').execute();
      const taken = new Set(existing.map((r: Row) => `${String(r['org_code'])}|${String(r[u])}`));
      for (const i of items) if (taken.has(`${i.orgCode ?? ctx.scope.root}|${String(i.values[u])}`)) errors.push({ row: i.row, column: label, message: `${String(i.values[u])} 已存在` });
    }
  }
  if (l.orgLevels) {
    const levels = await orgLevels(ctx, items.map((i) => i.orgCode ?? ctx.scope.root));
    for (const i of items) {
      const message = levelRefusal(l, levels.get(i.orgCode ?? ctx.scope.root));
      if (message) errors.push({ row: i.row, column: '所属单位', message });
    }
  }
  return errors;
}

export async function insertMany(ctx: Ctx, l: LedgerDef, items: Array<{ row: number; values: Record<string, unknown>; orgCode: string | null }>, registry: LedgerRegistry, action = 'import'): Promise<{ ids: number[]; errors: Array<{ row: number; column: string; message: string }> }> {
  await prepareDerived(ctx, l);
  const errors = await importConflicts(ctx, l, items, registry);
  if (errors.length) return { ids: [], errors };
  // rows without their system number get the next one (rows with one keep it)
  await withImportNumbers(ctx, l, items);
  const copied = [];
  for (const i of items) copied.push({ ...i, values: withComputed(l, await withCopies(ctx, l, registry, i.values)) });
  items = copied;
  // the rules again, now that copied fields hold what the referenced records say
  if (l.fields.some((f) => f.copiedFrom)) {
    for (const i of items) for (const e of checkRules(l, i.values)) errors.push({ row: i.row, column: e.label ?? e.path, message: e.message });
    if (errors.length) return { ids: [], errors };
  }
  const ids: number[] = [];
  for (let k = 0; k < items.length; k += 500) {
    const chunk = items.slice(k, k + 500);
    const rows = chunk.map((i) => {
      const text = searchOf(l, i.values);
      return { ...storable(ctx, l, i.values), org_code: i.orgCode ?? ctx.scope.root, search_text: text, search_tsv: sql`to_tsvector('simple', ${text})`, created_by: ctx.actor.username, updated_by: ctx.actor.username, created_at: ctx.now, updated_at: ctx.now };
    });
    const inserted = (await ledgerDb(ctx).insertInto(l.table).values(rows).returning(['id', 'org_code']).execute()) as Row[];
    ids.push(...inserted.map((r) => Number(r['id'])));
    await auditMany(ctx, inserted.map((r, n) => ({ entity: l.name, entityId: Number(r['id']), action, orgCode: String(r['org_code']), diff: diffFields(null, auditValues(l, chunk[n]?.values ?? {})) })));
  }
  return { ids, errors: [] };
}
