import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { api, errorText, isApiError } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';

/** one organisation's format for a series, and the number it would give next */
interface SeriesOrg {
  orgCode: string;
  orgName: string;
  format: string;
  custom: boolean;
  next: string;
  nextSeq: number;
}

/** a numbering series as GET /api/numbering lists it */
interface Series {
  series: string;
  label: string;
  ledgerLabel: string;
  fieldLabel: string;
  assignOn: string;
  defaultFormat: string;
  kinds: Array<{ value: string; code: string }>;
  orgs: SeriesOrg[];
}

interface NumberingList {
  year: number;
  placeholders: string[];
  series: Series[];
}

const PLACEHOLDER_HELP: Record<string, string> = {
  '{机关简称}': '单位简称（城关镇→城关；镇属部门用所在镇的简称）',
  '{单位}': '单位全称',
  '{年}': '年度，如 2026',
  '{序号}': '当年顺序号，如 12',
  '{序号3}': '三位顺序号，如 012',
  '{类别}': '案件类别代字（如 行政处罚→罚）',
};

const KEY = ['numbering'] as const;

/** 编号规则 (县级管理员): the formats of 案号, 登记编号 and 文号 per organisation, with the next number each would give */
export function NumberingPage() {
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<NumberingList>('/api/numbering', undefined, signal) });
  const [editing, setEditing] = useState<{ series: Series; org: SeriesOrg } | null>(null);
  return (
    <>
      <PageHeader title="编号规则" description="案号、登记编号和文号由系统按此处的格式逐年自动编号，不能手工填写。修改格式只影响此后新给出的编号，已有编号不变；修改记入审计日志。" />
      {list.isError ? (
        <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            message="可用占位符"
            description={
              <Space wrap size={[12, 4]}>
                {list.data.placeholders.map((p) => (
                  <span key={p}>
                    <Typography.Text code>{p}</Typography.Text> {PLACEHOLDER_HELP[p] ?? ''}
                  </span>
                ))}
              </Space>
            }
          />
          {list.data.series.map((s) => (
            <SeriesCard key={s.series} series={s} year={list.data.year} onEdit={(org) => setEditing({ series: s, org })} />
          ))}
        </Flex>
      )}
      {editing ? <FormatDialog series={editing.series} org={editing.org} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function SeriesCard({ series, year, onEdit }: { series: Series; year: number; onEdit: (org: SeriesOrg) => void }) {
  const columns: ColumnsType<SeriesOrg> = [
    { title: '单位', dataIndex: 'orgName' },
    {
      title: '编号格式',
      key: 'format',
      render: (_, o) => (
        <Space size={4} wrap>
          <Typography.Text code>{o.format}</Typography.Text>
          {o.custom ? <Tag color="blue">本单位设置</Tag> : <Tag>默认</Tag>}
        </Space>
      ),
    },
    { title: `${year}年下一个编号`, dataIndex: 'next' },
    {
      title: '操作',
      key: 'action',
      fixed: 'right',
      render: (_, o) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(o)} aria-label={`修改${o.orgName}的${series.label}格式`}>
          修改
        </Button>
      ),
    },
  ];
  return (
    <Card title={series.label} size="small" data-testid={`series-${series.series}`}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="台账字段">
          {series.ledgerLabel} · {series.fieldLabel}
        </Descriptions.Item>
        <Descriptions.Item label="编号时机">{series.assignOn}</Descriptions.Item>
        <Descriptions.Item label="全国默认格式">
          <Typography.Text code>{series.defaultFormat}</Typography.Text>
        </Descriptions.Item>
        {series.kinds.length ? <Descriptions.Item label="类别代字">{series.kinds.map((k) => `${k.value}→${k.code}`).join('，')}（各类别分别编号）</Descriptions.Item> : null}
      </Descriptions>
      <DataTable<SeriesOrg> rowKey="orgCode" columns={columns} dataSource={series.orgs} size="small" pagination={series.orgs.length > 10 ? { defaultPageSize: 10 } : false} />
    </Card>
  );
}

function FormatDialog({ series, org, onClose }: { series: Series; org: SeriesOrg; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState(org.format);
  const [preview, setPreview] = useState<{ example: string; next: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // the preview is a read: nothing is saved and no number is taken
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<{ example: string; next: string }>('/api/numbering/preview', { series: series.series, org: org.orgCode, format }, controller.signal)
        .then((p) => {
          setPreview(p);
          setProblem(null);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setPreview(null);
          setProblem(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.detail) : errorText(e));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [format, series.series, org.orgCode]);

  const save = async (value: string | null): Promise<void> => {
    setSaving(true);
    try {
      await api.put('/api/numbering/format', { series: series.series, orgCode: org.orgCode, format: value });
      void message.success(value === null ? '已恢复全国默认格式' : '编号格式已保存，此后新给出的编号使用新格式');
      await queryClient.invalidateQueries({ queryKey: KEY });
      onClose();
    } catch (e) {
      setProblem(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.detail) : errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${org.orgName} · ${series.label}`}
      onCancel={onClose}
      footer={[
        <Button key="reset" disabled={!org.custom || saving} onClick={() => void save(null)}>
          恢复默认格式
        </Button>,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={saving} disabled={!!problem} onClick={() => void save(format)}>
          保存
        </Button>,
      ]}
    >
      <Form layout="vertical">
        <Form.Item label="编号格式" validateStatus={problem ? 'error' : ''} help={problem ?? `全国默认：${series.defaultFormat}`}>
          <Input value={format} maxLength={60} onChange={(e) => setFormat(e.target.value)} aria-label="编号格式" />
        </Form.Item>
      </Form>
      {preview ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="示例（第12号）">{preview.example}</Descriptions.Item>
          <Descriptions.Item label="下一个编号">{preview.next}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Modal>
  );
}
