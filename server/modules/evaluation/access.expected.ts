type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

/** who may reach each custom route of the evaluation module: the county's 依法治县办 scores, the supervisor reads, the unit sees its own result and objects */
export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  'GET /api/evaluation/systems': ['county_admin', 'supervisor'],
  'POST /api/evaluation/systems': ['county_admin'],
  'GET /api/evaluation/systems/template.xlsx': ['county_admin'],
  'GET /api/evaluation/systems/:id/export.xlsx': ['county_admin', 'supervisor'],
  'POST /api/evaluation/systems/import': ['county_admin'],
  'GET /api/evaluation/rounds/:id': ['county_admin', 'supervisor'],
  'POST /api/evaluation/rounds/:id/compute': ['county_admin'],
  'PUT /api/evaluation/rounds/:id/scores': ['county_admin'],
  'POST /api/evaluation/rounds/:id/close': ['county_admin'],
  'POST /api/evaluation/rounds/:id/corrections': ['county_admin'],
  'GET /api/evaluation/results/:id': ['county_admin', 'supervisor', 'clerk', 'leader'],
  'POST /api/evaluation/results/:id/objection': ['clerk', 'leader'],
  'POST /api/evaluation/results/:id/reply': ['county_admin'],
  'GET /api/evaluation/tasks/progress': ['county_admin', 'supervisor', 'clerk', 'leader'],
};
