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
  'subset_exceeds_total',
  'rate_mismatch',
  'percent_over_100',
  'inconsistent_value',
  'missing_section',
  'unreadable',
] as const;

export const findingSchema = z.object({
  kind: z.enum(findingKinds),
  /** for people, in Chinese */
  message: z.string(),
  /** the passage of the report the finding is about */
  text: z.string(),
  expected: z.string(),
  actual: z.string(),
});

export const fileReviewSchema = z.object({
  file: z.string(),
  figures: z.array(figureSchema),
  findings: z.array(findingSchema),
});

export const reviewResultSchema = z.object({ files: z.array(fileReviewSchema) });

export type FigurePart = z.infer<typeof figurePartSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type FindingKind = (typeof findingKinds)[number];
export type Finding = z.infer<typeof findingSchema>;
export type FileReview = z.infer<typeof fileReviewSchema>;
export type ReviewResult = z.infer<typeof reviewResultSchema>;
