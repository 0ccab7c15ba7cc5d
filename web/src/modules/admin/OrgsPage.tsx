import { ApartmentOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type Key } from 'react';
import { api } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { FormModal } from '../../platform/FormModal.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { buildOrgTree, orgTreeOptions, type OrgNode } from '../../platform/org-tree.ts';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { adminKeys, useOrgs, type Org } from './admin-api.ts';
import { OrgImportModal } from './OrgImportModal.tsx';

type Dialog = { kind: 'create'; parentCode: string | null } | { kind: 'edit'; org: Org } | { kind: 'status'; org: Org } | { kind: 'import' } | null;

/** keeps the orgs matching the keyword and every ancestor of a match, so the tree stays a tree */
function filterOrgs(orgs: Org[], keyword: string, showWithdrawn: boolean): Org[] {
  const visible = showWithdrawn ? orgs : orgs.filter((o) => o.status !== 'withdrawn');
  const k = keyword.trim();
  if (!k) return visible;
  const byCode = new Map(visible.map((o) => [o.code, o]));
  const keep = new Set<string>();
  for (const o of visible) {
    if (!o.name.includes(k) && !o.code.includes(k)) continue;
    let cur: Org | undefined = o;
    while (cur && !keep.has(cur.code)) {
      keep.add(cur.code);
      cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    }
  }
  return visible.filter((o) => keep.has(o.code));
}

const allCodes = (nodes: Array<OrgNode<Org>>): string[] => nodes.flatMap((n) => [n.code, ...allCodes(n.children ?? [])]);

function sortTree(nodes: Array<OrgNode<Org>>): Array<OrgNode<Org>> {
  nodes.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  for (const n of nodes) if (n.children) sortTree(n.children);
  return nodes;
}

/** 组织机构: the administrative division tree of the administrator's scope */
export function OrgsPage() {
  const orgs = useOrgs();
  const { data: me } = useMe();
  const [keyword, setKeyword] = useState('');
  const [showWithdrawn, setShowWithdrawn] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = useMemo(() => orgs.data?.items ?? [], [orgs.data]);
  const tree = useMemo(() => sortTree(buildOrgTree(filterOrgs(items, keyword, showWithdrawn))), [items, keyword, showWithdrawn]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  // the top level open by default; a search opens everything it kept
  const expandedKeys = keyword.trim() ? allCodes(tree) : (expanded ?? tree.map((n) => n.code));

  if (orgs.isError) return <LoadFailed error={orgs.error} onRetry={() => void orgs.refetch()} />;

  const columns: ColumnsType<OrgNode<Org>> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, o) => (
        <Typography.Text delete={o.status === 'withdrawn'} {...(o.status === 'withdrawn' ? { type: 'secondary' as const } : {})} strong={!o.parentCode}>
          {name}
        </Typography.Text>
      ),
    },
    { title: '代码', dataIndex: 'code', render: (code: string) => <span className="fz-mono">{code}</span> },
    { title: '类型', dataIndex: 'kindLabel', responsive: ['sm'] },
    { title: '排序', dataIndex: 'sort', align: 'right', responsive: ['md'] },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string) => (s === 'withdrawn' ? <Tag color="default">已撤销</Tag> : <Tag color="green">正常</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, o) => {
        const isRoot = o.code === me?.currentOrg?.code;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', org: o })}>
              编辑
            </Button>
            {o.status !== 'withdrawn' && o.kind !== 'department' ? (
              <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', parentCode: o.code })}>
                新建下级
              </Button>
            ) : null}
            {isRoot ? null : o.status === 'withdrawn' ? (
              <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => setDialog({ kind: 'status', org: o })}>
                恢复
              </Button>
            ) : (
              <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setDialog({ kind: 'status', org: o })}>
                撤销
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="组织机构"
        description="维护本级及下级行政区划、乡镇（街道）与部门。撤销的单位保留历史记录，可随时恢复。"
        extra={
          <>
            <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
              批量导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', parentCode: me?.currentOrg?.code ?? null })}>
              新建单位
            </Button>
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder="按名称或代码查找" style={{ maxWidth: 280 }} onSearch={setKeyword} onChange={(e) => !e.target.value && setKeyword('')} />
          <Checkbox checked={showWithdrawn} onChange={(e) => setShowWithdrawn(e.target.checked)}>
            显示已撤销的单位
          </Checkbox>
          <Typography.Text type="secondary">
            <ApartmentOutlined /> 共 {items.length} 个单位
          </Typography.Text>
        </Flex>
        <DataTable<OrgNode<Org>>
          rowKey="code"
          loading={orgs.isPending}
          columns={columns}
          dataSource={tree}
          pagination={false}
          expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: setExpanded }}
        />
      </Card>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <OrgFormModal dialog={dialog} orgs={items} kinds={orgs.data?.kinds ?? {}} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'status' ? <OrgStatusModal org={dialog.org} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'import' ? <OrgImportModal onClose={() => setDialog(null)} /> : null}
    </>
  );
}

interface OrgFormValues {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  sort: number;
}

function OrgFormModal({ dialog, orgs, kinds, onClose }: { dialog: { kind: 'create'; parentCode: string | null } | { kind: 'edit'; org: Org }; orgs: Org[]; kinds: Record<string, string>; onClose: () => void }) {
  const queryClient = useQueryClient();
  const editing = dialog.kind === 'edit' ? dialog.org : null;
  const parent = dialog.kind === 'create' ? orgs.find((o) => o.code === dialog.parentCode) : undefined;
  const { form, submitting, onFinish } = useApiForm<OrgFormValues, Org>({
    submit: (v) =>
      editing
        ? api.put<Org>(`/api/orgs/${encodeURIComponent(editing.code)}`, { name: v.name, sort: v.sort ?? 0, version: editing.version })
        : api.post<Org>('/api/orgs', { code: v.code?.trim(), name: v.name, kind: v.kind, parentCode: v.parentCode ?? null, sort: v.sort ?? 0 }),
    successMessage: (o) => (editing ? `已保存：${o.name}` : `已新建：${o.name}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.orgs });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      onClose();
    },
  });
  const parentOptions = useMemo(() => orgTreeOptions(orgs.filter((o) => o.status !== 'withdrawn' && o.kind !== 'department')), [orgs]);
  const initialKind = parent?.kind === 'county' || parent?.kind === 'city' ? 'town' : 'department';
  return (
    <FormModal<OrgFormValues>
      title={editing ? `编辑单位：${editing.name}` : '新建单位'}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      initialValues={editing ? { code: editing.code, name: editing.name, kind: editing.kind, parentCode: editing.parentCode, sort: editing.sort } : { parentCode: parent?.code ?? null, kind: initialKind, sort: 0 }}
    >
      <Form.Item name="parentCode" label="上级单位" rules={[{ required: !editing, message: '请选择上级单位' }]}>
        <TreeSelect treeData={parentOptions} disabled={!!editing} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择上级单位" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Select disabled={!!editing} options={Object.entries(kinds).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="code"
        label="代码"
        rules={[{ required: true, whitespace: true, message: '请输入代码' }]}
        extra="12位统计用区划代码；部门为“上级区划代码-两到三位序号”，如 999001001000-05"
      >
        <Input disabled={!!editing} className="fz-mono" placeholder={parent ? `${parent.code.split('-')[0] ?? ''}-05` : '如 999001004000'} maxLength={16} />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
        <Input maxLength={100} placeholder="如 城关镇应急管理办公室" />
      </Form.Item>
      <Form.Item name="sort" label="排序" extra="数字越小越靠前">
        <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

function OrgStatusModal({ org, onClose }: { org: Org; onClose: () => void }) {
  const queryClient = useQueryClient();
  const withdrawing = org.status !== 'withdrawn';
  const { form, submitting, onFinish } = useApiForm<{ reason: string }>({
    submit: ({ reason }, submission) => api.post(`/api/orgs/${encodeURIComponent(org.code)}/status`, { status: withdrawing ? 'withdrawn' : 'active', reason }, submission),
    successMessage: withdrawing ? `已撤销：${org.name}` : `已恢复：${org.name}`,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.orgs });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      onClose();
    },
  });
  return (
    <FormModal<{ reason: string }>
      title={`${withdrawing ? '撤销' : '恢复'}单位：${org.name}`}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      okText={withdrawing ? '确认撤销' : '确认恢复'}
      danger={withdrawing}
      intro={
        <Typography.Paragraph type="secondary">
          {withdrawing ? '撤销后该单位不再出现在单位选择中，其历史记录和审计日志完整保留。单位下仍有启用账号时不能撤销。' : '恢复后该单位重新出现在单位选择中。'}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="reason" label={withdrawing ? '撤销原因' : '恢复原因'} rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：根据县政府关于乡镇机构调整的通知" />
      </Form.Item>
    </FormModal>
  );
}
