import type { Block, DocumentSpec } from '../../platform/reports/blocks.ts';
import { headingPrefix, officialDate } from '../../platform/reports/blocks.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { formatValue } from '../../platform/indicators/indicator.service.ts';
import { allTokens, CLAUSE, TOKEN, tokensOf, type ReportContent, type ReportItem } from './report.content.ts';

export type Values = ReadonlyMap<string, Pick<IndicatorValue, 'value' | 'unit' | 'breakdown' | 'label' | 'units'> & Partial<Pick<IndicatorValue, 'kind' | 'denominator'>>>;

export function formatParts(v: Pick<IndicatorValue, 'unit' | 'breakdown'>): string {
  const parts = v.breakdown.filter((b) => b.value > 0).map((b) => `${b.label}${formatValue({ value: b.value, unit: v.unit })}`);
  return parts.length ? parts.join('、') : '无';
}

/**
 * a figure with nothing behind it: a count or sum of 0, a rate whose denominator is 0. An unknown field is not
 * "nothing": it stays visible as 【…】
 */
export function countsNothing(values: Values, id: string): boolean {
  const v = values.get(id);
  if (!v) return false;
  if (v.kind === 'ratio' || v.denominator) return (v.denominator?.value ?? 0) === 0;
  return v.value === 0;
}

/** replaces live fields with their values; an unknown field stays visible as 【…】 so nobody prints a blank */
export function renderText(text: string, values: Values): string {
  // a clause goes when a figure in it has nothing to count: no "0件", no "0%" printed as if it were a result
  const kept = text.replace(CLAUSE, (_m, inner: string) => (tokensOf(inner).some((t) => countsNothing(values, t.id)) ? '' : inner));
  return kept.replace(TOKEN, (_m, id: string, fmt: string | undefined) => {
    const v = values.get(id);
    if (!v) return `【${id}】`;
    if (fmt === 'parts') return formatParts(v);
    if (fmt === 'n') return String(v.value);
    return formatValue(v);
  });
}

/** a paragraph as printed: its `none` sentence when its first figure has nothing to count, else its text */
export function renderItem(item: Pick<ReportItem, 'text' | 'none'>, values: Values): string {
  const first = tokensOf(item.text)[0];
  if (item.none !== undefined && first && countsNothing(values, first.id)) return renderText(item.none, values);
  return renderText(item.text, values);
}

/** drops template paragraphs whose fields name indicators that are not declared (their module is not installed) */
export function pruneUnknown(content: ReportContent, known: ReadonlySet<string>): ReportContent {
  const ok = (t: string): boolean => tokensOf(t).every((x) => known.has(x.id));
  // a clause naming an indicator no installed module declares goes; a paragraph still naming one goes whole
  const trim = (t: string): string => t.replace(CLAUSE, (m, inner: string) => (ok(inner) ? m : ''));
  const sections = content.sections.map((s) => {
    const items = s.items.map((i) => (i.type === 'para' ? { ...i, text: trim(i.text) } : i)).filter((i) => i.type === 'heading' || (ok(i.text) && ok(i.none ?? '')));
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
      paragraphs: s.items.map((it) => (it.type === 'heading' ? `${headingPrefix(2, ++sub)}${renderText(it.text, values)}` : renderItem(it, values))),
    };
  });
}

/** a unit of a county's appendix; `source` says whether its figures are its submitted ones, live ones, or missing */
export type AppendixUnit = { code: string; name: string; source?: 'submitted' | 'live' | 'missing' };

export function buildDocumentSpec(content: ReportContent, values: Values, sign: { org: string; date: string }, units: readonly AppendixUnit[] = []): DocumentSpec {
  const blocks: Block[] = [{ kind: 'title', text: content.title }];
  for (const p of content.preamble) blocks.push({ kind: 'para', text: renderText(p, values) });
  content.sections.forEach((s, i) => {
    blocks.push({ kind: 'heading', level: 1, text: `${headingPrefix(1, i + 1)}${s.title}` });
    let sub = 0;
    for (const it of s.items) {
      if (it.type === 'heading') blocks.push({ kind: 'heading', level: 2, text: `${headingPrefix(2, ++sub)}${renderText(it.text, values)}` });
      else blocks.push({ kind: 'para', text: renderItem(it, values) });
    }
  });
  blocks.push({ kind: 'signature', org: sign.org, date: officialDate(sign.date) });
  blocks.push(...unitsAppendix(content, values, units));
  return { title: content.title, blocks };
}

// unit columns per part of the appendix table: with the label and total columns, ten fit the type area in 五号
const APPENDIX_COLUMNS = 8;

/**
 * a county's report rests on its units' records: an appendix sets every figure the text quotes side by side for
 * each unit below (and the county's own records), with the total the text uses
 */
function unitsAppendix(content: ReportContent, values: Values, units: readonly AppendixUnit[]): Block[] {
  type V = NonNullable<ReturnType<Values['get']>>;
  const quoted = allTokens(content)
    .map((id) => values.get(id))
    .filter((v): v is V => v?.units !== undefined);
  if (!units.length || !quoted.length) return [];
  // the county's own records sit under its own code, the one code that is not a unit below
  const ownCode = [...new Set(quoted.flatMap((v) => Object.keys(v.units ?? {})))].find((c) => !units.some((u) => u.code === c));
  // a unit that has not submitted is marked in its column's heading: 未报 (its cells —), or 实时 (live records counted)
  const heading = (u: AppendixUnit): string => (u.source === 'missing' ? `${u.name}（未报）` : u.source === 'live' ? `${u.name}（实时）` : u.name);
  const columns: AppendixUnit[] = ownCode && quoted.some((v) => v.unit !== '%' && (v.units?.[ownCode] ?? 0) !== 0) ? [...units, { code: ownCode, name: '本级' }] : [...units];
  // a unit with nothing to count shows 0 for a count and — for a rate (no denominator, no rate); the unit of measure
  // goes with the row's label, so the cells hold bare numbers that fit their columns
  const missing = new Set(units.filter((u) => u.source === 'missing').map((u) => u.code));
  const cell = (v: V, code: string | null): string => {
    if (code !== null && missing.has(code)) return '—';
    const n = code === null ? v.value : v.units?.[code];
    return n === undefined ? (v.unit === '%' ? '—' : '0') : formatValue({ value: n, unit: v.unit }).slice(0, -v.unit.length);
  };
  // a county with many units gets the table in parts of at most eight unit columns, each repeating the labels; the
  // total closes the last part
  const parts = Array.from({ length: Math.ceil(columns.length / APPENDIX_COLUMNS) }, (_, i) => columns.slice(i * APPENDIX_COLUMNS, (i + 1) * APPENDIX_COLUMNS));
  return [
    { kind: 'pageBreak' },
    { kind: 'para', text: '附件', bold: true, indent: false },
    { kind: 'subtitle', text: '各单位主要数据汇总表' },
    ...parts.map((part, i): Block => {
      const last = i === parts.length - 1;
      return {
        kind: 'table',
        small: true,
        widths: [3, ...part.map(() => 1.2), ...(last ? [1.3] : [])],
        header: [['数据项', ...part.map(heading), ...(last ? ['合计'] : [])]],
        rows: quoted.map((v) => [{ text: `${v.label}（${v.unit}）`, align: 'left' as const }, ...part.map((c) => cell(v, c.code)), ...(last ? [cell(v, null)] : [])]),
      };
    }),
    ...(units.some((u) => u.source && u.source !== 'submitted')
      ? [{ kind: 'para' as const, indent: false, text: `注：各乡镇（街道）、部门数据取自其报送的年度报告；${units.some((u) => u.source === 'missing') ? '标“未报”的单位尚未报送，其数据未计入合计；' : ''}${units.some((u) => u.source === 'live') ? '标“实时”的单位尚未报送，其数据取自台账当前记录，以其报送的报告为准；' : ''}“本级”为县本级台账记录。` }]
      : units.some((u) => u.source === 'submitted')
        ? [{ kind: 'para' as const, indent: false, text: '注：各乡镇（街道）、部门数据取自其报送的年度报告，“本级”为县本级台账记录。' }]
        : []),
  ];
}
