import { CheckOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Checkbox, Col, Empty, Flex, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { permissionGroupLabels } from '../index.ts';
import { groupPermissions, type PermissionGroup } from './permission-groups.ts';
import { api, errorText, isApiError } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { ME_KEY, useMe } from '../../platform/session.ts';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { fieldMessage } from '../../platform/field-errors.ts';
import { ADMIN_ROLE_CODES, adminKeys, byRoleRank, DATA_SCOPE_LABELS, useRoles, type Role } from './admin-api.ts';
import { RoleFormModal } from './RoleFormModal.tsx';

/** 数据范围 in words: 本单位, 本单位及下级, or the listed units by name */
function scopeText(role: Role, orgName: (code: string) => string): string {
  if (role.dataScope !== 'listed') return DATA_SCOPE_LABELS[role.dataScope];
  return `指定单位：${role.scopeOrgs.map(orgName).join('、')}`;
}

/** 角色权限 (安全保密管理员): what each role may do */
export function RolesPage() {
  const roles = useRoles();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const { data: me } = useMe();
  const orgName = (code: string): string => me?.orgs.find((o) => o.code === code)?.name ?? code;
  const mobile = useIsMobile();
  const groups = useMemo(() => groupPermissions(roles.data?.permissions ?? [], permissionGroupLabels), [roles.data]);
  const adminOnly = useMemo(() => new Set((roles.data?.permissions ?? []).filter((p) => p.adminOnly).map((p) => p.code)), [roles.data]);
  if (roles.isError) return <LoadFailed error={roles.error} onRetry={() => void roles.refetch()} />;
  const list = [...(roles.data?.items ?? [])].sort(byRoleRank);
  const role = list.find((r) => r.code === selected) ?? list[0];

  const picker = mobile ? (
    <Select
      style={{ width: '100%', marginBottom: 12 }}
      value={role?.code ?? null}
      onChange={(v: string) => setSelected(v)}
      options={list.map((r) => ({ value: r.code, label: `${r.name}（${r.users}人，${DATA_SCOPE_LABELS[r.dataScope]}）` }))}
      aria-label="选择角色"
    />
  ) : (
    <Card title="角色" styles={{ body: { padding: 8 } }} loading={roles.isPending}>
      <div role="listbox" aria-label="角色列表">
        {list.map((r) => (
          <div
            key={r.code}
            role="option"
            aria-selected={r.code === role?.code}
            tabIndex={0}
            className={`fz-role-item${r.code === role?.code ? ' fz-role-item-active' : ''}`}
            onClick={() => setSelected(r.code)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSelected(r.code)}
          >
            <Flex justify="space-between" align="center">
              <span style={{ fontWeight: 500 }}>
                {r.name}
                {ADMIN_ROLE_CODES.includes(r.code) ? (
                  <Tag color="volcano" style={{ marginInlineStart: 6 }}>
                    三员
                  </Tag>
                ) : null}
              </span>
              <Badge count={`${r.users}人`} color="#94a3b8" />
            </Flex>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 2 }}>{r.description}</div>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
              数据范围：{scopeText(r, orgName)}
              {r.builtin ? null : (
                <Tag color="green" style={{ marginInlineStart: 6 }}>
                  自建
                </Tag>
              )}
            </div>
          </div>
        ))}
      </div>
    </Card>
  );

  return (
    <>
      <PageHeader
        title="角色权限"
        description="设定每个角色可使用的功能和数据范围。修改立即对持有该角色的全部用户生效，并记入审计日志。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建角色
          </Button>
        }
      />
      <Tabs
        items={[
          {
            key: 'edit',
            label: '按角色设置',
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} md={9} lg={7}>
                  {picker}
                </Col>
                <Col xs={24} md={15} lg={17}>
                  {role ? <RolePermissionEditor key={`${role.code}:${role.version}`} role={role} groups={groups} adminOnly={adminOnly} scope={scopeText(role, orgName)} onEdit={() => setEditing(role)} onDeleted={() => setSelected(null)} /> : <Card loading={roles.isPending}>{roles.isPending ? null : <Empty description="暂无角色" />}</Card>}
                </Col>
              </Row>
            ),
          },
          { key: 'matrix', label: '权限矩阵', children: <PermissionMatrix roles={list} groups={groups} loading={roles.isPending} /> },
        ]}
      />
      {editing ? <RoleFormModal role={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(code) => setSelected(code)} /> : null}
    </>
  );
}

/** 三员 roles are read-only (GB/T 22239: fixed sets); a business role cannot take a 三员-only permission */
function RolePermissionEditor({ role, groups, adminOnly, scope, onEdit, onDeleted }: { role: Role; groups: PermissionGroup[]; adminOnly: ReadonlySet<string>; scope: string; onEdit: () => void; onDeleted: () => void }) {
  const fixed = ADMIN_ROLE_CODES.includes(role.code);
  const locked = (code: string): boolean => fixed || adminOnly.has(code);
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const [granted, setGranted] = useState<Set<string>>(() => new Set(role.permissions));
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const dirty = granted.size !== role.permissions.length || role.permissions.some((p) => !granted.has(p));

  const toggle = (codes: string[], on: boolean): void => {
    const next = new Set(granted);
    for (const c of codes.filter((x) => !locked(x))) if (on) next.add(c);
    else next.delete(c);
    setGranted(next);
  };

  const save = async (): Promise<void> => {
    setSaving(true);
    setFieldError(null);
    try {
      await api.put(`/api/roles/${encodeURIComponent(role.code)}`, { permissions: [...granted].sort(), version: role.version });
      void message.success(`已保存“${role.name}”的权限`);
      await queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    } catch (e) {
      void message.error(errorText(e));
      if (isApiError(e) && e.fieldErrors.length) setFieldError(e.fieldErrors.map(fieldMessage).join('；'));
    } finally {
      setSaving(false);
    }
  };

  const remove = (): void => {
    if (role.users > 0) {
      void message.warning(`“${role.name}”还有${role.users}个用户在用，请先在角色分配中取消后再删除`);
      return;
    }
    modal.confirm({
      title: `删除角色“${role.name}”？`,
      content: '删除后不能恢复，记入审计日志。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.del(`/api/roles/${encodeURIComponent(role.code)}?version=${role.version}`);
          void message.success(`已删除角色“${role.name}”`);
          onDeleted();
          await queryClient.invalidateQueries({ queryKey: adminKeys.roles });
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });
  };

  const confirmSave = (): void => {
    const mine = me?.roles.some((r) => r.code === role.code);
    if (mine && role.permissions.includes('role.manage') && !granted.has('role.manage')) {
      modal.confirm({
        title: '确认收回本人正在使用的权限？',
        content: `您本人持有“${role.name}”角色。收回“管理角色与权限”后，您将无法再进入本页面。`,
        okText: '仍然保存',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: save,
      });
    } else void save();
  };

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          <span>{role.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
            已授予 {granted.size} 项
          </Typography.Text>
        </Space>
      }
      extra={
        fixed ? null : (
          <Space>
            <Button disabled={!dirty || saving} onClick={() => setGranted(new Set(role.permissions))}>
              还原
            </Button>
            <Button type="primary" disabled={!dirty} loading={saving} onClick={confirmSave}>
              保存
            </Button>
          </Space>
        )
      }
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          数据范围：{scope}
          {role.builtin ? '（内置角色固定为本单位及下级）' : null}
        </Typography.Text>
        {role.builtin ? null : (
          <Space wrap>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
              修改名称与范围
            </Button>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={remove}>
              删除角色
            </Button>
          </Space>
        )}
      </Flex>
      {fixed ? <Alert type="info" showIcon title="三员角色的权限是固定的（等保三级三员分立），任何人都不能修改。" style={{ marginBottom: 12 }} /> : null}
      {fieldError ? <Alert type="error" showIcon title={fieldError} style={{ marginBottom: 12 }} /> : null}
      {groups.map((g) => {
        const codes = g.permissions.map((p) => p.code);
        const editable = codes.filter((c) => !locked(c));
        const count = codes.filter((c) => granted.has(c)).length;
        return (
          <div key={g.key} className="fz-perm-group">
            <Checkbox disabled={editable.length === 0} indeterminate={count > 0 && count < codes.length} checked={count === codes.length} onChange={(e) => toggle(editable, e.target.checked)}>
              <Typography.Text strong>{g.label}</Typography.Text>
            </Checkbox>
            <Row gutter={[8, 4]} style={{ marginTop: 6, paddingInlineStart: 24 }}>
              {g.permissions.map((p) => (
                <Col key={p.code} {...(g.permissions.length === 1 ? { span: 24 } : { xs: 12, sm: 8, xl: 6 })}>
                  <Checkbox
                    checked={granted.has(p.code)}
                    disabled={locked(p.code)}
                    onChange={(e) => toggle([p.code], e.target.checked)}
                    title={!fixed && adminOnly.has(p.code) ? `${p.label}（${p.code}）：三员专有权限，不能授予业务角色` : `${p.label}（${p.code}）`}
                  >
                    {p.short}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </Card>
  );
}

interface MatrixRow {
  key: string;
  label: string;
  group: string;
  /** rows the group cell spans: the group's size on its first row, 0 on the others */
  span: number;
  granted: Set<string>;
}

function PermissionMatrix({ roles, groups, loading }: { roles: Role[]; groups: PermissionGroup[]; loading: boolean }) {
  const rows: MatrixRow[] = groups.flatMap((g) =>
    g.permissions.map((p, i) => ({
      key: p.code,
      label: p.short,
      group: g.label,
      span: i === 0 ? g.permissions.length : 0,
      granted: new Set(roles.filter((r) => r.permissions.includes(p.code)).map((r) => r.code)),
    })),
  );
  const columns: ColumnsType<MatrixRow> = [
    { title: '功能', dataIndex: 'group', fixed: 'left', width: 130, onCell: (row) => ({ rowSpan: row.span }), render: (g: string) => <Typography.Text strong>{g}</Typography.Text> },
    { title: '权限', dataIndex: 'label', fixed: 'left', width: 150 },
    ...roles.map((r) => ({
      title: r.name,
      key: r.code,
      align: 'center' as const,
      width: 96,
      render: (_: unknown, row: MatrixRow) => (row.granted.has(r.code) ? <CheckOutlined style={{ color: '#15803d' }} aria-label="已授予" /> : <span style={{ color: '#d1d5db' }}>—</span>),
    })),
  ];
  return (
    <Card>
      <Table<MatrixRow> size="small" bordered rowKey="key" loading={loading} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
