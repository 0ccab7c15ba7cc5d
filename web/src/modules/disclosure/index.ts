import { lazy } from 'react';
import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 政府信息公开: the annual disclosure report, reply letters on applications, and the public site's 政府信息公开 section */
export const disclosureModule = defineWebModule({
  name: 'disclosure',
  prefix: '/disclosure',
  pages: [{ path: 'report', title: '政府信息公开工作年度报告', permission: 'disclosure.report.read', component: lazyPage(() => import('./DisclosureReportPage.tsx'), 'DisclosureReportPage') }],
  recordPanels: {
    'disclosure.application': lazy(async () => ({ default: (await import('./ApplicationPanel.tsx')).ApplicationPanel })),
    'disclosure.item': lazy(async () => ({ default: (await import('./RedactionPanel.tsx')).RedactionPanel })),
  },
  publicPages: [
    { path: '/public/disclosure', component: lazyPage(() => import('./PublicDisclosurePage.tsx'), 'PublicDisclosurePage'), nav: { label: '政府信息公开', order: 30 } },
    { path: '/public/disclosure/items/:id', component: lazyPage(() => import('./PublicItemPage.tsx'), 'PublicItemPage') },
    { path: '/public/disclosure/reports/:id', component: lazyPage(() => import('./PublicDisclosureReportPage.tsx'), 'PublicDisclosureReportPage') },
  ],
  permissionGroups: { disclosure: '政务公开' },
  auditLabels: {
    entities: { 'disclosure.report': '政府信息公开工作年度报告' },
    actions: { finalise: '定稿', publish: '公开发布' },
  },
});
