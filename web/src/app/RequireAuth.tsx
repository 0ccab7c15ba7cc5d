import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorText, isApiError } from '../platform/api.ts';
import { useMe } from '../platform/session.ts';
import type { LoginRedirectState } from './App.tsx';

export function FullPageSpin() {
  return (
    <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

/** signed-in users only; a user who must change the initial password goes to that page first */
export function RequireAuth({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    const e = me.error;
    if (isApiError(e) && e.status === 401) {
      const state: LoginRedirectState = { reason: e.code, from: location.pathname + location.search };
      if (e.code === 'session_expired') state.message = e.detail;
      return <Navigate to="/login" replace state={state} />;
    }
    return (
      <Result
        status="error"
        title="无法加载账号信息"
        subTitle={errorText(e)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (me.data.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}
