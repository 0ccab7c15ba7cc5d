type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

/** who may call each custom route of this module (generated ledger and workflow routes are covered by the platform) */
export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  'GET /api/public/decisions': 'public',
  'GET /api/public/decisions/challenge': 'public',
  'POST /api/public/decisions/:id/comments': 'public',
  'GET /api/public/decisions/:id/comments': 'public',
  'GET /api/public/normdocs': 'public',
  'GET /api/public/normdocs/drafts': 'public',
  'GET /api/public/normdocs/drafts/:id': 'public',
  'POST /api/public/normdocs/:id/comments': 'public',
  'GET /api/normdocs/filing-review': ['supervisor', 'county_admin'],
  'GET /api/decisions/:id/archive': ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
  'GET /api/decisions/:id/checklist': ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
  'GET /api/normdocs/:id/next-number': ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
  'POST /api/normdocs/:id/publish': ['clerk', 'reviewer', 'county_admin'],
  'GET /api/normdocs/cleanup/campaign': ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
  'POST /api/normdocs/cleanup/campaign': ['clerk', 'reviewer', 'county_admin'],
};
