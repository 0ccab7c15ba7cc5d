import { describe, expect, it } from 'vitest';
import { libreOfficePath } from '../../platform/reports/pdf.renderer.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { renderHtml } from '../../platform/reports/html.renderer.ts';
import { layoutTable } from '../../platform/reports/blocks.ts';
import { outcomeSentence, replyLetter } from './disclosure.letter.ts';
import { buildDisclosureReport, checkTables, COLUMNS, table3RowSpecs, type ApplicationRecord, type ReportInputs } from './disclosure.report.ts';
import { tableBlock, buildDocumentSpec } from './disclosure.render.ts';

const app = (id: number, received_on: string, applicant_kind: string, answered_on: string | null = null, outcome: string | null = null, outcome_reason: string | null = null): ApplicationRecord => ({ id, received_on, answered_on, applicant_kind, outcome, outcome_reason });

const APPS: ApplicationRecord[] = [
  app(1, '2024-12-20', '自然人', '2025-01-10', '予以公开'), // carried in, answered
  app(2, '2024-12-28', '商业企业'), // carried in, still open: carried out
  app(3, '2024-11-01', '自然人', '2024-11-20', '予以公开'), // last year's business: not in the table
  app(4, '2025-03-01', '自然人', '2025-03-20', '不予公开', '属于国家秘密'),
  app(5, '2025-04-01', '法律服务机构', '2025-04-20', '无法提供', '本机关不掌握相关政府信息'),
  app(6, '2025-05-01', '自然人', '2025-05-10', '部分公开'),
  app(7, '2025-12-20', '科研机构'), // received late: carried out
  app(8, '2025-12-22', '自然人', '2026-01-08', '予以公开'), // answered next year: carried out
  app(9, '2025-06-01', '其他', '2025-06-05', '其他处理', '其他'),
];

const inputs = (over: Partial<ReportInputs> = {}): ReportInputs => ({
  org: { code: '999001001000', name: '城关镇' },
  year: 2025,
  applications: APPS,
  items: [{ id: 1, category: '通知公告', published_on: '2025-02-01' }, { id: 2, category: '工作动态', published_on: '2025-02-02' }, { id: 3, category: '工作动态', published_on: '2025-02-03' }],
  external: new Map([['reconsideration.disclosure_reconsiderations', { value: 3, link: '/x', breakdown: [{ label: '维持', value: 1 }, { label: '撤销', value: 1 }, { label: '未填写', value: 1 }] }]]),
  manual: { 'fees:0': 0 },
  narrative: {},
  ...over,
});

const cell = (r: ReturnType<typeof buildDisclosureReport>, table: string, row: string, col: number) => r.sections.find((s) => s.table?.key === table)?.table?.rows.find((x) => x.key === row)?.cells[col];
const TOTAL = COLUMNS.length - 1;

describe('table 三 (国办公开办函〔2021〕30号)', () => {
  it('has the template rows in order', () => {
    const labels = table3RowSpecs().map((s) => s.label);
    expect(labels).toHaveLength(25);
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(labels[1]).toBe('二、上年结转政府信息公开申请数量');
    expect(labels[2]).toBe('三、本年度办理结果（一）予以公开');
    expect(labels[4]).toBe('三、本年度办理结果（三）不予公开 1.属于国家秘密');
    expect(labels[11]).toBe('三、本年度办理结果（三）不予公开 8.属于行政查询事项');
    expect(labels[14]).toBe('三、本年度办理结果（四）无法提供 3.补正后申请内容仍不明确');
    expect(labels[19]).toBe('三、本年度办理结果（五）不予处理 5.要求行政机关确认或重新出具已获取信息');
    expect(labels[22]).toBe('三、本年度办理结果（六）其他处理 3.其他');
    expect(labels.slice(-2)).toEqual(['三、本年度办理结果（七）总计', '四、结转下年度继续办理']);
    expect(COLUMNS).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('counts new, carried in, outcomes and carried out, each cell with its records', () => {
    const r = buildDisclosureReport(inputs());
    expect(cell(r, 'table3', 'new', TOTAL)).toMatchObject({ value: 6, ids: [4, 5, 6, 7, 8, 9] });
    expect(cell(r, 'table3', 'carried', TOTAL)).toMatchObject({ value: 2, ids: [1, 2] });
    expect(cell(r, 'table3', 'carried', 1)).toMatchObject({ value: 1, ids: [2], link: '/ledgers/disclosure.application?ids=2' });
    expect(cell(r, 'table3', 'outcome:不予公开:属于国家秘密', 0)).toMatchObject({ value: 1, ids: [4] });
    expect(cell(r, 'table3', 'outcome:无法提供:本机关不掌握相关政府信息', 4)?.value).toBe(1);
    expect(cell(r, 'table3', 'total', TOTAL)).toMatchObject({ value: 5, ids: [1, 4, 5, 6, 9] });
    expect(cell(r, 'table3', 'next', TOTAL)).toMatchObject({ value: 3, ids: [2, 7, 8] });
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('names the wrong cell when an identity fails', () => {
    const r = buildDisclosureReport(inputs());
    const t3 = r.sections.find((s) => s.table?.key === 'table3')?.table;
    const t4 = r.sections.find((s) => s.table?.key === 'table4')?.table;
    if (!t3 || !t4) throw new Error('tables missing');
    const next = t3.rows.find((x) => x.key === 'next');
    if (next?.cells[0]) next.cells[0] = { ...next.cells[0], value: 5 };
    const failed = checkTables(t3, t4).filter((c) => !c.ok);
    expect(failed.map((c) => c.id)).toEqual(['table3.balance.0', 'table3.row.next']);
    expect(failed[0]?.cell).toEqual({ row: 'next', col: 0 });
    expect(failed[0]?.message).toContain('“自然人”列');
    expect(failed[0]?.message).toContain('“四、结转下年度继续办理”应为1');
  });
});

describe('tables 二 and 四', () => {
  it('marks the cells no ledger fills as manual, naming the source', () => {
    const r = buildDisclosureReport(inputs());
    expect(cell(r, 'table2', 'normative', 0)).toMatchObject({ value: null, source: 'manual', note: '手工填报：行政规范性文件备案台账' });
    expect(cell(r, 'table2', 'fees', 0)).toMatchObject({ value: 0, source: 'manual' });
  });

  it('reads the reconsideration indicators into 维持 / 纠正 / 其他 / 尚未审结 / 总计', () => {
    const r = buildDisclosureReport(inputs());
    const cells = r.sections.find((s) => s.table?.key === 'table4')?.table?.rows[0]?.cells.slice(0, 5).map((c) => c.value);
    expect(cells).toEqual([1, 1, 0, 1, 3]);
    expect(cell(r, 'table4', 'cases', 5)?.source).toBe('manual');
    expect(r.checks.filter((c) => c.id.startsWith('table4')).every((c) => c.ok)).toBe(true);
  });
});

describe('the document', () => {
  it('has the six sections and renders the tables with the template header', async () => {
    const r = buildDisclosureReport(inputs());
    expect(r.sections.map((s) => s.title)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(r.sections[0]?.paragraphs.join('')).toContain('全年主动公开政府信息3条，其中工作动态2条、通知公告1条');
    const t3 = tableBlock(r.sections[2]?.table ?? { key: 'table3', title: '', header: [], widths: [], rows: [] });
    expect(t3.header[2]).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(t3.rows[0]).toEqual([{ text: '一、本年新收政府信息公开申请数量', colSpan: 3, align: 'left' }, '3', '0', '1', '0', '1', '1', '6']);
    const doc = buildDocumentSpec(r, '2026-01-20');
    const docx = await renderDocx(doc);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(renderHtml(doc)).toContain('结转下年度继续办理');
  });

  it('lays table 三 out as the template: ten columns, the outcome groups merged in the label columns', () => {
    const r = buildDisclosureReport(inputs());
    const layout = layoutTable(tableBlock(r.sections[2]?.table ?? { key: 'table3', title: '', header: [], widths: [], rows: [] }));
    expect(layout.cols).toBe(10);
    // header: the corner spans 3 × 3; 申请人情况 over 7; 自然人 and 总计 over two rows; 法人或其他组织 over 5
    expect(layout.rows[0]?.cells.map((c) => [c.col, c.colSpan, c.rowSpan])).toEqual([
      [0, 3, 3],
      [3, 7, 1],
    ]);
    expect(layout.rows[1]?.cells.filter((c) => !c.covered).map((c) => [c.text, c.col, c.colSpan, c.rowSpan])).toEqual([
      ['自然人', 3, 1, 2],
      ['法人或其他组织', 4, 5, 1],
      ['总计', 9, 1, 2],
    ]);
    const body = layout.rows.slice(3);
    expect(body).toHaveLength(25);
    // 三、本年度办理结果 spans the 22 outcome rows, （三）不予公开 its 8 reasons
    expect(body[2]?.cells[0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
    expect(body[4]?.cells[1]).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
    expect(body[5]?.cells.map((c) => [c.text, c.col, c.covered]).slice(0, 3)).toEqual([
      ['', 0, true],
      ['', 1, true],
      ['2.其他法律行政法规禁止公开', 2, false],
    ]);
    for (const row of body) expect(row.cells.reduce((n, c) => n + c.colSpan, 0)).toBe(10);
    expect(body[23]?.cells[1]).toMatchObject({ text: '（七）总计', colSpan: 2 });
  });

  it('lays tables 二 and 四 out as the template', () => {
    const r = buildDisclosureReport(inputs());
    const t2 = layoutTable(tableBlock(r.sections[1]?.table ?? { key: 'table2', title: '', header: [], widths: [], rows: [] }));
    expect(t2.cols).toBe(4);
    expect(t2.rows.map((row) => row.cells.map((c) => c.colSpan))).toEqual([[4], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [4], [1, 3], [1, 3], [4], [1, 3], [1, 3], [1, 3], [4], [1, 3], [1, 3]]);
    expect(t2.rows[4]?.cells[0]).toMatchObject({ text: '第二十条第（五）项', head: true });
    const t4 = layoutTable(tableBlock(r.sections[3]?.table ?? { key: 'table4', title: '', header: [], widths: [], rows: [] }));
    expect(t4.cols).toBe(15);
    expect(t4.rows[1]?.cells.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      ['结果维持', 1, 2],
      ['结果纠正', 1, 2],
      ['其他结果', 1, 2],
      ['尚未审结', 1, 2],
      ['总计', 1, 2],
      ['未经复议直接起诉', 5, 1],
      ['复议后起诉', 5, 1],
    ]);
    expect(t4.rows[3]?.cells.map((c) => c.text).slice(0, 5)).toEqual(['1', '1', '0', '1', '3']);
  });

  it.skipIf(!libreOfficePath())('opens in LibreOffice', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'disclosure-'));
    writeFileSync(join(dir, 'r.docx'), await renderDocx(buildDocumentSpec(buildDisclosureReport(inputs()), '2026-01-20')));
    execFileSync(libreOfficePath() ?? 'soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'r.docx')], { timeout: 120_000 });
    const text = readFileSync(join(dir, 'r.txt'), 'utf8');
    expect(text).toContain('四、结转下年度继续办理');
    expect(text).toContain('法律服务机构');
  }, 150_000);
});

describe('the reply letter', () => {
  it('cites the legal basis of the outcome and carries its number', () => {
    expect(outcomeSentence('不予公开', '属于国家秘密')).toContain('第十四条');
    expect(outcomeSentence('无法提供', '本机关不掌握相关政府信息')).toContain('第三十六条第（四）项');
    expect(outcomeSentence('予以公开', null)).toContain('予以公开');
    const doc = replyLetter({ organ: '城关镇人民政府', reviewOrgan: '演示县人民政府', docNumber: '城关政信答〔2025〕3号', applicant: '张三', received_on: '2025-09-28', subject: '征地补偿方案', outcome: '不予处理', outcome_reason: '重复申请', answered_on: '2025-10-20', supplement_received_on: null, extension_approved_on: '2025-10-15', reply_note: null });
    const text = doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain('城关政信答〔2025〕3号');
    expect(text).toContain('2025年9月28日收到');
    expect(text).toContain('延长20个工作日');
    expect(text).toContain('重复申请');
    expect(text).toContain('六十日内向演示县人民政府申请行政复议');
  });
});
