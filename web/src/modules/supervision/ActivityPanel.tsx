import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';

/** a 监督活动's random selection of the towns it supervises: the system's seed, recorded with the frozen list in the audit log */
export function ActivityPanel({ ledger, record }: RecordPanelProps) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const n = Number(record.values['unit_count'] ?? 0);
  if (!n || record.values['units'] || record.status !== 'active' || !hasPermission(me, 'supervision.activity.update')) return null;
  const draw = async () => {
    setBusy(true);
    try {
      await api.post(`/api/supervision/activities/${record.id}/draw-units`);
      message.success('已随机抽取被监督单位');
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, record.id) });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} title="随机抽取被监督单位">
      <Typography.Paragraph type="secondary">从本县乡镇（街道）中随机抽取{n}个。种子由系统以密码学随机数生成，冻结的单位名录、种子及其SHA-256值记入操作日志，可重算核对；每项活动只能抽取一次。</Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void draw()}>
        随机抽取
      </Button>
    </Card>
  );
}
