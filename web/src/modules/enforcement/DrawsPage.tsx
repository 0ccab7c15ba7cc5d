import { AlertOutlined, CheckCircleOutlined, CloseCircleOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Select, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDate } from '../../platform/format.ts';
import { FormModal } from '../../platform/FormModal.tsx';
import { ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { LedgerPage } from '../../platform/ledger/ledger-types.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { beijingTime, DRAW_STATUS, enforcementKeys, type DrawRecord, type DrawStatus, type DrawSummary, type PublicDraw, type RepeatedInspection } from './enforcement-api.ts';

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
    { title: '状态', dataIndex: 'status', render: (_: string, d) => <DrawStatusTag status={d.status} legacy={d.legacy} /> },
    { title: '承诺时间', dataIndex: 'committedAt', render: (v: string | null) => beijingTime(v) },
    { title: '抽取日期', dataIndex: 'drawnOn', render: (v: string | null) => (v ? formatDate(v) : '—') },
    { title: '名录对象数', dataIndex: 'targets', render: (v: number) => v || '—' },
    { title: '抽取对象数', dataIndex: 'tasks' },
    { title: '作废理由', dataIndex: 'cancelReason', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title="双随机抽查"
        description="系统生成随机种子并先公开其哈希值（承诺），再冻结检查事项所属领域的检查对象名录和执法人员名录，最后揭示种子抽取。每一次抽取（含作废的）都公开，任何人可复核。"
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
}

/** a draw attempt's stage; a legacy draw's seed was never committed in advance */
export function DrawStatusTag({ status, legacy }: { status: DrawStatus; legacy: boolean }) {
  return (
    <Space size={4} wrap>
      <Tag color={DRAW_STATUS[status].color}>{DRAW_STATUS[status].label}</Tag>
      {legacy ? (
        <Tooltip title="按旧流程抽取：种子未事先承诺，可能由操作人员指定，结果可重算但不能证明未被操纵">
          <Tag color="orange">旧流程</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

function CreateDrawModal({ onClose, onCreated }: { onClose: () => void; onCreated: (d: DrawRecord) => void }) {
  const queryClient = useQueryClient();
  const matters = useQuery({
    queryKey: ['ledgers', 'enforcement.matter', 'inspection-matters'],
    queryFn: ({ signal }) => api.get<LedgerPage>(ledgerUrl('enforcement.matter'), { 'f.matter_type': '行政检查', 'f.matter_status': '有效', pageSize: 200 }, signal),
  });
  const { form, submitting, onFinish } = useApiForm<DrawValues, DrawRecord>({
    submit: (v, submission) => api.post<DrawRecord>('/api/enforcement/draws', Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')), submission),
    successMessage: () => '已生成随机种子并公开其哈希值，请冻结检查对象名录',
    onSuccess: async (d) => {
      await queryClient.invalidateQueries({ queryKey: enforcementKeys.draws });
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
      okText="生成种子并公开承诺"
      initialValues={{ perTarget: 2 }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} message="随机种子由系统生成，先在公开网站公布其SHA-256值（承诺）；随后冻结名录、揭示种子并抽取。每一步都公开，作废的抽取也公开并注明理由。" />}
    >
      <Form.Item name="title" label="抽查任务名称" rules={[{ required: true, whitespace: true, message: '请填写抽查任务名称' }, { min: 2, message: '至少2个字' }]}>
        <Input maxLength={200} placeholder="如：2026年第二季度餐饮服务单位抽查" />
      </Form.Item>
      <Form.Item name="matterId" label="检查事项" rules={[{ required: true, message: '请选择检查事项' }]} extra="只从本单位名录库中该事项执法领域的检查对象、具备该领域执法资格的人员中抽取">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={matters.isPending}
          placeholder="请选择行政检查事项"
          options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: `${String(m.values['code'] ?? '')} ${String(m.values['name'] ?? '')}${m.values['domain'] ? `（${String(m.values['domain'])}）` : ''}` }))}
          optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
        />
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
    </FormModal>
  );
}

/** one attempt: its three published steps, the next step for the operator, who was drawn and the public re-computation */
function DrawDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const draw = useQuery({ queryKey: ['enforcement', 'draw', id], queryFn: ({ signal }) => api.get<PublicDraw>(`/api/public/enforcement/draws/${id}`, undefined, signal) });
  const canDraw = hasPermission(me, 'enforcement.draw.create');
  const refresh = async (): Promise<void> => {
    await queryClient.invalidateQueries({ queryKey: ['enforcement', 'draw', id] });
    await queryClient.invalidateQueries({ queryKey: enforcementKeys.draws });
  };
  const step = async (action: 'freeze' | 'draw'): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      const d = await api.post<DrawRecord>(`/api/enforcement/draws/${id}/${action}`, {});
      if (action === 'freeze') void message.success(`已冻结名录：检查对象${d.targets.length}个、执法人员${d.inspectors.length}名`);
      else if (d.status === 'drawn') void message.success(`已抽取${d.result.length}个检查对象，生成${d.caseIds?.length ?? 0}项检查任务`);
      else void message.warning(d.cancelReason ?? '本次抽取作废');
      if (action === 'draw') await queryClient.invalidateQueries({ queryKey: ['ledgers', 'enforcement.case'] });
      await refresh();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  if (draw.isError) return <LoadFailed error={draw.error} onRetry={() => void draw.refetch()} />;
  const d = draw.data;
  return (
    <Card
      size="small"
      loading={draw.isPending}
      style={{ marginBottom: 16 }}
      data-testid="draw-detail"
      title={d ? `抽取：${d.title}` : '抽取'}
      extra={<Button size="small" onClick={onClose}>收起</Button>}
    >
      {d ? (
        <>
          <DrawSteps draw={d} />
          {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(failure)} /> : null}
          {canDraw && (d.status === 'committed' || d.status === 'frozen') ? (
            <Space wrap style={{ marginBottom: 12 }}>
              {d.status === 'committed' ? (
                <Button type="primary" loading={busy} onClick={() => void step('freeze')}>
                  冻结名录并公开
                </Button>
              ) : (
                <Button type="primary" loading={busy} onClick={() => void step('draw')}>
                  揭示种子并抽取
                </Button>
              )}
              <Button danger disabled={busy} onClick={() => setCancelling(true)}>
                作废本次抽取
              </Button>
            </Space>
          ) : null}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'matter', label: '检查事项', children: `${d.matterName}${d.domain ? `（${d.domain}）` : ''}` },
              { key: 'org', label: '抽取单位', children: d.orgName },
              { key: 'pool', label: '冻结名录', children: d.targets.length ? `检查对象${d.targets.length}个、执法人员${d.inspectors.length}名` : '尚未冻结' },
              { key: 'verified', label: '重算核验', children: <ServerChecks draw={d} /> },
              {
                key: 'links',
                label: '相关',
                children: (
                  <Space wrap>
                    {d.status === 'drawn' ? <Link to={`/ledgers/enforcement.case?f.draw_id=${d.id}`}>检查任务（{d.result.length}项）</Link> : null}
                    <Link to={`/public/enforcement/draws/${d.id}`} target="_blank">
                      <LinkOutlined /> 公开核验页面
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
          {d.status === 'drawn' ? <DrawResultTable draw={d} /> : null}
        </>
      ) : null}
      {cancelling ? <CancelDrawModal id={id} onClose={() => setCancelling(false)} onDone={async () => { setCancelling(false); await refresh(); }} /> : null}
    </Card>
  );
}

/** the three published steps with their hashes and times; a discarded attempt shows why */
export function DrawSteps({ draw: d }: { draw: DrawRecord }) {
  const hash = (v: string | null) => (v ? <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>{v}</Typography.Text> : null);
  const drawnStep = d.status === 'cancelled' ? 2 : d.status === 'drawn' ? 3 : d.status === 'frozen' ? 2 : 1;
  return (
    <>
      {d.legacy ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="旧流程抽取：种子未事先承诺，可能由操作人员指定。结果可按种子和名录重算，但不能证明抽取未被操纵。" /> : null}
      {d.status === 'cancelled' ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`本次抽取已于${beijingTime(d.cancelledAt)}作废`} description={`作废理由：${d.cancelReason ?? ''}`} /> : null}
      <Steps
        direction="vertical"
        size="small"
        current={drawnStep}
        status={d.status === 'cancelled' ? 'error' : 'process'}
        style={{ marginBottom: 12 }}
        items={[
          { title: <>承诺种子 <DrawStatusTag status={d.status} legacy={d.legacy} /></>, description: d.legacy ? '旧流程未承诺' : <>{beijingTime(d.committedAt)} 公开种子的SHA-256值：{hash(d.seedHash)}</> },
          { title: '冻结名录', description: d.listHash ? <>{beijingTime(d.frozenAt)} 公开名录的SHA-256值：{hash(d.listHash)}</> : '待冻结' },
          { title: '揭示种子并抽取', description: d.seed ? <>{beijingTime(d.drawnAt ?? d.cancelledAt)} 揭示种子：{hash(d.seed)}</> : '待抽取（种子保密）' },
        ]}
      />
    </>
  );
}

function ServerChecks({ draw: d }: { draw: PublicDraw }) {
  if (d.verified) return <Tag icon={<CheckCircleOutlined />} color="success">种子与承诺一致、名录未改动、结果可重现</Tag>;
  if (d.status === 'committed' || d.status === 'frozen') return <Typography.Text type="secondary">抽取后核验</Typography.Text>;
  const bad = [d.checks.seedMatchesCommitment === false ? '种子与承诺不一致' : '', d.checks.listMatchesHash === false ? '名录与冻结时不一致' : '', d.checks.resultReproduced === false ? '重算结果不一致' : ''].filter(Boolean);
  if (bad.length) return <Tag icon={<CloseCircleOutlined />} color="error">{bad.join('、')}</Tag>;
  return d.legacy ? <Tag color="orange">结果可重算，种子未事先承诺</Tag> : <Typography.Text type="secondary">已作废，未抽取</Typography.Text>;
}

function CancelDrawModal({ id, onClose, onDone }: { id: number; onClose: () => void; onDone: () => Promise<void> }) {
  const { form, submitting, onFinish } = useApiForm<{ reason: string }, DrawRecord>({
    submit: (v, submission) => api.post<DrawRecord>(`/api/enforcement/draws/${id}/cancel`, v, submission),
    successMessage: () => '已作废，作废理由和种子已公开',
    onSuccess: onDone,
  });
  return (
    <FormModal<{ reason: string }> title="作废本次抽取" form={form} onFinish={onFinish} submitting={submitting} onClose={onClose} okText="作废" intro={<Alert type="warning" showIcon style={{ marginBottom: 12 }} message="作废后本次抽取仍在公开网站公示，作废理由和种子一并公开。" />}>
      <Form.Item name="reason" label="作废理由" rules={[{ required: true, whitespace: true, message: '请填写作废理由' }, { min: 4, message: '至少4个字' }]}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormModal>
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
