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

export type { Clue, ClueList, ClueSource } from '../../../../common/supervision.types.ts';
export const INSTRUMENT_LEDGER = 'supervision.opinion';
export const cluesKey = (year: number) => ['supervision', 'clues', year] as const;
export const INSTRUMENT_KINDS = ['意见书', '决定书', '建议书'] as const;
export const ACTIVITY_MODES = ['日常监督', '专项监督', '案卷评查', '投诉举报处理', '联合检查', '执法检查', '重大执法决定备案审查'] as const;
