import { lazy } from 'react';
import { defineWebModule } from '../../platform/module.ts';

/** 法律顾问: the numbered 法律意见书 of a legality review (DOCX or PDF); its ledgers use the generic pages */
export const legalAdvisorsModule = defineWebModule({
  name: 'legal-advisors',
  prefix: '/legal-advisors',
  pages: [],
  recordPanels: {
    'advisors.review': lazy(async () => ({ default: (await import('./OpinionPanel.tsx')).OpinionPanel })),
  },
  permissionGroups: { 'legal-advisors': '法律顾问' },
});
