import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Space, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { FormModal } from '../../platform/FormModal.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { orgTreeOptions } from '../../platform/org-tree.ts';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe, type OrgRef } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { ADMIN_ROLE_CODES, adminKeys, useRoles, useUsers, type User } from './admin-api.ts';
import { NO_USER_FILTERS, UserFilters, useFilteredUsers, type UserFilterValues } from './user-filters.tsx';
import { StatusTags, userIdentityColumns } from './user-status.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

// 三员 accounts are changed only on the server (fazhi user reset-password), so no administrator can take over another
const isSanyuan = (u: User): boolean => u.roles.some((r) => ADMIN_ROLE_CODES.includes(r));
const SANYUAN_HINT = '三员账号不能在此修改或重置密码，须由服务器管理人员执行 fazhi user reset-password';

/** the administrator chooses the password and tells the user in person; the system never shows it back */
const PASSWORD_RULES = [{ required: true, message: '请输入密码' }, { max: 128, message: '不能超过128个字符' }];

/** 用户管理 (系统管理员): accounts, their organisation and status; roles are assigned by the 安全保密管理员 */
export function UsersPage() {
  const users = useUsers();
  const roles = useRoles();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<UserFilterValues>(NO_USER_FILTERS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const orgs = me?.orgs ?? [];
  const rows = useFilteredUsers(users.data?.items ?? [], orgs, filters);
  const roleOptions = (roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }));

  if (users.isError) return <LoadFailed error={users.error} onRetry={() => void users.refetch()} />;

  const unlock = async (u: User): Promise<void> => {
    try {
      await api.post(`/api/users/${u.id}/unlock`);
      void message.success(`已解除锁定：${u.displayName}`);
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const columns: ColumnsType<User> = [
    ...userIdentityColumns,
    {
      title: '角色',
      dataIndex: 'roleNames',
      render: (names: string[]) => (names.length ? names.map((n) => <Tag key={n}>{n}</Tag>) : <Typography.Text type="secondary">未分配</Typography.Text>),
    },
    { title: '手机号', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 'status', render: (_, u) => <StatusTags user={u} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatDateTime(v) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Tooltip title={isSanyuan(u) ? SANYUAN_HINT : undefined}>
            <Button type="link" size="small" icon={<EditOutlined />} disabled={isSanyuan(u)} onClick={() => setDialog({ kind: 'edit', user: u })}>
              编辑
            </Button>
          </Tooltip>
          <Tooltip title={isSanyuan(u) ? SANYUAN_HINT : undefined}>
            <Button type="link" size="small" icon={<KeyOutlined />} disabled={isSanyuan(u)} onClick={() => setDialog({ kind: 'reset', user: u })}>
              重置密码
            </Button>
          </Tooltip>
          {u.locked ? (
            <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => void unlock(u)}>
              解锁
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        description="新建和维护本级及下级单位的用户账号。角色由安全保密管理员在“角色分配”中授予。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新建用户
          </Button>
        }
      />
      <Card>
        <UserFilters value={filters} onChange={setFilters} orgs={orgs} roles={roleOptions} />
        <DataTable<User> rowKey="id" loading={users.isPending} columns={columns} dataSource={rows} />
      </Card>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          orgs={orgs}
          defaultOrg={me?.currentOrg?.code}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

interface UserFormValues {
  username: string;
  displayName: string;
  orgCode: string;
  phone?: string;
  initialPassword?: string;
  status: 'active' | 'disabled';
}

function UserFormModal({ user, orgs, defaultOrg, onClose }: { user: User | null; orgs: OrgRef[]; defaultOrg: string | undefined; onClose: () => void }) {
  const queryClient = useQueryClient();
  const treeData = useMemo(() => orgTreeOptions(orgs), [orgs]);
  const { form, submitting, onFinish } = useApiForm<UserFormValues, { user: User } | User>({
    submit: (v) =>
      user
        ? api.put<User>(`/api/users/${user.id}`, { displayName: v.displayName, orgCode: v.orgCode, phone: v.phone?.trim() ?? '', status: v.status, version: user.version })
        : api.post<{ user: User }>('/api/users', {
            username: v.username?.trim(),
            displayName: v.displayName,
            orgCode: v.orgCode,
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            initialPassword: v.initialPassword ?? '',
          }),
    successMessage: user ? '已保存' : (r) => `已创建账号 ${'user' in r ? r.user.username : ''}：请将初始密码当面告知本人，首次登录须修改`,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onClose();
    },
  });
  return (
    <FormModal<UserFormValues>
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      initialValues={
        user
          ? { username: user.username, displayName: user.displayName, orgCode: user.orgCode, phone: user.phone ?? '', status: user.status === 'disabled' ? 'disabled' : 'active' }
          : { ...(defaultOrg ? { orgCode: defaultOrg } : {}), status: 'active' }
      }
    >
      <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]} extra={user ? '用户名创建后不能修改' : '以字母开头，3～32位字母、数字、下划线、点或连字符'}>
        <Input disabled={!!user} autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item name="orgCode" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择所属单位" />
      </Form.Item>
      <Form.Item name="phone" label="手机号" extra="选填，加密存储">
        <Input maxLength={11} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      {user ? (
        <Form.Item name="status" label="状态" extra="停用后该用户立即下线，且不能再登录">
          <Radio.Group
            options={[
              { value: 'active', label: '启用' },
              { value: 'disabled', label: '停用' },
            ]}
          />
        </Form.Item>
      ) : (
        <Form.Item name="initialPassword" label="初始密码" rules={PASSWORD_RULES} extra="由您设定并当面告知本人：至少8位，含大写字母、小写字母、数字、特殊字符中的三类，不能用常见弱密码；系统不会再显示，用户首次登录须修改">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 重置密码 of a business account: the administrator types a temporary password the user must change at login */
function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, submitting, onFinish } = useApiForm<{ password: string }, User>({
    submit: (v, submission) => api.post<User>(`/api/users/${user.id}/reset-password`, { password: v.password }, submission),
    successMessage: `已重置 ${user.displayName} 的密码：请将临时密码当面告知本人，登录后须修改`,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onClose();
    },
  });
  return (
    <FormModal<{ password: string }>
      title={`重置密码：${user.displayName}（${user.username}）`}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      okText="重置"
      danger
      intro="原密码立即失效，该用户的登录会话将被注销。"
    >
      <Form.Item name="password" label="临时密码" rules={PASSWORD_RULES} extra="由您设定并当面告知本人；系统不会再显示，用户登录后须修改">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
