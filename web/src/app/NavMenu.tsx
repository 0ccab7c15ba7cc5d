import { Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { NavItem } from '../platform/session.ts';
import { activeNavPath, groupNav } from './nav.ts';
import { groupIcon, navIcon } from './nav-icons.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** the left-hand navigation built from /api/me's nav; a one-entry group named like its entry stays flat */
export function NavMenu({ nav, collapsed = false, onNavigate }: { nav: NavItem[]; collapsed?: boolean; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const groups = useMemo(() => groupNav(nav), [nav]);
  const items = useMemo<MenuItem[]>(
    () =>
      groups.map((g): MenuItem[] => {
        const leaf = (n: NavItem): MenuItem => ({
          key: n.path,
          icon: navIcon(n.icon),
          label: (
            <Link to={n.path} onClick={onNavigate}>
              {n.label}
            </Link>
          ),
        });
        // a group named like one of its entries ("工作台") needs no heading of its own
        if (g.items.some((n) => n.label === g.name)) return g.items.map(leaf);
        return [{ key: `group:${g.name}`, icon: groupIcon(g.name, g.items[0]?.icon), label: g.name, children: g.items.map(leaf) }];
      }).flat(),
    [groups, onNavigate],
  );
  const [openKeys, setOpenKeys] = useState<string[]>(() => groups.map((g) => `group:${g.name}`));
  const selected = activeNavPath(nav, pathname);
  return (
    <nav aria-label="主导航">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
