import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { mask } from '../crypto/mask.ts';
import { hasBlindIndex } from './ledger.schema.ts';
import type { FieldDef, LedgerDef } from './ledger.types.ts';

/** an active record of the same unit that a new one likely repeats (LedgerDef.duplicateKeys) */
export interface LikelyDuplicate {
  id: number;
  title: string;
  /** the record's date (its ledger's dateField), else the day it was registered */
  on: string | null;
  /** the labels of the fields it has in common with the new record */
  matchedBy: string[];
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && v ? v.slice(0, 10) : null);

/**
 * the active records of `orgCode` holding the same values as `values` in all fields of one of the ledger's
 * duplicate keys (a personal field compared by its blind index, never decrypted); a key with a blank field is not
 * compared. At most 5 records per key, newest first.
 */
export async function likelyDuplicates(ctx: Ctx, l: LedgerDef, values: Readonly<Record<string, unknown>>, orgCode: string, selfId?: number): Promise<LikelyDuplicate[]> {
  const found = new Map<number, LikelyDuplicate>();
  const db = ctx.tx as unknown as Kysely<Database>;
  for (const key of l.duplicateKeys ?? []) {
    if (key.some((n) => blank(values[n]))) continue;
    const fields = key.map((n) => l.fields.find((f) => f.name === n)).filter((f) => f !== undefined);
    const conds = fields.map((f) => {
      const v = values[f.name];
      if (f.personal && hasBlindIndex(f)) return sql`${sql.ref(`${f.name}_bidx`)} = ${ctx.cipher.blindIndex(String(v))}`;
      if (f.type === 'dicts') return sql`${sql.ref(f.name)}::jsonb = ${JSON.stringify(v)}::jsonb`;
      if (f.type === 'text' || f.type === 'textarea') return sql`btrim(${sql.ref(f.name)}) = ${String(v).trim()}`;
      return sql`${sql.ref(f.name)} = ${v as string}`;
    });
    const titles = l.titleFields.filter((n) => !l.fields.find((f) => f.name === n)?.personal);
    const dateCol = l.dateField ?? 'created_at';
    const rows = (
      await sql<Record<string, unknown>>`
      select id, ${sql.ref(dateCol)} as on_day${titles.length ? sql`, ${sql.join(titles.map((n) => sql.ref(n)))}` : sql``} from ${sql.table(l.table)}
      where org_code = ${orgCode} and status = 'active' and ${sql.join(conds, sql` and `)}${selfId ? sql` and id <> ${selfId}` : sql``}
      order by id desc limit 5`.execute(db)
    ).rows;
    for (const r of rows) {
      const id = Number(r['id']);
      const prior = found.get(id);
      const labels = fields.map((f) => f.label);
      if (prior) prior.matchedBy = [...new Set([...prior.matchedBy, ...labels])];
      else found.set(id, { id, title: titles.map((n) => r[n]).filter((v) => !blank(v)).map(String).join(' · ') || `记录 ${id}`, on: day(r['on_day']), matchedBy: labels });
    }
  }
  return [...found.values()].sort((a, b) => b.id - a.id);
}

/** what a likely duplicate's problem says: “可能重复：已有相同当事人名称、登记日期的案件 3 条（…）” */
export function duplicateMessage(l: LedgerDef, values: Readonly<Record<string, unknown>>, dups: readonly LikelyDuplicate[], hint = '确认不是重复登记的，可选择“确认不是重复，仍然保存”'): string {
  const by = [...new Set(dups.flatMap((d) => d.matchedBy))];
  return `可能重复：已有${by.map((b) => `${b}为“${shownValue(l, values, b)}”`).join('、')}的${l.noun}${dups.length}条（${dups.map((d) => `${d.title}${d.on ? `，${d.on}` : ''}`).join('；')}）。${hint}`;
}

/** a compared value as a message may show it: a personal one masked, whatever the reader's role */
function shownValue(l: LedgerDef, values: Readonly<Record<string, unknown>>, label: string): string {
  const f = l.fields.find((x) => x.label === label);
  const v = f ? values[f.name] : undefined;
  return f?.personal && typeof v === 'string' ? mask(v, f.personal) : Array.isArray(v) ? v.join('、') : v instanceof Date ? day(v) ?? '' : String(v ?? '');
}

/** a row of an import that likely repeats a record already kept, or an earlier row of the same file */
export interface ImportDuplicate {
  row: number;
  /** the labels of the fields compared, joined: where the user looks */
  column: string;
  message: string;
}

/**
 * the import's duplicate check (the same keys as a create's): each row that holds the same values as an active
 * record of its unit, or as an earlier row of the file for the same unit, in all fields of one duplicate key.
 * Such a row is a warning, not an error: it is imported only when the user confirmed it is not a repeat. The kept
 * records are read per key in batches (a 10 000-row file is a few queries, not one per row).
 */
export async function importDuplicates(ctx: Ctx, l: LedgerDef, rows: ReadonlyArray<{ row: number; values: Record<string, unknown>; orgCode: string | null }>): Promise<ImportDuplicate[]> {
  if (!l.duplicateKeys?.length) return [];
  const kept = await keptMatches(ctx, l, rows);
  const out: ImportDuplicate[] = [];
  const seen = new Map<string, number>();
  const hint = '确认不是重复的，可勾选“经核对不是重复，一并导入”';
  for (const r of rows) {
    const dups = kept.get(r.row) ?? [];
    if (dups.length) {
      out.push({ row: r.row, column: [...new Set(dups.flatMap((d) => d.matchedBy))].join('、'), message: duplicateMessage(l, r.values, dups, hint) });
      continue;
    }
    for (const key of l.duplicateKeys) {
      const id = rowKey(ctx, l, key, r.values, r.orgCode ?? ctx.scope.root);
      if (id === null) continue;
      const earlier = seen.get(id);
      if (earlier === undefined) {
        seen.set(id, r.row);
        continue;
      }
      const labels = key.map((n) => l.fields.find((f) => f.name === n)?.label ?? n);
      out.push({ row: r.row, column: labels.join('、'), message: `可能重复：与本表第 ${earlier} 行的${labels.map((b) => `${b}（“${shownValue(l, r.values, b)}”）`).join('、')}相同。${hint}` });
      break;
    }
  }
  return out;
}

/** a field's value as the duplicate check compares it, from a form or file value (`fromRow` false) or a stored row */
function norm(ctx: Ctx, f: FieldDef, v: unknown, fromRow: boolean, row?: Readonly<Record<string, unknown>>): string {
  if (f.personal && hasBlindIndex(f)) return fromRow ? String(row?.[`${f.name}_bidx`] ?? '') : ctx.cipher.blindIndex(String(v));
  if (f.type === 'dicts') return JSON.stringify(typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
  if (f.type === 'date') return day(v) ?? '';
  if (f.type === 'int' || f.type === 'decimal') return String(Number(v));
  return String(v).trim();
}

/** one key's values of a row for its unit, as one string; null when a field of the key is blank */
function rowKey(ctx: Ctx, l: LedgerDef, key: readonly string[], values: Readonly<Record<string, unknown>>, orgCode: string): string | null {
  if (key.some((n) => blank(values[n]))) return null;
  const fields = key.map((n) => l.fields.find((f) => f.name === n)).filter((f) => f !== undefined);
  return JSON.stringify([orgCode, key, fields.map((f) => norm(ctx, f, values[f.name], false))]);
}

/** per row of an import: the active records of its unit it likely repeats (as likelyDuplicates, read in batches) */
async function keptMatches(ctx: Ctx, l: LedgerDef, rows: ReadonlyArray<{ row: number; values: Record<string, unknown>; orgCode: string | null }>): Promise<Map<number, LikelyDuplicate[]>> {
  const out = new Map<number, LikelyDuplicate[]>();
  const db = ctx.tx as unknown as Kysely<Database>;
  const titles = l.titleFields.filter((n) => !l.fields.find((f) => f.name === n)?.personal);
  const dateCol = l.dateField ?? 'created_at';
  for (const key of l.duplicateKeys ?? []) {
    const fields = key.map((n) => l.fields.find((f) => f.name === n)).filter((f) => f !== undefined);
    const pivot = fields.find((f) => f.type !== 'dicts');
    const live = rows.filter((r) => !key.some((n) => blank(r.values[n])));
    if (!pivot || !live.length) continue;
    const orgs = [...new Set(live.map((r) => r.orgCode ?? ctx.scope.root))];
    const probes = [...new Set(live.map((r) => (pivot.personal && hasBlindIndex(pivot) ? ctx.cipher.blindIndex(String(r.values[pivot.name])) : pivot.type === 'text' || pivot.type === 'textarea' ? String(r.values[pivot.name]).trim() : (r.values[pivot.name] as string))))];
    const column = pivot.personal && hasBlindIndex(pivot) ? sql.ref(`${pivot.name}_bidx`) : pivot.type === 'text' || pivot.type === 'textarea' ? sql`btrim(${sql.ref(pivot.name)})` : sql.ref(pivot.name);
    const cols = [...new Set(['id', 'org_code', ...titles, ...fields.map((f) => (f.personal && hasBlindIndex(f) ? `${f.name}_bidx` : f.name))])];
    const byKey = new Map<string, Array<Record<string, unknown>>>();
    for (let k = 0; k < probes.length; k += 1000) {
      const found = (
        await sql<Record<string, unknown>>`
        select ${sql.join(cols.map((c) => sql.ref(c)))}, ${sql.ref(dateCol)} as on_day from ${sql.table(l.table)}
        where status = 'active' and org_code in (${sql.join(orgs)}) and ${column} in (${sql.join(probes.slice(k, k + 1000))})`.execute(db)
      ).rows;
      for (const r of found) {
        const id = JSON.stringify([String(r['org_code']), key, fields.map((f) => norm(ctx, f, r[f.name], true, r))]);
        byKey.set(id, [...(byKey.get(id) ?? []), r]);
      }
    }
    const labels = fields.map((f) => f.label);
    for (const r of live) {
      const id = rowKey(ctx, l, key, r.values, r.orgCode ?? ctx.scope.root);
      const hits = id === null ? [] : (byKey.get(id) ?? []).sort((a, b) => Number(b['id']) - Number(a['id'])).slice(0, 5);
      if (!hits.length) continue;
      const list = out.get(r.row) ?? [];
      for (const h of hits) {
        const prior = list.find((d) => d.id === Number(h['id']));
        if (prior) prior.matchedBy = [...new Set([...prior.matchedBy, ...labels])];
        else list.push({ id: Number(h['id']), title: titles.map((n) => h[n]).filter((v) => !blank(v)).map(String).join(' · ') || `记录 ${String(h['id'])}`, on: day(h['on_day']), matchedBy: labels });
      }
      out.set(r.row, list.sort((a, b) => b.id - a.id));
    }
  }
  return out;
}


/**
 * refuses a create that likely repeats a record already kept (409 possible_duplicate naming the fields and the
 * records), unless the user confirmed it is not a repeat
 */
export async function assertNotDuplicate(ctx: Ctx, l: LedgerDef, values: Readonly<Record<string, unknown>>, orgCode: string, confirmed: boolean): Promise<void> {
  if (!l.duplicateKeys?.length || confirmed) return;
  const dups = await likelyDuplicates(ctx, l, values, orgCode);
  if (!dups.length) return;
  const by = [...new Set(dups.flatMap((d) => d.matchedBy))];
  const fields = l.fields.filter((f) => by.includes(f.label));
  const e = new AppError('possible_duplicate', duplicateMessage(l, values, dups), fields.map((f) => ({ path: f.name, label: f.label, message: `${f.label}：与已有${l.noun}相同，可能重复` })));
  e.data = { duplicates: dups };
  throw e;
}
