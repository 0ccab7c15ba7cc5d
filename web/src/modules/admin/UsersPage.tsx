import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Radio, Space, Tag, TreeSelect, Typography } from 'antd';
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
import { adminKeys, useRoles, useUsers, type User } from './admin-api.ts';
import { InitialPasswordModal } from './InitialPasswordModal.tsx';
import { NO_USER_FILTERS, UserFilters, useFilteredUsers, type UserFilterValues } from './user-filters.tsx';
import { StatusTags, userIdentityColumns } from './user-status.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; title: string; username: string; displayName: string; password: string } | null;

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

  const resetPassword = async (u: User): Promise<void> => {
    try {
      const { initialPassword } = await api.post<{ initialPassword: string }>(`/api/users/${u.id}/reset-password`);
      setDialog({ kind: 'password', title: '密码已重置', username: u.username, displayName: u.displayName, password: initialPassword });
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
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
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user: u })}>
            编辑
          </Button>
          <Popconfirm
            title={`重置 ${u.displayName} 的密码？`}
            description="原密码立即失效，该用户的登录会话将被注销。"
            okText="重置"
            cancelText="取消"
            onConfirm={() => resetPassword(u)}
          >
            <Button type="link" size="small" icon={<KeyOutlined />}>
              重置密码
            </Button>
          </Popconfirm>
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
          onCreated={(u, password) => setDialog({ kind: 'password', title: '账号已创建', username: u.username, displayName: u.displayName, password })}
        />
      ) : null}
      {dialog?.kind === 'password' ? (
        <InitialPasswordModal title={dialog.title} username={dialog.username} displayName={dialog.displayName} password={dialog.password} onClose={() => setDialog(null)} />
      ) : null}
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

function UserFormModal({ user, orgs, defaultOrg, onClose, onCreated }: { user: User | null; orgs: OrgRef[]; defaultOrg: string | undefined; onClose: () => void; onCreated: (u: User, password: string) => void }) {
  const queryClient = useQueryClient();
  const treeData = useMemo(() => orgTreeOptions(orgs), [orgs]);
  const { form, submitting, onFinish } = useApiForm<UserFormValues, { user: User; initialPassword?: string } | User>({
    submit: (v) =>
      user
        ? api.put<User>(`/api/users/${user.id}`, { displayName: v.displayName, orgCode: v.orgCode, phone: v.phone?.trim() ?? '', status: v.status, version: user.version })
        : api.post<{ user: User; initialPassword: string }>('/api/users', {
            username: v.username?.trim(),
            displayName: v.displayName,
            orgCode: v.orgCode,
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            ...(v.initialPassword ? { initialPassword: v.initialPassword } : {}),
          }),
    successMessage: user ? '已保存' : '',
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      if ('initialPassword' in result && result.initialPassword) onCreated(result.user, result.initialPassword);
      else onClose();
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
        <Form.Item name="initialPassword" label="初始密码" extra="留空则由系统生成；保存后仅显示一次，用户首次登录须修改">
          <Input.Password autoComplete="new-password" placeholder="留空自动生成" />
        </Form.Item>
      )}
    </FormModal>
  );
}
