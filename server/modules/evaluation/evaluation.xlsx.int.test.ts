import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationSystem } from '../../../common/evaluation.types.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { COLUMNS } from './evaluation.xlsx.ts';

// an indicator system as a spreadsheet: the county exports a version, fills in the full text, checks and publishes it
let t: TestApp;
const cookies = new Map<string, string>();
const as = (u: string): string => cookies.get(u) ?? '';

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['county', 'supervisor', 'clerk']) cookies.set(u, await t.login(u));
});
afterAll(async () => t.close());

const get = (u: string, url: string) => t.request(as(u), { method: 'GET', url });
const systems = async (): Promise<EvaluationSystem[]> => json<{ items: EvaluationSystem[] }>(await get('county', '/api/evaluation/systems')).items;
const upload = (u: string, mode: 'check' | 'publish', bytes: Buffer, head: Record<string, string>, filename = '指标体系.xlsx') => {
  const body = multipart([...Object.entries(head).map(([name, value]) => ({ name, value })), { name: 'file', value: bytes, filename }]);
  return t.request(as(u), { method: 'POST', url: `/api/evaluation/systems/import?mode=${mode}`, payload: body.payload, headers: body.headers });
};
interface Checked {
  rows: number;
  problems: Array<{ row: number; column: string; message: string }>;
  system: EvaluationSystem | null;
}

/** the sheet's rows as written, keyed by the header */
async function sheetRows(bytes: Buffer): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('指标');
  if (!ws) throw new Error('no sheet 指标');
  return { wb, ws };
}

describe('indicator systems in Excel', () => {
  it('exports a version and takes it back unchanged as the next version, published only when asked', async () => {
    const shifan = (await systems()).find((s) => s.key === 'shifan');
    expect(shifan).toBeDefined();
    const res = await get('county', `/api/evaluation/systems/${shifan?.id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { wb, ws } = await sheetRows(res.rawPayload);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...COLUMNS]);
    expect(ws.actualRowCount).toBe((shifan?.items.length ?? 0) + 1);
    // the platform indicators a leaf may name are listed beside
    expect(wb.getWorksheet('平台指标')?.getColumn(1).values).toContain('enforcement.major_review_rate');

    const head = { key: 'shifan', title: '市县法治政府建设示范指标体系（全文）', note: '县依法治县办按正式文本录入。' };
    const before = (await systems()).length;
    const checked = await upload('county', 'check', res.rawPayload, head);
    expect(checked.statusCode, checked.body).toBe(200);
    const c = json<Checked>(checked);
    expect(c.problems).toEqual([]);
    expect(c.rows).toBe(shifan?.items.length);
    expect(c.system?.items).toEqual(shifan?.items);
    expect(c.system?.total).toBe(shifan?.total);
    // a check publishes nothing
    expect((await systems()).length).toBe(before);

    const published = await upload('county', 'publish', res.rawPayload, head);
    expect(published.statusCode, published.body).toBe(200);
    const p = json<Checked>(published).system;
    expect(p?.key).toBe('shifan');
    expect(p?.version).toBe((shifan?.version ?? 0) + 1);
    expect(p?.title).toBe(head.title);
    expect(p?.items).toEqual(shifan?.items);
    expect((await systems()).length).toBe(before + 1);
    const audit = await t.platform.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'evaluation.system').where('entity_id', '=', String(p?.id)).execute();
    expect(audit).toEqual([{ action: 'create', entity: 'evaluation.system' }]);
  });

  it('names every bad cell by row and column, and publishes nothing while one remains', async () => {
    const tpl = await get('county', '/api/evaluation/systems/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const { wb, ws } = await sheetRows(tpl.rawPayload);
    expect(ws.actualRowCount).toBe(1);
    const fill = (n: number, values: Array<string | number>): void => values.forEach((v, i) => (ws.getRow(n).getCell(i + 1).value = v));
    fill(2, ['1', '依法全面履行政府职能', 12]);
    fill(3, ['1.1', '行政许可事项清单管理', 6, '自动计算', 'no.such_indicator', '达标', 100, '', '满分', '']);
    fill(4, ['1.2', '证明事项告知承诺制', 3, '人工评分']);
    fill(5, ['1.3', '包容审慎监管', 1, '随便评']);
    fill(6, ['2', '重大决策', '十分']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const head = { key: 'county-full', title: '县直部门和乡镇法治建设考核细则', note: '' };

    const checked = json<Checked>(await upload('county', 'check', bytes, head));
    expect(checked.system).toBeNull();
    const at = checked.problems.map((p) => `${p.row}|${p.column}`);
    expect(at).toEqual(expect.arrayContaining(['5|评分方式', '6|分值']));
    // the first pass stops at cells that cannot be read; mend them and the rules are checked
    ws.getRow(5).getCell(4).value = '人工评分';
    ws.getRow(5).getCell(10).value = '按实际情况评分，须附佐证';
    ws.getRow(6).getCell(3).value = 10;
    ws.getRow(6).getCell(4).value = '人工评分';
    ws.getRow(6).getCell(10).value = '重大决策目录公布的得满分';
    const second = json<Checked>(await upload('county', 'check', Buffer.from(await wb.xlsx.writeBuffer()), head));
    const text = second.problems.map((p) => `${p.row}|${p.column}|${p.message}`);
    expect(text).toEqual(expect.arrayContaining([expect.stringMatching(/^2\|分值\|.*合计/), expect.stringMatching(/^3\|平台指标\|.*no\.such_indicator/), expect.stringMatching(/^4\|评分标准\|/)]));
    // a blank row in the middle does not shift the rows named
    ws.spliceRows(4, 0, []);
    const shifted = json<Checked>(await upload('county', 'check', Buffer.from(await wb.xlsx.writeBuffer()), head));
    expect(shifted.problems.map((p) => `${p.row}|${p.column}`)).toEqual(expect.arrayContaining(['3|平台指标', '5|评分标准']));

    const before = (await systems()).length;
    const refused = await upload('county', 'publish', Buffer.from(await wb.xlsx.writeBuffer()), head);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('第3行“平台指标”');
    expect((await systems()).length).toBe(before);
  });

  it('refuses a file that is not a spreadsheet, a missing name, and anyone but the assessor', async () => {
    const tpl = (await get('county', '/api/evaluation/systems/template.xlsx')).rawPayload;
    const notSheet = await upload('county', 'check', Buffer.from('%PDF-1.4 not a sheet\u0000'), { key: 'x-sheet', title: '测试指标体系', note: '' }, 'a.pdf');
    expect(notSheet.statusCode).toBe(415);
    const noTitle = await upload('county', 'check', tpl, { key: 'x-sheet', title: '', note: '' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('指标体系名称');
    const badKey = await upload('county', 'check', tpl, { key: '指标', title: '测试指标体系', note: '' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.body).toContain('指标体系标识');
    // the supervisor reads and exports the systems but does not publish them; a town's clerk does neither
    const id = (await systems())[0]?.id;
    expect((await get('supervisor', `/api/evaluation/systems/${id}/export.xlsx`)).statusCode).toBe(200);
    expect((await upload('supervisor', 'check', tpl, { key: 'x-sheet', title: '测试指标体系', note: '' })).statusCode).toBe(403);
    expect((await get('supervisor', '/api/evaluation/systems/template.xlsx')).statusCode).toBe(403);
    expect((await get('clerk', `/api/evaluation/systems/${id}/export.xlsx`)).statusCode).toBe(403);
    expect((await get('county', '/api/evaluation/systems/999999/export.xlsx')).statusCode).toBe(404);
  });
});
