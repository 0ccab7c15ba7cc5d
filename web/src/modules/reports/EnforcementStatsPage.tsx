import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Dropdown, Flex, Form, Input, InputNumber, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CellOverride, StatsCell, StatsRow, StatsView } from '../../../../common/enforcement-stats.types.ts';
import { api, errorText } from '../../platform/api.ts';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { ReportLookup } from './ReportLookup.tsx';
import { StatusTag } from './ReportPanels.tsx';


const FORMATS = [
  { key: 'docx', label: 'Word（DOCX）' },
  { key: 'pdf', label: 'PDF' },
];

function CellValue({ cell }: { cell: StatsCell }) {
  if (cell.source === 'na') return <Typography.Text type="secondary">—</Typography.Text>;
  if (cell.value === null)
    return (
      <Typography.Text type="secondary" title={cell.note ?? ""}>
        本系统未登记
      </Typography.Text>
    );
  const text = cell.value.toLocaleString('zh-CN');
  if (cell.source === 'override')
    return (
      <span title={`台账数据为${cell.computed ?? ''}；调整理由：${cell.note ?? ''}`}>
        <Typography.Text type="warning" strong>
          {text}
        </Typography.Text>{' '}
        <Tag color="orange">手工调整</Tag>
      </span>
    );
  return cell.link ? <Link to={cell.link}>{text}</Link> : <span>{text}</span>;
}

/** the table in the province's layout: behaviour type, item, unit, one column per layout column */
function StatsTableView({ view, onAdjust }: { view: StatsView; onAdjust: ((row: StatsRow, cell: StatsCell) => void) | null }) {
  const t = view.table;
  const mobile = useIsMobile();
  // on a phone the behaviour type heads its first row and the unit follows the item, so the figures stay in view
  const firstOf = (r: StatsRow) => t.rows.find((x) => x.group === r.group) === r;
  const columns: ColumnsType<StatsRow> = [
    ...(mobile ? [] : [{ title: '执法行为类型', dataIndex: 'group', width: 96, onCell: (r: StatsRow, i?: number) => ({ rowSpan: t.rows.findIndex((x) => x.group === r.group) === i ? t.rows.filter((x) => x.group === r.group).length : 0 }) }]),
    {
      title: mobile ? '统计项目（单位）' : '统计项目',
      dataIndex: 'label',
      render: (l: string, r) => (
        <span style={{ paddingLeft: r.indent * (mobile ? 8 : 16) }}>
          {mobile && firstOf(r) ? <Typography.Text strong>{r.group}　</Typography.Text> : null}
          {l}
          {mobile ? `（${r.unit}）` : ''}
        </span>
      ),
    },
    ...(mobile ? [] : [{ title: '单位', dataIndex: 'unit', width: 56, align: 'center' as const }]),
    ...t.columns.map((c, ci) => ({
      title: c.label,
      key: c.key,
      align: 'right' as const,
      width: mobile ? 92 : 150,
      render: (_: unknown, r: StatsRow) => {
        const cell = r.cells[ci];
        if (!cell) return null;
        const adjustable = onAdjust && (cell.source === 'indicator' || cell.source === 'override');
        return (
          <Space size={4}>
            <CellValue cell={cell} />
            {adjustable ? (
              <Button size="small" type="link" aria-label={`调整 ${r.label} ${c.label}`} onClick={() => onAdjust(r, cell)}>
                调整
              </Button>
            ) : null}
          </Space>
        );
      },
    })),
  ];
  return <Table<StatsRow> size="small" bordered rowKey="key" columns={columns} dataSource={t.rows} pagination={false} scroll={mobile ? {} : { x: 640 }} data-testid="stats-table" />;
}

function StatsWorkspace({ id }: { id: number }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['reports', 'stats', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<StatsView>(`/api/reports/enforcement-stats/${id}`, undefined, signal) });
  const [editing, setEditing] = useState<{ row: StatsRow; cell: StatsCell } | null>(null);
  const [form] = Form.useForm<{ value: number; reason: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reports'] });
  const save = useMutation({
    mutationFn: (overrides: Record<string, CellOverride>) => api.put<StatsView>(`/api/reports/enforcement-stats/${id}`, { overrides, version: q.data?.version }),
    onSuccess: async () => {
      setEditing(null);
      void message.success('已保存');
      await refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const submit = useMutation({
    mutationFn: () => api.post(`/api/reports/enforcement-stats/${id}/submit`, { version: q.data?.version }),
    onSuccess: async () => {
      void message.success('已提交，表格与数字已冻结');
      await refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const act = useMutation({
    mutationFn: (a: { url: string; body: unknown }) => api.post(a.url, a.body),
    onSuccess: async () => {
      void message.success('已完成');
      await refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  if (q.isError) return <LoadFailed error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  if (!v) return <Skeleton active paragraph={{ rows: 12 }} />;
  const editable = (v.status === 'drafting' || v.status === 'returned') && hasPermission(me, 'report.edit');
  const canSubmit = (v.status === 'drafting' || v.status === 'returned') && hasPermission(me, 'report.submit');
  const errors = v.table.checks.filter((c) => !c.ok && c.severity === 'error');
  const warnings = v.table.checks.filter((c) => !c.ok && c.severity === 'warning');
  const passed = v.table.checks.filter((c) => c.ok);
  const latest = v.versions[0];
  const openAdjust = (row: StatsRow, cell: StatsCell) => {
    const o = v.content.overrides[`${row.key}:${cell.col}`];
    form.setFieldsValue({ value: o?.value ?? cell.value ?? 0, reason: o?.reason ?? '' });
    setEditing({ row, cell });
  };
  const withOverride = (k: string, o: CellOverride | null): Record<string, CellOverride> => {
    const next = { ...v.content.overrides };
    if (o) next[k] = o;
    else delete next[k];
    return next;
  };
  return (
    <Flex vertical gap={16}>
      <Card
        title={<span data-testid="stats-title">{v.content.title}</span>}
        extra={
          <Space wrap>
            <StatusTag status={v.status} />
            <Dropdown menu={{ items: FORMATS.map((f) => ({ key: f.key, label: <a href={`/api/reports/enforcement-stats/${id}/export?format=${f.key}`} download>{f.label}</a> })) }}>
              <Button>导出</Button>
            </Dropdown>
            {canSubmit ? (
              <Button type="primary" disabled={errors.length > 0} loading={submit.isPending} onClick={() => submit.mutate()}>
                提交
              </Button>
            ) : null}
            {v.status === 'published' && hasPermission(me, 'report.submit') ? <Button onClick={() => act.mutate({ url: `/api/reports/enforcement-stats/${id}/correction`, body: {} })}>发起更正</Button> : null}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={[
          { key: 'org', label: '填报单位', children: v.orgName },
          { key: 'year', label: '统计年度', children: `${v.year}年` },
          { key: 'due', label: '报送期限', children: v.dueDate },
          { key: 'layout', label: '表式', children: `${v.table.title}（第${v.table.layoutVersion}版）` },
        ]} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 12 }}>
          {v.status === 'submitted' || v.status === 'published' ? '已提交的报告显示提交时冻结的表格。' : '蓝色数字取自台账实时数据，点击可查看对应记录；“本系统未登记”表示本系统没有该类执法行为的记录来源，不表示未发生。'}
        </Typography.Paragraph>
        <StatsTableView view={v} onAdjust={editable ? openAdjust : null} />
      </Card>
      <Card title="校验结果" size="small" data-testid="stats-checks">
        {errors.length ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`${errors.length}项校验未通过，须处理后才能提交`} /> : null}
        <Flex vertical gap={6} style={{ marginBottom: 8 }}>
          {[...errors, ...warnings, ...passed].map((c) => (
            <Flex key={c.id} gap={8} align="start">
              {c.ok ? <Tag color="green">通过</Tag> : c.severity === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">提示</Tag>}
              <span>{c.message}</span>
            </Flex>
          ))}
        </Flex>
        <Link to={`/reports/reconciliation?org=${v.orgCode}&year=${v.year}`}>查看三报对账</Link>
      </Card>
      {v.units ? (
        <Card title="下级单位报送情况（本表合计其已提交的统计年报）" size="small">
          <Space wrap>
            {v.units.map((u) => (
              <Tag key={u.code} color={u.source === 'submitted' ? 'green' : 'default'}>
                {u.name}：{u.source === 'submitted' ? `已报送第${u.versionNo ?? ''}版` : '未报送'}
              </Tag>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card title="提交版本" size="small">
        {v.versions.length === 0 ? (
          <Typography.Text type="secondary">尚未提交</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            {v.versions.map((ver) => (
              <Flex key={ver.id} gap={8} wrap align="center" justify="space-between">
                <Space wrap>
                  <span>第{ver.versionNo}版</span>
                  <StatusTag status={ver.status} />
                  <span>{formatDateTime(ver.submittedAt)} 提交</span>
                  {ver.late ? <Tag color="red">逾期</Tag> : null}
                  {ver.secrecyOpinion ? <Typography.Text type="secondary">保密审查：{ver.secrecyOpinion}</Typography.Text> : null}
                </Space>
                <Space>
                  {ver.status === 'submitted' && !ver.secrecyOpinion && hasPermission(me, 'report.secrecy') ? (
                    <Button size="small" onClick={() => act.mutate({ url: `/api/reports/annual/versions/${ver.id}/secrecy`, body: { passed: true, opinion: '不涉及国家秘密、工作秘密和个人信息，同意公开' } })}>
                      保密审查通过
                    </Button>
                  ) : null}
                  {ver.status === 'submitted' && ver.secrecyOpinion?.startsWith('通过') && hasPermission(me, 'report.publish') ? (
                    <Button size="small" type="primary" onClick={() => act.mutate({ url: `/api/reports/annual/versions/${ver.id}/publish`, body: { correctionNote: null } })}>
                      公开发布
                    </Button>
                  ) : null}
                </Space>
              </Flex>
            ))}
          </Flex>
        )}
        {latest?.returnReason ? <Alert type="warning" showIcon title={`退回原因：${latest.returnReason}`} style={{ marginTop: 8 }} /> : null}
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? `调整“${editing.row.label}”` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => void form.validateFields().then((f) => editing && save.mutate(withOverride(`${editing.row.key}:${editing.cell.col}`, { value: f.value, reason: f.reason })))}
        footer={(node) => (
          <Space>
            {editing && v.content.overrides[`${editing.row.key}:${editing.cell.col}`] ? <Button onClick={() => editing && save.mutate(withOverride(`${editing.row.key}:${editing.cell.col}`, null))}>恢复台账数据</Button> : null}
            {node}
          </Space>
        )}
      >
        <Typography.Paragraph type="secondary">台账数据为 {editing?.cell.computed ?? editing?.cell.value ?? '—'}。手工调整的数字在表中标注，并在对账中与另两份年报比对。</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="value" label="调整后数字" rules={[{ required: true, message: '请填写调整后数字' }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, min: 4, message: '请说明调整理由（至少4个字）' }]}>
            <Input.TextArea rows={3} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

/** 行政执法统计年报: pick a year and a unit; the report opens if it exists, 新建 drafts it on the current layout */
export function EnforcementStatsPage() {
  return (
    <ReportLookup
      title="行政执法统计年报"
      description="按省级统计表式，从执法案件、涉企行政检查等台账统计六类行政执法行为；提交后冻结，上级可见。"
      endpoint="/api/reports/enforcement-stats"
      noun="统计年报"
      missing="年度行政执法统计年报尚未新建"
      createHint={(title) => `新建后按现行统计表式生成《${title}》，数字取自台账实时数据。`}
      testId="stats-not-created"
      workspace={(id) => <StatsWorkspace key={id} id={id} />}
    />
  );
}
