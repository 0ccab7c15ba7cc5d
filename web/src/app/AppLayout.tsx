import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Drawer, Layout, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../platform/session.ts';
import { useIsMobile } from '../platform/use-is-mobile.ts';
import { TodoBell } from '../platform/todos.tsx';
import { breadcrumbOf } from './nav.ts';
import { NavMenu } from './NavMenu.tsx';
import { OrgSwitcher } from './OrgSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

export const PRODUCT_NAME = '法治政府建设工作平台';
const COLLAPSED_KEY = 'fz.sider.collapsed';

export function Brand({ to = '/' }: { to?: string }) {
  return (
    <Link to={to} className="fz-brand" aria-label={`${PRODUCT_NAME}首页`}>
      <span className="fz-seal" aria-hidden>
        法
      </span>
      <span>{PRODUCT_NAME}</span>
    </Link>
  );
}

export function DemoBanner() {
  return <Alert className="fz-demo-banner" type="warning" banner showIcon title="演示环境 — 数据均为虚构，请勿录入真实个人信息" role="note" data-testid="demo-banner" />;
}

/** the signed-in frame: header, demo banner, navigation (sider on desktop, drawer on a phone) and the page */
export function AppLayout() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const { pathname } = useLocation();
  // the phone menu belongs to the page it was opened on: it is open only while that page is shown, so
  // any navigation closes it. The address bar's path is taken, not the rendered one: a navigation still
  // rendering (a transition) would otherwise close a menu the user opened after it had begun
  const [drawerAt, setDrawerAt] = useState<string | null>(null);
  const drawerOpen = drawerAt === pathname;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const closeDrawer = useCallback(() => setDrawerAt(null), []);
  // a new page starts at the top
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [pathname]);
  if (!me) return null;
  const toggle = (): void => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  return (
    <Layout style={{ minHeight: '100%', ['--fz-sticky-top' as string]: me.demo ? '96px' : '56px' }}>
      <Layout.Header className="fz-header">
        {mobile ? <Button className="fz-header-icon-button" type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerAt(window.location.pathname)} /> : null}
        <Brand />
        <div className="fz-header-spacer" />
        {mobile ? null : <OrgSwitcher me={me} />}
        {me.permissions.includes('home.view') ? <TodoBell /> : null}
        <UserMenu me={me} compact={mobile} />
      </Layout.Header>
      {me.demo ? <DemoBanner /> : null}
      <Layout style={{ flex: 1 }}>
        {mobile ? (
          <Drawer
            open={drawerOpen}
            onClose={closeDrawer}
            placement="left"
            size={280}
            title="功能导航"
            styles={{ body: { padding: '8px 0' } }}
            data-testid="nav-drawer"
          >
            <div style={{ padding: '0 16px 12px' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {me.user.displayName} · {me.currentOrg?.name ?? '未设置单位'}
              </Typography.Text>
              {me.orgs.length > 1 ? (
                <div style={{ marginTop: 8 }}>
                  <OrgSwitcher me={me} block />
                </div>
              ) : null}
            </div>
            <NavMenu nav={me.nav} onNavigate={closeDrawer} />
          </Drawer>
        ) : (
          <Layout.Sider className="fz-sider" width={220} collapsedWidth={64} collapsible collapsed={collapsed} trigger={null} theme="light">
            <div className="fz-sider-inner">
              <div className="fz-sider-menu">
                <NavMenu nav={me.nav} collapsed={collapsed} />
              </div>
              <div className="fz-sider-toggle">
                <Button type="text" block icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} onClick={toggle} aria-label={collapsed ? '展开菜单' : '收起菜单'}>
                  {collapsed ? null : '收起菜单'}
                </Button>
              </div>
            </div>
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Content className="fz-content">
            {mobile ? null : <Crumbs nav={me.nav} pathname={pathname} />}
            <Outlet />
          </Layout.Content>
          <Layout.Footer className="fz-footer">{PRODUCT_NAME} · 建议使用 Chrome、Edge 或国产浏览器的极速模式访问</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

/** where the page sits in the navigation, each step a link back (desktop; a phone has its menu button) */
function Crumbs({ nav, pathname }: { nav: Parameters<typeof breadcrumbOf>[0]; pathname: string }) {
  const trail = breadcrumbOf(nav, pathname);
  if (!trail.length) return null;
  return <Breadcrumb className="fz-breadcrumb" style={{ marginBottom: 12 }} items={trail.map((c) => ({ title: c.path ? <Link to={c.path}>{c.label}</Link> : c.label }))} />;
}
