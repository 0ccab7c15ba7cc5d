import { Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../platform/module.ts';

const PublicReportsPage = lazyPage(() => import('./PublicReportsPage.tsx'), 'PublicReportsPage');
const PublicReportPage = lazyPage(() => import('./PublicReportPage.tsx'), 'PublicReportPage');

const page = (Page: React.ComponentType) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/** the public site (政务公开): no login, outside the authenticated shell */
export const publicRoutes: RouteObject[] = [
  { path: '/public', element: page(PublicReportsPage) },
  { path: '/public/reports/:id', element: page(PublicReportPage) },
];
