import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Radio, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../platform/api.ts';
import { FormModal } from '../../platform/FormModal.tsx';
import { orgTreeOptions } from '../../platform/org-tree.ts';
import { ME_KEY, useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { adminKeys, DATA_SCOPE_LABELS, type DataScope, type Role } from './admin-api.ts';

interface RoleFormValues {
  name: string;
  description?: string;
  dataScope: DataScope;
  scopeOrgs?: string[];
}

const SCOPE_HELP: Record<DataScope, string> = {
  own: '只能查看和办理担任该角色的单位本身的数据',
  subtree: '可查看和办理该单位及其下级单位的数据',
  listed: '只能查看和办理下面选定单位的数据，与担任角色的单位无关',
};

/** 新建角色 / 修改自建角色: name, description and data scope; permissions are set in the editor beside it */
export function RoleFormModal({ role, onClose, onSaved }: { role: Role | null; onClose: () => void; onSaved?: (code: string) => void }) {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const treeData = useMemo(() => orgTreeOptions(me?.orgs ?? []), [me?.orgs]);
  const { form, submitting, onFinish } = useApiForm<RoleFormValues, Role | { ok: boolean }>({
    submit: (v, submission) => {
      const body = { name: v.name?.trim(), description: v.description?.trim() ?? '', dataScope: v.dataScope, scopeOrgs: v.dataScope === 'listed' ? (v.scopeOrgs ?? []) : [] };
      return role ? api.put<{ ok: boolean }>(`/api/roles/${encodeURIComponent(role.code)}`, { ...body, version: role.version }, submission) : api.post<Role>('/api/roles', { ...body, permissions: [] }, submission);
    },
    successMessage: role ? '已保存角色' : '已新建角色，请在右侧勾选它的权限',
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      if (!role && 'code' in result) onSaved?.(result.code);
      onClose();
    },
  });
  const scope = Form.useWatch('dataScope', form) ?? role?.dataScope ?? 'own';
  return (
    <FormModal<RoleFormValues>
      title={role ? `修改角色：${role.name}` : '新建角色'}
      width={560}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      initialValues={role ? { name: role.name, description: role.description, dataScope: role.dataScope, scopeOrgs: role.scopeOrgs } : { dataScope: 'own', scopeOrgs: [] }}
      intro={<Typography.Paragraph type="secondary">角色的数据范围决定持有人能看到哪些单位的台账；个人信息是否脱敏由权限中的“查看完整个人信息”决定。保存后记入审计日志。</Typography.Paragraph>}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 20, message: '不能超过20个字' }]}>
        <Input maxLength={20} showCount placeholder="如：信访查阅员" />
      </Form.Item>
      <Form.Item name="description" label="说明" rules={[{ max: 200, message: '不能超过200个字' }]}>
        <Input.TextArea rows={2} maxLength={200} placeholder="这一角色做什么" />
      </Form.Item>
      <Form.Item name="dataScope" label="数据范围" extra={SCOPE_HELP[scope]}>
        <Radio.Group options={(Object.keys(DATA_SCOPE_LABELS) as DataScope[]).map((k) => ({ value: k, label: DATA_SCOPE_LABELS[k] }))} />
      </Form.Item>
      {scope === 'listed' ? (
        <Form.Item name="scopeOrgs" label="指定单位" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个单位' }]}>
          <TreeSelect treeData={treeData} multiple treeCheckable treeCheckStrictly={false} showCheckedStrategy={TreeSelect.SHOW_ALL} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择单位" style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
