import { sql, type Kysely } from 'kysely';

/** the tables whose rows decide what a session may do and see (roles held, role definitions, the unit tree) */
export const AUTHZ_TABLES = ['role', 'user_role', 'user_unit_role', 'org'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // one row whose token changes, in the same transaction, with every change to a table a session's reach is computed
  // from (docs/decisions/0047-session-reach-cache.md): a server keeps each session's reach while the token it read with
  // the session row is unchanged, and every server sees a committed change on its next request. The token is random,
  // not a counter, so a database reseeded or restored under a running server never repeats a value it has cached.
  await sql`create table authz_state (id smallint primary key check (id = 1), token text not null)`.execute(db);
  await sql`insert into authz_state (id, token) values (1, gen_random_uuid()::text)`.execute(db);
  await sql`create function authz_changed() returns trigger language plpgsql as $$ begin update authz_state set token = gen_random_uuid()::text where id = 1; return null; end $$`.execute(db);
  for (const t of AUTHZ_TABLES) {
    await sql.raw(`create trigger ${t}_authz_changed after insert or update or delete or truncate on ${t} for each statement execute function authz_changed()`).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of AUTHZ_TABLES) await sql.raw(`drop trigger ${t}_authz_changed on ${t}`).execute(db);
  await sql`drop function authz_changed()`.execute(db);
  await sql`drop table authz_state`.execute(db);
}
