type Role = 'sysadmin' | 'secadmin' | 'auditor' | 'clerk' | 'reviewer' | 'legal_reviewer' | 'leader' | 'supervisor' | 'county_admin';

/** who may reach each custom route of the legal advisors module (generated ledger routes are covered elsewhere) */
export const EXPECTED_ACCESS: Record<string, ReadonlyArray<Role> | 'any' | 'public'> = {
  // making the 法律意见书 may number it: those who record the review
  'POST /api/advisors/reviews/:id/opinion': ['clerk', 'reviewer', 'legal_reviewer', 'county_admin'],
};
