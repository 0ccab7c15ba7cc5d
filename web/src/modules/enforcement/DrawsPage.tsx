import { AlertOutlined, CheckCircleOutlined, CloseCircleOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDate } from '../../platform/format.ts';
import { FormModal } from '../../platform/FormModal.tsx';
import { useLedgerMeta, ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { LedgerPage } from '../../platform/ledger/ledger-types.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { enforcementKeys, type DrawRecord, type DrawSummary, type PublicDraw, type RepeatedInspection } from './enforcement-api.ts';

/** 双随机抽查: the draws, a new draw, one draw's result, and the repeated-inspection alerts */
export function DrawsPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const selected = Number(params.get('draw')) || null;
  const draws = useQuery({ queryKey: enforcementKeys.draws, queryFn: ({ signal }) => api.get<{ items: DrawSummary[] }>('/api/enforcement/draws', undefined, signal) });
  const alerts = useQuery({ queryKey: enforcementKeys.alerts, queryFn: ({ signal }) => api.get<{ items: RepeatedInspection[] }>('/api/enforcement/alerts/repeated-inspections', undefined, signal) });
  const canDraw = hasPermission(me, 'enforcement.draw.create');
  const select = (id: number | null): void => setParams(id ? { draw: String(id) } : {}, { replace: false });

  const columns: ColumnsType<DrawSummary> = [
    { title: '抽查任务', dataIndex: 'title', render: (v: string, d) => <a onClick={() => select(d.id)}>{v}</a> },
    { title: '抽取日期', dataIndex: 'drawnOn', render: (v: string) => formatDate(v) },
    { title: '名录库对象数', dataIndex: 'targets' },
    { title: '抽中对象', dataIndex: 'tasks' },
    { title: '随机种子', dataIndex: 'seed', render: (v: string) => <Typography.Text code copyable style={{ fontSize: 12 }}>{v}</Typography.Text> },
  ];

  return (
    <>
      <PageHeader
        title="双随机抽查"
        description="从检查对象名录库和执法人员名录库中随机抽取检查对象和执法人员，抽取种子、冻结的名录和结果一并公开，任何人可复核。"
        extra={
          <>
            <Link to="/ledgers/enforcement.target">
              <Button>检查对象名录库</Button>
            </Link>
            <Link to="/ledgers/enforcement.inspector">
              <Button>执法人员名录库</Button>
            </Link>
            {canDraw ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建抽取
              </Button>
            ) : null}
          </>
        }
      />
      {selected ? <DrawDetail id={selected} onClose={() => select(null)} /> : null}
      <Card size="small" title="抽取批次" style={{ marginBottom: 16 }}>
        {draws.isError ? (
          <LoadFailed error={draws.error} onRetry={() => void draws.refetch()} />
        ) : (
          <DataTable<DrawSummary> rowKey="id" loading={draws.isPending} columns={columns} dataSource={draws.data?.items ?? []} locale={{ emptyText: <Empty description="尚未进行抽取" /> }} pagination={{ defaultPageSize: 10 }} />
        )}
      </Card>
      <AlertsCard alerts={alerts.data?.items} loading={alerts.isPending} error={alerts.error} />
      {creating ? <CreateDrawModal onClose={() => setCreating(false)} onCreated={(d) => { setCreating(false); select(d.id); }} /> : null}
    </>
  );
}

interface DrawValues {
  title: string;
  matterId: number;
  targetCount: number;
  perTarget: number;
  maxPerInspector?: number;
  domain?: string;
  seed?: string;
}

function CreateDrawModal({ onClose, onCreated }: { onClose: () => void; onCreated: (d: DrawRecord) => void }) {
  const queryClient = useQueryClient();
  const targetMeta = useLedgerMeta('enforcement.target');
  const domains = targetMeta.data?.fields.find((f) => f.name === 'domain')?.options ?? [];
  const matters = useQuery({
    queryKey: ['ledgers', 'enforcement.matter', 'inspection-matters'],
    queryFn: ({ signal }) => api.get<LedgerPage>(ledgerUrl('enforcement.matter'), { 'f.matter_type': '行政检查', 'f.matter_status': '有效', pageSize: 200 }, signal),
  });
  const { form, submitting, onFinish } = useApiForm<DrawValues, DrawRecord>({
    submit: (v) => api.post<DrawRecord>('/api/enforcement/draws', Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''))),
    successMessage: (d) => `已抽取${d.result.length}个检查对象，生成${d.caseIds?.length ?? 0}项检查任务`,
    onSuccess: async (d) => {
      await queryClient.invalidateQueries({ queryKey: enforcementKeys.draws });
      await queryClient.invalidateQueries({ queryKey: ['ledgers', 'enforcement.case'] });
      onCreated(d);
    },
  });
  return (
    <FormModal<DrawValues>
      title="新建“双随机”抽取"
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      okText="抽取"
      initialValues={{ perTarget: 2 }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} message="抽取后名录即被冻结并与种子、结果一并公开；每个抽中对象生成一项行政检查任务。" />}
    >
      <Form.Item name="title" label="抽查任务名称" rules={[{ required: true, whitespace: true, message: '请填写抽查任务名称' }, { min: 2, message: '至少2个字' }]}>
        <Input maxLength={200} placeholder="如：2026年第二季度餐饮服务单位抽查" />
      </Form.Item>
      <Form.Item name="matterId" label="检查事项" rules={[{ required: true, message: '请选择检查事项' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={matters.isPending}
          placeholder="请选择行政检查事项"
          options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: `${String(m.values['code'] ?? '')} ${String(m.values['name'] ?? '')}` }))}
          optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
        />
      </Form.Item>
      <Form.Item name="domain" label="监管领域" extra="只从该领域的检查对象中抽取；不选则从全部纳入抽查的对象中抽取">
        <Select allowClear placeholder="全部领域" options={domains.map((d) => ({ value: d, label: d }))} />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name="targetCount" label="抽取对象数" rules={[{ required: true, message: '请填写抽取对象数' }]}>
          <InputNumber min={1} max={500} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="perTarget" label="每个对象执法人员数" rules={[{ required: true, message: '请填写人数' }]} extra="不少于2名">
          <InputNumber min={1} max={5} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="maxPerInspector" label="每名人员最多任务数" extra="不填不限">
          <InputNumber min={1} max={500} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="seed" label="随机种子" extra="不填由系统随机生成；可填现场公证或摇号产生的数字串（8至100位）" rules={[{ min: 8, message: '随机种子至少8位' }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** one draw: its inputs, who was drawn, the tasks it created and the public re-computation */
function DrawDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const draw = useQuery({ queryKey: ['enforcement', 'draw', id], queryFn: ({ signal }) => api.get<PublicDraw>(`/api/public/enforcement/draws/${id}`, undefined, signal) });
  if (draw.isError) return <LoadFailed error={draw.error} onRetry={() => void draw.refetch()} />;
  const d = draw.data;
  return (
    <Card
      size="small"
      loading={draw.isPending}
      style={{ marginBottom: 16 }}
      data-testid="draw-detail"
      title={d ? `抽取结果：${d.title}` : '抽取结果'}
      extra={<Button size="small" onClick={onClose}>收起</Button>}
    >
      {d ? (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'on', label: '抽取日期', children: formatDate(d.drawnOn) },
              { key: 'org', label: '抽取单位', children: d.orgName },
              { key: 'seed', label: '随机种子', children: <Typography.Text code copyable>{d.seed}</Typography.Text> },
              { key: 'pool', label: '冻结名录', children: `检查对象${d.targets.length}个、执法人员${d.inspectors.length}名` },
              { key: 'verified', label: '重算核验', children: d.verified ? <Tag icon={<CheckCircleOutlined />} color="success">按公开算法重算，结果一致</Tag> : <Tag icon={<CloseCircleOutlined />} color="error">重算结果不一致</Tag> },
              {
                key: 'links',
                label: '相关',
                children: (
                  <Space wrap>
                    <Link to={`/ledgers/enforcement.case?f.draw_id=${d.id}`}>检查任务（{d.result.length}项）</Link>
                    <Link to={`/public/enforcement/draws/${d.id}`} target="_blank">
                      <LinkOutlined /> 公开核验页面
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
          <DrawResultTable draw={d} />
        </>
      ) : null}
    </Card>
  );
}

/** the drawn targets in draw order, with the inspectors assigned to each and the inspection's outcome */
export function DrawResultTable({ draw }: { draw: PublicDraw }) {
  const targets = new Map(draw.targets.map((t) => [t.id, t]));
  const inspectors = new Map(draw.inspectors.map((i) => [i.id, i]));
  const outcome = new Map(draw.outcomes.map((o) => [o.uscc, o]));
  const rows = draw.result.map((a, i) => ({ n: i + 1, target: targets.get(a.targetId), inspectors: a.inspectorIds.map((x) => inspectors.get(x)) }));
  return (
    <DataTable
      rowKey="n"
      size="small"
      style={{ marginTop: 12 }}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '序号', dataIndex: 'n', width: 56 },
        { title: '检查对象', key: 't', render: (_, r) => <>{r.target?.name}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.target?.uscc} · {r.target?.domain}</Typography.Text></div></> },
        { title: '执法人员', key: 'i', render: (_, r) => r.inspectors.map((x) => (x ? `${x.name}（${x.certNo}）` : '')).join('、') },
        {
          title: '检查结果',
          key: 'o',
          render: (_, r) => {
            const o = r.target ? outcome.get(r.target.uscc) : undefined;
            return o?.result ? <Tag color={o.result === '合格' ? 'green' : 'orange'}>{o.result}</Tag> : <Typography.Text type="secondary">待检查</Typography.Text>;
          },
        },
      ]}
    />
  );
}

function AlertsCard({ alerts, loading, error }: { alerts: RepeatedInspection[] | undefined; loading: boolean; error: unknown }) {
  return (
    <Card
      size="small"
      loading={loading}
      data-testid="repeated-alerts"
      title={
        <Space>
          <AlertOutlined style={{ color: '#d4380d' }} />
          重复检查预警（同一对象30日内被多个机关检查）
        </Space>
      }
    >
      {error ? <LoadFailed error={error} /> : null}
      {alerts && alerts.length === 0 ? <Empty description="近一年没有重复检查" /> : null}
      <List
        dataSource={alerts ?? []}
        renderItem={(a) => (
          <List.Item key={a.uscc}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{a.party}</span>
                  <Tag color="orange">{a.bodies.length}个机关</Tag>
                </Space>
              }
              description={
                <>
                  <div>
                    {formatDate(a.from)} 至 {formatDate(a.to)}：{a.bodies.join('、')}
                  </div>
                  <Space wrap size={4} style={{ marginTop: 4 }}>
                    {a.visits.map((v) => (
                      <Link key={v.caseId} to={`/ledgers/enforcement.case/${v.caseId}`}>
                        <Tag>
                          {formatDate(v.date)} {v.orgName}
                        </Tag>
                      </Link>
                    ))}
                  </Space>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
