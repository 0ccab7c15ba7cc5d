import { createBrowserRouter, type RouteObject } from 'react-router';
import { registeredPages } from '../modules/index.ts';
import { publicRoutes } from '../public/routes.tsx';
import { AccountPage } from './AccountPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { ChangePasswordPage } from './ChangePasswordPage.tsx';
import { HomePage } from './HomePage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { NavFallback, PageGuard, RouteError } from './route-pages.tsx';
import { RequireAuth } from './RequireAuth.tsx';

const modulePages: RouteObject[] = registeredPages.map((page) => ({ path: page.fullPath, element: <PageGuard page={page} /> }));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  ...publicRoutes.map((r) => ({ ...r, errorElement: <RouteError /> })),
  {
    path: '/change-password',
    element: (
      <RequireAuth allowPasswordChange>
        <ChangePasswordPage />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      ...modulePages,
      // nav entries of modules whose pages are not built yet, and real 404s
      { path: '*', element: <NavFallback /> },
    ],
  },
]);
