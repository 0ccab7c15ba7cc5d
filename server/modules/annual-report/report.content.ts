import type { ReportContent } from '../../../common/reports.types.ts';

// a report's content (its shapes are shared with the web app)
export type { ReportContent, ReportItem, ReportSection } from '../../../common/reports.types.ts';

/**
 * live fields in the text: {{mediation.cases}} → 331件; {{mediation.cases|parts}} → 劳动争议35件、合同纠纷4件…;
 * {{mediation.cases|n}} → 331 (the number only)
 */
export const TOKEN = /\{\{([a-z][a-z0-9_.-]*)(?:\|(parts|n))?\}\}/g;

export function tokensOf(text: string): Array<{ id: string; format: 'value' | 'parts' | 'n' }> {
  return [...text.matchAll(TOKEN)].map((m) => ({ id: m[1] ?? '', format: (m[2] as 'parts' | 'n' | undefined) ?? 'value' }));
}

/** a clause left out when a live field in it has nothing to count: 全年办结{{x}}[[，满意率{{y}}]]。 */
export const CLAUSE = /\[\[([^\]]*)\]\]/g;

export function allTokens(content: ReportContent): string[] {
  const texts = [...content.preamble, ...content.sections.flatMap((s) => s.items.flatMap((i) => [i.text, i.none ?? '']))];
  return [...new Set(texts.flatMap((t) => tokensOf(t).map((x) => x.id)))];
}
