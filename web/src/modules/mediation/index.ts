import { lazy } from 'react';
import { defineWebModule } from '../../platform/module.ts';

/** 人民调解: the 人民调解协议书 of a mediation case, and where it stands on 司法确认 and the follow-up visit */
export const mediationModule = defineWebModule({
  name: 'mediation',
  prefix: '/mediation',
  pages: [],
  recordPanels: {
    'mediation.case': lazy(async () => ({ default: (await import('./AgreementPanel.tsx')).AgreementPanel })),
  },
  permissionGroups: { mediation: '人民调解' },
});
