import { sql, type Kysely } from 'kysely';
import { sm3 } from '../crypto/sm.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/context.ts';
import { canonicalJson } from './canonical.ts';

export const GENESIS = '0'.repeat(64);
// one lock id for the chain: concurrent writers on PostgreSQL queue here instead of forking the chain
const CHAIN_LOCK = 8_150_001;

export interface AuditInput {
  entity: string;
  entityId: string | number;
  action: string;
  orgCode?: string | null;
  diff?: unknown;
}

export interface AuditWriter {
  actor: Pick<Actor, 'id' | 'username'>;
  ip: string;
  tx: Kysely<Database>;
  now?: Date;
}

interface Hashable {
  at: Date;
  actor_id: number | null;
  actor_name: string;
  ip: string;
  org_code: string | null;
  entity: string;
  entity_id: string;
  action: string;
  diff: unknown;
}

export function entryHash(prev: string, e: Hashable): string {
  return sm3(
    prev +
      canonicalJson({
        at: e.at.toISOString(),
        actor_id: e.actor_id,
        actor_name: e.actor_name,
        ip: e.ip,
        org_code: e.org_code,
        entity: e.entity,
        entity_id: e.entity_id,
        action: e.action,
        diff: e.diff,
      }),
  );
}

/** appends one entry to the hash chain; call it with the transaction that makes the change */
export async function audit(w: AuditWriter, input: AuditInput): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(w.tx);
  const last = await w.tx.selectFrom('audit_log').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS;
  const entry: Hashable = {
    at: w.now ?? new Date(),
    actor_id: w.actor.id,
    actor_name: w.actor.username,
    ip: w.ip,
    org_code: input.orgCode ?? null,
    entity: input.entity,
    entity_id: String(input.entityId),
    action: input.action,
    diff: JSON.parse(canonicalJson(input.diff ?? {})) as unknown,
  };
  const hash = entryHash(prev, entry);
  await w.tx
    .insertInto('audit_log')
    .values({ ...entry, diff: canonicalJson(entry.diff), prev_hash: prev, hash })
    .execute();
}

/** appends many entries in one go (an import): one lock, one read of the chain head, chunked inserts */
export async function auditMany(w: AuditWriter, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(w.tx);
  const last = await w.tx.selectFrom('audit_log').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS;
  const at = w.now ?? new Date();
  const rows = inputs.map((input) => {
    const entry: Hashable = { at, actor_id: w.actor.id, actor_name: w.actor.username, ip: w.ip, org_code: input.orgCode ?? null, entity: input.entity, entity_id: String(input.entityId), action: input.action, diff: JSON.parse(canonicalJson(input.diff ?? {})) as unknown };
    const hash = entryHash(prev, entry);
    const row = { ...entry, diff: canonicalJson(entry.diff), prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await w.tx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad?: { id: string; reason: string };
}

/** walks the chain in id order; names the first entry that was edited, deleted after, or reordered */
export async function verifyChain(db: Kysely<Database>, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastId = '0';
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where(sql<boolean>`id > ${lastId}::bigint`)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = String(r.id);
      if (r.prev_hash !== prev) return { ok: false, checked, firstBad: { id, reason: '前序哈希不连续（条目被删除或调换顺序）' } };
      const expected = entryHash(prev, { ...r, at: new Date(r.at) });
      if (expected !== r.hash) return { ok: false, checked, firstBad: { id, reason: '内容与哈希不符（条目被篡改）' } };
      prev = r.hash;
      lastId = id;
      checked++;
    }
  }
  return { ok: true, checked };
}
