import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { getSetting, NOTIFY_WEBHOOK_URL_SETTING } from '../settings.ts';
import type { AnyDb } from './workflow.repository.ts';

/** attempts before a notification is given up as failed; the waits between them grow: 30 s, 2 min, 8 min, 32 min */
export const MAX_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
// a claimed row is not claimed again meanwhile (another server, a slow gateway)
const LEASE_MS = 120_000;
const TIMEOUT_MS = 10_000;
const BATCH = 50;

export interface DeliveryResult {
  delivered: number;
  retried: number;
  failed: number;
  skipped: number;
}

/** what the gateway receives: who and where to look, nothing about the record or any person in it */
export interface WebhookPayload {
  id: number;
  kind: string;
  userId: number;
  link: string;
  createdAt: string;
}

/** the configured gateway, or null when the hook is off (unset, empty, or not an http(s) address) */
export async function webhookUrl(db: Kysely<Database>): Promise<string | null> {
  const v = await getSetting<unknown>(db, NOTIFY_WEBHOOK_URL_SETTING);
  if (typeof v !== 'string' || !v.trim()) return null;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * posts the pending notifications to the province's gateway, outside any request: rows are claimed in a short
 * transaction (a lease), posted without holding it, then marked delivered, retried later, or failed after
 * MAX_ATTEMPTS. With the hook off, pending rows are marked skipped, so turning it on later sends only new ones.
 */
export async function deliverNotifications(db: Kysely<Database>, opts: { now?: Date; post?: typeof fetch } = {}): Promise<DeliveryResult> {
  const now = opts.now ?? new Date();
  const post = opts.post ?? fetch;
  const raw = db as unknown as AnyDb;
  const result: DeliveryResult = { delivered: 0, retried: 0, failed: 0, skipped: 0 };
  const url = await webhookUrl(db);
  if (!url) {
    const r = await raw.updateTable('notification').set({ delivery: 'skipped' }).where('delivery', '=', 'pending').executeTakeFirst();
    result.skipped = Number(r.numUpdatedRows);
    return result;
  }
  const claimed = await raw.transaction().execute(async (tx) => {
    const ids = await tx
      .selectFrom('notification')
      .select('id')
      .where('delivery', '=', 'pending')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('id')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!ids.length) return [];
    return tx
      .updateTable('notification')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(now.getTime() + LEASE_MS) })
      .where('id', 'in', ids.map((r) => r.id))
      .returning(['id', 'kind', 'user_id', 'link', 'created_at', 'attempts'])
      .execute();
  });
  for (const n of claimed) {
    const payload: WebhookPayload = { id: Number(n.id), kind: String(n.kind), userId: Number(n.user_id), link: String(n.link), createdAt: iso(n.created_at) };
    let error: string | null = null;
    try {
      const res = await post(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = Number(n.attempts);
    if (error === null) {
      await raw.updateTable('notification').set({ delivery: 'delivered', delivered_at: new Date(), last_error: null }).where('id', '=', n.id).execute();
      result.delivered++;
    } else if (attempts >= MAX_ATTEMPTS) {
      await raw.updateTable('notification').set({ delivery: 'failed', last_error: error.slice(0, 300) }).where('id', '=', n.id).execute();
      result.failed++;
    } else {
      await raw.updateTable('notification').set({ next_attempt_at: new Date(now.getTime() + FIRST_WAIT_MS * 4 ** (attempts - 1)), last_error: error.slice(0, 300) }).where('id', '=', n.id).execute();
      result.retried++;
    }
  }
  return result;
}

/** runs the delivery every few seconds in the background; one run at a time, errors logged and retried next time */
export function scheduleDelivery(db: Kysely<Database>, log: { error: (o: object, msg: string) => void }, everyMs = 10_000): void {
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await deliverNotifications(db);
    } catch (err) {
      log.error({ err }, 'notification delivery failed');
    } finally {
      running = false;
    }
  };
  setInterval(() => void run(), everyMs).unref();
}
