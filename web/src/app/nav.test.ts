import { describe, expect, it } from 'vitest';
import type { NavItem } from '../platform/session.ts';
import { activeNavPath, groupNav } from './nav.ts';

const item = (path: string, label: string, group: string, order?: number): NavItem => ({ path, label, group, permission: 'x', ...(order === undefined ? {} : { order }) });

describe('groupNav', () => {
  it('orders groups by their smallest entry order and entries within a group by order', () => {
    const groups = groupNav([item('/admin/users', '用户管理', '系统管理', 901), item('/', '工作台', '工作台', 0), item('/admin/orgs', '组织机构', '系统管理', 900), item('/deadlines', '到期事项', '工作台', 1)]);
    expect(groups.map((g) => g.name)).toEqual(['工作台', '系统管理']);
    expect(groups[1]?.items.map((i) => i.label)).toEqual(['组织机构', '用户管理']);
  });

  it('puts entries without an order after the ordered ones', () => {
    const groups = groupNav([item('/b', '乙', '业务'), item('/a', '甲', '业务', 5)]);
    expect(groups[0]?.items.map((i) => i.label)).toEqual(['甲', '乙']);
  });
});

describe('activeNavPath', () => {
  const nav = [item('/', '工作台', '工作台'), item('/ledgers/mediation.case', '矛盾纠纷调解', '人民调解'), item('/admin/users', '用户管理', '系统管理')];

  it('matches the home entry only on "/"', () => {
    expect(activeNavPath(nav, '/')).toBe('/');
    expect(activeNavPath(nav, '/account')).toBeUndefined();
  });

  it('keeps the entry selected on the pages below it', () => {
    expect(activeNavPath(nav, '/ledgers/mediation.case/42')).toBe('/ledgers/mediation.case');
    expect(activeNavPath(nav, '/admin/users-archive')).toBeUndefined();
  });
});

describe('breadcrumbOf', () => {
  const nav = [item('/', '工作台', '工作台'), item('/ledgers/mediation.case', '矛盾纠纷调解', '人民调解'), item('/deadlines', '到期事项', '工作台')];

  it('names the group, the entry and the page below it, each leading where it should', async () => {
    const { breadcrumbOf } = await import('./nav.ts');
    expect(breadcrumbOf(nav, '/ledgers/mediation.case')).toEqual([{ label: '首页', path: '/' }, { label: '人民调解' }, { label: '矛盾纠纷调解' }]);
    expect(breadcrumbOf(nav, '/ledgers/mediation.case/new').map((c) => c.label)).toEqual(['首页', '人民调解', '矛盾纠纷调解', '新增']);
    expect(breadcrumbOf(nav, '/ledgers/mediation.case/42/edit')).toEqual([
      { label: '首页', path: '/' },
      { label: '人民调解' },
      { label: '矛盾纠纷调解', path: '/ledgers/mediation.case' },
      { label: '详情', path: '/ledgers/mediation.case/42' },
      { label: '编辑' },
    ]);
  });

  it('says nothing on the home page or a page the navigation does not know', async () => {
    const { breadcrumbOf } = await import('./nav.ts');
    expect(breadcrumbOf(nav, '/')).toEqual([]);
    expect(breadcrumbOf(nav, '/account')).toEqual([]);
  });
});
