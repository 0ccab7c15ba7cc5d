/** what a finding of the reviewer carries to show its work (server/modules/report-review/review.schema.ts) */
export interface ReviewFinding {
  relation?: string;
  figures?: Array<{ label: string; raw: string; quote: string }>;
  arithmetic?: string;
}

/**
 * the lines under a finding: the relation checked, each figure with what the report states (文中写明, its verbatim
 * quote) and what the reviewer computed from them (核算结果, the arithmetic)
 */
export function findingDetails(f: ReviewFinding): { relation: string; figures: Array<{ figure: string; stated: string }>; computed: string } {
  return {
    relation: f.relation ? `依据：${f.relation}` : '',
    figures: (f.figures ?? []).map((x) => ({ figure: `${x.label || '（未标明）'} ${x.raw}`, stated: `文中写明：${x.quote}` })),
    computed: f.arithmetic ? `核算结果：${f.arithmetic}` : '',
  };
}
