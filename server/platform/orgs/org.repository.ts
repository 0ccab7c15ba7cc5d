import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

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
