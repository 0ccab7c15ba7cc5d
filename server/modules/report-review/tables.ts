import type { Fact } from './extract.ts';
import { matchForm } from './numbers.ts';
import type { Finding, FindingFigure } from './review.schema.ts';

// the statistical tables of a 政府信息公开工作年度报告 (format of 国办公开办函〔2021〕30号), read from their rows
// whatever the file: HTML cells joined by tabs, PDF rows with spaces, plain text

/** a table row: its name and the numbers of its cells, as written */
export interface TableRow {
  paragraph: number;
  /** the row as it stands in the report, for quotes */
  text: string;
  label: string;
  cells: Array<{ raw: string; value: number }>;
  /** a share the row gives after its counts, each row of its table alike: "预算执行审计  9  20.0%" */
  share?: { raw: string; value: number };
  /** when the row was joined from several lines: the line each cell stands on, for verbatim quotes */
  cellLines?: string[];
}

// (a count of thousands may be grouped: "合计  2,368")
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** the row's name and trailing numbers, or undefined when the line is prose */
export function parseRow(line: string, paragraph = 0): TableRow | undefined {
  const m = matchForm(line).trim();
  if (m === '') return undefined;
  const tokens = m.split(/[\t ]+/).filter((t) => t !== '');
  // (a share after the counts is set aside: the counts still add up down their column)
  const last = tokens[tokens.length - 1] ?? '';
  const share = /^\d+(\.\d+)?%$/.test(last) && tokens.length >= 3 && NUMBER.test(tokens[tokens.length - 2] ?? '') ? { raw: last, value: Number(last.slice(0, -1)) } : undefined;
  if (share !== undefined) tokens.pop();
  const cells: TableRow['cells'] = [];
  while (tokens.length > 0 && NUMBER.test(tokens[tokens.length - 1] ?? '')) {
    const raw = tokens.pop() ?? '';
    cells.unshift({ raw, value: Number(raw.replaceAll(',', '')) });
  }
  if (cells.length === 0) return undefined;
  const label = tokens.join('');
  // prose keeps its punctuation; a row name has none (a heading number or a bracket at most)
  const bare = label.replace(/\([^()]*\)/g, '');
  if (/[。,;!?]/.test(bare) || bare.length > 60) return undefined;
  // "第3页"-like furniture and a lone number are no rows; a named row may have one cell when tabs or spaces set it off
  if (cells.length === 1 && (label.length < 2 || !/[\t ]/.test(m) || /\d$/.test(label))) return undefined;
  if (/[年月日]$/.test(label)) return undefined;
  return { paragraph, text: line.trim(), label, cells, ...(share === undefined ? {} : { share }) };
}

export function isTableRow(line: string): boolean {
  return parseRow(line) !== undefined;
}

/** every table row of a report, a row name alone on the line before its numbers (PDF) joined to them, and a row's last
 * cells on the line after it */
export function readRows(paragraphs: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  paragraphs.forEach((p, i) => {
    // (a number alone on its line is a row's last cell when it ends a broken row)
    const lone = /^\s*\d+\s*$/.test(p) ? { paragraph: i, text: p.trim(), label: '', cells: [{ raw: p.trim(), value: Number(p.trim()) }] } : undefined;
    const row = parseRow(p, i) ?? lone;
    if (row === undefined) {
      // a group's name on a line of its own ("（三）不予公开"), its items on the lines after: a row without figures
      const name = matchForm(p).replace(/\s/g, '');
      const next = paragraphs[i + 1];
      const nextRow = next === undefined ? undefined : parseRow(next);
      if (GROUP_LINE.test(name) && nextRow !== undefined && nextRow.label !== '') rows.push({ paragraph: i, text: p.trim(), label: name, cells: [] });
      return;
    }
    const previous = paragraphs[i - 1];
    // a row of 表三 the page broke: its last cells on the next line ("一、本年新收…数量 26 3 0 0 2" / "1 32")
    const broken = rows[rows.length - 1];
    if (row.label === '' && broken !== undefined && broken.paragraph === i - 1 && ROW_NAMES.test(broken.label) && broken.cells.length + row.cells.length <= APPLICANT_COLUMNS.length) {
      const lines = broken.cellLines ?? broken.cells.map(() => broken.text);
      rows[rows.length - 1] = { ...broken, text: `${broken.text} ${row.text}`, cells: [...broken.cells, ...row.cells], cellLines: [...lines, ...row.cells.map(() => row.text)] };
      return;
    }
    if (row === lone) return;
    // a header line of several names ("结果维持 结果纠正 …") names columns, not the row below it
    if (row.label === '' && previous !== undefined && parseRow(previous) === undefined && !/\s/.test(previous.trim())) {
      const name = matchForm(previous).replace(/\s/g, '');
      const bare = name.replace(/\([^()]*\)/g, '');
      if (bare.length <= 60 && !/[。,;]/.test(bare) && ROW_NAMES.test(name)) row.label = name;
    }
    rows.push(row);
  });
  return rows;
}

const GROUP_LINE = /^[(]?[一二三四五六七][)]?(不予公开|无法提供|不予处理|其他处理)$/;
export const ROW_NAMES = /本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|结转下年|属于|本机关|没有现成|补正|信访|重复申请|公开出版物|大量反复|确认或重新出具|逾期|其他/;

// the result groups of 表三, in order; 予以公开 and 部分公开 have no sub-rows
const GROUPS: Array<{ name: string; re: RegExp; subs: boolean }> = [
  { name: '予以公开', re: /予以公开/, subs: false },
  { name: '部分公开', re: /部分公开/, subs: false },
  { name: '不予公开', re: /不予公开/, subs: true },
  { name: '无法提供', re: /无法提供/, subs: true },
  { name: '不予处理', re: /不予处理/, subs: true },
  { name: '其他处理', re: /其他处理/, subs: true },
];

const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他法人或其他组织', '总计'];
const MERGED_COLUMNS = ['自然人', '法人或其他组织', '总计'];
const APPEAL_BLOCKS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
const APPEAL_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

interface Cell {
  row: TableRow;
  column: number;
  label: string;
}

/** the identities of 表三 and 表四 of a disclosure report, and the prose against 表三; silent where a row cannot be placed */
export function checkDisclosureTables(rows: readonly TableRow[], facts: readonly Fact[] = []): Finding[] {
  return [...checkApplications(rows), ...checkAppeals(rows), ...checkProse(rows, facts)];
}

// what the prose says of the applications, and the row of 表三 whose 总计 it must equal
const PROSE_ROWS: Array<{ says: RegExp; row: RegExp; name: string; result?: boolean }> = [
  // ("结转下年度的1件系12月下旬收到的申请" is of what is carried over)
  { says: /^(?!.*结转)[^,;。]*(收到|新收|受理)[^,;。]*申请(?!.*(上年|结转))/, row: /本年新收/, name: '本年新收申请' },
  { says: /上年结转/, row: /上年结转/, name: '上年结转申请' },
  { says: /结转下(一)?年/, row: /结转下年/, name: '结转下年度继续办理' },
  { says: /(?<!未)办结|办理完毕|作出答复|办理答复|答复申请|办理结果[^,;。]*共/, row: /总计/, name: '办理结果总计' },
  // what was done with them, said alone or after the reasons it sums ("因本机关不掌握相关信息等原因无法提供9件"), is the
  // result row's 总计 — a reason without 等 names an item of it ("因本机关不掌握相关信息无法提供6件")
  ...['予以公开', '部分公开', '不予公开', '无法提供', '不予处理'].map((result, k) => ({
    says: new RegExp(`^(?:(?:全年|本年|共|其中|依法|告知|书面告知|申请人|对|均)*|因[^,;。]*等原因)${result}(的)?$`),
    // (the group's own row, not its first item on the same line: "（三）不予公开  1.属于国家秘密  0…")
    row: new RegExp(`^\\(${'一二三四五'[k]}\\)\\s*${result}(\\([^()]*\\))?$`),
    name: result,
    result: true,
  })),
];

// the part on problems tells of cases ("…由此引发行政复议1件"), not of the year's totals
const STATES_TOTALS = (fact: Fact): boolean => fact.section !== 'improvement';

function checkProse(rows: readonly TableRow[], facts: readonly Fact[]): Finding[] {
  return [...checkApplicationProse(rows, facts), ...checkAppealProse(rows, facts), ...checkDecisionProse(rows, facts), ...checkNormativeProse(rows, facts)];
}

// 表一's row of normative documents (第二十条第（一）项): 本年制发, 本年废止, 现行有效 — "制发行政规范性文件2件、废止1件，现行
// 有效行政规范性文件9件" in the prose are its three cells
const NORMATIVE_CELLS: Array<{ says: RegExp; column: string }> = [
  { says: /^(本机关|本单位|本局|我局|我镇|本镇|我乡|本乡|街道|全年|本年|本年度)*(制发|制定|印发|出台|新制发|新制定)(行政)?规范性文件$/, column: '本年制发件数' },
  { says: /^(本机关|本单位|本局|全年|本年|本年度)*(废止|宣布废止)((行政)?规范性文件)?$/, column: '本年废止件数' },
  { says: /^(本机关|本单位|本局|本镇|本乡|全年|截至\d{4}年底,?)*现行有效(的)?(行政)?规范性文件$/, column: '现行有效件数' },
];

function checkNormativeProse(rows: readonly TableRow[], facts: readonly Fact[]): Finding[] {
  const matching = rows.filter((r) => r.label === '行政规范性文件' && r.cells.length === 3);
  const [row] = matching;
  if (row === undefined || matching.length !== 1) return [];
  const findings: Finding[] = [];
  facts.forEach((fact, i) => {
    if (fact.kind !== 'count' || fact.partOf !== undefined || fact.quantity.approximation !== undefined || fact.quantity.unit !== '件' || !STATES_TOTALS(fact) || fact.baseOf !== undefined || fact.delta) return;
    const words = (fact.scope.split('|')[0] ?? '').replace(/\s/g, '');
    // "废止1件" right after "制发行政规范性文件2件、" is of the same documents
    const previous = facts[i - 1];
    const ofDocuments = /规范性文件$/.test(words) || (previous !== undefined && previous.sentence[0] === fact.sentence[0] && /规范性文件$/.test(previous.scope.split('|')[0] ?? ''));
    const k = NORMATIVE_CELLS.findIndex((c) => c.says.test(words));
    const cell = row.cells[k];
    const column = NORMATIVE_CELLS[k]?.column;
    if (!ofDocuments || cell === undefined || column === undefined || cell.value === fact.quantity.value) return;
    findings.push({
      kind: 'table_mismatch',
      message: `正文写“${words}”${fact.quantity.raw}，而表一“行政规范性文件”的${column}为${cell.raw}，两处不一致。`,
      text: `${fact.quote} …… ${row.text}`,
      expected: cell.raw,
      actual: fact.quantity.raw,
      relation: `正文所写的行政规范性文件件数应与表一“行政规范性文件”行的${column}一致`,
      figures: [
        { label: fact.label, raw: fact.quantity.raw, value: fact.quantity.value, unit: fact.quantity.unit, quote: fact.quote },
        { label: `表一行政规范性文件${column}`, raw: cell.raw, value: cell.value, unit: '件', quote: row.text },
      ],
      arithmetic: `${fact.quantity.value} ≠ ${cell.value}`,
    });
  });
  return findings;
}

// 表一's rows of decisions (第二十条第（五）（六）项): "作出行政处罚决定157件" in the prose is the row's 本年处理决定数量
const DECISION_ROWS = ['行政许可', '行政处罚', '行政强制'];

function checkDecisionProse(rows: readonly TableRow[], facts: readonly Fact[]): Finding[] {
  const findings: Finding[] = [];
  for (const name of DECISION_ROWS) {
    const matching = rows.filter((r) => r.label === name && r.cells.length === 1);
    const [row] = matching;
    const cell = row?.cells[0];
    if (row === undefined || cell === undefined || matching.length !== 1) continue;
    for (const fact of facts) {
      if (fact.kind !== 'count' || fact.partOf !== undefined || fact.quantity.approximation !== undefined || fact.quantity.unit !== '件' || !STATES_TOTALS(fact)) continue;
      const words = fact.scope.split('|')[0] ?? '';
      // the clause names this kind of decision alone, as this year's figure
      // ("涉及…、采砂行政处罚的11件", "行政处罚相关信息7件" count applications about such decisions, not the decisions)
      if (!words.includes(name) || DECISION_ROWS.some((other) => other !== name && words.includes(other)) || /上年|去年|同比|较|其中|占|涉及|关于|有关|相关|信息|的$/.test(words)) continue;
      // (…nor does an item of a list its clause opens on 涉及: "从申请内容看，涉及惠农补贴发放9件、…、农资执法和行政处罚5件")
      const at = fact.quote.indexOf(`${words}${fact.quantity.raw}`);
      if (at >= 0 && /(涉及|关于|有关|内容)[^,，;；:：。]*$/.test(fact.quote.slice(0, at))) continue;
      if (cell.value === fact.quantity.value) continue;
      findings.push({
        kind: 'table_mismatch',
        message: `正文写“${words}”${fact.quantity.raw}，而表一“${name}”的本年处理决定数量为${cell.raw}，两处不一致。`,
        text: `${fact.quote} …… ${row.text}`,
        expected: cell.raw,
        actual: fact.quantity.raw,
        relation: `正文所写的${name}决定数应与表一“${name}”行一致`,
        figures: [
          { label: fact.label, raw: fact.quantity.raw, value: fact.quantity.value, unit: fact.quantity.unit, quote: fact.quote },
          { label: `表一${name}`, raw: cell.raw, value: cell.value, unit: '件', quote: row.text },
        ],
        arithmetic: `${fact.quantity.value} ≠ ${cell.value}`,
      });
    }
  }
  return findings;
}

// "被申请行政复议1件" against 表四's 行政复议 总计; "被提起行政诉讼2件" against both 诉讼 totals
function checkAppealProse(rows: readonly TableRow[], facts: readonly Fact[]): Finding[] {
  const [row] = appealRows(rows);
  if (row === undefined) return [];
  const findings: Finding[] = [];
  for (const fact of facts) {
    if (fact.kind !== 'count' || fact.partOf !== undefined || fact.quantity.approximation !== undefined || fact.quantity.unit !== '件' || !STATES_TOTALS(fact)) continue;
    const clause = fact.context;
    const columns = /行政复议/.test(clause) && !/诉讼/.test(clause) ? [4] : /行政诉讼/.test(clause) && !/复议/.test(clause) ? [9, 14] : [];
    if (columns.length === 0 || /结果|维持|纠正|审结/.test(clause)) continue;
    const cells = columns.map((j) => row.cells[j]);
    if (cells.some((c) => c === undefined)) continue;
    const total = cells.reduce((sum, c) => sum + (c?.value ?? 0), 0);
    if (total === fact.quantity.value) continue;
    const name = columns.length === 1 ? '行政复议总计' : '行政诉讼总计（直接起诉 + 复议后起诉）';
    findings.push({
      kind: 'table_mismatch',
      message: `正文写“${clause}”${fact.quantity.raw}，而表四“${name}”为${total}，两处不一致。`,
      text: `${fact.quote} …… ${row.text}`,
      expected: String(total),
      actual: fact.quantity.raw,
      relation: `正文所写的案件数应与表四“${name}”一致`,
      figures: [
        { label: fact.label, raw: fact.quantity.raw, value: fact.quantity.value, unit: fact.quantity.unit, quote: fact.quote },
        ...columns.map((j) => ({ label: `表四第${j + 1}列`, raw: row.cells[j]?.raw ?? '', value: row.cells[j]?.value ?? 0, unit: '件', quote: row.cellLines?.[j] ?? row.text })),
      ],
      arithmetic: `${fact.quantity.value} ≠ ${columns.map((j) => row.cells[j]?.value ?? 0).join(' + ')}${columns.length > 1 ? ` = ${total}` : ''}`,
    });
  }
  return findings;
}

function checkApplicationProse(rows: readonly TableRow[], facts: readonly Fact[]): Finding[] {
  const start = rows.findIndex((r) => /本年新收/.test(r.label));
  if (start < 0) return [];
  const table = rows.slice(start);
  const findings: Finding[] = [];
  for (const fact of facts) {
    if (fact.kind !== 'count' || fact.quantity.approximation !== undefined || fact.quantity.unit !== '件' || !STATES_TOTALS(fact)) continue;
    // the clause that names the figure: from the last comma before it
    const clause = fact.context;
    // "23件新收申请中自然人提出19件": some of the applications, not all
    const target = /申请中/.test(clause) ? undefined : PROSE_ROWS.find((p) => p.says.test(clause));
    // (a result is a part of what was finished: "办结的34件中，予以公开15件…")
    if (fact.partOf !== undefined && target?.result !== true) continue;
    const row = target === undefined ? undefined : table.find((r) => target.row.test(r.label));
    const cell = row?.cells[row.cells.length - 1];
    if (target === undefined || row === undefined || cell === undefined || cell.value === fact.quantity.value) continue;
    if (/上年|去年|同比|较/.test(clause) && target.name !== '上年结转申请') continue;
    // ("受理12345热线转办的诉求1,276件，办结1,268件": what was finished is of applications only when the sentence says so)
    // (a result is said in the part on applications, or of what was finished — not of the documents an office issued,
    // "制发公文412件，其中主动公开186件、依申请公开38件、不予公开188件")
    const said = target.result === true ? (fact.section === 'onRequest' || /办结|办理结果|答复/.test(fact.quote)) && !/公文|发文|文件|公开属性/.test(fact.quote) : /申请/.test(fact.quote);
    if (!said || /热线|工单|诉求|投诉|举报/.test(fact.quote)) continue;
    findings.push({
      kind: 'table_mismatch',
      message: `正文写“${clause}”${fact.quantity.raw}，而表三“${target.name}”的总计为${cell.raw}，两处不一致。`,
      text: `${fact.quote} …… ${row.text}`,
      expected: cell.raw,
      actual: fact.quantity.raw,
      relation: `正文所写的${target.name}数应与表三“${target.name}”行的总计一致`,
      figures: [
        { label: fact.label, raw: fact.quantity.raw, value: fact.quantity.value, unit: fact.quantity.unit, quote: fact.quote },
        // (a row a PDF broke over lines is quoted by the line its 总计 stands on, as the text has it)
        { label: `${target.name}（总计）`, raw: cell.raw, value: cell.value, unit: '件', quote: row.cellLines?.[row.cells.length - 1] ?? row.text },
      ],
      arithmetic: `${fact.quantity.value} ≠ ${cell.value}`,
    });
  }
  return findings;
}

function checkApplications(rows: readonly TableRow[]): Finding[] {
  const start = rows.findIndex((r) => /本年新收/.test(r.label));
  if (start < 0) return [];
  const fresh = rows[start];
  if (fresh === undefined) return [];
  const width = fresh.cells.length;
  // the standard seven columns, or 自然人 / 法人或其他组织 / 总计 where an office merged the five kinds of 法人
  const names = width === APPLICANT_COLUMNS.length ? APPLICANT_COLUMNS : width === MERGED_COLUMNS.length ? MERGED_COLUMNS : undefined;
  const columnName = (j: number) => (names !== undefined ? names[j] ?? '' : width === 1 ? '' : `第${j + 1}列`);
  let carryIn: TableRow | undefined;
  let total: TableRow | undefined;
  let carryOut: TableRow | undefined;
  const groups = new Map<string, { own?: TableRow; subs: TableRow[] }>();
  let current: string | undefined;
  for (const row of rows.slice(start + 1)) {
    const label = row.label;
    if (/上年结转/.test(label)) carryIn = row;
    else if (/结转下年/.test(label)) {
      carryOut = row;
      break;
    } else if (/总计/.test(label) && current !== undefined) {
      total = row;
    } else {
      const group = GROUPS.find((g) => g.re.test(label));
      if (group !== undefined) {
        current = group.name;
        const entry = groups.get(current) ?? { subs: [] };
        groups.set(current, entry);
        // "（三）不予公开 1.属于国家秘密" is the group's first sub-row, "（三）不予公开" alone is the group's own
        const rest = label.slice(label.search(group.re) + (group.re.exec(label)?.[0].length ?? 0));
        if (group.subs && rest.replace(/[()（）]/g, '').length > 0) entry.subs.push(row);
        else entry.own = row;
      } else if (current !== undefined) {
        groups.get(current)?.subs.push(row);
      } else {
        // a row between 本年新收 and the results that is no known row: the table is not the standard one
        if (carryIn !== undefined) return [];
      }
    }
  }
  const usable = (r: TableRow | undefined): r is TableRow => r !== undefined && r.cells.length === width;
  const findings: Finding[] = [];
  const cell = (row: TableRow, j: number, label: string): Cell => ({ row, column: j, label });
  const rowName = (r: TableRow) => shortName(r.label);
  for (let j = 0; j < width; j++) {
    const col = columnName(j);
    const where = col === '' ? '' : `“${col}”列`;
    // each group with its own figure equals its sub-rows
    const groupCells: Cell[] = [];
    let groupsKnown = true;
    for (const g of GROUPS) {
      const entry = groups.get(g.name);
      if (entry === undefined) {
        groupsKnown = false;
        continue;
      }
      const subs = entry.subs.filter(usable);
      if (entry.own !== undefined && usable(entry.own)) {
        groupCells.push(cell(entry.own, j, rowName(entry.own)));
        if (g.subs && subs.length === entry.subs.length && subs.length > 0) {
          findings.push(...identity(
            `表三${where}：“${g.name}”等于其下各小项之和`,
            subs.map((r) => cell(r, j, rowName(r))),
            [cell(entry.own, j, rowName(entry.own))],
          ));
        }
      } else if (subs.length > 0 && subs.length === entry.subs.length) {
        groupCells.push(...subs.map((r) => cell(r, j, rowName(r))));
      } else {
        groupsKnown = false;
      }
    }
    if (usable(total) && groupsKnown) {
      findings.push(...identity(`表三${where}：办理结果“总计”等于各项办理结果之和`, groupCells, [cell(total, j, '办理结果总计')]));
    }
    if (usable(fresh) && usable(carryIn) && usable(total) && usable(carryOut)) {
      findings.push(...identity(
        `表三${where}：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理`,
        [cell(fresh, j, '本年新收申请'), cell(carryIn, j, '上年结转申请')],
        [cell(total, j, '办理结果总计'), cell(carryOut, j, '结转下年度继续办理')],
      ));
    }
  }
  // across a row: 总计 = 自然人 + the (five kinds of) 法人或其他组织
  if (names !== undefined) {
    const all = [fresh, carryIn, total, carryOut, ...[...groups.values()].flatMap((g) => [...(g.own ? [g.own] : []), ...g.subs])];
    for (const row of all) {
      if (!usable(row)) continue;
      findings.push(...identity(
        `表三“${rowName(row)}”行：总计 = 自然人 + 各类法人或其他组织`,
        row.cells.slice(0, -1).map((_, j) => cell(row, j, `${rowName(row)}（${names[j] ?? ''}）`)),
        [cell(row, width - 1, `${rowName(row)}（总计）`)],
      ));
    }
  }
  return findings;
}

// ("村级合计" under the villages, "全镇合计")
const TOTAL_ROW = /^(全年|全[镇乡县区市]|[村镇乡县区]级)?(合计|总计|共计|小计)$/;

/**
 * a statistics table in a report's text with a 合计 row under its items ("一季度 86 214 5 12.6 … 合计 418 1088 28 76.0"):
 * each column's items add up to its 合计. Only rows on consecutive lines with as many figures as the 合计 are items;
 * the column is named from the header line above them when its names can be counted
 */
export function checkTotalRows(rows: readonly TableRow[], paragraphs: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  rows.forEach((total, i) => {
    if (!TOTAL_ROW.test(shortName(total.label))) return;
    const width = total.cells.length;
    const items: TableRow[] = [];
    for (let k = i - 1; k >= 0; k--) {
      const row = rows[k];
      const below = items[0] ?? total;
      if (row === undefined || row.paragraph !== below.paragraph - 1 || row.cells.length !== width || row.label === '' || /合计|总计|小计/.test(row.label)) break;
      items.unshift(row);
    }
    const first = items[0];
    if (first === undefined || items.length < 2) return;
    const header = (paragraphs[first.paragraph - 1] ?? '').split(/\t| {2,}|\u3000{2,}/).map((c) => c.trim()).filter((c) => c !== '');
    // (a header names the share column too: "项目类型  完成个数  占比")
    const shared = width === 1 && items.every((r) => r.share !== undefined) && (total.share === undefined || total.share.value === 100);
    const names = header.length === width + 1 + (shared ? 1 : 0) ? header.slice(1, width + 1) : [];
    if (shared) findings.push(...items.flatMap((r) => shareOfTotal(r, total, names[0] ?? '')));
    for (let j = 0; j < width; j++) {
      const name = names[j] ?? (width === 1 ? '' : `第${j + 1}列`);
      const unit = /[(（]([^()（）]{1,4})[)）]\s*$/.exec(name)?.[1] ?? '';
      const where = name === '' ? '' : `“${name}”列`;
      findings.push(...identity(
        `表格${where}：各行之和 = ${shortName(total.label)}`,
        items.map((r) => ({ row: r, column: j, label: `${shortName(r.label)}${name === '' ? '' : `（${name}）`}` })),
        [{ row: total, column: j, label: `${shortName(total.label)}${name === '' ? '' : `（${name}）`}` }],
        unit,
      ));
    }
  });
  return findings;
}

// "全年受理行政许可申请362件，办结362件，…，分类情况如下（单位：件）：" and then one row a line ("营业性演出审批  238"):
// the rows, when no 合计 row closes them, add up to the figure of that unit the paragraph states last
const ROWS_BELOW = /如下\s*(?:\(\s*单位\s*:\s*([^()]{1,4})\s*\))?\s*:\s*$/;

export function checkRowsBelowTotal(rows: readonly TableRow[], paragraphs: readonly string[], facts: readonly Fact[]): Finding[] {
  const findings: Finding[] = [];
  paragraphs.forEach((paragraph, p) => {
    const unit = ROWS_BELOW.exec(matchForm(paragraph))?.[1]?.trim();
    if (unit === undefined || unit === '') return;
    const items: TableRow[] = [];
    for (const row of rows.filter((r) => r.paragraph > p)) {
      if (row.paragraph !== p + 1 + items.length || row.cells.length !== 1 || row.label === '') break;
      items.push(row);
    }
    const next = rows.find((r) => r.paragraph === p + 1 + items.length);
    if (items.length < 2 || [...items, ...(next === undefined ? [] : [next])].some((r) => /合计|总计|小计|共计/.test(r.label))) return;
    const whole = facts.filter((f) => f.paragraph === p && f.kind !== 'rate' && f.depth === 0 && !f.delta && f.baseOf === undefined && f.partOf === undefined && f.quantity.unit === unit).at(-1);
    if (whole === undefined || whole.quantity.approximation !== undefined) return;
    const values = items.map((r) => r.cells[0]?.value ?? 0);
    const sum = Math.round(values.reduce((a, v) => a + v, 0) * 1e6) / 1e6;
    if (Math.abs(sum - whole.quantity.value) < 1e-6) return;
    const name = whole.label || '总数';
    findings.push({
      kind: 'parts_sum_mismatch',
      message: `“${name}”共${whole.quantity.raw}，但其下所列各行（${items.map((r) => `${shortName(r.label)}${r.cells[0]?.raw ?? ''}${unit}`).join('、')}）合计${sum}${unit}，与总数不符。`,
      text: [whole.quote, ...items.map((r) => r.text)].join(' …… '),
      expected: `${sum}${unit}`,
      actual: whole.quantity.raw,
      relation: `其下所列各行之和应等于“${name}”`,
      figures: [
        { label: name, raw: whole.quantity.raw, value: whole.quantity.value, unit, quote: whole.quote },
        ...items.map((r) => ({ label: shortName(r.label), raw: r.cells[0]?.raw ?? '', value: r.cells[0]?.value ?? 0, unit, quote: r.text })),
      ],
      arithmetic: `${values.join(' + ')} = ${sum} ≠ ${whole.quantity.value}`,
    });
  });
  return findings;
}

const YEARS_HEADER = /(\d{4})\s*年\s+(\d{4})\s*年\s+(?:变化情况|变化|增减情况|增减|同比|比较)/;
// a row: its name (a unit in brackets may be %), the two years' figures, and the change ("增长7.9%", "增加1件",
// "提高0.7个百分点"); rows may run on in one paragraph when a PDF joined them
const COMPARED_ROW = /(\S(?:[^\d%\s]|[(（]%[)）])*?)\s+([\d,]+(?:\.\d+)?)(%?)\s+([\d,]+(?:\.\d+)?)(%?)\s+(增长|增加|提高|上升|下降|减少|降低)\s*([\d,]+(?:\.\d+)?)\s*(个百分点|%|万元|家次|人次|批次|件|名|所|份|起|家|次|个|人|项|条|元|处|场)?/g;

/**
 * a table of indicators under "指标 2024年 2025年 变化情况": each row's change is the difference of its two years, or that
 * difference over the earlier year, or in 个百分点 for rates
 */
export function checkComparisonRows(paragraphs: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  let years: [number, number] | undefined;
  for (const paragraph of paragraphs) {
    const header = YEARS_HEADER.exec(paragraph);
    if (header !== null) years = [Number(header[1]), Number(header[2])];
    if (years === undefined || years[0] === years[1]) continue;
    const rest = header === null ? paragraph : paragraph.slice(header.index + header[0].length);
    const rows = [...rest.matchAll(COMPARED_ROW)];
    if (rows.length === 0) {
      if (header === null) years = undefined;
      continue;
    }
    for (const m of rows) findings.push(...compareRow(m, years));
  }
  return findings;
}

function compareRow(m: RegExpMatchArray, years: [number, number]): Finding[] {
  const [quote, label = '', a = '', pa = '', b = '', pb = '', word = '', said = '', unit = ''] = m;
  const [first, second] = [Number(a.replaceAll(',', '')), Number(b.replaceAll(',', ''))];
  const later = years[0] < years[1];
  const [old, now] = later ? [first, second] : [second, first];
  const down = /下降|减少|降低/.test(word);
  const value = Number(said.replaceAll(',', ''));
  const decimals = said.includes('.') ? (said.split('.')[1]?.length ?? 0) : 0;
  const signed = down ? -value : value;
  const name = label.replace(/[(（][^()（）]*[)）]\s*$/, '');
  if (unit === '%' && old === 0) return [];
  const computed = unit === '%' ? ((now - old) / old) * 100 : now - old;
  const step = 10 ** -decimals;
  // a stated change stands for any that rounds or is cut to it
  if (Math.abs(computed - signed) < step / 2 + 1e-9 || (Math.sign(computed) === Math.sign(signed) && Math.abs(computed) >= value - 1e-9 && Math.abs(computed) < value + step)) return [];
  const shown = Math.round(Math.abs(computed) * 100) / 100;
  const raw = `${said}${unit}`;
  const expected = unit === '%' ? `${computed < 0 ? '下降' : '增长'}${shown}%` : `${computed < 0 ? down ? word : '减少' : down ? '增加' : word}${shown}${unit}`;
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  return [
    {
      kind: 'table_mismatch',
      message: `表中“${name}”${y0}年为${old}、${y1}年为${now}，写${word}${raw}，但按两年数字计算应为${expected}。`,
      text: quote.trim(),
      expected,
      actual: `${word}${raw}`,
      relation: `表格“${name}”行：变化 = ${y1}年 − ${y0}年${unit === '%' ? '，再除以' + y0 + '年' : ''}`,
      figures: [
        { label: `${name}（${y0}年）`, raw: later ? `${a}${pa}` : `${b}${pb}`, value: old, unit: '', quote: quote.trim() },
        { label: `${name}（${y1}年）`, raw: later ? `${b}${pb}` : `${a}${pa}`, value: now, unit: '', quote: quote.trim() },
        { label: `${name}（变化）`, raw, value, unit, quote: quote.trim() },
      ],
      arithmetic: `${unit === '%' ? `（${now} − ${old}）÷ ${old} × 100% ≈ ${computed < 0 ? '-' : ''}${shown}%` : `${now} − ${old} = ${Math.round(computed * 1e6) / 1e6}`} ≠ ${word}${raw}`,
    },
  ];
}

// 表四: one row of 15 figures; each block of five is 维持 + 纠正 + 其他 + 尚未审结 = 总计
function checkAppeals(rows: readonly TableRow[]): Finding[] {
  const findings: Finding[] = [];
  for (const row of appealRows(rows)) {
    if (row.cells.length !== 15) continue;
    APPEAL_BLOCKS.forEach((block, b) => {
      const at = (k: number) => ({ row, column: b * 5 + k, label: `${block}${APPEAL_COLUMNS[k] ?? ''}` });
      findings.push(...identity(`表四“${block}”：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计`, [0, 1, 2, 3].map(at), [at(4)]));
    });
  }
  return findings;
}

// the row of 15 figures, or two or three lines of them in a row (a PDF that breaks the wide table: three lines of five,
// or a line as wide as the page and the rest on the next): joined into one
function appealRows(rows: readonly TableRow[]): TableRow[] {
  const whole = rows.filter((r) => r.cells.length === 15);
  if (whole.length > 0) return whole;
  for (let i = 0; i + 1 < rows.length; i++) {
    const run = [3, 2].map((n) => rows.slice(i, i + n)).find((r) => r.reduce((sum, x) => sum + x.cells.length, 0) === 15);
    const adjacent = run !== undefined && run.every((r, k) => r.label === '' && r.cells.length < 15 && (k === 0 || r.paragraph === (run[k - 1]?.paragraph ?? -2) + 1));
    if (run !== undefined && adjacent) {
      return [{
        paragraph: run[0]?.paragraph ?? 0,
        text: run.map((r) => r.text).join(' …… '),
        label: '',
        cells: run.flatMap((r) => r.cells),
        cellLines: run.flatMap((r) => r.cells.map(() => r.text)),
      }];
    }
  }
  return [];
}

function identity(relation: string, left: Cell[], right: Cell[], unit = '件'): Finding[] {
  const value = (c: Cell) => c.row.cells[c.column]?.value ?? 0;
  const sum = (cs: Cell[]) => Math.round(cs.reduce((s, c) => s + value(c), 0) * 1e6) / 1e6;
  const l = sum(left);
  const r = sum(right);
  if (l === r) return [];
  const expr = (cs: Cell[]) => cs.map((c) => String(value(c))).join(' + ');
  const figures: FindingFigure[] = [...left, ...right].map((c) => ({
    label: c.label,
    raw: c.row.cells[c.column]?.raw ?? '',
    value: value(c),
    unit,
    quote: c.row.cellLines?.[c.column] ?? c.row.text,
  }));
  const rows = [...new Set(figures.map((f) => f.quote))];
  return [
    {
      kind: 'table_mismatch',
      message: `${relation}，但表中${expr(left)} = ${l}，${expr(right)} = ${r}，相差${Math.abs(l - r)}。`,
      text: rows.join(' …… '),
      expected: String(l),
      actual: String(r),
      relation,
      figures,
      arithmetic: `${expr(left)} = ${l} ≠ ${expr(right)} = ${r}`,
    },
  ];
}

/** a row's share of the 合计 row, as its count makes it, to the decimals the table shows */
function shareOfTotal(row: TableRow, total: TableRow, column: string): Finding[] {
  const [count, whole, share] = [row.cells[0], total.cells[0], row.share];
  if (count === undefined || whole === undefined || share === undefined || whole.value === 0) return [];
  const decimals = share.raw.split('.')[1]?.replace('%', '').length ?? 0;
  const computed = (count.value / whole.value) * 100;
  if (Math.abs(computed - share.value) <= 0.5 * 10 ** -decimals + 1e-9) return [];
  const name = shortName(row.label);
  const of = `${shortName(total.label)}${column === '' ? '' : `（${column}）`}`;
  return [
    {
      kind: 'rate_mismatch',
      message: `表格中“${name}”的占比写为${share.raw}，但按表中数字计算，${count.raw}÷${whole.raw}≈${computed.toFixed(2)}%。`,
      text: `${row.text} …… ${total.text}`,
      expected: `${computed.toFixed(2)}%`,
      actual: share.raw,
      relation: `表格中各行的占比 = 该行数字 ÷ ${of}`,
      figures: [
        { label: `${name}占比`, raw: share.raw, value: share.value, unit: '%', quote: row.text },
        { label: name, raw: count.raw, value: count.value, unit: '', quote: row.text },
        { label: of, raw: whole.raw, value: whole.value, unit: '', quote: total.text },
      ],
      arithmetic: `${count.raw} ÷ ${whole.raw} × 100% ≈ ${computed.toFixed(2)}% ≠ ${share.raw}`,
    },
  ];
}

// a row name without its numbering and the notes in brackets: "（二）部分公开（区分处理的…）" → "部分公开"
function shortName(label: string): string {
  const bare = label
    .replace(/^[(（]?[一二三四五六七八九十]+[)）、.]?/, '')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/^\d+[.、．]/, '');
  const sub = /\d+[.、．](.+)$/.exec(bare);
  return (sub?.[1] ?? bare).slice(0, 24);
}
