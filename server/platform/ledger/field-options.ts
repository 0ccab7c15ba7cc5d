import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isCleanText } from '../http/validate.ts';
import { getSetting } from '../settings.ts';
import type { FieldDef, LedgerDef } from './ledger.types.ts';

/**
 * Dictionary values an administrator adds to a field's declared ones (FieldDef.optionsSetting): the setting holds a
 * JSON array of strings. Validation is synchronous, so every write, import and form read loads the setting first
 * (loadFieldOptions, in the same transaction); fieldOptions then reads what was loaded.
 */
const added = new Map<string, readonly string[]>();

const validList = (v: unknown): string[] =>
  Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && x.trim() !== '' && x.length <= 40 && isCleanText(x)).map((x) => x.trim()))] : [];

/** reads the added values of the ledger's fields that take some (nothing to read for the others) */
export async function loadFieldOptions(db: Kysely<Database>, l: LedgerDef): Promise<void> {
  for (const f of l.fields) if (f.optionsSetting) added.set(f.optionsSetting, validList(await getSetting(db, f.optionsSetting)));
}

/** the field's dictionary: the declared values, then those added through its setting */
export function fieldOptions(f: FieldDef): readonly string[] {
  const own = f.options ?? [];
  if (!f.optionsSetting) return own;
  return [...own, ...(added.get(f.optionsSetting) ?? []).filter((x) => !own.includes(x))];
}
