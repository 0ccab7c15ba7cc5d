import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

export async function getSetting<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function setSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

/** a demo instance shows the 演示环境 banner; real instances never have demo accounts */
export async function isDemoInstance(db: Kysely<Database>): Promise<boolean> {
  return (await getSetting<boolean>(db, 'instance.demo')) === true;
}

/** the province's e-mail/SMS gateway: each new notification is POSTed there as JSON; empty or unset = off */
export const NOTIFY_WEBHOOK_URL_SETTING = 'notify.webhook.url';
