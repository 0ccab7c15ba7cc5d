/** built-in roles; the three 等保 administrator roles are kept apart and see no business data by default */
export const ROLE_CODES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'clerk',
  'reviewer',
  'legal_reviewer',
  'leader',
  'supervisor',
  'county_admin',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const ADMIN_ROLES: readonly RoleCode[] = ['sysadmin', 'secadmin', 'auditor'];
export const BUSINESS_ROLES: readonly RoleCode[] = ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'];

export const ROLE_LABELS: Record<RoleCode, { name: string; description: string }> = {
  sysadmin: { name: '系统管理员', description: '管理账号、组织机构与系统配置，不查看业务数据' },
  secadmin: { name: '安全保密管理员', description: '管理角色与权限分配，不查看业务数据' },
  auditor: { name: '安全审计员', description: '查阅和核验审计日志，不查看业务数据' },
  clerk: { name: '填报员', description: '登记和维护本单位台账' },
  reviewer: { name: '审核员', description: '审核本单位台账与报告' },
  legal_reviewer: { name: '法制审核员', description: '开展法制审核、合法性审查' },
  leader: { name: '单位负责人', description: '查看本单位全部工作，签发与提交报告' },
  supervisor: { name: '执法监督员', description: '监督执法、评查案卷，只读业务数据' },
  county_admin: { name: '县级管理员', description: '统筹全县（区）各乡镇、部门的法治工作' },
};

export interface PermissionDef {
  code: string;
  label: string;
  /** built-in roles that hold it by default; the 安全保密管理员 can change this later */
  roles: readonly RoleCode[];
}

export const platformPermissions: PermissionDef[] = [
  { code: 'home.view', label: '查看工作台', roles: BUSINESS_ROLES },
  { code: 'org.read', label: '查看组织机构', roles: ['sysadmin', ...BUSINESS_ROLES] },
  { code: 'org.manage', label: '管理组织机构', roles: ['sysadmin'] },
  { code: 'user.manage', label: '管理用户账号', roles: ['sysadmin'] },
  { code: 'session.manage', label: '管理在线会话（强制下线）', roles: ['sysadmin'] },
  { code: 'config.manage', label: '管理系统配置', roles: ['sysadmin'] },
  { code: 'role.manage', label: '管理角色与权限', roles: ['secadmin'] },
  { code: 'audit.read', label: '查阅审计日志', roles: ['auditor'] },
];

/** 三员: 系统管理员, 安全保密管理员, 安全审计员 (GB/T 22239 level 3) */
export const isSanyuanRole = (code: string): boolean => (ADMIN_ROLES as readonly string[]).includes(code);

/** permissions that only a 三员 role may hold: those whose default holders are all 三员 roles */
export function adminOnlyPermissions(catalog: readonly PermissionDef[]): Set<string> {
  return new Set(catalog.filter((p) => p.roles.length > 0 && p.roles.every((r) => isSanyuanRole(r))).map((p) => p.code));
}

/** the fixed permission set of a 三员 role: what the catalog gives it by default, which no one may change */
export function sanyuanPermissions(catalog: readonly PermissionDef[], role: string): string[] {
  return [...new Set(catalog.filter((p) => (p.roles as readonly string[]).includes(role)).map((p) => p.code))].sort();
}
