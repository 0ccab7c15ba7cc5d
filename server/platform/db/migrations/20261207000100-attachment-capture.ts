import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // when and where a photo or video of evidence was taken, as the phone reported it; null for ordinary uploads
  // (docs/decisions/0039-field-evidence-capture.md)
  await db.schema
    .alterTable('attachment')
    .addColumn('captured_at', 'timestamptz')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    /** radius in metres the device gave for its fix */
    .addColumn('accuracy', 'double precision')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachment').dropColumn('accuracy').dropColumn('longitude').dropColumn('latitude').dropColumn('captured_at').execute();
}
