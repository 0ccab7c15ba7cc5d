import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { formatDateTime } from '../../platform/format.ts';
import { fieldText } from '../../platform/ledger/field-value.tsx';
import { useLedgerHistory } from '../../platform/ledger/ledger-api.ts';
import type { FieldValue, LedgerField, LedgerMeta, LedgerRecord } from '../../platform/ledger/ledger-types.ts';
import { diffRows, type DiffVocabulary } from '../../platform/audit-text.ts';
import { useMe } from '../../platform/session.ts';
import { auditLabels } from '../index.ts';

/** entries shown before the older ones are asked for */
const RECENT = 8;

const ACTIONS: Record<string, string> = {
  create: '新增',
  update: '修改',
  withdraw: '撤销',
  restore: '恢复',
  import: '导入',
  demo_seed: '生成演示数据',
};

/** who changed what and when: each changed field with its Chinese label, from → to */
export function HistoryCard({ ledger, record, fields, states }: { ledger: string; record: LedgerRecord; fields: LedgerField[]; states?: LedgerMeta['states'] }) {
  const history = useLedgerHistory(ledger, record.id);
  // a long history shows its newest entries; the older ones open on request
  const [showAll, setShowAll] = useState(false);
  const entries = history.data?.items ?? [];
  const folded = showAll ? 0 : Math.max(0, entries.length - RECENT);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const stateNames = new Map((states ?? []).map((s) => [s.value, s.label]));
  const { data: me } = useMe();
  const orgNames = new Map((me?.orgs ?? []).map((o) => [o.code, o.name]));
  const vocab: DiffVocabulary = {
    field: (k) => byName.get(k)?.label ?? auditLabels.fields[k],
    state: (v) => stateNames.get(v),
    value: (k, v) => {
      const f = byName.get(k);
      if (!f && (k === 'orgCode' || k === 'org_code')) return orgNames.get(String(v)) ?? String(v);
      // a reference shows its record's title when it is the current one; an older one its number
      return f ? fieldText(f, v as FieldValue, f.type === 'ref' && record.values[f.name] === v ? record.refs[f.name] : undefined) : String(v);
    },
  };
  const lines = (diff: unknown): ReactNode[] =>
    diffRows(diff, vocab).map((row) => (
      <div key={row.key}>
        <Typography.Text type="secondary">{row.label}：</Typography.Text>
        {row.from === undefined ? row.to : `${row.from} → ${row.to}`}
      </div>
    ));
  return (
    <Card
      title={
        <>
          <HistoryOutlined /> 修改记录
        </>
      }
      size="small"
      style={{ marginBottom: 16 }}
      loading={history.isPending}
      data-testid="history"
    >
      {history.isError ? (
        <Typography.Text type="secondary">修改记录暂不可用</Typography.Text>
      ) : (
        <>
        {folded > 0 ? (
          <Button type="link" size="small" style={{ padding: 0, marginBottom: 12 }} onClick={() => setShowAll(true)}>
            显示较早的 {folded} 条记录
          </Button>
        ) : null}
        <Timeline
          items={entries.slice(folded).map((h, i) => ({
            key: i,
            children: (
              <div style={{ fontSize: 13 }}>
                <div>
                  <Typography.Text strong>{ACTIONS[h.action] ?? auditLabels.actions[h.action] ?? h.action}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {h.actor === 'system' ? '系统' : h.actor} · {formatDateTime(h.at)}
                  </Typography.Text>
                </div>
                <div style={{ maxHeight: 220, overflowY: 'auto' }}>{lines(h.diff)}</div>
              </div>
            ),
          }))}
        />
        </>
      )}
    </Card>
  );
}
