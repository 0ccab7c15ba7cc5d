import { ApartmentOutlined, DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Flex, Form, Row, Select, Space, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { orgTreeOptions } from '../../platform/org-tree.ts';
import { api } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { FormModal } from '../../platform/FormModal.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { ADMIN_ROLE_CODES, adminKeys, byRoleRank, useRoles, useUsers, type Role, type User } from './admin-api.ts';
import { NO_USER_FILTERS, UserFilters, useFilteredUsers, type UserFilterValues } from './user-filters.tsx';
import { StatusTags, userIdentityColumns } from './user-status.tsx';

const roleColor = (code: string): string => (ADMIN_ROLE_CODES.includes(code) ? 'volcano' : 'blue');

/** 角色分配 (安全保密管理员): which roles each account holds, with 三员分立 enforced by the server */
export function UserRolesPage() {
  const users = useUsers();
  const roles = useRoles();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<UserFilterValues>(NO_USER_FILTERS);
  const [editing, setEditing] = useState<User | null>(null);
  const [unitsOf, setUnitsOf] = useState<User | null>(null);
  const rows = useFilteredUsers(users.data?.items ?? [], me?.orgs ?? [], filters);
  const roleList = [...(roles.data?.items ?? [])].sort(byRoleRank);
  const roleName = (code: string): string => roleList.find((r) => r.code === code)?.name ?? code;

  if (users.isError) return <LoadFailed error={users.error} onRetry={() => void users.refetch()} />;
  if (roles.isError) return <LoadFailed error={roles.error} onRetry={() => void roles.refetch()} />;

  const columns: ColumnsType<User> = [
    ...userIdentityColumns,
    {
      title: '角色',
      dataIndex: 'roles',
      render: (codes: string[], u) => (
        <>
          {codes.length ? (
            codes.map((c) => (
              <Tag key={c} color={roleColor(c)}>
                {roleName(c)}
              </Tag>
            ))
          ) : (
            <Typography.Text type="secondary">未分配</Typography.Text>
          )}
          {(u.units ?? []).map((x) => (
            <div key={x.orgCode} style={{ fontSize: 12, marginTop: 4 }}>
              <Typography.Text type="secondary">兼任 {x.orgName}：</Typography.Text>
              {x.roleNames.join('、')}
            </div>
          ))}
        </>
      ),
    },
    { title: '状态', key: 'status', render: (_, u) => <StatusTags user={u} /> },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, u) =>
        u.id === me?.user.id ? (
          <Tooltip title="不能修改自己的角色">
            <Button type="link" size="small" disabled icon={<TeamOutlined />}>
              分配角色
            </Button>
          </Tooltip>
        ) : (
          <Space size={0} wrap>
            <Button type="link" size="small" icon={<TeamOutlined />} onClick={() => setEditing(u)}>
              分配角色
            </Button>
            {u.roles.some((r) => ADMIN_ROLE_CODES.includes(r)) ? null : (
              <Button type="link" size="small" icon={<ApartmentOutlined />} onClick={() => setUnitsOf(u)}>
                兼任其他单位
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title="角色分配" description="为用户授予或收回角色。系统管理员、安全保密管理员、安全审计员须由不同人员担任（三员分立）。" />
      <Card>
        <UserFilters value={filters} onChange={setFilters} orgs={me?.orgs ?? []} roles={roleList.map((r) => ({ value: r.code, label: r.name }))} />
        <DataTable<User> rowKey="id" loading={users.isPending || roles.isPending} columns={columns} dataSource={rows} />
      </Card>
      {editing ? <AssignRolesModal user={editing} roles={roleList} onClose={() => setEditing(null)} /> : null}
      {unitsOf ? <UnitRolesModal user={unitsOf} roles={roleList.filter((r) => !ADMIN_ROLE_CODES.includes(r.code))} orgs={me?.orgs ?? []} onClose={() => setUnitsOf(null)} /> : null}
    </>
  );
}

function RoleCheckboxes({ roles }: { roles: Role[] }) {
  return (
    <Row gutter={[8, 8]}>
      {roles.map((r) => (
        <Col key={r.code} xs={24} sm={12}>
          <Checkbox value={r.code}>
            <span style={{ fontWeight: 500 }}>{r.name}</span>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{r.description}</div>
          </Checkbox>
        </Col>
      ))}
    </Row>
  );
}

function AssignRolesModal({ user, roles, onClose }: { user: User; roles: Role[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, submitting, onFinish } = useApiForm<{ roles: string[] }, User>({
    submit: (v, submission) => api.put<User>(`/api/users/${user.id}/roles`, { roles: v.roles ?? [] }, submission),
    successMessage: (u) => `已更新 ${u.displayName} 的角色`,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      await queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      onClose();
    },
  });
  return (
    <FormModal<{ roles: string[] }>
      title={`分配角色：${user.displayName}（${user.username}）`}
      width={640}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      initialValues={{ roles: user.roles }}
      intro={<Typography.Paragraph type="secondary">所属单位：{user.orgName}。角色变更立即生效，并记入审计日志。三员角色只能单独担任；账号获授三员角色后原密码作废，须由服务器管理人员执行 fazhi user reset-password 发放一次性密码。</Typography.Paragraph>}
    >
      <Form.Item name="roles" label="角色" style={{ marginBottom: 8 }} extra="三员须分立：同一账号只能担任系统管理员、安全保密管理员、安全审计员中的一种。">
        <Checkbox.Group style={{ display: 'block' }}>
          <Typography.Text strong>三员（系统安全管理）</Typography.Text>
          <div style={{ margin: '8px 0 16px' }}>
            <RoleCheckboxes roles={roles.filter((r) => ADMIN_ROLE_CODES.includes(r.code))} />
          </div>
          <Typography.Text strong>业务角色</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <RoleCheckboxes roles={roles.filter((r) => !ADMIN_ROLE_CODES.includes(r.code))} />
          </div>
        </Checkbox.Group>
      </Form.Item>
    </FormModal>
  );
}

interface UnitRolesValues {
  units: Array<{ orgCode?: string; roles?: string[] }>;
}

/** 兼任其他单位: roles the user holds in units other than the home unit; each role's data scope applies from that unit */
function UnitRolesModal({ user, roles, orgs, onClose }: { user: User; roles: Role[]; orgs: Array<{ code: string; name: string; parentCode: string | null }>; onClose: () => void }) {
  const queryClient = useQueryClient();
  const treeData = useMemo(() => orgTreeOptions(orgs), [orgs]);
  const { form, submitting, onFinish } = useApiForm<UnitRolesValues, User>({
    submit: (v, submission) => api.put<User>(`/api/users/${user.id}/units`, { units: (v.units ?? []).filter((u) => u.orgCode).map((u) => ({ orgCode: u.orgCode, roles: u.roles ?? [] })) }, submission),
    successMessage: (u) => `已更新 ${u.displayName} 的兼任单位`,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      await queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      onClose();
    },
  });
  return (
    <FormModal<UnitRolesValues>
      title={`兼任其他单位：${user.displayName}（${user.username}）`}
      width={640}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      initialValues={{ units: (user.units ?? []).map((u) => ({ orgCode: u.orgCode, roles: u.roles })) }}
      intro={<Typography.Paragraph type="secondary">所属单位：{user.orgName}（其角色在“分配角色”中设置）。这里为其在其他单位担任的角色，按角色的数据范围从该单位起算；变更立即生效，并记入审计日志。三员角色不能兼任。</Typography.Paragraph>}
    >
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} wrap align="flex-start" style={{ marginBottom: 8 }}>
                <Form.Item name={[f.name, 'orgCode']} label="单位" rules={[{ required: true, message: '请选择单位' }]} style={{ flex: '1 1 200px', minWidth: 0, marginBottom: 8 }}>
                  <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择单位" />
                </Form.Item>
                <Form.Item name={[f.name, 'roles']} label="角色" rules={[{ required: true, type: 'array', min: 1, message: '请选择角色' }]} style={{ flex: '1 1 200px', minWidth: 0, marginBottom: 8 }}>
                  <Select mode="multiple" options={roles.map((r) => ({ value: r.code, label: r.name }))} placeholder="请选择角色" />
                </Form.Item>
                <Button danger type="text" icon={<DeleteOutlined />} aria-label="移除此单位" onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
              </Flex>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ roles: [] })}>
              添加兼任单位
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
