import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { ReviewDetail } from '../../../../common/supervision.types.ts';

export type { ResultRow, ReviewCase, ReviewDetail, ScoreLine, SheetItem, SupervisionSheet } from '../../../../common/supervision.types.ts';

export const REVIEW_LEDGER = 'supervision.review';

// under the plan record's key: a draw or a finish (which change the record) refreshes the detail too
export const reviewKey = (id: number) => [...ledgerKeys.record(REVIEW_LEDGER, id), 'review'] as const;

export function useReview(id: number): UseQueryResult<ReviewDetail> {
  return useQuery({ queryKey: reviewKey(id), queryFn: ({ signal }) => api.get<ReviewDetail>(`/api/supervision/reviews/${id}`, undefined, signal), retry: false });
}

const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 合格: 'blue', 不合格: 'red' };
/** a grade's tag colour */
export const gradeColor = (g: string): string => GRADE_COLORS[g] ?? 'default';
