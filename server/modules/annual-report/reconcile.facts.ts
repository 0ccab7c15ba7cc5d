/**
 * the facts the three annual reports share, as data: each comes from one indicator, and each report prints it in a
 * declared place — the 法治 annual report where its text quotes the live field, the 政府信息公开年报 in a cell of
 * its 表二/表三/表四 (国办公开办函〔2021〕30号), the 行政执法统计年报 in a cell of the province's layout
 */
export interface FactPlaces {
  /** the live field the 法治 annual report quotes */
  annual?: { token: string };
  /** a cell of the disclosure report: its table, row key and column index, and how the place is named */
  disclosure?: { table: 'table2' | 'table3' | 'table4'; row: string; col: number; place: string };
  /** a cell of the statistics report, by the layout's row and column keys */
  stats?: { row: string; col: string };
}

export interface ReconciledFactDef {
  id: string;
  label: string;
  unit: string;
  indicator: string;
  places: FactPlaces;
}

export const RECONCILED_FACTS: readonly ReconciledFactDef[] = [
  {
    id: 'penalty_decisions',
    label: '作出行政处罚决定',
    unit: '件',
    indicator: 'enforcement.decisions',
    places: { annual: { token: 'enforcement.decisions' }, disclosure: { table: 'table2', row: 'penalty', col: 0, place: '表二 第二十条第（六）项“行政处罚”本年处理决定数量' }, stats: { row: 'penalty', col: 'count' } },
  },
  {
    id: 'coercion_decisions',
    label: '作出行政强制决定',
    unit: '件',
    indicator: 'enforcement.coercion_decisions',
    places: { annual: { token: 'enforcement.coercion_decisions' }, disclosure: { table: 'table2', row: 'coercion', col: 0, place: '表二 第二十条第（六）项“行政强制”本年处理决定数量' }, stats: { row: 'coercion', col: 'count' } },
  },
  { id: 'fines', label: '罚款金额', unit: '元', indicator: 'enforcement.fines', places: { annual: { token: 'enforcement.fines' }, stats: { row: 'penalty', col: 'amount' } } },
  { id: 'enterprise_inspections', label: '涉企行政检查', unit: '次', indicator: 'enforcement.enterprise_inspections', places: { annual: { token: 'enforcement.enterprise_inspections' }, stats: { row: 'enterprise', col: 'count' } } },
  { id: 'enterprise_inspected', label: '被检查企业', unit: '家', indicator: 'enforcement.enterprise_inspected', places: { annual: { token: 'enforcement.enterprise_inspected' }, stats: { row: 'enterprises', col: 'count' } } },
  { id: 'random_inspections', label: '“双随机”抽查检查对象', unit: '家', indicator: 'enforcement.random_inspections', places: { annual: { token: 'enforcement.random_inspections' }, stats: { row: 'inspection_random', col: 'count' } } },
  { id: 'normdocs_issued', label: '制发行政规范性文件', unit: '件', indicator: 'normdocs.issued', places: { annual: { token: 'normdocs.issued' }, disclosure: { table: 'table2', row: 'normative', col: 0, place: '表二 第二十条第（一）项“行政规范性文件”本年制发件数' } } },
  { id: 'applications_received', label: '新收政府信息公开申请', unit: '件', indicator: 'disclosure.applications_received', places: { annual: { token: 'disclosure.applications_received' }, disclosure: { table: 'table3', row: 'new', col: 6, place: '表三“一、本年新收政府信息公开申请数量”总计' } } },
  {
    id: 'disclosure_reconsiderations',
    label: '政府信息公开行政复议',
    unit: '件',
    indicator: 'reconsideration.disclosure_reconsiderations',
    places: { annual: { token: 'reconsideration.disclosure_reconsiderations' }, disclosure: { table: 'table4', row: 'cases', col: 4, place: '表四 行政复议“总计”' } },
  },
];
