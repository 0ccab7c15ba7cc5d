import { describe, expect, it } from 'vitest';
import { checklistSummary, failedItems, formatChecklist, parseChecklist, standardItems, type ChecklistEntry } from './inspection.checklist.ts';

const entries: ChecklistEntry[] = [
  { item: '燃气报警器安装并能正常报警', verdict: '符合', note: '' },
  { item: '连接软管无老化、龟裂', verdict: '不符合', note: '软管龟裂，已当场指出' },
  { item: '液化气钢瓶存放于独立房间', verdict: '不适用', note: '' },
];

describe('inspection checklist (一表通查)', () => {
  it('formats one line per item and reads it back unchanged', () => {
    const text = formatChecklist(entries);
    expect(text).toBe('符合｜燃气报警器安装并能正常报警\n不符合｜连接软管无老化、龟裂｜软管龟裂，已当场指出\n不适用｜液化气钢瓶存放于独立房间');
    expect(parseChecklist(text)).toEqual({ entries, problems: [] });
  });
  it('keeps the separator and line breaks out of an item or a note', () => {
    const text = formatChecklist([{ item: '消防通道｜畅通', verdict: '不符合', note: '堆放杂物\n已清理' }]);
    expect(text.split('\n')).toHaveLength(1);
    expect(parseChecklist(text).entries[0]).toEqual({ item: '消防通道 畅通', verdict: '不符合', note: '堆放杂物 已清理' });
  });
  it('skips blank lines and trims each part', () => {
    expect(parseChecklist('\n  符合 ｜ 台账齐全  \n\n').entries).toEqual([{ item: '台账齐全', verdict: '符合', note: '' }]);
    expect(parseChecklist('')).toEqual({ entries: [], problems: [] });
  });
  it('names each bad line: an unknown verdict, a missing item, a failed item without a note', () => {
    const { entries: good, problems } = parseChecklist('合格｜台账齐全\n符合｜\n不符合｜软管无老化\n符合｜报警器正常');
    expect(good).toEqual([{ item: '报警器正常', verdict: '符合', note: '' }]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('第1行');
    expect(problems[0]).toContain('符合、不符合、不适用');
    expect(problems[1]).toBe('第2行缺少检查内容');
    expect(problems[2]).toBe('第3行“软管无老化”不符合，须说明发现的问题');
  });
  it('lists the failed items and sums the checklist up for the 现场检查情况', () => {
    expect(failedItems(entries).map((e) => e.item)).toEqual(['连接软管无老化、龟裂']);
    expect(checklistSummary(entries)).toBe('按检查标准逐项检查3项：符合1项，不符合1项，不适用1项。发现问题：1. 连接软管无老化、龟裂——软管龟裂，已当场指出。');
    expect(checklistSummary(entries.slice(0, 1))).toBe('按检查标准逐项检查1项：符合1项，不符合0项。未发现问题。');
    expect(checklistSummary([])).toBe('');
  });
  it('takes the items of several standards in order, without blanks or repeats', () => {
    expect(standardItems(['报警器正常\n\n软管无龟裂', ' 软管无龟裂 \n通道畅通'])).toEqual(['报警器正常', '软管无龟裂', '通道畅通']);
  });
});
