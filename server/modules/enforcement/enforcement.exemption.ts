import type { Kysely } from 'kysely';
import type { Ctx } from '../../platform/http/context.ts';
import { chinaDate, chineseDay } from '../../platform/workflow/workflow.engine.ts';
import type { PriorViolationCheck } from '../../../common/enforcement.types.ts';

/**
 * 行政处罚法 (2021) art. 33: the grounds on which no penalty is given, each with its words. Two bind the organ (不予),
 * one leaves it discretion (可以不予: a first violation with slight harm, corrected in time — 首违不罚).
 */
export const EXEMPTION_GROUNDS = {
  违法行为轻微并及时改正没有造成危害后果: { law: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。', article: '第三十三条第一款', discretionary: false },
  初次违法且危害后果轻微并及时改正: { law: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚。', article: '第三十三条第一款', discretionary: true },
  当事人有证据足以证明没有主观过错: { law: '当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。', article: '第三十三条第二款', discretionary: false },
} as const;
export type ExemptionGround = keyof typeof EXEMPTION_GROUNDS;
export const EXEMPTION_GROUND_NAMES = Object.keys(EXEMPTION_GROUNDS) as [ExemptionGround, ...ExemptionGround[]];
/** the ground that needs a first violation: the party's earlier violations of the same matter are looked up */
export const FIRST_VIOLATION: ExemptionGround = '初次违法且危害后果轻微并及时改正';
export const NO_PENALTY = '不予处罚';

export const isExemption = (v: Readonly<Record<string, unknown>>): boolean => Array.isArray(v['penalty_kinds']) && (v['penalty_kinds'] as unknown[]).includes(NO_PENALTY);

/** the sentence of the 不予行政处罚决定书 citing the ground's article and words */
export function exemptionBasis(ground: unknown): string | null {
  const g = typeof ground === 'string' && ground in EXEMPTION_GROUNDS ? EXEMPTION_GROUNDS[ground as ExemptionGround] : null;
  return g ? `《中华人民共和国行政处罚法》${g.article}“${g.law}”` : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own table is not in the platform schema
type AnyDb = Kysely<any>;

/**
 * 首违不罚: the party's earlier violations of the same matter in the organisation's records (the town and its
 * departments): decided, not revoked cases matched by 统一社会信用代码, by 身份证号码 (its blind index) or by name.
 * Reading only: the decision step stores what it found.
 */
export async function findPriorViolations(ctx: Ctx, row: Readonly<Record<string, unknown>>, party: { name: string | null }): Promise<PriorViolationCheck> {
  const d = ctx.tx as unknown as AnyDb;
  const org = String(row['org_code']);
  const town = org.split('-')[0] ?? org;
  const rows = await d
    .selectFrom('enforcement_case')
    .select(['id', 'case_no', 'party_uscc', 'party_id_number_bidx', 'party_name', 'decided_on', 'decision_result'])
    .where('status', '=', 'active')
    .where('case_type', '=', '行政处罚')
    .where('matter', '=', Number(row['matter']))
    .where('id', '!=', Number(row['id']))
    .where('decided_on', 'is not', null)
    .where('revoked_on', 'is', null)
    .where((eb) => eb.or([eb('org_code', '=', town), eb('org_code', 'like', `${town}-%`)]))
    .orderBy('decided_on', 'asc')
    .execute();
  const uscc = typeof row['party_uscc'] === 'string' && row['party_uscc'] ? row['party_uscc'] : null;
  const bidx = typeof row['party_id_number_bidx'] === 'string' && row['party_id_number_bidx'] ? row['party_id_number_bidx'] : null;
  const found = rows.filter((r) => {
    if (uscc && r.party_uscc === uscc) return true;
    if (bidx && r.party_id_number_bidx === bidx) return true;
    if (!party.name || typeof r.party_name !== 'string') return false;
    try {
      return ctx.cipher.decrypt(r.party_name) === party.name;
    } catch {
      return false;
    }
  });
  const by = [uscc ? '统一社会信用代码' : null, bidx ? '身份证号码' : null, '名称'].filter(Boolean).join('、');
  const items = found.map((r) => ({ caseId: Number(r.id), caseNo: String(r.case_no), decidedOn: iso(r.decided_on), result: String(r.decision_result ?? '') }));
  const summary = items.length
    ? `发现当事人此前同一执法事项的违法行为${items.length}件：${items.map((i) => `${i.caseNo}（${chineseDay(i.decidedOn)}决定）`).join('、')}`
    : '未发现当事人此前同一执法事项的违法行为';
  return { checkedOn: chinaDate(ctx.now), by, count: items.length, items, summary: `已按${by}核查本单位执法案件记录：${summary}` };
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').slice(0, 10));
