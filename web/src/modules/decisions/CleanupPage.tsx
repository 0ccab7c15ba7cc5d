import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, List, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { FormModal } from '../../platform/FormModal.tsx';
import { formatDate } from '../../platform/format.ts';
import { useLedgerMeta } from '../../platform/ledger/ledger-api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useApiForm } from '../../platform/use-api-form.ts';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';
import { chinaToday, CLEANUP_COLORS, EFFECT_COLORS, type Campaign, type CampaignRow, type CleanupResult } from './decisions-api.ts';

const RESULTS: CleanupResult[] = ['继续有效', '修改', '废止'];
const DEFAULT_REASON: Record<CleanupResult, string> = {
  继续有效: '符合现行法律法规和上级政策，继续执行',
  修改: '部分条款与新修订的上位法不一致，需修改',
  废止: '调整对象已消失或与上位法不一致，决定废止',
};

/** 规范性文件清理: every document in force marked 继续有效 / 修改 / 废止 with a reason, and the resulting figures */
export function CleanupPage() {
  const [params, set] = useSearchParam();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const show = params.get('show') ?? 'pending';
  const meta = useLedgerMeta('normdocs.cleanup');
  const campaign = useQuery({ queryKey: ['decisions', 'campaign', year], queryFn: ({ signal }) => api.get<Campaign>('/api/normdocs/cleanup/campaign', { year }, signal) });
  const [marking, setMarking] = useState<{ row: CampaignRow; result: CleanupResult } | null>(null);
  const mobile = useIsMobile();
  if (campaign.isError) return <LoadFailed error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const rows = (c?.items ?? []).filter((r) => (show === 'pending' ? !r.cleanup : show === 'done' ? r.cleanup : true));
  const canMark = meta.data?.can.create ?? false;
  return (
    <>
      <PageHeader
        title="规范性文件清理"
        description="对现行有效的规范性文件逐件确定继续有效、修改或废止，并说明理由；标记废止的文件同时废止"
        extra={
          <>
            <Select aria-label="清理年度" value={year} style={{ width: 130 }} onChange={(v: number) => set('year', String(v))} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年度清理` }))} />
            <Link to={`/ledgers/normdocs.cleanup?f.campaign_year=${year}`}>
              <Button>清理记录台账</Button>
            </Link>
          </>
        }
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        {[
          ['清理范围', c?.counts.total, undefined],
          ['继续有效', c?.counts.kept, '#16a34a'],
          ['修改', c?.counts.amended, '#2563eb'],
          ['废止', c?.counts.repealed, '#dc2626'],
          ['未清理', c?.counts.pending, c?.counts.pending ? '#d97706' : undefined],
        ].map(([label, value, color]) => (
          <Card key={String(label)} size="small" loading={campaign.isPending} style={{ flex: '1 1 140px' }}>
            <Statistic title={String(label)} value={Number(value ?? 0)} suffix="件" {...(color ? { styles: { content: { color: String(color) } } } : {})} />
          </Card>
        ))}
      </Flex>
      {c && c.counts.total > c.counts.pending ? (
        <Alert type={c.counts.pending ? 'info' : 'success'} showIcon style={{ marginBottom: 16 }} message={`${year}年度：${c.summary}。`} data-testid="cleanup-summary" />
      ) : null}
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented
            value={show}
            onChange={(v) => set('show', String(v))}
            options={[
              { value: 'pending', label: `未清理${c ? `（${c.counts.pending}）` : ''}` },
              { value: 'done', label: `已清理${c ? `（${c.counts.total - c.counts.pending}）` : ''}` },
              { value: 'all', label: '全部' },
            ]}
          />
        </Flex>
        {mobile ? (
          <List
            loading={campaign.isFetching}
            dataSource={rows}
            data-testid="cleanup-cards"
            locale={{ emptyText: show === 'pending' ? '本年度清理范围内的文件均已标记' : '暂无文件' }}
            pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
            renderItem={(r) => (
              <Card size="small" style={{ marginBottom: 10 }}>
                <Link to={`/ledgers/normdocs.document/${r.id}`}>{r.title}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {r.docNo ?? '—'} · 公布 {formatDate(r.publishOn)} · 有效期至 {formatDate(r.validUntil)}
                  </Typography.Text>{' '}
                  {r.effect ? <Tag color={EFFECT_COLORS[r.effect] ?? 'default'}>{r.effect}</Tag> : null}
                </div>
                <div style={{ marginTop: 8 }}>
                  <ResultCell row={r} canMark={canMark} onMark={(result) => setMarking({ row: r, result })} />
                </div>
              </Card>
            )}
          />
        ) : (
        <DataTable<CampaignRow>
          rowKey="id"
          loading={campaign.isFetching}
          dataSource={rows}
          data-testid="cleanup-table"
          locale={{ emptyText: show === 'pending' ? '本年度清理范围内的文件均已标记' : '暂无文件' }}
          columns={[
            { title: '文号', key: 'no', width: 170, render: (_: unknown, r) => r.docNo ?? '—' },
            { title: '文件名称', key: 'title', render: (_: unknown, r) => <Link to={`/ledgers/normdocs.document/${r.id}`}>{r.title}</Link> },
            { title: '公布日期', key: 'pub', width: 110, render: (_: unknown, r) => formatDate(r.publishOn) },
            { title: '有效期至', key: 'valid', width: 110, render: (_: unknown, r) => formatDate(r.validUntil) },
            { title: '效力状态', key: 'effect', width: 100, render: (_: unknown, r) => (r.effect ? <Tag color={EFFECT_COLORS[r.effect] ?? 'default'}>{r.effect}</Tag> : '—') },
            {
              title: '清理结果',
              key: 'result',
              width: 260,
              render: (_: unknown, r) => <ResultCell row={r} canMark={canMark} onMark={(result) => setMarking({ row: r, result })} />,
            },
          ]}
        />
        )}
      </Card>
      {marking ? <MarkModal year={year} row={marking.row} result={marking.result} onClose={() => setMarking(null)} /> : null}
    </>
  );
}

function ResultCell({ row: r, canMark, onMark }: { row: CampaignRow; canMark: boolean; onMark: (result: CleanupResult) => void }) {
  if (r.cleanup)
    return (
      <div>
        <Tag color={CLEANUP_COLORS[r.cleanup.result]}>{r.cleanup.result}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {r.cleanup.reason}
        </Typography.Text>
      </div>
    );
  if (!canMark) return <Typography.Text type="secondary">未清理</Typography.Text>;
  return (
    <Space size={4} wrap>
      {RESULTS.map((res) => (
        <Button key={res} size="small" danger={res === '废止'} onClick={() => onMark(res)}>
          {res}
        </Button>
      ))}
    </Space>
  );
}

interface MarkValues {
  result: CleanupResult;
  reason: string;
  reviewed_on: string;
  campaign: string;
}

function MarkModal({ year, row, result, onClose }: { year: number; row: CampaignRow; result: CleanupResult; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, submitting, onFinish } = useApiForm<MarkValues, { repealed: boolean }>({
    submit: (v, submission) => api.post('/api/normdocs/cleanup/campaign', { ...v, year, document: row.id }, submission),
    successMessage: (r) => (r.repealed ? '已标记废止，该文件已废止' : '已标记'),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['decisions', 'campaign'] });
      await queryClient.invalidateQueries({ queryKey: ['ledgers'] });
      onClose();
    },
  });
  const chosen = Form.useWatch('result', form) ?? result;
  return (
    <FormModal<MarkValues>
      title={`清理：${row.title}`}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      okText="确认"
      danger={chosen === '废止'}
      initialValues={{ result, reason: DEFAULT_REASON[result], reviewed_on: chinaToday(), campaign: `${year}年度规范性文件集中清理` }}
      intro={chosen === '废止' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="标记废止后，该文件效力状态即改为“已废止”，并记入办理流程和审计日志。" /> : null}
    >
      <Form.Item name="result" label="清理结果" rules={[{ required: true, message: '请选择清理结果' }]}>
        <Select options={RESULTS.map((r) => ({ value: r, label: r }))} onChange={(r: CleanupResult) => form.setFieldValue('reason', DEFAULT_REASON[r])} />
      </Form.Item>
      <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} showCount />
      </Form.Item>
      <Form.Item
        name="reviewed_on"
        label="清理日期"
        rules={[{ required: true, message: '请选择清理日期' }]}
        getValueProps={(x: unknown) => ({ value: typeof x === 'string' && x ? dayjs(x) : null })}
        normalize={(d: unknown) => (d && dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null)}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="campaign" label="清理批次">
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
