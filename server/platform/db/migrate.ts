import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as platform from './migrations/20261122000100-platform.ts';
import * as ledgerFiles from './migrations/20261122000300-ledger-files.ts';
import * as auditKeyed from './migrations/20261204000100-audit-keyed.ts';
import * as recordVersion from './migrations/20261204001200-record-version.ts';
import * as idempotencyKey from './migrations/20261206003100-idempotency-key.ts';
import * as attachmentCapture from './migrations/20261207000100-attachment-capture.ts';
import * as roleScope from './migrations/20261208000100-role-scope.ts';
import * as authzToken from './migrations/20261210000100-authz-token.ts';
import { calendarMigrations } from '../calendar/calendar.migration.ts';
import { workflowMigrations } from '../workflow/workflow.migration.ts';
import { numberingMigrations } from '../numbering/numbering.migration.ts';
import { indicatorMigrations } from '../indicators/indicator.migration.ts';

/** migrations keyed by name; names start with a timestamp so they sort in the order they were written */
export type MigrationSet = Record<string, Migration>;

export const platformMigrations: MigrationSet = {
  '20261122000100-platform': platform,
  '20261122000300-ledger-files': ledgerFiles,
  '20261204000100-audit-keyed': auditKeyed,
  '20261204001200-record-version': recordVersion,
  '20261206003100-idempotency-key': idempotencyKey,
  '20261207000100-attachment-capture': attachmentCapture,
  '20261208000100-role-scope': roleScope,
  '20261210000100-authz-token': authzToken,
  // the calendar and the workflow tables serve every ledger, whichever modules are installed
  ...calendarMigrations,
  ...workflowMigrations,
  ...numberingMigrations,
  ...indicatorMigrations,
};

class StaticProvider implements MigrationProvider {
  readonly #set: MigrationSet;
  constructor(set: MigrationSet) {
    this.#set = set;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.#set;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations act on tables the typed schema does not know yet
export async function migrateToLatest(db: Kysely<any>, extra: MigrationSet = {}): Promise<string[]> {
  // unordered: a migration written earlier but registered later (the calendar's) still runs on existing databases
  const migrator = new Migrator({ db, provider: new StaticProvider({ ...platformMigrations, ...extra }), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
