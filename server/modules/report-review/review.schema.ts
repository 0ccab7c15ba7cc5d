import { z } from 'zod';

// the JSON of `fazhi review --format json` and of the upload API; a stable contract (docs/architecture.md)

export const figurePartSchema = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string(),
});

export const figureSchema = z.object({
  /** the sentence the figure stands in, in the original script */
  text: z.string(),
  label: z.string(),
  /** the number as written, before any 万/亿 multiplier */
  value: z.number(),
  /** the unit as written, multiplier included: 万元 */
  unit: z.string(),
  parts: z.array(figurePartSchema),
  /** the figure as written: "1140余万元" */
  raw: z.string(),
  approximate: z.boolean(),
  /** value in the base unit: 1140万元 → 11400000 元 */
  normalized: z.object({ value: z.number(), unit: z.string() }),
  numerator: figurePartSchema.optional(),
  denominator: figurePartSchema.optional(),
});

export const findingKinds = [
  'parts_sum_mismatch',
  'table_mismatch',
  'sequence_violation',
  'subset_exceeds_total',
  'rate_mismatch',
  'average_mismatch',
  'difference_mismatch',
  'percent_over_100',
  'inconsistent_value',
  'missing_section',
  'unreadable',
] as const;

/** one figure a finding rests on: what it is, as written, and the passage it was read from */
export const findingFigureSchema = z.object({
  label: z.string(),
  /** as written: "120件", or a table cell "12" */
  raw: z.string(),
  value: z.number(),
  unit: z.string(),
  /** a passage of the report text, verbatim (a substring of the paragraph or table row it stands in) */
  quote: z.string(),
});

export const findingSchema = z.object({
  kind: z.enum(findingKinds),
  /** for people, in Chinese */
  message: z.string(),
  /** the passage of the report the finding is about, verbatim */
  text: z.string(),
  /** what the report's text or table says (the value the report states) */
  expected: z.string(),
  /** what the arithmetic on the report's own figures gives */
  actual: z.string(),
  /** the relation the reviewer saw, in words: "其中所列各项之和应等于总数" */
  relation: z.string(),
  /** the figures the check used, each with its quote */
  figures: z.array(findingFigureSchema),
  /** the arithmetic, written out: "70 + 32 + 15 + 904 = 1021 ≠ 967" */
  arithmetic: z.string(),
});

export const fileReviewSchema = z.object({
  file: z.string(),
  /** which annual report the file was read as: 法治政府建设 (ruleOfLaw) or 政府信息公开 (disclosure) */
  reportType: z.enum(['ruleOfLaw', 'disclosure']).optional(),
  figures: z.array(figureSchema),
  findings: z.array(findingSchema),
});

export const reviewResultSchema = z.object({ files: z.array(fileReviewSchema) });

export type FigurePart = z.infer<typeof figurePartSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type FindingKind = (typeof findingKinds)[number];
export type Finding = z.infer<typeof findingSchema>;
export type FindingFigure = z.infer<typeof findingFigureSchema>;
export type FileReview = z.infer<typeof fileReviewSchema>;
export type ReviewResult = z.infer<typeof reviewResultSchema>;
