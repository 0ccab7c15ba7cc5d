import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 普法与学法: the “谁执法谁普法” responsibility lists on the public site; its ledgers use the generic pages */
export const publicityModule = defineWebModule({
  name: 'publicity',
  prefix: '/publicity',
  pages: [],
  publicPages: [{ path: '/public/publicity-duties', component: lazyPage(() => import('./PublicDutiesPage.tsx'), 'PublicDutiesPage'), nav: { label: '普法责任清单', order: 35 } }],
  permissionGroups: { publicity: '普法与学法' },
});
