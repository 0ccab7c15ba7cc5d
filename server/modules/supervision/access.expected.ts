type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

/** who may reach each custom route of the supervision module: the county supervisor alone (generated ledger routes are covered elsewhere) */
export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  'GET /api/supervision/sheets': ['supervisor'],
  'POST /api/supervision/sheets': ['supervisor'],
  'GET /api/supervision/reviews/:id': ['supervisor'],
  'POST /api/supervision/reviews/:id/commit': ['supervisor'],
  'POST /api/supervision/reviews/:id/draw': ['supervisor'],
  'PUT /api/supervision/reviews/:id/cases/:caseId/score': ['supervisor'],
  'POST /api/supervision/reviews/:id/finish': ['supervisor'],
  'GET /api/supervision/clues': ['supervisor'],
  'POST /api/supervision/clues/instrument': ['supervisor'],
  'POST /api/supervision/clues/activity': ['supervisor'],
  'GET /api/supervision/activities/:id/draw': ['supervisor'],
  'POST /api/supervision/activities/:id/commit': ['supervisor'],
  'POST /api/supervision/activities/:id/draw-units': ['supervisor'],
  // the unit served answers it: its clerk and leader read (and download) it too
  'GET /api/supervision/instruments/:id/document': ['supervisor', 'clerk', 'leader'],
};
