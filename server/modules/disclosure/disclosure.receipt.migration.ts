import { sql, type Kysely } from 'kysely';

/**
 * art. 31 channels: applications recorded with the old channel list get the channel's receipt field filled with the
 * day already recorded as received, so their answer clocks do not move (the ledger's new columns are added here,
 * before the ledger tables are synced, because the rows are updated now)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  const exists = await sql<{ t: string | null }>`select to_regclass('disclosure_application')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return;
  for (const c of ['submitted_on', 'signed_on', 'confirmed_on']) await sql.raw(`alter table disclosure_application add column if not exists ${c} date`).execute(db);
  await sql`update disclosure_application set channel = '当面提交' where channel in ('其他')`.execute(db);
  await sql`update disclosure_application set channel = '邮寄（需签收）' where channel = '邮寄'`.execute(db);
  await sql`update disclosure_application set channel = '互联网' where channel in ('网络（政府网站申请平台）', '电子邮件')`.execute(db);
  await sql`update disclosure_application set submitted_on = received_on where channel = '当面提交' and submitted_on is null`.execute(db);
  await sql`update disclosure_application set signed_on = received_on where channel = '邮寄（需签收）' and signed_on is null`.execute(db);
  await sql`update disclosure_application set confirmed_on = received_on where channel in ('平常信函', '互联网', '传真') and confirmed_on is null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(_db: Kysely<any>): Promise<void> {
  // the old channel names are not restored: the new ones say more, and the dates stay as recorded
}
