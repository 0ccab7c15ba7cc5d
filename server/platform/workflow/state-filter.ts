import type { LedgerDef } from '../ledger/ledger.types.ts';
import { stateLabel } from './workflow.engine.ts';

/** a ledger's workflow states for the 状态 column and filter of its list; null when it has no workflow */
export function stateOptions(l: LedgerDef): Array<{ value: string; label: string; final: boolean }> | null {
  const wf = l.workflow;
  return wf ? Object.entries(wf.states).map(([value, s]) => ({ value, label: s.label, final: !!s.final })) : null;
}

/** the label of a record's state, or null for a ledger without a workflow */
export function stateLabelOf(l: LedgerDef, state: string | null): string | null {
  return l.workflow ? stateLabel(l.workflow, state) : null;
}

/** why a state filter (comma-separated state names) cannot be used on this ledger, or null when it can */
export function stateFilterProblem(l: LedgerDef, raw: string): string | null {
  const wf = l.workflow;
  if (!wf) return '该台账没有办理状态';
  const unknown = raw.split(',').filter((s) => !(s in wf.states));
  return unknown.length ? `没有“${unknown[0]?.slice(0, 40) ?? ''}”这个状态` : null;
}
