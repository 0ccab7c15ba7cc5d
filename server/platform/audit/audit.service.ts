import { sql, type Kysely } from 'kysely';
import { hmacSm3Keyed, sameDigest, sm3 } from '../crypto/sm.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/context.ts';
import { canonicalJson } from './canonical.ts';

export const GENESIS = '0'.repeat(64);
// one lock id for the chain: concurrent writers on PostgreSQL queue here instead of forking the chain
export const CHAIN_LOCK = 8_150_001;

export type ChainMac = (data: string) => string;

/** the chain's MAC under one audit key, its key blocks hashed once */
export function chainMac(key: Buffer): ChainMac {
  if (key.length !== 32) throw new Error('audit key must be 32 bytes');
  return hmacSm3Keyed(key);
}

// held in memory so audit() costs one HMAC, never a file read; startPlatform sets it from the configuration
let writerMac: ChainMac | null = null;

/** the audit key new entries are keyed with (FAZHI_AUDIT_KEY or $FAZHI_DATA/audit.key, never the database) */
export function setAuditKey(key: Buffer): void {
  writerMac = chainMac(key);
}

function requireKey(): ChainMac {
  if (!writerMac) throw new Error('audit key not set: start the platform (startPlatform) before writing');
  return writerMac;
}

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

/** the entry's link in the chain: HMAC-SM3 with the audit key, or plain SM3 for entries written before the key (mac null) */
export function entryHash(prev: string, e: Hashable, mac: ChainMac | null): string {
  const body =
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
    });
  return mac ? mac(body) : sm3(body);
}

/** appends one entry to the hash chain; call it with the transaction that makes the change */
export async function audit(w: AuditWriter, input: AuditInput): Promise<void> {
  const key = requireKey();
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
  const hash = entryHash(prev, entry, key);
  await w.tx
    .insertInto('audit_log')
    .values({ ...entry, diff: canonicalJson(entry.diff), prev_hash: prev, hash, alg: 'hmac-sm3' })
    .execute();
}

/** appends many entries in one go (an import): one lock, one read of the chain head, chunked inserts */
export async function auditMany(w: AuditWriter, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const key = requireKey();
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(w.tx);
  const last = await w.tx.selectFrom('audit_log').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS;
  const at = w.now ?? new Date();
  const rows = inputs.map((input) => {
    const entry: Hashable = { at, actor_id: w.actor.id, actor_name: w.actor.username, ip: w.ip, org_code: input.orgCode ?? null, entity: input.entity, entity_id: String(input.entityId), action: input.action, diff: JSON.parse(canonicalJson(input.diff ?? {})) as unknown };
    const hash = entryHash(prev, entry, key);
    const row = { ...entry, diff: canonicalJson(entry.diff), prev_hash: prev, hash, alg: 'hmac-sm3' as const };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await w.tx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}

export interface ChainResult {
  ok: boolean;
  checked: number;
  firstBad?: { id: string; reason: string };
  /** the last entry that verified, and where each entry sits in the chain (for the checkpoints) */
  head: { id: string; hash: string };
  positions: Map<string, { n: number; hash: string }>;
}

/**
 * walks the chain in id order with the audit key and names the first entry that was edited, recomputed,
 * deleted after or reordered; unkeyed entries verify only before the first keyed one (the switch to keyed)
 * @param watch ids whose position and hash the caller wants back (checkpoints)
 */
export async function verifyChain(db: Kysely<Database>, key: Buffer, watch: ReadonlySet<string> = new Set(), batch = 5000): Promise<ChainResult> {
  let prev = GENESIS;
  let lastId = '0';
  let checked = 0;
  let keyed = false;
  const mac = chainMac(key);
  const positions = new Map<string, { n: number; hash: string }>();
  const bad = (id: string, reason: string): ChainResult => ({ ok: false, checked, firstBad: { id, reason }, head: { id: lastId, hash: prev }, positions });
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
      if (r.prev_hash !== prev) return bad(id, `第${id}号条目的前序哈希不连续（条目被删除或调换顺序）`);
      // an unkeyed entry after a keyed one was recomputed by someone without the key
      if (r.alg !== 'hmac-sm3' && (keyed || r.alg !== 'sm3')) return bad(id, `第${id}号条目的校验码不符（条目被篡改或重算）`);
      keyed = r.alg === 'hmac-sm3';
      const expected = entryHash(prev, { ...r, at: new Date(r.at) }, keyed ? mac : null);
      if (!sameDigest(expected, r.hash)) return bad(id, keyed ? `第${id}号条目的校验码不符（条目被篡改或重算）` : `第${id}号条目的内容与哈希不符（条目被篡改）`);
      prev = r.hash;
      lastId = id;
      checked++;
      if (watch.has(id)) positions.set(id, { n: checked, hash: r.hash });
    }
  }
  return { ok: true, checked, head: { id: lastId, hash: prev }, positions };
}
