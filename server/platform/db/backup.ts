import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';

const FORMAT = 'fazhi-backup/1';
// the indicator tally is derived from the ledgers: the restored instance recounts it from the restored records; the
// authorisation token is the instance's own (its migration makes it, and the restored roles and units replace it)
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock', 'indicator_tally', 'indicator_tally_spec', 'authz_state']);
// tables that start-up fills (reference data, role catalogue, generated ledger DDL log): the backup's rows replace them
// tables that start-up or a migration fills before any data is entered (supervision_sheet: the default 案卷评查 sheet; evaluation_system: the default indicator systems)
const SEEDED = ['setting', 'role', 'calendar_day', 'calendar_year', 'ledger_schema', 'supervision_sheet', 'evaluation_system', 'enforcement_stats_layout'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- backup walks every table, typed or declared at run time
type AnyDb = Kysely<any>;

/** tables in an order where every referenced table comes first */
async function tablesInOrder(db: AnyDb): Promise<string[]> {
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows
    .map((r) => r.name)
    .filter((t) => !SKIP.has(t));
  const fks = (
    await sql<{ child: string; parent: string }>`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>): void => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const fk of fks) if (fk.child === t && fk.parent !== t) visit(fk.parent, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * writes every row of every table (and the files store) as gzip'd JSON lines; the secret and audit keys go with it, so keep backups safe.
 * All rows are read in one repeatable-read transaction: a backup taken while the server writes is one consistent moment
 * (on the embedded database that transaction holds the single connection, so requests wait until the backup is written).
 */
export async function backup(db: AnyDb, out: string, extras: { secretKey: Buffer; auditKey?: Buffer; filesDir?: string }): Promise<{ tables: number; rows: number; files: number }> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute((tx) => backupIn(tx, out, extras));
}

async function backupIn(db: AnyDb, out: string, extras: { secretKey: Buffer; auditKey?: Buffer; filesDir?: string }): Promise<{ tables: number; rows: number; files: number }> {
  const tables = await tablesInOrder(db);
  const migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
  let rows = 0;
  let files = 0;
  const filesDir = extras.filesDir;
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations, secretKey: extras.secretKey.toString('hex'), ...(extras.auditKey ? { auditKey: extras.auditKey.toString('hex') } : {}) })}\n`;
    for (const t of tables) {
      const cols = (await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = ${t} and is_generated = 'NEVER' order by ordinal_position`.execute(db)).rows;
      yield `${JSON.stringify({ table: t, columns: cols.map((c) => c.column_name), types: cols.map((c) => c.data_type) })}\n`;
      const pk = cols[0]?.column_name ?? '';
      let offset = 0;
      for (;;) {
        const batch = (await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by ${sql.ref(pk)} limit 2000 offset ${offset}`.execute(db)).rows;
        if (batch.length === 0) break;
        for (const r of batch) {
          rows++;
          yield `${JSON.stringify({ r: cols.map((c) => encode(r[c.column_name])) })}\n`;
        }
        offset += batch.length;
      }
    }
    if (filesDir && existsSync(filesDir)) {
      for (const f of walk(filesDir)) {
        files++;
        yield `${JSON.stringify({ file: relative(filesDir, f), data: readFileSync(f).toString('base64') })}\n`;
      }
    }
  }
  // the file holds the key: readable by the owner only, whatever the umask or an older file's mode
  const fh = await open(out, 'w', 0o600);
  await fh.chmod(0o600);
  await pipeline(Readable.from(lines()), createGzip(), fh.createWriteStream());
  return { tables: tables.length, rows, files };
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

function encode(v: unknown): unknown {
  if (v instanceof Date) return { $d: v.toISOString() };
  if (v instanceof Uint8Array) return { $b: Buffer.from(v).toString('base64') };
  return v;
}

function decode(v: unknown, type: string): unknown {
  if (v && typeof v === 'object' && '$d' in v) return new Date((v as { $d: string }).$d);
  if (v && typeof v === 'object' && '$b' in v) return Buffer.from((v as { $b: string }).$b, 'base64');
  if ((type === 'jsonb' || type === 'json') && v !== null) return JSON.stringify(v);
  return v;
}

export interface RestoreHeader {
  format: string;
  migrations: string[];
  secretKey: string;
  /** the audit chain's key (absent in backups made before the chain was keyed) */
  auditKey?: string;
}

/** reads the header only, so the caller can set up the key and schema before the rows go in */
export async function readBackupHeader(file: string): Promise<RestoreHeader> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of rl) {
    rl.close();
    const h = JSON.parse(line) as RestoreHeader;
    if (h.format !== FORMAT) throw new Error(`不是法治平台的备份文件（格式 ${String(h.format)}）`);
    return h;
  }
  throw new Error('备份文件为空');
}

/** loads a backup into a freshly migrated, empty database; refuses a database that has data */
export async function restore(db: AnyDb, file: string, filesDir?: string): Promise<{ rows: number; files: number }> {
  const tables = await tablesInOrder(db);
  for (const t of tables) {
    const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db)).rows[0]?.n ?? 0;
    if (n > 0 && !SEEDED.includes(t)) throw new Error(`目标数据库不是空的（表 ${t} 已有数据），请恢复到新的数据目录或空数据库`);
  }
  let rows = 0;
  let files = 0;
  await db.transaction().execute(async (tx) => {
    // tables that start-up seeds are replaced by the backup's rows
    for (const t of SEEDED) if (tables.includes(t)) await sql`delete from ${sql.table(t)}`.execute(tx);
    // a generated column (a duty's 是否完成) is the database's to compute, never restored from a backup that holds it
    const generated = new Set((await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and is_generated <> 'NEVER'`.execute(tx)).rows.map((r) => `${r.t}.${r.c}`));
    let current: { table: string; columns: string[]; types: string[] } | null = null;
    let buffer: Array<Record<string, unknown>> = [];
    const flush = async (): Promise<void> => {
      if (current && buffer.length) await tx.insertInto(current.table).values(buffer).execute();
      buffer = [];
    };
    const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let first = true;
    for await (const line of rl) {
      if (first) {
        first = false;
        continue;
      }
      const obj = JSON.parse(line) as { table?: string; columns?: string[]; types?: string[]; r?: unknown[]; file?: string; data?: string };
      if (obj.table) {
        await flush();
        current = { table: obj.table, columns: obj.columns ?? [], types: obj.types ?? [] };
      } else if (obj.r && current) {
        const c = current;
        buffer.push(Object.fromEntries(c.columns.map((col, i) => [col, decode(obj.r?.[i], c.types[i] ?? '')] as const).filter(([col]) => !generated.has(`${c.table}.${col}`))));
        rows++;
        if (buffer.length >= 500) await flush();
      } else if (obj.file && obj.data !== undefined && filesDir) {
        await flush();
        const target = join(filesDir, obj.file);
        await mkdir(join(target, '..'), { recursive: true });
        await writeFile(target, Buffer.from(obj.data, 'base64'));
        files++;
      }
    }
    await flush();
    // serial columns continue after the restored ids
    const seqs = (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and column_default like 'nextval%'`.execute(tx)).rows;
    for (const s of seqs) {
      await sql`select setval(pg_get_serial_sequence(${s.t}, ${s.c}), coalesce((select max(${sql.ref(s.c)}) from ${sql.table(s.t)}), 0) + 1, false)`.execute(tx);
    }
  });
  return { rows, files };
}
