import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { ActivityDrawDetail } from '../../../../common/supervision.types.ts';
import { api, errorText } from '../../platform/api.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';
import { CommitRevealSteps, DrawChecksView, DrawVerdict, rerunUnitDraw } from './DrawProof.tsx';

/**
 * a 监督活动's random selection of the units it supervises (towns, county departments or both, its 抽取范围), commit-reveal: the system's seed committed (its SHA-256
 * published) first, then the towns' list frozen, the seed revealed and the towns drawn; anyone re-computes
 */
export function ActivityPanel({ ledger, record }: RecordPanelProps) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const n = Number(record.values['unit_count'] ?? 0);
  // the 抽取范围 the units are drawn from (empty: the towns, as before the field existed)
  const scope = String(record.values['draw_scope'] ?? '');
  const listLabel = scope === '县直部门' ? '县直部门' : scope === '乡镇和县直部门' ? '乡镇（街道）和县直部门' : '乡镇（街道）';
  const drawQuery = useQuery({
    queryKey: [...ledgerKeys.record(ledger, record.id), 'unit-draw'],
    queryFn: ({ signal }) => api.get<ActivityDrawDetail>(`/api/supervision/activities/${record.id}/draw`, undefined, signal),
    enabled: n > 0,
    retry: false,
  });
  const d = drawQuery.data;
  if (!n) return null;
  if (drawQuery.isError) return <Alert type="warning" showIcon message={errorText(drawQuery.error)} style={{ marginBottom: 16 }} />;
  if (!d) return <Card size="small" loading style={{ marginBottom: 16 }} />;
  const step = async (kind: 'commit' | 'draw-units') => {
    setBusy(true);
    try {
      await api.post(`/api/supervision/activities/${record.id}/${kind}`);
      message.success(kind === 'commit' ? '已承诺随机种子，种子的SHA-256值已公开' : '已随机抽取被监督单位，种子已公开');
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, record.id) });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  if (d.draw) {
    return (
      <Card size="small" style={{ marginBottom: 16 }} title="随机抽取被监督单位" extra={<DrawVerdict draw={d.draw} />} data-testid="activity-draw-record">
        <CommitRevealSteps commitment={d.commitment} draw={d.draw} listLabel={listLabel} />
        <Descriptions size="small" column={1} items={[
          { key: 'units', label: '抽中单位', children: d.draw.units.map((u) => u.name).join('、') },
          { key: 'checks', label: '核对', children: <DrawChecksView draw={d.draw} rerun={(seed, list) => rerunUnitDraw(seed, list, d.draw?.units.length ?? 0)} expected={d.draw.units.map((u) => u.code)} /> },
        ]} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{d.draw.algorithm}</Typography.Paragraph>
      </Card>
    );
  }
  // a draw made before commitments existed left the units and an audit entry only
  if (record.values['units'] || record.status !== 'active' || !hasPermission(me, 'supervision.activity.update')) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} title="随机抽取被监督单位" data-testid="activity-draw">
      <Typography.Paragraph type="secondary">
        从本县{listLabel}中随机抽取{n}个，分两步：先承诺随机种子——系统以密码学随机数生成种子，只公开其SHA-256值和承诺时间；再随机抽取——冻结{listLabel}名录并公开其SHA-256值，揭示种子并抽取。任何人可按种子和名录重算核对；每项活动只能抽取一次。
      </Typography.Paragraph>
      {d.commitment ? <CommitRevealSteps commitment={d.commitment} draw={null} listLabel={listLabel} /> : null}
      {d.commitment ? (
        <Button type="primary" loading={busy} onClick={() => void step('draw-units')}>
          随机抽取
        </Button>
      ) : (
        <Button type="primary" loading={busy} onClick={() => void step('commit')}>
          承诺随机种子
        </Button>
      )}
    </Card>
  );
}
