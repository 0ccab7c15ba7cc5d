import { describe, expect, it } from 'vitest';
import { queryTerms, searchText } from './search.ts';

describe('Chinese search terms', () => {
  it('finds 劳动争议 工资 in a text about unpaid wages', () => {
    const stored = new Set(searchText(['申请人王某某与某建筑公司因拖欠工资发生劳动争议']).split(' '));
    const terms = queryTerms('劳动争议 工资');
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((t) => stored.has(t))).toBe(true);
  });
  it('does not match words that are absent', () => {
    const stored = new Set(searchText(['邻里之间因宅基地界址发生纠纷']).split(' '));
    expect(queryTerms('劳动争议').every((t) => stored.has(t))).toBe(false);
  });
  it('drops tsquery operators typed by a user', () => {
    expect(queryTerms("工资 & | ! ( ) '")).toEqual(['工资']);
  });
});
