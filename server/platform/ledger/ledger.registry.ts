import type { PermissionDef } from '../auth/roles.ts';
import type { LedgerRegistry } from './ledger.service.ts';
import { ACTION_LABELS, DEFAULT_ROLES, type LedgerAction, type LedgerDef } from './ledger.types.ts';

export function createLedgerRegistry(ledgers: readonly LedgerDef[]): LedgerRegistry {
  const byName = new Map(ledgers.map((l) => [l.name, l]));
  if (byName.size !== ledgers.length) throw new Error('duplicate ledger names');
  const tables = new Set(ledgers.map((l) => l.table));
  if (tables.size !== ledgers.length) throw new Error('duplicate ledger tables');
  return { get: (n) => byName.get(n), all: () => ledgers };
}

/** each ledger's seven named permissions, granted by default to the roles its declaration (or the platform) says */
export function ledgerPermissions(l: LedgerDef): PermissionDef[] {
  return (Object.keys(ACTION_LABELS) as LedgerAction[]).map((a) => ({ code: `${l.name}.${a}`, label: `${l.label}：${ACTION_LABELS[a]}`, roles: l.roles?.[a] ?? DEFAULT_ROLES[a] }));
}
