import type { Cell, DisclosureReport, IdentityCheck, ReportSection, ReportTable, TableRow } from '../../../common/disclosure.types.ts';
import type { TableCellSpec } from '../../platform/reports/blocks.ts';
import { APPLICANT_KINDS, OUTCOME_TREE, type ApplicantKind } from './disclosure.taxonomy.ts';

// the 政府信息公开工作年度报告 in the format of 国办公开办函〔2021〕30号: six sections, three tables
// its shapes are shared with the web app (common/disclosure.types.ts)
export type { Cell, DisclosureReport, IdentityCheck, ReportSection, ReportTable, TableRow };

export interface ApplicationRecord {
  id: number;
  received_on: string;
  answered_on: string | null;
  applicant_kind: string;
  outcome: string | null;
  outcome_reason: string | null;
}

export interface ItemRecord {
  id: number;
  category: string;
  published_on: string;
}

/** a figure from another module's indicator (value and breakdown), or null when that module is not installed */
export interface ExternalFigure {
  value: number;
  link: string | null;
  breakdown: Array<{ label: string; value: number }>;
}

export interface ReportInputs {
  org: { code: string; name: string };
  year: number;
  applications: readonly ApplicationRecord[];
  items: readonly ItemRecord[];
  /** indicators of other modules by id (missing when the module is absent) */
  external: ReadonlyMap<string, ExternalFigure>;
  /** manual entries by `row:col` for the cells no ledger covers */
  manual: Readonly<Record<string, number>>;
  /** the editable narrative by section key (一 总体情况, 五 问题及改进, 六 其他); defaults when absent */
  narrative: Readonly<Record<string, string[]>>;
}

export const COLUMNS: readonly string[] = [...APPLICANT_KINDS, '总计'];
export const APP_LIST = '/ledgers/disclosure.application';

const cn = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** table 三's rows in the template's order: key, label, and the test that places an answered application in it */
export function table3RowSpecs(): Array<{ key: string; label: string; lead: TableCellSpec[]; outcome?: string; reason?: string }> {
  const RESULTS = '三、本年度办理结果';
  const outcomeRows = OUTCOME_TREE.reduce((n, o) => n + Math.max(1, o.reasons.length), 0) + 1; // + （七）总计
  const whole = (text: string): TableCellSpec[] => [{ text, colSpan: 3, align: 'left' }];
  const out: Array<{ key: string; label: string; lead: TableCellSpec[]; outcome?: string; reason?: string }> = [
    { key: 'new', label: '一、本年新收政府信息公开申请数量', lead: whole('一、本年新收政府信息公开申请数量') },
    { key: 'carried', label: '二、上年结转政府信息公开申请数量', lead: whole('二、上年结转政府信息公开申请数量') },
  ];
  OUTCOME_TREE.forEach((o, i) => {
    const name = `（${cn[i]}）${o.outcome === '部分公开' ? '部分公开（区分处理的，只计这一情形，不计其他情形）' : o.outcome}`;
    const group = `${RESULTS}${name}`;
    // the first outcome row opens the 三、本年度办理结果 cell that spans all of them
    const first: TableCellSpec[] = i === 0 ? [{ text: RESULTS, rowSpan: outcomeRows }] : [];
    if (!o.reasons.length) out.push({ key: `outcome:${o.outcome}`, label: group, lead: [...first, { text: name, colSpan: 2, align: 'left' }], outcome: o.outcome });
    else
      o.reasons.forEach((r, j) =>
        out.push({ key: `outcome:${o.outcome}:${r}`, label: `${group} ${j + 1}.${r}`, lead: [...(j === 0 ? [...first, { text: name, rowSpan: o.reasons.length }] : []), { text: `${j + 1}.${r}`, align: 'left' }], outcome: o.outcome, reason: r }),
      );
  });
  out.push({ key: 'total', label: `${RESULTS}（七）总计`, lead: [{ text: '（七）总计', colSpan: 2, align: 'left' }] }, { key: 'next', label: '四、结转下年度继续办理', lead: whole('四、结转下年度继续办理') });
  return out;
}

const idsCell = (ids: number[]): Cell => ({ value: ids.length, ids, link: ids.length ? `${APP_LIST}?ids=${ids.join(',')}` : null, source: 'records' });

/** table 三 from the applications: received this year, carried in, concluded this year by outcome, carried out */
export function buildTable3(apps: readonly ApplicationRecord[], year: number): ReportTable {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const specs = table3RowSpecs();
  const place = (a: ApplicationRecord): string[] => {
    const keys: string[] = [];
    if (a.received_on >= start && a.received_on <= end) keys.push('new');
    if (a.received_on < start && (!a.answered_on || a.answered_on >= start)) keys.push('carried');
    if (a.answered_on && a.answered_on >= start && a.answered_on <= end && a.received_on <= end) {
      const spec = specs.find((s) => s.outcome === a.outcome && (s.reason === undefined || s.reason === a.outcome_reason));
      // an outcome without its reason still has to land somewhere: under its group's last row ("其他")
      keys.push(spec?.key ?? specs.filter((s) => s.outcome === a.outcome).at(-1)?.key ?? 'outcome:其他处理:其他', 'total');
    }
    if (a.received_on <= end && (!a.answered_on || a.answered_on > end)) keys.push('next');
    return keys;
  };
  const grid = new Map<string, number[][]>(specs.map((s) => [s.key, COLUMNS.map(() => [])]));
  for (const a of apps) {
    const col = (APPLICANT_KINDS as readonly string[]).indexOf(a.applicant_kind as ApplicantKind);
    for (const k of place(a)) {
      const row = grid.get(k);
      if (!row) continue;
      if (col >= 0) row[col]?.push(a.id);
      row[COLUMNS.length - 1]?.push(a.id);
    }
  }
  return {
    key: 'table3',
    title: '三、收到和处理政府信息公开申请情况',
    header: [
      [
        { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3 },
        { text: '申请人情况', colSpan: 7 },
      ],
      [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    ],
    widths: [7, 10, 30, 7, 8, 8, 8, 8, 6, 7],
    rows: specs.map((s) => ({ key: s.key, label: s.label, lead: s.lead, cells: (grid.get(s.key) ?? []).map((ids) => idsCell([...ids].sort((x, y) => x - y))) })),
  };
}

/** a figure from another module when its indicator exists, else a manual cell naming where it should come from */
function external(inputs: ReportInputs, key: string, indicator: string | null, note: string, pick?: (f: ExternalFigure) => number): Cell {
  const f = indicator ? inputs.external.get(indicator) : undefined;
  if (f) return { value: pick ? pick(f) : f.value, link: f.link, source: 'indicator', note: `取自指标 ${indicator}` };
  const v = inputs.manual[key];
  return { value: v ?? null, source: 'manual', note: `手工填报：${note}`, key };
}

/** table 二: 规章 and 行政规范性文件; 许可, 处罚, 强制 decisions; fees, with the ledger each should come from */
export function buildTable2(inputs: ReportInputs): ReportTable {
  const e = (key: string, indicator: string | null, note: string): Cell => external(inputs, key, indicator, note);
  const section = (key: string, article: string, column: string): TableRow[] => [
    { key, label: article, lead: [{ text: article, colSpan: 4, head: true }], heading: true, cells: [] },
    { key: `${key}b`, label: '信息内容', lead: [{ text: '信息内容', head: true }, { text: column, colSpan: 3, head: true }], heading: true, cells: [] },
  ];
  const one = (key: string, label: string, cell: Cell): TableRow => ({ key, label, lead: [label], valueSpan: 3, cells: [cell] });
  return {
    key: 'table2',
    title: '二、主动公开政府信息情况',
    header: [[{ text: '第二十条第（一）项', colSpan: 4 }], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']],
    widths: [31, 23, 23, 23],
    rows: [
      { key: 'rules', label: '规章', lead: ['规章'], cells: [e('rules:0', null, '乡镇人民政府无规章制定权，填0；县级填本级政府规章'), e('rules:1', null, '规章清理台账'), e('rules:2', null, '规章清理台账')] },
      { key: 'normative', label: '行政规范性文件', lead: ['行政规范性文件'], cells: [e('normative:0', 'normdocs.issued', '行政规范性文件备案台账'), e('normative:1', 'normdocs.repealed', '行政规范性文件清理台账'), e('normative:2', 'normdocs.in_force', '现行有效行政规范性文件目录')] },
      ...section('h5', '第二十条第（五）项', '本年处理决定数量'),
      one('licence', '行政许可', e('licence:0', null, '行政许可办件台账（本平台尚无行政许可台账）')),
      ...section('h6', '第二十条第（六）项', '本年处理决定数量'),
      one('penalty', '行政处罚', e('penalty:0', 'enforcement.decisions', '行政处罚案件台账')),
      one('coercion', '行政强制', e('coercion:0', 'disclosure.coercion_decisions', '行政强制台账')),
      ...section('h8', '第二十条第（八）项', '本年收费金额（单位：万元）'),
      one('fees', '行政事业性收费', e('fees:0', null, '财政所行政事业性收费台账（单位：万元）')),
    ],
  };
}

// 国办公开办函〔2021〕30号 table 四: 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计
const UPHELD = new Set(['维持', '驳回复议请求', '驳回诉讼请求', '裁定驳回起诉']);
const CORRECTED = new Set(['撤销', '变更', '确认违法', '确认无效', '责令履行']);
const PENDING = '未填写';

function resultCells(inputs: ReportInputs, key: string, indicator: string): Cell[] {
  const f = inputs.external.get(indicator);
  if (!f) return [0, 1, 2, 3, 4].map((i) => external(inputs, `${key}:${i}`, null, '行政复议和行政应诉案件台账'));
  const sum = (test: (label: string) => boolean): number => f.breakdown.filter((b) => test(b.label)).reduce((n, b) => n + b.value, 0);
  const cell = (value: number): Cell => ({ value, link: f.link, source: 'indicator', note: `取自指标 ${indicator}` });
  return [cell(sum((l) => UPHELD.has(l))), cell(sum((l) => CORRECTED.has(l))), cell(sum((l) => !UPHELD.has(l) && !CORRECTED.has(l) && l !== PENDING)), cell(sum((l) => l === PENDING)), cell(f.value)];
}

/** table 四: reconsideration and litigation about disclosure, from the reconsideration module's indicators */
export function buildTable4(inputs: ReportInputs): ReportTable {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    key: 'table4',
    title: '四、政府信息公开行政复议、行政诉讼情况',
    header: [
      [
        { text: '行政复议', colSpan: 5 },
        { text: '行政诉讼', colSpan: 10 },
      ],
      [...five.map((text) => ({ text, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
      [...five, ...five],
    ],
    widths: Array.from({ length: 15 }, () => 1),
    rows: [{ key: 'cases', label: '', lead: [], cells: [...resultCells(inputs, 'reconsideration', 'reconsideration.disclosure_reconsiderations'), ...resultCells(inputs, 'direct', 'reconsideration.disclosure_direct_suits'), ...resultCells(inputs, 'after', 'reconsideration.disclosure_suits_after_reconsideration')] }],
  };
}

const n = (c: Cell | undefined): number => c?.value ?? 0;

/** the table's own identities; each failure names the cell */
export function checkTables(t3: ReportTable, t4: ReportTable): IdentityCheck[] {
  const checks: IdentityCheck[] = [];
  const row = (key: string): TableRow | undefined => t3.rows.find((r) => r.key === key);
  const outcomeRows = t3.rows.filter((r) => r.key.startsWith('outcome:'));
  const cols = COLUMNS.length;
  for (let c = 0; c < cols; c++) {
    const col = COLUMNS[c] ?? '';
    const total = n(row('total')?.cells[c]);
    const sum = outcomeRows.reduce((s, r) => s + n(r.cells[c]), 0);
    checks.push({ id: `table3.total.${c}`, ok: sum === total, message: sum === total ? `表三“${col}”列：办理结果各项之和等于总计（${total}）` : `表三“${col}”列“（七）总计”为${total}，但办理结果各项之和为${sum}`, cell: { row: 'total', col: c } });
    const left = n(row('new')?.cells[c]) + n(row('carried')?.cells[c]);
    const right = total + n(row('next')?.cells[c]);
    checks.push({ id: `table3.balance.${c}`, ok: left === right, message: left === right ? `表三“${col}”列：本年新收加上年结转等于办理结果总计加结转下年度（${left}）` : `表三“${col}”列：本年新收加上年结转为${left}，办理结果总计加结转下年度为${right}，“四、结转下年度继续办理”应为${left - total}`, cell: { row: 'next', col: c } });
  }
  for (const r of t3.rows) {
    const sum = r.cells.slice(0, cols - 1).reduce((s, c) => s + n(c), 0);
    const total = n(r.cells[cols - 1]);
    if (sum !== total) checks.push({ id: `table3.row.${r.key}`, ok: false, message: `表三“${r.label}”行“总计”为${total}，但各类申请人之和为${sum}`, cell: { row: r.key, col: cols - 1 } });
  }
  const cells = t4.rows[0]?.cells ?? [];
  ['行政复议', '未经复议直接起诉', '复议后起诉'].forEach((g, i) => {
    const parts = [0, 1, 2, 3].reduce((s, j) => s + n(cells[i * 5 + j]), 0);
    const total = n(cells[i * 5 + 4]);
    checks.push({ id: `table4.total.${i}`, ok: parts === total, message: parts === total ? `表四“${g}”：各项结果之和等于总计（${total}）` : `表四“${g}”“总计”为${total}，但结果维持、纠正、其他、尚未审结之和为${parts}`, cell: { row: 'cases', col: i * 5 + 4 } });
  });
  return checks;
}

const DEFAULT_NARRATIVE = (inputs: ReportInputs, t3: ReportTable): Record<string, string[]> => {
  const byCat = new Map<string, number>();
  for (const i of inputs.items) byCat.set(i.category, (byCat.get(i.category) ?? 0) + 1);
  const parts = [...byCat].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c}${k}条`).join('、');
  const newApps = n(t3.rows.find((r) => r.key === 'new')?.cells[COLUMNS.length - 1]);
  const done = n(t3.rows.find((r) => r.key === 'total')?.cells[COLUMNS.length - 1]);
  const next = n(t3.rows.find((r) => r.key === 'next')?.cells[COLUMNS.length - 1]);
  return {
    overview: [
      `${inputs.year}年，${inputs.org.name}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续加强政府信息公开工作。`,
      `（一）主动公开。全年主动公开政府信息${inputs.items.length}条${parts ? `，其中${parts}` : ''}。`,
      `（二）依申请公开。全年新收政府信息公开申请${newApps}件，办结${done}件，结转下年度继续办理${next}件。`,
      '（三）政府信息管理。严格落实公开前保密审查制度，未经审查的信息一律不予公开。',
      '（四）平台建设。依托政府网站信息公开专栏、政务新媒体和政务公开栏发布信息。',
      '（五）监督保障。将政府信息公开工作纳入年度考核，接受社会监督。',
    ],
    problems: ['（一）存在的问题：公开内容的深度和解读回应有待加强，工作人员业务能力有待提升。', '（二）改进措施：加强业务培训，规范公开流程，提高公开质量和时效。'],
    other: ['本年度未收取信息处理费。'],
  };
};

/** the report from the records: pure, so the same inputs always give the same tables and checks */
export function buildDisclosureReport(inputs: ReportInputs): DisclosureReport {
  const t2 = buildTable2(inputs);
  const t3 = buildTable3(inputs.applications, inputs.year);
  const t4 = buildTable4(inputs);
  const defaults = DEFAULT_NARRATIVE(inputs, t3);
  const text = (key: string): string[] => inputs.narrative[key] ?? defaults[key] ?? [];
  return {
    org: inputs.org,
    year: inputs.year,
    title: `${inputs.org.name}${inputs.year}年政府信息公开工作年度报告`,
    sections: [
      { key: 'overview', title: '一、总体情况', paragraphs: text('overview'), editable: true },
      { key: 'proactive', title: '二、主动公开政府信息情况', paragraphs: [], editable: false, table: t2 },
      { key: 'applications', title: '三、收到和处理政府信息公开申请情况', paragraphs: [], editable: false, table: t3 },
      { key: 'review', title: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [], editable: false, table: t4 },
      { key: 'problems', title: '五、存在的主要问题及改进情况', paragraphs: text('problems'), editable: true },
      { key: 'other', title: '六、其他需要报告的事项', paragraphs: text('other'), editable: true },
    ],
    checks: checkTables(t3, t4),
  };
}

export const NARRATIVE_KEYS = ['overview', 'problems', 'other'] as const;
