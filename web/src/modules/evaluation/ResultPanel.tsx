import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';
import { applyServerErrors } from '../../platform/use-api-form.ts';
import { pts, RESULT_LEDGER, UNIT_GROUP_LABELS, useResult } from './evaluation-api.ts';
import { ScoreLines } from './ScoreLines.tsx';

/** what the unit sees of its 考核: its scores with the evidence behind each, its rank, and its one objection */
export function ResultPanel({ record }: RecordPanelProps) {
  const result = useResult(record.id);
  const me = useMe();
  const d = result.data;
  if (result.isError) return <Alert type="warning" showIcon message={errorText(result.error)} style={{ marginBottom: 16 }} />;
  if (!d) return <Card size="small" loading style={{ marginBottom: 16 }} />;
  const u = d.units[0];
  if (!u) return null;
  const canObject = !d.closed && !u.objection && u.state === 'scoring' && hasPermission(me.data, 'evaluation.result.transition.object');
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} title={d.title} extra={d.closed ? <Tag color="green">结果已确定</Tag> : <Tag color="processing">评分中</Tag>} data-testid="result-summary">
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
          { key: 'total', label: d.closed ? '考核得分' : '当前得分', children: <Typography.Text strong>{`${pts(u.total)}分（满分${d.system.total}分）`}</Typography.Text> },
          // ranked among the units of its kind: a department is not compared with a town
          { key: 'rank', label: '排名', children: `第${u.rank}名${d.groupSizes[u.group] ? `（${UNIT_GROUP_LABELS[u.group]}共${d.groupSizes[u.group]}个）` : ''}` },
          { key: 'sys', label: '指标体系', children: `${d.system.title}（第${d.system.version}版）` },
        ]} />
        {!d.closed ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>考核结束前得分可能调整；对得分有异议的，可在考核结束前提出一次。</Typography.Paragraph> : null}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }} title="逐项得分及依据">
        <Collapse
          size="small"
          items={d.groups.map((g) => ({
            key: g.code,
            label: (
              <span>
                {g.code}. {g.label} <Typography.Text strong>{`${pts(u.groups[g.code] ?? 0)}/${g.points}分`}</Typography.Text>
              </span>
            ),
            children: <ScoreLines lines={u.lines.filter((l) => l.code.split('.')[0] === g.code)} system={d.system} />,
          }))}
        />
      </Card>
      {u.objection ? (
        <Card size="small" style={{ marginBottom: 16 }} title="异议" data-testid="objection">
          <div>
            {u.objection.on}提出：{u.objection.reason}
          </div>
          {u.objection.reply ? (
            <div style={{ marginTop: 8 }}>
              <Tag color="green">答复</Tag>
              {u.objection.reply}（{u.objection.repliedOn}）
            </div>
          ) : (
            <Tag color="orange" style={{ marginTop: 8 }}>
              等待县依法治县办答复
            </Tag>
          )}
        </Card>
      ) : null}
      {canObject ? <ObjectionCard id={record.id} /> : null}
    </>
  );
}

function ObjectionCard({ id }: { id: number }) {
  const [form] = Form.useForm<{ reason: string }>();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = (v: { reason: string }) =>
    modal.confirm({
      title: '提出异议',
      content: '每轮考核只能提出一次异议，提出后不能修改。确定提出吗？',
      okText: '提出异议',
      onOk: async () => {
        setBusy(true);
        try {
          await api.post(`/api/evaluation/results/${id}/objection`, v);
          message.success('已提出异议，等待答复');
          await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(RESULT_LEDGER, id) });
        } catch (e) {
          applyServerErrors(form, e);
          message.error(errorText(e));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Card size="small" style={{ marginBottom: 16 }} title="对得分提出异议">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="异议理由" rules={[{ required: true, min: 10, message: '请写明异议的指标和理由，不少于10个字' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="写明对哪一项指标的得分有异议、理由和可以核对的材料" />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          提出异议
        </Button>
      </Form>
    </Card>
  );
}
