import type { AuditVerifyResult } from '../../../common/admin.types.ts';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import { hmacSm3, sameDigest } from '../crypto/sm.ts';
import type { Database } from '../db/schema.ts';
import { audit, CHAIN_LOCK, GENESIS, verifyChain, type AuditWriter } from './audit.service.ts';

export type CheckpointReason = 'start' | 'stop' | 'interval' | 'export';

/** the chain head at one moment, signed with the audit key: entries up to lastId must still be there, unchanged */
export interface Checkpoint {
  at: string;
  lastId: string;
  hash: string;
  count: number;
  reason: CheckpointReason;
  mac: string;
}

export interface AnchorConfig {
  key: Buffer;
  /** the copy outside the database; null for an in-memory instance without FAZHI_AUDIT_ANCHOR_FILE */
  file: string | null;
  /** which database the anchor lines belong to: one server may hold the file for several PostgreSQL databases */
  db: string;
}

export function anchorConfig(config: Pick<Config, 'auditKey' | 'auditAnchorFile' | 'databaseUrl'>): AnchorConfig {
  return { key: config.auditKey, file: config.auditAnchorFile, db: databaseTag(config.databaseUrl) };
}

// host, port and database name; never the user or password. An embedded database keeps its file in its own directory.
function databaseTag(url: string | undefined): string {
  if (!url) return 'pglite';
  const u = new URL(url);
  return `postgres://${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

function checkpointMac(key: Buffer, c: Omit<Checkpoint, 'mac'>): string {
  return hmacSm3(key, ['fazhi-audit-checkpoint/1', c.at, c.lastId, c.hash, String(c.count), c.reason].join('\n'));
}

/** one JSON line of the anchor file and of the auditor's export */
export function checkpointLine(c: Checkpoint, db: string): string {
  return `${JSON.stringify({ v: 1, db, at: c.at, lastId: c.lastId, hash: c.hash, count: c.count, reason: c.reason, mac: c.mac })}\n`;
}

// append, then fsync: the line is on disk before the caller goes on
function appendAnchor(file: string, line: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * records the chain head in audit_checkpoint and in the anchor file outside the database
 * @param onlyIfMoved skip when the newest checkpoint already names the head (the periodic job)
 */
export async function recordCheckpoint(db: Kysely<Database>, anchor: AnchorConfig, reason: CheckpointReason, opts: { onlyIfMoved?: boolean } = {}): Promise<Checkpoint | null> {
  const cp = await db.transaction().execute(async (tx) => {
    // the head cannot move while it is read and counted
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(tx);
    const head = await tx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const lastId = head ? String(head.id) : '0';
    if (opts.onlyIfMoved) {
      const newest = await tx.selectFrom('audit_checkpoint').select(['last_id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      if (newest && String(newest.last_id) === lastId && newest.hash === (head?.hash ?? GENESIS)) return null;
    }
    const n = await tx.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const body = { at: new Date().toISOString(), lastId, hash: head?.hash ?? GENESIS, count: Number(n.n), reason };
    const c: Checkpoint = { ...body, mac: checkpointMac(anchor.key, body) };
    await tx.insertInto('audit_checkpoint').values({ at: c.at, last_id: c.lastId, hash: c.hash, count: String(c.count), reason: c.reason, mac: c.mac }).execute();
    return c;
  });
  if (cp && anchor.file) appendAnchor(anchor.file, checkpointLine(cp, anchor.db));
  return cp;
}

/** the checkpoints kept in the database, oldest first */
export async function listCheckpoints(db: Kysely<Database>): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), lastId: String(r.last_id), hash: r.hash, count: Number(r.count), reason: r.reason as CheckpointReason, mac: r.mac }));
}

/** the auditor's offline copy: every checkpoint as JSON lines */
export async function exportCheckpoints(db: Kysely<Database>, anchor: AnchorConfig): Promise<string> {
  return (await listCheckpoints(db)).map((c) => checkpointLine(c, anchor.db)).join('');
}

/**
 * the export an auditor takes away (web and CLI alike): the export is audited first, so the fresh checkpoint
 * recorded next covers it; then every checkpoint as JSON lines
 */
export async function exportForAuditor(db: Kysely<Database>, anchor: AnchorConfig, who: Omit<AuditWriter, 'tx'>): Promise<{ head: Checkpoint | null; text: string }> {
  await db.transaction().execute((tx) => audit({ ...who, tx }, { entity: 'audit', entityId: 'checkpoints', action: 'export_checkpoints', orgCode: null }));
  const head = await recordCheckpoint(db, anchor, 'export');
  return { head, text: await exportCheckpoints(db, anchor) };
}

interface Sourced {
  c: Checkpoint | null;
  where: string;
}

const REASONS = new Set<string>(['start', 'stop', 'interval', 'export']);

/** checkpoint lines from a file; lines of another database are left out when db is given (a server's shared anchor file) */
export function readAnchorLines(text: string, where: string, db?: string): Sourced[] {
  const out: Sourced[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = `${where} 第${i + 1}行`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      out.push({ c: null, where: at });
      return;
    }
    if (db !== undefined && o['db'] !== db) return;
    const ok = typeof o['at'] === 'string' && typeof o['lastId'] === 'string' && typeof o['hash'] === 'string' && typeof o['count'] === 'number' && typeof o['reason'] === 'string' && REASONS.has(o['reason']) && typeof o['mac'] === 'string';
    out.push({ c: ok ? { at: o['at'] as string, lastId: o['lastId'] as string, hash: o['hash'] as string, count: o['count'] as number, reason: o['reason'] as CheckpointReason, mac: o['mac'] as string } : null, where: at });
  });
  return out;
}

export type { AuditVerifyResult };

// checkpoint times as the county reads them
function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * the auditor's check: the chain with the key, then every checkpoint (database, anchor file, an exported
 * file) by its MAC and against the chain; names the first edited entry, a forged checkpoint or the
 * checkpoint whose entries are gone
 */
export async function verifyAudit(db: Kysely<Database>, anchor: AnchorConfig, opts: { anchors?: { text: string; where: string } } = {}): Promise<AuditVerifyResult> {
  const sources: Sourced[] = (await listCheckpoints(db)).map((c, i) => ({ c, where: `数据库检查点表第${i + 1}条` }));
  if (anchor.file && existsSync(anchor.file)) sources.push(...readAnchorLines(readFileSync(anchor.file, 'utf8'), `锚定文件 ${anchor.file}`, anchor.db));
  // the auditor's own copy: every line counts, whichever database it was exported from
  if (opts.anchors) sources.push(...readAnchorLines(opts.anchors.text, opts.anchors.where));
  const chain = await verifyChain(db, anchor.key, new Set(sources.flatMap((s) => (s.c ? [s.c.lastId] : []))));
  const base = { checked: chain.checked, checkpoints: 0 };
  if (!chain.ok && chain.firstBad) return { ok: false, ...base, firstBad: chain.firstBad, problem: chain.firstBad.reason };
  const forged = sources.find((s) => !s.c || !sameDigest(checkpointMac(anchor.key, s.c), s.c.mac));
  if (forged) return { ok: false, ...base, forged: { where: forged.where }, problem: `检查点被伪造或损坏（${forged.where}）：签名不符，不是用本系统的审计密钥记录的` };
  let worst: { c: Checkpoint; where: string } | null = null;
  for (const s of sources) {
    const c = s.c as Checkpoint;
    if (c.count === 0) continue;
    const pos = chain.positions.get(c.lastId);
    const intact = pos !== undefined && pos.hash === c.hash && pos.n === c.count;
    if (!intact && (!worst || c.count > worst.c.count)) worst = { c, where: s.where };
  }
  base.checkpoints = sources.length;
  if (worst) {
    const { c, where } = worst;
    return {
      ok: false,
      ...base,
      truncated: { at: c.at, lastId: c.lastId, count: c.count, where },
      problem: `审计日志被截断：检查点（${chinaTime(c.at)}，第${c.lastId}号条目）之后的条目缺失（该检查点时共 ${c.count} 条，现存 ${chain.checked} 条；见 ${where}）`,
    };
  }
  return { ok: true, ...base };
}

/**
 * the server's anchoring: a checkpoint at start, then every FAZHI_AUDIT_CHECKPOINT_MINUTES when the chain
 * has grown, and one at shutdown; a start that cannot write its anchor fails, so anchoring is never off unnoticed
 */
export async function startAnchoring(db: Kysely<Database>, anchor: AnchorConfig, minutes: number, log: { error(o: object, m: string): void }): Promise<{ stop(): Promise<void> }> {
  await recordCheckpoint(db, anchor, 'start');
  const timer = setInterval(() => {
    recordCheckpoint(db, anchor, 'interval', { onlyIfMoved: true }).catch((err: unknown) => log.error({ err }, 'audit checkpoint failed'));
  }, minutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await recordCheckpoint(db, anchor, 'stop');
    },
  };
}
