import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { filled, numberOf, type RecordValues } from '../../platform/ledger/rules.ts';
import { getSetting } from '../../platform/settings.ts';

/**
 * 行政处罚法 art. 63: the penalties for which the party must be told of the right to a hearing — 较大数额罚款, 没收较大数额
 * 违法所得/较大价值非法财物, 降低资质等级/吊销许可证件, 责令停产停业/责令关闭/限制从业, other heavy penalties. “较大数额”
 * is set by each province or department: the national default is the 市场监督管理行政处罚听证办法 (2021) art. 5 figure —
 * 1万元 for a natural person, 10万元 for an organisation — replaced by the settings below where the province differs.
 * A 重大执法决定 (国办发〔2018〕118号) is, here, a penalty of the art. 63 kinds: the ones that go to 法制审核.
 */
export const HEARING_AMOUNT_PERSON = 'enforcement.hearing.amount_person';
export const HEARING_AMOUNT_ORG = 'enforcement.hearing.amount_org';
export const HEARING_DEFAULTS = { person: 10_000, org: 100_000 } as const;

/** penalty kinds that need the hearing right whatever the amount (art. 63(3)(4), and 限制开展生产经营活动 as a heavy penalty under art. 63(5)) */
export const HEARING_KINDS = ['降低资质等级', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业'] as const;

export interface HearingThresholds {
  person: number;
  org: number;
}

// computeFields is synchronous: the configured figures are read before every write (WorkflowDef.loadSettings)
let current: HearingThresholds = { ...HEARING_DEFAULTS };
export const hearingThresholds = (): HearingThresholds => current;

const positive = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);

export async function loadHearingThresholds(db: Kysely<Database>): Promise<void> {
  current = { person: positive(await getSetting(db, HEARING_AMOUNT_PERSON), HEARING_DEFAULTS.person), org: positive(await getSetting(db, HEARING_AMOUNT_ORG), HEARING_DEFAULTS.org) };
}

/** why a penalty case needs the hearing right (empty: it does not), in Chinese, naming the threshold used */
export function hearingGrounds(v: RecordValues, th: HearingThresholds = current): string[] {
  if (v['case_type'] !== '行政处罚') return [];
  // the penalty decided, or before the decision the one the investigation proposes (调查终结报告的处理意见)
  const decided = Array.isArray(v['penalty_kinds']) && v['penalty_kinds'].length > 0;
  const kinds = decided ? (v['penalty_kinds'] as unknown[]).map(String) : Array.isArray(v['proposed_kinds']) ? (v['proposed_kinds'] as unknown[]).map(String) : [];
  const person = v['party_kind'] === '个人';
  const limit = person ? th.person : th.org;
  const who = person ? '个人' : '单位';
  const out: string[] = [];
  const amount = numberOf(v, decided ? 'amount' : 'proposed_amount');
  if (kinds.includes('罚款') && amount !== null && amount >= limit) out.push(`对${who}罚款${amount}元（较大数额：${limit}元以上）`);
  const confiscated = numberOf(v, decided ? 'confiscated_value' : 'proposed_confiscated_value');
  if ((kinds.includes('没收违法所得') || kinds.includes('没收非法财物')) && confiscated !== null && confiscated >= limit) out.push(`没收违法所得、非法财物${confiscated}元（较大数额：${limit}元以上）`);
  for (const k of HEARING_KINDS) if (kinds.includes(k)) out.push(k);
  return out;
}

/** the derived facts: whether the case needs the hearing right and is a 重大执法决定; null for other case types */
export function hearingFacts(v: RecordValues): { hearing_required: boolean | null; major: boolean | null } {
  if (v['case_type'] !== '行政处罚') return { hearing_required: null, major: null };
  const needed = hearingGrounds(v).length > 0;
  return { hearing_required: needed, major: needed };
}

/** a case needing a hearing is decided only after the notice told the party of that right (art. 63–64) */
export const hearingOffered = (v: RecordValues): boolean => hearingGrounds(v).length === 0 || v['hearing_right_notified'] === true || filled(v, 'hearing_requested_on');
