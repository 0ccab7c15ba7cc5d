import { Flex, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { orgTreeOptions, subtreeCodes } from '../../platform/org-tree.ts';
import type { OrgRef } from '../../platform/session.ts';
import type { User } from './admin-api.ts';
import { matchesStatus, USER_STATUS_FILTERS, type UserStatusFilter } from './user-status.tsx';

export interface UserFilterValues {
  org: string | null;
  role: string | null;
  status: UserStatusFilter | null;
  keyword: string;
}

export const NO_USER_FILTERS: UserFilterValues = { org: null, role: null, status: null, keyword: '' };

export function useFilteredUsers(users: User[], orgs: OrgRef[], f: UserFilterValues): User[] {
  return useMemo(() => {
    const inOrg = f.org ? subtreeCodes(orgs, f.org) : null;
    const k = f.keyword.trim().toLowerCase();
    return users.filter(
      (u) =>
        (!inOrg || inOrg.has(u.orgCode)) &&
        (!f.role || u.roles.includes(f.role)) &&
        (!f.status || matchesStatus(u, f.status)) &&
        (!k || u.username.toLowerCase().includes(k) || u.displayName.includes(k) || (u.phone ?? '').includes(k)),
    );
  }, [users, orgs, f]);
}

/** the shared filter row of the two user lists */
export function UserFilters({ value, onChange, orgs, roles }: { value: UserFilterValues; onChange: (f: UserFilterValues) => void; orgs: OrgRef[]; roles: Array<{ value: string; label: string }> }) {
  const treeData = useMemo(() => orgTreeOptions(orgs), [orgs]);
  const set = (patch: Partial<UserFilterValues>): void => onChange({ ...value, ...patch });
  return (
    <Flex gap={12} wrap className="fz-filters" role="search" aria-label="筛选用户">
      <TreeSelect
        allowClear
        placeholder="所属单位（含下级）"
        treeData={treeData}
        treeDefaultExpandedKeys={orgs.filter((o) => !o.parentCode).map((o) => o.code)}
        showSearch={{ treeNodeFilterProp: 'title' }}
        className="fz-filter-wide"
        value={value.org}
        onChange={(v: string | null | undefined) => set({ org: v ?? null })}
      />
      <Select allowClear placeholder="角色" className="fz-filter-narrow" options={roles} value={value.role} onChange={(v: string | null | undefined) => set({ role: v ?? null })} />
      <Select allowClear placeholder="状态" className="fz-filter-narrow" options={USER_STATUS_FILTERS} value={value.status} onChange={(v: UserStatusFilter | null | undefined) => set({ status: v ?? null })} />
      <Input.Search allowClear placeholder="用户名、姓名或手机号" className="fz-filter-wide" value={value.keyword} onChange={(e) => set({ keyword: e.target.value })} />
    </Flex>
  );
}
