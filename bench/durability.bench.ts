import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, type DbHandle } from '../server/platform/db/connect.ts';

export interface DurabilityCost {
  writes: number;
  /** wall-clock per one-record update in its own transaction, synced to disk and not */
  perWriteMs: { durable: number; unsynced: number };
  ratio: number;
}

/**
 * what durable commits cost (decision 0007): one-record updates, each its own transaction as the API makes them,
 * on an embedded database whose commits reach the disk, against the same database with the sync left out
 * (the lower bound: everything else postgres does for a commit). wall-clock, since the sync waits for the disk
 */
export async function durabilityBench(writes = 200, rounds = Number(process.env['BENCH_ROUNDS'] ?? 7)): Promise<DurabilityCost> {
  const base = mkdtempSync(join(tmpdir(), 'fazhi-bench-durable-'));
  const open = async (name: string, fsync?: (fd: number) => void): Promise<DbHandle> => {
    const h = await connect({ dataDir: join(base, name), fsync });
    await sql`create table probe (id serial primary key, status varchar(20) not null, version integer not null default 1)`.execute(h.db);
    await sql`create index on probe (status)`.execute(h.db);
    await sql`insert into probe (status) select 'open' from generate_series(1, ${writes})`.execute(h.db);
    return h;
  };
  const durable = await open('durable');
  const unsynced = await open('unsynced', () => {});
  try {
    let flip = 0;
    const updates = async (h: DbHandle): Promise<number> => {
      flip++;
      const t0 = performance.now();
      for (let id = 1; id <= writes; id++) {
        await h.db.transaction().execute(async (tx) => {
          await sql`update probe set status = ${(id + flip) % 2 ? 'open' : 'closed'}, version = version + 1 where id = ${id}`.execute(tx);
        });
      }
      return performance.now() - t0;
    };
    // alternate the two and keep each one's best round: the machine is shared and its disk too
    let d = Infinity;
    let u = Infinity;
    for (let i = 0; i < rounds; i++) {
      d = Math.min(d, await updates(durable));
      u = Math.min(u, await updates(unsynced));
    }
    const per = (ms: number): number => Math.round((ms / writes) * 1000) / 1000;
    return { writes, perWriteMs: { durable: per(d), unsynced: per(u) }, ratio: Math.round((d / u) * 100) / 100 };
  } finally {
    await durable.close();
    await unsynced.close();
    rmSync(base, { recursive: true, force: true });
  }
}
