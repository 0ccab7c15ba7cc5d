import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { adminOnlyPermissions, isSanyuanRole, ROLE_CODES, ROLE_LABELS, platformPermissions, sanyuanPermissions, type PermissionDef } from './auth/roles.ts';
import { audit, setAuditKey } from './audit/audit.service.ts';
import { systemActor } from './http/context.ts';
import { loadConfig, type Config, type ConfigOverrides } from './config/config.ts';
import { fieldCipher } from './crypto/sm.ts';
import { establishKey, type EncryptedColumn } from './crypto/secret-key.ts';
import { connect, type DbHandle } from './db/connect.ts';
import { migrateToLatest, type MigrationSet } from './db/migrate.ts';
import { BlobStore } from './files/blob-store.ts';
import { createLedgerRegistry, ledgerPermissions } from './ledger/ledger.registry.ts';
import { syncLedgerTables } from './ledger/ledger.schema.ts';
import { syncTallies } from './indicators/indicator.tally.ts';
import { join } from 'node:path';
import type { Database } from './db/schema.ts';
import type { ModuleDefinition, Platform } from './module.ts';
import type { LedgerDef } from './ledger/ledger.types.ts';
import type { Kysely } from 'kysely';

export interface Started {
  platform: Platform;
  handle: DbHandle;
  migrated: string[];
}

export const LOG_REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.phone', '*.idNumber'];

export function createLogger(level: string): Logger {
  return pino({ level, redact: LOG_REDACT, base: { app: 'fazhi' } });
}

/** connects, migrates, syncs the role catalogue and runs each module's init; everything the server and CLI share */
export async function startPlatform(modules: ModuleDefinition[], overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env, log?: Logger, opts: { migrationsFrom?: ModuleDefinition[] } = {}): Promise<Started> {
  const { envSecretKey, ...base } = loadConfig(env, overrides);
  const logger = log ?? createLogger(base.logLevel);
  setAuditKey(base.auditKey);
  const handle = await connect({ databaseUrl: base.databaseUrl, dataDir: base.dataDir, loadDataDir: overrides.loadDataDir });
  const prev = handle.lockTakenOverFrom;
  if (prev) logger.warn({ dataDir: base.dataDir, previousPid: prev.pid, previousCommand: prev.command, previousSince: prev.since }, 'took over the data directory lock of a process that no longer runs');
  try {
    return await startOn(handle, modules, base, envSecretKey, logger, opts);
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function startOn(handle: DbHandle, modules: ModuleDefinition[], base: Omit<Config, 'secretKey'>, envSecretKey: Buffer | undefined, logger: Logger, opts: { migrationsFrom?: ModuleDefinition[] }): Promise<Started> {
  // a database made with more modules (a test template) keeps their migrations on record
  const extra: MigrationSet = Object.assign({}, ...(opts.migrationsFrom ?? modules).map((m) => m.migrations ?? {}));
  const migrated = await migrateToLatest(handle.db, extra);
  const ledgers = createLedgerRegistry(modules.flatMap((m) => m.ledgers ?? []));
  const declaring = opts.migrationsFrom ?? modules;
  const allLedgers = opts.migrationsFrom ? opts.migrationsFrom.flatMap((m) => m.ledgers ?? []) : ledgers.all();
  const applied = await syncLedgerTables(handle.db, allLedgers);
  // the key is settled against the database, never generated for one that already holds encrypted data
  const { key, generated } = await establishKey(handle.db, { envKey: envSecretKey, dataDir: base.dataDir, encrypted: encryptedColumns(allLedgers) });
  if (generated) logger.info({ dataDir: base.dataDir }, 'generated a new encryption key into the data directory: back it up (fazhi backup) or set FAZHI_SECRET_KEY');
  const config: Config = { ...base, secretKey: key };
  // the tally keeps every declared indicator's figures; a changed declaration recounts its ledger (decision 0006)
  applied.push(...(await syncTallies(handle.db, allLedgers, declaring.flatMap((m) => m.indicators ?? []))));
  const permissions: PermissionDef[] = [...platformPermissions, ...ledgers.all().flatMap(ledgerPermissions), ...modules.flatMap((m) => m.permissions ?? [])];
  await syncRoles(handle.db, permissions);
  const blobs = new BlobStore(process.env['FAZHI_FILES'] ?? join(config.dataDir.startsWith('memory://') ? `${process.env['TMPDIR'] ?? '/tmp'}/fazhi-memory-files` : config.dataDir, 'files'));
  const platform: Platform = { db: handle.db, cipher: fieldCipher(config.secretKey), config, log: logger, modules, permissions, ledgers, blobs };
  for (const m of modules) if (m.init) await m.init(platform);
  return { platform, handle, migrated: [...migrated, ...applied] };
}

function encryptedColumns(ledgers: readonly LedgerDef[]): EncryptedColumn[] {
  return [{ table: 'app_user', column: 'phone_enc' }, ...ledgers.flatMap((l) => l.fields.filter((f) => f.personal).map((f) => ({ table: l.table, column: f.name })))];
}


/**
 * creates missing built-in roles and grants each newly declared permission to its default roles once;
 * a permission the 安全保密管理员 later revoked is not granted again. The three 三员 roles are reset to their
 * fixed sets and 三员-only permissions are taken from every other role, at every start (audited when it changes
 * anything), so data from before 三员 was enforced is brought into line
 */
export async function syncRoles(db: Kysely<Database>, permissions: PermissionDef[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(8150002)`.execute(tx);
    const applied = await tx.selectFrom('setting').select('value').where('key', '=', 'permissions.applied').executeTakeFirst();
    const done = new Set<string>((applied?.value as string[] | undefined) ?? []);
    for (const code of ROLE_CODES) {
      await tx
        .insertInto('role')
        .values({ code, name: ROLE_LABELS[code].name, description: ROLE_LABELS[code].description, builtin: true, permissions: '[]' })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const fresh = permissions.filter((p) => !done.has(p.code));
    const adminOnly = adminOnlyPermissions(permissions);
    const roles = await tx.selectFrom('role').select(['code', 'permissions', 'version']).execute();
    for (const role of roles) {
      const add = fresh.filter((p) => (p.roles as readonly string[]).includes(role.code)).map((p) => p.code);
      const granted = [...new Set([...role.permissions, ...add])].sort();
      const next = isSanyuanRole(role.code) ? sanyuanPermissions(permissions, role.code) : granted.filter((p) => !adminOnly.has(p));
      if (next.join() === [...role.permissions].sort().join()) continue;
      await tx.updateTable('role').set({ permissions: JSON.stringify(next), version: role.version + 1 }).where('code', '=', role.code).execute();
      const removed = granted.filter((p) => !next.includes(p));
      if (removed.length) {
        await audit({ actor: systemActor, ip: 'startup', tx }, { entity: 'role', entityId: role.code, action: 'sanyuan_enforced', diff: { revoked: removed, granted: next.filter((p) => !role.permissions.includes(p)) } });
      }
    }
    if (fresh.length === 0) return;
    const all = [...new Set([...done, ...fresh.map((p) => p.code)])].sort();
    await tx
      .insertInto('setting')
      .values({ key: 'permissions.applied', value: JSON.stringify(all) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(all) }))
      .execute();
  });
}
