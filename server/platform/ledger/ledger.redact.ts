import type { FieldCipher } from '../crypto/sm.ts';
import { redactText } from '../crypto/redact.ts';
import type { LedgerDef } from './ledger.types.ts';

type Values = Record<string, unknown>;

/** the names of private persons the record itself holds (its personal name fields, in the clear), for redaction */
export function knownNames(l: LedgerDef, values: Values, cipher?: Pick<FieldCipher, 'decrypt'>): string[] {
  const out: string[] = [];
  for (const f of l.fields) {
    if (f.personal !== 'name') continue;
    let v = values[f.name];
    if (cipher && typeof v === 'string') {
      try {
        v = cipher.decrypt(v);
      } catch {
        v = null;
      }
    }
    if (typeof v === 'string' && v) out.push(v);
  }
  return out;
}

/** the ledger's free-text fields (declared `redact`) with the personal data inside them masked, in place */
export function redactFreeText(l: LedgerDef, values: Values, names: readonly string[]): void {
  for (const f of l.fields) {
    const v = values[f.name];
    if (f.redact && typeof v === 'string') values[f.name] = redactText(v, { names });
  }
}
