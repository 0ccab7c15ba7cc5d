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

/** an audit diff ({ field: { from, to } }) with the free-text fields' values redacted, for a role without `personal` */
export function redactDiff(l: LedgerDef, diff: unknown, names: readonly string[]): unknown {
  if (!diff || typeof diff !== 'object') return diff;
  const redact = new Set(l.fields.filter((f) => f.redact).map((f) => f.name));
  const one = (v: unknown): unknown => (typeof v === 'string' ? redactText(v, { names }) : v);
  return Object.fromEntries(Object.entries(diff as Record<string, unknown>).map(([k, v]) => {
    if (!redact.has(k) || !v || typeof v !== 'object') return [k, v];
    const { from, to } = v as { from?: unknown; to?: unknown };
    return [k, { ...v, from: one(from), to: one(to) }];
  }));
}
