import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import { scoringText, type EvaluationSystem, type RoundDetail, type SystemItem } from '../../../../common/evaluation.types.ts';

export type { EvaluationSystem, Evidence, RoundDetail, ScoreLine, SystemItem, TaskProgress, UnitGroup, UnitResult } from '../../../../common/evaluation.types.ts';
export { UNIT_GROUP_LABELS } from '../../../../common/evaluation.types.ts';

export const ROUND_LEDGER = 'evaluation.round';
export const RESULT_LEDGER = 'evaluation.result';

// under the record's key: closing or a correction (which change the record) refresh the detail too
export const roundKey = (id: number) => [...ledgerKeys.record(ROUND_LEDGER, id), 'round'] as const;
export const resultKey = (id: number) => [...ledgerKeys.record(RESULT_LEDGER, id), 'result'] as const;

export function useRound(id: number): UseQueryResult<RoundDetail> {
  return useQuery({ queryKey: roundKey(id), queryFn: ({ signal }) => api.get<RoundDetail>(`/api/evaluation/rounds/${id}`, undefined, signal), retry: false });
}

export function useResult(id: number): UseQueryResult<RoundDetail> {
  return useQuery({ queryKey: resultKey(id), queryFn: ({ signal }) => api.get<RoundDetail>(`/api/evaluation/results/${id}`, undefined, signal), retry: false });
}

export function useSystems(): UseQueryResult<{ items: EvaluationSystem[] }> {
  return useQuery({ queryKey: ['evaluation', 'systems'], queryFn: ({ signal }) => api.get<{ items: EvaluationSystem[] }>('/api/evaluation/systems', undefined, signal) });
}

/** a leaf's rule as the assessor and the unit read it */
export function ruleText(item: SystemItem | undefined, system: Pick<EvaluationSystem, 'indicators'>): string {
  const rule = item?.rule;
  if (!rule) return '';
  if (rule.kind === 'manual') return `人工评分：${rule.guide}`;
  const ind = system.indicators?.[rule.indicator];
  const none = rule.whenNone === 'full' ? '；无可计数事项的得满分' : '';
  return `自动计算：${ind?.label ?? rule.indicator}，${scoringText(rule.scoring, ind?.unit ?? '')}${none}`;
}

/** a points figure as printed: 92.5, 10 */
export const pts = (n: number | null): string => (n === null ? '—' : String(Number(n.toFixed(1))));
