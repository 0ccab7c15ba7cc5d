import { ToolOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { Suspense } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import type { RegisteredPage } from '../modules/index.ts';
import { hasPermission, useMe } from '../platform/session.ts';

export function PageSpin() {
  return (
    <div style={{ padding: '80px 0', textAlign: 'center' }}>
      <Spin description="页面加载中…" size="large">
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

const homeButton = (
  <Link to="/">
    <Button type="primary">返回工作台</Button>
  </Link>
);

export function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除，请检查地址是否正确。" extra={homeButton} />;
}

export function NoAccessPage() {
  return <Result status="403" title="无权访问" subTitle="您当前的角色无权使用该功能。如需开通，请联系安全保密管理员。" extra={homeButton} />;
}

export function UnderConstructionPage({ title }: { title: string }) {
  return <Result icon={<ToolOutlined style={{ color: '#1d4ed8' }} />} title={title} subTitle="该功能模块正在建设中，敬请期待。" extra={homeButton} />;
}

/** a registered module page: checks the permission, then loads the page's code */
export function PageGuard({ page }: { page: RegisteredPage }) {
  const { data: me } = useMe();
  if (!hasPermission(me, page.permission)) return <NoAccessPage />;
  const Page = page.component;
  return (
    <Suspense fallback={<PageSpin />}>
      <Page />
    </Suspense>
  );
}

/** no page is registered here: a nav entry of a module still being built, or a plain 404 */
export function NavFallback() {
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const clean = pathname.replace(/\/+$/, '') || '/';
  const entry = me?.nav.find((n) => n.path === clean);
  if (entry) return <UnderConstructionPage title={entry.label} />;
  return <NotFoundPage />;
}

/** an unexpected render error anywhere in a route */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="页面运行时发生错误，请刷新后重试；如果问题持续出现，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
