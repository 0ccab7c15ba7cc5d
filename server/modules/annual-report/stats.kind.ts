/** report_draft/report_version rows of the 行政执法统计年报 carry this kind (the 法治 annual report's is 'annual') */
export const STATS_KIND = 'enforcement-stats';
