import { Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { publicPages } from '../modules/index.ts';

/** the public site (政务公开): no login, outside the authenticated shell; each module declares its pages */
export const publicRoutes: RouteObject[] = publicPages.map(({ path, component: Page }) => ({
  path,
  element: (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  ),
}));
