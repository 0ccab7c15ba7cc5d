import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { FormModal } from '../../platform/FormModal.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { ACTIVITY_MODES, cluesKey, INSTRUMENT_KINDS, INSTRUMENT_LEDGER, type Clue, type ClueList } from './supervision-api.ts';

const STATE_LABELS: Record<string, string> = { issued: '待整改', reported: '待核查', verified: '整改到位' };

/** 监督线索: the leads the records give, per unit, each opening its records; an instrument or an activity made from one */
export function CluesPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const kind = params.get('kind') ?? '';
  const clues = useQuery({ queryKey: cluesKey(year), queryFn: ({ signal }) => api.get<ClueList>('/api/supervision/clues', { year }, signal) });
  const [issuing, setIssuing] = useState<Clue | null>(null);
  const [opening, setOpening] = useState<Clue | null>(null);
  const canIssue = hasPermission(me, 'supervision.opinion.create');
  const canOpen = hasPermission(me, 'supervision.activity.create');
  const items = (clues.data?.items ?? []).filter((c) => !kind || c.kind === kind);
  const set = (k: string, v: string): void => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });

  const made = (c: Clue) =>
    c.instruments.length || c.activities.length ? (
      <Space direction="vertical" size={2}>
        {c.instruments.map((i) => (
          <Link key={`i${i.id}`} to={`/ledgers/${INSTRUMENT_LEDGER}/${i.id}`}>
            {i.kind} {i.no}（{STATE_LABELS[i.state ?? ''] ?? '—'}）
          </Link>
        ))}
        {c.activities.map((a) => (
          <Link key={`a${a.id}`} to={`/ledgers/supervision.activity/${a.id}`}>
            监督活动：{a.title}
          </Link>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">尚未处理</Typography.Text>
    );
  const actions = (c: Clue) => (
    <Space size={12} wrap>
      {canIssue ? <a onClick={() => setIssuing(c)} data-testid="clue-issue">制发监督文书</a> : null}
      {canOpen ? <a onClick={() => setOpening(c)}>立为监督活动</a> : null}
    </Space>
  );
  // one cell per clue: what it is, the records it opens, what was made of it and what can be done — no sideways scroll
  const columns: ColumnsType<Clue> = [
    {
      title: '单位',
      dataIndex: 'orgName',
      width: 96,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: '线索',
      dataIndex: 'summary',
      render: (_: string, c) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Tag color="volcano" style={{ whiteSpace: 'normal' }}>{c.kindLabel}</Tag>
          <span style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>{c.summary.slice(c.kindLabel.length + 1)}</span>
          <Space size={12} wrap>
            {c.sources.map((s) => (
              <Link key={s.ledger} to={s.link} data-testid="clue-records">
                查看{s.ledgerLabel}记录（{s.ids.length}条）
              </Link>
            ))}
          </Space>
          <Space size={12} wrap>
            {made(c)}
            {actions(c)}
          </Space>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="监督线索"
        description="由系统根据各单位的执法记录自动生成，每条线索可打开其所依据的记录。线索仅供监督机关掌握，核实后可制发监督文书或立为监督活动；被监督单位看不到线索清单。"
        extra={
          <Space wrap>
            <Select<number> value={year} style={{ width: 110 }} onChange={(v) => set('year', String(v))} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} aria-label="年度" />
            <Select<string> value={kind} style={{ width: 230 }} onChange={(v) => set('kind', v)} options={[{ value: '', label: '全部线索类别' }, ...(clues.data?.kinds ?? []).map((k) => ({ value: k.kind, label: k.label }))]} aria-label="线索类别" />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {clues.isError ? (
          <LoadFailed error={clues.error} onRetry={() => void clues.refetch()} />
        ) : (
          <DataTable<Clue> rowKey="key" scroll={{ x: '100%' }} loading={clues.isPending} columns={columns} dataSource={items} locale={{ emptyText: <Empty description="本年度暂无线索" /> }} pagination={{ defaultPageSize: 20 }} />
        )}
      </Card>
      {clues.data ? (
        <Card size="small" title="线索规则和提示线" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1} items={clues.data.kinds.map((k) => ({ key: k.kind, label: k.label, children: k.basis }))} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            提示线（系统设置，可由管理员调整）：{clues.data.settings.map((s) => `${s.label}${s.value}`).join('；')}。行政执法监督条例全文未能核对，各项提示线为地方可调整的设置。
          </Typography.Paragraph>
        </Card>
      ) : null}
      {issuing ? <IssueModal clue={issuing} onClose={() => setIssuing(null)} /> : null}
      {opening ? <ActivityModal clue={opening} onClose={() => setOpening(null)} /> : null}
    </>
  );
}

interface IssueValues {
  kind: (typeof INSTRUMENT_KINDS)[number];
  issued_on: dayjs.Dayjs;
  rectify_days: number;
  requirements: string;
}

function IssueModal({ clue, onClose }: { clue: Clue; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { form, submitting, onFinish } = useApiForm<IssueValues, { id: number }>({
    submit: (v, submission) => api.post<{ id: number }>('/api/supervision/clues/instrument', { clue: clue.key, kind: v.kind, issued_on: v.issued_on.format('YYYY-MM-DD'), rectify_days: v.rectify_days, requirements: v.requirements }, submission),
    successMessage: '监督文书已制发，已送达该单位待办',
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: ['supervision', 'clues'] });
      onClose();
      void navigate(`/ledgers/${INSTRUMENT_LEDGER}/${r.id}`);
    },
  });
  return (
    <FormModal<IssueValues>
      title={`制发监督文书：${clue.orgName}`}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      okText="制发"
      initialValues={{ kind: '意见书', issued_on: dayjs(), rectify_days: 30 }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} message={clue.summary} description="文书“发现的问题”由系统按线索写入所涉记录的案号（编号），并记录线索和记录编号。" />}
    >
      <Form.Item name="kind" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]}>
        <Select options={INSTRUMENT_KINDS.map((k) => ({ value: k, label: `行政执法监督${k}` }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="issued_on" label="制发日期" rules={[{ required: true, message: '请选择制发日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="rectify_days" label="整改期限（日）" rules={[{ required: true, message: '请填写整改期限' }]} extra="自制发之日起计算的自然日">
          <InputNumber min={1} max={180} />
        </Form.Item>
      </Space>
      <Form.Item name="requirements" label="监督意见（决定、建议）和整改要求" rules={[{ required: true, whitespace: true, message: '请填写整改要求' }, { min: 10, message: '不能少于10个字' }]}>
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
    </FormModal>
  );
}

function ActivityModal({ clue, onClose }: { clue: Clue; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { form, submitting, onFinish } = useApiForm<{ mode: string; planned_on: dayjs.Dayjs }, { id: number }>({
    submit: (v, submission) => api.post<{ id: number }>('/api/supervision/clues/activity', { clue: clue.key, mode: v.mode, planned_on: v.planned_on.format('YYYY-MM-DD') }, submission),
    successMessage: '已立为监督活动',
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: ['supervision', 'clues'] });
      onClose();
      void navigate(`/ledgers/supervision.activity/${r.id}`);
    },
  });
  return (
    <FormModal<{ mode: string; planned_on: dayjs.Dayjs }> title={`立为监督活动：${clue.orgName}`} form={form} onFinish={onFinish} submitting={submitting} onClose={onClose} okText="立项" initialValues={{ mode: '专项监督', planned_on: dayjs() }} intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} message={clue.summary} />}>
      <Form.Item name="mode" label="监督方式" rules={[{ required: true, message: '请选择监督方式' }]}>
        <Select options={ACTIVITY_MODES.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Form.Item name="planned_on" label="计划日期" rules={[{ required: true, message: '请选择计划日期' }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
