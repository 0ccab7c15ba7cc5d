import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { NavItem } from '../../../common/platform.types.ts';
import { api } from './api.ts';

export type { NavItem };

export interface OrgRef {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface CurrentOrg extends OrgRef {
  kindLabel: string;
  path: string;
  sort: number;
  status: string;
  version: number;
}

/** GET /api/me: who is signed in, what they may do and where */
export interface Me {
  user: { id: number; username: string; displayName: string; homeOrg: string };
  roles: Array<{ code: string; name: string }>;
  permissions: string[];
  currentOrg: CurrentOrg | null;
  orgs: OrgRef[];
  mustChangePassword: boolean;
  nav: NavItem[];
  demo: boolean;
  sessionIdleMinutes: number;
}

export const ME_KEY = ['me'] as const;

export function useMe(): UseQueryResult<Me> {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => api.get<Me>('/api/me', undefined, signal), staleTime: 60_000, retry: false });
}

/** true when the user holds any of the permissions */
export function hasPermission(me: Me | undefined, permission: string | readonly string[]): boolean {
  if (!me) return false;
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return wanted.some((p) => me.permissions.includes(p));
}
