import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { isApiError, onAuthProblem } from '../platform/api.ts';
import { ME_KEY } from '../platform/session.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a refusal (4xx) will not change by asking again; network blips and 5xx get one more try
      retry: (count, error) => count < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

export interface LoginRedirectState {
  reason?: string;
  message?: string;
  from?: string;
}

/** routes session problems reported by any request to the login or change-password page */
function AuthProblemBridge() {
  useEffect(() => {
    onAuthProblem((error) => {
      const here = router.state.location.pathname;
      if (error.code === 'password_change_required') {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        if (here !== '/change-password') void router.navigate('/change-password', { replace: true });
        return;
      }
      if (here === '/login') return;
      const state: LoginRedirectState = { reason: error.code, from: here + router.state.location.search };
      if (error.code === 'session_expired') state.message = error.detail;
      void router.navigate('/login', { replace: true, state }).then(() => queryClient.clear());
    });
    return () => onAuthProblem(null);
  }, []);
  return null;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp component={false}>
        <QueryClientProvider client={queryClient}>
          <AuthProblemBridge />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
