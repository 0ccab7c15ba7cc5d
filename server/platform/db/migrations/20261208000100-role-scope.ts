import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // the data scope of a role (docs/decisions/0042-business-roles-and-data-scope.md): own unit, unit and below, or
  // the listed units; built-in roles keep 'subtree', which is what every role meant before
  await db.schema
    .alterTable('role')
    .addColumn('data_scope', 'varchar(10)', (c) => c.notNull().defaultTo('subtree'))
    .addColumn('scope_orgs', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  // roles a user holds in units other than the home unit (app_user.org_code, whose roles stay in user_role)
  await db.schema
    .createTable('user_unit_role')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull().references('org.code'))
    .addColumn('role_code', 'varchar(40)', (c) => c.notNull().references('role.code'))
    .addPrimaryKeyConstraint('user_unit_role_pk', ['user_id', 'org_code', 'role_code'])
    .execute();
  await db.schema.createIndex('user_unit_role_role').on('user_unit_role').column('role_code').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_unit_role').execute();
  await db.schema.alterTable('role').dropColumn('scope_orgs').dropColumn('data_scope').execute();
}
