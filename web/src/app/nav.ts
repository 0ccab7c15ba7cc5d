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
