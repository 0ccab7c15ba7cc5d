import { describe, expect, it } from 'vitest';
import { activeFilterCount, exportQuery, listParam, withParams } from './ledger-query.ts';

describe('the ledger list query', () => {
  it('reads a multi-valued filter from a drill-down link', () => {
    const p = new URLSearchParams('org=999001&f.dispute_type=劳动争议,邻里纠纷');
    expect(listParam(p, 'f.dispute_type')).toEqual(['劳动争议', '邻里纠纷']);
    expect(listParam(p, 'f.source')).toEqual([]);
  });

  it('drops emptied filters and goes back to page 1 when a filter changes', () => {
    const p = new URLSearchParams('page=3&q=工资&f.outcome=调解成功');
    expect(withParams(p, { 'f.outcome': [], 'f.source': ['排查'] }).toString()).toBe(new URLSearchParams('q=工资&f.source=排查').toString());
  });

  it('keeps the page when only paging changes', () => {
    expect(withParams(new URLSearchParams('q=a'), { page: '2' }, true).get('page')).toBe('2');
  });

  it('exports every filter but not the paging', () => {
    expect(exportQuery(new URLSearchParams('page=2&pageSize=50&sort=received_on&order=asc&f.x.from=2026-01-01'))).toBe('sort=received_on&order=asc&f.x.from=2026-01-01');
  });

  it('counts filters, not paging, sorting or status', () => {
    expect(activeFilterCount(new URLSearchParams('page=2&sort=a&status=all&q=x&org=1&f.a=1&f.b.from=2026-01-01'))).toBe(4);
  });
});
