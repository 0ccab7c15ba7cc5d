import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 行政复议: the county's published 复议决定书 on the public site (行政复议法 art. 79); its ledgers use the generic pages */
export const reconsiderationModule = defineWebModule({
  name: 'reconsideration',
  prefix: '/reconsideration',
  pages: [],
  publicPages: [
    { path: '/public/reconsideration', component: lazyPage(() => import('./PublicDecisionsPage.tsx'), 'PublicReconsiderationPage'), nav: { label: '行政复议决定书', order: 25 } },
    { path: '/public/reconsideration/:id', component: lazyPage(() => import('./PublicDecisionPage.tsx'), 'PublicReconsiderationDecisionPage') },
  ],
  permissionGroups: { reconsideration: '复议与诉讼' },
});
