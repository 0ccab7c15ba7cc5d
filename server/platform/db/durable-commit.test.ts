import { fsyncSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from './connect.ts';

describe('embedded database durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-durable-'));
  const synced: string[] = [];
  let handle: DbHandle | undefined;
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const syncedSince = (n: number): string[] => synced.slice(n);

  it('syncs the write-ahead log to disk at every commit, before the commit returns', async () => {
    handle = await connect({
      dataDir: dir,
      fsync: (fd) => {
        synced.push(readlinkSync(`/proc/self/fd/${fd}`));
        fsyncSync(fd);
      },
    });
    await sql`create table durable_probe (id serial primary key, v text)`.execute(handle.db);
    const beforeTx = synced.length;
    await handle.db.transaction().execute(async (tx) => {
      await sql`insert into durable_probe (v) values ('a')`.execute(tx);
      await sql`insert into durable_probe (v) values ('b')`.execute(tx);
      // nothing is synced until the commit
      expect(syncedSince(beforeTx)).toEqual([]);
    });
    expect(syncedSince(beforeTx).some((f) => f.includes(`${join(dir, 'pgdata', 'pg_wal')}/`))).toBe(true);

    // a statement outside a transaction commits by itself
    const beforeStatement = synced.length;
    await sql`update durable_probe set v = 'c' where id = 1`.execute(handle.db);
    expect(syncedSince(beforeStatement).some((f) => f.includes('/pg_wal/'))).toBe(true);

    // a read writes nothing and syncs nothing
    const beforeRead = synced.length;
    await sql`select count(*) from durable_probe`.execute(handle.db);
    expect(syncedSince(beforeRead)).toEqual([]);
  }, 60_000);
});
