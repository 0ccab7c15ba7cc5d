import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldCipher } from '../crypto/sm.ts';
import { systemActor, type Ctx } from '../http/context.ts';

/** the codes of an organisation and everything below it; empty when the code is unknown */
export async function subtreeCodes(db: Kysely<Database>, root: string): Promise<string[]> {
  const org = await db.selectFrom('org').select(['path']).where('code', '=', root).executeTakeFirst();
  if (!org) return [];
  const rows = await db.selectFrom('org').select(['code']).where('path', 'like', `${org.path}%`).orderBy('path').execute();
  return rows.map((r) => r.code);
}

export async function isWithin(db: Kysely<Database>, code: string, root: string): Promise<boolean> {
  return (await subtreeCodes(db, root)).includes(code);
}

/** the system acting over an organisation's subtree, on a transaction (commands, jobs, tests): scope without a login */
export async function subtreeSystemCtx(tx: Kysely<Database>, cipher: FieldCipher, org: string, username = 'system'): Promise<Ctx> {
  return { actor: { ...systemActor, username }, ip: username, scope: { root: org, codes: await subtreeCodes(tx, org) }, tx, cipher, now: new Date() };
}
