import { fsyncSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock, type LockOwner } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database, Db } from './schema.ts';

export interface DbTarget {
  /** postgres://… — a real PostgreSQL server */
  databaseUrl?: string | undefined;
  /** PGlite directory; 'memory://' for a throwaway database */
  dataDir?: string | undefined;
  /** PGlite: start from a dump made by `dump()` (test templates), a tar file, gzipped or not */
  loadDataDir?: Blob | undefined;
  /** PGlite directory: the lock the caller already took (restore writes the key before it opens the database) */
  lock?: DataDirLock | undefined;
  /** PGlite: how a file the database asks to be made durable is synced (tests count the calls) */
  fsync?: ((fd: number) => void) | undefined;
}

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** PGlite: the data directory as an uncompressed tar file (test templates) */
  dump?: () => Promise<Blob>;
  /** PGlite: the holder of a lock left behind by a process that no longer runs, which this open took over */
  lockTakenOverFrom?: LockOwner | null;
}

/**
 * PGlite starts postgres with -F (fsync off) and Emscripten's NODEFS has no fsync: a commit reached only the
 * page cache. We start it with fsync on and give NODEFS an fsync that syncs the real file (decision 0007);
 * WAL is synced with fsync because Emscripten's fdatasync returns without doing anything.
 */
/**
 * the real fsync, unless FAZHI_FSYNC=off: for test machines only, where hundreds of throwaway instances are
 * written and a lost write after a power cut costs nothing (PostgreSQL's own fsync=off, for the same use).
 * A commit still reaches the page cache, so a killed process loses nothing; only a machine crash could
 */
function systemFsync(): (fd: number) => void {
  return process.env['FAZHI_FSYNC'] === 'off' ? () => {} : fsyncSync;
}

export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'wal_sync_method=fsync'];

type PostgresMod = Parameters<NodeFS['init']>[1];

class DurableNodeFS extends NodeFS {
  readonly #sync: (fd: number) => void;
  constructor(dir: string, sync: (fd: number) => void) {
    super(dir);
    this.#sync = sync;
  }
  override async init(pg: PGlite, opts: Partial<PostgresMod>): Promise<{ emscriptenOpts: Partial<PostgresMod> }> {
    const sync = this.#sync;
    const { emscriptenOpts } = await super.init(pg, opts);
    const patch = (mod: unknown): void => {
      // the stream of a NODEFS file keeps the real descriptor in nfd; the directory of a new WAL segment is synced the same way
      const nodefs = (mod as { NODEFS: { stream_ops: Record<string, unknown>; tryFSOperation?: (f: () => void) => void } }).NODEFS;
      // a failed sync reaches postgres as an errno (it PANICs, as on any server) rather than as a stray JS exception
      const attempt = nodefs.tryFSOperation ?? ((f: () => void) => f());
      nodefs.stream_ops['fsync'] = (stream: { nfd?: number }) => {
        const fd = stream.nfd;
        if (fd !== undefined) attempt(() => sync(fd));
        return 0;
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [patch, ...(emscriptenOpts.preRun ?? [])] } };
  }
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
  const memory = dir.startsWith('memory://');
  if (!memory) mkdirSync(dir, { recursive: true });
  // one process owns an embedded directory: a second postgres on the same files destroys the database
  const lock = memory ? null : (target.lock ?? lockDataDir(dir));
  try {
    const pglite = new PGlite({
      ...(memory ? { dataDir: 'memory://' } : { fs: new DurableNodeFS(`${dir}/pgdata`, target.fsync ?? systemFsync()), startParams: DURABLE_START_PARAMS }),
      extensions: { pg_trgm },
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v },
    });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    const close = async (): Promise<void> => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    };
    return { db, kind: 'pglite', close, dump: () => pglite.dumpDataDir('none'), lockTakenOverFrom: lock?.tookOverFrom ?? null };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
