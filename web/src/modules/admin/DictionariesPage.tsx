import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';

/** one option list as GET /api/dictionaries gives it */
interface Dictionary {
  ledger: string;
  ledgerLabel: string;
  field: string;
  label: string;
  declared: string[];
  retired: string[];
  setting: string | null;
  added: Array<{ value: string; records: number | null }>;
}

const KEY = ['dictionaries'] as const;

/**
 * 数据字典 (县级管理员): every option list of the ledgers. The values the statutes and national standards give are
 * shown and fixed; a list the declaration lets be local (e.g. 纠纷类型 a province adds) takes local values here
 */
export function DictionariesPage() {
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ items: Dictionary[] }>('/api/dictionaries', undefined, signal) });
  const [editing, setEditing] = useState<Dictionary | null>(null);
  const [ledger, setLedger] = useState<string | undefined>();
  const [onlyLocal, setOnlyLocal] = useState(false);
  const ledgers = useMemo(() => [...new Map((list.data?.items ?? []).map((d) => [d.ledger, d.ledgerLabel])).entries()].map(([value, label]) => ({ value, label })), [list.data]);
  const rows = (list.data?.items ?? []).filter((d) => (!ledger || d.ledger === ledger) && (!onlyLocal || d.setting));
  const columns: ColumnsType<Dictionary> = [
    { key: 'ledger', title: '台账', dataIndex: 'ledgerLabel', width: 160 },
    { key: 'field', title: '字段', dataIndex: 'label', width: 150 },
    {
      key: 'declared',
      title: '规定的选项',
      render: (_, d) => (
        <Flex wrap gap={4} style={{ maxWidth: 560 }}>
          {d.declared.map((v) => (
            d.retired.includes(v) ? (
              <Tag key={v} style={{ textDecoration: 'line-through' }} title="已停用：新记录不再使用">
                {v}
              </Tag>
            ) : (
              <Tag key={v}>{v}</Tag>
            )
          ))}
        </Flex>
      ),
    },
    {
      key: 'added',
      title: '本地增加的选项',
      width: 260,
      render: (_, d) =>
        d.setting ? (
          d.added.length ? (
            <Flex wrap gap={4}>
              {d.added.map((a) => (
                <Tag key={a.value} color="blue">
                  {a.value}
                  {a.records !== null ? `（${a.records}）` : ''}
                </Tag>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">尚未增加</Typography.Text>
          )
        ) : (
          <Typography.Text type="secondary">不可增加（按法规或国家标准）</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: '操作',
      fixed: 'right',
      width: 90,
      render: (_, d) =>
        d.setting ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(d)}>
            维护
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader title="数据字典" description="各台账下拉选项的取值。按法规或国家标准规定的选项不能在此修改；允许本地增加的选项（如省、县增加的纠纷类型）由县级管理员维护，修改记入审计日志。括号内为本辖区使用该选项的有效记录数。" />
      {list.isError ? (
        <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Card>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select aria-label="台账" allowClear placeholder="全部台账" style={{ width: 220 }} options={ledgers} value={ledger} onChange={(v: string | undefined) => setLedger(v)} showSearch={{ optionFilterProp: 'label' }} />
            <Select
              aria-label="范围"
              style={{ width: 200 }}
              value={onlyLocal ? 'local' : 'all'}
              onChange={(v: string) => setOnlyLocal(v === 'local')}
              options={[
                { value: 'all', label: '全部字典' },
                { value: 'local', label: '只看可本地增加的' },
              ]}
            />
          </Space>
          <DataTable<Dictionary> rowKey={(d) => `${d.ledger}.${d.field}`} columns={columns} dataSource={rows} pagination={{ pageSize: 20 }} />
        </Card>
      )}
      {editing ? <EditLocal dictionary={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** the local values of one list: one per line, checked by the server as a whole */
function EditLocal({ dictionary: d, onClose }: { dictionary: Dictionary; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState(d.added.map((a) => a.value).join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const values = text
    .split('\n')
    .map((v) => v.trim())
    .filter(Boolean);
  const removedInUse = d.added.filter((a) => (a.records ?? 0) > 0 && !values.includes(a.value));
  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/dictionaries/${encodeURIComponent(d.setting ?? '')}`, { values });
      void message.success(`已保存“${d.label}”的本地选项`);
      await queryClient.invalidateQueries({ queryKey: KEY });
      await queryClient.invalidateQueries({ queryKey: ['ledgers'] });
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`维护本地选项：${d.ledgerLabel} · ${d.label}`} okText="保存" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void save()} onCancel={onClose} mask={{ closable: false }} width={620}>
      <Typography.Paragraph type="secondary">规定的选项（{d.declared.length} 项）之外，本地增加的选项每行一项，不超过40个字，不能含顿号、逗号。</Typography.Paragraph>
      <Input.TextArea aria-label="本地选项" autoSize={{ minRows: 5, maxRows: 14 }} value={text} onChange={(e) => setText(e.target.value)} placeholder={'如：\n物业服务纠纷\n农民工欠薪纠纷'} />
      {removedInUse.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={`删除的选项中有 ${removedInUse.length} 项已被使用`}
          description={`${removedInUse.map((a) => `${a.value}（${a.records ?? 0} 条）`).join('、')}：原记录保留该值，但再次保存这些记录时须改选其他选项。`}
        />
      ) : null}
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
