import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database, Db } from './schema.ts';

export interface DbTarget {
  /** postgres://… — a real PostgreSQL server */
  databaseUrl?: string | undefined;
  /** PGlite directory; 'memory://' for a throwaway database */
  dataDir?: string | undefined;
  /** PGlite: start from a dump made by `dump()` (test templates) */
  loadDataDir?: Blob | undefined;
}

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** PGlite only: the whole database as a gzip'd tarball */
  dump?: () => Promise<Blob>;
}

// bigint counts come back as strings from pg; numbers are what the app deals in
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// dates stay ISO strings: a Date at local midnight shifts a day in the wrong time zone
pg.types.setTypeParser(1082, (v) => v);

export async function connect(target: DbTarget): Promise<DbHandle> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: Number(process.env['DB_POOL_MAX'] ?? 10) });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = target.dataDir ?? './data';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite({
    dataDir: dir.startsWith('memory://') ? 'memory://' : `${dir}/pgdata`,
    extensions: { pg_trgm },
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v },
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy(), dump: () => pglite.dumpDataDir('gzip') };
}
