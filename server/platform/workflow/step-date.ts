import { AppError } from '../http/errors.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { TransitionDef } from './workflow.types.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * the date a transition is done on: the date its `dateField` records (the day the 补正 notice went out), else the
 * body's date, else today (effectiveDate). A body date that contradicts the recorded one is refused, so the clock
 * never follows the day the form happened to be sent (decision 0020).
 */
export function stepDate(l: LedgerDef, t: TransitionDef, given: string | undefined, captured: Readonly<Record<string, unknown>>): string | undefined {
  if (!t.dateField) return given;
  const v = captured[t.dateField];
  const recorded = typeof v === 'string' && ISO.test(v) ? v : undefined;
  if (recorded && given && given !== recorded) {
    const label = l.fields.find((f) => f.name === t.dateField)?.label ?? t.dateField;
    const message = `办理日期：“${t.label}”的日期以“${label}”为准（${recorded}），不能另填${given}`;
    throw new AppError('validation_failed', message, [{ path: 'date', label: '办理日期', message }]);
  }
  return recorded ?? given;
}
