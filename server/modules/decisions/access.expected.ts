type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

/** who may call each custom route of this module (generated ledger and workflow routes are covered by the platform) */
export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  'GET /api/public/decisions': 'public',
  'GET /api/public/decisions/challenge': 'public',
  'POST /api/public/decisions/:id/comments': 'public',
  'GET /api/public/decisions/:id/comments': 'public',
  'GET /api/decisions/:id/archive': ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
};
