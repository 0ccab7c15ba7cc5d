import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { User } from './admin-api.ts';

export type UserStatusFilter = 'active' | 'disabled' | 'locked' | 'mustChange';

export const USER_STATUS_FILTERS: Array<{ value: UserStatusFilter; label: string }> = [
  { value: 'active', label: '启用' },
  { value: 'disabled', label: '停用' },
  { value: 'locked', label: '已锁定' },
  { value: 'mustChange', label: '待修改密码' },
];

export function matchesStatus(u: User, f: UserStatusFilter): boolean {
  switch (f) {
    case 'active':
      return u.status === 'active';
    case 'disabled':
      return u.status !== 'active';
    case 'locked':
      return u.locked;
    case 'mustChange':
      return u.mustChangePassword;
  }
}

export function StatusTags({ user }: { user: User }) {
  return (
    <>
      {user.status === 'active' ? <Tag color="green">启用</Tag> : <Tag color="default">停用</Tag>}
      {user.locked ? <Tag color="red">已锁定</Tag> : null}
      {user.mustChangePassword ? <Tag color="orange">待修改密码</Tag> : null}
    </>
  );
}

/** the columns that say who an account is, shared by the two user lists */
export const userIdentityColumns: ColumnsType<User> = [
  { title: '用户名', dataIndex: 'username' },
  { title: '姓名', dataIndex: 'displayName' },
  { title: '所属单位', dataIndex: 'orgName' },
];
