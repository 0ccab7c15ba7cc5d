import { defineWebModule, lazyPage } from '../../platform/module.ts';

/**
 * the generic ledger pages (台账), driven by GET /api/ledgers/:name/meta. the permission a page needs depends on the
 * ledger in its URL, so the route only asks for a signed-in user (home.view) and each page answers 403 from /meta
 */
export const ledgersModule = defineWebModule({
  name: 'ledgers',
  prefix: '/ledgers',
  pages: [
    { path: ':name', title: '台账', permission: 'home.view', component: lazyPage(() => import('./LedgerListPage.tsx'), 'LedgerListPage') },
    { path: ':name/new', title: '新增', permission: 'home.view', component: lazyPage(() => import('./LedgerFormPage.tsx'), 'LedgerNewPage') },
    { path: ':name/:id', title: '详情', permission: 'home.view', component: lazyPage(() => import('./LedgerDetailPage.tsx'), 'LedgerDetailPage') },
    { path: ':name/:id/edit', title: '编辑', permission: 'home.view', component: lazyPage(() => import('./LedgerFormPage.tsx'), 'LedgerEditPage') },
  ],
});
