import type { Block, DocumentSpec } from '../../platform/reports/blocks.ts';
import { headingPrefix, officialDate } from '../../platform/reports/blocks.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { formatValue } from '../../platform/indicators/indicator.service.ts';
import { TOKEN, tokensOf, type ReportContent } from './report.content.ts';

export type Values = ReadonlyMap<string, Pick<IndicatorValue, 'value' | 'unit' | 'breakdown' | 'label'>>;

export function formatParts(v: Pick<IndicatorValue, 'unit' | 'breakdown'>): string {
  const parts = v.breakdown.filter((b) => b.value > 0).map((b) => `${b.label}${formatValue({ value: b.value, unit: v.unit })}`);
  return parts.length ? parts.join('、') : '无';
}

/** replaces live fields with their values; an unknown field stays visible as 【…】 so nobody prints a blank */
export function renderText(text: string, values: Values): string {
  return text.replace(TOKEN, (_m, id: string, fmt: string | undefined) => {
    const v = values.get(id);
    if (!v) return `【${id}】`;
    if (fmt === 'parts') return formatParts(v);
    if (fmt === 'n') return String(v.value);
    return formatValue(v);
  });
}

/** drops template paragraphs whose fields name indicators that are not declared (their module is not installed) */
export function pruneUnknown(content: ReportContent, known: ReadonlySet<string>): ReportContent {
  const ok = (t: string): boolean => tokensOf(t).every((x) => known.has(x.id));
  const sections = content.sections.map((s) => {
    const items = s.items.filter((i) => i.type === 'heading' || ok(i.text));
    // a sub-heading left with no paragraph under it goes too
    const kept = items.filter((i, n) => i.type === 'para' || (items[n + 1] !== undefined && items[n + 1]?.type === 'para'));
    return { ...s, items: kept };
  });
  return { ...content, preamble: content.preamble.filter(ok), sections };
}

export interface RenderedSection {
  title: string;
  paragraphs: string[];
}

/** the report as numbered sections of plain text: the JSON contract's sections[{title, paragraphs[]}] */
export function renderSections(content: ReportContent, values: Values): RenderedSection[] {
  return content.sections.map((s, i) => {
    let sub = 0;
    return {
      title: `${headingPrefix(1, i + 1)}${s.title}`,
      paragraphs: s.items.map((it) => (it.type === 'heading' ? `${headingPrefix(2, ++sub)}${renderText(it.text, values)}` : renderText(it.text, values))),
    };
  });
}

export function buildDocumentSpec(content: ReportContent, values: Values, sign: { org: string; date: string }): DocumentSpec {
  const blocks: Block[] = [{ kind: 'title', text: content.title }];
  for (const p of content.preamble) blocks.push({ kind: 'para', text: renderText(p, values) });
  content.sections.forEach((s, i) => {
    blocks.push({ kind: 'heading', level: 1, text: `${headingPrefix(1, i + 1)}${s.title}` });
    let sub = 0;
    for (const it of s.items) {
      if (it.type === 'heading') blocks.push({ kind: 'heading', level: 2, text: `${headingPrefix(2, ++sub)}${renderText(it.text, values)}` });
      else blocks.push({ kind: 'para', text: renderText(it.text, values) });
    }
  });
  blocks.push({ kind: 'signature', org: sign.org, date: officialDate(sign.date) });
  return { title: content.title, blocks };
}
