import { CloudUploadOutlined, LinkOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { FormModal } from '../../platform/FormModal.tsx';
import { ledgerUrl, useLedgerMeta } from '../../platform/ledger/ledger-api.ts';
import type { LedgerPage } from '../../platform/ledger/ledger-types.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { ImportModal } from '../ledgers/ImportModal.tsx';
import { catalogSentence, enforcementKeys, type CatalogCounts, type CatalogVersion } from './enforcement-api.ts';

const MATTERS = '/ledgers/enforcement.matter';
const VALID = 'f.matter_status=有效';

/** the live count of the valid matters in scope, category by category, from the matters ledger itself */
function useLiveCounts() {
  const count = (filter: string) => api.get<LedgerPage>(ledgerUrl('enforcement.matter'), Object.fromEntries(new URLSearchParams(`${VALID}&${filter}&pageSize=1`)));
  return useQuery({
    queryKey: ['ledgers', 'enforcement.matter', 'catalog-counts'],
    queryFn: async (): Promise<CatalogCounts> => {
      const [all, statutory, delegated, selfSelected, entrusted] = await Promise.all([count(''), count('f.category=法定'), count('f.category=赋权'), count('f.category=赋权&f.self_selected=true'), count('f.category=可委托')]);
      return { total: all.total, statutory: statutory.total, delegated: delegated.total, selfSelected: selfSelected.total, entrusted: entrusted.total };
    },
  });
}

/** 三张清单: the figures people quote, where the matters are kept and imported, and the published versions */
export function CatalogPage() {
  const { data: me } = useMe();
  const live = useLiveCounts();
  const versions = useQuery({ queryKey: enforcementKeys.versions, queryFn: ({ signal }) => api.get<{ items: CatalogVersion[] }>('/api/enforcement/catalog-versions', undefined, signal) });
  const [publishing, setPublishing] = useState(false);
  const [importing, setImporting] = useState(false);
  const queryClient = useQueryClient();
  const matterMeta = useLedgerMeta('enforcement.matter');
  const canPublish = hasPermission(me, 'enforcement.catalog.publish');
  const canImport = hasPermission(me, 'enforcement.matter.import');
  const c = live.data;
  const tiles: Array<{ key: string; title: string; value: number | undefined; link: string; suffix?: string }> = [
    { key: 'statutory', title: '法定执法事项', value: c?.statutory, link: `${MATTERS}?${VALID}&f.category=法定` },
    { key: 'delegated', title: '赋权执法事项', value: c?.delegated, link: `${MATTERS}?${VALID}&f.category=赋权`, ...(c ? { suffix: `（自选${c.selfSelected}项）` } : {}) },
    { key: 'entrusted', title: '可委托执法事项', value: c?.entrusted, link: `${MATTERS}?${VALID}&f.category=可委托` },
    { key: 'total', title: '合计', value: c?.total, link: `${MATTERS}?${VALID}` },
  ];
  const columns: ColumnsType<CatalogVersion> = [
    { title: '版本号', dataIndex: 'label', render: (v: string, r) => <>{v}{r.id === versions.data?.items.find((x) => x.orgCode === r.orgCode)?.id ? <Tag color="green" style={{ marginInlineStart: 8 }}>现行</Tag> : null}</> },
    { title: '单位', dataIndex: 'orgName' },
    { title: '发布日期', dataIndex: 'publishedOn', render: (v: string) => formatDate(v) },
    { title: '事项构成', key: 'counts', render: (_, r) => <span style={{ whiteSpace: 'normal' }}>{catalogSentence(r.counts)}，共{r.counts.total}项</span> },
    { title: '发布说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: '发布人', key: 'by', render: (_, r) => `${r.createdBy} · ${formatDateTime(r.createdAt)}` },
    { title: '公开页面', key: 'pub', render: (_, r) => <Link to={`/public/enforcement/catalog?id=${r.id}`} target="_blank"><LinkOutlined /> 查看</Link> },
  ];
  return (
    <>
      <PageHeader
        title="三张清单"
        description="法定执法事项、赋权执法事项（含自选）和可委托执法事项清单。事项在“执法事项清单”中维护或从 Excel 导入，核定后发布为一个版本，在政务公开网站公示。"
        extra={
          <>
            <Link to={MATTERS}>
              <Button icon={<UnorderedListOutlined />}>执法事项清单</Button>
            </Link>
            {canImport && matterMeta.data ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                从Excel导入事项
              </Button>
            ) : null}
            {canPublish ? (
              <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setPublishing(true)}>
                发布清单版本
              </Button>
            ) : null}
          </>
        }
      />
      {live.isError ? <LoadFailed error={live.error} onRetry={() => void live.refetch()} /> : null}
      <Card size="small" style={{ marginBottom: 16 }} title="现有有效执法事项" loading={live.isPending}>
        <Row gutter={[16, 16]}>
          {tiles.map((t) => (
            <Col key={t.key} xs={12} md={6}>
              <Link to={t.link} data-testid={`catalog-${t.key}`}>
                <Statistic title={t.title} value={t.value ?? 0} suffix={<span style={{ fontSize: 14 }}>项{t.suffix ?? ''}</span>} />
              </Link>
            </Col>
          ))}
        </Row>
        {c ? (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            message={
              <>
                报告表述：
                <Typography.Text copyable strong data-testid="catalog-sentence">
                  {catalogSentence(c)}
                </Typography.Text>
              </>
            }
          />
        ) : null}
      </Card>
      <Card size="small" title="已发布的清单版本">
        {versions.isError ? (
          <LoadFailed error={versions.error} onRetry={() => void versions.refetch()} />
        ) : (
          <DataTable<CatalogVersion> rowKey="id" loading={versions.isPending} columns={columns} dataSource={versions.data?.items ?? []} locale={{ emptyText: <Empty description="尚未发布清单版本" /> }} pagination={{ defaultPageSize: 10 }} />
        )}
      </Card>
      {importing && matterMeta.data ? (
        <ImportModal meta={matterMeta.data} onClose={() => setImporting(false)} onImported={() => void queryClient.invalidateQueries({ queryKey: ['ledgers', 'enforcement.matter'] })} />
      ) : null}
      {publishing && c ? <PublishModal counts={c} onClose={() => setPublishing(false)} /> : null}
    </>
  );
}

interface PublishValues {
  label: string;
  publishedOn: string;
  note?: string;
}

function PublishModal({ counts, onClose }: { counts: CatalogCounts; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, submitting, onFinish } = useApiForm<PublishValues, CatalogVersion>({
    submit: (v, submission) => api.post<CatalogVersion>('/api/enforcement/catalog-versions', { ...v, ...(v.note?.trim() ? { note: v.note.trim() } : { note: undefined }) }, submission),
    successMessage: (r) => `已发布“${r.label}”，共${r.counts.total}项，公开网站已更新`,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: enforcementKeys.versions });
      onClose();
    },
  });
  return (
    <FormModal<PublishValues>
      title="发布执法事项清单版本"
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      okText="发布"
      initialValues={{ publishedOn: dayjs().format('YYYY-MM-DD'), label: `${dayjs().year()}版` }}
      intro={<Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`将冻结本单位现有的${counts.total}项有效执法事项（${catalogSentence(counts)}）作为新版本，并在政务公开网站公示；发布后不能修改，调整事项后可再发布新版本。`} />}
    >
      <Form.Item name="label" label="版本号" rules={[{ required: true, whitespace: true, message: '请填写版本号' }, { min: 2, message: '版本号至少2个字' }]}>
        <Input maxLength={40} placeholder="如：2026版" />
      </Form.Item>
      <Form.Item
        name="publishedOn"
        label="发布日期"
        rules={[{ required: true, message: '请选择发布日期' }]}
        getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null })}
        normalize={(d: unknown) => (d && dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null)}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label="发布说明">
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} placeholder="如：根据县政府赋权事项调整文件重新核定" />
      </Form.Item>
    </FormModal>
  );
}
