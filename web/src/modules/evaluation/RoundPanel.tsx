import { CalculatorOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { ConclusionCard } from '../../platform/ConclusionCard.tsx';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';
import { applyServerErrors } from '../../platform/use-api-form.ts';
import { pts, ROUND_LEDGER, RESULT_LEDGER, UNIT_GROUP_LABELS, useRound, type Evidence, type RoundDetail, type ScoreLine, type UnitGroup, type UnitResult } from './evaluation-api.ts';
import { ScoreLines } from './ScoreLines.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const cn = (code: string): string => CN[Number(code) - 1] ?? code;
const GROUPS: readonly UnitGroup[] = ['town', 'department'];
/** the round's groups of units that hold any: towns and county departments are each ranked among their own */
const groupsOf = (d: RoundDetail): Array<{ group: UnitGroup; units: UnitResult[] }> => GROUPS.map((group) => ({ group, units: d.units.filter((u) => u.group === group) })).filter((g) => g.units.length > 0);
const COLORS = ['#1d4ed8', '#0891b2', '#059669', '#65a30d', '#ca8a04', '#ea580c', '#dc2626', '#9333ea', '#db2777', '#475569'];

/** the 考核's own cards: computing, the ranking with each first-level subtotal (each opens its scores and evidence), the chart, objections, closing */
export function RoundPanel({ record }: RecordPanelProps) {
  const round = useRound(record.id);
  const me = useMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<{ unit: string; group: string | null } | null>(null);
  const [scoring, setScoring] = useState<{ unit: UnitResult; line: ScoreLine } | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ROUND_LEDGER, record.id) });
    await queryClient.invalidateQueries({ queryKey: [...ledgerKeys.all, RESULT_LEDGER] });
  };
  const d = round.data;
  if (round.isError) return <Alert type="warning" showIcon message={errorText(round.error)} style={{ marginBottom: 16 }} />;
  if (!d) return <Card size="small" loading style={{ marginBottom: 16 }} />;
  const canScore = !d.closed && hasPermission(me.data, 'evaluation.round.score');
  const canCorrect = d.closed && hasPermission(me.data, 'evaluation.round.correct');
  const computed = d.units.some((u) => u.lines.some((l) => l.kind === 'computed' && l.points !== null));
  const compute = async () => {
    setBusy(true);
    try {
      await api.post(`/api/evaluation/rounds/${record.id}/compute`);
      message.success('已按各单位数据计算自动评分项');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const unit = open ? d.units.find((u) => u.orgCode === open.unit) : undefined;
  const unscored = d.units.reduce((x, u) => x + u.unscored, 0);
  const groups = groupsOf(d);
  const several = groups.length > 1;
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} title="考核概况" extra={d.closed ? <Tag color="green">已结束，得分已冻结</Tag> : <Tag color="processing">评分中</Tag>}>
        <Descriptions size="small" column={1} items={[
          { key: 'sys', label: '指标体系', children: `${d.system.title}（第${d.system.version}版，满分${d.system.total}分）` },
          { key: 'scope', label: '参评单位', children: `${d.unitScope}${several ? '（分别排名）' : ''}` },
          { key: 'n', label: '被考核单位', children: groups.map((g) => `${UNIT_GROUP_LABELS[g.group]}${g.units.length}个`).join('、') || '无' },
          { key: 'left', label: '人工评分', children: unscored ? `还有${unscored}项未评分` : '已全部评分' },
        ]} />
        {canScore ? (
          <Space wrap style={{ marginTop: 8 }}>
            <Button type={computed ? 'default' : 'primary'} icon={<CalculatorOutlined />} loading={busy} onClick={() => void compute()} data-testid="compute">
              {computed ? '重新计算自动评分项' : '计算自动评分项'}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>已报送年度报告的单位按报送数计算，未报送的按台账实时数计算并标明</Typography.Text>
          </Space>
        ) : null}
      </Card>
      {groups.map((g) => (
        <RankingCard key={g.group} d={d} group={g.group} units={g.units} several={several} onOpen={(u, c) => setOpen({ unit: u, group: c })} />
      ))}
      {groups.map((g) => (g.units.some((u) => u.total > 0) ? <ChartCard key={g.group} d={d} group={g.group} several={several} /> : null))}
      <ObjectionsCard d={d} canReply={hasPermission(me.data, 'evaluation.result.transition.reply')} onDone={refresh} />
      {canScore && hasPermission(me.data, 'evaluation.round.transition.close') ? (
        <ConclusionCard
          title="结束考核"
          url={`/api/evaluation/rounds/${record.id}/close`}
          dateField="closed_on"
          dateLabel="结束日期"
          conclusionLabel="考核结论"
          success="考核已结束，得分和排名已冻结"
          notReady={computed && !unscored ? null : '计算自动评分项并完成全部人工评分、答复全部异议后才能结束考核'}
          onDone={refresh}
        />
      ) : null}
      <Drawer
        open={!!unit}
        onClose={() => setOpen(null)}
        width="min(720px, 100vw)"
        title={unit ? `${unit.orgName}${open?.group ? ` · ${cn(open.group)}、${d.groups.find((g) => g.code === open.group)?.label ?? ''}` : ' · 全部指标'}` : ''}
        extra={unit ? <Typography.Text strong>{open?.group ? `${pts(unit.groups[open.group] ?? 0)}分` : `${pts(unit.total)}分 · ${several ? UNIT_GROUP_LABELS[unit.group] : ''}第${unit.rank}名`}</Typography.Text> : null}
      >
        {unit ? (
          <ScoreLines
            lines={unit.lines.filter((l) => !open?.group || l.code.split('.')[0] === open.group)}
            system={d.system}
            onScore={canScore || canCorrect ? (line) => setScoring({ unit, line }) : undefined}
            scoreLabel={canCorrect ? '更正' : undefined}
          />
        ) : null}
      </Drawer>
      {scoring ? <ScoreModal roundId={record.id} unit={scoring.unit} line={scoring.line} correction={d.closed} onClose={() => setScoring(null)} onDone={refresh} /> : null}
    </>
  );
}

/** one group's ranking (the towns', the county departments'): its ranks are among the group's units only */
function RankingCard({ d, group, units, several, onOpen }: { d: RoundDetail; group: UnitGroup; units: UnitResult[]; several: boolean; onOpen: (unit: string, group: string | null) => void }) {
  const title = several ? `排名 · ${UNIT_GROUP_LABELS[group]}（${units.length}个，单独排名）` : `排名 · ${UNIT_GROUP_LABELS[group]}`;
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={title} data-testid={group === 'town' ? 'ranking' : `ranking-${group}`}>
      <Table<UnitResult>
        size="small"
        rowKey="orgCode"
        pagination={false}
        dataSource={units}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 52, fixed: 'left', render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
          { title: '单位', dataIndex: 'orgName', fixed: 'left', render: (v: string, u) => <Space size={4}>{v}{u.state === 'objected' ? <Tag color="orange">异议待答复</Tag> : null}</Space> },
          {
            title: `总分（${d.system.total}）`,
            key: 'total',
            align: 'right' as const,
            render: (_: unknown, u: UnitResult) => (
              <Button type="link" size="small" style={{ padding: 0, fontWeight: 600 }} onClick={() => onOpen(u.orgCode, null)} data-testid={`total-${u.orgCode}`}>
                {pts(u.total)}
              </Button>
            ),
          },
          ...d.groups.map((g) => ({
            title: <span title={g.label}>{cn(g.code)}（{g.points}）</span>,
            key: g.code,
            align: 'right' as const,
            render: (_: unknown, u: UnitResult) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(u.orgCode, g.code)} data-testid={`cell-${u.orgCode}-${g.code}`}>
                {pts(u.groups[g.code] ?? 0)}
              </Button>
            ),
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {d.groups.map((g) => `${cn(g.code)}、${g.label}`).join('；')}。点击得分查看逐项得分及其依据。
      </Typography.Paragraph>
    </Card>
  );
}

/** one group's stacked comparison by first-level indicator (a department's bar never beside a town's) */
function ChartCard({ d, group, several }: { d: RoundDetail; group: UnitGroup; several: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  const count = d.units.filter((u) => u.group === group).length;
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const units = d.units.filter((u) => u.group === group).reverse();
    chart.setOption({
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll', data: d.groups.map((g) => `${cn(g.code)}、${g.label}`) },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}分` },
      xAxis: { type: 'value', max: d.system.total },
      yAxis: { type: 'category', data: units.map((u) => u.orgName) },
      series: d.groups.map((g, i) => ({ name: `${cn(g.code)}、${g.label}`, type: 'bar', stack: 'total', barMaxWidth: 28, itemStyle: { color: COLORS[i % COLORS.length] }, data: units.map((u) => u.groups[g.code] ?? 0) })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [d, group]);
  const label = group === 'town' ? '各单位' : UNIT_GROUP_LABELS[group];
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={several ? `得分构成对比 · ${UNIT_GROUP_LABELS[group]}` : '各单位得分构成对比'}>
      <div ref={el} style={{ width: '100%', minWidth: 0, height: 80 + count * 48, overflow: 'hidden' }} role="img" aria-label={`${label}按一级指标的得分对比图`} />
    </Card>
  );
}

function ObjectionsCard({ d, canReply, onDone }: { d: RoundDetail; canReply: boolean; onDone: () => Promise<void> }) {
  const withObjection = d.units.filter((u) => u.objection);
  const { message } = App.useApp();
  const [reply, setReply] = useState<Record<string, string>>({});
  if (!withObjection.length) return null;
  const send = async (u: UnitResult) => {
    try {
      await api.post(`/api/evaluation/results/${u.resultId}/reply`, { reply: reply[u.orgCode] ?? '' });
      message.success('已答复异议');
      await onDone();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} title="异议" data-testid="objections">
      {withObjection.map((u) => (
        <div key={u.orgCode} style={{ padding: '8px 0', borderBottom: '1px dashed #f0f0f0' }}>
          <Typography.Text strong>{u.orgName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}> {u.objection?.on}提出</Typography.Text>
          <div>{u.objection?.reason}</div>
          {u.objection?.reply ? (
            <div style={{ marginTop: 4 }}>
              <Tag color="green">已答复</Tag>
              {u.objection.reply}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}> {u.objection.repliedOn}</Typography.Text>
            </div>
          ) : canReply ? (
            <Flex gap={8} style={{ marginTop: 8 }} wrap>
              <Input.TextArea rows={2} style={{ flex: 1, minWidth: 220 }} placeholder="答复意见（需要调整的，先在得分中重新评分）" value={reply[u.orgCode] ?? ''} onChange={(e) => setReply({ ...reply, [u.orgCode]: e.target.value })} />
              <Button type="primary" onClick={() => void send(u)}>
                答复
              </Button>
            </Flex>
          ) : (
            <Tag color="orange">待答复</Tag>
          )}
        </div>
      ))}
    </Card>
  );
}

interface ScoreForm {
  points: number;
  reason: string;
  evidence: Evidence[];
}

/** a hand score (or, once the round is closed, a correction) of one leaf for one unit, with its reason and evidence */
function ScoreModal({ roundId, unit, line, correction, onClose, onDone }: { roundId: number; unit: UnitResult; line: ScoreLine; correction: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const [form] = Form.useForm<ScoreForm>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (v: ScoreForm) => {
    setBusy(true);
    try {
      const body = { orgCode: unit.orgCode, code: line.code, points: v.points, reason: v.reason, evidence: (v.evidence ?? []).filter((e) => e?.label && e.href) };
      if (correction) await api.post(`/api/evaluation/rounds/${roundId}/corrections`, body);
      else await api.put(`/api/evaluation/rounds/${roundId}/scores`, body);
      message.success(correction ? '已更正，考核结果形成新版本' : '已评分');
      await onDone();
      onClose();
    } catch (e) {
      applyServerErrors(form, e);
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${correction ? '更正' : '评分'}：${unit.orgName} · ${line.code}`} onCancel={onClose} onOk={() => form.submit()} okText={correction ? '更正' : '保存评分'} confirmLoading={busy} width="min(640px, 100vw)" destroyOnHidden>
      <Typography.Paragraph>{line.label}（满分{line.max}分）</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ points: line.points ?? line.max, reason: correction ? '' : (line.reason ?? ''), evidence: line.evidence.length ? line.evidence : [{ label: '', href: '' }] }} onFinish={(v) => void submit(v)}>
        <Form.Item name="points" label="得分" rules={[{ required: true, message: '请填写得分' }]}>
          <InputNumber min={0} max={line.max} step={0.5} addonAfter={`/ ${line.max}分`} />
        </Form.Item>
        <Form.Item name="reason" label={correction ? '更正理由' : '评分理由'} rules={[{ required: true, min: 4, message: '请写明理由，不少于4个字' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Typography.Text>佐证材料（平台内的记录或页面地址，如 /ledgers/enforcement.case/12）</Typography.Text>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'label']} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                    <Input placeholder="名称，如 案卷评查记录" maxLength={80} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'href']} style={{ flex: '2 1 200px', marginBottom: 8 }}>
                    <Input placeholder="/ledgers/…" maxLength={300} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除佐证" />
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ label: '', href: '' })} icon={<PlusOutlined />} size="small" style={{ marginTop: 4 }}>
                添加佐证
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
