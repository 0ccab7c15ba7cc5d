import { reviewParagraphs } from '../report-review/review.service.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { allTokens, TOKEN, type ReportContent } from './report.content.ts';
import { renderItem, renderText } from './report.render.ts';

export interface Check {
  id: string;
  ok: boolean;
  severity: 'error' | 'warning';
  message: string;
  /** where: a section key and paragraph index, when the check is about one place */
  at?: { section: string; item: number };
}

// a number with a unit, typed by hand rather than inserted as a live field (years, dates, ordinals excluded)
const HAND_NUMBER = /(?<![\d年月日第〔（(])(\d+(?:\.\d+)?)\s*(件|宗|次|人次|项|个|名|人|场|条|%|％|万元|亿元|元|家|份|户)/g;

export function handTypedNumbers(content: ReportContent): Check[] {
  const out: Check[] = [];
  content.sections.forEach((s) =>
    s.items.forEach((it, i) => {
      const bare = it.text.replace(TOKEN, '□');
      for (const m of bare.matchAll(HAND_NUMBER)) {
        const from = Math.max(0, (m.index ?? 0) - 12);
        out.push({ id: `hand_typed.${s.key}.${i}.${m.index ?? 0}`, ok: false, severity: 'warning', message: `手工录入的数字“${m[0]}”未关联台账，无法追溯来源：“…${bare.slice(from, (m.index ?? 0) + m[0].length + 4)}…”`, at: { section: s.key, item: i } });
      }
    }),
  );
  return out;
}

/** consistency checks run on a draft before submission; errors block submission, warnings are shown */
export function checkDraft(content: ReportContent, values: ReadonlyMap<string, IndicatorValue>, yoyThreshold = 0.5): Check[] {
  const checks: Check[] = [];
  for (const s of content.sections) {
    const text = s.items.filter((i) => i.type === 'para').map((i) => i.text.trim()).join('');
    const ok = !s.required || text.length >= 10;
    checks.push({ id: `section.${s.key}`, ok, severity: 'error', message: ok ? `“${s.title}”已填写` : `必备部分“${s.title}”为空或过于简略，请补充` });
  }
  checks.push(...handTypedNumbers(content));
  const quoted = new Set(allTokens(content));
  for (const [id, v] of values) {
    // a ratio's parts are ratios of their own (visits per enterprise of each plan kind): they do not add up
    if (v.breakdown.length && v.unit !== '%' && !v.denominator && !('overlapping' in v && v.overlapping)) {
      const sum = Math.round(v.breakdown.reduce((a, b) => a + b.value, 0) * 100) / 100;
      if (Math.abs(sum - v.value) > 0.011) checks.push({ id: `parts.${id}`, ok: false, severity: 'error', message: `“${v.label}”分项之和${sum}与总数${v.value}不一致` });
    }
    // a statutory floor: every major decision with its legality review, every decision with all five procedures
    if (v.required !== undefined && v.denominator && v.denominator.value > 0 && v.value < v.required) {
      const missing = Math.round(v.denominator.value - (v.numerator?.value ?? 0));
      checks.push({ id: `required.${id}`, ok: false, severity: 'error', message: `“${v.label}”为${v.value}%，应达到${v.required}%（${missing}件未达到要求），请核实相关台账记录` });
    }
    const prev = v.previous;
    // only figures the text actually quotes are worth a question about their change
    if (prev !== undefined && prev > 0 && v.unit !== '%' && quoted.has(id)) {
      const change = (v.value - prev) / prev;
      if (Math.abs(change) > yoyThreshold) {
        checks.push({ id: `yoy.${id}`, ok: false, severity: 'warning', message: `“${v.label}”较上年${change > 0 ? '增加' : '减少'}${Math.round(Math.abs(change) * 100)}%（上年${prev}，本年${v.value}），请核实或在报告中说明原因` });
      }
    }
  }
  // the examiner's arithmetic on the text as it will be printed
  const rendered = [...content.preamble.map((t) => renderText(t, values)), ...content.sections.flatMap((s) => s.items.map((i) => (i.type === 'para' ? renderItem(i, values) : renderText(i.text, values))))];
  const review = reviewParagraphs('draft', rendered);
  for (const [n, f] of review.findings.entries()) {
    if (f.kind === 'missing_section') continue;
    checks.push({ id: `review.${f.kind}.${n}`, ok: false, severity: 'warning', message: `${f.message}（原文：“${f.text}”）` });
  }
  return checks;
}

export const blocking = (checks: readonly Check[]): Check[] => checks.filter((c) => !c.ok && c.severity === 'error');
