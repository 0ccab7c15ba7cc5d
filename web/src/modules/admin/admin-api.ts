import type { RoleView } from '../../../../common/roles.ts';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuditEntryView, OnlineSession, OrgView, UserView } from '../../../../common/admin.types.ts';
import { api } from '../../platform/api.ts';

export type { OnlineSession };
export type Org = OrgView;
export type User = UserView;
export type AuditEntry = AuditEntryView;

export interface OrgList {
  items: Org[];
  kinds: Record<string, string>;
}

export interface ImportReport {
  ok: boolean;
  total: number;
  created: number;
  errors: Array<{ row: number; field: string; message: string }>;
}

export type Role = RoleView;

export { DATA_SCOPE_LABELS, type DataScope } from '../../../../common/roles.ts';

export interface RoleList {
  items: Role[];
  /** adminOnly: a 三员 permission, never granted to another role */
  permissions: Array<{ code: string; label: string; adminOnly?: boolean }>;
}

export interface AuditQuery {
  user?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type { AuditVerifyResult as VerifyResult } from '../../../../common/admin.types.ts';

export const adminKeys = {
  orgs: ['admin', 'orgs'] as const,
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  sessions: ['admin', 'sessions'] as const,
  audit: (q: AuditQuery) => ['admin', 'audit', q] as const,
};

export const useOrgs = (): UseQueryResult<OrgList> => useQuery({ queryKey: adminKeys.orgs, queryFn: ({ signal }) => api.get<OrgList>('/api/orgs', undefined, signal) });
export const useUsers = (): UseQueryResult<{ items: User[] }> => useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => api.get<{ items: User[] }>('/api/users', undefined, signal) });
export const useRoles = (): UseQueryResult<RoleList> => useQuery({ queryKey: adminKeys.roles, queryFn: ({ signal }) => api.get<RoleList>('/api/roles', undefined, signal) });

/** 三员: the three 等保 administrator roles, which one account may never combine */
export const ADMIN_ROLE_CODES: readonly string[] = ['sysadmin', 'secadmin', 'auditor'];

// the three administrators first, then business roles from the top of the hierarchy down
const ROLE_ORDER = ['sysadmin', 'secadmin', 'auditor', 'county_admin', 'leader', 'supervisor', 'legal_reviewer', 'reviewer', 'clerk'];
const roleRank = (code: string): number => {
  const i = ROLE_ORDER.indexOf(code);
  return i === -1 ? ROLE_ORDER.length : i;
};
export const byRoleRank = (a: { code: string }, b: { code: string }): number => roleRank(a.code) - roleRank(b.code) || a.code.localeCompare(b.code);
