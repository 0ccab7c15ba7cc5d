import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dutyLedger } from '../../modules/publicity/publicity.ledgers.ts';
import { advisorLedger } from '../../modules/legal-advisors/legal-advisors.ledgers.ts';
import { countedDdl, countedRefusals, namesIn, reachedColumnDdl, withNameCounts } from './counted-fields.ts';
import { templateWorkbook } from './ledger.excel.ts';
import { defineLedger } from './ledger.types.ts';
import { activityLedger } from '../../modules/publicity/publicity.ledgers.ts';

describe('counted fields', () => {
  it.each([
    ['北关村、河口村', 2],
    ['北关村，河口村;南街社区', 3],
    ['北关村\n河口村 南街社区', 3],
    ['', 0],
    [null, 0],
  ])('counts the names in %j as %i', (text, n) => {
    expect(namesIn(text)).toBe(n);
  });

  it('fills a names count from the list and refuses a typed number that differs', () => {
    expect(withNameCounts(advisorLedger, { served_units: '北关村、河口村' })['served_count']).toBe(2);
    expect(countedRefusals(advisorLedger, { served_units: '北关村、河口村', served_count: 2 }, null)).toEqual([]);
    expect(countedRefusals(advisorLedger, { served_units: '北关村、河口村', served_count: 3 }, null).map((e) => e.path)).toEqual(['served_count']);
  });

  it('refuses a typed record count unless it is the stored figure sent back', () => {
    expect(countedRefusals(dutyLedger, { done_times: 2 }, null).map((e) => e.message)).toEqual(['“已开展活动（次）”由系统按关联记录自动统计，不能手工填写或修改']);
    expect(countedRefusals(dutyLedger, { done_times: 2 }, { done_times: 2 })).toEqual([]);
    expect(countedRefusals(dutyLedger, { done_times: 3 }, { done_times: 2 }).map((e) => e.path)).toEqual(['done_times']);
    expect(countedRefusals(dutyLedger, { completed: true }, { completed: false }).map((e) => e.path)).toEqual(['completed']);
  });

  it('keeps the count by triggers on the counting ledger and completion as a generated column', () => {
    const ddl = countedDdl(dutyLedger, new Map([[activityLedger.name, activityLedger], [dutyLedger.name, dutyLedger]]));
    expect(ddl.filter((s) => s.startsWith('create or replace trigger')).map((s) => /after (\w+) on (\w+)/.exec(s)?.slice(1))).toEqual([['insert', 'publicity_activity'], ['update', 'publicity_activity'], ['delete', 'publicity_activity']]);
    expect(ddl[0]).toContain("c.duty_id = p.id and c.status = 'active'");
    expect(reachedColumnDdl(dutyLedger, dutyLedger.fields.find((f) => f.name === 'completed') ?? dutyLedger.fields[0]!)).toContain('generated always as (coalesce(done_times, 0) + coalesce(opening_times, 0) >= planned_times) stored');
  });

  it('refuses a counted declaration whose counting ledger has no ref to it', () => {
    const orphan = defineLedger({ name: 'x.parent', table: 'x_parent', label: '测试', noun: '测试', module: 'x', titleFields: ['n'], fields: [{ name: 'n', label: '次数', type: 'int', counted: { ledger: 'publicity.activity', ref: 'duty_id' } }] });
    expect(() => countedDdl(orphan, new Map([[activityLedger.name, activityLedger]]))).toThrow(/no ref duty_id to x\.parent/);
  });

  it('leaves the counted figures out of the import template', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook(dutyLedger)) as unknown as ArrayBuffer);
    const header: string[] = [];
    wb.worksheets[0]?.getRow(1).eachCell((c) => header.push(String(c.value)));
    expect(header).toContain('计划开展活动（次）*');
    expect(header).toContain('期初数（次）');
    expect(header.filter((h) => h.startsWith('已开展活动') || h.startsWith('是否完成'))).toEqual([]);
  });
});
