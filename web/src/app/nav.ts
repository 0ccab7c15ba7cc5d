import type { NavItem } from '../platform/session.ts';

export interface NavGroup {
  name: string;
  order: number;
  items: NavItem[];
}

/** nav entries grouped by `group`, groups and items sorted by `order` */
export function groupNav(nav: readonly NavItem[]): NavGroup[] {
  const groups = new Map<string, NavGroup>();
  for (const item of nav) {
    const order = item.order ?? 1000;
    const g = groups.get(item.group) ?? { name: item.group, order, items: [] };
    g.order = Math.min(g.order, order);
    g.items.push(item);
    groups.set(item.group, g);
  }
  const list = [...groups.values()].sort((a, b) => a.order - b.order);
  for (const g of list) g.items.sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000));
  return list;
}

/** the nav entry the current page belongs to: an exact match, or the longest path prefix ("/" only exactly) */
export function activeNavPath(nav: readonly NavItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { path } of nav) {
    const hit = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (hit && (!best || path.length > best.length)) best = path;
  }
  return best;
}

export interface Crumb {
  label: string;
  /** where the crumb leads; the last crumb (the page itself) and a group heading lead nowhere */
  path?: string;
}

/**
 * 面包屑: 首页 › group › entry › the page below it (新增, 详情, 编辑). Empty on the home page and on pages the
 * navigation does not know, where a trail would guess.
 */
export function breadcrumbOf(nav: readonly NavItem[], pathname: string): Crumb[] {
  const path = activeNavPath(nav, pathname);
  if (!path || path === '/') return [];
  const item = nav.find((n) => n.path === path);
  if (!item) return [];
  const trail: Crumb[] = [{ label: '首页', path: '/' }];
  if (item.group && item.group !== item.label) trail.push({ label: item.group });
  const rest = pathname.slice(path.length).split('/').filter(Boolean);
  trail.push(rest.length ? { label: item.label, path } : { label: item.label });
  if (rest[0] === 'new') trail.push({ label: '新增' });
  else if (rest[0] && /^\d+$/.test(rest[0])) {
    if (rest[1] === 'edit') trail.push({ label: '详情', path: `${path}/${rest[0]}` }, { label: '编辑' });
    else trail.push({ label: '详情' });
  }
  return trail;
}
