import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 报告数字审查: the county checks the figures of reports it receives */
export const reviewModule = defineWebModule({
  name: 'review',
  prefix: '/review',
  pages: [{ path: '', title: '报告数字审查', permission: 'review.use', component: lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage') }],
});
