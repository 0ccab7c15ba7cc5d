import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { SystemImportModal } from './SystemImportModal.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { ruleText, useSystems, type EvaluationSystem, type SystemItem } from './evaluation-api.ts';

interface Row extends SystemItem {
  children?: Row[];
}

const treeOf = (items: readonly SystemItem[], parent: string | null = null): Row[] =>
  items.filter((i) => i.parent === parent).map((i) => {
    const children = treeOf(items, i.code);
    return children.length ? { ...i, children } : { ...i };
  });

/** the indicator systems and their versions: each indicator's points and how it is scored */
export function SystemsPage() {
  const systems = useSystems();
  const me = useMe();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  if (systems.isError) return <LoadFailed error={systems.error} />;
  const items = systems.data?.items ?? [];
  const s: EvaluationSystem | undefined = items.find((x) => x.id === chosen) ?? items[0];
  return (
    <>
      <PageHeader
        title="考核指标体系"
        description="指标体系按版本发布，发布后不再修改；考核开始时选定的版本在考核中保持不变。完整的指标体系文本可按模板填写后导入，发布为新版本。"
        extra={
          hasPermission(me.data, 'evaluation.system.publish') ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入新版本
            </Button>
          ) : null
        }
      />
      {importing ? <SystemImportModal systems={items} onClose={() => setImporting(false)} onPublished={(id) => setChosen(id)} /> : null}
      <Card size="small" loading={systems.isLoading}>
        <Space wrap style={{ marginBottom: 12, width: '100%' }} styles={{ item: { maxWidth: '100%' } }}>
          <Select<number>
            style={{ width: 560, maxWidth: '100%' }}
            value={s?.id ?? null}
            onChange={(v) => setChosen(v)}
            options={items.map((x) => ({ value: x.id, label: `${x.title}（第${x.version}版，编号${x.id}）` }))}
            aria-label="指标体系版本"
          />
          {s ? <Tag>{`满分${s.total}分 · ${s.items.filter((i) => i.rule).length}项末级指标 · ${formatDateTime(s.createdAt)}发布`}</Tag> : null}
          {s ? (
            <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(`/api/evaluation/systems/${s.id}/export.xlsx`, `${s.title}.xlsx`).catch((e: unknown) => void message.error(errorText(e)))}>
              导出Excel
            </Button>
          ) : null}
        </Space>
        {s?.note ? <Typography.Paragraph type="secondary">{s.note}</Typography.Paragraph> : null}
        {s ? (
          <Table<Row>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={treeOf(s.items)}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '编号', dataIndex: 'code', width: 110 },
              { title: '指标', dataIndex: 'label', render: (v: string, r) => (r.parent === null ? <Typography.Text strong>{v}</Typography.Text> : v), onCell: () => ({ style: { minWidth: 220, maxWidth: 420 } }) },
              { title: '分值', dataIndex: 'points', width: 60, align: 'right' },
              { title: '评分规则', key: 'rule', render: (_: unknown, r) => (r.rule ? <span style={{ fontSize: 12 }}>{ruleText(r, s)}</span> : null), onCell: () => ({ style: { minWidth: 240, maxWidth: 460 } }) },
            ]}
          />
        ) : null}
      </Card>
    </>
  );
}
