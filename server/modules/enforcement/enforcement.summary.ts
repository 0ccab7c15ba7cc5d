import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { numberOf, type RecordValues } from '../../platform/ledger/rules.ts';
import { getSetting } from '../../platform/settings.ts';
import { loadHearingThresholds } from './enforcement.hearing.ts';

/**
 * 当场处罚 (简易程序, 行政处罚法 arts. 51–53): facts certain and a legal basis, a 警告 or a fine of at most 200 元 for a
 * citizen and 3 000 元 for an organisation, decided on the spot by two officers (art. 42) who show their certificates,
 * with a numbered 当场行政处罚决定书 handed over at once (art. 52(1)) and reported to the organ for 备案 (art. 52(3)).
 * The limits are the national figures; a law may set others (art. 51: 法律另有规定的，从其规定), hence settings. The
 * statute names no period for the 备案: the departments' procedural rules do (market regulation: 3 working days), so
 * the clock's period is a setting with that default.
 */
export const SUMMARY_PROCEDURE = '简易程序';
export const PROCEDURES = ['一般程序', SUMMARY_PROCEDURE] as const;
export const SUMMARY_AMOUNT_PERSON = 'enforcement.summary.amount_person';
export const SUMMARY_AMOUNT_ORG = 'enforcement.summary.amount_org';
export const SUMMARY_FILING_DAYS = 'enforcement.summary.filing_days';
export const SUMMARY_DEFAULTS = { person: 200, org: 3000, filingDays: 3 } as const;
/** art. 51: only these penalties may be given on the spot */
export const SUMMARY_KINDS = ['警告', '罚款'] as const;

let limits: { person: number; org: number } = { person: SUMMARY_DEFAULTS.person, org: SUMMARY_DEFAULTS.org };
const positive = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);

export const isSummary = (v: RecordValues): boolean => v['case_type'] === '行政处罚' && v['procedure'] === SUMMARY_PROCEDURE;

/** the largest fine that may be given on the spot to this party (settings, national defaults) */
export const summaryLimit = (v: RecordValues): number => (v['party_kind'] === '个人' ? limits.person : limits.org);

/** why the penalty may not be given on the spot (null: it may) */
export function summaryProblem(v: RecordValues): string | null {
  const kinds = Array.isArray(v['penalty_kinds']) ? (v['penalty_kinds'] as unknown[]).map(String) : [];
  if (kinds.length === 0 || kinds.some((k) => !(SUMMARY_KINDS as readonly string[]).includes(k))) return '当场处罚只能给予警告或者罚款（行政处罚法第五十一条）';
  const amount = numberOf(v, 'amount') ?? 0;
  if (kinds.includes('罚款') && !(amount > 0)) return '当场处以罚款的，须填写罚款金额';
  const limit = summaryLimit(v);
  if (amount > limit) return `当场处罚对${v['party_kind'] === '个人' ? '公民' : '法人或者其他组织'}罚款不得超过${limit}元（行政处罚法第五十一条），罚款${amount}元须按一般程序办理`;
  return null;
}

/** the workflow's settings read before a write: the hearing thresholds and the on-the-spot limits */
export async function loadEnforcementSettings(db: Kysely<Database>): Promise<void> {
  await loadHearingThresholds(db);
  limits = { person: positive(await getSetting(db, SUMMARY_AMOUNT_PERSON), SUMMARY_DEFAULTS.person), org: positive(await getSetting(db, SUMMARY_AMOUNT_ORG), SUMMARY_DEFAULTS.org) };
}
