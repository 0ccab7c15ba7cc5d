import type { Fact, PartList } from './extract.ts';
import { ALL_OUTCOME, disposition, INTAKE_SPLIT_WORDS, isSubsequence, LAST_YEAR, REVIEWED, WITHDRAWN, wordsOf } from './extract.ts';
import { bounds, formatQuantity, round } from './numbers.ts';
import type { Finding, FindingFigure } from './review.schema.ts';
import type { SectionMap } from './sections.ts';
import { missingSections } from './sections.ts';

const EPSILON = 1e-9;
// the share of a total a list must reach before its shortfall is read as an error rather than a selection
// (a list with a catch-all 其他 item claims the whole at any share)
const MOSTLY = 0.8;
const ACTIVITY_UNITS = new Set(['次', '场', '期', '期次', '场次', '人次', '批', '课时', '学时', '节次', '户次', '件次']);

/** arithmetic an examiner checks before a report is published; silent whenever the numbers hold */
export function checkFacts(facts: readonly Fact[]): Finding[] {
  return [
    ...facts.flatMap(checkParts),
    ...facts.flatMap(checkRate),
    ...facts.flatMap(checkPercentCeiling),
    ...facts.flatMap(checkStages),
    ...facts.flatMap(checkChange),
    ...facts.flatMap(checkChangeBy),
    ...facts.flatMap(checkChangeFrom),
    ...facts.flatMap(checkDifference),
    ...facts.flatMap(checkBalance),
    ...facts.flatMap(checkStock),
    ...facts.flatMap(checkAverage),
    ...restatedOnce([...checkConsistency(facts), ...checkTransposed(facts)], checkIntroduction(facts)),
  ];
}

/** a figure the summary restates wrongly is told once, as the summary's: not again as the same claim stated twice */
function restatedOnce(consistency: Finding[], restatements: Finding[]): Finding[] {
  const key = (f: Finding) => f.figures.map((x) => `${x.raw}@${x.quote}`).sort().join('|');
  const told = new Set(restatements.map(key));
  const kept = consistency.filter((f) => !told.has(key(f)));
  // (a pair told as the same claim stated twice is not told again as transposed digits)
  return [...kept.filter((f, i) => !kept.slice(0, i).some((g) => key(g) === key(f))), ...restatements];
}

/** "…办理行政处罚案件87件" and, in another part, "办理行政处罚案件78件": two figures of one unit and period whose digits differ only
 * by two neighbours swapped, said in words that share a run naming the thing (for two-digit figures, one says it all in the
 * other's words) — the same figure restated with its digits transposed */
function checkTransposed(facts: readonly Fact[]): Finding[] {
  const plain = (f: Fact) => (f.kind === 'count' || f.kind === 'amount' || f.kind === 'rate') && f.quantity.approximation === undefined && !f.delta && f.baseOf === undefined && f.section !== 'nextYear' && f.average === undefined && !SHARED_OUT.test(wordsOf(f)) && !/上年|去年|同期|\d{4}年/.test(wordsOf(f));
  const digits = (f: Fact) => f.quantity.raw.replace(/[^\d.]/g, '');
  const findings: Finding[] = [];
  const candidates = facts.filter(plain);
  candidates.forEach((a, i) => {
    for (const b of candidates.slice(i + 1)) {
      if (a.paragraph === b.paragraph || a.partOf === b || b.partOf === a || a.stageOf === b || b.stageOf === a || a.quantity.unit !== b.quantity.unit || a.kind !== b.kind || a.period.replace('~', '') !== b.period.replace('~', '') || a.growth !== b.growth) continue;
      // (a clause that compares with last year still speaks of this year: its own figure is this year's)
      const [x, y] = [digits(a), digits(b)];
      if (!swappedNeighbours(x, y)) continue;
      // ("3.受理12345热线工单…": a list's number is no word)
      const [wa, wb] = [wordsOf(a), wordsOf(b)].map((w) => w.replace(/^\d+(?=[^\d])/, '')) as [string, string];
      const run = commonRun(wa, wb);
      const short = x.replace('.', '').length <= 2;
      // (three digits and more seldom swap by chance: words sharing the act they count, "成功化解" and "推动化解各类矛盾纠纷", do)
      if (short ? !(wa.length >= 4 && wb.length >= 4 && (isSubsequence(wa, wb) || isSubsequence(wb, wa))) : run.length < 4 && !(run.length >= 2 && DONE.test(run))) continue;
      findings.push(statedTwice(a, b, `“${wa}”写为${a.quantity.raw}，“${wb}”写为${b.quantity.raw}，说的是同一事项而两位数字前后颠倒，前后数字不一致。`, '同一事项在报告中应只有一个数字'));
    }
  });
  return findings;
}

/** "87" and "78", "5,274" and "5,247": the same digits, two neighbours swapped */
function swappedNeighbours(x: string, y: string): boolean {
  if (x.length !== y.length || x === y || x.indexOf('.') !== y.indexOf('.')) return false;
  const at = [...x].flatMap((c, i) => (c === y[i] ? [] : [i]));
  const [i, j] = at;
  return at.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i];
}

/**
 * the introduction (before the first heading) restates the year's main figures in its own words: "受理12345市民服务热线
 * 工单8642件" is the body's "受理工单8642件". A figure of the introduction is compared with the body's figures of the
 * same unit whose words it contains in order; only when exactly one such figure stands in the body, and it differs
 */
const DONE = /化解|调处|调解|受理|办结|办理|承办|收到|公开|查处|审查|审结|排查|接待|举办|开展|培训|立案|结案|答复|出庭|处罚|检查/;

/** the longest run of characters two phrases share */
function commonRun(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best.length + 1; j <= a.length; j++) {
      if (b.includes(a.slice(i, j))) best = a.slice(i, j);
      else break;
    }
  }
  return best;
}

/** the one candidate whose words share the longest run (four characters or more, naming an act) with `said`; none when two tie;
 * a data list names things without acts ("办理行政执法案件214件" for "立案查处行政执法案件"): there six characters do */
function sharingMost<T>(said: string, candidates: ReadonlyArray<readonly [T, string]>, things = false): T[] {
  const scored = candidates.map(([c, w]) => [c, commonRun(said, w)] as const).filter(([, run]) => (run.length >= 4 && DONE.test(run)) || (things && run.length >= 6));
  const best = Math.max(0, ...scored.map(([, run]) => run.length));
  const top = scored.filter(([, run]) => run.length === best);
  return top.length === 1 && top[0] !== undefined ? [top[0][0]] : [];
}

/** a total of things listed with 、 before its words: "行政复议、行政诉讼案件合计7件" is not "行政诉讼案件"; nor is a total
 * naming two things joined, each holding one of its parts ("作为被申请人的行政复议案件和作为被告的行政诉讼案件共3件，其中行政
 * 复议2件、行政诉讼1件") */
const namesMore = (f: Fact) => f.parts.length > 0 && (f.quote.includes(`、${wordsOf(f)}`) || joinsItsParts(f));

function succeededOrNot(parts: readonly Fact[]): boolean {
  const failed = /不成|未成|未达成|失败/;
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined) return false;
  const [no, yes] = failed.test(a.label) ? [a, b] : [b, a];
  return failed.test(no.label) && !failed.test(yes.label) && /成功|达成/.test(yes.label) && no.label.slice(0, 2) === yes.label.slice(0, 2);
}

function joinsItsParts(f: Fact): boolean {
  const pieces = wordsOf(f).split(/和|及|与/);
  const holds = (piece: string, p: Fact) => piece.includes(wordsOf(p));
  return pieces.length >= 2 && f.parts.length >= 2 && pieces.every((piece) => f.parts.some((p) => holds(piece, p))) && f.parts.every((p) => pieces.some((piece) => holds(piece, p)));
}

function checkIntroduction(facts: readonly Fact[]): Finding[] {
  const plain = (f: Fact) => (f.kind === 'count' || f.kind === 'amount' || (f.kind === 'rate' && !f.growth && f.label.endsWith('率'))) && f.depth === 0 && f.partOf === undefined && f.quantity.approximation === undefined && !f.delta && f.baseOf === undefined && f.label.length >= 2;
  const firstHeading = facts.find((f) => f.section !== undefined)?.paragraph;
  if (firstHeading === undefined) return [];
  const findings: Finding[] = [];
  // the closing summary ("总之，…") restates the body as the introduction does
  const restating = (f: Fact) => (f.section === undefined && f.paragraph < firstHeading) || f.summary;
  for (const intro of facts) {
    if (!restating(intro) || !plain(intro)) continue;
    // a rate stated right after its own count is computed from it, not restated ("调解成功53件，调解成功率93.0%"), and
    // so are that count and its base
    if (intro.kind === 'rate' && ownCount(intro, facts) !== undefined) continue;
    // (the 其他 section tells of work beside the body's: a rate it says right after a count is of that count — "反馈的问题
    // 5个，已整改5个，整改完成率100%" is not the body's 隐患整改率)
    if (intro.kind === 'rate' && intro.summary === 'other' && countRightBefore(intro, facts) !== undefined) continue;
    if (facts.some((r) => r.numerator === intro || r.denominator === intro)) continue;
    const said = wordsOf(intro);
    // "审结248件" alone says too little to find its restatement; "排查化解318件" names two stages at once
    // an amount is named in fewer words: "罚没款321.6万元"
    if (said.length < (intro.kind === 'amount' ? 3 : 4) || /排查化解|排查调处|排查整改/.test(said)) continue;
    // "…建议和提案中涉及法治建设的24件" counts some of what the body counts: no restatement of it
    if (/中(涉及|属于|有关)[^\d,;:。]{1,12}$/.test(said)) continue;
    // "办理行政复议、行政诉讼案件合计7件（其中…）" sums the things listed: its words name only the last of them
    if (namesMore(intro)) continue;
    // last year's figure ("罚没款较上年的21.30万元") restates nothing of this year
    const inBody = facts.filter((f) => f.section !== undefined && !f.summary && f.section !== 'nextYear' && plain(f) && !namesMore(f) && f.quantity.unit === intro.quantity.unit && wordsOf(f).length >= 2 && !LAST_YEAR.test(wordsOf(f)));
    // the body figure saying most of it: "信访事项按期办结率" is the body's "按期办结率", not its "办结率"
    const saying = inBody.filter((f) => isSubsequence(wordsOf(f), said));
    const most = Math.max(0, ...saying.map((f) => wordsOf(f).length));
    const body = saying.filter((f) => wordsOf(f).length === most);
    // the body may say it with more words ("通过…专栏主动公开政府信息286条" for "主动公开政府信息286条"): the one body
    // figure sharing the longest run of words with it, that run naming what was done (化解, 公开, 受理)
    // or says it whole with more words around it ("提供法律咨询共计1482人次" for "法律咨询1482人次")
    const containing = inBody.filter((f) => wordsOf(f).includes(said));
    if (body.length === 0 && containing.length === 1) body.push(...containing);
    // or with words between ("调处各类矛盾纠纷146件" for "调处矛盾纠纷164件"), when only one body figure does
    const around = inBody.filter((f) => isSubsequence(said, wordsOf(f)));
    if (body.length === 0 && around.length === 1) body.push(...around);
    // (the 其他 section also tells what happened beside the body's work: there only the body's own words restate it)
    if (body.length === 0 && intro.summary !== 'other') body.push(...sharingMost(said, inBody.map((f) => [f, wordsOf(f)] as const), intro.summary === 'closing'));
    const [only] = body;
    if (only === undefined || body.length !== 1 || only.quantity.normalized.value === intro.quantity.normalized.value) continue;
    const where = intro.summary === 'other' ? '“其他需要报告的事项”' : intro.summary ? '结尾总结' : '开头概述';
    findings.push({
      kind: 'inconsistent_value',
      message: `${where}写“${said}”${shown(intro)}，正文写“${wordsOf(only)}”${shown(only)}，前后数字不一致。`,
      text: intro.summary ? `${only.quote} …… ${intro.quote}` : `${intro.quote} …… ${only.quote}`,
      expected: shown(only),
      actual: shown(intro),
      relation: `报告${where}的数字应与正文所写的同一事项一致`,
      figures: [figureOf(intro), figureOf(only)],
      arithmetic: `${shown(intro)} ≠ ${shown(only)}`,
    });
  }
  return findings;
}

export function checkSections(map: SectionMap): Finding[] {
  return missingSections(map).map((s) => ({
    kind: 'missing_section',
    message: `报告缺少规定的“${s.title}”部分，未找到与之对应的标题或内容。`,
    text: map.headings.join(' / '),
    expected: s.title,
    actual: '未找到',
    relation: `${map.type === 'disclosure' ? '政府信息公开工作年度报告' : '法治政府建设年度报告'}应包含规定的各部分`,
    figures: [],
    arithmetic: '',
  }));
}

/** a figure as a finding shows it: label, as written, and its quote */
export function figureOf(f: Fact): FindingFigure {
  return { label: f.label, raw: f.quantity.raw, value: f.quantity.value, unit: f.quantity.unit, quote: f.quote };
}

// the parts a total was listed in, and any further breakdown of it ("从案件类型看…；从办案程序看…")
function checkParts(total: Fact): Finding[] {
  const lists: PartList[] = [{ linkWord: total.linkWord, parts: total.parts, complete: total.partsComplete }, ...total.breakdowns];
  return lists.flatMap((list) => checkPartList(total, list));
}

function checkPartList(total: Fact, { linkWord: marker, parts, complete }: PartList): Finding[] {
  if (parts.length === 0) return [];
  const [low, high] = factBounds(total);
  // the total and a list in a later sentence ("…57件。从案件类型看，…") are quoted both
  const last = parts[parts.length - 1];
  const elsewhere = last !== undefined && (last.paragraph !== total.paragraph || last.sentence[0] !== total.sentence[0]);
  const text = elsewhere ? `${total.quote} …… ${last.quote}` : total.quote;
  if (parts.length === 1 && marker === ALL_OUTCOME) return checkAllOutcome(total, parts[0] as Fact, text);
  if (parts.length === 1) {
    const part = parts[0];
    if (part === undefined || factBounds(part)[0] <= high + EPSILON) return [];
    return [
      {
        kind: 'subset_exceeds_total',
        message: `“${nameOf(part)}”${shown(part)}大于它所属的“${nameOf(total)}”${shown(total)}，部分不应多于整体。`,
        text,
        expected: `不超过${shown(total)}`,
        actual: shown(part),
        relation: `“${marker}”所引出的部分不应多于整体`,
        figures: [figureOf(total), figureOf(part)],
        arithmetic: `${part.quantity.value} > ${total.quantity.value}`,
      },
    ];
  }
  const sumLow = parts.reduce((s, p) => s + factBounds(p)[0] * each(p), 0);
  const sumHigh = parts.reduce((s, p) => s + factBounds(p)[1] * each(p), 0);
  // "由上年的176名增加到214名，新增38名，其中村“两委”成员62名、…": the list after an increase may break down the
  // figure it was reached at as well as the increase: a list nearer the one is checked against it
  const reached = total.difference?.current;
  if (reached !== undefined && Math.abs(sumLow - reached.quantity.normalized.value) < Math.abs(sumLow - total.quantity.normalized.value)) {
    return checkPartList(reached, { linkWord: marker, parts, complete });
  }
  const over = sumLow > high + EPSILON;
  // a 其中 list far short of its total names the notable parts only ("公开信息1326条，其中政策文件86条、解读52条"):
  // only a list that covers most of the total and still misses it is a slip
  // a catch-all item, or outcomes that exclude each other (保留/修改/废止), claim the whole
  // what was received is accepted, refused or referred, what was reviewed decided or withdrawn: these claim the whole too
  // "其中达成赔偿协议4件、仍在磋商1件": what is still open is the rest of the whole
  // "行政复议案件和行政诉讼案件共3件，其中行政复议2件、行政诉讼1件": the things the total joins are its whole
  // "局长出庭3件次、分管副局长出庭2件次，合计5件次": a total after its items says it is their sum
  // "其中磋商达成协议4件、磋商不成提起诉讼1件": what succeeded and what did not are all there is
  const catchAll = parts.some((p) => /^(其他|其它|其余)/.test(p.context) || /^(仍在|尚在|正在|尚未|仍未)/.test(p.label)) || parts.every((p, k) => disposition(p) || (k > 0 && k === parts.length - 1 && WITHDRAWN.test(p.label))) || INTAKE_SPLIT_WORDS.includes(marker) || REVIEWED.test(marker) || (parts === total.parts && joinsItsParts(total)) || marker === '合计' || succeededOrNot(parts);
  const under = complete && sumHigh < low - EPSILON && (catchAll || sumHigh >= low * MOSTLY);
  if (!over && !under) return [];
  const { sum, total: whole, unit } = sumOf(total, parts);
  // estimated parts are added at their lowest
  const sumText = `${parts.some((p) => p.quantity.approximation) ? '至少' : ''}${formatQuantity(sum, unit)}`;
  const diff = formatQuantity(round(Math.abs(sum - whole)), unit);
  const list = parts.map((p) => `${p.label}${p.quantity.raw}`).join('、');
  return [
    {
      kind: 'parts_sum_mismatch',
      message:
        marker === '合计'
          ? `所列各项（${list}）相加为${sumText}，而${total.label === '合计' ? '' : `“${nameOf(total)}”`}合计写为${shown(total)}，相差${diff}。`
          : `“${nameOf(total)}”共${shown(total)}，但${marker}所列各项（${list}）合计${sumText}，比总数${over ? '多' : '少'}${diff}。`,
      text,
      expected: shown(total),
      actual: sumText,
      relation: marker === '合计' ? '“合计”应等于其前所列各项之和' : over
        ? `“${marker}”所列各项之和不应超过总数`
        : `“${marker}”所列各项（未写“等”，列有“其他”或已占总数八成以上）之和应等于总数`,
      figures: [figureOf(total), ...parts.map(figureOf)],
      arithmetic: `${parts.map((p) => p.quantity.value).join(' + ')} = ${sum} ${over ? '>' : '<'} ${whole}`,
    },
  ];
}

// "复议2件，均维持（2件）": what is said of all is as many as the whole
function checkAllOutcome(total: Fact, all: Fact, text: string): Finding[] {
  if ([total, all].some((f) => f.quantity.approximation !== undefined) || Math.abs(total.quantity.normalized.value - all.quantity.normalized.value) < EPSILON) return [];
  return [
    {
      kind: 'parts_sum_mismatch',
      message: `“${nameOf(total)}”共${shown(total)}，文中说均为同一结果，但该结果写为${shown(all)}，两者应相等。`,
      text,
      expected: shown(total),
      actual: shown(all),
      relation: '“均”所说的结果应与整体数量相等',
      figures: [figureOf(total), figureOf(all)],
      arithmetic: `${all.quantity.value} ≠ ${total.quantity.value}`,
    },
  ];
}

function checkRate(rate: Fact): Finding[] {
  const { numerator: num, denominator: den } = rate;
  // (a figure is no share of itself: "审结案件中败诉7件，败诉率7.9%" whose base is unsaid)
  if (num === undefined || den === undefined || num === den) return [];
  // "合格率（含优秀）": the numerator is the sum of the figures the rate counts
  const nums = [num, ...rate.numeratorAlso];
  const numLow = nums.reduce((a, f) => a + factBounds(f)[0], 0);
  const numHigh = nums.reduce((a, f) => a + factBounds(f)[1], 0);
  const numValue = round(nums.reduce((a, f) => a + f.quantity.normalized.value, 0));
  const numName = nums.map((f) => `${f.label || '分子'}`).join(' + ');
  const numShown = nums.map((f) => `${f.label || '分子'}${f.quantity.raw}`).join('+');
  // (sums of money in one unit are shown as written: "1684.5 ÷ 2846.3", not in 元)
  const asWritten = [...nums, den, ...rate.otherDenominators].every((f) => f.quantity.unit === den.quantity.unit);
  const shown = (f: Fact) => (asWritten ? f.quantity.value : f.quantity.normalized.value);
  const numTerms = nums.length > 1 ? `(${nums.map(shown).join(' + ')})` : `${asWritten ? round(nums.reduce((a, f) => a + f.quantity.value, 0)) : numValue}`;
  const [denLow, denHigh] = factBounds(den);
  if (denHigh <= 0) return [];
  if (rate.complement) return checkComplementRate(rate, num, den, [numLow, numHigh], [denLow, denHigh]);
  const computedLow = (numLow / denHigh) * 100;
  const computedHigh = denLow > 0 ? (numHigh / denLow) * 100 : Infinity;
  const [statedLow, statedHigh] = statedRange(rate);
  if (computedHigh >= statedLow - EPSILON && computedLow < statedHigh + EPSILON) return [];
  // a base the text leaves open that gives the stated rate: no error can be shown
  if (rate.otherDenominators.some((other) => {
    const [low, high] = factBounds(other);
    return high > 0 && (numHigh / Math.max(low, Number.MIN_VALUE)) * 100 >= statedLow - EPSILON && (numLow / high) * 100 < statedHigh + EPSILON;
  })) return [];
  const computed = (numValue / den.quantity.normalized.value) * 100;
  const expected = `${round(computed, rate.quantity.decimals + 1)}%`;
  // the other bases the text leaves open were tried too: the finding shows them
  const others = rate.otherDenominators.map((o) => ({ fact: o, value: `${round((numValue / o.quantity.normalized.value) * 100, rate.quantity.decimals + 1)}%` }));
  const orElse = others.map((o) => `，÷${o.fact.label || '前一环节'}${o.fact.quantity.raw}≈${o.value}`).join('');
  return [
    {
      kind: 'rate_mismatch',
      message: `“${nameOf(rate)}”写为${rate.quantity.raw}，但按文中数字计算，${numShown}÷${den.label || '分母'}${den.quantity.raw}≈${expected}${orElse}。`,
      text: rate.quote,
      expected,
      actual: rate.quantity.raw,
      relation: rate.rateRule ?? `“${nameOf(rate)}” = ${nums.length > 1 ? `(${numName})` : numName} ÷ ${den.label || '分母'}`,
      figures: [figureOf(rate), ...nums.map(figureOf), figureOf(den), ...others.map((o) => figureOf(o.fact))],
      arithmetic: [`${numTerms} ÷ ${shown(den)} × 100% ≈ ${expected}`, ...others.map((o) => `${numTerms} ÷ ${shown(o.fact)} × 100% ≈ ${o.value}`)].join('；') + ` ≠ ${rate.quantity.raw}`,
    },
  ];
}

// "抽查312批次，不合格17批次，合格率94.6%": what passed is the whole less what failed
function checkComplementRate(rate: Fact, failed: Fact, whole: Fact, [failedLow, failedHigh]: [number, number], [wholeLow, wholeHigh]: [number, number]): Finding[] {
  const computedLow = ((wholeLow - failedHigh) / wholeHigh) * 100;
  const computedHigh = wholeLow > 0 ? ((wholeHigh - failedLow) / wholeLow) * 100 : Infinity;
  const [statedLow, statedHigh] = statedRange(rate);
  if (computedHigh >= statedLow - EPSILON && computedLow < statedHigh + EPSILON) return [];
  const passed = round(whole.quantity.value - failed.quantity.value);
  const expected = `${round((passed / whole.quantity.value) * 100, rate.quantity.decimals + 1)}%`;
  const wholeName = whole.label || '总数';
  return [
    {
      kind: 'rate_mismatch',
      message: `“${nameOf(rate)}”写为${rate.quantity.raw}，但按文中数字计算，(${wholeName}${whole.quantity.raw}−${failed.label}${failed.quantity.raw})÷${wholeName}${whole.quantity.raw}≈${expected}。`,
      text: rate.quote,
      expected,
      actual: rate.quantity.raw,
      relation: `“${nameOf(rate)}” = (${wholeName} − ${failed.label}) ÷ ${wholeName}`,
      figures: [figureOf(rate), figureOf(failed), figureOf(whole)],
      arithmetic: `(${whole.quantity.value} − ${failed.quantity.value}) ÷ ${whole.quantity.value} × 100% ≈ ${expected} ≠ ${rate.quantity.raw}`,
    },
  ];
}

/** "平均每个村（居）17名" is the total shared out over the places, rounded or cut to the decimals written */
function checkAverage(avg: Fact): Finding[] {
  if (avg.average === undefined) return [];
  const { total, count } = avg.average;
  // in the average's own unit: "户均1.28万元"
  const value = avg.quantity.value;
  if (value === 0) return [];
  const computed = total.quantity.normalized.value / count.quantity.normalized.value / (avg.quantity.normalized.value / value);
  const step = 10 ** -avg.quantity.decimals;
  if (computed >= value - step / 2 - EPSILON && computed < value + step + EPSILON) return [];
  if (avg.quantity.approximation === 'about' && Math.abs(computed - value) <= Math.max(step, value / 10)) return [];
  // an average off by a hundredfold and more is of other figures than those read ("巡林186次 … 巡护累计9,828人次，人均
  // 巡护234次" is of the 9,828 over the 42 rangers): silent rather than a guess
  if (computed < value / 100 || computed > value * 100) return [];
  const expected = `${round(computed, avg.quantity.decimals + 1)}${avg.quantity.unit}`;
  // "16个村（居）全年…坐班384次": the places counted right before the total are not part of its name
  const totalName = (count.label !== '' && total.label.startsWith(count.label) && count.quantity.end <= total.quantity.start ? total.label.slice(count.label.length) : total.label) || '总数';
  const countName = count.label === '' ? '个数' : `${count.label}数`;
  return [
    {
      kind: 'average_mismatch',
      message: `“${/均$/.test(wordsOf(avg)) ? wordsOf(avg) : nameOf(avg)}”写为${avg.quantity.raw}，但按文中数字计算，${totalName}${total.quantity.raw}÷${count.quantity.raw}≈${expected}。`,
      text: avg.quote === total.quote && avg.quote === count.quote ? avg.quote : [...new Set([count.quote, total.quote, avg.quote])].join(' …… '),
      expected,
      actual: avg.quantity.raw,
      relation: `平均数 = ${totalName} ÷ ${countName}`,
      figures: [figureOf(avg), figureOf(total), figureOf(count)],
      arithmetic: `${total.quantity.raw} ÷ ${count.quantity.raw} ≈ ${expected} ≠ ${avg.quantity.raw}`,
    },
  ];
}

// a stated 95% stands for anything that rounds or truncates to 95
function statedRange(rate: Fact): [number, number] {
  const q = rate.quantity;
  const value = q.unit === '‰' ? q.value / 10 : q.value;
  const step = 10 ** -q.decimals;
  const approximation = q.approximation;
  if (approximation === 'atLeast' || approximation === 'more') return [value - step / 2, Infinity];
  if (approximation === 'under') return [value - 5, value + step];
  if (approximation === 'about') return [value - 5, value + 5];
  return [value - step / 2, value + step];
}

function checkPercentCeiling(rate: Fact): Finding[] {
  const q = rate.quantity;
  const percent = q.unit === '‰' ? q.value / 10 : q.value;
  // (a plan is done beyond itself: "计划检查420家，实际检查436家，计划完成率103.8%")
  if (rate.kind !== 'rate' || rate.growth || percent <= 100 || /完成率$/.test(rate.label)) return [];
  return [
    {
      kind: 'percent_over_100',
      message: `“${nameOf(rate)}”为${q.raw}，超过100%；除增长幅度外，比率不应超过100%。`,
      text: rate.quote,
      expected: '不超过100%',
      actual: q.raw,
      relation: '比率（部分占整体）不超过100%',
      figures: [figureOf(rate)],
      arithmetic: `${q.raw} > 100%`,
    },
  ];
}

// 办结 + 结转下年 = the total they were finished or carried from
function checkBalance(carried: Fact): Finding[] {
  if (carried.balance === undefined) return [];
  const { total, done } = carried.balance;
  if ([total, done, carried].some((f) => f.quantity.approximation !== undefined)) return [];
  const sum = round(done.quantity.normalized.value + carried.quantity.normalized.value);
  const whole = total.quantity.normalized.value;
  if (Math.abs(sum - whole) < EPSILON) return [];
  return [
    {
      kind: 'parts_sum_mismatch',
      message: `“${nameOf(total)}”共${shown(total)}，但${nameOf(done)}${shown(done)}与${nameOf(carried)}${shown(carried)}合计${formatQuantity(sum, total.quantity.normalized.unit)}，与总数不符。`,
      text: total.quote === carried.quote ? total.quote : `${total.quote} …… ${carried.quote}`,
      expected: shown(total),
      actual: formatQuantity(sum, total.quantity.normalized.unit),
      relation: carried.remainder ? '已写明的部分与“另有/其余”部分合起来应等于总数' : '已办结的与结转下年的合起来应等于总数',
      figures: [figureOf(total), figureOf(done), figureOf(carried)],
      arithmetic: `${done.quantity.normalized.value} + ${carried.quantity.normalized.value} = ${sum} ≠ ${whole}`,
    },
  ];
}

// 年初 + 新接收 − 解除 = 年末: a stock at the year's end is what it was at the start, moved by the year's additions and removals
function checkStock(closing: Fact): Finding[] {
  if (closing.stock === undefined) return [];
  const { opening, added, removed } = closing.stock;
  const value = (f: Fact) => f.quantity.normalized.value;
  const computed = round(value(opening) + added.reduce((a, f) => a + value(f), 0) - removed.reduce((a, f) => a + value(f), 0));
  if (Math.abs(computed - value(closing)) < EPSILON) return [];
  const unit = closing.quantity.normalized.unit;
  const terms = [`${value(opening)}`, ...added.map((f) => `+ ${value(f)}`), ...removed.map((f) => `− ${value(f)}`)].join(' ');
  const moves = [...added.map((f) => `加${nameOf(f)}${shown(f)}`), ...removed.map((f) => `减${nameOf(f)}${shown(f)}`)].join('、');
  return [
    {
      kind: 'parts_sum_mismatch',
      message: `“${nameOf(opening)}”${shown(opening)}，${moves}，应为${formatQuantity(computed, unit)}，但“${nameOf(closing)}”写为${shown(closing)}。`,
      text: opening.quote === closing.quote ? closing.quote : `${opening.quote} …… ${closing.quote}`,
      expected: formatQuantity(computed, unit),
      actual: shown(closing),
      relation: '年初数 + 本年新增 − 本年减少 = 年末数',
      figures: [figureOf(opening), ...added.map(figureOf), ...removed.map(figureOf), figureOf(closing)],
      arithmetic: `${terms} = ${computed} ≠ ${value(closing)}`,
    },
  ];
}

// "156件，较2023年的128件增长21.9%": (156 − 128) ÷ 128
function checkChange(rate: Fact): Finding[] {
  if (rate.change === undefined) return [];
  const { current, base, down } = rate.change;
  const b = base.quantity.normalized.value;
  if (b <= 0 || current.quantity.approximation !== undefined || base.quantity.approximation !== undefined) return [];
  const change = ((current.quantity.normalized.value - b) / b) * 100 * (down ? -1 : 1);
  const [low, high] = statedRange(rate);
  if (change >= low - EPSILON && change < high + EPSILON) return [];
  const expected = `${round(change, rate.quantity.decimals + 1)}%`;
  const cut = rate.change.word;
  if (cut !== undefined) {
    return [
      {
        kind: 'rate_mismatch',
        message: `文中写${cut}${rate.quantity.raw}，但按文中数字计算，（${base.quantity.raw} − ${current.quantity.raw}）÷ ${base.quantity.raw} ≈ ${expected}。`,
        text: rate.quote,
        expected,
        actual: rate.quantity.raw,
        relation: `${cut}比例 = （对比时限 − 实际用时）÷ 对比时限`,
        figures: [figureOf(rate), figureOf(current), figureOf(base)],
        arithmetic: `(${b} − ${current.quantity.normalized.value}) ÷ ${b} × 100% ≈ ${expected} ≠ ${rate.quantity.raw}`,
      },
    ];
  }
  const word = down ? '下降' : '增长';
  return [
    {
      kind: 'rate_mismatch',
      message: `文中写${word}${rate.quantity.raw}，但按文中数字计算，（${current.quantity.raw} − ${base.quantity.raw}）÷ ${base.quantity.raw} ≈ ${down ? '−' : ''}${expected}。`,
      text: rate.quote,
      expected,
      actual: rate.quantity.raw,
      relation: `${word}幅度 = ${down ? '（上期 − 本期）' : '（本期 − 上期）'} ÷ 上期`,
      figures: [figureOf(rate), figureOf(current), figureOf(base)],
      arithmetic: down
        ? `(${b} − ${current.quantity.normalized.value}) ÷ ${b} × 100% ≈ ${expected} ≠ ${rate.quantity.raw}`
        : `(${current.quantity.normalized.value} − ${b}) ÷ ${b} × 100% ≈ ${expected} ≠ ${rate.quantity.raw}`,
    },
  ];
}

// "168件，比上年增加26件，增长18.3%": 26 ÷ (168 − 26)
function checkChangeBy(rate: Fact): Finding[] {
  if (rate.changeBy === undefined) return [];
  const { current, diff, down } = rate.changeBy;
  if (current.quantity.approximation !== undefined || diff.quantity.approximation !== undefined) return [];
  const base = round(current.quantity.normalized.value + (down ? 1 : -1) * diff.quantity.normalized.value);
  if (base <= 0) return [];
  const change = (diff.quantity.normalized.value / base) * 100;
  const [low, high] = statedRange(rate);
  if (change >= low - EPSILON && change < high + EPSILON) return [];
  const expected = `${round(change, rate.quantity.decimals + 1)}%`;
  const word = down ? '下降' : '增长';
  const baseShown = formatQuantity(down ? round(current.quantity.value + diff.quantity.value) : round(current.quantity.value - diff.quantity.value), current.quantity.unit);
  return [
    {
      kind: 'rate_mismatch',
      message: `文中写${down ? '减少' : '增加'}${diff.quantity.raw}、${word}${rate.quantity.raw}，但上年应为${current.quantity.raw}${down ? '+' : '−'}${diff.quantity.raw}=${baseShown}，${diff.quantity.raw}÷${baseShown}≈${expected}。`,
      text: rate.quote,
      expected,
      actual: rate.quantity.raw,
      relation: `${word}幅度 = ${down ? '减少' : '增加'}数 ÷ 上期（本期${down ? '+' : '−'}${down ? '减少' : '增加'}数）`,
      figures: [figureOf(rate), figureOf(current), figureOf(diff)],
      arithmetic: `${diff.quantity.normalized.value} ÷ (${current.quantity.normalized.value} ${down ? '+' : '−'} ${diff.quantity.normalized.value}) × 100% ≈ ${expected} ≠ ${rate.quantity.raw}`,
    },
  ];
}

// "较上年的14起减少5起，下降35.7%": 5 ÷ 14, this year's figure unsaid
function checkChangeFrom(rate: Fact): Finding[] {
  if (rate.changeFrom === undefined) return [];
  const { base, diff, down } = rate.changeFrom;
  if (base.quantity.approximation !== undefined || diff.quantity.approximation !== undefined || base.quantity.normalized.value <= 0) return [];
  const change = (diff.quantity.normalized.value / base.quantity.normalized.value) * 100;
  const [low, high] = statedRange(rate);
  if (change >= low - EPSILON && change < high + EPSILON) return [];
  const expected = `${round(change, rate.quantity.decimals + 1)}%`;
  const word = down ? '下降' : '增长';
  return [
    {
      kind: 'rate_mismatch',
      message: `文中写较上年的${base.quantity.raw}${down ? '减少' : '增加'}${diff.quantity.raw}、${word}${rate.quantity.raw}，但${diff.quantity.raw}÷${base.quantity.raw}≈${expected}。`,
      text: rate.quote,
      expected,
      actual: rate.quantity.raw,
      relation: `${word}幅度 = ${down ? '减少' : '增加'}数 ÷ 上年数`,
      figures: [figureOf(rate), figureOf(base), figureOf(diff)],
      arithmetic: `${diff.quantity.normalized.value} ÷ ${base.quantity.normalized.value} × 100% ≈ ${expected} ≠ ${rate.quantity.raw}`,
    },
  ];
}

// "17件，比2024年的13件多出4件": the difference stated must be the difference of the two figures
function checkDifference(diff: Fact): Finding[] {
  if (diff.difference === undefined) return [];
  const { current, base, down } = diff.difference;
  if ([current, base, diff].some((f) => f.quantity.approximation !== undefined)) return [];
  // in the difference's own unit: "1.27亿元，上年为1.48亿元，减少2,100万元"
  const scale = diff.quantity.normalized.value / diff.quantity.value;
  const inUnit = (f: Fact) => (scale > 0 && Number.isFinite(scale) ? f.quantity.normalized.value / scale : f.quantity.value);
  const computed = round((inUnit(current) - inUnit(base)) * (down ? -1 : 1));
  if (Math.abs(computed - diff.quantity.value) < EPSILON) return [];
  const word = down ? '减少' : '增加';
  return [
    {
      kind: 'difference_mismatch',
      message: `文中写${word}${diff.quantity.raw}，但按文中数字计算，${down ? `${base.quantity.raw} − ${current.quantity.raw}` : `${current.quantity.raw} − ${base.quantity.raw}`} = ${computed}${diff.quantity.unit}。`,
      text: diff.quote,
      expected: `${computed}${diff.quantity.unit}`,
      actual: diff.quantity.raw,
      relation: `${word}数 = ${down ? '上期 − 本期' : '本期 − 上期'}`,
      figures: [figureOf(diff), figureOf(current), figureOf(base)],
      arithmetic: `${down ? `${round(inUnit(base))} − ${round(inUnit(current))}` : `${round(inUnit(current))} − ${round(inUnit(base))}`} = ${computed} ≠ ${diff.quantity.value}`,
    },
  ];
}

// 排查 ≥ 调处 ≥ 化解: a later stage of the same work cannot count more than an earlier one
function checkStages(later: Fact): Finding[] {
  const earlier = later.stageOf;
  if (earlier === undefined) return [];
  const [low] = factBounds(later);
  const [, high] = factBounds(earlier);
  if (low <= high + EPSILON) return [];
  return [
    {
      kind: 'sequence_violation',
      message: `“${nameOf(later)}”${shown(later)}多于前一环节“${nameOf(earlier)}”${shown(earlier)}，后一环节不应多于前一环节。`,
      text: earlier.quote === later.quote ? later.quote : `${earlier.quote} …… ${later.quote}`,
      expected: `不超过${shown(earlier)}`,
      actual: shown(later),
      relation: `同一项工作的环节：${earlier.stage ?? ''} ≥ ${later.stage ?? ''}`,
      figures: [figureOf(earlier), figureOf(later)],
      arithmetic: `${later.quantity.value} > ${earlier.quantity.value}`,
    },
  ];
}

// the same claim (same words, unit and period) given two values; parts, estimates, shares, changes and targets are left out
const SHARED_OUT = /平均每|[户人村场案]均|每[\u4e00-\u9fff]{1,3}(平均)?$/;

function checkConsistency(facts: readonly Fact[]): Finding[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.partOf !== undefined || f.quantity.approximation !== undefined || f.label === '') continue;
    if (f.section === 'nextYear' || f.growth || f.delta || f.label.startsWith('占') || f.label.length < 3) continue;
    // last year's figure of a stated change is told only to be compared ("较2024年的14,683件"): no claim of its own
    if (f.baseOf !== undefined) continue;
    // meetings, trainings and events are counted for many scopes under one wording ("召开专题会议3次" in two parts)
    if (ACTIVITY_UNITS.has(f.quantity.unit)) continue;
    // an average is of whatever total it shares out: "平均每个社区15.5名" of 网格员 is not "平均每个社区4名" of 法治带头人
    if (SHARED_OUT.test(wordsOf(f))) continue;
    // a share is a share of whatever the sentence is about: "其他类占23%" of complaints is not "其他类占45%" of disputes
    if (f.kind === 'rate' && (wordsOf(f) === '' || /占/.test(f.scope))) continue;
    const key = `${f.scope}|${f.quantity.normalized.unit}|${f.period}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const findings: Finding[] = [];
  for (const all of groups.values()) {
    // the same words said of several items in one sentence ("食品领域186件，罚没款112.35万元；药品领域74件，罚没款68.20万元…")
    // are figures of the items, none of them a restatement of the whole's
    const group = all.filter((f) => !all.some((g) => g !== f && sameSentence(g, f) && g.quantity.normalized.value !== f.quantity.normalized.value));
    const first = group[0];
    const other = group.find((f) => f.quantity.normalized.value !== first?.quantity.normalized.value);
    if (first === undefined || other === undefined) continue;
    // the same words in one sentence name different things ("同比增长" of two items)
    if (sameSentence(first, other)) continue;
    // a figure stated before under a shorter or longer name may be the one restated ("采纳率37.0%" of public comments,
    // then "意见采纳率仅为37.0%"), not the first under its own name ("意见采纳率96.6%" of legal reviews): which, the
    // text does not say
    if (namedAlsoOtherwise(other, group, facts)) continue;
    // two rates each stated beside counts of different things are rates of different things: the "合格率" of an
    // exam's 参考218人 is not the "合格率" of 抽查案卷30卷
    if (first.kind === 'rate' && ofOtherThings(first, other, facts)) continue;
    // two rates each computed over its own stated base are two computations, each checked by itself
    // (the first may be restated without its base — "调解成功率96.2%" in the opening — where the body gives it one)
    const based = group.filter((f) => f.quantity.normalized.value === first.quantity.normalized.value && f.denominator !== undefined);
    if (other.denominator !== undefined && based.some((f) => f.denominator !== other.denominator)) continue;
    // nor is a rate said right after a count of its own a restatement of one said after another count ("办结24件，办结率
    // 92.3%" of cases, "办结102件，办结率92.6%" of petitions), whether or not its base was found
    const counted = (f: Fact) => (f.numerator ?? ownCount(f, facts))?.quantity.normalized.value;
    const own = counted(other);
    const firsts = group.filter((f) => f.quantity.normalized.value === first.quantity.normalized.value).map(counted).filter((v) => v !== undefined);
    if (first.kind === 'rate' && own !== undefined && firsts.length > 0 && !firsts.includes(own)) continue;
    // (…nor when the first is said right after a count of another size under another name: "纠正6件，纠错率16.2%" of
    // normative documents is not "行政复议直接纠错案件24件，纠错率17.0%")
    const beside = first.kind === 'rate' && own !== undefined && firsts.length === 0 ? countRightBefore(first, facts) : undefined;
    if (beside !== undefined && beside.quantity.normalized.value !== own) continue;
    // a short name says little: "年末在册15人" of 社区矫正 and "年末在册40人" of 安置帮教 are two stocks when their
    // sentences open on different things
    // ("检出不合格29批次" of 监督抽检 and "检出不合格53批次" of 快检 likewise)
    if (first.kind === 'count' && nameOf(first).length <= 5 && opening(first, facts)?.scope !== opening(other, facts)?.scope) continue;
    findings.push(statedTwice(first, other, `“${nameOf(first)}”在报告中前后数字不一致：先写${first.quantity.raw}，后写${other.quantity.raw}。`, '同一事项（同样的说法、单位和年度）在报告中应只有一个数字'));
  }
  return findings;
}

function namedAlsoOtherwise(f: Fact, group: readonly Fact[], facts: readonly Fact[]): boolean {
  const near = (g: Fact) => g.label.length >= 2 && g.label !== f.label && (f.label.endsWith(g.label) || g.label.endsWith(f.label));
  const before = (g: Fact) => g.paragraph < f.paragraph || (g.paragraph === f.paragraph && g.quantity.start < f.quantity.start);
  return f.kind === 'rate' && facts.some((g) => g !== f && !group.includes(g) && g.kind === f.kind && g.partOf === undefined && !g.growth && before(g) && near(g));
}

/** one figure stated twice with two values: the first as expected, the second as written */
function statedTwice(first: Fact, other: Fact, message: string, relation: string): Finding {
  return {
    kind: 'inconsistent_value',
    message,
    text: first.quote === other.quote ? first.quote : `${first.quote} …… ${other.quote}`,
    expected: first.quantity.raw,
    actual: other.quantity.raw,
    relation,
    figures: [figureOf(first), figureOf(other)],
    arithmetic: `${first.quantity.raw} ≠ ${other.quantity.raw}`,
  };
}

const sameSentence = (a: Fact, b: Fact): boolean => a.paragraph === b.paragraph && a.sentence[0] === b.sentence[0];

/** the count right before a rate in its sentence, named as the rate is ("调解成功53件，调解成功率93.0%") */
function ownCount(rate: Fact, facts: readonly Fact[]): Fact | undefined {
  const stem = rate.label.replace(/率$/, '');
  const before = facts.filter((f) => f.kind === 'count' && sameSentence(f, rate) && f.quantity.start < rate.quantity.start).pop();
  return before !== undefined && before.label.length >= 2 && stem.length >= 2 && (stem.includes(before.label) || before.label.includes(stem)) ? before : undefined;
}

/** the count a rate follows with no figure between, in its own sentence ("纠正6件，纠错率16.2%") */
function countRightBefore(rate: Fact, facts: readonly Fact[]): Fact | undefined {
  const before = facts.filter((f) => sameSentence(f, rate) && f.quantity.end <= rate.quantity.start).pop();
  return before?.kind === 'count' ? before : undefined;
}

/** the first figure of a fact's sentence: what the sentence is about */
// the figure a sentence opens on, or, when the figure opens its own sentence ("……，按期办结95件"), the one its paragraph opens on
const opening = (f: Fact, facts: readonly Fact[]): Fact | undefined => {
  const first = facts.find((x) => sameSentence(x, f));
  if (first !== f) return first;
  // a sentence that opens on the figure itself ("已审结71件，其中…") speaks of the last thing the paragraph named in full
  // before it: 收到行政复议申请87件 for one "已审结", 一审行政诉讼案件64件 for another
  const named = facts.filter((x) => x.paragraph === f.paragraph && x.quantity.end <= f.quantity.start && x.kind === 'count' && x.partOf === undefined && nameOf(x).length > 4);
  return named[named.length - 1] ?? facts.find((x) => x.paragraph === f.paragraph);
};

/** the units of the counts stated in the rate's own sentence: what the rate is a rate of */
const countedBeside = (rate: Fact, facts: readonly Fact[]): Set<string> => new Set(facts.filter((f) => f.kind === 'count' && sameSentence(f, rate)).map((f) => f.quantity.normalized.unit));

function ofOtherThings(a: Fact, b: Fact, facts: readonly Fact[]): boolean {
  const [ua, ub] = [countedBeside(a, facts), countedBeside(b, facts)];
  return ua.size > 0 && ub.size > 0 && ![...ua].some((u) => ub.has(u));
}

function factBounds(f: Fact): [number, number] {
  return bounds(f.quantity.normalized.value, f.quantity.approximation);
}

function nameOf(f: Fact): string {
  // a total of two things joined, labelled as the last of them, is named by both ("行政复议案件和行政诉讼案件")
  if (f.parts.some((p) => p.label === f.label) && joinsItsParts(f)) return f.parts.map((p) => p.label).join('和');
  return f.label === '' ? '该项' : f.label;
}

function shown(f: Fact): string {
  return f.quantity.raw;
}

/** "商业企业和法律服务机构申请各1件": a figure said of each of several names counts once for each */
function each(f: Fact): number {
  if (!/各$/.test(f.label)) return 1;
  const names = f.label.replace(/各$/, '').split(/和|、|及|与/).filter((n) => n !== '');
  return Math.max(1, names.length);
}

// the sum of the parts and the total, in the total's unit as written when every part shares it
function sumOf(total: Fact, parts: readonly Fact[]): { sum: number; total: number; unit: string } {
  const sameUnit = parts.every((p) => p.quantity.unit === total.quantity.unit);
  const pick = (f: Fact) => (sameUnit ? f.quantity.value : f.quantity.normalized.value);
  return {
    sum: round(parts.reduce((s, p) => s + pick(p) * each(p), 0)),
    total: pick(total),
    unit: sameUnit ? total.quantity.unit : total.quantity.normalized.unit,
  };
}
