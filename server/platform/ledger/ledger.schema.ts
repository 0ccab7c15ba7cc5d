import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { countedDdl, reachedColumnDdl } from './counted-fields.ts';
import type { FieldDef, LedgerDef } from './ledger.types.ts';

export function columnType(f: FieldDef): string {
  if (f.personal) return 'text';
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'phone':
    case 'id_number':
    case 'uscc':
    case 'party_id':
      return 'text';
    case 'int':
      return 'integer';
    case 'decimal':
      return 'numeric(18,2)';
    case 'date':
      return 'date';
    case 'bool':
      return 'boolean';
    case 'dict':
      return 'varchar(60)';
    case 'dicts':
      return 'jsonb';
    case 'ref':
      return 'bigint';
  }
}

/** personal identifiers get a keyed digest beside the ciphertext, so an exact match needs no decryption */
export const hasBlindIndex = (f: FieldDef): boolean => !!f.personal && ['id_number', 'uscc', 'party_id', 'phone'].includes(f.type);

/** the columns a record is shown from: every field and the record's own columns, not the search text, its index or the blind indexes, which only the database reads (a third of a case's bytes) */
export function shownColumns(l: LedgerDef): string[] {
  return ['id', 'org_code', 'status', 'state', 'withdrawn_reason', 'withdrawn_at', 'withdrawn_by', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', ...l.fields.map((f) => f.name)];
}

/** the DDL that brings a ledger's table up to its declaration; only ever adds, never drops */
export function ledgerDdl(l: LedgerDef): string[] {
  const t = l.table;
  const out = [
    `create table if not exists ${t} (
      id bigserial primary key,
      org_code varchar(20) not null references org(code),
      status varchar(20) not null default 'active',
      state varchar(40),
      withdrawn_reason text,
      withdrawn_at timestamptz,
      withdrawn_by varchar(64),
      search_text text not null default '',
      search_tsv tsvector,
      created_at timestamptz not null default now(),
      created_by varchar(64) not null,
      updated_at timestamptz not null default now(),
      updated_by varchar(64) not null,
      version integer not null default 1
    )`,
  ];
  for (const f of l.fields) {
    const generated = reachedColumnDdl(l, f);
    if (generated) {
      out.push(generated);
      continue;
    }
    out.push(`alter table ${t} add column if not exists ${f.name} ${columnType(f)}`);
    // a count of records starts at none (the triggers of counted-fields.ts keep it)
    if (f.counted && 'ledger' in f.counted) out.push(`alter table ${t} alter column ${f.name} set default 0`);
    if (hasBlindIndex(f)) out.push(`alter table ${t} add column if not exists ${f.name}_bidx varchar(32)`);
  }
  out.push(`create index if not exists ${t}_org_idx on ${t} (org_code, id)`);
  out.push(`create index if not exists ${t}_status_idx on ${t} (org_code, status)`);
  out.push(`create index if not exists ${t}_tsv_idx on ${t} using gin (search_tsv)`);
  // the 待办 queue and the 办理状态 filter read a workflow ledger's open records by state
  if (l.workflow) out.push(`create index if not exists ${t}_state_idx on ${t} (org_code, state) where status = 'active'`);
  if (l.dateField) out.push(`create index if not exists ${t}_date_idx on ${t} (org_code, ${l.dateField})`);
  for (const f of l.fields) {
    if (f.type === 'ref') out.push(`create index if not exists ${t}_${f.name}_idx on ${t} (${f.name})`);
    if (hasBlindIndex(f)) out.push(`create index if not exists ${t}_${f.name}_bidx_idx on ${t} (${f.name}_bidx)`);
  }
  // a search equal to a record's 案号 or name lists that record first (searchRecords in ledger.service.ts): found by index
  for (const n of l.titleFields) {
    const f = l.fields.find((x) => x.name === n);
    if (f?.type === 'text' && !f.personal) out.push(`create index if not exists ${t}_${n}_title_idx on ${t} (${n})`);
  }
  for (const u of l.uniqueFields ?? []) out.push(`create unique index if not exists ${t}_${u}_uniq on ${t} (org_code, ${u}) where status = 'active'`);
  return out;
}

/** applies each declared ledger's DDL once and records it, like a migration generated from the declaration */
export async function syncLedgerTables(db: Kysely<Database>, ledgers: readonly LedgerDef[]): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(8150003)`.execute(tx);
    const done = new Set((await sql<{ hash: string }>`select hash from ledger_schema`.execute(tx)).rows.map((r) => r.hash));
    const byName = new Map(ledgers.map((l) => [l.name, l]));
    // the counting triggers go on other ledgers' tables: after every table is in place
    const statements = [...ledgers.map((l) => [l, ledgerDdl(l)] as const), ...ledgers.map((l) => [l, countedDdl(l, byName)] as const)];
    for (const [l, ddl] of statements) {
      for (const stmt of ddl) {
        const hash = createHash('sha256').update(stmt.replace(/\s+/g, ' ')).digest('hex');
        if (done.has(hash)) continue;
        await sql.raw(stmt).execute(tx);
        await sql`insert into ledger_schema (hash, ledger, statement) values (${hash}, ${l.name}, ${stmt.replace(/\s+/g, ' ')})`.execute(tx);
        applied.push(`${l.name}: ${stmt.split('\n')[0]}`);
      }
    }
  });
  return applied;
}
