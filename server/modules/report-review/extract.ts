import type { Quantity } from './numbers.ts';
import { findQuantities, matchForm, unitFamily } from './numbers.ts';
import { countLabel, rateLabels, scopeOf, tidy } from './labels.ts';
import type { SectionId, SectionMap } from './sections.ts';
import { mapSections } from './sections.ts';
import { isTableRow } from './tables.ts';

export type FactKind = 'count' | 'amount' | 'rate';

/** a list of parts of a whole, with the word that made them parts and whether they are meant to cover it */
export interface PartList {
  linkWord: string;
  parts: Fact[];
  complete: boolean;
}

/** one quantitative claim of a report, with where it stands and how it relates to others */
export interface Fact {
  quantity: Quantity;
  label: string;
  kind: FactKind;
  /** verbs and nouns before the number, fillers dropped: two figures are the same claim only when this matches */
  scope: string;
  /** the words around the number, for matching a rate to its counts */
  context: string;
  paragraph: number;
  sentence: [number, number];
  /** bracket depth, so "18宗（11宗已办结…）" keeps inner and outer lists apart */
  depth: number;
  /** a percentage of change (增长120%), not a share */
  growth: boolean;
  /** what period the clause speaks of when it names one ("2023年", a comparison with last year) */
  period: string;
  section: SectionId | undefined;
  quote: string;
  parts: Fact[];
  /** the parts are meant to cover the whole (a "其中" list of two or more, no 等, no approximations) */
  partsComplete: boolean;
  partOf: Fact | undefined;
  /** the word that made the parts parts: 其中, 包括, 含, 合计, or a list right after the total */
  linkWord: string;
  numerator: Fact | undefined;
  denominator: Fact | undefined;
  /** other bases the text leaves open: 化解率 after 排查, 调处 and 化解 may be of either earlier stage */
  otherDenominators: Fact[];
  /** a change, not a quantity of its own: "同比增加6场次", "下降1.3个百分点" */
  delta: boolean;
  /** the rule a rate is computed by, when the platform fixes one (败诉率) */
  rateRule: string | undefined;
  /** a stage of one piece of work (排查, 调处, 化解) and the earlier stage it follows in the same sentence */
  stage: string | undefined;
  stageOf: Fact | undefined;
  /** a change stated with both figures: "156件，较2023年的128件增长21.9%" — this year's figure, last year's, and the direction */
  /** (`word`: a time limit cut short, "较法定时限20个工作日压缩87%", rather than a change over a year) */
  change: { current: Fact; base: Fact; down: boolean; word?: string } | undefined;
  /** "168件，比上年增加26件，增长18.3%": a change of `current` by `diff`, last year's figure left unsaid */
  changeBy: { current: Fact; diff: Fact; down: boolean } | undefined;
  /** "欺凌事件较上年的14起减少5起，下降35.7%": a change told by last year's figure and the difference alone, this year's
   * figure unsaid — the rate is `diff` ÷ `base` */
  changeFrom: { base: Fact; diff: Fact; down: boolean } | undefined;
  /** "17件，比2024年的13件多出4件": this figure is the difference of `current` and `base` */
  difference: { current: Fact; base: Fact; down: boolean } | undefined;
  /** "共计220件；已审结198件，结转下年22件": this figure is carried over, `done` was finished, of `total` */
  balance: { total: Fact; done: Fact } | undefined;
  /** the balance is "另有/其余": what is left of the whole besides `done` */
  remainder: boolean;
  /** last year's figure of a stated change or difference ("较上年的71件"): the figure of this year it is compared with; never a whole */
  baseOf: Fact | undefined;
  /** further breakdowns of the same whole ("从案件类型看，…；从办案程序看，…"): each list is to add up to it as well */
  breakdowns: PartList[];
  /** "年初在册25人，新接收11人，解除矫正9人，年末在册27人": this closing stock is the opening plus the additions minus the removals */
  stock: { opening: Fact; added: Fact[]; removed: Fact[] } | undefined;
  /** "合格率（含优秀）": the rate counts these figures together with its numerator */
  numeratorAlso: Fact[];
  /** "抽查312批次，不合格17批次，合格率94.6%": the numerator is what the rate leaves out; the rate is (whole − it) ÷ whole */
  complement: boolean;
  /** a figure of the closing summary ("总之，…", "总的看，…", a data list): it restates the body, as the introduction
   * does; 'other': a figure of the 其他需要报告的事项, which restates the body only in the body's words */
  summary: 'closing' | 'other' | undefined;
  /** "法律明白人272名，…全镇16个村（居）平均每个村（居）17名": this figure is `total` shared out over `count` */
  average: { total: Fact; count: Fact } | undefined;
}

const CLAUSE_BREAK = ',;:、(';
// the words right after each figure: what a count of places counts ("16个村（居）" → "村居平均每个村居")
const wordsAfter = new WeakMap<Fact, string>();
// figures shared out per unit ("平均每村38次", "村均9.8名", "按每村每年0.8万元标准"): each takes part only in its
// average and in its change, never in a list, a share or a rate
const perUnit = new WeakSet<Fact>();
// what "户均", "人均", "场均", "案均" share out over (PER_HEAD); places share out too ("村均")
const HEADS = '户|人|场|案|期';
// (and so do stretches of time: "月均104条")
const AVERAGE_WORDS = String.raw`(?:平均每[^,;:。\d]{1,8}|每[\u4e00-\u9fff]{1,4}平均|(?:${HEADS}|村|社区|月|日|周)均)`;
const AVERAGE_BEFORE = new RegExp(`${AVERAGE_WORDS}[^\\d,;:。]{0,6}$`);
/** the figure is said as an average ("人均上报15.7件"): no count of a rate, no whole of a list */
const saidAsAverage = (text: string, f: Fact): boolean => AVERAGE_BEFORE.test(text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start));
const PER_UNIT = new RegExp(String.raw`(${AVERAGE_WORDS}|每[\u4e00-\u9fff]{1,3}每[\u4e00-\u9fff]{1,2})\s*$`);
// ", 村均9.8名," between a whole and what is said of its parts
const AVERAGE_ASIDE_SOURCE = String.raw`,\s*${AVERAGE_WORDS}\s*约?\s*\d+(?:\.\d+)?[^\d,;:。]{0,3}`;
// the paragraph that sums the year up at the end, restating the body's figures
const SUMMARY = /^\s*(总之|总的看|总的来看|总体来看|总的来说|综上所述|综上|一句话概括|概括起来)/;
const APPENDIX = /^\s*(附\s*[:：]?[^。,，]{0,24}(数据统计|主要数据|数据表|统计表)|(主要|全年)?(成效|工作)?数据(统计)?\s*[:：]\s*$)/;
/** the acts that close a case: 审结, 办结, 结案 */
export const CASE_CLOSED = /审结|办结|结案/;
/** words that leave a case or a matter open: 未 (not), 尚 (still) */
const NOT_YET = /未|尚/;
/** words that place a figure in the year before */
export const LAST_YEAR = /上年|去年|同期/;
/** words that say a figure is the year before's or came over from it: no whole of this year's breakdown */
const CARRIED_OR_BEFORE = /结转|上年|去年|上一年/;
/** words that say the cases counted are still open: 未结, 尚未, 正在… */
const NOT_CLOSED = /未结|未办结|未审结|尚未|正在/;
const COMPARISON = /上年|去年|上一年|同期|同比|环比|较\d{4}年/;
// "…调处成功率" / "办结率为" right before the number (never 增长率, 增幅)
const NAMED_RATE_BEFORE = /,[^\d,;:。]*(?<!增长|增)率\s*(为|达到|达|是)?\s*$/;
const GROWTH = /去年|上年|同期|增长|增加|增幅|提高|提升|上升|下降|减少|降低|同比|环比|较上年|较去年|比上年|比去年|超出|超额|完成|翻/;
const QUOTE_LIMIT = 160;
// the words before a change of a figure: "同比增加", "较上年提高", "比2024年的13件多出"
const DELTA_BEFORE = /(同比|环比|较|比)[^,;:。]{0,12}(净增加|净增|净减少|净减|增加|增长|减少|下降|提高|降低|上升|多出|多|少)了?\s*$/;

/** every quantitative claim of a report, linked into totals with parts, subsets and rates */
export function extractFacts(paragraphs: readonly string[], sections: SectionMap = mapSections(paragraphs)): Fact[] {
  const facts: Fact[] = [];
  // "附：2025年度法治建设主要数据统计": the paragraphs after it restate the body's figures
  // (until the next part of the report begins)
  let appendix = false;
  paragraphs.forEach((original, p) => {
    if (sections.sectionOf[p] !== sections.sectionOf[p - 1]) appendix = false;
    if (APPENDIX.test(original)) appendix = true;
    // table rows are read by the table checks: their row names ("属于三类…") are no figures
    if (isTableRow(original)) return;
    const text = matchForm(original);
    const inParagraph: Fact[] = [];
    const depth = depthMap(text);
    // positions are shared by both forms; show the number as written
    const quantities = findQuantities(text).map((q) => ({ ...q, raw: original.slice(q.start, q.end) }));
    let previous: Fact[] = [];
    for (const sentence of sentenceSpans(text)) {
      const [s, e] = sentence;
      const inSentence = quantities.filter((q) => q.start >= s && q.start < e);
      const found: Fact[] = [];
      inSentence.forEach((q, k) => {
        const previousQuantity = inSentence[k - 1];
        // "培训执法人员3期120人次": a number right after another shares its words
        const named = previousQuantity?.end === q.start ? previousQuantity : q;
        const floor = Math.max(s, inSentence[inSentence.indexOf(named) - 1]?.end ?? s);
        const before = text.slice(clauseStart(text, named.start, floor), named.start);
        const after = text.slice(q.end, clauseEnd(text, q.end, inSentence[k + 1]?.start ?? e));
        const kind: FactKind = q.unit === '%' || q.unit === '‰' ? 'rate' : q.unit.endsWith('元') ? 'amount' : 'count';
        const labels = kind === 'rate' ? rateLabels(before) : [countLabel(before, after)];
        // the last year named before the figure in its sentence ("2023年，我镇共受理…")
        const year = [...text.slice(s, q.start).matchAll(/(\d{4})\s?年/g)].pop()?.[1] ?? '';
        for (const label of labels.length > 0 ? labels : ['']) {
          found.push({
            quantity: q,
            label,
            kind,
            scope: `${scopeOf(before)}|${label}`,
            context: tidy(before + after),
            paragraph: p,
            sentence,
            depth: depth[q.start] ?? 0,
            // (a rate named right before it is no change for a change said before its name: "增长8.7%，调处成功率94.2%")
            growth: kind === 'rate' && GROWTH.test(text.slice(Math.max(s, q.start - 12), q.start)) && !NAMED_RATE_BEFORE.test(text.slice(Math.max(s, q.start - 12), q.start)),
            // ("上年结转" is this year's work carried in, no comparison)
            period: `${year}${COMPARISON.test(text.slice(s, e).replace(/(上|上一)年度?结转/g, '')) ? '~' : ''}`,
            section: sections.sectionOf[p],
            quote: '',
            parts: [],
            partsComplete: false,
            partOf: undefined,
            linkWord: '',
            numerator: undefined,
            denominator: undefined,
            otherDenominators: [],
            // (digits grouped by commas are one number: "较2024年的2,453件减少")
            delta: DELTA_BEFORE.test(text.slice(Math.max(s, q.start - 20), q.start).replace(/(\d),(?=\d{3})/g, '$1')) || /^\s*个?百分点/.test(text.slice(q.end, q.end + 5)),
            rateRule: undefined,
            stage: undefined,
            stageOf: undefined,
            change: undefined,
            changeBy: undefined,
            changeFrom: undefined,
            difference: undefined,
            balance: undefined,
            remainder: false,
            baseOf: undefined,
            breakdowns: [],
            stock: undefined,
            numeratorAlso: [],
            complement: false,
            average: undefined,
            // a paragraph of the 其他需要报告的事项 about the year's data ("上述数据均来源于…", "年度主要数据") restates them
            summary: appendix || SUMMARY.test(text) || (sections.sectionOf[p] === 'other' && /数据/.test(text)) ? 'closing' : sections.sectionOf[p] === 'other' ? 'other' : undefined,
          });
        }
      });
      for (const f of found) wordsAfter.set(f, text.slice(f.quantity.end, f.quantity.end + 12).replace(/[()（）]/g, ''));
      for (const f of found) if (f.kind !== 'rate' && PER_UNIT.test(text.slice(Math.max(s, f.quantity.start - 16), f.quantity.start))) perUnit.add(f);
      const linked = found.filter((f) => !perUnit.has(f));
      linkBracketedParts(text, linked);
      linkPairedLists(text, sentence, linked);
      linkListParts(text, sentence, linked, previous);
      linkSentenceLists(text, sentence, linked, previous, inParagraph);
      linkRespectively(text, sentence, linked, previous);
      linkTrailingTotals(text, linked);
      linkColonLists(text, sentence, linked);
      linkBareLists(text, sentence, linked);
      linkGradesOfWholeBefore(text, sentence, linked, previous);
      linkActOutcomes(text, sentence, linked, previous);
      linkIntakeSplits(text, [...previous, ...linked]);
      linkReviewedOutcomes(text, linked);
      linkAllOutcomes(text, linked);
      linkLossRate(text, linked, inParagraph);
      linkCorrectionRate(linked, inParagraph);
      linkStages(text, linked);
      linkChanges(text, found);
      linkBalance(text, linked, previous);
      linkCarriedOver(text, linked, inParagraph);
      linkBreakdowns(text, sentence, linked, inParagraph);
      linkBreakdownGoingOn(text, sentence, linked, inParagraph);
      linkRemainders(text, linked, inParagraph);
      linkProgress(text, linked, inParagraph);
      linkTimeCut(text, linked);
      linkDueDone(text, linked);
      linkIncludedRates(text, linked);
      linkRates(text, linked);
      linkComplementRates(text, linked);
      linkListedRates(text, linked);
      linkOutcomeRates(text, linked, inParagraph);
      inParagraph.push(...linked);
      previous = linked;
      linkAverages(text, found, facts);
      for (const f of found) f.quote = quoteOf(original, f);
      facts.push(...found);
    }
    linkChangeOverSentences(text, inParagraph);
    linkSharesRespectively(text, inParagraph);
    linkShares(text, inParagraph, facts.filter((f) => f.paragraph < p && !perUnit.has(f)));
    linkDistantRates(text, inParagraph);
    linkWholeThenPartRates(text, inParagraph);
    linkRatedBalance(text, inParagraph);
    linkStocks(text, inParagraph);
  });
  linkColonLines(paragraphs, facts);
  return facts;
}

// "…经费486万元，具体为：" and then one item a line ("普法宣传  138万元"): the lines list the whole before the colon
const COLON_END = /^[^\d,，;；:：。]{0,3}[,，]\s*[^\d,，;；:：。]{0,4}(具体为|具体如下|分别为|构成如下|如下|包括)\s*[:：]\s*$/;
const ITEM_LINE = /^\s*[^\d,，;；:：。]{2,24}?\s+\d[\d,.]*\s*[^\d\s,，;；:：。]{1,4}\s*$/;

function linkColonLines(paragraphs: readonly string[], facts: Fact[]): void {
  paragraphs.forEach((paragraph, p) => {
    const whole = facts.filter((f) => f.paragraph === p).pop();
    if (whole === undefined || whole.kind === 'rate' || !ownLevel(whole) || whole.parts.length > 0 || !COLON_END.test(paragraph.slice(whole.quantity.end))) return;
    const items: Fact[] = [];
    for (let q = p + 1; q < paragraphs.length && ITEM_LINE.test(paragraphs[q] ?? ''); q++) {
      const line = facts.filter((f) => f.paragraph === q);
      const [item] = line;
      if (item === undefined || line.length !== 1 || item.kind !== whole.kind || item.quantity.unit !== whole.quantity.unit) return;
      items.push(item);
    }
    if (items.length < 2) return;
    whole.linkWord = '具体为';
    attach(whole, items, true);
  });
}

function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[。!?]/.test(text[i] ?? '')) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

// depth[i]: brackets open before position i
function depthMap(text: string): number[] {
  const depth: number[] = [];
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth.push(d);
    if (text[i] === '(') d += 1;
    else if (text[i] === ')') d = Math.max(0, d - 1);
  }
  depth.push(d);
  return depth;
}

// start of the phrase that names a number: back to a comma, 其中, an open bracket or the previous number
function clauseStart(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor) {
    const ch = text[i - 1] ?? '';
    if (CLAUSE_BREAK.includes(ch) || text.slice(i - 2, i) === '其中') break;
    if (ch === '”') {
      // a quoted name is one word: 开展“双随机、一公开”抽查
      const open = text.lastIndexOf('“', i - 2);
      if (open >= floor) {
        i = open;
        continue;
      }
    }
    if (ch === ')') {
      // skip a short aside like "专(兼)职"
      const open = text.lastIndexOf('(', i - 2);
      if (open >= floor && i - open <= 10 && !/\d/.test(text.slice(open, i))) {
        i = open;
        continue;
      }
      break;
    }
    i -= 1;
  }
  return i;
}

function clauseEnd(text: string, pos: number, ceiling: number): number {
  let i = pos;
  while (i < ceiling && i - pos < 24 && !`${CLAUSE_BREAK})。!?`.includes(text[i] ?? '')) i += 1;
  return i;
}

function sameFamily(a: Fact, b: Fact): boolean {
  return a.kind === b.kind && unitFamily(a.quantity.normalized.unit) === unitFamily(b.quantity.normalized.unit);
}

// "审查94件，其中重大行政决策5件、合同协议63份、其他文件26件": papers and matters are counted as one in a list of what
// was examined
const PAPERS = new Set(['件', '份', '项']);

function listMates(a: Fact, b: Fact): boolean {
  return sameFamily(a, b) || (a.kind === 'count' && b.kind === 'count' && PAPERS.has(a.quantity.unit) && PAPERS.has(b.quantity.unit));
}

/** the words before a figure, fillers dropped: what the text says was done or counted */
export function wordsOf(f: Fact): string {
  return f.scope.split('|')[0] ?? '';
}

/** a count of the text's own level that may be a whole: no part of another, no change and no last year's figure compared with */
function canBeWhole(f: Fact): boolean {
  return f.kind === 'count' && ownLevel(f);
}

/** a figure of the text's own level, said of itself: no part of another, no change, no last year's figure */
function ownLevel(f: Fact): boolean {
  return f.depth === 0 && f.partOf === undefined && !f.delta && f.baseOf === undefined;
}

function attach(total: Fact, parts: Fact[], complete: boolean): void {
  total.parts = parts;
  total.partsComplete = complete && parts.length >= 2 && [total, ...parts].every((f) => !f.quantity.approximation);
  for (const part of parts) part.partOf = total;
}

function addBreakdown(total: Fact, linkWord: string, parts: Fact[], complete: boolean): void {
  total.breakdowns.push({ linkWord, parts, complete: complete && [total, ...parts].every((f) => !f.quantity.approximation) });
  for (const part of parts) part.partOf = total;
}

// "…等" after the last part says the list is not exhaustive
function endsWithEtc(text: string, last: Fact): boolean {
  return /^\s*等/.test(text.slice(last.quantity.end));
}

// the items of a list that breaks two wholes down at once (linkPairedLists): no 其中 of theirs is read again
const pairedItems = new WeakSet<Fact>();

// "项目共23个，总投资1,846万元，其中产业发展类项目14个、投资1,212万元，基础设施类项目9个、投资634万元": a 其中 after two
// figures of two units lists items each told in both, and each column adds up to its own whole
function linkPairedLists(text: string, [s, e]: [number, number], facts: Fact[]): void {
  for (const marker of text.slice(s, e).matchAll(/其中/g)) {
    const at = s + marker.index;
    const before = facts.filter((f) => f.quantity.end <= at);
    const [x, y] = before.slice(-2);
    if (x === undefined || y === undefined || x.kind === 'rate' || y.kind === 'rate' || x.depth !== 0 || y.depth !== 0) continue;
    if (x.quantity.normalized.unit === y.quantity.normalized.unit || x.partOf !== undefined || y.partOf !== undefined) continue;
    // the two wholes follow one another, the list right after them
    if (!/^\s*[,、]\s*[^\d,;:。]{0,8}$/.test(text.slice(x.quantity.end, y.quantity.start)) || !/^\s*[,;]?\s*$/.test(text.slice(y.quantity.end, at))) continue;
    const after = facts.filter((f) => f.quantity.start > at);
    const xs: Fact[] = [];
    const ys: Fact[] = [];
    for (let k = 0; k + 1 < after.length; k += 2) {
      const [a, b] = [after[k] as Fact, after[k + 1] as Fact];
      if (a.depth !== 0 || b.depth !== 0 || a.quantity.normalized.unit !== x.quantity.normalized.unit || b.quantity.normalized.unit !== y.quantity.normalized.unit) break;
      // each item: a name and its first figure, then the second right after it under the second whole's word ("、投资")
      if (!/^\s*[、,]\s*[^\d,;:。、]{0,6}$/.test(text.slice(a.quantity.end, b.quantity.start)) || !y.label.includes(b.label) || b.label.length < 2) break;
      const from = ys[ys.length - 1]?.quantity.end ?? at;
      if (!/^\s*[,;]?\s*[^\d,;:。]{2,20}$/.test(text.slice(from, a.quantity.start).replace(/^其中/, ''))) break;
      xs.push(a);
      ys.push(b);
    }
    const last = ys[ys.length - 1];
    if (last === undefined || ys.length < 2 || !/^\s*([,;。]|$)/.test(text.slice(last.quantity.end, e))) continue;
    const complete = !endsWithEtc(text, last);
    for (const [whole, items] of [[x, xs], [y, ys]] as const) {
      attach(whole, items, complete);
      whole.linkWord = '其中';
      for (const item of items) pairedItems.add(item);
    }
    // (an item's second figure is named by the item: "产业发展类项目投资1,212万元")
    ys.forEach((b, k) => {
      b.label = `${xs[k]?.label ?? ''}${b.label}`;
    });
  }
}

// "18宗（11宗已办结，7宗正在办理）" and "54项（其中自选39项）"
function linkBracketedParts(text: string, facts: Fact[]): void {
  for (const total of facts) {
    // ("净增41家（全年新增58家、注销17家）": a change told by what came and went is no sum)
    if (total.kind === 'rate' || total.parts.length > 0 || total.delta) continue;
    const open = total.quantity.end + (/^\s*/.exec(text.slice(total.quantity.end))?.[0].length ?? 0);
    if (text[open] !== '(') continue;
    const close = matchingClose(text, open);
    const content = text.slice(open + 1, close);
    const contains = /^\s*(含|包含|包括)/.test(content);
    // "（同比增长12%）", "（2023年为30件）" compare; "（含上年结转2件）" names a part carried from last year
    if (contains ? /同比|环比|增长|下降|增加|减少/.test(content) : COMPARISON.test(content) || /\d{4}\s?年/.test(content)) continue;
    const inner = facts.filter((f) => f.quantity.start > open && f.quantity.start < close && f.depth === total.depth + 1);
    const parts = takeWhile(inner, (f) => sameFamily(f, total) && f.partOf === undefined);
    const explicit = contains || /^\s*其中/.test(content);
    if (parts.length === 0 || (!explicit && parts.length < 2)) continue;
    const last = parts[parts.length - 1];
    total.linkWord = contains ? '含' : '其中';
    // "含上年结转2件" names some of the whole; "含行政处罚事项138项、行政检查事项18项" lists it
    attach(total, parts, (!contains || parts.length >= 2) && last !== undefined && !endsWithEtc(text, last));
  }
}

function matchingClose(text: string, open: number): number {
  let d = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') d += 1;
    else if (text[i] === ')' && --d === 0) return i;
  }
  return text.length;
}

// "共处理投诉967宗，其中来信来访70宗、上级交办32宗…": the total stands right before 其中 / 包括, or before a
// rate said of it ("共受理120件，办结率100%。其中，…")
function linkListParts(text: string, [s, e]: [number, number], facts: Fact[], previous: Fact[]): void {
  // "受理信访事项96件，含网上信访41件、来访43件、来信12件": 含 right after a comma lists the whole as 其中 does
  for (const marker of text.slice(s, e).matchAll(/其中|包括|(?<=,\s*)(?:含|涉及)(?=[^\d,;:。]{1,12}\d)/g)) {
    const at = s + marker.index;
    const word = marker[0];
    if (/\(\s*$/.test(text.slice(s, at))) continue;
    if (word === '包括' && /(其中|主要|还|也|不)\s*$/.test(text.slice(s, at))) continue;
    const depth = facts.find((f) => f.quantity.start > at)?.depth;
    if (depth === undefined) continue;
    const candidates = [...previous, ...facts].filter((f) => f.quantity.end <= at && f.depth === depth && f.kind !== 'rate');
    const first = facts.find((f) => f.quantity.start > at && f.depth === depth);
    if (first !== undefined && pairedItems.has(first)) continue;
    let total = candidates[candidates.length - 1];
    // "…排查矛盾纠纷1,246件，调处1,218件，化解1,187件。排查的纠纷包括物业纠纷468件、…": a sentence opening on what a verb
    // was done to names the figure told with that verb, or none
    const lead = tidy(text.slice(s, at));
    const opened = /^[^的]{2,4}的[^\d,;:。]{1,8}$/.test(lead) && !facts.some((f) => f.quantity.end <= at);
    if (opened) {
      total = byVerb(lead, previous);
      if (total === undefined) continue;
      // (the first item is named after the marker: "物业纠纷", not "纠纷包括物业纠纷")
      if (first !== undefined && first.label.includes(word)) first.label = first.label.slice(first.label.lastIndexOf(word) + word.length);
    }
    // "受理63件，较上年的71件减少8件。其中来信8件…": last year's figure and the change are no whole; this year's is —
    // in the same sentence too, before the change is linked: "收到21件，较2024年的16件增长31.3%，其中自然人申请18件…"
    const prior = total === undefined ? undefined : candidates[candidates.indexOf(total) - 1];
    if (total !== undefined && prior !== undefined && total.baseOf === undefined && sameFamily(prior, total) && CHANGE.test(text.slice(prior.quantity.end, total.quantity.start))) total.baseOf = prior;
    // (…however much is said between them: "对1,326户次纳税人的…不予行政处罚，较上年的1,145户次增长15.8%，其中…")
    if (total !== undefined && prior !== undefined && total.baseOf === undefined && prior.sentence[0] === total.sentence[0] && sameFamily(prior, total) && prior.quantity.unit === total.quantity.unit && /^(较|比)(上年|去年|上一年|\d{4}年)(同期)?的?$/.test(wordsOf(total))) total.baseOf = prior;
    // "…固体废物29件、其他38件，其中经现场核查属实127件": a 其中 after the last item of a list joined by 、 is of the
    // list's whole, which the sentence leaves to the reader: silent
    // "涉及…审批的5件，涉及…防御的3件": items told alike, the one before is no whole of the next
    // ("涉及低保、临时救助等社会救助事项的5件": the items may hold a 、 of their own)
    if (total !== undefined && word === '涉及' && /(^|[,;])\s*涉及[^,;:。\d]*$/.test(text.slice(s, total.quantity.start))) continue;
    const item = total === undefined ? undefined : candidates[candidates.indexOf(total) - 1];
    if (total !== undefined && item !== undefined && sameFamily(item, total) && /^、[^,;:。\d]*$/.test(text.slice(item.quantity.end, total.quantity.start))) continue;
    // "…，其他许可224件。其中即来即办件15,208件，占全部许可量的81.6%": a 其中 opening a sentence after an item of a
    // list is of the list's whole, which it names in its own words: silent
    if (total !== undefined && total.partOf !== undefined && total.sentence[0] !== s && first !== undefined && first.quantity.normalized.value > total.quantity.normalized.value) continue;
    // "新收申请24件，上年结转1件。其中自然人申请19件…": what came over is no whole of more than itself
    if (total !== undefined && first !== undefined && /结转/.test(total.scope) && first.kind === total.kind && first.quantity.normalized.value > total.quantity.normalized.value) continue;
    const changed = total?.baseOf ?? total?.difference?.current;
    if (changed !== undefined && changed.parts.length === 0 && sameFamily(changed, total as Fact)) total = changed;
    // "已整改2,874.6万元，占违规金额3,215.4万元的89.4%，其中上缴财政…": the base a share names is no whole; the figure
    // the share is of is
    const shareOf = total === undefined ? undefined : candidates[candidates.indexOf(total) - 1];
    const baseNamed = total !== undefined && shareOf !== undefined && shareOf.sentence[0] === total.sentence[0] && sameFamily(shareOf, total) && /^\s*,\s*占[^\d,;:。]{0,12}$/.test(text.slice(shareOf.quantity.end, total.quantity.start)) && /^\s*的\s*\d+(\.\d+)?%\s*,?\s*$/.test(text.slice(total.quantity.end, at));
    if (baseNamed) total = shareOf;
    // "办理案件142件，罚没款38.6万元，其中简易程序案件96件": in one sentence, the 其中 reaches back over a figure
    // of another kind to the last figure of its own
    if (total !== undefined && first !== undefined && !listMates(total, first)) {
      const own = candidates.filter((f) => f.sentence[0] === s && sameFamily(f, first)).pop();
      // ("…、行政案件46件，挽回经济损失2,318.6万元；其中农民工讨薪类案件294件": the last item of a list is no whole)
      const mate = own === undefined ? undefined : candidates[candidates.indexOf(own) - 1];
      if (own !== undefined && mate !== undefined && sameFamily(mate, own) && /^、[^,;:。\d]*$/.test(text.slice(mate.quantity.end, own.quantity.start))) continue;
      const between = facts.filter((f) => own !== undefined && f.quantity.start > own.quantity.start && f.quantity.end <= at);
      total = own !== undefined && between.length === 1 && between.every((f) => !sameFamily(f, first)) ? own : undefined;
      // "立案查处违法案件312件，结案298件，…罚没款186.4万元。其中，食品安全案件104件…": the nearest figure whose
      // name ends in the parts' head noun
      const head = first.label.slice(-2);
      total ??= head.length === 2 ? candidates.filter((f) => sameFamily(f, first) && f.label.endsWith(head)).pop() : undefined;
      if (total === undefined || total.parts.length > 0) continue;
    } else if (total?.delta === true) {
      // "普法活动52场次，同比增加6场次，其中…": the change is no whole; the figure it changes is
      let whole = candidates[candidates.indexOf(total) - 1];
      // "97件，较上年的88件增加9件，其中…": the figure changed is this year's, before last year's — and so it is when
      // figures of another kind stand between ("拆除47处、面积6,318平方米，较上年的35处增加12处。其中，…")
      const current = whole === undefined ? undefined : candidates[candidates.indexOf(whole) - 1];
      let compared = false;
      if (whole !== undefined && current !== undefined && sameFamily(current, whole) && CHANGE.test(text.slice(current.quantity.end, whole.quantity.start))) whole = current;
      else if (whole !== undefined && /较|比|上年|去年|同期/.test(wordsOf(whole))) {
        const named = whole;
        whole = candidates.slice(0, candidates.indexOf(named)).filter((f) => sameFamily(f, named) && f.sentence[0] === named.sentence[0] && f.quantity.unit === named.quantity.unit).pop();
        compared = true;
      }
      const between = whole === undefined ? '' : text.slice(whole.quantity.end, clauseStart(text, total.quantity.start, whole.quantity.end));
      total = whole !== undefined && !whole.delta && sameFamily(whole, total) && whole.sentence[0] === total.sentence[0] && (whole === current || compared || /^\s*,?\s*$/.test(between)) ? whole : undefined;
      if (total === undefined || total.parts.length > 0) continue;
    } else {
      // "调处纠纷968件，调解成功931件，调解成功率96.2%。其中物业纠纷386件…": a 其中 opening the next sentence after a
      // rate may list its base as well as its numerator; the one named with the items' head noun, else neither
      const outcome = total;
      const base = [...previous, ...facts].find((r) => r.kind === 'rate' && r.numerator === outcome && r.denominator !== undefined)?.denominator;
      // (in the next clause after a semicolon, "立案486件，结案462件，结案率95.1%；其中适用一般程序398件、…", the rate
      // is not read yet: which figure the 其中 is of is left unsaid)
      const rated = total;
      if (rated !== undefined && /;\s*$/.test(text.slice(s, at)) && facts.some((r) => r.kind === 'rate' && !r.growth && r.quantity.start > rated.quantity.end && r.quantity.end <= at) && candidates.some((f) => f !== rated && f.sentence[0] === rated.sentence[0] && sameFamily(f, rated) && f.quantity.unit === rated.quantity.unit)) continue;
      const afterRate = total !== undefined && base !== undefined && total.sentence[0] !== s && first !== undefined;
      if (afterRate) {
        const head = first.label.slice(-2);
        const named = [outcome, base].filter((f) => f !== undefined && head.length === 2 && f.label.endsWith(head));
        // (when both count as many, which one does not matter)
        total = named.length === 1 ? named[0] : outcome?.quantity.normalized.value === base.quantity.normalized.value ? base : undefined;
      }
      if (total === undefined || total.parts.length > 0) continue;
      // "共受理矛盾纠纷414件，调解成功400件，调解成功率96.6%，其中村级受理280件、…": after a rate in the same sentence
      // the items may name the act of the figure before the outcome: they are of that one
      const intake = candidates[candidates.indexOf(total) - 1];
      const itemAct = first?.label.slice(-2) ?? '';
      const byAct = !afterRate && intake !== undefined && first !== undefined && intake.sentence[0] === total.sentence[0] && intake.parts.length === 0 && sameFamily(intake, total) && intake.quantity.unit === total.quantity.unit && intake.quantity.normalized.value >= total.quantity.normalized.value
        && RATE_CLAUSE_BETWEEN.test(text.slice(total.quantity.end, at)) && /%/.test(text.slice(total.quantity.end, at)) && INTAKE.test(itemAct) && /^\s*,\s*$/.test(text.slice(intake.quantity.end, total.quantity.start).replace(/[^\d,;:。]+/g, '')) && itemAct.length === 2 && wordsOf(intake).includes(itemAct) && !wordsOf(total).includes(itemAct);
      if (byAct) total = intake as Fact;
      // ("提供服务342次，平均每村38次，其中…": an average said of the whole stands aside)
      const between = text.slice(total.quantity.end, at).replace(new RegExp(String.raw`^(\s*[^\d,;:。]{0,6})?${AVERAGE_ASIDE_SOURCE}(?=\s*,)`), '$1');
      const pair = candidates[candidates.indexOf(total) - 1];
      const paired = pair !== undefined && pair.sentence[0] === total.sentence[0] && PAIRED.test(text.slice(pair.quantity.end, total.quantity.start));
      if (!opened && !afterRate && !byAct && changed !== total && !baseNamed && !RATE_CLAUSE_BETWEEN.test(between) && !WORDS_CLAUSE_BETWEEN.test(between) && !(WORDS_AFTER_TOTAL.test(between) && !paired)) continue;
    }
    const after = facts.filter((f) => f.quantity.start > at);
    // a second 其中 opens a list of its own: "案件50件，其中处罚30件，其中简易程序10件" — one in brackets lists an
    // item's parts and the list goes on after it: "无法提供6件（其中本机关不掌握4件、需另行制作2件），不予处理2件"
    const next = outsideBrackets(text.slice(at + word.length, e), /其中|包括/g);
    // a semicolon closes the list: "其中婚姻家庭纠纷19件、…其他纠纷6件；调解成功159件" — the last is no part
    // "其中：A 4项；B 5项；C 2项。": after a colon the semicolons join the items
    const colon = /^(其中|包括)\s*:/.test(text.slice(at));
    const semi = colon ? -1 : text.slice(at, e).search(/[;；]/);
    const listEnd = Math.min(next >= 0 ? at + word.length + next : e, semi >= 0 ? at + semi : e);
    let previousEnd = at;
    let joiner: string | undefined;
    const firstLabel = first?.label ?? '';
    // "其中1件被复议机关纠正，…": items told number first go on only as number first; a clause that names
    // something else after the comma ("以…答复的申请仍有7件") is no item
    const numberFirst = first !== undefined && /^\s*[,:]?\s*$/.test(text.slice(at + word.length, first.quantity.start));
    // a list cut short by a change of joiner may go on in the next clause: its sum is then only a floor
    let cut = false;
    let restClosed = false;
    const taken: Fact[] = [];
    const aside = new Set<Fact>();
    const parts = takeWhile(after, (f) => {
      // "…、残疾人两项补贴130.80万元": a count inside the next item's name
      const next = after[after.indexOf(f) + 1];
      if (f.depth === depth && !listMates(f, total) && next !== undefined && next.depth === depth && listMates(next, total) && next.quantity.start < listEnd && /^[^\d,;:。、()]{1,10}$/.test(text.slice(f.quantity.end, next.quantity.start))) {
        aside.add(f);
        return true;
      }
      // "其中土地山林权属纠纷74起，占34.7%，婚姻家庭纠纷52起…": an item's share said right after it stands aside
      if (f.kind === 'rate' && f.depth === depth && previousEnd !== at && f.quantity.start < listEnd && /^\s*,\s*占\s*(比)?\s*$/.test(text.slice(previousEnd, f.quantity.start)) && after[after.indexOf(f) + 1] !== undefined && listMates(after[after.indexOf(f) + 1] as Fact, total)) {
        previousEnd = f.quantity.end;
        aside.add(f);
        return true;
      }
      if (f.quantity.start >= listEnd || (f.depth === depth && !listMates(f, total)) || f.depth < depth) return false;
      if (f.depth > depth) return true;
      const gap = text.slice(previousEnd, f.quantity.start);
      // "其中“双随机”抽查486家次，为上年324家次的1.5倍，专项检查521家次": last year's figure of the item before, and
      // the multiple, are said of that item; the list goes on after them
      const multiple = previousEnd !== at && LAST_YEAR_BEFORE.test(gap) ? MULTIPLE_AFTER.exec(text.slice(f.quantity.end)) : null;
      if (multiple !== null) {
        previousEnd = f.quantity.end + multiple[0].length;
        aside.add(f);
        return true;
      }
      // "受理工单1517件，环比二季度（1342件）增长13.0%": the figure compared with is no item, nor a change
      // "…，约为上年（2700人次）的2倍": nor is last year's figure
      if (previousEnd !== at && (CHANGE.test(gap.replace(/^[^,，]*/, '')) || f.delta || LAST_YEAR_BEFORE.test(gap))) return false;
      // "其中乡调委会10名、12个村调委会84名，每村7名": a figure for each of something ends the list, cutting nothing
      if (previousEnd !== at && /^\s*,\s*(平均)?每[\u4e00-\u9fff]{1,4}$/.test(gap)) return false;
      if (previousEnd !== at) {
        // "其中婚姻纠纷86件、邻里纠纷112件，调处成功318件": an outcome after a comma is no kind of the whole;
        // "其中企业9215户、个体工商户28794户，全年新增市场主体6127户": a list joined by 、 ends at a comma
        const comma = /,/.test(gap);
        if (comma && numberFirst && /\S{3,}$/.test(gap.slice(gap.lastIndexOf(',') + 1))) return false;
        // "其中自然人申请36件，法人或其他组织申请3件，另有上年结转申请2件": what there is besides is no item (the rest of a
        // list that falls short of its whole is read as such by linkRemainders)
        if (comma && /^\s*(另有|另外|此外)/.test(gap.slice(gap.lastIndexOf(',') + 1))) return false;
        // "其中涉法议题15个，会前均提交…审查，经审查后提交会议研究15个": what was done after a step is no kind of the whole
        // ("…，经调解和解后终止40件" is a disposition like the items before it)
        if (comma && /^\s*经[^\d,;:。]{1,8}后/.test(gap.slice(gap.lastIndexOf(',') + 1)) && !DISPOSITION.test(f.label) && !WITHDRAWN.test(f.label) && !OUTCOME.test(f.label)) return false;
        // …unless the list is itself one of outcomes: "其中受理1208件，不予受理97件，告知向其他机关申请59件"
        // ("通过…公众号发布168条" names a channel, not an outcome)
        // (grades exclude each other: "其中优秀78卷，合格167卷，不合格15卷")
        // ("其中维持176件，驳回38件，…，责令履行6件，经调解和解后终止40件": dispositions all)
        // (money is no outcome: "人民调解员补贴15.5万元")
        if (comma && f.kind !== 'amount' && OUTCOME.test(f.label.replace(/^通过/, '')) && !OUTCOME.test(firstLabel) && !(GRADE.test(f.label) && GRADE.test(firstLabel)) && !(OUTCOME_WORD.test(f.label) && OUTCOME_WORD.test(firstLabel))) return false;
        const sep = comma ? ',' : '、';
        joiner ??= sep;
        // "其中维持8件、撤销1件，申请人撤回申请后终止2件": outcomes that exclude each other go on past a comma
        const outcomes = taken.length > 0 && [...taken, f].every((x) => DISPOSITION.test(x.label) || WITHDRAWN.test(x.label));
        // "…、燃气安全类43.60万元，其余各类案件合计55.80万元": the rest after a comma is the last item
        if (restClosed) return false;
        if (joiner === '、' && sep === ',' && !outcomes && /^,\s*(其余|其他|其它)[^,;:。\d]*$/.test(gap)) restClosed = true;
        else if (joiner === '、' && sep === ',' && !outcomes) {
          // "…，全年新增市场主体6127户" names the whole again: the list has ended, not been cut
          // (…and so has one a clause of its own follows: "…、县直部门6件，均在规定时限内报送备案，报备14件")
          const head = total.label.slice(-4);
          const clauseBetween = (gap.match(/,/g) ?? []).length >= 2;
          // (…as has one a clause on what was achieved follows: "…、“法治书屋”6个，实现12个社区全覆盖")
          const achieved = /^\s*(实现|覆盖|达到|做到|确保|惠及)/.test(gap.slice(gap.lastIndexOf(',') + 1));
          cut = !clauseBetween && !achieved && (f.label === '' || head.length < 2 || !f.label.endsWith(head));
          return false;
        }
      }
      previousEnd = f.quantity.end;
      if (f.depth === depth) taken.push(f);
      return true;
    }).filter((f) => f.depth === depth && f.partOf === undefined && !aside.has(f));
    if (parts.length === 0) continue;
    const last = parts[parts.length - 1];
    const inclusive = /^(其中\s*,?\s*)?(包括|主要|如|有)/.test(text.slice(at)) && word === '其中';
    total.linkWord = word;
    attach(total, parts, !cut && last !== undefined && !endsWithEtc(text, last) && !inclusive && !/^主要/.test(text.slice(at + word.length)));
  }
}

// "…，为上年324家次" / "约为上年（2700人次）": the words before last year's figure
const LAST_YEAR_BEFORE = /(上年|去年|上一年)(同期)?(的)?\s*\(?\s*$/;
// "…的1.5倍" after it, up to the comma the next item follows
const MULTIPLE_AFTER = /^\s*\)?\s*的\s*\d+(\.\d+)?\s*倍(?=\s*,)/;

/** the figure says again, in words of its name, an item of a list told before it in the paragraph */
function restatesPart(text: string, f: Fact, before: readonly Fact[]): boolean {
  // (named before the number or after it: "在71件物业纠纷中")
  return before.some((g) => g.partOf !== undefined && g.paragraph === f.paragraph && g.quantity.unit === f.quantity.unit && g.quantity.normalized.value === f.quantity.normalized.value && sharesWord(g.label, text.slice(f.sentence[0], f.quantity.start) + f.label));
}

/** the two name a common two-character word */
const sharesWord = (a: string, b: string): boolean => [...a].some((_, i) => i + 2 <= a.length && /^[\u4e00-\u9fff]{2}$/.test(a.slice(i, i + 2)) && b.includes(a.slice(i, i + 2)));

/** where the first match stands outside brackets opened after the start; -1 when none does */
function outsideBrackets(text: string, re: RegExp): number {
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    if ((before.match(/\(/g) ?? []).length === (before.match(/\)/g) ?? []).length) return m.index;
  }
  return -1;
}

// outcomes that exclude each other: what a 清理 or a 复议 ends in; a list of them after a total is a partition of it
export const DISPOSITION = /^(结果)?(决定)?(需要|需)?(予以)?(保留|继续保留|继续有效|修改|修订|废止|宣布废止|宣布失效|失效|宣布废止或失效|废止或失效|废止或宣布失效|维持|撤销|变更|纠正|确认违法|责令履行|驳回|驳回复议请求|驳回诉讼请求|驳回原告诉讼请求|驳回申请|终止|终止审理)$/;

// "审结76件。审结案件中，维持48件、驳回9件…": a sentence that opens with what the last one counted, then lists it
function linkSentenceLists(text: string, [s, e]: [number, number], facts: Fact[], previous: Fact[], inParagraph: readonly Fact[] = []): void {
  // the opening may also follow a semicolon: "…，尚在审理期限内的53件；在审结的案件中，决定维持241件、…"
  const starts = [s, ...[...text.slice(s, e).matchAll(/;/g)].map((m) => s + m.index + 1)];
  for (const at of starts) linkListAfterOpening(text, at, e, facts, [...previous, ...facts.filter((f) => f.quantity.end <= at)], false, inParagraph);
  // "…，14条解读中，图解6条、…": after a comma an opening that states its own figure, or names the one right before it
  // ("已审结4件，审结案件中，胜诉3件、原告撤诉1件")
  for (const m of text.slice(s, e).matchAll(/,/g)) {
    const at = s + m.index + 1;
    const before = facts.filter((f) => f.quantity.end <= at).slice(-1);
    linkListAfterOpening(text, at, e, facts, before, before.length === 0);
  }
}

// "进入调处程序286件，…。调处的纠纷中，…": an opening "<verb>的<noun>" names the one count told with its verb
function byVerb(phrase: string, previous: readonly Fact[]): Fact | undefined {
  // ("在审结的案件中，…")
  const verb = /^([^的]{2,4})的/.exec(phrase.replace(/^在/, ''))?.[1];
  // ("进入调解程序645件，调解成功631件。调解的纠纷中，…": what the verb came to, 调解成功, is not what it was done to)
  const told = verb === undefined ? [] : previous.filter((f) => canBeWhole(f) && wordsOf(f).includes(verb) && !new RegExp(`${verb}(成功|不成|未成)`).test(wordsOf(f)));
  return told.length === 1 ? told[0] : decidedBefore(phrase, previous);
}

// "…全年审结行政复议案件84件，结转下年8件。审结案件中，决定维持41件、驳回复议请求9件、…终止审理19件。": an opening on the
// decided cases names the last figure told before of what was decided
const DECIDED = /^(?:在)?(?:已|全年|本年)?(审结|结案|办结)的?(?:[\u4e00-\u9fff]{0,6}?)(?:案件|事项)?$/;

function decidedBefore(phrase: string, previous: readonly Fact[]): Fact | undefined {
  const act = DECIDED.exec(phrase)?.[1];
  if (act === undefined) return undefined;
  return previous.filter((f) => canBeWhole(f) && wordsOf(f).includes(act) && !NOT_YET.test(wordsOf(f))).pop();
}

// "上报各类网格事件14,628件，…。上报事件中，…": an opening of an act and a noun names the one figure told with that act
// and ending on that noun, whatever stands between
function verbThenNoun(phrase: string, previous: readonly Fact[]): Fact | undefined {
  const m = /^([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2,4})$/.exec(phrase);
  if (m === null) return undefined;
  const [, act = '', noun = ''] = m;
  const told = previous.filter((f) => {
    const words = wordsOf(f);
    return canBeWhole(f) && words.endsWith(noun) && words.slice(0, -noun.length).includes(act);
  });
  return told.length === 1 ? told[0] : undefined;
}

function namedSum(phrase: string, inParagraph: readonly Fact[]): Fact | undefined {
  const named = inParagraph.filter((f) => f.kind === 'amount' && ownLevel(f) && f.label.length >= 2 && phrase.replace(/金额|总额|数额/, '') === f.label);
  return named.length === 1 ? named[0] : undefined;
}

// what a figure's name says was done, without the whole it was done among ("受理案件中已审结" → "审结")
const spokenOf = (label: string) => label.replace(/^[^\d,;:。中]{1,6}中(?=[^\d,;:。]{2})/, '').replace(/^(实际|已|全年|共)+/, '');

function linkListAfterOpening(text: string, s: number, e: number, facts: Fact[], previous: Fact[], ownOnly: boolean, inParagraph: readonly Fact[] = []): void {
  // "审结案件中，…" names a figure told before; "在调处的96件矛盾纠纷中，…" states its own; "准予许可的事项中：A 38件；
  // B 44件；其他7件" joins its items with semicolons after a colon
  const opening = /^\s*([^,;:。]{2,30})中\s*([,:])/.exec(text.slice(s, e));
  const phrase = tidy(opening?.[1] ?? '');
  if (opening === null || phrase === '') return;
  const colon = opening[2] === ':';
  const openingEnd = s + opening[0].length;
  const inside = facts.filter((f) => f.quantity.start >= s && f.quantity.end <= openingEnd && f.kind === 'count' && f.depth === 0);
  if (ownOnly && inside.length !== 1) return;
  const total =
    inside.length > 0
      ? inside.length === 1 && (/^\s*在/.test(opening[1] ?? '') || /(的|^)\s*$/.test(text.slice(s, inside[0]?.quantity.start ?? s))) ? inside[0] : undefined
      : (previous.filter((f) => f.kind === 'count' && f.depth === 0 && spokenOf(f.label).length >= 2 && phrase.includes(spokenOf(f.label))).pop() ??
        byVerb(phrase, previous) ??
        verbThenNoun(phrase, previous) ??
        // "…罚款512.6万元。从案件类型看，…。罚款金额中，大气污染类186.4万元、…": a sum of money named by the opening, the one
        // of the paragraph so named
        namedSum(phrase, inParagraph));
  if (total === undefined || total.parts.length > 0) return;
  const semi = colon ? -1 : text.slice(openingEnd, e).search(/[;；]/);
  // "14条解读中，图解6条，占42.9%；文字解读5条，占35.7%；…": items that carry their shares are joined by semicolons
  const shared = semi >= 0 && SHARE_AFTER_ITEM.test(text.slice(openingEnd, openingEnd + semi));
  const end = semi >= 0 && !shared ? openingEnd + semi : e;
  const parts: Fact[] = [];
  for (const f of facts.filter((x) => x.quantity.start >= openingEnd)) {
    // (an item's share may follow it between commas as well: "接听来电中，法律咨询24,137通，占91.2%，转办…1,256通")
    if (f.kind === 'rate' && parts.length > 0 && /^\s*[,、]?\s*占比?\s*$/.test(text.slice((parts[parts.length - 1] as Fact).quantity.end, f.quantity.start))) continue;
    if (f.quantity.start >= end || f.depth !== 0 || f.kind !== total.kind || !sameFamily(f, total) || f.partOf !== undefined) break;
    const raw = text.slice((parts[parts.length - 1] ?? f).quantity.end, f.quantity.start);
    const gap = shared ? raw.replace(SHARE_IN_GAP, '').replace(/^;/, '、') : raw.replace(/^(\s*,\s*占比?\s*\d+(\.\d+)?%)(?=\s*,)/, '');
    // "审结案件中，维持72件，驳回复议请求14件，撤销9件，…": outcomes are joined by commas as well
    // (never after items joined by 、, nor into what 其中 opens)
    const joinedByComma = parts.length < 2 || /^,/.test(text.slice((parts[0] as Fact).quantity.end, (parts[1] as Fact).quantity.start));
    // ("决定维持198件、驳回47件，确认违法12件、撤销19件…，终止144件": outcomes, whatever joins them)
    const outcomes = parts.length > 0 && [...parts, f].every((x) => OUTCOME_WORD.test(x.label)) && /^[,、][^,;:。\d]*$/.test(gap) && !/其中/.test(gap);
    // "调处的纠纷中，土地山林权属47件，婚姻家庭31件，…其他16件": kinds joined by commas, up to an outcome or 其他
    const kinds = parts.length > 0 && joinedByComma && ![parts[0] as Fact, f].some((x) => OUTCOME.test(x.label)) && !/^(其他|其它|其余)/.test((parts[parts.length - 1] as Fact).label) && /^,[^,;:。\d]*$/.test(gap) && !/其中|另有|其余|合计|共计/.test(gap);
    if (parts.length > 0 && !outcomes && !kinds && !(colon ? /^[、;][^,;。\d]*$/ : /^[、][^,;。\d]*$/).test(gap)) break;
    // ("办结的申请中，予以公开6件，占本年新收申请14件的46.2%": the base a share names is no item)
    if (parts.length > 0 && /^\s*[,、]\s*占[^\d,;:。]{0,12}$/.test(gap) && /^[^\d,;:。]{0,3}的\s*\d+(\.\d+)?%/.test(text.slice(f.quantity.end))) break;
    parts.push(f);
  }
  if (parts.length < 2) return;
  const last = parts[parts.length - 1];
  total.linkWord = `${opening[1] ?? ''}中`;
  attach(total, parts, last !== undefined && !endsWithEtc(text, last));
}

// "共办理案件1268件，刑事、民事、行政案件分别是426件、815件、27件": as many names as figures, after a total
const AVERAGE_ASIDE = new RegExp(String.raw`^\s*(?:${AVERAGE_ASIDE_SOURCE}\s*)?,\s*$`);

function linkRespectively(text: string, [s, e]: [number, number], facts: Fact[], earlier: readonly Fact[] = []): void {
  for (const m of text.slice(s, e).matchAll(/(?:分别|依次)(?:是|为|有|达到|达)/g)) {
    const at = s + m.index;
    const after = facts.filter((f) => f.quantity.start >= at + m[0].length);
    // the names run back to the clause's start: commas end it, 、 joins the names
    const namesFrom = Math.max(s, ...[',', ';', ':'].map((c) => text.lastIndexOf(c, at - 1) + 1));
    // "调解的241件纠纷分别为：土地承包和流转71件、…": the whole stands in the clause before 分别为
    // ("四个季度分别为…": a count of the items is none of their whole)
    const inside = facts.filter((f) => f.quantity.start >= namesFrom && f.quantity.end <= at && !/^[两二三四五六七八九十\d]+个$/.test(f.quantity.raw));
    const whole = inside.length === 1 && !/\d/.test(text.slice(inside[0]?.quantity.end ?? at, at)) ? inside[0] : undefined;
    // "案件15件，分别为查封扣押6件、限产停产3件…": with no names before, each figure after 分别为 carries its own
    // "四个季度分别为1385件、1542件…": names counted, not listed, are as good as none
    const bare = whole !== undefined || tidy(text.slice(namesFrom, at)) === '' || /^\s*[两二三四五六七八九十\d]+个[^、,;:。\d]{1,6}$/.test(text.slice(namesFrom, at));
    const parts: Fact[] = [];
    for (const f of after) {
      const gap = text.slice((parts[parts.length - 1]?.quantity.end ?? at + m[0].length), f.quantity.start).replace(/\([^()]*\)/g, '');
      if (parts.length > 0 && !(bare ? /^\s*、[^,;:。、\d]*$/ : /^\s*、\s*$/).test(gap)) break;
      if (parts.length === 0 && !(bare ? /^:?[^,;:。、\d]*$/ : /^:?\s*$/).test(gap)) break;
      parts.push(f);
    }
    const names = text.slice(namesFrom, at).split('、');
    const first = parts[0];
    const own = bare && (parts.every((f) => f.label !== '') || /个/.test(text.slice(namesFrom, at)));
    // "审结148件。审结案件的结果分别为：维持89件，驳回复议请求21件，…": outcomes of the whole the opening names, each
    // with its own name, joined by commas
    const outcomeOf = /^\s*([^\d,;:。]{2,8}?)(?:案件|事项|申请)?的?(?:结果|情况)$/.exec(text.slice(namesFrom, at))?.[1];
    const lead = after[0];
    if (outcomeOf !== undefined && whole === undefined && lead !== undefined && DISPOSITION.test(lead.label) && /^:?\s*[^\d,;:。、]*$/.test(text.slice(at + m[0].length, lead.quantity.start))) {
      const outcomes = [lead];
      for (const f of after.slice(1)) {
        if (!DISPOSITION.test(f.label) || f.partOf !== undefined || f.quantity.unit !== lead.quantity.unit || !/^\s*[,、][^\d,;:。、]*$/.test(text.slice((outcomes[outcomes.length - 1] as Fact).quantity.end, f.quantity.start))) break;
        outcomes.push(f);
      }
      const total = [...earlier, ...facts.filter((f) => f.quantity.end <= namesFrom)].filter((f) => f.kind === 'count' && f.depth === 0 && f.partOf === undefined && f.parts.length === 0 && f.quantity.unit === lead.quantity.unit && f.label.includes(outcomeOf) && !NOT_YET.test(f.label)).pop();
      if (total !== undefined && outcomes.length >= 2) {
        total.linkWord = '分别';
        attach(total, outcomes, !endsWithEtc(text, outcomes[outcomes.length - 1] as Fact));
        continue;
      }
    }
    if (first === undefined || parts.length < 2 || (names.length !== parts.length && !own) || parts.some((f) => !sameFamily(f, first) || f.partOf !== undefined)) continue;
    // the names stand before 分别: the last carries the shared noun ("刑事、民事、行政案件"); each figure is said of its own name
    const shared = tidy(names[names.length - 1] ?? '');
    if (own) first.label = first.label.replace(/^(分别|依次)(是|为|有|达到|达)/, '');
    else if (whole === undefined) parts.forEach((f, k) => {
      const own = tidy(names[k] ?? '');
      f.label = k === names.length - 1 ? shared : `${own}${shared.slice(tidy(names[names.length - 1] ?? '').length - 2)}`;
      f.scope = `${f.label}|${f.label}`;
    });
    const before = facts.filter((f) => f.quantity.end <= namesFrom && f.kind === first.kind && sameFamily(f, first));
    const total = whole !== undefined && sameFamily(whole, first) ? whole : before[before.length - 1];
    // ("培育…118名，村均9.8名，分别为：…": the average said of it between stands aside)
    if (total === undefined || total.parts.length > 0 || (total !== whole && !AVERAGE_ASIDE.test(text.slice(total.quantity.end, namesFrom)))) continue;
    // "合法性审查63件，行政复议、行政诉讼案件分别为3件、4件": names of other things than the figure before them are no parts of it
    if (total !== whole && !own && !sharesWord(tidy(text.slice(namesFrom, at)), total.scope)) continue;
    if (total === whole) total.label = total.label.replace(/(分别|依次)(是|为|有|达到|达)$/, '');
    total.linkWord = '分别';
    attach(total, parts, !endsWithEtc(text, parts[parts.length - 1] ?? first));
  }
}

// between a total and its 其中: punctuation, or one rate said of the total ("，办结率100%。")
// "收到申请13件，均为网上申请和当面申请，其中…": a clause without a figure between the whole and its 其中
// "落实经费18.6万元并全额纳入年度财政预算，其中…" / "共清理64件（均不属于行政规范性文件），其中…": so may words joined by 并 or an aside
// ("主动公开信息642条（上年为591条），其中…": last year's figure in brackets is an aside)
const WORDS_CLAUSE_BETWEEN = /^\s*(,[^\d,;:。%]{2,30}|(并|且)[^\d,;:。%]{2,20}|\([^\d()]{2,30}\)|\(\s*(上年|去年|上一年|\d{4}年)(同期)?(为|是)?\s*[\d,.]+[^\d()]{0,4}\))\s*,\s*$/;
// "全镇146户渔民完成退捕上岸，其中…": or the words that name and tell of the figure, right after it — unless it is the
// second of a pair, whose 其中 is of both ("辖9个行政村和3个社区，其中渔业村（社区）7个")
const WORDS_AFTER_TOTAL = /^[^\d,;:。%()]{2,20}\s*,\s*$/;
const PAIRED = /^[^\d,;:。]{0,8}(和|、|及|与)[^\d,;:。]{0,8}$/;
const RATE_CLAUSE_BETWEEN = /^[\s,;:、。]*(?:[^\d,;:、。]{0,12}\d+(?:\.\d+)?%[\s,;:、。]*)?$/;

// "梳理权责事项300项，许可事项120项、处罚事项180项": a list right after a total whose items all end in its head noun
// grades exclude each other as dispositions do: "案卷420卷，评定为优秀的168卷、合格的231卷、不合格的21卷"
// ("参考218人，优秀143人，合格71人，不合格4人" / "评定优秀案卷29卷、良好33卷…")
const GRADE = /^(被)?(评定为|评定|评为|认定为|成绩)?(优秀|良好|合格|基本合格|不合格)(案卷|卷宗|等次|档次)?(的)?$/;
const exclusive = (f: Fact): boolean => DISPOSITION.test(f.label) || GRADE.test(f.label);
const ACT_OF_DISPOSITIONS = /^[^\d,;:。]{0,16}(清理|审查|评查)[^\d,;:。]{0,4},\s*$/;

// "县政府决定维持2件" / "法院判决驳回原告诉讼请求3件": the body that decided, before the disposition
const DECIDED_BY = /^[^\d,;:。]{0,6}?(人民政府|政府|人民法院|法院|复议机关|行政复议机关)(依法)?(判决|裁定|决定)?/;
export const disposition = (f: Fact): boolean => DISPOSITION.test(f.label.replace(DECIDED_BY, ''));
const excluding = (f: Fact): boolean => exclusive(f) || disposition(f);

function linkBareLists(text: string, [, e]: [number, number], facts: Fact[]): void {
  facts.forEach((total, i) => {
    // (an outcome is no whole of the outcomes after it: "维持9件，撤销1件，确认违法1件")
    // ("经复议维持5件，撤销1件，…": nor is one whose name ends on an outcome)
    if (total.kind === 'rate' || total.parts.length > 0 || total.partOf !== undefined || total.label.length < 2 || excluding(total) || /(维持|撤销|变更|确认违法|驳回|终止|撤回|胜诉|败诉)$/.test(total.label)) return;
    // "本年新制发12件，废止17件、宣布失效4件": what was added to a stock is no whole of what left it
    if (ADDED.test(total.label)) return;
    // "清理19件，决定继续有效12件、…" / "对现行有效的11件规范性文件开展全面清理，保留8件、…": the list right after the total,
    // or after the words of the act whose outcomes it lists
    const between = text.slice(total.quantity.end, facts[i + 1]?.quantity.start ?? e).replace(/[^,:\s]+$/, '');
    if (!/^\s*[,:]\s*$/.test(between) && !ACT_OF_DISPOSITIONS.test(between)) return;
    const head = total.label.slice(-2);
    // "未调解成功的9件，已引导当事人提起诉讼5件、申请农村土地承包仲裁4件": where what was not done went, whatever its names
    const whereabouts = /^未[^\d]{1,8}的$/.test(total.label);
    const parts: Fact[] = [];
    for (let k = i + 1; k < facts.length; k++) {
      const f = facts[k];
      if (f === undefined || f.depth !== total.depth || f.kind !== total.kind || f.quantity.unit !== total.quantity.unit) break;
      const kind = (f.label.endsWith(head) || whereabouts) && f.label !== total.label;
      const gap = text.slice((parts[parts.length - 1] ?? total).quantity.end, f.quantity.start);
      // "决定维持3件、撤销1件，因申请人撤回申请终止1件": what was withdrawn ends the dispositions, after a comma
      // (…when it ends the clause: "原告撤诉15件，裁定驳回起诉9件，…" goes on, as linkReviewedOutcomes reads it)
      const after = facts.slice(k + 1).find((x) => x.kind === f.kind);
      const withdrawn = parts.length > 0 && parts.every((p) => disposition(p)) && WITHDRAWN.test(f.label) && /^,[^,;:。、\d]*$/.test(gap) && (after === undefined || /[;。]/.test(text.slice(f.quantity.end, after.quantity.start)));
      if (f.partOf !== undefined || !(kind || excluding(f) || withdrawn)) break;
      // ("公开行政许可决定46件，主要为…；行政处罚决定128件、…": a semicolon closes the total's clause)
      if (parts.length === 0 && /;/.test(gap)) break;
      // outcomes that exclude each other may be joined by commas: "保留14件，修订3件，废止1件"
      const outcomes = ((disposition(f) && parts.every((p) => disposition(p))) || (GRADE.test(f.label) && parts.length > 0 && parts.every((p) => GRADE.test(p.label)))) && (parts.length < 2 || /,/.test(text.slice((parts[0] as Fact).quantity.end, (parts[1] as Fact).quantity.start)));
      if (parts.length > 0 && !withdrawn && !/^[、][^,;:。、\d]*$/.test(gap) && !(outcomes && /^,[^,;:。、\d]*$/.test(gap))) break;
      parts.push(f);
      if (withdrawn) break;
    }
    // one disposition alone ("复议1件，结果维持1件") is a part of the total, not all of it
    if (parts.length === 1 && parts[0] !== undefined && disposition(parts[0]) && /^\s*[。;]/.test(text.slice(parts[0].quantity.end, e) || '。')) {
      total.linkWord = '结果';
      attach(total, parts, false);
      return;
    }
    if (parts.length < 2) return;
    // grades told by commas cover the whole only down to 不合格: "参考52人，优秀20人，合格31人" leaves out who failed
    const byComma = /,/.test(text.slice((parts[0] as Fact).quantity.end, (parts[1] as Fact).quantity.start));
    if (byComma && parts.every((p) => GRADE.test(p.label)) && !parts.some((p) => /不合格/.test(p.label))) return;
    // dispositions are exclusive only all together: "保留268件、修改21件、废止23件", never mixed with kinds
    const dispositions = parts.filter((p, k) => excluding(p) || (k === parts.length - 1 && WITHDRAWN.test(p.label))).length;
    if (dispositions > 0 && dispositions < parts.length) return;
    const last = parts[parts.length - 1];
    if (last === undefined || !/^\s*([,;。]|$)/.test(text.slice(last.quantity.end, e) || '。')) return;
    total.linkWord = '列举';
    // "清理文件138件，废止3件、修订5件": what a clean-up changed leaves out what it kept, unless it says that too
    const keptUnsaid = dispositions === parts.length && !parts.some((p) => /保留|继续有效|继续执行|维持|有效/.test(p.label)) && /清理|审查|评估|梳理/.test(wordsOf(total));
    // "维持3件、驳回复议请求1件，另1件因申请人撤回申请终止审理": the rest is told after
    attach(total, parts, !keptUnsaid && !endsWithEtc(text, last) && !/^\s*,\s*(另|其余|其他|其它|还有)/.test(text.slice(last.quantity.end, e)));
  });
}

// "共抽查60卷。评定优秀21卷、合格35卷、不合格4卷，…": grades opening a sentence are of the figure the sentence before
// ends on, in their unit
function linkGradesOfWholeBefore(text: string, [s]: [number, number], facts: Fact[], previous: readonly Fact[]): void {
  const [first] = facts;
  if (first === undefined || first.kind !== 'count' || first.depth !== 0 || first.partOf !== undefined || !GRADE.test(first.label) || !/^[^\d,;:。]{0,8}$/.test(text.slice(s, first.quantity.start))) return;
  const run = [first];
  for (const f of facts.slice(1)) {
    const last = run[run.length - 1] as Fact;
    if (f.kind !== 'count' || f.depth !== 0 || f.partOf !== undefined || f.quantity.unit !== first.quantity.unit || !GRADE.test(f.label) || !/^\s*[,、]\s*(另有|还有)?[^\d,;:。、]*$/.test(text.slice(last.quantity.end, f.quantity.start))) break;
    run.push(f);
  }
  const whole = previous.filter((f) => f.kind === 'count' && f.depth === 0).pop();
  if (run.length < 2 || !run.some((f) => /不合格/.test(f.label)) || whole === undefined || whole.quantity.unit !== first.quantity.unit || whole.parts.length > 0 || whole.partOf !== undefined || whole.delta || whole.baseOf !== undefined || GRADE.test(whole.label)) return;
  whole.linkWord = '评定结果';
  attach(whole, run, !endsWithEtc(text, run[run.length - 1] as Fact));
}

// "作出行政处罚决定5316件：综合行政执法局2104件，市场监督管理局1137件，…，其余23个执法部门合计1117件": a colon
// right after a whole opens the list of its parts, whatever their names; a figure of another unit inside a name
// ("其余23个执法部门") is part of the name
function linkColonLists(text: string, [, e]: [number, number], facts: Fact[]): void {
  facts.forEach((total, i) => {
    if (total.kind === 'rate' || total.parts.length > 0 || total.partOf !== undefined || total.depth !== 0 || !/^\s*:/.test(text.slice(total.quantity.end))) return;
    const parts: Fact[] = [];
    for (const f of facts.slice(i + 1)) {
      // figures of another unit inside a name, and an item's own parts in brackets, are no items
      if (f.kind !== total.kind || !sameFamily(f, total) || f.depth > 0) continue;
      const gap = text.slice((parts[parts.length - 1] ?? total).quantity.end, f.quantity.start).replace(/\([^()]*\)/g, '').replace(/\d+(\.\d+)?/g, '');
      if (f.depth !== 0 || f.partOf !== undefined || !(parts.length === 0 ? /^\s*:[^,;:。、]*$/ : /^[,;、][^,;:。、]*$/).test(gap)) break;
      // "已审结114件：维持61件、…，经调解和解后终止21件；直接纠错18件": outcomes end at a semicolon before what is none
      const outcome = (x: Fact) => OUTCOME_WORD.test(x.label) || excluding(x);
      if (/;/.test(gap) && parts.length > 0 && parts.every(outcome) && !outcome(f)) break;
      parts.push(f);
    }
    const last = parts[parts.length - 1];
    const next = facts[facts.indexOf(last as Fact) + 1];
    const ended = /^\s*([;。]|$)/.test(text.slice(last?.quantity.end ?? e, e) || '。') || (next !== undefined && !sameFamily(next, total) && /^\s*,[^\d,;:。]*$/.test(text.slice(last?.quantity.end ?? e, next.quantity.start)));
    if (last === undefined || parts.length < 2 || !ended) return;
    total.linkWord = '列举';
    // a rest told after the list ("，另有…") leaves it open
    attach(total, parts, !endsWithEtc(text, last) && !/^\s*,\s*(另|其余|其他|其它|还有)/.test(text.slice(last.quantity.end, e)));
  });
}

// "收到行政复议申请268件，依法受理241件，对不符合受理条件的27件不予受理": what was received is either accepted or
// refused (or referred elsewhere: 告知, 转送) — the split makes up the whole without 其中
export const INTAKE_SPLIT = '受理、不予受理';
const RECEIVED = /收到|接到|接收/;
const REFUSED = /不予受理|不受理|不符合受理/;
// (or withdrawn before it was decided: "申请人在审查期间撤回申请9件")
const REFERRED = /告知|转送|转办|转交|移送|撤回/;
// after the split, a clause that leaves part of the whole open ("2件正在补正") makes it no split; "另有2件…" is its rest
// (linkRemainders adds it to the split)
const OPEN_REST = /尚|正在|待|补正/;
const SPLITS = [
  { word: INTAKE_SPLIT, received: RECEIVED, accepted: /受理/, refused: REFUSED, referred: REFERRED, refusedName: '不予受理' },
  { word: '准予、不予许可', received: /受理|收到/, accepted: /准予|予以许可|批准|批复/, refused: /不予(许可|批准|修复|登记|备案|核准)|不予受理/, referred: /撤回/, refusedName: '不予许可' },
];
export const INTAKE_SPLIT_WORDS = SPLITS.map((x) => x.word);

function linkIntakeSplits(text: string, facts: Fact[]): void {
  // the words of a figure's own clause, and those after it up to the next break ("27件作出不予受理决定")
  const clause = (f: Fact) => text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), clauseEnd(text, f.quantity.end, f.sentence[1]));
  const plain = facts.filter((f) => f.kind === 'count' && f.depth === 0 && !f.delta && f.baseOf === undefined && f.partOf === undefined);
  for (const [i, received] of plain.entries()) {
    const [accepted, ...rest] = plain.slice(i + 1).filter((f) => sameFamily(f, received) && f.quantity.unit === received.quantity.unit);
    // "受理涉水行政许可申请151件，准予许可146件，不予许可3件，申请人主动撤回2件": what is applied for is granted, refused or withdrawn
    const split = accepted === undefined ? undefined : SPLITS.find((x) => x.received.test(clause(received)) && !x.refused.test(clause(received)) && x.accepted.test(clause(accepted)) && !x.refused.test(clause(accepted)));
    if (received.parts.length > 0 || accepted === undefined || split === undefined) continue;
    const { refused, referred } = split;
    // the accepted figure follows in the next clause: "，依法受理241件" — or after the change of what was received and a
    // short opening: "收到申请231件，较上年的198件增长16.7%。经审查，受理209件"
    let from = received.quantity.end;
    for (const f of facts.slice(facts.indexOf(received) + 1)) {
      if (f.baseOf !== received && f.change?.current !== received && f.difference?.current !== received) break;
      from = f.quantity.end;
    }
    const between = text.slice(from, accepted.quantity.start);
    if (!/^\s*,[^\d,;:。]{0,12}$/.test(between) && !((from > received.quantity.end || /^\s*。\s*经(审查|审核)\s*,/.test(between)) && /^\s*[,。;]\s*([^\d,;:。]{1,6},)?[^\d,;:。]{0,12}$/.test(between))) continue;
    const parts = [accepted];
    for (const f of rest) {
      const last = parts[parts.length - 1] as Fact;
      const alone = /^\s*[,、][^\d;:。]*$/.test(text.slice(last.quantity.end, f.quantity.start));
      if (!alone || !(parts.length === 1 ? refused : new RegExp(`${refused.source}|${referred.source}`)).test(clause(f))) break;
      parts.push(f);
    }
    const last = parts[parts.length - 1] as Fact;
    const after = text.slice(clauseEnd(text, last.quantity.end, last.sentence[1]), last.sentence[1]).split(/[;。]/)[0] ?? '';
    if (parts.length < 2 || (OPEN_REST.test(after) && !REMAINDER.test(after.split(/\d/)[0] ?? ''))) continue;
    // "对不符合受理条件的27件不予受理": named by what was done with it
    for (const f of parts.slice(1)) if (!refused.test(f.label) && !referred.test(f.label) && refused.test(clause(f))) f.label = split.refusedName;
    received.linkWord = split.word;
    attach(received, parts, !endsWithEtc(text, last));
  }
}

// "被申请行政复议4件，经县人民政府审理，维持2件、确认违法1件，申请人撤回申请1件": after a clause naming who decided
// them, the outcomes of the whole are listed — dispositions and withdrawals, which exclude each other
export const REVIEWED = /^经[^\d,;:。]{0,20}(审理|审查|复查|复议|裁决|审结)$|^[^\d,;:。]{0,20}(审理|审查|复查|复议|审结|结案)后$/;
export const WITHDRAWN = /撤回|撤诉|^(胜诉|败诉)$/;

function linkReviewedOutcomes(text: string, facts: Fact[]): void {
  const outcome = (f: Fact) => DISPOSITION.test(f.label) || WITHDRAWN.test(f.label) || OUTCOME_WORD.test(f.label);
  facts.forEach((total, i) => {
    const first = facts[i + 1];
    if (first === undefined || total.kind !== 'count' || total.depth !== 0 || total.parts.length > 0 || total.partOf !== undefined || total.delta || total.baseOf !== undefined) return;
    let clause = /^\s*,\s*([^\d,;:。]+?)\s*,\s*$/.exec(text.slice(total.quantity.end, clauseStart(text, first.quantity.start, total.quantity.end)))?.[1] ?? '';
    // "一审审结68件，法院判决驳回原告诉讼请求40件，原告撤诉15件，…": what was decided, its outcomes right after it
    // (a way cases ended, "调解结案36件，终止审理59件", is one outcome beside the next, not what was decided)
    const decided = /审结|结案/.test(wordsOf(total)) && !/(调解|裁决|和解|判决|撤诉|撤回|仲裁)结案/.test(wordsOf(total)) && /^\s*,\s*$/.test(text.slice(total.quantity.end, clauseStart(text, first.quantity.start, total.quantity.end)));
    if (decided && OUTCOME_WORD.test(first.label)) clause = `${/审结|结案/.exec(total.scope)?.[0] ?? '审结'}后`;
    // "被申请行政复议3件，县人民政府审理后维持2件，…": who decided them stands in the first outcome's clause
    // ("…4件，经县人民政府审理维持3件、确认违法1件": or right after who decided them, without 后)
    const after = /^\s*,\s*([^\d,;:。]{0,20}(?:审理|审查|复查|复议)后)\s*([^\d,;:。]{1,12})$/.exec(text.slice(total.quantity.end, first.quantity.start)) ?? /^\s*,\s*(经[^\d,;:。]{0,20}(?:审理|审查|复查|复议))\s*([^\d,;:。]{1,12})$/.exec(text.slice(total.quantity.end, first.quantity.start));
    if (!REVIEWED.test(clause) && after !== null && DISPOSITION.test(tidy(after[2] ?? ''))) {
      clause = after[1] ?? '';
      first.label = tidy(after[2] ?? '');
    }
    if (!REVIEWED.test(clause)) return;
    const parts: Fact[] = [];
    let ended = false;
    for (const f of facts.slice(i + 1)) {
      const gap = text.slice((parts[parts.length - 1] ?? total).quantity.end, f.quantity.start);
      // a rate after the list ("一审败诉率5.9%") ends it without cutting it
      if (parts.length > 0 && (/[;。]/.test(gap) || f.kind === 'rate')) break;
      if (f.depth !== 0 || f.kind !== 'count' || !sameFamily(f, total) || f.quantity.unit !== total.quantity.unit || !outcome(f) || f.partOf !== undefined) {
        // an item of another kind in the list makes it no list of outcomes; one after a comma ends it
        ended = parts.length > 0 && /^\s*,/.test(gap.replace(/^[^,、]*/, ''));
        if (!ended) parts.length = 0;
        break;
      }
      parts.push(f);
    }
    const last = parts[parts.length - 1];
    if (last === undefined) return;
    total.linkWord = clause;
    // a list cut by another figure ("其余2件尚在审理中") is only a floor
    attach(total, parts, !ended && !endsWithEtc(text, last));
  });
}

// "被申请行政复议（2件），经县政府审理均维持原行政行为（2件）": one outcome said of all ("均") is the whole
export const ALL_OUTCOME = '均';
const ALL_OUTCOME_CLAUSE = /^\s*\)?\s*,\s*(经[^\d,;:。]{0,20})?均(予以|被)?(维持|撤销|变更|确认违法|驳回|胜诉|败诉|终止)[^\d,;:。]{0,8}\(?\s*$/;

// "户均1.28万元", "人均140.8家次", "场均142.7人次": shared out over the households, persons or sessions, in these units
// ("人均获得退赔449元": what each got may be named after 均)
const PER_HEAD = new RegExp(String.raw`(${HEADS})均(?:获得|受理|办理|培训|服务)?[^\d,;:。]{0,4}$`);
const PER_UNITS: Record<string, string[]> = { 户: ['户', '户次'], 人: ['名', '人', '人次'], 场: ['场', '场次'], 案: ['件', '起'], 期: ['期', '期次'], 次: ['次'] };
// "平均每个村（社区）14名", "平均每村13.4名": what is shared out over
const AVERAGE_OVER = /(?:平均每(?:个|一个)?([\u4e00-\u9fff]{1,4}(?:\([\u4e00-\u9fff]{1,3}\))?)|每(?:个|一个)?([\u4e00-\u9fff]{1,4})平均)\s*$/;

/**
 * an average is the sentence's total of its unit shared out over the places it names: the total is the one figure of that
 * unit before it in the sentence that is neither a part, last year's figure nor a change
 * ("法律明白人272名，其中…64名，全镇16个村（居）平均每个村（居）17名"); the places are counted right before it in the
 * sentence or the paragraph ("16个村（居）"), or else everywhere before it with one value ("13个村（社区）"); households,
 * persons and sessions ("户均", "人均", "场均") only in its sentence or paragraph, and never as a part
 */
const PLACE_ENDS = '[,;:。、和及与共均都全已的中各每]|平均|合计|共计|开展|建立|实现|配备|设立|成立|落实|完成|有|为|组建|选聘|聘请|签订|覆盖|达到';

function linkAverages(text: string, found: Fact[], before: readonly Fact[]): void {
  for (const avg of found) {
    // ("人均约1.47万元": an average said to be about so much is checked within a tenth)
    if (avg.kind === 'rate' || (avg.quantity.approximation !== undefined && avg.quantity.approximation !== 'about')) continue;
    const [s] = avg.sentence;
    const lead = text.slice(s, avg.quantity.start).replace(/（/g, '(').replace(/）/g, ')');
    // ("村均9.8名" is shared out over the villages as "平均每村" is)
    // ("平均每次培训32人次" is shared out over the trainings as "场均" is over the events)
    const occasion = /平均每(次|场|期)[\u4e00-\u9fff]{0,4}\s*$/.exec(lead)?.[1];
    const overMatch = occasion === undefined ? AVERAGE_OVER.exec(lead) : null;
    const over = occasion === undefined ? (overMatch?.[1] ?? overMatch?.[2] ?? /(村|社区)均\s*$/.exec(lead)?.[1]) : undefined;
    // "户均1.28万元", "人均140.8家次": shared out over the households or persons counted before it
    const per = occasion ?? PER_HEAD.exec(lead)?.[1];
    if (over === undefined && per === undefined) continue;
    const place = (over ?? '').replace(/[()]/g, '');
    // ("退赔48.62万元，涉及游客1,083人次，人均获得退赔449元": a sum in 万元 shared out in 元)
    const sameUnit = found.filter((f) => f !== avg && f.quantity.start < avg.quantity.start && (f.quantity.unit === avg.quantity.unit || (f.kind === 'amount' && avg.kind === 'amount' && f.quantity.normalized.unit === avg.quantity.normalized.unit)) && f.depth === avg.depth);
    // (last year's figure, a change and the parts of a list are no whole: "由上年的176名增加到214名，新增38名，其中…")
    const wholes = sameUnit.filter((f) => f.partOf === undefined && f.baseOf === undefined && !f.delta && f.difference === undefined && !perUnit.has(f));
    // "…1,072名，其中区直部门784名、街道288名，平均每个街道32名": the item named by the place is what it shares out
    const last = sameUnit.at(-1);
    const ofPlace = last !== undefined && last.partOf !== undefined && place.length > 0 && last.label.replace(/^(各|所有|全部|[\d一二三四五六七八九十]+个)/, '') === place && /^[^\d,;:。]{0,3},[^\d,;:。]*$/.test(text.slice(last.quantity.end, avg.quantity.start)) ? last : undefined;
    // "…查补税款3,462.8万元、…，合计5,008.6万元，…结案户户均查补税款64.1万元": an average that names what it shares out
    // is of the figure of that name, and over the heads its words name (结案54户, not 立案检查58户)
    const sharedName = per === undefined ? undefined : /均(?:获得)?([\u4e00-\u9fff]{2,8})\s*$/.exec(lead)?.[1];
    const namedTotal = sharedName === undefined ? undefined : sameUnit.filter((f) => !f.delta && f.baseOf === undefined && !LAST_YEAR.test(wordsOf(f)) && wordsOf(f).includes(sharedName)).pop();
    const headWords = per === undefined ? undefined : new RegExp(`([\u4e00-\u9fff]{2})${per}?${per}均`).exec(lead)?.[1];
    const total = ofPlace ?? namedTotal ?? wholes[0];
    if (total === undefined || (ofPlace === undefined && namedTotal === undefined && wholes.length > 1) || total.quantity.approximation !== undefined) continue;
    const heads = per === undefined ? [] : (PER_UNITS[per] ?? []);
    // (a count that is itself an average is none: "平均每名律师联系2个社区")
    // (nor one given for each of something: "每格配备专职网格员1名")
    // (nor are the rest of a list the persons it is shared over: "其余6名为新招录人员")
    const counting = (f: Fact) =>
      f.quantity.approximation === undefined &&
      !perUnit.has(f) &&
      !(f.paragraph === avg.paragraph && /每/.test(text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start))) &&
      // ("5个村法治文化长廊" counts corridors: the place is followed by a pause, a joiner or what is said of it)
      (per === undefined ? f.quantity.unit === '个' && new RegExp(`^(行政)?${place}(社区|居)?(${PLACE_ENDS}|$)`).test(wordsAfter.get(f) ?? '') : heads.includes(f.quantity.unit) && f.partOf === undefined && !/^(其余|其他|其它)/.test(f.label) && !f.delta && f.baseOf === undefined && f.balance === undefined && !before.some((r) => r.kind === 'rate' && r.numerator === f));
    const inSentence = found.filter((f) => f.quantity.start < avg.quantity.start && counting(f));
    const inParagraph = before.filter((f) => f.paragraph === avg.paragraph && counting(f));
    const anywhere = per === undefined ? before.filter(counting) : [];
    // "县级林长11名、…合计849名。…县级林长全年巡林58次，人均5.3次": the persons the total's words name, though a part
    const namedHeads = per === undefined ? [] : before.filter((f) => f.paragraph === avg.paragraph && heads.includes(f.quantity.unit) && f.label.length >= 2 && wordsOf(total).startsWith(f.label));
    // (the heads so named may be the numerator of a rate: "结案54户，结案率93.1%")
    const headNamed = headWords === undefined ? [] : [...before, ...found].filter((f) => f.paragraph === avg.paragraph && f.quantity.start < avg.quantity.start && f.kind === 'count' && heads.includes(f.quantity.unit) && f.partOf === undefined && !f.delta && f.baseOf === undefined && wordsOf(f).includes(headWords));
    const near = (namedHeads.length === 1 ? namedHeads[0] : undefined) ?? (headNamed.length === 1 ? headNamed[0] : undefined) ?? inSentence.at(-1) ?? inParagraph.at(-1);
    const count = near ?? (new Set(anywhere.map((f) => f.quantity.value)).size === 1 ? anywhere.at(-1) : undefined);
    if (count === undefined || count === total || count.quantity.value <= 1) continue;
    avg.average = { total, count };
  }
}

function linkAllOutcomes(text: string, facts: Fact[]): void {
  facts.forEach((total, i) => {
    const all = facts[i + 1];
    if (all === undefined || total.kind !== 'count' || total.parts.length > 0 || total.partOf !== undefined || total.delta || total.baseOf !== undefined) return;
    if (all.kind !== 'count' || all.partOf !== undefined || all.quantity.unit !== total.quantity.unit || all.depth !== total.depth) return;
    if (!ALL_OUTCOME_CLAUSE.test(text.slice(total.quantity.end, all.quantity.start))) return;
    total.linkWord = ALL_OUTCOME;
    attach(total, [all], false);
  });
}

// "来信来访70宗、上级交办32宗，合计102宗" / "建议9件、提案6件，共15件": parts first, total after
function linkTrailingTotals(text: string, facts: Fact[]): void {
  facts.forEach((total, i) => {
    // (a total may list its own parts after it too: "行政复议案件12件、行政诉讼案件7件，合计19件，其中涉及工伤认定13件…")
    const listedAfter = total.parts.length > 0 && total.linkWord === '其中' && total.parts.every((p) => p.quantity.start > total.quantity.end);
    if (total.kind === 'rate' || (total.parts.length > 0 && !listedAfter) || total.partOf !== undefined) return;
    const lead = text.slice(clauseStart(text, total.quantity.start, 0), total.quantity.start);
    // "…，共15件" / "罚款48.6万元，没收违法所得7.35万元，罚没款合计56.95万元": 共 alone, or a short name before 合计
    // "其余部门合计286件" is the rest, not the total
    // "14个行政村、2个社区共16个村（居）": items joined by 、, then the last item's noun and 共
    // ("9个镇（街道）和32个区直部门共41个单位": joined by 和 too)
    const joined = /^[^,;:。、\d]{1,6}共$/.test(tidy(text.slice(Math.max(total.quantity.start - lead.length, facts[i - 1]?.quantity.end ?? 0), total.quantity.start))) && !/[,;:。]/.test(text.slice(facts[i - 1]?.quantity.end ?? total.quantity.start, total.quantity.start));
    if ((!joined && !/^(共计|合计|总计|共$)|^[^,;:。]{1,6}(合计|共计|总计)$|^(两|二|三|四|五)(项|类)共$/.test(tidy(lead))) || /^(其余|其他|其它|另有|剩余)/.test(tidy(lead))) return;
    const parts: Fact[] = [];
    // "不予处罚642件，从轻、减轻处罚208件，两项合计850件": "两项" counts the items, it is none of them
    const counted = /^(两|二|三|四|五)(项|类)$/.exec(facts[i - 1]?.quantity.raw ?? '');
    const n = counted === null ? undefined : '两二三四五'.indexOf(counted[1] ?? '') + (counted[1] === '两' ? 2 : 1);
    for (let k = i - (n === undefined ? 1 : 2); k >= 0; k--) {
      const f = facts[k];
      if (n !== undefined && parts.length === n) break;
      const next = parts[0] ?? (n === undefined ? total : (facts[i - 1] as Fact));
      // ("审查合同协议37份、重大行政决策事项5项、涉法事务16件，合计出具法律意见56份": papers of any kind add up)
      if (f === undefined || f.depth !== total.depth || !listMates(f, total) || f.partOf !== undefined) break;
      // ("全乡8个行政村中已创成省级…1个、市级2个、县级3个，合计6个": what the items are counted among is none of them)
      if (/[;。]|其中/.test(text.slice(f.quantity.end, next.quantity.start)) || /^[^\d,;:。]{0,12}中(?!心|队|站|所)/.test(text.slice(f.quantity.end, next.quantity.start))) break;
      // "共梳理212件，对…的予以废止8件、修订6件，合计14件": items joined by 、 begin after a comma
      const second = parts[1];
      if (second !== undefined && /^[^,;:。\d]*、/.test(text.slice((parts[0] as Fact).quantity.end, second.quantity.start)) && /,/.test(text.slice(f.quantity.end, next.quantity.start))) break;
      if (joined && next !== total && !/^[^,;:。\d]*[、和][^,;:。\d]*$/.test(text.slice(f.quantity.end, next.quantity.start))) break;
      parts.unshift(f);
    }
    if (parts.length < 2) return;
    // "大气类…571件、噪声类402件、水类168件…，大气和噪声类合计973件": the total of the items it names, when each name
    // is one item's
    const names = /^([^,;:。\d]{1,8}?)(合计|共计|总计)$/.exec(tidy(lead))?.[1]?.split(/[和与及、]/).map((x) => x.replace(/类$/, '')) ?? [];
    if (names.length >= 2) {
      const named = names.map((name) => parts.filter((f) => name.length > 0 && f.label.includes(name)));
      if (named.some((found) => found.length !== 1)) return;
      parts.splice(0, parts.length, ...named.flat());
    }
    if (total.label === '') total.label = '合计';
    if (listedAfter) {
      addBreakdown(total, '合计', parts, true);
      return;
    }
    total.linkWord = '合计';
    attach(total, parts, true);
  });
}

/** "计划完成" of 计划完成率: the last count whose words say the part (完成) and not the whole, and the last before it
 * whose words say the whole (计划) and not the part */
function wholeAndPart(stem: string, candidates: readonly Fact[]): { whole: Fact; part: Fact } | undefined {
  for (let k = 2; k <= stem.length - 2; k++) {
    const [whole, part] = [stem.slice(0, k), stem.slice(k)];
    // ("不合格69批次" says no 合格)
    const parts = candidates.filter((f) => wordsOf(f).includes(part) && !wordsOf(f).includes(whole) && !new RegExp(`(不|未|没有)${part}`).test(wordsOf(f)));
    const found = parts[parts.length - 1];
    // (the whole's words name something the part is of — 计划项目 — not an act of their own: "拆除整改率" of "已拆除41处，
    // 补办手续整改8处" is of both acts over what was found)
    const wholes = found === undefined ? [] : candidates.filter((f) => f.quantity.end <= found.quantity.start && wordsOf(f).includes(whole) && !wordsOf(f).endsWith(whole) && !wordsOf(f).includes(part) && f.partOf === undefined && !f.delta && f.baseOf === undefined);
    const of = wholes[wholes.length - 1];
    if (found !== undefined && of !== undefined) return { whole: of, part: found };
  }
  return undefined;
}

/** what a rate is a rate of: "更正" of 更正率 and of 更正比例, "示范户占" of 示范户占比 */
const rateStem = (label: string): string => label.replace(/(率|比例)$/, '').replace(/占比$/, '占');

// "收到调解申请582宗，成功调处553宗，调解成功率95%": the numerator shares words with the rate's name
function linkRates(text: string, facts: Fact[]): void {
  facts.forEach((rate, i) => {
    if (rate.kind !== 'rate' || rate.growth || rate.numerator !== undefined || rate.rateRule !== undefined) return;
    if (rate.label.startsWith('占')) {
      const share = facts[i - 1];
      // "占全部信访事项的64%" names its whole: a whole named otherwise is left to linkShares to find
      const named = rate.label.slice(1).replace(/(全部|总数|总量|总计|总额|的|比例|比重|全年|全县|全区|全镇)/g, '');
      const whole = share?.partOf?.label ?? '';
      if (named.length >= 2 && whole !== '' && !whole.includes(named) && !named.includes(whole)) return;
      // "分别为省级2个、市级3个、县级5个，占全镇村（社区）总数的76.9%": a share after the last of several items, when no
      // other item carries one, may be of them all
      const list = share?.partOf?.parts ?? [];
      const lone = list.length >= 2 && list[list.length - 1] === share && !list.slice(0, -1).some((p) => facts[facts.indexOf(p) + 1]?.kind === 'rate');
      // ("其中工程建设领域追发1,684.5万元，占追发总额的59.2%": so is a sum of money)
      if (share?.partOf !== undefined && share.kind !== 'rate' && share.kind === share.partOf.kind && !lone) {
        rate.numerator = share;
        rate.denominator = share.partOf;
        if (share.label !== '' && rate.label === '占') rate.label = `${share.label}占比`;
      }
      return;
    }
    const earlier = facts.slice(0, i);
    // (a change with last year's figure stands aside: "工单5,318件，同比增长8.4%（上年为4,906件），按时办结5,261件，按时办结率97.9%")
    const lastRate = earlier.map((f) => f.kind === 'rate' && !(f.growth && /^\s*\(?\s*(上年|去年)(同期)?(为|是)?\s*$/.test(text.slice(f.quantity.end, earlier[earlier.indexOf(f) + 1]?.quantity.start ?? f.quantity.end)))).lastIndexOf(true);
    // "出具法律意见52条，被采纳49条（采纳率94.2%）": a rate in brackets right after a count is said of the counts outside
    const open = text.lastIndexOf('(', rate.quantity.start);
    const depth = rate.depth > 0 && earlier[earlier.length - 1]?.depth === rate.depth - 1 && /^\(\s*[^()\d]*$/.test(text.slice(open, rate.quantity.start)) ? rate.depth - 1 : rate.depth;
    // (an average is no count of a rate: "上报各类事件5,326件，按网格员总数计算人均上报15.7件；已办结5,281件，办结率99.2%")
    const counts = earlier.slice(lastRate + 1).filter((f) => f.kind === 'count' && f.depth === depth && f.baseOf === undefined && !f.delta && !saidAsAverage(text, f));
    const last = counts[counts.length - 1];
    if (last === undefined) return;
    const candidates = counts.filter((f) => sameFamily(f, last));
    // "实际参考164人，参考率100%；考试合格160人，合格率97.6%": a rate after the one count since the last rate, that count
    // named as the rate, is of the figure its act follows before that rate
    if (candidates.length === 1 && rateStem(rate.label).length >= 2 && isSubsequence(rateStem(rate.label), last.label)) {
      // (what was done in time, "及时受理85件", is some of a whole, not the whole)
      const before = earlier.filter((f) => f.kind === 'count' && f.depth === depth && f !== last && f.sentence[0] === rate.sentence[0] && f.partOf === undefined && !f.delta && f.baseOf === undefined && f.balance === undefined && !TIMELY.test(wordsOf(f)));
      // ("已完成26项，持续推进2项，完成率92.9%": of the whole it is a part of)
      const base = last.partOf ?? pairedBase(last, before, text);
      if (base !== undefined && base.quantity.normalized.value * 1.5 >= last.quantity.normalized.value) {
        rate.numerator = last;
        rate.denominator = base;
      }
      return;
    }
    if (candidates.length < 2) return;
    // "予以公开35件、部分公开6件，公开率（含部分公开）73.2%": two items of one list are no base of each other
    const [a, b] = candidates;
    const stem = rateStem(rate.label);
    // (but a stage and the next, the next named as the rate: "土地山林纠纷受理67起、调解成功63起，调解成功率94.0%";
    // "受理劳资纠纷128件、调处成功121件，调处成功率94.5%")
    const stages = a !== undefined && b !== undefined && b.label === stem && INTAKE.test(wordsOf(a)) && a.quantity.normalized.value >= b.quantity.normalized.value;
    if (candidates.length === 2 && a !== undefined && b !== undefined && /^\s*、[^\d,;:。]*$/.test(text.slice(a.quantity.end, b.quantity.start)) && !stages) return;
    // "予以公开和部分公开的合计占办结总数的54.5%": a share that names its whole after the 占 is read by linkShares
    if (/占(?!$)/.test(stem)) return;
    // "网办率" of "网上办理": the rate's name may shorten the count's
    // ("抽查312批次，发现不合格17批次，合格率94.6%": what failed is no numerator of the pass rate)
    // ("检出不合格29批次，总体合格率97.6%": the act the rate names, negated, is no numerator either)
    const negated = (f: Fact) => stem.length >= 2 && !/^(不|未)/.test(stem) && (new RegExp(`(不|未|没有)${stem}`).test(f.label) || (stem.length > 2 && /^[\u4e00-\u9fff]{2}$/.test(stem.slice(-2)) && new RegExp(`(不|未|没有)${stem.slice(-2)}`).test(f.label)));
    const related = candidates.filter((f) => (sharesBigram(stem, f.context) || (stem.length >= 2 && isSubsequence(stem, f.label)) || sameAct(stem, f.label)) && !negated(f));
    // the count named exactly as the rate ("调解成功5386件" for 调解成功率) is its numerator
    // ("…积案7件，已化解6件，化解率85.7%": what is already done is named so)
    const exact = candidates.filter((f) => f.label.replace(/^(均已|已经|已)/, '') === stem);
    // "排查128件，调处124件，化解119件，调解成功率96.0%": a rate named as a stage counts that stage
    const stage = STAGES.find((x) => x[2] === stageOfClause(stem))?.[0];
    const staged = stage === undefined ? [] : candidates.filter((f) => f.stage === stage && f.stageOf !== undefined);
    // "村调委会化解241起、镇调委会化解77起，村级化解占75.8%": a share named by its part is of the part its name
    // shares most with, and of none when two share as much
    const share = /占$/.test(stem) ? closestNamed(stem.replace(/占$/, ''), related) : undefined;
    // "受理仲裁案件684件，…；审结661件，仲裁结案率96.6%": a rate of finishing counts the one figure finished
    const finished = /(结案|办结|审结)率$/.test(rate.label) ? candidates.filter((f) => CASE_CLOSED.test(wordsOf(f)) && !NOT_YET.test(wordsOf(f))) : [];
    // "覆盖全县52家道路运输企业中的49家，覆盖率94.2%": the figure counted among the other is the numerator
    // ("全县126个在建项目中已有121个开立…专用账户，开户率97.6%")
    const amongPair = candidates.length === 2 && a !== undefined && b !== undefined && /^[^\d,;:。]{0,12}中(的|已有|共有|有)?\s*$/.test(text.slice(a.quantity.end, b.quantity.start)) ? b : undefined;
    const numerator = /占$/.test(stem)
      ? share
      : amongPair ?? (exact.length === 1 ? exact[0] : finished.length === 1 ? finished[0] : candidates.length === 2 ? related[related.length - 1] : related.length === 1 ? related[0] : staged.length === 1 ? staged[0] : undefined);
    if (numerator === undefined) return;
    // with three or more counts in play the base is a guess unless the numerator is a stated part of one, or a stage
    // of one piece of work whose stage before it is stated ("调解5417件，调解成功5386件，调解成功率99.4%")
    // "受理5862件，其中刑事2134件…；结案5417件，结案率92.4%": an outcome's base is the one whole among the counts
    const wholes = candidates.filter((f) => f !== numerator && f.partOf === undefined && !f.delta && f.balance === undefined && f.baseOf === undefined);
    const denominator =
      numerator.partOf ??
      (numerator.stageOf !== undefined && candidates.includes(numerator.stageOf) ? numerator.stageOf : undefined) ??
      (candidates.length === 2 ? candidates.find((f) => f !== numerator) : undefined) ??
      (OUTCOME.test(numerator.label) && wholes.length === 1 && (wholes[0]?.parts.length ?? 0) > 0 ? wholes[0] : undefined) ??
      pairedBase(numerator, wholes, text);
    if (denominator === undefined) return;
    // "在编执法人员42人，持有执法证件40人，持证率95.2%": with two counts only, a rate that names one counts it of the other
    // (or names it with its two words turned round: "问题发现率" of "发现问题29户")
    // ("问题发现率" of "发现程序不规范问题12件": other words may stand between the two)
    const turned = stem.length === 4 && /^[\u4e00-\u9fff]{4}$/.test(stem) && new RegExp(`${stem.slice(2)}[^\\d,;:。]{0,6}${stem.slice(0, 2)}`).test(wordsOf(numerator));
    // (or names the whole and then the part: "案卷优良率" of "抽查案卷40卷，评定优良36卷")
    const wholeThenPart = [...stem].some((_, k) => k >= 2 && stem.length - k >= 2 && wordsOf(denominator).includes(stem.slice(0, k)) && wordsOf(numerator).includes(stem.slice(k)) && !wordsOf(denominator).includes(stem.slice(k)));
    const named = candidates.length === 2 && numerator.quantity.unit === denominator.quantity.unit && stem.length >= 2 && (isSubsequence(stem, numerator.label) || sameAct(stem, numerator.label) || turned || wholeThenPart || (/占$/.test(stem) && stem.length >= 3 && numerator.label.endsWith(stem.slice(0, -1))));
    // a "rate" of two unrelated counts (videos ÷ posts) is far above any share, or counts another thing — unless the
    // rate names the one and is a share ("案件1件，乡长出庭应诉3件，出庭应诉率100%" is wrong, not unrelated)
    if (numerator.quantity.normalized.value > denominator.quantity.normalized.value * 1.5 && !(named && rate.quantity.value <= 100 && OWN_SHARE.test(stem))) return;
    // "新收86件，办结88件，办结率92.6%": more finished than newly received says the base holds what was carried over
    // too, which the text does not tell here
    if (numerator.quantity.normalized.value > denominator.quantity.normalized.value && rate.quantity.value <= 100 && CASE_CLOSED.test(numerator.label) && /新收|新受理|本年受理|本年新/.test(denominator.scope)) return;
    // "名单的38家企业中，按时完成披露的37家，按时披露率97.4%": the figure counted among the other
    const among = denominator.quantity.end <= numerator.quantity.start && /^[^\d,;:。]{0,12}中\s*,[^\d,;:。]*$/.test(text.slice(denominator.quantity.end, numerator.quantity.start));
    if (numerator.partOf !== denominator && !subsetOf(numerator, denominator) && !named && !among && numerator !== amongPair) return;
    // "主任亲自出庭应诉2件，其余由分管负责人出庭，…出庭率100%": the rest did it too, uncounted
    const act = stem.slice(-2);
    if (/^[\u4e00-\u9fff]{2}$/.test(act) && new RegExp(`(其余|其他|另有|另外|余下)[^\\d。;]{0,12}${act}`).test(text.slice(numerator.quantity.end, rate.quantity.start))) return;
    rate.numerator = numerator;
    rate.denominator = denominator;
    // the stages before the one before: 化解率 is written of 排查 as often as of 调处 — but 调解成功率 and 调处成功率 are of
    // what was mediated, never of what was screened ("排查412起，受理调处396起，调解成功389起，调解成功率94.4%" is wrong:
    // 94.4% is 389 ÷ 412)
    if (numerator.stageOf === denominator && !/(调解|调处)成功率$/.test(rate.label)) {
      for (let earlier = denominator.stageOf; earlier !== undefined; earlier = earlier.stageOf) if (candidates.includes(earlier)) rate.otherDenominators.push(earlier);
    }
  });
}

// a rate's name and a count's that say the same act in other words: "参考率" of "实考136人"
const SAME_ACT: Record<string, RegExp> = { 参考: /^(实考|实际参考|参加考试|实际参加考试)(人员|人数)?$/ };
const sameAct = (stem: string, label: string): boolean => SAME_ACT[stem]?.test(label) ?? false;

// rates that are shares of what they are counted of, never above it: the people who appeared, held a card, sat
// (what is finished may come of the carried over as well: no such rate is read past its base)
const OWN_SHARE = /出庭|应诉|持证|参考/;

// what a piece of work takes in before it acts on it
const INTAKE = /受理|调处|排查|收到|接收|新收|实考|参考|抽查|抽检|立案/;

function closestNamed(name: string, facts: readonly Fact[]): Fact | undefined {
  const shared = (f: Fact) => [...new Set(name)].filter((c) => f.label.includes(c)).length;
  const best = Math.max(0, ...facts.map(shared));
  const closest = facts.filter((f) => shared(f) === best);
  return best > 0 && closest.length === 1 ? closest[0] : undefined;
}

// "共清理县政府规范性文件148件。经清理，继续有效121件、需要修改11件、宣布失效9件、予以废止7件": a sentence opening on the
// act the last one counted lists what that act decided
function linkActOutcomes(text: string, [s]: [number, number], facts: Fact[], previous: readonly Fact[]): void {
  const act = /^\s*经(?:过)?(?:全面|集中)?(清理|审查|评查|复查)\s*,/.exec(text.slice(s))?.[1];
  const total = previous.filter((f) => canBeWhole(f)).pop();
  if (act === undefined || total === undefined || total.parts.length > 0 || !wordsOf(total).includes(act)) return;
  const parts: Fact[] = [];
  for (const f of facts) {
    const last = parts[parts.length - 1];
    if (f.kind !== 'count' || f.depth !== 0 || f.partOf !== undefined || !DISPOSITION.test(f.label) || f.quantity.unit !== total.quantity.unit) break;
    if (last !== undefined && !/^\s*[、,][^\d,;:。、]*$/.test(text.slice(last.quantity.end, f.quantity.start))) break;
    parts.push(f);
  }
  if (parts.length < 2) return;
  total.linkWord = act;
  attach(total, parts, !endsWithEtc(text, parts[parts.length - 1] as Fact));
}

// "承诺件平均办理时限2.6个工作日，较法定时限20个工作日压缩87%": how much shorter the time now taken is than the limit
const TIME_UNITS = new Set(['个工作日', '工作日', '天', '日', '小时', '分钟', '个月']);
const CUT = /(压缩|缩短|压减|减少|提速)了?\s*$/;

function linkTimeCut(text: string, facts: Fact[]): void {
  facts.forEach((rate, i) => {
    if (rate.kind !== 'rate' || rate.numerator !== undefined || rate.change !== undefined || rate.changeBy !== undefined) return;
    const word = CUT.exec(text.slice(clauseStart(text, rate.quantity.start, rate.sentence[0]), rate.quantity.start))?.[1];
    const [first, second] = facts.slice(0, i).filter((f) => f.kind === 'count' && f.depth === rate.depth).slice(-2);
    if (word === undefined || first === undefined || second === undefined || !TIME_UNITS.has(first.quantity.unit) || first.quantity.unit !== second.quantity.unit) return;
    // the limit compared with: "较法定时限20个工作日" / "较10个工作日的承诺时限", right before the rate; or the limit first and
    // what it was cut to after it: "时限由法定的20个工作日压缩至4.6个工作日，压缩77.0%"
    // ("…法定办理时限为15个工作日，我局通过并联审批、告知承诺等方式压缩至3个工作日，压缩80.0%": the way it was cut may
    // stand between)
    const cutTo = /^[^\d;:。]{0,32}(压缩|缩短|压减|减少)(至|到)\s*$/.test(text.slice(first.quantity.end, second.quantity.start));
    // …or the limit, then the time taken, then the cut said of the limit by name: "承诺时限为20个工作日，平均办理时限为8.5
    // 个工作日，较承诺时限压缩57.5%"
    const limitNamed = !cutTo && /^[^\d;:。]*,\s*较[^\d,;:。]{1,8}(压缩|缩短|压减|减少)了?\s*$/.test(text.slice(second.quantity.end, rate.quantity.start)) && /时限|时间|用时|时长/.test(wordsOf(first)) && /时限|时间|用时|时长/.test(wordsOf(second));
    const [current, base] = cutTo || limitNamed ? [second, first] : [first, second];
    if (!cutTo && !limitNamed && !/(较|比)[^\d,;:。]{0,8}$/.test(text.slice(current.quantity.end, base.quantity.start))) return;
    if (/[;。]/.test(text.slice(Math.max(current.quantity.end, base.quantity.end), rate.quantity.start))) return;
    rate.growth = true;
    rate.change = { current, base, down: true, word };
    base.baseOf = current;
    rate.label = `时限${word}比例`;
  });
}

// "应追回基金126.4万元，已追回118.9万元，追回率94.1%，剩余7.5万元…": what was due, what of it was done, the rate of the
// two, and what is left — counts or sums of money alike
function linkDueDone(text: string, facts: Fact[]): void {
  facts.forEach((due, i) => {
    const [done, rate, rest] = [facts[i + 1], facts[i + 2], facts[i + 3]];
    // ("应追回基金" and "已追回": the act, its object named once)
    const owed = /应(?:当)?([\u4e00-\u9fff]{2,6})$/.exec(wordsOf(due))?.[1];
    if (owed === undefined || done === undefined || rate === undefined || due.kind === 'rate' || due.depth !== 0 || done.depth !== 0 || done.kind !== due.kind || done.quantity.unit !== due.quantity.unit) return;
    const verb = /^(?:已|已经|实际|实际已|累计)([\u4e00-\u9fff]{2,6})$/.exec(wordsOf(done))?.[1];
    if (verb === undefined || !owed.startsWith(verb) || !/^\s*,\s*[^\d,;:。]{0,8}$/.test(text.slice(due.quantity.end, done.quantity.start))) return;
    if (rate.kind !== 'rate' || rate.numerator !== undefined || rate.growth || !rate.label.endsWith(`${verb.slice(-2)}率`) || !/^\s*,\s*[^\d,;:。]{0,8}$/.test(text.slice(done.quantity.end, rate.quantity.start))) return;
    rate.numerator = done;
    rate.denominator = due;
    if (rest === undefined || rest.kind !== due.kind || rest.quantity.unit !== due.quantity.unit || due.parts.length > 0 || !/^\s*,\s*(剩余|尚余|余下|其余|另有|尚未[\u4e00-\u9fff]{0,4})\s*$/.test(text.slice(rate.quantity.end, rest.quantity.start))) return;
    due.linkWord = '完成情况';
    attach(due, [done, rest], true);
  });
}

// "明确重点任务28项。截至年底，已完成26项，持续推进2项": what was done and what goes on make up the tasks set
// (the tasks named as such, the nearest figure of the paragraph in that unit before them)
const DONE_TASKS = /^(已经|已|均已|基本|全部)?完成$/;
const GOING_ON = /^(的)?(持续|正在|仍在|继续)推进|^(尚)?未完成|^推进中|^(延期|顺延|滞后)/;
const TASKS = /任务|事项|项目|措施|目标|要点|问题|工作/;

function linkProgress(text: string, facts: Fact[], earlier: readonly Fact[]): void {
  facts.forEach((done, i) => {
    if (done.kind !== 'count' || done.depth !== 0 || done.partOf !== undefined || done.delta || !DONE_TASKS.test(done.label.replace(/^(截至|截止|至|到)?(年底|年末|12月底|目前|全年)/, ''))) return;
    const rest = facts.slice(i + 1).find((f) => f.kind === 'count');
    if (rest === undefined || rest.depth !== 0 || rest.partOf !== undefined || rest.quantity.unit !== done.quantity.unit || ![rest.label, wordsOf(rest)].some((w) => GOING_ON.test(w.replace(/^(另有|还有|其余|剩余)/, '')))) return;
    // ("完成33项，完成率97.1%，未完成的1项"): a rate of what was done may stand between
    if (!/^\s*(,\s*[^\d,;:。]{0,8}率\s*(为|达)?\s*\d+(\.\d+)?%)?\s*[,、;]\s*[^\d,;:。]{0,12}$/.test(text.slice(done.quantity.end, rest.quantity.start))) return;
    const before = [...earlier, ...facts.slice(0, i)].filter((f) => canBeWhole(f) && f.quantity.unit === done.quantity.unit);
    const whole = before[before.length - 1];
    if (whole === undefined || /完成|推进/.test(whole.label) || !TASKS.test(whole.scope)) return;
    if (whole.parts.length === 0) {
      whole.linkWord = '完成情况';
      attach(whole, [done, rest], !endsWithEtc(text, rest));
    } else addBreakdown(whole, '完成情况', [done, rest], !endsWithEtc(text, rest));
  });
}

// "上报28416件，经审核立案27935件，按时结案27618件，结案率98.9%": what is closed is of what was opened, what is finished of
// what was taken in — the one figure before it that names the act its own act follows
// [what was done, what it was done of, whether the done can hold no more than that (no carry-over can come in)]
const PAIRED_BASES: Array<[RegExp, RegExp, boolean?]> = [
  [/结案/, /立案/],
  // ("加上年结转7件，全年应办理333件，已办结321件，办结率96.4%")
  [/办结/, /应办理|需办理|应办|需办/, true],
  [/办结/, /受理|收到|承办|接收/],
  [/审结/, /受理|收到|新收/],
  [/整改/, /发现|排查/],
  // ("包案化解信访积案7件，已化解6件")
  [/化解/, /包案|受理|排查|调处|纳入/],
  // "应考52人、实考52人，合格51人，合格率98.1%": those who passed are of those who sat
  [/^(考试)?(合格|及格|通过)$/, /^(实考|参考|实际参考|参加考试)$/, true],
];

function pairedBase(numerator: Fact, wholes: readonly Fact[], text: string): Fact | undefined {
  // (what is to be handled holds what came over as well: "加上年结转7件，全年应办理333件，已办结321件")
  for (const pair of PAIRED_BASES.filter(([done]) => done.test(numerator.label))) {
    // ("受理群众来信来访142件次，按期办结140件": the act may stand before the name; 件次 are 件 counted by visit)
    // ("发现条款不全、期限过长等不规范合同31份": or open the clause, before a list of kinds)
    const opens = new RegExp(`^\\s*(?:${pair[1].source})`);
    const acted = (f: Fact) => pair[1].test(f.label) || (f.label.length >= 2 && pair[1].test(wordsOf(f).replace(f.label, '').slice(-4))) || opens.test(clauseBefore(text, f));
    const sameUnit = (f: Fact) => f.quantity.unit === numerator.quantity.unit || [f.quantity.unit, numerator.quantity.unit].sort().join() === '件,件次';
    const bases = wholes.filter((f) => f.quantity.start < numerator.quantity.start && sameUnit(f) && acted(f) && !pair[0].test(f.label) && (pair[2] === true || f.quantity.normalized.value >= numerator.quantity.normalized.value));
    if (bases.length > 1) return undefined;
    const [base] = bases;
    if (base !== undefined) return (CASE_CLOSED.test(numerator.label) ? acceptedOf(base, numerator) : undefined) ?? base;
  }
  return undefined;
}

/** the words of a figure's clause before it: from the last comma, semicolon, colon or full stop of its sentence */
function clauseBefore(text: string, f: Fact): string {
  const before = text.slice(f.sentence[0], f.quantity.start);
  return before.slice(Math.max(...[',', ';', ':', '。'].map((c) => before.lastIndexOf(c) + 1)));
}

// "优秀96卷、合格311卷、不合格13卷，合格率（含优秀）为96.9%": a rate whose bracket says it includes another category
// (a pass rate includes the better grades listed with it without saying so)
// counts both — over the whole they are listed in, or the figure right before a bare list of them ("参考52人，优秀20人，合格31人")
const INCLUDED_RATE = /([^\d,;:。、()]{1,8}?)率\s*\(\s*(?:含|包含|包括)\s*([^\d,;:。()]{1,8})\s*\)\s*(?:为|是|达到|达)?\s*$/;

const GRADED_RATE = /(?<!不)(合格|及格|达标)率\s*(?:为|是|达到|达)?\s*$/;
const BETTER_GRADES = ['优秀', '良好'];
const GOOD_RATE = /优良率\s*(?:为|是|达到|达)?\s*$/;

function linkIncludedRates(text: string, facts: Fact[]): void {
  for (const rate of facts) {
    if (rate.kind !== 'rate' || rate.numerator !== undefined || rate.rateRule !== undefined) continue;
    const before = text.slice(rate.sentence[0], rate.quantity.start);
    const m = INCLUDED_RATE.exec(before);
    const counts = facts.filter((f) => f.kind === 'count' && f.depth === rate.depth && f.quantity.start < rate.quantity.start);
    // "评为优秀的" / "成绩优秀" is 优秀; "不合格" is no 合格
    // ("评定优秀案卷29卷" is 优秀)
    const named = (f: Fact) => {
      const said = f.label.replace(/^(被)?(评为|评定为|评定|认定为|为|成绩)/, '').replace(/的$/, '');
      return /^(优秀|良好|基本合格|合格|不合格)(案卷|卷宗|等次|档次)$/.exec(said)?.[1] ?? said;
    };
    // "参考86人，其中优秀61人、合格25人，合格率100%": a pass rate counts the better grades listed with it, bracket or not
    // "优秀12卷、良好25卷、合格3卷，优良率92.5%": 优良 is 优秀 and 良好 together
    const good = m === null && GOOD_RATE.test(before);
    const graded = m === null ? (good ? ['', '优秀'] : GRADED_RATE.exec(before)) : null;
    // ("案卷合格率（含优秀）" is the 合格 of the 案卷)
    const stem = tidy(m?.[1] ?? graded?.[1] ?? '').replace(/^(案卷|卷宗|考试|考核)(?=..)/, '');
    const included = m !== null ? (m[2] ?? '').split(/[、和及与]/).map(tidy) : good ? ['良好'] : BETTER_GRADES.filter((name) => counts.some((f) => named(f) === name));
    if ((m === null && graded === null) || stem.length === 0 || included.length === 0 || included.some((name) => name.length === 0)) continue;
    const own = counts.filter((f) => named(f) === stem);
    // "（含优秀、良好）": each category included is one figure of the sentence
    const also = included.map((name) => counts.filter((f) => named(f) === name));
    const [numerator] = own;
    const others = also.flatMap((found) => (found.length === 1 ? found : []));
    if (numerator === undefined || own.length !== 1 || others.length !== also.length || others.some((f) => !sameFamily(f, numerator) || f.quantity.unit !== numerator.quantity.unit || f === numerator)) continue;
    const list = [numerator, ...others];
    const denominator = numerator.partOf !== undefined ? (list.every((f) => f.partOf === numerator.partOf) ? numerator.partOf : undefined) : wholeBeforeList(counts, list);
    if (denominator === undefined || !sameFamily(denominator, numerator)) continue;
    // unsaid, the grades included are the custom, not the text: a rate of 合格 alone that holds is left alone
    const alone = (numerator.quantity.normalized.value / denominator.quantity.normalized.value) * 100;
    if (m === null && !good && Math.abs(alone - rate.quantity.value) < 10 ** -rate.quantity.decimals) continue;
    rate.numerator = numerator;
    rate.numeratorAlso = others;
    rate.denominator = denominator;
  }
}

// "抽查312批次，不合格17批次，合格率94.6%": a rate of a grade named only by the figure that failed it, right after that
// figure, which stands right after the whole (or is its one 其中); no figure of the grade itself is given
const FAILED = /^(?:发现|检出|查出|其中)?(不|未)(合格|达标|通过|及格|合规)$/;

function linkComplementRates(text: string, facts: Fact[]): void {
  facts.forEach((rate, i) => {
    const [whole, failed] = [facts[i - 2], facts[i - 1]];
    // (a rate already read as the failed part over its whole is read again: "其中不合格69批次，抽检合格率为97.6%")
    if (rate.kind !== 'rate' || rate.growth || (rate.numerator !== undefined && (rate.numerator !== failed || rate.denominator !== whole)) || rate.rateRule !== undefined) return;
    const grade = FAILED.exec(failed?.label ?? '')?.[2];
    if (whole === undefined || failed === undefined || grade === undefined || !canBeWhole(whole) || failed.kind !== 'count') return;
    if (!new RegExp(`^[^\\d,;:。]{0,12}(?<![不未])${grade}率\\s*(为|是|达到|达)?\\s*$`).test(text.slice(failed.quantity.end, rate.quantity.start).replace(/^[^\d,;:。]{0,3},\s*/, ''))) return;
    if (!/^[^\d,;:。]{0,3},\s*[^\d,;:。]{0,8}$/.test(text.slice(whole.quantity.end, failed.quantity.start)) && failed.partOf !== whole) return;
    if (whole.quantity.unit !== failed.quantity.unit || failed.quantity.normalized.value > whole.quantity.normalized.value || facts.slice(0, i).some((f) => f.kind === 'count' && f.sentence[0] === rate.sentence[0] && new RegExp(`(?<!不|未)${grade}$`).test(f.label))) return;
    rate.numerator = failed;
    rate.denominator = whole;
    rate.complement = true;
  });
}

// "开庭审理7次，局主要负责人出庭2次、其他负责人出庭5次，负责人出庭应诉率100%": a rate of an act told by who did it,
// each joined by 、 and named with the act the rate names, over the figure right before them
function linkListedRates(text: string, facts: Fact[]): void {
  facts.forEach((rate, i) => {
    if (rate.kind !== 'rate' || rate.growth || rate.numerator !== undefined || rate.rateRule !== undefined) return;
    const list: Fact[] = [];
    for (let k = i - 1; k >= 0; k--) {
      const f = facts[k] as Fact;
      const next = list[0] ?? rate;
      const gap = text.slice(f.quantity.end, next.quantity.start);
      if (f.kind !== 'count' || f.sentence[0] !== rate.sentence[0] || (next === rate ? !/^[^\d,;:。]{0,3},[^\d,;:。]{0,12}$/.test(gap) : !/^[^\d,;:。、]{0,3}、[^\d,;:。、]*$/.test(gap))) break;
      list.unshift(f);
    }
    const act = list[0]?.label.slice(-2) ?? '';
    if (list.length < 2 || act.length < 2 || !/^[\u4e00-\u9fff]{2}$/.test(act) || !list.every((f) => f.label.endsWith(act) && f.quantity.unit === list[0]?.quantity.unit && f.partOf === undefined) || !rate.label.includes(act)) return;
    const whole = facts[i - list.length - 1];
    if (whole === undefined || !canBeWhole(whole) || whole.quantity.unit !== list[0]?.quantity.unit || whole.label.endsWith(act) || !/^[^\d,;:。]{0,3},[^\d,;:。]{0,12}$/.test(text.slice(whole.quantity.end, (list[0] as Fact).quantity.start))) return;
    rate.numerator = list[0];
    rate.numeratorAlso = list.slice(1);
    rate.denominator = whole;
  });
}

// the figure right before the first of a bare list, when every figure from it to the rate is of the list's unit
function wholeBeforeList(counts: readonly Fact[], list: readonly Fact[]): Fact | undefined {
  const first = Math.min(...list.map((f) => counts.indexOf(f)));
  const whole = counts[first - 1];
  if (whole === undefined || whole.partOf !== undefined || whole.parts.length > 0 || whole.delta || whole.baseOf !== undefined) return undefined;
  const unit = list[0]?.quantity.unit;
  return counts.slice(first - 1).every((f) => f.quantity.unit === unit && f.partOf === undefined) ? whole : undefined;
}

// "…调解成功43件，…。全年调解成功率93.5%": a rate alone in its sentence, of the one count of the paragraph named as
// it, over that count's stated whole (the total it is listed in, the stage before it, or the one listed whole of its
// sentence)
const AGREED = /^(经(过)?)?(调解)?达成(调解)?协议$/;

// "调整后全年计划项目46个。截至年底已完成45个，计划完成率97.8%": a rate no count is named as may name the whole and
// then the part — the last count of its sentence saying the part, of the last before it in the paragraph saying the whole
// (a rate that says what it includes, "合格率（含优秀）", counts more than one count)
function linkWholeThenPartRates(text: string, facts: Fact[]): void {
  for (const rate of facts) {
    if (rate.kind !== 'rate' || rate.growth || rate.delta || rate.numerator !== undefined || rate.rateRule !== undefined || !rate.label.endsWith('率')) continue;
    if (/率\s*\([^()]*\)\s*(为|是|达到|达)?\s*$/.test(text.slice(rate.sentence[0], rate.quantity.start))) continue;
    const stem = rateStem(rate.label);
    const before = facts.filter((f) => f.kind === 'count' && f.quantity.end <= rate.quantity.start && f.depth === rate.depth);
    // (none where a count of the sentence is named as the rate: that one is its numerator, found or left open before)
    if (before.some((f) => f.sentence[0] === rate.sentence[0] && isSubsequence(stem, f.label))) continue;
    const split = wholeAndPart(stem, before);
    if (split === undefined || split.part.sentence[0] !== rate.sentence[0] || !sameFamily(split.part, split.whole) || split.part.quantity.unit !== split.whole.quantity.unit) continue;
    if (split.part.quantity.normalized.value > split.whole.quantity.normalized.value * 1.5) continue;
    rate.numerator = split.part;
    rate.denominator = split.whole;
  }
}

function linkDistantRates(text: string, facts: Fact[]): void {
  for (const rate of facts) {
    if (rate.kind !== 'rate' || rate.growth || rate.delta || rate.numerator !== undefined || rate.rateRule !== undefined || !rate.label.endsWith('率')) continue;
    if (facts.some((f) => f.kind === 'count' && f.sentence[0] === rate.sentence[0] && f.quantity.start < rate.quantity.start)) continue;
    const stem = rate.label.replace(/率$/, '').replace(/^(全年|全乡|全镇|全街道|全区|全县|全市)/, '');
    if (stem.length < 2) continue;
    // (what was mediated to an agreement is what mediation succeeded in: "经调解达成协议279件。调解成功率为97.2%")
    const named = facts.filter((f) => f.kind === 'count' && f.quantity.start < rate.quantity.start && (f.label.replace(/^经(过)?/, '') === stem || (/^调解成功$/.test(stem) && AGREED.test(f.label))));
    const [numerator] = named;
    if (numerator === undefined || named.length !== 1) continue;
    const wholes = facts.filter((f) => f !== numerator && f.kind === 'count' && f.sentence[0] === numerator.sentence[0] && f.partOf === undefined && f.parts.length > 0 && sameFamily(f, numerator));
    // "按纳入调解的纠纷计算，调解成功率为97.5%": the sentence names the base
    const basis = /按([^\d,;:。]{2,10}?)的?(纠纷|案件|事项|件数|数)?计算/.exec(text.slice(rate.sentence[0], rate.quantity.start))?.[1];
    const stated = basis === undefined ? undefined : facts.filter((f) => f !== numerator && f.kind === 'count' && f.quantity.start < numerator.quantity.start && f.depth === 0 && !f.delta && f.baseOf === undefined && f.partOf === undefined && wordsOf(f).includes(basis)).pop();
    // (an outcome told in a sentence of its own is of what came in before it: "全年受理矛盾纠纷287件，…。经调解达成协议279件。")
    const alone = !facts.some((f) => f !== numerator && f.kind === 'count' && f.sentence[0] === numerator.sentence[0]);
    const denominator = stated ?? numerator.partOf ?? numerator.stageOf ?? (OUTCOME.test(numerator.label) && wholes.length === 1 ? wholes[0] : undefined) ?? (alone ? intakeBefore(text, numerator, facts.filter((f) => f.quantity.end <= numerator.sentence[0]), false, true) : undefined);
    if (denominator === undefined || !sameFamily(denominator, numerator)) continue;
    if (numerator.quantity.normalized.value > denominator.quantity.normalized.value * 1.5) continue;
    rate.numerator = numerator;
    rate.denominator = denominator;
  }
}

// "按期办结61件，按期办结率96.8%；另有2件…" / "全年办结工单5198件，办结率99.3%": a rate after the one count of its
// sentence named as it, an outcome, over the whole that outcome is of — the whole of its "另有/其余", else the last
// whole of the paragraph before it of which it is a subset (the same head noun: 受理工单 → 办结工单)
function linkOutcomeRates(text: string, facts: Fact[], inParagraph: readonly Fact[]): void {
  for (const rate of facts) {
    if (rate.kind !== 'rate' || rate.growth || rate.delta || rate.numerator !== undefined || rate.rateRule !== undefined || !rate.label.endsWith('率')) continue;
    // "…同比下降15.8%；按期办结95件，按期办结率99.0%": a semicolon opens a clause of its own, as a sentence does
    const semi = text.lastIndexOf(';', rate.quantity.start);
    const from = semi > rate.sentence[0] ? semi : rate.sentence[0];
    const earlier = [...inParagraph, ...facts.filter((f) => f.quantity.end <= from)];
    // (last year's figure and the change are said of the count: "调处成功213件，较上年的196件增加17件，…，调处成功率94.2%")
    const counts = facts.filter((f) => f.kind === 'count' && f.quantity.start >= from && f.quantity.start < rate.quantity.start && !f.delta && f.baseOf === undefined);
    const [numerator] = counts;
    // the words before the number, verbs kept: "全年办结工单" (its label is only 工单)
    const said = numerator === undefined ? '' : wordsOf(numerator);
    // "网上办理1,219件，网办率88.2%": what was done online of what was taken in
    const online = /网上办理|网办/.test(said);
    if (numerator === undefined || counts.length !== 1 || numerator.depth !== 0 || numerator.partOf !== undefined || numerator.delta || !(OUTCOME.test(said) || online)) continue;
    const stem = rate.label.replace(/率$/, '').replace(/^(全年|全乡|全镇|全街道|全区|全县|全市)/, '');
    if (stem.length < 2 || !(said.includes(stem) || (online && isSubsequence(stem, said)))) continue;
    const rest = facts.find((f) => f.remainder && f.balance?.done === numerator);
    const intake = rest?.balance?.total ?? intakeBefore(text, numerator, earlier, online);
    // ("受理投诉举报咨询9,864件，其中投诉4,215件、…。投诉办结4,178件，办结率99.1%": the part the outcome names first)
    const named = intake?.parts.filter((p) => p.label.length >= 2 && said.startsWith(p.label)) ?? [];
    const whole = named.length === 1 ? named[0] : intake;
    if (whole === undefined || numerator.quantity.normalized.value > whole.quantity.normalized.value * 1.5) continue;
    rate.numerator = numerator;
    rate.denominator = whole;
  }
}

/**
 * the whole of the paragraph an outcome is of: the last figure before it of its head noun that came in (受理, 收到, 排查,
 * 立案) — "办结率" of what was 受理, never of another outcome — when no other figure of that noun follows it; `onlyOne`:
 * when no other figure that came in stands before it either
 */
/** done in time: a count of some of what was done, never the whole a rate is of */
const TIMELY = /^(全年)?(及时|按时|按期|限时|如期)/;

function intakeBefore(text: string, numerator: Fact, earlier: readonly Fact[], online = false, onlyOne = false): Fact | undefined {
  const said = wordsOf(numerator);
  // (what a rest is told beside is some of a whole too: "公益林地案件中涉及国家级公益林6件，其余11件…", and so is an
  // item said again: "…非法占用林地43件…。非法占用林地的43件中，…")
  const besideRest = (f: Fact) => earlier.some((g) => g.remainder && g.balance?.done === f);
  // (and what was done in time is some of a whole: "及时受理85件" of 受理信访事项86件)
  // (nor is last year's figure compared with: "与上年排查的68起相比")
  const before = earlier.filter((f, k) => canBeWhole(f) && f.balance === undefined && !besideRest(f) && !TIMELY.test(wordsOf(f)) && !LAST_YEAR.test(wordsOf(f)) && !saidAsAverage(text, f) && !restatesPart(text, f, earlier.slice(0, k)) && sameFamily(f, numerator) && f.quantity.unit === numerator.quantity.unit);
  const intake = (f: Fact) => /受理|收到|接到|接收|承接|登记|排查|申请|承办|新收|立案|提出/.test(wordsOf(f));
  const wholes = before.filter((f) => f.label.length >= 2 && (subsetOf(numerator, f) || online) && intake(f) && wordsOf(f) !== said);
  const whole = wholes.pop();
  // the nearest whole must be the last of its kind: a later figure of the same head noun in between would be a guess
  // (and, for an outcome told apart from what came in, the only whole that came in)
  return whole !== undefined && before[before.length - 1] === whole && !(onlyOne && wholes.length > 0) ? whole : undefined;
}

// "办理行政处罚案件57件。从案件类型看，违法建设18件、乱占耕地9件…；从办案程序看，…": a breakdown of the whole before it
// ("从投诉类型看（按主要诉求归类），…": a note in brackets may follow; "办理结果为准予许可179件、…" breaks down by result)
const BREAKDOWN = /(?:(?:从|按|依|分)([^,;:。\d]{1,10}?)(?:来看|看|划分|分)\s*(?:\([^()\d]{1,16}\))?\s*[,:]|(?:办理|处理|答复|审查|考核|评查|评定|评议|测评)\s*,?\s*结果(?:为|是)\s*:?)/g;
// what was finished or came of the work (never what came in: 受理, 立案)
const FINISHED = /成功|办结|审结|结案|化解|调处|调解|按时|按期|及时|整改|答复|解决|完成|回复|满意|败诉|纠错/;
const SHARE_AFTER_ITEM = /\d[^,;:。\d]{0,3}[,、]\s*占[^,;:。\d]{0,8}\d+(\.\d+)?%\s*$/;
const HOTLINE = /\d{3,6}(?=[^\d,;:。、]{0,4}(热线|平台|专线))/g;
const SHARE_IN_GAP = /^\s*[,、]\s*占[^,;:。\d]{0,8}\d+(\.\d+)?%/;

/** "…加上上年结转1件，全年需办理申请28件": the figure sums what was new with what came over, told right after it */
function withCarried(text: string, f: Fact, previous: Fact | undefined): boolean {
  return previous !== undefined && previous.paragraph === f.paragraph && previous.sentence[0] === f.sentence[0] && /结转/.test(previous.scope) && /^[^\d;。]*$/.test(text.slice(previous.quantity.end, f.quantity.start));
}

/** the first figure of each of three or more segments joined by semicolons, each opening on a name; none when one does not */
function semicolonItems(text: string, at: number, e: number, facts: readonly Fact[]): Fact[] {
  const items: Fact[] = [];
  let from = at;
  for (const segment of text.slice(at, e).replace(/[。]\s*$/, '').split(/[;；]/)) {
    const [start, end] = [from, from + segment.length];
    from = end + 1;
    const f = facts.find((x) => x.quantity.start >= start && x.quantity.end <= end && x.kind === 'count' && x.depth === 0 && (items[0] === undefined || x.quantity.unit === items[0].quantity.unit));
    if (f === undefined || f.partOf !== undefined || f.delta || f.baseOf !== undefined || !/^\s*[^\d;。]{1,20}$/.test(text.slice(start, f.quantity.start).replace(/\d+个/, '')) || (items[0] !== undefined && !sameFamily(f, items[0]))) return [];
    items.push(f);
  }
  return items.length >= 3 ? items : [];
}

function linkBreakdowns(text: string, [s, e]: [number, number], facts: Fact[], earlier: readonly Fact[]): void {
  for (const m of text.slice(s, e).matchAll(BREAKDOWN)) {
    const at = s + m.index + m[0].length;
    const semi = text.slice(at, e).search(/[;；]/);
    // "城市管理类712件，占38.2%；市场监管类520件，占27.9%；…": items that each carry their share are joined by semicolons
    const shared = semi >= 0 && SHARE_AFTER_ITEM.test(text.slice(at, at + semi));
    const end = semi >= 0 && !shared ? at + semi : e;
    const parts: Fact[] = [];
    const inRange = facts.filter((x) => x.quantity.start >= at && x.quantity.start < end);
    for (const [k, f] of inRange.entries()) {
      const gap = text.slice((parts[parts.length - 1] ?? f).quantity.end, f.quantity.start);
      // "…，其余9个村共计225件": the count of what the last item gathers is part of its name
      const next = inRange[k + 1];
      if (parts[0] !== undefined && next !== undefined && !sameFamily(f, parts[0]) && MEMBERS.test(text.slice(f.quantity.start, next.quantity.start))) {
        next.label = text.slice(clauseStart(text, f.quantity.start, s), next.quantity.start).replace(/(共计|合计|共|计|为)\s*$/, '').trim();
        continue;
      }
      // the share said of the item before is no item: linkRates reads it as a share of the whole; so is one in
      // brackets ("占道经营71起（占33.2%）、…")
      if (f.kind === 'rate' && parts.length > 0 && /^\s*[,、]?\s*占[^,;:。\d]{0,8}$/.test(gap)) continue;
      if (f.depth > 0 && parts.length > 0) continue;
      // an item may list its own parts in brackets: "法人或其他组织申请5件（商业企业3件、法律服务机构2件）"
      // (…or after 分别为: "法人或其他组织申请4件，分别为商业企业3件、法律服务机构1件")
      // ("按违法类型分，大气污染类218.36万元、…": sums of money break down as counts do)
      if (f.depth !== 0 || f.kind === 'rate' || f.partOf !== undefined || (f.parts.length > 0 && f.parts[0]?.depth === f.depth && f.linkWord !== '分别')) break;
      // "自然资源类（违法用地、违法建设）38宗": what a bracket says of an item is no joiner
      // "…412家次，夏季臭氧攻坚、危险废物规范化管理等专项检查538家次": after a comma an item's name may hold 、; a
      // quoted name or a hotline's number ("12369环保举报热线") is part of the name
      const joined = gap.replace(/\([^()]*\)/g, '').replace(SHARE_IN_GAP, '').replace(/“[^”]*”/g, '').replace(HOTLINE, '').replace(MEMBERS_IN_GAP, '');
      // nothing after 其他 is another item, nor what 其中 or 另有 opens
      const previous = parts[parts.length - 1];
      // …but "，其余部门合计286件" is the last item
      const rest = /^,\s*(其余|其他|其它)[^,;:。\d]*$/.test(joined);
      // ("…；生态环境267件，占7.7%；应急管理、文化旅游、农业农村等其他领域合计324件，占9.4%": the rest may list what it holds)
      const restListed = shared && /^;[^,;:。\d]*等(其他|其它|其余)[^,;:。\d、]{0,6}$/.test(joined);
      if (previous !== undefined && (/^(其他|其它|其余)/.test(previous.label) || (!rest && !restListed && /其中|包括|另有|其余|合计|共计/.test(joined)))) break;
      // ("普通程序案件288件，普通程序案件中适用快速办理程序的有74件": some of an item is no item)
      if (parts.some((p) => p.label.length >= 2 && wordsOf(f).includes(`${p.label}中`))) break;
      // a list joined by 、 ends at a comma
      const byPause = parts.length >= 2 && /^、/.test(text.slice((parts[0] as Fact).quantity.end, (parts[1] as Fact).quantity.start).replace(/\([^()]*\)/g, '').replace(SHARE_IN_GAP, ''));
      // (…but "…、土地承包经营纠纷47件，其他纠纷84件" goes on to the rest)
      if (parts.length > 0 && !restListed && !((!byPause && /^[,][^,;:。\d]*$/.test(joined)) || (byPause && rest) || (shared ? /^[、;][^,;:。、\d]*$/ : /^[、][^,;:。、\d]*$/).test(joined))) break;
      if (parts.length > 0 && !sameFamily(f, parts[0] as Fact)) break;
      if (restListed) f.label = /等((?:其他|其它|其余)[^,;:。\d、]{0,6}?)(?:合计|共计)?$/.exec(joined)?.[1] ?? f.label;
      parts.push(f);
    }
    // "从案件类型看：市容环境类1526件，主要为…；违法建设类384件；渣土运输类612件，是上年385件的1.6倍…；其他152件。":
    // items joined by semicolons, each a name and its figure and what more is said of it
    // (a list cut short by an item whose name counts its members, "小峡、三合等4个镇合计184件", goes on to it)
    const segments = semi >= 0 ? semicolonItems(text, at, e, facts) : [];
    if (segments.length > parts.length && (parts.length < 2 || segments[0] === parts[0])) parts.splice(0, parts.length, ...segments);
    const first = parts[0];
    const last = parts[parts.length - 1];
    // (the rest may say what it is: "，其余38条为工作动态等信息。", "，其余369件由农业农村等部门办理；")
    if (first === undefined || last === undefined || parts.length < 2) continue;
    const tail = text.slice(last.quantity.end, e).replace(/^\s*\([^()]*\)/, '').replace(SHARE_IN_GAP, '');
    const restSaid = /(其余|其他|其它)[^,;:。\d]{0,4}$/.test(text.slice(Math.max(s, last.quantity.start - 6), last.quantity.start)) && /^\s*(为|是|由|涉及|主要为|主要是|主要涉及|包括)[^\d,;:。]{0,30}([;；。]|$)/.test(tail);
    if (!restSaid && !/^\s*([;；。,]|$)/.test(tail || '。')) continue;
    first.label = first.label.replace(/^(分别|依次)(是|为|有)/, '').replace(/^(办理|处理|答复|审查)?结果(为|是)/, '');
    // the whole: the last figure before the breakdown that is no part, change, rate or last year's — and no item of
    // an earlier breakdown ("其他16宗。按程序分：…" breaks down the whole before "按领域分", not 其他)
    // what was finished is no whole of a breakdown by what came in ("受理138件…；按期办结135件。按诉求内容分，…"); a
    // breakdown by result ("从答复结果看") is one of what was finished
    const byContent = /内容|类型|类别|领域|性质|诉求|来源|渠道|方式|社区|村|部门|单位|地区|区域|属地|乡镇|街道|季度|月/.test(m[1] ?? '');
    // "…27件；加上上年结转1件，全年需办理申请28件": the new and the carried over together are no whole of a breakdown
    // by who applied or how, which is of the new
    const before = [...earlier, ...facts.filter((f) => f.quantity.end <= s + m.index)];
    // (nor is an item said again: "山林权属纠纷74件…。山林权属纠纷最为突出，共74件，其中…")
    // (nor is what is still open, "未办结的45件", nor an average, "人均上报15.7件": the whole is the last figure before them)
    const pool = before.filter((f, k) => f.kind !== 'rate' && f.depth === 0 && f.partOf === undefined && !f.delta && f.baseOf === undefined && f.balance === undefined && !NOT_CLOSED.test(wordsOf(f)) && !saidAsAverage(text, f) && !(byContent && FINISHED.test(f.label) && !/受理|收到|新收|承办|接收|纳入/.test(wordsOf(f))) && !withCarried(text, f, before[k - 1]) && !CARRIED_OR_BEFORE.test(f.scope) && !restatesPart(text, f, before.slice(0, k)));
    // "一至四季度调处数分别为86件、…": items over a range of quarters or months that name what they count break down
    // the figure of that name ("进入调处程序398件"), or none
    const ranged = /^(?:[一二三四五六七八九十\d]+(?:至|到|—|-)[一二三四五六七八九十\d]+|各)(?:季度|个月|月份|月|社区|村)(.{2,})$/.exec(first.label)?.[1]?.replace(/数$/, '');
    // the last figure of the items' kind: "…1,126场，覆盖群众38.6万人次，…；按主题分，宪法宣传周活动142场，…"
    const own = pool.filter((f) => sameFamily(f, first) && f.quantity.unit === first.quantity.unit);
    // an item's share may name the whole: "物业服务纠纷104件，占受理调处总数的31.4%" breaks down 受理调处331件, not 排查346件
    // (or a share said after the list: "…，其他纠纷61起，土地承包纠纷占调处总数的35.1%")
    const shareName = (/^\s*[,、]\s*占([^,;:。\d]{2,12}?)(总数|总量)的?\s*\d/.exec(text.slice(first.quantity.end, e)) ?? /^\s*,\s*[^,;:。\d]{0,12}?占([^,;:。\d]{2,12}?)(总数|总量)的?\s*\d/.exec(text.slice(last.quantity.end, e)))?.[1]?.replace(/^(全部|全年|全镇|全乡|全街道|全区|全县)/, '');
    const namedWholes = shareName === undefined ? [] : before.filter((f) => canBeWhole(f) && sameFamily(f, first) && f.quantity.unit === first.quantity.unit && isSubsequence(shareName, wordsOf(f)));
    const named = namedWholes.length > 0 && namedWholes.every((f) => f.quantity.normalized.value === namedWholes[0]?.quantity.normalized.value) ? namedWholes[namedWholes.length - 1] : undefined;
    // the sentence may name what came in that it breaks down: "新收案件按类别分，…" is of 本年新收412件, not of 合计需办理435件
    const came = /(新收|新立案|受理|立案|收到)[^\d,;:。]{0,6}$/.exec(text.slice(s, s + m.index))?.[1];
    const said = came === undefined ? undefined : before.filter((f) => canBeWhole(f) && sameFamily(f, first) && f.quantity.unit === first.quantity.unit && wordsOf(f).includes(came) && !CARRIED_OR_BEFORE.test(f.scope)).pop();
    // "从调处主体看，…": the breakdown names the act it breaks down — the last whole told with that act (调处368起, not
    // 成功化解357起 after it)
    const act = /(排查|调处|受理|立案|办理|审查)/.exec(m[1] ?? '')?.[1];
    const acted = act === undefined ? undefined : before.filter((f) => canBeWhole(f) && sameFamily(f, first) && f.quantity.unit === first.quantity.unit && wordsOf(f).endsWith(act) && !CARRIED_OR_BEFORE.test(f.scope)).pop();
    const lastOwn = ranged === undefined ? own[own.length - 1] : own.filter((f) => wordsOf(f).includes(ranged)).pop();
    // "受理投诉及咨询163件，其中投诉128件、咨询35件。按被投诉对象分，…": a breakdown whose name says one part of that
    // whole breaks down the part (a part named by the whole's own noun, "法人或其他组织申请5件" read as 申请, names none)
    const partsNamed = (lastOwn?.parts ?? []).filter((p) => p.label.length >= 2 && (m[1] ?? '').includes(p.label) && !lastOwn?.label.endsWith(p.label));
    const total = named ?? said ?? acted ?? (partsNamed.length === 1 ? partsNamed[0] : lastOwn);
    if (total === undefined || !sameFamily(total, first) || total.quantity.unit !== first.quantity.unit) continue;
    // "已调处成功451件…。按调处层级分，镇级调处86件，村级…377件": a breakdown by the act's levels is of all the act took
    // up, not of what it settled — a whole the text leaves unsaid when no figure is told with the act alone
    if (act !== undefined && acted === undefined && total !== named && total !== said && new RegExp(`${act}(成功|完成|办结|化解)`).test(wordsOf(total))) continue;
    // "排查矛盾纠纷468起，调处412起，调解成功398起。从纠纷类型看，…": the types may be of what was screened or of what was
    // taken up after it — unless a share names it (what was settled of it is no whole: "受理调处128件，调处成功116件")
    if (total !== named && total !== said && total !== acted && before.some((f) => f.stageOf === total && !/成功|化解|办结|结案/.test(wordsOf(f)))) continue;
    // ("排查218件，调处209件，化解197件，调解成功率94.3%。分镇（乡）看，…": nor is what a funnel settled, when the
    // breakdown does not name it: the items may be of any stage before)
    if (total !== named && total !== said && total !== acted && total.stageOf !== undefined && before.includes(total.stageOf) && /成功|化解|办结|结案/.test(wordsOf(total))) continue;
    // "新收申请6件，…另有上年结转申请1件。办理结果为：…": the results are of the new and the carried over together, a
    // whole the text leaves unsaid
    if (m[1] === undefined && before.some((f) => f.paragraph === total.paragraph && f.quantity.start > total.quantity.end && /上年结转|上年度结转/.test(f.scope) && sameFamily(f, total))) continue;
    if (new RegExp(BREAKDOWN.source).test(text.slice(total.sentence[0], total.quantity.start))) continue;
    // what is still open ("未结的2件…") is no whole, nor a figure smaller than one of the items: the whole is unsaid
    if (NOT_CLOSED.test(wordsOf(total)) || parts.some((p) => p.quantity.normalized.value > total.quantity.normalized.value)) continue;
    // items that carry their shares say what they are shares of: a whole that none of (or fewer than half of) them
    // fits is another figure
    // (one share alone may be the error itself)
    if (shared || SHARE_IN_GAP.test(text.slice(first.quantity.end))) {
      const shares = parts.flatMap((p) => {
        const r = facts.find((f) => f.kind === 'rate' && f.quantity.start > p.quantity.end && SHARE_IN_GAP.test(text.slice(p.quantity.end, f.quantity.end)));
        return r === undefined ? [] : [(p.quantity.normalized.value / total.quantity.normalized.value) * 100 - r.quantity.value];
      });
      if (shares.length >= 2 && shares.filter((d) => Math.abs(d) < 1).length * 2 < shares.length) continue;
    }
    const linkWord = m[1] === undefined ? `${/考核|评查|评定|评议|测评/.exec(m[0])?.[0] ?? '办理'}结果` : `从${m[1]}看`;
    if (total.parts.length === 0) {
      total.linkWord = linkWord;
      attach(total, parts, !endsWithEtc(text, last));
    } else {
      // "…；从办案程序看，简易程序23件、普通程序34件": a second breakdown of the same whole adds up to it as well (so does
      // one after a 其中 list of some of it: "其中，拆除存量违建39处…。分社区看，…")
      addBreakdown(total, linkWord, parts, !endsWithEtc(text, last));
    }
  }
}

// "从案件类型看，林业案件38件，…渔政案件17件。另外，查处集镇市容环境卫生案件14件，安全生产案件11件。": a sentence
// opening on 另外/此外 right after a breakdown that falls short of its whole goes on with its items
function linkBreakdownGoingOn(text: string, [s, e]: [number, number], facts: Fact[], earlier: readonly Fact[]): void {
  const before = earlier[earlier.length - 1];
  const total = before?.partOf;
  if (before === undefined || total === undefined || !/^\s*(另外|此外)\s*,/.test(text.slice(s)) || !/^\s*。\s*$/.test(text.slice(before.quantity.end, s))) return;
  const list = total.parts[total.parts.length - 1] === before ? total.parts : total.breakdowns.find((b) => b.parts[b.parts.length - 1] === before)?.parts;
  if (list === undefined || !(total.linkWord.startsWith('从') || list !== total.parts)) return;
  if (list.reduce((a, f) => a + f.quantity.normalized.value, 0) >= total.quantity.normalized.value) return;
  const items: Fact[] = [];
  for (const f of facts) {
    const gap = text.slice((items[items.length - 1]?.quantity.end ?? s), f.quantity.start);
    if (f.kind !== 'count' || f.depth !== 0 || f.partOf !== undefined || f.parts.length > 0 || !sameFamily(f, total) || f.quantity.unit !== total.quantity.unit || /\d|其中|合计|共计/.test(gap)) return;
    if (items.length > 0 && !/^[,、]/.test(gap)) return;
    items.push(f);
  }
  const last = items[items.length - 1];
  if (last === undefined || !/^\s*(。|$)/.test(text.slice(last.quantity.end, e))) return;
  list.push(...items);
  for (const f of items) f.partOf = total;
}

// "其余9个村共计225件": how many places (or bodies) an item gathers, then its figure
const MEMBERS = /^\d+\s*个(村|社区|镇|乡|乡镇|街道|部门|单位)(\(社区\))?[^\d,;:。、]{0,6}$/;
const MEMBERS_IN_GAP = /\d+\s*个(?=(村|社区|镇|乡|乡镇|街道|部门|单位)(\(社区\))?[^\d,;:。、]{0,6}$)/;

// "被申请行政复议4件，经县人民政府审理，维持3件、撤销1件，直接纠错率25%": 纠错率 counts what was corrected (撤销,
// 变更, 确认违法, 责令履行) of the outcomes listed before it
const CORRECTED = /撤销|变更|确认违法|责令履行|纠正/;

// (the outcomes may be listed in the sentence before: "已审结371件…。审结案件中，维持148件、…；直接纠错44件，纠错率11.9%" —
// then the count of corrections said right before the rate is its numerator)
function linkCorrectionRate(facts: Fact[], previous: readonly Fact[] = []): void {
  for (const rate of facts) {
    if (rate.kind !== 'rate' || rate.numerator !== undefined || rate.growth || !rate.label.endsWith('纠错率')) continue;
    const whole = [...previous, ...facts].filter((f) => f.kind === 'count' && f.quantity.start < rate.quantity.start && f.partsComplete && f.parts.every((p) => OUTCOME_WORD.test(p.label))).pop();
    const corrected = whole?.parts.filter((p) => CORRECTED.test(p.label)) ?? [];
    const said = facts.filter((f) => f.quantity.end <= rate.quantity.start).pop();
    const stated = said?.kind === 'count' && said.partOf === undefined && /纠错$/.test(said.label) ? said : undefined;
    const [first, ...rest] = stated !== undefined ? [stated] : corrected;
    if (whole === undefined || first === undefined || corrected.length === 0) continue;
    rate.numerator = first;
    rate.numeratorAlso = rest;
    rate.denominator = whole;
  }
}

// 败诉率 is 败诉 ÷ 审结, as the platform's own annual report computes it (reconsideration.litigation_loss_rate);
// without a 审结 figure the reviewer stays silent rather than guess the base
// (the 审结 figure may stand in a sentence before, in the same paragraph: "…法院审结68件，结转下年17件。审结案件中行政机关败诉5件，
// 败诉率7.4%")
function linkLossRate(text: string, facts: Fact[], before: readonly Fact[] = []): void {
  // the words of a figure's clause (that starts at `from` at the earliest)
  const clauseOf = (f: Fact, from = 0) => text.slice(clauseStart(text, f.quantity.start, from), f.quantity.start);
  for (const rate of facts) {
    if (rate.kind !== 'rate' || !rate.label.endsWith('败诉率')) continue;
    const inSentence = facts.filter((f) => f.kind === 'count' && f.quantity.start < rate.quantity.start);
    const lost = inSentence.filter((f) => /败诉/.test(clauseOf(f))).pop();
    // the cases decided are looked for before the sentence only when the lost cases are said to be of those decided
    // ("败诉9件，败诉率4.6%" after "已审结158件。" may be of all 196)
    const ofDecided = lost !== undefined && /审结|结案/.test(clauseOf(lost, lost.sentence[0]));
    const earlier = ofDecided ? [...before.filter((f) => f.kind === 'count'), ...inSentence] : inSentence;
    // ("尚未审结2件" is what was not decided)
    // ("审结案件中行政机关败诉5件" names what was decided, but counts what was lost)
    const decided = earlier.filter((f) => f !== lost && /审结|结案/.test(clauseOf(f)) && !NOT_YET.test(clauseOf(f))).pop();
    rate.rateRule = '败诉率 = 败诉案件数 ÷ 审结案件数（与平台年度报告的算法一致）';
    // without both figures the rule stays unchecked: rateRule keeps the generic linking from guessing another base
    if (lost === undefined || decided === undefined) continue;
    rate.numerator = lost;
    rate.denominator = decided;
  }
}

// "物业纠纷97件、邻里纠纷72件，两项合计169件，分别占35.8%和26.6%": two shares, of the two items before them, over the
// whole the shares name ("分别占立案总数的") or the sentence opens on ("受理的纠纷中，")
function linkSharesRespectively(text: string, facts: Fact[]): void {
  facts.forEach((r1, i) => {
    const r2 = facts[i + 1];
    if (r1.kind !== 'rate' || r2?.kind !== 'rate' || r1.numerator !== undefined || r2.numerator !== undefined || r1.growth || r2.growth) return;
    const said = /分别占([^,;:。\d]{0,12}?)(?:的)?(?:比例|比重)?(?:为|是)?\s*$/.exec(text.slice(r1.sentence[0], r1.quantity.start));
    if (said === null || !/^\s*(和|、|与)\s*$/.test(text.slice(r1.quantity.end, r2.quantity.start))) return;
    // the items, skipping what counts or sums them ("两项", "合计169件")
    const inSentence = facts.slice(0, i).filter((f) => f.kind === 'count' && f.sentence[0] === r1.sentence[0]);
    const sum = inSentence.findLast((f) => /合计|共计/.test(text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start)));
    // "占道经营和违法建设两项合计109起": the items are the two named; else the two right before what sums them
    const pair = sum === undefined ? null : /([^,;:。\d、]{2,10})和([^,;:。\d、]{2,10})两项合计\s*$/.exec(text.slice(clauseStart(text, sum.quantity.start, sum.sentence[0]), sum.quantity.start));
    const before = inSentence.filter((f) => (sum === undefined || f.quantity.start < sum.quantity.start) && !/^(两|二|三)项$/.test(f.quantity.raw));
    const byName = pair === null ? [] : [pair[1], pair[2]].map((name) => before.filter((f) => f.label === tidy(name ?? '')));
    const [a, b] = pair !== null ? (byName.every((found) => found.length === 1) ? byName.map((found) => found[0]) : []) : before.slice(-2);
    if (a === undefined || b === undefined || !sameFamily(a, b) || a.quantity.unit !== b.quantity.unit || a.depth !== 0 || b.depth !== 0) return;
    const opening = /^\s*([^,;:。\d]{2,16})中\s*,/.exec(text.slice(r1.sentence[0], a.quantity.start))?.[1] ?? '';
    // the whole by the words of the share ("立案总数" → 立案) or of the opening's verb ("受理的纠纷中" → 受理)
    const named = (said[1] ?? '').replace(/(总数|总量|总计|全部|全年|的)/g, '') || opening.replace(/(的|全部|全年)/g, '').slice(0, 2);
    if (named.length < 2) return;
    const words = (f: Fact) => `${wordsOf(f)}${f.label}`;
    const wholes = facts.slice(0, i).filter((f) => f.kind === 'count' && f !== a && f !== b && f !== sum && f.partOf === undefined && !f.delta && f.baseOf === undefined && sameFamily(f, a) && f.quantity.unit === a.quantity.unit && isSubsequence(named, words(f)));
    const whole = wholes[wholes.length - 1];
    if (whole === undefined || wholes.some((f) => f.quantity.normalized.value !== whole.quantity.normalized.value)) return;
    for (const [rate, part] of [[r1, a], [r2, b]] as const) {
      rate.numerator = part;
      rate.denominator = whole;
      if (part.label !== '') rate.label = `${part.label}占比`;
    }
  });
}

// "受理案件200件……行政处罚案件120件，占受理案件总数的60%": a share of a total named earlier in the paragraph
function linkShares(text: string, facts: Fact[], earlier: readonly Fact[] = []): void {
  facts.forEach((rate, i) => {
    if (rate.kind !== 'rate' || rate.numerator !== undefined || rate.rateRule !== undefined) return;
    // "图文解读15篇，占全部解读21篇的71.4%": the whole said inside the 占
    const [part, inside] = [facts[i - 2], facts[i - 1]];
    if (part !== undefined && inside !== undefined && part.kind === 'count' && inside.kind === 'count' && part.sentence[0] === rate.sentence[0] && inside.quantity.unit === part.quantity.unit && sameFamily(part, inside)
      && /^[^\d,;:。]{0,3},?\s*(共|合计)?\s*占[^\d,;:。]{1,12}$/.test(text.slice(part.quantity.end, inside.quantity.start)) && /^[^\d,;:。]{0,3}的\s*(比例|比重)?\s*(为|是|达)?\s*$/.test(text.slice(inside.quantity.end, rate.quantity.start))) {
      rate.numerator = part;
      rate.denominator = inside;
      const named = tidy(text.slice(text.lastIndexOf('占', inside.quantity.start) + 1, inside.quantity.start).replace(/全部|全年|的/g, ''));
      if (named.length >= 2) inside.label = named;
      if (part.label !== '') rate.label = `${part.label}占比`;
      return;
    }
    // "…共计238人次，其中电话咨询164人次、现场咨询74人次，电话咨询占咨询总量的71.6%": a share after a list that names
    // one of its items is of that item in the list's whole
    const after = facts[i - 1];
    const naming = after === undefined ? null : /^\s*,\s*([^\d,;:。、]{2,10}?)占([^\d,;:。、]{0,12}?)(总量|总数|总计|总额)?的?\s*(比例|比重)?\s*(为|是|达)?\s*$/.exec(text.slice(after.quantity.end, rate.quantity.start));
    const item = naming === null ? undefined : facts.slice(0, i).find((f) => f.sentence[0] === rate.sentence[0] && f.partOf !== undefined && f.kind === 'count' && f.label === naming[1]);
    const ofWhole = item?.partOf;
    if (naming !== null && item !== undefined && ofWhole !== undefined && (after === item || after?.partOf === ofWhole) && isSubsequence((naming[2] ?? '').replace(/全部|全年|各类/g, ''), wordsOf(ofWhole))) {
      rate.numerator = item;
      rate.denominator = ofWhole;
      rate.label = `${item.label}占比`;
      const wholeName = tidy(`${naming[2] ?? ''}${naming[3] ?? ''}`.replace(/全部|全年|各类/g, ''));
      if (wholeName.length >= 2) ofWhole.label = wholeName;
      return;
    }
    let share = facts[i - 1];
    // "予以公开13件，部分公开4件，两项合计占办结总数的48.6%": the share of the items counted together
    let also: Fact[] = [];
    const items = /^(两|二|三|四)项$/.exec(share?.quantity.raw ?? '');
    if (share !== undefined && items !== null && /^\s*合计\s*占/.test(text.slice(share.quantity.end, rate.quantity.start))) {
      const n = items[1] === '三' ? 3 : items[1] === '四' ? 4 : 2;
      const summed = facts.slice(0, i - 1).filter((f) => f.kind === 'count').slice(-n);
      const [head] = summed;
      if (head === undefined || summed.length !== n || summed.some((f) => f.kind !== 'count' || !sameFamily(f, head) || f.quantity.unit !== head.quantity.unit || f.sentence[0] !== rate.sentence[0])) return;
      share = head;
      also = summed.slice(1);
    } else if (also.length === 0 && share !== undefined && !/^\s*,?\s*占/.test(text.slice(share.quantity.end, rate.quantity.start))) return;
    // "纠纷29件，较上年（21件）增加8件，占调处纠纷总数的19.9%": the share is of the figure changed, not of the change
    if (share?.difference !== undefined && also.length === 0) share = share.difference.current;
    if (share === undefined || share.kind !== 'count' || share.sentence[0] !== rate.sentence[0]) return;
    // "26名持证执法人员中具有法律专业背景的仅3人，占11.5%": the figure the share is counted among is its whole
    const among = facts[i - 2];
    // (a comma may follow the 中: "18名持证执法人员中，具有法律专业背景的仅3名，占16.7%")
    // (or stand right after the unit: "综合执法人员426名中，…")
    const amongWords = /^([^,;:。\d]{0,12})中\s*,?\s*([^,;:。\d]*)$/.exec(text.slice(among?.quantity.end ?? 0, share.quantity.start));
    if (also.length === 0 && among?.kind === 'count' && amongWords && among.sentence[0] === rate.sentence[0] && sameFamily(among, share)) {
      rate.numerator = share;
      rate.denominator = among;
      if (tidy(amongWords[1] ?? '') !== '') among.label = tidy(amongWords[1] ?? '');
      share.label = tidy((amongWords[2] ?? '').replace(/(的)?(仅|只|仅有|只有|共|有)?\s*$/, '').replace(/的$/, ''));
      rate.label = `${share.label}占比`;
      return;
    }
    const named = text.slice(text.lastIndexOf('占', rate.quantity.start) + 1, rate.quantity.start)
      .replace(/(总数|总量|总计|总额|的|比例|比重|全部|全年|全镇|全乡|全街道|全区|达到|达|为|约)/g, '').replace(/数$/, '').replace(/^比/, '');
    // "现有执法人员23名，具有法律专业背景的仅3名，占13.0%": a bare share of those of the figure before that have something
    const prior = facts[i - 2];
    const having = prior === undefined ? null : /^\s*,\s*([^,;:。\d]{2,16}?的)\s*(仅有|只有|仅|只|有)?\s*$/.exec(text.slice(prior.quantity.end, share.quantity.start));
    if (named.length < 2 && also.length === 0 && having !== null && prior?.kind === 'count' && prior.sentence[0] === rate.sentence[0] && sameFamily(prior, share) && prior.quantity.unit === share.quantity.unit && prior.partOf === undefined && !prior.delta && prior.baseOf === undefined && !/的$/.test(prior.label) && prior.quantity.normalized.value >= share.quantity.normalized.value) {
      rate.numerator = share;
      rate.denominator = prior;
      share.label = tidy((having[1] ?? '').replace(/的$/, ''));
      rate.label = `${share.label}占比`;
      return;
    }
    // "受理的纠纷中，劳动争议167件，占比43.3%": a bare share is of what the sentence opens on, named by its verb
    const opening = /^\s*([^,;:。\d]{2,16})中\s*,/.exec(text.slice(rate.sentence[0], share.quantity.start))?.[1]?.replace(/(的|全部|全年)/g, '').replace(/^在/, '') ?? '';
    if (named.length < 2 && also.length === 0 && opening.length >= 2) {
      const verb = opening.slice(0, 2);
      const wholes = facts.slice(0, i - 1).filter((f) => f.kind === 'count' && f !== share && f.partOf === undefined && !f.delta && f.baseOf === undefined && sameFamily(f, share) && f.quantity.unit === share.quantity.unit && wordsOf(f).includes(verb));
      const whole = wholes[wholes.length - 1];
      if (whole !== undefined && wholes.every((f) => f.quantity.normalized.value === whole.quantity.normalized.value) && whole.quantity.normalized.value >= share.quantity.normalized.value) {
        rate.numerator = share;
        rate.denominator = whole;
        if (share.label !== '') rate.label = `${share.label}占比`;
      }
      return;
    }
    // "已办结的22件中，予以公开9件…；部分公开3件…，两项合计占54.5%": items of one list, a share of its whole
    const list = share.partOf;
    if (named.length < 2 && also.length > 0 && list !== undefined && also.every((f) => f.partOf === list)) {
      rate.numerator = share;
      rate.numeratorAlso = also;
      rate.denominator = list;
      rate.label = `${[share, ...also].map((f) => f.label).join('和')}占比`;
      return;
    }
    if (named.length < 2) return;
    // the whole named in full or by its key words ("占新收申请的" for 新收政府信息公开申请), else one whose shorter label
    // is inside the name — a part only when its label opens it ("败诉9件" for 占败诉案件的; never "申请1件" of 其他组织
    // for 占新收申请总数的)
    // (last year's figure is no whole of this year's share)
    // (nor, of one said of the new, the new and the carried over together)
    // (a share of all of something is of no item of a list: "占全部许可量的81.6%" is not of "其他许可224件")
    const ofAll = /全部|总数|总量|总额|总计/.test(text.slice(text.lastIndexOf('占', rate.quantity.start), rate.quantity.start));
    const candidates = facts.slice(0, i - 1).filter((f, k) => f.kind === 'count' && f.label.length >= 2 && f.baseOf === undefined && sameFamily(f, share) && !(ofAll && f.partOf !== undefined) && !(/新/.test(named) && withCarried(text, f, facts[k - 1])));
    // ("上述审结案件中直接纠错52件" is some of the 审结案件, never all of them)
    const someOf = (f: Fact) => [f.label, wordsOf(f)].some((w) => w.indexOf('中') > 0 && isSubsequence(named, w.slice(0, w.indexOf('中'))));
    const fully = candidates.filter((f) => isSubsequence(named, f.label) && !someOf(f));
    // "全年办结的35件申请中" for 占办结总数的: named by the words before it, when no label names it and only one whole does
    // (新收 is what was received: "占新收申请的" for "全年共收到政府信息公开申请7件")
    const said = candidates.filter((f) => f.partOf === undefined && !someOf(f) && [named, named.replace(/^新收/, '收到')].some((n) => isSubsequence(n, wordsOf(f))));
    // ("已办结45件" for 占本年度办结申请总数的; never "法人或其他组织申请8件", whose words name what the whole does not)
    const bare = (w: string) => w.replace(/^(已经|已|共|全年)/, '');
    const byLabel = candidates.filter((f) => bare(f.label).length >= 2 && named.includes(bare(f.label)) && (f.partOf === undefined || named.startsWith(f.label)) && (wordsOf(f) === f.label || named.includes(bare(wordsOf(f)))));
    let totals = fully.length > 0 ? fully : byLabel.length > 0 ? byLabel : said.length === 1 ? said : [];
    // "…参与调解纠纷57件，占全镇调处纠纷总数的39.0%": a whole named as a 总数 may stand in an earlier paragraph, said
    // in those words and with one value
    // (so may one the share's own sentence counts it among: "持证执法人员中具有法律专业背景的仅4人，占持证执法人员的12.5%")
    if (totals.length === 0 && (/总数|总量/.test(text.slice(text.lastIndexOf('占', rate.quantity.start), rate.quantity.start)) || text.slice(rate.sentence[0], share.quantity.start).includes(`${named}中`))) {
      // (last year's figure, compared in a sentence of its own, is none: "受理调解的纠纷较上年的149起增加23起")
      totals = earlier.filter((f) => canBeWhole(f) && f.section !== 'nextYear' && sameFamily(f, share) && isSubsequence(named, wordsOf(f)) && !COMPARISON.test(wordsOf(f)));
    }
    const total = totals[totals.length - 1];
    if (total === undefined || totals.some((f) => f.quantity.normalized.value !== total.quantity.normalized.value)) return;
    // (a whole holds its share: "省级…2个、市级5个，累计7个，占社区总数的58.3%" is not of the 2)
    if (total.quantity.normalized.value < share.quantity.normalized.value) return;
    rate.numerator = share;
    rate.numeratorAlso = also;
    rate.denominator = total;
    // (named by what it has, not by "仅": "持证执法人员中具有法律专业背景的仅4人")
    const clause = text.slice(rate.sentence[0], share.quantity.start);
    const amongAt = clause.lastIndexOf(`${named}中`);
    const had = amongAt < 0 ? '' : tidy(clause.slice(amongAt + named.length + 1).replace(/(的)?\s*(仅有|只有|仅|只|有)?\s*$/, '').replace(/的$/, ''));
    if (had.length >= 2 && !/[\d,;:。]/.test(had)) share.label = had;
    if (share.label !== '') rate.label = `${[share, ...also].map((f) => f.label).join('和')}占比`;
  });
}

// "办理案件156件，较2023年的128件增长21.9%" / "比上年（128件）增加": both figures stated, the change can be computed
const CHANGE = /^\s*(?:\([^()\d]{1,3}\))?\s*[,，]?\s*(?:(?:较|比)(?:上年|去年|上一年|\d{4}年|上季度|上半年|上月|年初)(?:末|底)?|(?:同比|环比)(?:上年|去年|上季度|上月|[一二三四]季度)?|(?:上年|去年|\d{4}年)(?:同期)?(?:为|是))(?:同期)?(?:的|\()?\s*$/;

/**
 * "罚没款96.58万元，其中罚款71.24万元、没收违法所得25.34万元，比上年的118.40万元下降22.6%": after the list, and a
 * comma, last year's figure is of the whole the list breaks down, not of its last item
 */
function listOrLast(text: string, last: Fact, base: Fact): Fact {
  const list = last.partOf;
  return list !== undefined && list.parts[list.parts.length - 1] === last && /^\s*,/.test(text.slice(last.quantity.end, base.quantity.start)) ? list : last;
}

function linkChanges(text: string, facts: Fact[]): void {
  // "收到申请17件，比2024年的13件多出4件，增幅30.8%": the difference stated, and the change after it
  facts.forEach((diff, i) => {
    const base = facts[i - 1];
    const last = facts[i - 2];
    if (diff.kind === 'rate' || base === undefined || last === undefined || base.kind === 'rate' || base.kind !== diff.kind || !sameFamily(base, last) || !sameFamily(diff, base)) return;
    if (last.quantity.normalized.unit !== base.quantity.normalized.unit || diff.quantity.normalized.unit !== base.quantity.normalized.unit || (last.partOf !== undefined && last.partOf === base.partOf)) return;
    if (!CHANGE.test(text.slice(last.quantity.end, base.quantity.start))) return;
    const verb = /^\s*\)?\s*[,，]?\s*(?:同比|环比)?(多出|增加|增长|净增|净减|减少|下降|少了|少)\s*(了)?\s*$/.exec(text.slice(base.quantity.end, diff.quantity.start));
    if (verb === null) return;
    const down = /减少|下降|少/.test(verb[1] ?? '');
    const current = listOrLast(text, last, base);
    diff.difference = { current, base, down };
    // a change, never a whole: "上年同期为437条，增加49条"
    diff.delta = true;
    base.baseOf = current;
    const rate = facts[i + 1];
    // (joined by 、 too: "较上年的35份增加8份、增长22.9%")
    if (rate?.kind === 'rate' && /^\s*[,、]?\s*(同比|环比)?(增幅|增长|降幅|下降|增加|减少)\s*(了|为|达)?\s*$/.test(text.slice(diff.quantity.end, rate.quantity.start))) {
      rate.growth = true;
      rate.change = { current, base, down };
    }
  });
  // "占71.5%，较上年的65.3%提高6.2个百分点": a change of a rate in points
  facts.forEach((diff, i) => {
    const base = facts[i - 1];
    const current = facts[i - 2];
    if (!/百分点/.test(diff.quantity.unit) || base?.kind !== 'rate' || current?.kind !== 'rate' || base.quantity.unit !== '%' || current.quantity.unit !== '%') return;
    if (!CHANGE.test(text.slice(current.quantity.end, base.quantity.start))) return;
    const verb = /^\s*\)?\s*(?:同比|环比)?(提高|增加|增长|上升|下降|减少|降低)\s*(了)?\s*$/.exec(text.slice(base.quantity.end, diff.quantity.start));
    if (verb === null) return;
    diff.difference = { current, base, down: /下降|减少|降低/.test(verb[1] ?? '') };
    base.baseOf = current;
  });
  facts.forEach((rate, i) => {
    if (rate.kind !== 'rate' || !rate.growth) return;
    // the figures outside brackets: "罚没款312.48万元（罚款287.15万元，…），上年同期为268.70万元，增长16.3%"
    // (an average said between is no current: "公开…324期次，平均每村36期次，较上年的288期次增长12.5%")
    const outside = facts.slice(0, i).filter((f) => f.depth === rate.depth && !(perUnit.has(f) && f !== facts[i - 1]));
    const base = outside[outside.length - 1];
    const last = outside[outside.length - 2];
    const current = last === undefined || base === undefined ? last : listOrLast(text, last, base);
    if (base === undefined || current === undefined || base.kind === 'rate' || !sameFamily(base, current)) return;
    if (current.quantity.unit !== base.quantity.unit || (current.partOf !== undefined && current.partOf === base.partOf)) return;
    const compared = text.slice((last ?? current).quantity.end, base.quantity.start).replace(new RegExp(`^${AVERAGE_ASIDE_SOURCE}`), '');
    if (!CHANGE.test(compared.replace(/\([^()]*\)/g, ''))) return;
    // ("“三公”经费预算安排12.6万元，较上年的13.7万元压减8.0%")
    // ("受理医疗纠纷97件，上年为112件，受理量同比下降13.4%": the change may name what it is of)
    const verb = /^\s*\)?\s*[,，]?\s*(?:[\u4e00-\u9fff]{1,6}?(?:量|数))?\s*(?:同比|环比)?(增长|增加|提高|上升|下降|减少|降低|压减)\s*(了)?\s*$/.exec(text.slice(base.quantity.end, rate.quantity.start));
    if (verb === null) return;
    const down = /下降|减少|降低|压减/.test(verb[1] ?? '');
    setChange(compared, rate, current, base, down);
  });
  // "受理信访事项96件，含…，较上年减少18件（2024年为114件），同比下降18.8%": the change, last year's figure in brackets
  // after it, of the last whole before them in the sentence
  facts.forEach((diff, i) => {
    const base = facts[i + 1];
    if (diff.kind !== 'count' || !diff.delta || diff.difference !== undefined || base === undefined || !sameFamily(base, diff) || base.quantity.unit !== diff.quantity.unit) return;
    const verb = /(?:较|比)(?:上年|去年|上一年)(增加|增长|减少|下降|多|少)了?\s*$/.exec(text.slice(clauseStart(text, diff.quantity.start, diff.sentence[0]), diff.quantity.start));
    if (verb === null || !/^\s*\(\s*(上年|去年|\d{4}年)(为|是|同期为)?\s*$/.test(text.slice(diff.quantity.end, base.quantity.start)) || !/^\s*\)/.test(text.slice(base.quantity.end))) return;
    const current = facts.slice(0, i).filter((f) => canBeWhole(f) && sameFamily(f, diff) && f.quantity.unit === diff.quantity.unit).pop();
    if (current === undefined) return;
    const down = /减少|下降|少/.test(verb[1] ?? '');
    diff.difference = { current, base, down };
    base.baseOf = current;
    const rate = facts[i + 2];
    if (rate?.kind === 'rate' && rate.change === undefined && /^\s*\)\s*,?\s*(同比|较上年|比上年)?(增长|增幅|下降|降幅|减少|上升)(了|为|达)?\s*$/.test(text.slice(base.quantity.end, rate.quantity.start))) {
      setChange('', rate, current, base, down);
    }
  });
  // "网上办理率由上年的75.4%提高到79.5%，提升4.1个百分点": from last year's to this year's, and the change stated
  facts.forEach((diff, i) => {
    const current = facts[i - 1];
    const base = facts[i - 2];
    // (in one unit, written with 万 or without: "由年初的1.95万人增至年末的2.36万人，净增4100人")
    if (diff.kind === 'rate' || current === undefined || base === undefined || current.kind !== base.kind || current.quantity.normalized.unit !== base.quantity.normalized.unit || current.sentence[0] !== diff.sentence[0]) return;
    const points = /百分点/.test(diff.quantity.unit) && current.quantity.unit === '%';
    if (!points && (diff.quantity.normalized.unit !== current.quantity.normalized.unit || current.kind === 'rate')) return;
    if (!/由(?:上年|去年|上一年|\d{4}年|年初)?(?:的|底的|末的)?\s*$/.test(text.slice(Math.max(diff.sentence[0], base.quantity.start - 12), base.quantity.start))) return;
    const to = /^\s*(提高|上升|增加|增长|下降|降低|减少|降|增|减)(到|至)\s*(?:年末|年底)?的?\s*$/.exec(text.slice(base.quantity.end, current.quantity.start));
    const said = /^\s*[,，]\s*(提高|提升|上升|增加|增长|下降|降低|减少|回落|新增|净增|净减)了?\s*$/.exec(text.slice(current.quantity.end, diff.quantity.start));
    if (to === null || said === null) return;
    const down = /下降|降低|减少|降|减/.test(to[1] ?? '');
    if (down !== /下降|降低|减少|回落|净减/.test(said[1] ?? '')) return;
    diff.difference = { current, base, down };
    diff.delta = true;
    base.baseOf = current;
    // "“法律明白人”由上年的176名增加到214名": both figures are of what the sentence names before 由
    const named = wordsOf(base).replace(/^.*[,;:]/, '').replace(/由(?:上年|去年|上一年|\d{4}年|年初)?(?:的|底的|末的)?$/, '');
    for (const f of [base, current]) if (/^(提高|上升|增加|增长|下降|降低|减少|降|增|减)(到|至)|由/.test(f.label) && named !== '') f.label = named;
  });
  // "办理41.72万件，其中网上办理33.16万件，同比分别增长8.7%和14.5%（2024年分别为38.38万件、28.95万件）": two changes,
  // of the two figures before them, over last year's two in brackets
  facts.forEach((r1, i) => {
    const [r2, b1, b2] = [facts[i + 1], facts[i + 2], facts[i + 3]];
    if (r1.kind !== 'rate' || r2?.kind !== 'rate' || b1 === undefined || b2 === undefined || b1.kind === 'rate' || !sameFamily(b1, b2) || b1.quantity.unit !== b2.quantity.unit) return;
    const verb = /(?:同比|较上年|比上年|较去年|比去年)分别(增长|增加|提高|上升|下降|减少|降低)\s*$/.exec(text.slice(r1.sentence[0], r1.quantity.start));
    if (verb === null || !/^\s*(和|、|与)\s*$/.test(text.slice(r1.quantity.end, r2.quantity.start))) return;
    if (!/^\s*\(\s*(上年|去年|\d{4}年)(同期)?分别为\s*$/.test(text.slice(r2.quantity.end, b1.quantity.start)) || !/^\s*、\s*$/.test(text.slice(b1.quantity.end, b2.quantity.start)) || !/^\s*\)/.test(text.slice(b2.quantity.end))) return;
    const before = facts.slice(0, i).filter((f) => f.kind !== 'rate' && f.depth === 0 && sameFamily(f, b1) && f.quantity.unit === b1.quantity.unit);
    const [c1, c2] = before.slice(-2);
    if (c1 === undefined || c2 === undefined || before.length < 2) return;
    const down = /下降|减少|降低/.test(verb[1] ?? '');
    for (const [rate, current, base] of [[r1, c1, b1], [r2, c2, b2]] as const) {
      setChange('上年', rate, current, base, down);
    }
  });
  // "承办工单6180件次（同比下降6.4%，上年为6603件次）" / "受理信访事项47件次（同比下降9.6%），上年为52件次"
  facts.forEach((rate, i) => {
    const current = facts[i - 1];
    const base = facts[i + 1];
    if (rate.kind !== 'rate' || rate.change !== undefined || current === undefined || base === undefined || current.kind === 'rate' || base.kind === 'rate' || !sameFamily(current, base) || current.quantity.unit !== base.quantity.unit) return;
    const verb = /^\s*\(\s*(?:同比|较上年|比上年|较去年|比去年)(增长|增加|提高|上升|下降|减少|降低)\s*$/.exec(text.slice(current.quantity.end, rate.quantity.start));
    if (verb === null || !/^\s*\)?\s*[,，]\s*(上年|去年|\d{4}年)(同期)?(全年)?[^,;:。\d()]{0,8}(为|是)\s*$/.test(text.slice(rate.quantity.end, base.quantity.start))) return;
    const down = /下降|减少|降低/.test(verb[1] ?? '');
    setChange('上年', rate, current, base, down);
  });
  // "受理168件，比上年增加26件，增长18.3%": last year's figure is this year's less the increase
  facts.forEach((rate, i) => {
    const diff = facts[i - 1];
    const current = facts[i - 2];
    if (rate.kind !== 'rate' || !rate.growth || rate.change !== undefined || diff === undefined || current === undefined || current.kind === 'rate' || diff.kind === 'rate') return;
    if (!sameFamily(current, diff) || current.quantity.unit !== diff.quantity.unit || diff.difference !== undefined || current.baseOf !== undefined) return;
    const verb = /^\s*,\s*(?:同比|环比|较上年|比上年|较去年|比去年)(增加|增长|减少|下降|多|少)了?\s*$/.exec(text.slice(current.quantity.end, diff.quantity.start));
    // ("较上年增加4家、同比增长6.7%")
    const named = /^\s*[,、]?\s*(?:同比|环比)?(增长|增幅|下降|降幅|减少|上升)(了|为|达)?\s*$/.exec(text.slice(diff.quantity.end, rate.quantity.start));
    if (verb === null || named === null) return;
    const down = /减少|下降|少/.test(verb[1] ?? '');
    if (down !== /下降|降幅|减少/.test(named[1] ?? '')) return;
    rate.changeBy = { current, diff, down };
    diff.delta = true;
  });
  // "认定的欺凌事件较上年的14起减少5起，下降35.7%": last year's figure and the difference, this year's figure unsaid
  facts.forEach((diff, i) => {
    const base = facts[i - 1];
    const rate = facts[i + 1];
    if (base === undefined || rate === undefined || diff.kind === 'rate' || base.kind === 'rate' || rate.kind !== 'rate') return;
    if (diff.difference !== undefined || rate.change !== undefined || rate.changeBy !== undefined || base.baseOf !== undefined) return;
    if (!sameFamily(base, diff) || base.quantity.unit !== diff.quantity.unit || base.depth !== diff.depth) return;
    if (!/(较|比)(上年|去年|上一年|\d{4}年)(同期)?的?\s*$/.test(text.slice(clauseStart(text, base.quantity.start, base.sentence[0]), base.quantity.start))) return;
    const verb = /^\s*(增加|减少|多|少)了?\s*$/.exec(text.slice(base.quantity.end, diff.quantity.start));
    const named = /^\s*[,、]\s*(?:同比)?(增长|增幅|下降|降幅|上升)(了|为|达)?\s*$/.exec(text.slice(diff.quantity.end, rate.quantity.start));
    if (verb === null || named === null) return;
    const down = /减少|少/.test(verb[1] ?? '');
    if (down !== /下降|降幅/.test(named[1] ?? '')) return;
    rate.growth = true;
    rate.changeFrom = { base, diff, down };
    diff.delta = true;
  });
  // "全年立案23件，同比增长27.8%，增加5件": the rate first, the increase after it
  facts.forEach((rate, i) => {
    const current = facts[i - 1];
    const diff = facts[i + 1];
    if (rate.kind !== 'rate' || !rate.growth || rate.change !== undefined || rate.changeBy !== undefined || diff === undefined || current === undefined || current.kind === 'rate' || diff.kind === 'rate') return;
    if (!sameFamily(current, diff) || current.quantity.unit !== diff.quantity.unit || current.baseOf !== undefined || diff.sentence[0] !== rate.sentence[0]) return;
    const named = /^\s*,\s*(?:同比|较上年|比上年|较去年|比去年)(增长|增加|上升|下降|减少|降低)\s*$/.exec(text.slice(current.quantity.end, rate.quantity.start));
    const verb = /^\s*,\s*(增加|减少|多|少)了?\s*$/.exec(text.slice(rate.quantity.end, diff.quantity.start));
    if (named === null || verb === null) return;
    const down = /减少|少/.test(verb[1] ?? '');
    if (down !== /下降|减少|降低/.test(named[1] ?? '')) return;
    rate.changeBy = { current, diff, down };
    diff.delta = true;
  });
  // "办理案件186宗，同比增长14.1%（2024年为163宗）": last year's figure in brackets after the change
  facts.forEach((rate, i) => {
    const current = facts[i - 1];
    const base = facts[i + 1];
    if (rate.kind !== 'rate' || !rate.growth || rate.change !== undefined || current === undefined || base === undefined || current.kind === 'rate' || !sameFamily(current, base)) return;
    if (current.quantity.unit !== base.quantity.unit || (current.partOf !== undefined && current.partOf === base.partOf) || base.sentence[0] !== rate.sentence[0]) return;
    const verb = /^\s*[,，]?\s*(同比|较上年|比上年|较去年|比去年)(增长|增加|提高|上升|下降|减少|降低)\s*$/.exec(text.slice(current.quantity.end, rate.quantity.start));
    const bracket = /^\s*\(\s*(上年|去年|上年同期|\d{4}年)(为|是|同期为|同期)?\s*$/.exec(text.slice(rate.quantity.end, base.quantity.start));
    if (verb === null || bracket === null || !/^\s*\)/.test(text.slice(base.quantity.end))) return;
    const down = /下降|减少|降低/.test(verb[2] ?? '');
    setChange(bracket[1] ?? '', rate, current, base, down);
  });
}

/** a rate of change of `current` over last year's `base`, both figures named after what they are */
function setChange(said: string, rate: Fact, current: Fact, base: Fact, down: boolean): void {
  rate.growth = true;
  rate.change = { current, base, down };
  base.baseOf = current;
  const year = /(上年|去年|上一年|\d{4}年)/.exec(said)?.[1] ?? '上年';
  if (current.label !== '') {
    base.label = `${current.label}（${year}）`;
    rate.label = `${current.label}${down ? '降幅' : '增幅'}`;
  }
}

// "受理261件……已审结248件，另有13件尚在审理期限内" / "收到286件……受理261件，对其余25件不予受理": what is left
// and what was done make up the nearest whole before them in the sentence (last year's figures and other
// remainders are no wholes)
const REMAINDER = /(另有|其余|剩余|余下)[^,;:。]{0,10}$/;
// what is not yet finished: completes a list (PENDING_REST) or the balance of a whole (PENDING)
const STILL_OPEN = '尚未审结|尚未办结|尚未结案|未审结|未办结|未结案|尚在审理|正在审理|正在办理';
const PENDING_REST = new RegExp(`(${STILL_OPEN})[^,;:。\\d]{0,4}$`);

/** two items of one list: names ending alike ("社会保险事项的", "劳动关系事项的"; "林业类", "农产品质量安全类") or told alike
 * ("涉及房屋征收补偿的", "涉及物业管理、专项维修资金使用的") */
function alike(a: Fact, b: Fact, saidA: string, saidB: string): boolean {
  const [x, y] = [a.label, b.label];
  if (x.length < 2 || y.length < 2 || x === y) return false;
  return x.slice(-2) === y.slice(-2) || (/[类型]$/.test(x) && x.slice(-1) === y.slice(-1)) || (/^涉及|^关于|^针对/.test(saidA) && saidA.slice(0, 2) === saidB.slice(0, 2));
}

function linkRemainders(text: string, facts: Fact[], earlier: readonly Fact[]): void {
  const remainders = new Set<Fact>();
  facts.forEach((rest, i) => {
    // "按期办结61件，按期办结率96.8%；另有2件…": the rate between is no part
    // "其余8个村共56件": a figure of another kind between is no part
    const d = facts.slice(0, i).map((f) => f.kind === 'count' && sameFamily(f, rest)).lastIndexOf(true);
    const done = facts[d];
    if (done === undefined || rest.kind !== 'count' || rest.balance !== undefined || rest.partOf !== undefined || rest.depth !== 0 || done.depth !== 0) return;
    if (!sameFamily(done, rest) || done.quantity.unit !== rest.quantity.unit || done.sentence[0] !== rest.sentence[0]) return;
    // (an item's share in brackets may stand before the rest: "工贸行业的38起（占39.6%），另有10起…")
    const between = text.slice(done.quantity.end, rest.quantity.start).replace(/^\s*\(\s*占[^()\d]{0,8}\d+(\.\d+)?%\s*\)/, '');
    // a change is no part of the whole, nor what came over from last year ("增加2件；另有上年结转1件")
    if (done.delta || done.baseOf !== undefined || /结转/.test(between)) return;
    // what was not done ("未进入调处程序的4起，…；另有3起…") is no done figure another is the rest of
    if (/^未[^\d,;:。]{1,12}$/.test(wordsOf(done))) return;
    // "其中维持2件、纠正1件，年底尚未审结1件": what is still pending completes a list that falls short of its whole
    const pending = done.partOf !== undefined && PENDING_REST.test(between);
    // "已审结3件，均判决驳回原告诉讼请求，1件尚在审理中": what is still pending, named after its figure
    const stillPending = /^\s*(尚在|仍在|正在|尚未|仍未)(审理|办理|审结|办结)/.test(text.slice(rest.quantity.end));
    const pendingAfter = stillPending && /审结|办结/.test(done.label);
    if (!/^\s*[,;]/.test(between) || !(REMAINDER.test(between) || pending || pendingAfter)) return;
    // "审结226件，其中维持131件、…责令履行4件，另有调解、和解后终止51件": the rest of a list that falls short of its
    // whole is its last part; a list that already makes up its whole ("其中自然人11件、企业2件，另有上年结转1件") is left
    const list = done.partOf;
    // "已审结4件，审结案件中，胜诉3件、原告撤诉1件，另有1件尚在审理": what is still pending is the rest of all the cases,
    // beside those decided
    const decidedOf = (decided: Fact) => facts.slice(0, facts.indexOf(decided)).filter((f) => f.sentence[0] === decided.sentence[0] && canBeWhole(f) && sameFamily(f, decided) && f.quantity.unit === decided.quantity.unit && f.quantity.normalized.value > decided.quantity.normalized.value).pop();
    if (list !== undefined && stillPending && CASE_CLOSED.test(wordsOf(list)) && !CASE_CLOSED.test(wordsOf(done)) && list.parts[list.parts.length - 1] === done) {
      const all = decidedOf(list);
      if (all !== undefined) setRemainder(rest, all, list);
      return;
    }
    if (list !== undefined) {
      const sum = list.parts.reduce((a, f) => a + f.quantity.normalized.value, 0);
      if (list.parts[list.parts.length - 1] !== done || sum >= list.quantity.normalized.value || list.quantity.unit !== rest.quantity.unit) return;
      list.parts.push(rest);
      rest.partOf = list;
      // "…邻里纠纷38件；另有损害赔偿纠纷21件，其他纠纷24件。": the items after the rest go on with it
      for (const f of facts.slice(i + 1)) {
        const before = list.parts[list.parts.length - 1] as Fact;
        if (f.kind !== 'count' || f.depth !== 0 || f.partOf !== undefined || f.quantity.unit !== rest.quantity.unit || /^(其他|其它|其余)/.test(before.label) || !/^[,、][^\d,;:。]*$/.test(text.slice(before.quantity.end, f.quantity.start))) break;
        list.parts.push(f);
        f.partOf = list;
      }
      list.partsComplete = !endsWithEtc(text, rest) && [list, ...list.parts].every((f) => !f.quantity.approximation);
      return;
    }
    remainders.add(rest);
    // "公益林地案件中涉及国家级公益林6件，其余11件…": the whole is the figure the clause names, though a part itself
    // (or names them before its act: "诉讼案件已审结2件，…，1件尚在审理中" is of 行政诉讼案件3件, not of 合计5件)
    // ("重大事故隐患已整改销号36条，其余2条…" is of 重大事故隐患38条, named whole before its act)
    const among = /^([^\d]{2,12}?)(?:案件|事项|纠纷)?中/.exec(wordsOf(done))?.[1] ?? /^([^\d]{2,10}?案件)(?:已|均|全部)?(?:审结|办结|结案)$/.exec(wordsOf(done))?.[1] ?? [...earlier, ...facts.slice(0, d)].filter((f) => f.kind === 'count' && (f.label.length >= 4 || (f.label.length >= 2 && f.partOf !== undefined)) && wordsOf(done).startsWith(f.label) && /^(已|均|全部)/.test(wordsOf(done).slice(f.label.length))).pop()?.label;
    const named = among === undefined ? undefined : [...earlier, ...facts.slice(0, d)].filter((f) => f.kind === 'count' && f.depth === 0 && !f.delta && f.baseOf === undefined && sameFamily(f, done) && f.quantity.unit === done.quantity.unit && f.quantity.normalized.value > done.quantity.normalized.value && wordsOf(f).includes(among)).pop();
    if (named !== undefined) {
      setRemainder(rest, named, done);
      return;
    }

    // the whole is in this sentence, or — when what was done opens the sentence ("纳入调处209件，另有5件…") — the
    // last whole of the paragraph before it
    const opens = d === 0;
    const pool = opens ? [...earlier] : facts.slice(0, d);
    const wholes: Fact[] = [];
    for (let k = pool.length - 1; k >= 0; k--) {
      const total = pool[k];
      if (total === undefined || (!opens && total.sentence[0] !== rest.sentence[0])) break;
      // (last year's figure is no whole of this year's: "违法用地宗数较上年的83宗下降26.5%。…查处58宗，其余3宗…")
      if (total.kind === 'rate' || total.delta || total.baseOf !== undefined || remainders.has(total) || total.partOf !== undefined || total.depth !== 0 || LAST_YEAR.test(wordsOf(total))) continue;
      if (!sameFamily(total, done) || total.quantity.unit !== done.quantity.unit) break;
      // "全年调解成功53起，…；对…争议较大的3起，引导当事人通过诉讼途径解决；其余6起…": what failed, told after a semicolon,
      // is no part of what succeeded — the whole of the three is what was to be settled
      if (/成功/.test(wordsOf(total)) && !/成功/.test(wordsOf(done)) && /;/.test(text.slice(total.quantity.end, done.quantity.start))) break;
      // "其中自然人提出11件、企业提出2件，另有上年结转1件": items of one list are no whole of each other
      if (total.sentence[0] === done.sentence[0] && /^[、][^,;:。\d]*$/.test(text.slice(total.quantity.end, done.quantity.start))) break;
      // …nor are items named alike after a comma or a semicolon ("…劳动关系事项的38件，…人事考录事项的17件，其余11件")
      const gap = text.slice(total.quantity.end, done.quantity.start);
      const opening = text.slice(Math.max(total.sentence[0], ...[',', ';', ':'].map((c) => text.lastIndexOf(c, total.quantity.start) + 1)), total.quantity.start);
      if (total.sentence[0] === done.sentence[0] && /^[,;][^,;:。\d]*$/.test(gap) && alike(total, done, opening.trim(), gap.slice(1).trim())) break;
      // "案件3件，镇长出庭应诉1件、分管副镇长出庭应诉2件，…；已审结2件，…另有1件尚在审理中": an item of a list joined
      // by 、 is no whole of what follows; the figure the list is told of may be
      if ([pool[k - 1], pool[k + 1]].some((g) => g !== undefined && g.kind === 'count' && sameFamily(g, total) && /^\s*、[^,;:。\d]*$/.test(text.slice(Math.min(g.quantity.end, total.quantity.end), Math.max(g.quantity.start, total.quantity.start))))) continue;
      wholes.push(total);
      if (!opens) break;
    }
    // a figure of the paragraph smaller than what was done ("其中经现场核查属实127件" before "办结416件") is no whole
    // of it when a larger whole stands before it; one said as some of another (其中) never is
    // (nor is one far smaller: "2件因不符合…未予受理；已办结23件，…其余2件" — a smaller whole may only be a misprint of it)
    const found = wholes.find((f) => f.quantity.normalized.value >= done.quantity.normalized.value) ?? wholes.find((f) => f.quantity.normalized.value * 1.5 >= done.quantity.normalized.value);
    if (found === undefined || (found.parts.length === 0 && /其中[^,;:。\d]*$/.test(text.slice(Math.max(0, found.quantity.start - 20), found.quantity.start)))) return;
    // "已审结3件，审结案件中，胜诉3件，另有1件尚在审理": what is still pending is the rest of all the cases, beside those decided
    if (!pendingAfter && stillPending && CASE_CLOSED.test(wordsOf(found)) && !CASE_CLOSED.test(wordsOf(done))) {
      const all = decidedOf(found);
      if (all !== undefined) setRemainder(rest, all, found);
      return;
    }
    // "收到申请268件，依法受理241件，不予受理27件。已审结219件，其余22件…": what is decided is of what was accepted
    setRemainder(rest, CASE_CLOSED.test(done.label) ? (acceptedOf(found, done) ?? found) : found, done);
  });
}

/** the part of an intake that was accepted, when the intake is split into accepted and refused ("收到申请412件，其中依法受理
 * 371件、不予受理26件、…"): what is decided is of it */
function acceptedOf(whole: Fact, decided: Fact): Fact | undefined {
  if (whole.linkWord !== INTAKE_SPLIT && !whole.parts.some((p) => /不予受理/.test(p.label))) return undefined;
  return whole.parts.find((f) => /^(依法)?(予以)?受理$/.test(f.label) && f.quantity.normalized.value >= decided.quantity.normalized.value);
}

/** the rest is what is left of `total` besides `done` */
function setRemainder(rest: Fact, total: Fact, done: Fact): void {
  rest.balance = { total, done };
  rest.remainder = true;
  if (total.label !== '') rest.label = `${total.label}（其余）`;
}

// "共计220件；已审结198件，结转下年22件" / "被申请行政复议9件，审结8件，其中…；尚未审结1件": what was finished and what
// is carried over or still pending make up the whole before them — a whole said with 共计/合计 (also in the
// sentence before), or the nearest figure before the finished one in the same sentence
const PENDING = new RegExp(`结转(至|到)?下(一)?年|结转(至|到)\\d{4}年|转入下(一)?年|${STILL_OPEN}|审理中|正在协调|正在处理|正在整改|尚未解决`);

function linkBalance(text: string, facts: Fact[], previous: Fact[]): void {
  const clauseOf = (f: Fact) => text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start);
  facts.forEach((carried, i) => {
    if (carried.kind !== 'count' || carried.depth !== 0 || carried.partOf !== undefined || !PENDING.test(clauseOf(carried))) return;
    const before = facts.slice(0, i).filter((f) => f.kind === 'count' && f.depth === 0 && f.partOf === undefined && sameFamily(f, carried));
    const done = before[before.length - 1];
    if (done === undefined || done.quantity.unit !== carried.quantity.unit || !/审结|办结|结案|办理完毕|解决|整改到位|处理完毕|判决|裁定/.test(clauseOf(done)) || NOT_YET.test(clauseOf(done))) return;
    // between them only what was finished is told of (its parts, a rate, clauses without figures), never a new intake
    const between = facts.slice(facts.indexOf(done) + 1, i).filter((f) => f.kind === 'count');
    if (between.some((f) => f.partOf !== done && (f.depth === 0 && /受理|收到|新收|新增|接收/.test(clauseOf(f))))) return;
    if (between.some((f) => f.partOf !== done && f.depth === 0 && !DISPOSITION_WORD.test(clauseOf(f)))) return;
    const pool = [...previous, ...facts.slice(0, facts.indexOf(done))].filter((f) => f.kind === 'count' && f.depth === 0 && !f.delta && f.baseOf === undefined && sameFamily(f, done));
    // "收到176件，依法受理158件，不予受理18件；审结148件…" / "收到1364件，其中受理1208件，不予受理97件，告知…59件。审结
    // 1126件，结转下年度82件": the whole is what was taken in — no refusal, and no smaller than what was finished
    const wholes = pool.filter((f) => !/不予|不受理|驳回|未|告知|转送|转交/.test(clauseOf(f)) && f.quantity.normalized.value >= done.quantity.normalized.value);
    // "行政复议案件3件、行政诉讼案件5件，合计8件。…行政诉讼案件已审结4件，…尚在审理1件": the figure the words before
    // what was done name is the whole
    const named = wholes.filter((f) => f.label.length >= 4 && clauseOf(done).startsWith(f.label));
    const total = named.length === 1 ? named[0] : wholes.pop();
    if (total === undefined || total.quantity.unit !== done.quantity.unit || total.balance !== undefined) return;
    const said = /共计|合计|总计|累计|共|受理/.test(clauseOf(total));
    if (!said && named.length !== 1 && total.sentence[0] !== done.sentence[0]) return;
    // "收到45件，上年结转3件；办结42件，结转下年度6件": with what came over from last year the whole is a sum of two —
    // the disclosure table's identity, not this one
    const told = [...previous, ...facts];
    if (!/共计|合计|总计|累计/.test(clauseOf(total)) && told.slice(told.indexOf(total) + 1).some((f) => f.partOf !== total && f.depth === 0 && /上年结转|上年度结转|结转上年|\d{4}年度?结转/.test(clauseOf(f)))) return;
    // ("上年结转行政处罚案件6件，本年立案128件，全年办结125件，结转下年9件": so it is with the carry-over said first)
    if (!/共|合计|总计|累计|需办理|应办理|需审理|应审理/.test(clauseOf(total)) && told.slice(0, told.indexOf(total)).some((f) => f.sentence[0] === total.sentence[0] && f.paragraph === total.paragraph && f.depth === 0 && CARRIED_IN.test(clauseOf(f)))) return;
    if (!said && CASE_CLOSED.test(clauseOf(total))) return;
    carried.balance = { total, done };
  });
}

// "全年承办热线工单1,073件。上年同期承办946件，同比增长13.4%。": last year's figure opens the sentence after this
// year's, and the change follows it
function linkChangeOverSentences(text: string, facts: Fact[]): void {
  facts.forEach((rate, i) => {
    // "…。与上年的10.14万元相比，罚没款减少1.52万元，下降15.0%": the difference may come between
    const between = facts[i - 1];
    const diff = between !== undefined && between.kind !== 'rate' && between.difference === undefined && /(增加|减少)\s*$/.test(text.slice(facts[i - 2]?.quantity.end ?? between.sentence[0], between.quantity.start)) && /^\s*,\s*(?:同比|环比)?(下降|增长|降低|提高)\s*$/.test(text.slice(between.quantity.end, rate.quantity.start)) ? between : undefined;
    const base = facts[diff === undefined ? i - 1 : i - 2];
    if (rate.kind !== 'rate' || rate.change !== undefined || rate.changeBy !== undefined || base === undefined || base.kind === 'rate' || base.depth !== 0 || base.sentence[0] !== rate.sentence[0]) return;
    const said = text.slice(base.sentence[0], base.quantity.start);
    // the same verb for both years, or none: "承办…1,073件。上年同期承办946件" / "受理231件…。受理量较上年的196件"
    const verb = /^\s*([^\d,;:。]{0,6}?)(量|数|总量|总数)?(较|比|与)?(上年同期|去年同期|上年|去年|上一年)(度)?(的)?([^\d,;:。]{0,6}?)(为|是)?\s*$/.exec(said);
    const after = text.slice(base.quantity.end, (diff ?? rate).quantity.start);
    const change = diff === undefined ? /^\s*,?\s*(?:同比|环比)?(增长|增加|提高|上升|下降|减少|降低)\s*(了)?\s*$/.exec(after) : /^\s*(相比|相较)?\s*,\s*[^\d,;:。]{0,8}?(增加|减少)\s*$/.exec(after);
    if (verb === null || change === null) return;
    const named = `${verb[1] ?? ''}${verb[7] ?? ''}`;
    // this year's figure is in the sentence before: the last of it (the whole of a list it ends), or the last named so
    const sentenceBefore = facts.slice(0, i - 1).filter((f) => f.sentence[1] <= base.sentence[0] && f.paragraph === base.paragraph);
    const end = sentenceBefore[sentenceBefore.length - 1]?.sentence[0];
    const candidates = sentenceBefore.filter((f) => f.sentence[0] === end && f.depth === 0 && f.kind === base.kind && sameFamily(f, base) && f.quantity.unit === base.quantity.unit && !f.delta && f.baseOf === undefined);
    const last = candidates[candidates.length - 1];
    const lastOrWhole = last?.partOf !== undefined && last.partOf.parts[last.partOf.parts.length - 1] === last ? last.partOf : last;
    // ("查处超限超载车辆1,036辆，…其中固定检测站查处687辆、流动治超查处349辆。查处量较上年的1,259辆…": the whole so
    // named, not its last part)
    const namedWhole = (f: Fact) => f.partOf !== undefined && candidates.includes(f.partOf) && wordsOf(f.partOf).includes(named);
    const namedFigure = named === '' ? lastOrWhole : candidates.filter((f) => wordsOf(f).includes(named) && !new RegExp(`不予${named}`).test(f.scope) && !namedWhole(f)).pop();
    if (namedFigure === undefined || !/^[^\d]*$/.test(text.slice(namedFigure.sentence[1], base.sentence[0]))) return;
    // "…村调委会调处339起。调处总量较上年的375起增长9.9%": the total named is the whole the item is of
    // (when the items are told with no whole, two of them named by the verb, the total is unsaid: no guess)
    const ofTotal = /总/.test(verb[2] ?? '');
    if (ofTotal && namedFigure.partOf === undefined && namedFigure.parts.length === 0 && candidates.filter((f) => named !== '' && wordsOf(f).includes(named)).length >= 2) return;
    const current = ofTotal && namedFigure.partOf !== undefined ? namedFigure.partOf : namedFigure;
    // the direction the rate says ("下降15.0%"), and the difference ("减少1.52万元")
    const down = /下降|减少|降低/.test(diff === undefined ? (change[1] ?? '') : text.slice(diff.quantity.end, rate.quantity.start));
    if (diff !== undefined) {
      if (!sameFamily(diff, base) || diff.quantity.unit !== base.quantity.unit) return;
      diff.difference = { current, base, down: change[2] === '减少' };
      diff.delta = true;
    }
    setChange(said, rate, current, base, down);
  });
}

// "立案132件。…已结案125件，结案率94.7%，尚未结案的7件": what is still open is what the rate before it leaves of
// its base
function linkRatedBalance(text: string, facts: Fact[]): void {
  facts.forEach((open, i) => {
    const [done, rate] = [facts[i - 2], facts[i - 1]];
    if (done === undefined || rate?.kind !== 'rate' || rate.numerator !== done || rate.denominator === undefined || open.balance !== undefined) return;
    if (open.kind !== 'count' || open.depth !== 0 || open.partOf !== undefined || open.sentence[0] !== done.sentence[0] || open.quantity.unit !== done.quantity.unit) return;
    if (!PENDING.test(text.slice(clauseStart(text, open.quantity.start, open.sentence[0]), open.quantity.start)) || !/^\s*,[^\d;。]*$/.test(text.slice(rate.quantity.end, open.quantity.start))) return;
    // ("办结209件，其中按期办结205件，按期办结率98.1%，结转下年8件": a rate over what was finished is no balance of what came in)
    if (/办结|审结|结案|化解/.test(rate.denominator.label)) return;
    // ("上年结转3件，本年受理46件…；全年办结45件，办结率97.8%，结转下年度4件": with what came over the balance is of both)
    if (facts.slice(0, i).some((f) => f.kind === 'count' && f.depth === 0 && CARRIED_IN.test(text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start)))) return;
    open.balance = { total: rate.denominator, done };
  });
}

/** "连同上年结转的9件" is named "上年结转" */
function nameCarried(carried: Fact): void {
  carried.label = carried.label.replace(/^(连同|加上|加|另有)/, '').replace(/的$/, '');
}

// "受理209件，不予受理15件…。连同2024年结转的18件，全年审结196件，年底尚在审理期限内31件": what came over from last
// year and what was accepted, less what was finished, is what is still open — a stock of open cases
// what came over from last year, told with what it counts and who holds it: "全年执法队上年结转案件3件" (not added to
// what came in: "连同上年结转的9件，全年应审理…" is told with the sum)
const CARRIED_IN = /^(?![^\d,;:。]*(连同|加上))[^\d,;:。]{0,12}?(上年|上一年|\d{4}年)度?结转(的|来的)?[^\d,;:。]{0,8}$/;

function linkCarriedOver(text: string, facts: Fact[], previous: Fact[]): void {
  const clauseOf = (f: Fact) => text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start);
  facts.forEach((pending, i) => {
    // "连同上年结转的3件，全年办结57件，办结率93.4%，结转下年度5件": a rate of what was finished may stand before the rest
    const rated = facts[i - 1]?.kind === 'rate' ? 1 : 0;
    const [carried, done] = [facts[i - 2 - rated], facts[i - 1 - rated]];
    if (carried === undefined || done === undefined || pending.stock !== undefined || pending.balance !== undefined) return;
    if ([carried, done, pending].some((f) => f.kind !== 'count' || f.depth !== 0 || f.partOf !== undefined || f.quantity.unit !== pending.quantity.unit)) return;
    if (!/^\s*(连同|加上|加|另有)?[^\d,;:。]{0,6}(上年|上一年|\d{4}年)度?结转(的|来的)?\s*$/.test(clauseOf(carried)) || !CASE_CLOSED.test(clauseOf(done)) || NOT_YET.test(clauseOf(done)) || !PENDING.test(clauseOf(pending))) return;
    // ("上年结转12件与本年受理案件一并办理，全年审结229件")
    if (!/^\s*(与[^\d,;:。]{0,12}一并办理)?\s*,[^\d,;:。]*$/.test(text.slice(carried.quantity.end, done.quantity.start)) || !/^\s*,([^\d,;:。]*\d+(\.\d+)?%\s*,)?[^\d,;:。]*$/.test(text.slice(done.quantity.end, pending.quantity.start).replace(/\d{4}年/, ''))) return;
    // what was accepted: the last figure before in the paragraph said as 受理 and not refused (nor withdrawn before it was:
    // "申请人在受理前撤回申请4件")
    const told = [...previous, ...facts.slice(0, i - 2 - rated)];
    const accepted = told.filter((f) => f.kind === 'count' && f.depth === 0 && !f.delta && f.baseOf === undefined && f.quantity.unit === pending.quantity.unit && /受理|新收|立案/.test(clauseOf(f)) && !/不予|不受理|上年|去年|受理前|撤回/.test(clauseOf(f))).pop();
    // (its parts, its fellow items and last year's figure of it may stand between)
    if (accepted === undefined || told.slice(told.indexOf(accepted) + 1).some((f) => f.kind === 'count' && f.depth === 0 && f.partOf !== accepted && f.partOf !== accepted.partOf && f.baseOf !== accepted)) return;
    pending.stock = { opening: carried, added: [accepted], removed: [done] };
    nameCarried(carried);
  });
  // "上年结转6件，本年受理23件，全年调处办结24件，结转下年5件": the four in their order, joined by commas
  // (what is said of one in brackets stands aside: "办结59件（其中按期办结57件，按期办结率98.3%），结转下年5件")
  // (…and so do the parts of what came in: "本年新立案186件，其中违法建设54件、…其他23件；全年办结185件")
  const outer = facts.filter((f) => f.depth === 0 && (f.partOf === undefined || f.partOf.depth !== 0));
  outer.forEach((pending, i) => {
    const [carried, accepted, done] = [outer[i - 3], outer[i - 2], outer[i - 1]];
    if (carried === undefined || accepted === undefined || done === undefined || pending.stock !== undefined || pending.balance !== undefined) return;
    const four = [carried, accepted, done, pending];
    if (four.some((f) => f.kind !== 'count' || f.partOf !== undefined || f.quantity.unit !== pending.quantity.unit)) return;
    const parts = facts.filter((f) => f.quantity.start > accepted.quantity.end && f.quantity.end <= done.quantity.start);
    const after = parts.length > 0 && parts.every((f) => f.partOf === accepted) ? (parts[parts.length - 1] as Fact) : accepted;
    const gap = (from: Fact, to: Fact) => text.slice((from === accepted ? after : from).quantity.end, to.quantity.start).replace(/\([^()]*\)/g, '');
    if (four.slice(1).some((f, k) => !(four[k] === accepted && after !== accepted ? /^[^\d,;:。]*[;,]\s*[^\d,;:。]*$/ : /^\s*,[^\d,;:。]*$/).test(gap(four[k] as Fact, f)))) return;
    // ("上年结转行政处罚案件6件，本年立案128件": the carry-over may name what it counts, and cases come in by 立案)
    if (!CARRIED_IN.test(clauseOf(carried)) || !/受理|新收|立案/.test(clauseOf(accepted)) || /不予|不受理/.test(clauseOf(accepted))) return;
    if (!CASE_CLOSED.test(clauseOf(done)) || NOT_YET.test(clauseOf(done)) || !PENDING.test(clauseOf(pending))) return;
    pending.stock = { opening: carried, added: [accepted], removed: [done] };
  });
  // "上年结转行政复议案件23件，本年新收412件，较上年的351件同比增长17.4%，合计需办理435件": the carried over and the new
  // before the sum, last year's figure and its change aside
  facts.forEach((sum, i) => {
    if (sum.kind !== 'count' || sum.depth !== 0 || sum.stock !== undefined || sum.partOf !== undefined || !/(合计|共计|总计)(需|应)(办理|审理)$/.test(tidy(clauseOf(sum)))) return;
    const told = facts.slice(0, i).filter((f) => f.depth === 0 && f.kind !== 'rate' && !f.delta && f.baseOf === undefined && f.sentence[0] === sum.sentence[0]);
    const [carried, accepted] = told;
    if (told.length !== 2 || carried === undefined || accepted === undefined || [carried, accepted].some((f) => f.kind !== 'count' || f.partOf !== undefined || f.quantity.unit !== sum.quantity.unit)) return;
    if (!CARRIED_IN.test(clauseOf(carried)) || !/受理|新收|立案/.test(clauseOf(accepted)) || /不予|不受理/.test(clauseOf(accepted))) return;
    sum.stock = { opening: carried, added: [accepted], removed: [] };
  });
  // "收到申请7件，较上年的5件增加2件…；加上上年结转的1件，本年度需办理的申请共计8件": the new and the carried over
  facts.forEach((sum, i) => {
    const carried = facts[i - 1];
    if (carried === undefined || sum.kind !== 'count' || sum.depth !== 0 || sum.stock !== undefined || !withCarried(text, sum, carried) || carried.quantity.unit !== sum.quantity.unit) return;
    if (!/^\s*(连同|加上|加)[^\d,;:。]{0,6}结转/.test(clauseOf(carried)) || !/共计|合计|总计|共|需办理|需办|应审理|应办理|需审理/.test(text.slice(carried.quantity.end, sum.quantity.start)) || /审结|办结|结案|完成/.test(text.slice(carried.quantity.end, sum.quantity.start))) return;
    const told = [...previous, ...facts.slice(0, i - 1)];
    // what was taken in: what was accepted, when said, else what was received
    const intake = told.filter((f) => f.kind === 'count' && f.depth === 0 && !f.delta && f.baseOf === undefined && f.quantity.unit === sum.quantity.unit && /收到|新收|受理/.test(clauseOf(f)) && !/不予|上年|去年/.test(clauseOf(f)));
    const received = intake.filter((f) => /受理|新收/.test(clauseOf(f))).pop() ?? intake.pop();
    if (received === undefined || told.slice(told.indexOf(received) + 1).some((f) => canBeWhole(f) && f.quantity.unit === sum.quantity.unit && f !== carried)) return;
    sum.stock = { opening: carried, added: [received], removed: [] };
    nameCarried(carried);
  });
}

// a stock of people or things on a register (社区矫正对象, 安置帮教对象, 在册…): what was there at the start, what came
// in and what went out during the year, and what is there at the end — "年初在册25人，全年新接收11人，解除矫正9人，年末在册27人"
// (in one paragraph; every figure of the unit between them is a movement of the stock)
const OPENING = /年初|期初|上年末|上年底|1月1日/;
const CLOSING = /(?<!上)(年末|年底|期末)|12月31日/;
const ADDED = /新接收|新增|新入|新纳入|新列管|新衔接|新制发|新发现|新设|新登记|接收|入矫|增加/;
// a movement that changes what is on the register, not how much ("修改6件"): neither in nor out
const NEUTRAL = /^[^\d]{0,4}(修改|修订)/;
const REMOVED = /解除|解矫|终止|期满|减少|死亡|收监|撤销|注销|转出|退出|销号|移出|废止|失效/;
const STOCK_WORDS = /\d{1,2}月\d{1,2}日|截至|年初|期初|上年末|上年底|年末|年底|期末|全年|本年|年内|至|全市|全县|全区|全镇|全乡|全街道|辖区|共|累计|剩余|存量|实有|现有/g;

function linkStocks(text: string, facts: Fact[]): void {
  // the words since the figure before it in its sentence: "2025年初，全区登记在册经营主体14.28万户" opens on 年初
  const said = (f: Fact) => {
    const previous = facts[facts.indexOf(f) - 1];
    return text.slice(previous !== undefined && previous.sentence[0] === f.sentence[0] ? previous.quantity.end : f.sentence[0], f.quantity.start);
  };
  const plain = facts.filter((f) => f.kind === 'count' && f.depth === 0 && !f.delta && f.baseOf === undefined && f.quantity.approximation === undefined);
  for (const opening of plain.filter((f) => OPENING.test(said(f)) && !CLOSING.test(said(f)))) {
    const later = plain.slice(plain.indexOf(opening) + 1).filter((f) => sameFamily(f, opening) && f.quantity.unit === opening.quantity.unit);
    const c = later.findIndex((f) => CLOSING.test(said(f)));
    const closing = later[c];
    if (closing === undefined || closing.stock !== undefined) continue;
    const between = later.slice(0, c).filter((f) => !NEUTRAL.test(wordsOf(f)));
    // "由年初的319户调整为年末的312户，其中新增纳入28户、退出35户": the movements may follow both ends, after 其中
    const next = later[c + 1];
    if (between.length === 0 && next !== undefined && next.sentence[0] === closing.sentence[0] && /^[^\d,;:。]*,\s*其中[^\d,;:。]*$/.test(text.slice(closing.quantity.end, next.quantity.start))) {
      for (const f of later.slice(c + 1)) {
        const last = between[between.length - 1];
        if (f.sentence[0] !== closing.sentence[0] || !(ADDED.test(wordsOf(f)) || REMOVED.test(wordsOf(f))) || (last !== undefined && !/^\s*[、,][^\d,;:。、]*$/.test(text.slice(last.quantity.end, f.quantity.start)))) break;
        between.push(f);
      }
      // they are movements of the stock, not kinds of it
      if (between.length >= 2 && closing.parts.length === between.length && between.every((f) => f.partOf === closing)) {
        closing.parts = [];
        closing.partsComplete = false;
        for (const f of between) f.partOf = undefined;
      }
    }
    const added = between.filter((f) => ADDED.test(wordsOf(f)) && !REMOVED.test(wordsOf(f)));
    const removed = between.filter((f) => REMOVED.test(wordsOf(f)) && !ADDED.test(wordsOf(f)));
    // every figure between is a movement of the stock, and both directions are stated — one may be said to be none:
    // "年初现行有效3件，本年未制发新的规范性文件，废止1件，年末现行有效2件"
    const told = text.slice(opening.quantity.end, closing.quantity.start);
    const noneAdded = added.length === 0 && /未(新)?(制发|新增|出台|印发|接收)|无新增/.test(told);
    const noneRemoved = removed.length === 0 && /未(废止|解除|注销|宣布失效)/.test(told);
    if ((added.length === 0 && !noneAdded) || (removed.length === 0 && !noneRemoved) || between.length === 0 || added.length + removed.length !== between.length) continue;
    // a movement that names another register ("新增安置帮教对象11人" in a stock of 社区矫正对象) is of another stock
    const rest = (f: Fact) => wordsOf(f).replace(STOCK_WORDS, '').replace(ADDED, '').replace(REMOVED, '');
    if (between.some((f) => /对象/.test(rest(f)) && !isSubsequence(rest(f), wordsOf(opening)))) continue;
    // the closing stock names the same thing as the opening one ("年末在册" of "年初在册社区矫正对象")
    // or the one sentence takes it from the one to the other: "在册低保对象由年初的319户调整为年末的312户"
    const fromTo = /由\s*(年初|期初|上年末|上年底)的?\s*$/.test(said(opening)) && /^\s*(调整|增加|减少|增|减|上升|下降)(为|到|至)\s*(年末|年底|期末)的?\s*$/.test(said(closing));
    if (!fromTo && !isSubsequence(wordsOf(closing).replace(STOCK_WORDS, ''), wordsOf(opening).replace(STOCK_WORDS, ''))) continue;
    const named = wordsOf(opening).replace(/由\s*(年初|期初|上年末|上年底)的?$/, '');
    if (fromTo && named !== '') [opening.label, closing.label] = [`年初${named}`, `年末${named}`];
    closing.stock = { opening, added, removed };
    // "至年末实有经营主体15.53万户，净增1.25万户，增幅8.8%": the net change and its rate are of the stock's two ends
    const [diff, rate] = [facts[facts.indexOf(closing) + 1], facts[facts.indexOf(closing) + 2]];
    const net = diff === undefined ? null : /^\s*,\s*(净增|净减|增加|减少|净增加|净减少)了?\s*$/.exec(text.slice(closing.quantity.end, diff.quantity.start));
    if (diff === undefined || net === null || diff.kind !== 'count' || diff.quantity.unit !== closing.quantity.unit) continue;
    const down = /减/.test(net[1] ?? '');
    diff.difference = { current: closing, base: opening, down };
    diff.delta = true;
    if (rate?.kind === 'rate' && /^\s*,\s*(增幅|增长|降幅|下降)(为|达)?\s*$/.test(text.slice(diff.quantity.end, rate.quantity.start))) {
      rate.growth = true;
      rate.change = { current: closing, base: opening, down };
    }
  }
}

/** the characters of `short` stand in `long` in order */
export function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const ch of long) if (ch === short[k]) k += 1;
  return k === short.length;
}

// an outcome named after what was finished: "因申请人撤回申请终止1件"
const DISPOSITION_WORD = /维持|撤销|变更|纠正|确认违法|驳回|终止|撤回|胜诉|败诉|调解|和解/;
// what a case ended in, as a list of them names it: "驳回复议请求", "责令履行", "调解结案", "原告撤诉", "发回重审"
const OUTCOME_WORD = /维持|撤销|变更|纠正|确认违法|驳回|终止|撤回|撤诉|胜诉|败诉|调解|和解|责令履行|改判|发回重审/;

// stages of one piece of work in one sentence: 排查 ≥ 调处/调解 ≥ 化解/成功; 发现 ≥ 整改
const STAGES: Array<[string, RegExp, number]> = [
  ['排查', /排查(?!化解|调处)/g, 0],
  // ("排查劳资纠纷隐患236起，受理劳资纠纷214起，调解成功198起": what was taken in is what was mediated)
  ['调处', /调处(?!成功)|受理(?!率)|调解(?!成功|组织|委员会|员|中心|室)/g, 1],
  ['化解', /化解|调解成功|调处成功|成功调解|成功调处/g, 2],
  ['发现', /发现/g, 10],
  ['整改', /整改/g, 11],
];

// the stage word nearest the number names the stage ("人民调解组织共排查矛盾纠纷" is 排查)
function stageOfClause(clause: string): number | undefined {
  let best: { at: number; stage: number } | undefined;
  for (const [, re, stage] of STAGES) {
    for (const m of clause.matchAll(re)) {
      const at = m.index + m[0].length;
      if (best === undefined || at > best.at || (at === best.at && stage > best.stage)) best = { at, stage };
    }
  }
  return best?.stage;
}

function linkStages(text: string, facts: Fact[]): void {
  const staged: Array<[Fact, number]> = [];
  for (const f of facts) {
    if (f.kind !== 'count' || f.partOf !== undefined || f.depth !== 0) continue;
    const clause = text.slice(clauseStart(text, f.quantity.start, f.sentence[0]), f.quantity.start);
    if (/排查化解|排查调处/.test(clause)) continue;
    // an average is no stage: "调处451起，…，村均调处28.6起；调处成功438起"
    if (!Number.isInteger(f.quantity.normalized.value) || AVERAGE_BEFORE.test(clause)) continue;
    const stage = stageOfClause(clause);
    if (stage === undefined) continue;
    // the nearest earlier stage of the same chain (0–2 or 10–11)
    const before = staged.filter(([g, k]) => k < stage && Math.floor(k / 10) === Math.floor(stage / 10) && sameFamily(g, f)).pop();
    if (before !== undefined) {
      const [earlier] = before;
      const bare = f.label.replace(/^(已|共|累计)/, '');
      // a label that is only the stage's verb ("调解", "已整改") speaks of the thing named before
      // "调处的纠纷中成功化解203件": the clause names the earlier stage's work as what it counts in
      const within = /(排查|调处|调解|受理|发现)[^,;。\d]{0,6}中/.exec(clause);
      // ("排查57起，加上上年结转的5起，全年需化解62起": what is to be settled holds what came over — no stage of those screened)
      const withCarried = /结转/.test(text.slice(earlier.quantity.end, f.quantity.start));
      const sameThing = !withCarried && (bare === '' || f.label === earlier.label || stageOfClause(bare.slice(0, 4)) !== undefined || sharesBigram(f.label, earlier.label) || (within !== null && stageOfClause(within[1] ?? '') === before[1]));
      if (sameThing) {
        f.stageOf = earlier;
        f.stage = STAGES.find((x) => x[2] === stage)?.[0];
        earlier.stage = STAGES.find((x) => x[2] === before[1])?.[0];
      }
    }
    staged.push([f, stage]);
  }
}

// the numerator of a rate names the same thing as its base, or only the outcome (成功调处, 办结, 败诉)
const OUTCOME = /成功|办结|调处|化解|调解|败诉|纠错|审结|按时|按期|及时|整改|结案|履行|答复|出庭|满意|达标|合格|采纳|采用|解决|完成|通过|回复|查实|受理|立案/;

function subsetOf(part: Fact, whole: Fact): boolean {
  if (part.label === '' || part.label === whole.label) return true;
  if (part.label.length >= 2 && whole.label.length >= 2 && part.label.slice(-2) === whole.label.slice(-2)) return true;
  return OUTCOME.test(part.label);
}

function sharesBigram(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

function takeWhile<T>(items: readonly T[], keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (!keep(item)) break;
    out.push(item);
  }
  return out;
}

// the sentence in the original script; long sentences are cut around the figure and its parts
function quoteOf(original: string, fact: Fact): string {
  const [s, e] = fact.sentence;
  const sentence = original.slice(s, e).trim();
  if (sentence.length <= QUOTE_LIMIT) return sentence;
  const lastPart = fact.parts[fact.parts.length - 1];
  const from = Math.max(s, fact.quantity.start - 50);
  const to = Math.min(e, Math.max(fact.quantity.end, lastPart?.quantity.end ?? 0) + 30);
  // verbatim: a reader must find the quote in the report as it stands
  return original.slice(from, to).trim();
}
