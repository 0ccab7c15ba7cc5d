import type { RoleCode } from '../auth/roles.ts';

type Values = Readonly<Record<string, unknown>>;

/**
 * how a workflow's closed or published records are locked and corrected (更正) or revoked (撤回/撤销): a locked
 * record is read-only to the plain edit; a correction stores the previous version, applies the new values and sends
 * the record back through the review the first version needed
 */
export interface CorrectionDef {
  /** besides final states and states marked `locked`: the record is locked while this holds (published through a date field) */
  lockedWhen?: (values: Values) => boolean;
  /** fields a plain edit may still write on a locked record (a 文号 assigned when the letter is first printed) */
  editableWhenLocked?: readonly string[];
  /** fields a correction empties so the record goes through those steps again (a review's opinion, the publication); given the values before the correction */
  clear?: (values: Values) => readonly string[];
  /** the state a corrected record returns to, given the values before the correction (what the first version needed); null: the state its values imply (deriveState), else where it is */
  returnTo?: (values: Values) => string | null;
  /** a date field set to the day of a correction or revocation (a clock may start on it: 行政处罚法 art. 48) */
  changedOnField?: string;
  /** what a revocation records; absent: the record is withdrawn (status withdrawn) with the reason */
  revoke?: { field: string; reasonField?: string; to: string; /** what the act is called: 撤销决定, 撤回公开 (default 撤回) */ label?: string };
  /** default holders of `<ledger>.correct` (default reviewer, leader, county_admin) */
  roles?: readonly RoleCode[];
}

export const DEFAULT_CORRECTION_ROLES: readonly RoleCode[] = ['reviewer', 'leader', 'county_admin'];

export const correctionPermission = (l: { name: string }): string => `${l.name}.correct`;

/** everything wrong with a workflow's correction declaration (checked at start-up with the rest of the workflow) */
export function correctionProblems(l: { name: string; fields: ReadonlyArray<{ name: string; type: string }>; workflow?: { states: Readonly<Record<string, unknown>>; correction?: CorrectionDef } }): string[] {
  const c = l.workflow?.correction;
  if (!c) return [];
  const at = `${l.name} workflow correction`;
  const field = (n: string) => l.fields.find((f) => f.name === n);
  const problems: string[] = [];
  for (const n of [...(c.editableWhenLocked ?? []), ...(c.revoke?.reasonField ? [c.revoke.reasonField] : [])]) if (!field(n)) problems.push(`${at}: unknown field ${n}`);
  for (const n of [c.changedOnField, c.revoke?.field]) {
    if (n === undefined) continue;
    if (!field(n)) problems.push(`${at}: unknown field ${n}`);
    else if (field(n)?.type !== 'date') problems.push(`${at}: field ${n} is not a date`);
  }
  if (c.revoke && !(c.revoke.to in (l.workflow?.states ?? {}))) problems.push(`${at}: revoke leads to undeclared state ${c.revoke.to}`);
  return problems;
}
