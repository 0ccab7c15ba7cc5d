import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldDef, LedgerDef, PeerCountDef } from './ledger.types.ts';
import { hasBlindIndex } from './ledger.schema.ts';

// a figure a step counts from other records of the same ledger (the applicant's applications this month), decision 0033

export const peerCountOf = (f: FieldDef): PeerCountDef | null => (f.counted && 'peers' in f.counted ? f.counted : null);

/** the peer-counted fields a step counts */
export const peerCountedOn = (l: LedgerDef, step: string): FieldDef[] => l.fields.filter((f) => peerCountOf(f)?.onStep === step);

export interface PeerCount {
  field: string;
  label: string;
  how: string;
  /** the calendar month counted (YYYY-MM), null when the record has no date to count by */
  month: string | null;
  /** the identity fields that matched records (labels), in the declaration's order; empty when the record has none */
  matchedBy: string[];
  count: number;
  /** the records counted, oldest first, this one included */
  records: Array<{ id: number; on: string; state: string | null; title: Record<string, unknown> }>;
}

const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/** the column a record's identity is compared on: the blind index of a personal field (stored encrypted), else the field */
const identityColumn = (l: LedgerDef, name: string): string => {
  const f = l.fields.find((x) => x.name === name);
  return f && hasBlindIndex(f) ? `${name}_bidx` : name;
};

function monthBounds(on: string): { from: string; to: string } {
  const [y, m] = on.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${on.slice(0, 7)}-01`, to: `${on.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

/**
 * counts, for record `id` of `l`, the records its peer-counted field `f` counts: reads what is stored (the blind
 * indexes, never a decrypted value), so it runs the same in a step's transaction and for the page showing the records
 */
export async function countPeers(db: Kysely<Database>, l: LedgerDef, f: FieldDef, id: number): Promise<PeerCount> {
  const def = peerCountOf(f);
  if (!def) throw new Error(`${l.name}.${f.name} is not peer-counted`);
  const cols = def.peers.same.map((n) => ({ name: n, col: identityColumn(l, n) }));
  const dateField = def.peers.period.field;
  const row = (await sql<Record<string, unknown>>`select org_code, ${sql.ref(dateField)} as on_day, ${sql.join(cols.map((c) => sql.ref(c.col)))} from ${sql.table(l.table)} where id = ${id}`.execute(db)).rows[0];
  const on = row ? day(row['on_day']) : null;
  const base: Omit<PeerCount, 'month' | 'matchedBy' | 'count' | 'records'> = { field: f.name, label: f.label, how: def.how };
  if (!row || !on) return { ...base, month: null, matchedBy: [], count: 0, records: [] };
  const keys = cols.filter((c) => row[c.col] !== null && row[c.col] !== undefined && String(row[c.col]).trim() !== '');
  const same = keys.length ? sql.join(keys.map((k) => sql`${sql.ref(k.col)} = ${String(row[k.col])}`), sql` or `) : sql`false`;
  const { from } = monthBounds(on);
  const titles = l.titleFields.filter((n) => !l.fields.find((x) => x.name === n)?.personal);
  const rows = await sql<Record<string, unknown>>`
    select id, ${sql.ref(dateField)} as on_day, state${titles.length ? sql`, ${sql.join(titles.map((n) => sql.ref(n)))}` : sql``} from ${sql.table(l.table)}
    where org_code = ${String(row['org_code'])} and status = 'active'
      and (id = ${id} or ((${same}) and ${sql.ref(dateField)} >= ${from} and (${sql.ref(dateField)} < ${on} or (${sql.ref(dateField)} = ${on} and id < ${id}))))
    order by ${sql.ref(dateField)}, id`.execute(db);
  const labels = new Map(l.fields.map((x) => [x.name, x.label]));
  return {
    ...base,
    month: on.slice(0, 7),
    matchedBy: keys.map((k) => labels.get(k.name) ?? k.name),
    count: rows.rows.length,
    records: rows.rows.map((r) => ({ id: Number(r['id']), on: day(r['on_day']) ?? '', state: (r['state'] as string | null) ?? null, title: Object.fromEntries(titles.map((n) => [n, r[n]])) })),
  };
}

/** the values a step's peer counts give the record (null where the declaration's `when` does not hold) */
export async function stepPeerCounts(db: Kysely<Database>, l: LedgerDef, step: string, id: number, values: Readonly<Record<string, unknown>>): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const f of peerCountedOn(l, step)) {
    const def = peerCountOf(f);
    out[f.name] = def && (!def.when || def.when(values)) ? (await countPeers(db, l, f, id)).count : null;
  }
  return out;
}
