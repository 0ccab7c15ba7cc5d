import type { IncomingHttpHeaders } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { sm3 } from '../crypto/sm.ts';
import { AppError } from './errors.ts';

/**
 * Idempotency-Key on state-changing requests of signed-in users (docs/decisions/0038-idempotent-submissions-and-drafts.md):
 * the first request with a key runs and its answer is kept; a retry of the same request gets that answer again
 * without running anything; the same key with another request is refused; a retry while the first still runs is 409
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** the key a request carries, or null; a malformed one is a 400 naming the header */
export function readIdempotencyKey(headers: IncomingHttpHeaders): string | null {
  const raw = headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (KEY_PATTERN.test(value)) return value;
  const message = 'Idempotency-Key（提交标识）：须为8至128位的字母、数字、下划线或连字符';
  throw new AppError('idempotency_key_invalid', message, [{ path: 'Idempotency-Key', label: '提交标识', message }]);
}

/** what identifies a request for a key: method, URL with its query, and the JSON body */
export function requestHash(method: string, url: string, body: unknown): string {
  return sm3(`${method}\n${url}\n${JSON.stringify(body ?? null)}`);
}

export type Claim = { kind: 'run' } | { kind: 'replay'; status: number; contentType: string | null; body: string };

/**
 * claims (user, key) for this request: 'run' when it is the first, the stored answer when it is a retry;
 * the unique constraint decides between concurrent duplicates, whichever server each reached
 */
export async function claimIdempotencyKey(db: Kysely<Database>, userId: number, key: string, hash: string, now: Date, hours: number): Promise<Claim> {
  // expired keys are cleaned up here, lazily: a key past its time is free again
  await db.deleteFrom('idempotency_key').where('expires_at', '<=', now).execute();
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db
      .insertInto('idempotency_key')
      .values({ user_id: userId, key, request_hash: hash, created_at: now, expires_at: new Date(now.getTime() + hours * 3600_000) })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { kind: 'run' };
    const row = await db.selectFrom('idempotency_key').select(['request_hash', 'status', 'content_type', 'body']).where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    // released between the insert and the read (the first failed): claim again
    if (!row) continue;
    if (row.request_hash !== hash) {
      const message = 'Idempotency-Key（提交标识）：同一提交标识用于了不同的请求，请重新提交';
      throw new AppError('idempotency_key_reused', message, [{ path: 'Idempotency-Key', label: '提交标识', message }]);
    }
    if (row.status === null || row.body === null) throw new AppError('idempotency_in_progress', '该提交正在处理中，请稍候');
    return { kind: 'replay', status: row.status, contentType: row.content_type, body: row.body };
  }
  throw new AppError('idempotency_in_progress', '该提交正在处理中，请稍候');
}

/** answers worth replaying: success, and 400 (the input was refused; the same input is refused again) */
export function storable(status: number): boolean {
  return (status >= 200 && status < 300) || status === 400;
}

/**
 * once the answer is known: kept for retries when it is a stored kind and text (JSON), otherwise the claim is
 * released so a retry runs again (a 5xx, a refusal that may pass later, a streamed document)
 */
export async function settleIdempotencyKey(db: Kysely<Database>, userId: number, key: string, status: number, contentType: string | null, payload: unknown): Promise<void> {
  const q = db.updateTable('idempotency_key').where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null);
  if (storable(status) && (typeof payload === 'string' || payload === null || payload === undefined)) {
    await q.set({ status, content_type: contentType, body: typeof payload === 'string' ? payload : '' }).execute();
  } else {
    await db.deleteFrom('idempotency_key').where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null).execute();
  }
}
