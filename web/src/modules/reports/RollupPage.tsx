import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Space, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { formatNumber } from './live-text.ts';
import { reportKeys, versionExportUrl, type Compare, type Rollup, type RollupRow } from './report-api.ts';
import { StatusTag } from './ReportPanels.tsx';
import { DeadlinesCard } from './DeadlinesCard.tsx';
import { SubmissionsCard } from './SubmissionsCard.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

// the indicators a county usually compares first
const DEFAULT_IDS = ['mediation.cases', 'mediation.success_rate', 'petitions.cases', 'publicity.activities', 'legal-advisors.reviews', 'reconsideration.litigations'];

function UnitsChart({ data, indicator }: { data: Compare; indicator: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const meta = data.indicators.find((i) => i.id === indicator);
    const units = data.units.slice(0, -1);
    chart.setOption({
      grid: { left: 48, right: 16, top: 28, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}${meta?.unit ?? ''}` },
      xAxis: { type: 'category', data: units.map((u) => u.orgName), axisLabel: { interval: 0, rotate: units.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', name: meta?.unit ?? '' },
      series: [{ type: 'bar', barMaxWidth: 40, data: units.map((u) => u.values[indicator] ?? 0), itemStyle: { color: '#1d4ed8' }, label: { show: true, position: 'top' } }],
    });
    // the card settles its width after the table lays out; follow the element, not the window
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, indicator]);
  return <div ref={el} style={{ width: '100%', minWidth: 0, height: 320, overflow: 'hidden' }} role="img" aria-label="指标对比柱状图" />;
}

function ComparePanel({ year }: { year: number }) {
  const all = useQuery({ queryKey: reportKeys.compare(year), queryFn: ({ signal }) => api.get<Compare>('/api/reports/annual/compare', { year }, signal) });
  const [ids, setIds] = useState<string[] | null>(null);
  const [chartId, setChartId] = useState<string | null>(null);
  const chosen = useMemo(() => {
    if (ids) return ids;
    const known = new Set(all.data?.indicators.map((i) => i.id));
    const d = DEFAULT_IDS.filter((i) => known.has(i));
    return d.length ? d : (all.data?.indicators.slice(0, 6).map((i) => i.id) ?? []);
  }, [ids, all.data]);
  if (all.isError) return <LoadFailed error={all.error} onRetry={() => void all.refetch()} />;
  const data = all.data;
  type Row = { id: string; label: string; unit: string };
  const rows: Row[] = data ? data.indicators.filter((i) => chosen.includes(i.id)) : [];
  const columns: ColumnsType<Row> = [
    { title: '指标', dataIndex: 'label', fixed: 'left', width: 200, render: (l: string, r) => `${l}（${r.unit}）` },
    ...(data?.units ?? []).map((u, n, list) => ({
      title: n === list.length - 1 ? '合计' : u.orgName,
      key: `${u.orgCode}-${u.orgName}`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => {
        const v = u.values[r.id];
        const text = v === undefined ? '—' : formatNumber(v);
        return n === list.length - 1 ? <Typography.Text strong>{text}</Typography.Text> : text;
      },
    })),
  ];
  const chartIndicator = chartId ?? chosen[0] ?? null;
  return (
    <Card title="指标对比" size="small">
      <Flex vertical gap={12}>
        <Select
          mode="multiple"
          aria-label="对比指标"
          placeholder="选择要对比的指标"
          value={chosen}
          onChange={setIds}
          options={(data?.indicators ?? []).map((i) => ({ value: i.id, label: i.label }))}
          showSearch={{ optionFilterProp: 'label' }}
          maxTagCount="responsive"
          style={{ width: '100%' }}
        />
        <DataTable<Row> rowKey="id" loading={all.isLoading} columns={columns} dataSource={rows} pagination={false} size="small" />
        {data && chartIndicator ? (
          <>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>柱状图指标：</Typography.Text>
              <Select aria-label="柱状图指标" style={{ minWidth: 240 }} value={chartIndicator} onChange={setChartId} options={rows.map((r) => ({ value: r.id, label: r.label }))} />
            </Flex>
            <UnitsChart data={data} indicator={chartIndicator} />
          </>
        ) : null}
      </Flex>
    </Card>
  );
}

/** 下级报送情况: which units submitted their annual report, on time or late, and how their figures compare */
export function RollupPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const rollup = useQuery({ queryKey: reportKeys.rollup(year), queryFn: ({ signal }) => api.get<Rollup>('/api/reports/annual/rollup', { year }, signal) });
  const [returning, setReturning] = useState<RollupRow | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const canReturn = hasPermission(me, 'report.return');

  const counts = useMemo(() => {
    const m = new Map<string, { label: string; n: number }>();
    for (const r of rollup.data?.rows ?? []) m.set(r.status, { label: r.statusLabel, n: (m.get(r.status)?.n ?? 0) + 1 });
    return [...m.entries()];
  }, [rollup.data]);

  const doReturn = async (): Promise<void> => {
    if (!returning?.versionId) return;
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/api/reports/annual/versions/${returning.versionId}/return`, { reason });
      void message.success(`已退回${returning.orgName}的报告`);
      setReturning(null);
      await queryClient.invalidateQueries({ queryKey: reportKeys.rollup(year) });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<RollupRow> = [
    { title: '单位', dataIndex: 'orgName', render: (n: string, r) => <span>{n} <Typography.Text type="secondary">{r.kind === 'town' ? '乡镇' : r.kind === 'department' ? '县级部门' : ''}</Typography.Text></span> },
    { title: '报送状态', dataIndex: 'status', render: (s: string, r) => <StatusTag status={s} label={r.statusLabel} /> },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      render: (v: string | null, r) => {
        const due = rollup.data?.dueDate;
        // days past the county's date: for a late submission up to the day it came, for a missing one up to today
        const past = due ? (v ? dayjs(v).startOf('day') : dayjs().startOf('day')).diff(dayjs(due), 'day') : 0;
        return (
          <span>
            {v ? formatDateTime(v) : '—'}
            {past > 0 && (r.late || r.status === 'overdue') ? <Typography.Text type="danger">{`（逾期${past}天）`}</Typography.Text> : null}
          </span>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.draftId ? <Link to={`/reports/annual/${r.draftId}`}>查看报告</Link> : <Typography.Text type="secondary">尚未起草</Typography.Text>}
          {r.versionId ? (
            <a href={versionExportUrl(r.versionId, 'docx')} download>
              下载
            </a>
          ) : null}
          {canReturn && r.versionId && r.status !== 'published' ? (
            <Button size="small" type="link" danger onClick={() => (form.resetFields(), setReturning(r))}>
              退回
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="下级报送情况"
        description={rollup.data ? `${year}年度法治政府建设报告，报送截止日期 ${rollup.data.dueDate}` : '各下级单位年度报告的报送、审核与发布情况'}
        extra={<DatePicker picker="year" aria-label="报告年度" allowClear={false} value={dayjs(`${year}-01-01`)} format="YYYY年" onChange={(d) => d && setParams({ year: String(d.year()) }, { replace: true })} disabledDate={(d) => d.year() > dayjs().year()} />}
      />
      {rollup.isError ? (
        <LoadFailed error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Flex gap={32} wrap>
              <Statistic title="下级单位" value={rollup.data?.rows.length ?? 0} suffix="个" />
              {counts.map(([status, c]) => (
                <Statistic key={status} title={<StatusTag status={status} label={c.label} />} value={c.n} suffix="个" />
              ))}
            </Flex>
          </Card>
          <SubmissionsCard year={year} canUrge={hasPermission(me, 'report.rollup')} />
          <DeadlinesCard canEdit={hasPermission(me, 'report.template')} />
          <DataTable<RollupRow> rowKey="orgCode" loading={rollup.isLoading} columns={columns} dataSource={rollup.data?.rows ?? []} pagination={false} data-testid="rollup-table" />
          <ComparePanel year={year} />
        </Flex>
      )}
      <Modal open={!!returning} title={`退回${returning?.orgName ?? ''}的报告`} okText="退回" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} onOk={() => void doReturn()} onCancel={() => setReturning(null)}>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="退回原因" rules={[{ required: true, min: 4, message: '请说明退回原因（至少4个字）' }]}>
            <Input.TextArea rows={3} placeholder="如：第一部分缺少行政执法情况，请补充后重新提交。" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
