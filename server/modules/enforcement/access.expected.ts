type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

const READERS: readonly Role[] = ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'];

/** who may reach each custom route of the enforcement module (generated ledger and workflow routes are covered elsewhere) */
export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  'POST /api/enforcement/cases/:id/decide': ['leader', 'county_admin'],
  'GET /api/enforcement/cases/:id/documents': READERS,
  'GET /api/enforcement/cases/:id/prior-violations': READERS,
  'GET /api/enforcement/cases/:id/documents/:kind': READERS,
  'POST /api/enforcement/cases/:id/documents/:kind': ['clerk', 'reviewer', 'county_admin'],
  'GET /api/public/enforcement/decisions': 'public',
  'GET /api/public/enforcement/matters': 'public',
  'GET /api/public/enforcement/catalogs': 'public',
  'POST /api/enforcement/catalog-versions': ['reviewer', 'county_admin'],
  'GET /api/enforcement/catalog-versions': READERS,
  'GET /api/public/enforcement/draws': 'public',
  'POST /api/enforcement/draws': ['clerk', 'reviewer', 'county_admin'],
  'POST /api/enforcement/draws/:id/freeze': ['clerk', 'reviewer', 'county_admin'],
  'POST /api/enforcement/draws/:id/draw': ['clerk', 'reviewer', 'county_admin'],
  'POST /api/enforcement/draws/:id/cancel': ['clerk', 'reviewer', 'county_admin'],
  'GET /api/enforcement/draws': READERS,
  'GET /api/public/enforcement/draws/:id': 'public',
  'GET /api/enforcement/alerts/repeated-inspections': READERS,
  'GET /api/enforcement/alerts/fines-growth': READERS,
  'GET /api/public/enforcement/benchmarks': 'public',
  'POST /api/enforcement/inspections/:id/approve': ['leader', 'county_admin'],
  'POST /api/enforcement/inspections/:id/emergency': ['leader', 'county_admin'],
  'POST /api/enforcement/inspections/:id/result': ['clerk', 'reviewer', 'county_admin'],
  'GET /api/enforcement/inspections/:id/documents': READERS,
  'GET /api/enforcement/inspections/:id/signatures': READERS,
  'GET /api/enforcement/inspections/:id/standards': READERS,
  'POST /api/enforcement/inspections/:id/signatures': ['clerk', 'reviewer', 'county_admin'],
  'GET /api/enforcement/inspections/:id/documents/:kind': READERS,
  'GET /api/enforcement/inspections/overview': READERS,
  'GET /api/public/inspections/:code': 'public',
  'GET /api/public/inspection-cap': 'public',
};
