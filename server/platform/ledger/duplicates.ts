import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { mask } from '../crypto/mask.ts';
import { hasBlindIndex } from './ledger.schema.ts';
import type { LedgerDef } from './ledger.types.ts';

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
export function duplicateMessage(l: LedgerDef, values: Readonly<Record<string, unknown>>, dups: readonly LikelyDuplicate[]): string {
  const by = [...new Set(dups.flatMap((d) => d.matchedBy))];
  const shown = (name: string): string => {
    const f = l.fields.find((x) => x.label === name);
    const v = f ? values[f.name] : undefined;
    return f?.personal && typeof v === 'string' ? mask(v, f.personal) : Array.isArray(v) ? v.join('、') : String(v ?? '');
  };
  return `可能重复：已有${by.map((b) => `${b}为“${shown(b)}”`).join('、')}的${l.noun}${dups.length}条（${dups.map((d) => `${d.title}${d.on ? `，${d.on}` : ''}`).join('；')}）。确认不是重复登记的，可选择“确认不是重复，仍然保存”`;
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
