type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

const READ: readonly Role[] = ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'];
const EDIT: readonly Role[] = ['clerk', 'reviewer', 'leader', 'county_admin'];
const LEAD: readonly Role[] = ['leader', 'county_admin'];

export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  'GET /api/disclosure/report': READ,
  'PUT /api/disclosure/report': EDIT,
  'POST /api/disclosure/report/finalise': LEAD,
  'POST /api/disclosure/report/publish': LEAD,
  'GET /api/disclosure/report/export': READ,
  // the ledger's update permission (DEFAULT_ROLES.update)
  'POST /api/disclosure/applications/:id/reply-letter': ['clerk', 'reviewer', 'county_admin'],
  'GET /api/disclosure/applications/:id/notices/:kind': ['clerk', 'reviewer', 'county_admin'],
  'POST /api/disclosure/applications/:id/notices/:kind': ['clerk', 'reviewer', 'county_admin'],
  // the ledger's read permission: numbers and subjects only, no personal data
  'GET /api/disclosure/applications/:id/applicant-requests': READ,
  'GET /api/disclosure/applications/:id/fee-count': READ,
  // the ledger's read permission; the original text only with the personal permission
  'GET /api/disclosure/items/:id/redaction-preview': READ,
  'GET /api/public/disclosure/items': 'public',
  'GET /api/public/disclosure/items/:id': 'public',
  'GET /api/public/disclosure/reports': 'public',
  'GET /api/public/disclosure/reports/:id': 'public',
};
