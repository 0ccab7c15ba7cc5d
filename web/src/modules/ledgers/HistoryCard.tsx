import { HistoryOutlined } from '@ant-design/icons';
import { Card, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../platform/format.ts';
import { fieldText } from '../../platform/ledger/field-value.tsx';
import { useLedgerHistory } from '../../platform/ledger/ledger-api.ts';
import type { FieldValue, LedgerField, LedgerRecord } from '../../platform/ledger/ledger-types.ts';
import { auditLabels } from '../index.ts';

const ACTIONS: Record<string, string> = {
  create: '新增',
  update: '修改',
  withdraw: '撤销',
  restore: '恢复',
  import: '导入',
  demo_seed: '生成演示数据',
  attach: '上传附件',
  attachment_add: '上传附件',
  attachment_remove: '删除附件',
  detach: '删除附件',
  transition: '办理',
  extend: '延长期限',
};

const OTHER_LABELS: Record<string, string> = { orgCode: '所属单位', org_code: '所属单位', status: '状态', reason: '原因', state: '办理状态', name: '文件名', file: '文件', kind: '类别', version: '版本' };

const isChange = (v: unknown): v is { from?: unknown; to?: unknown } => !!v && typeof v === 'object' && !Array.isArray(v) && ('from' in v || 'to' in v);

function show(f: LedgerField | undefined, v: unknown, record: LedgerRecord): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (f) return fieldText(f, v as FieldValue, f.type === 'ref' && record.values[f.name] === v ? record.refs[f.name] : undefined);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** who changed what and when: each changed field with its Chinese label, from → to */
export function HistoryCard({ ledger, record, fields }: { ledger: string; record: LedgerRecord; fields: LedgerField[] }) {
  const history = useLedgerHistory(ledger, record.id);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const lines = (diff: unknown): ReactNode[] => {
    if (!diff || typeof diff !== 'object') return diff ? [String(diff)] : [];
    return Object.entries(diff as Record<string, unknown>).map(([k, v]) => {
      const f = byName.get(k);
      const label = f?.label ?? OTHER_LABELS[k] ?? auditLabels.fields[k] ?? k;
      if (isChange(v)) {
        const created = v.from === null || v.from === undefined;
        return (
          <div key={k}>
            <Typography.Text type="secondary">{label}：</Typography.Text>
            {created ? show(f, v.to, record) : `${show(f, v.from, record)} → ${show(f, v.to, record)}`}
          </div>
        );
      }
      return (
        <div key={k}>
          <Typography.Text type="secondary">{label}：</Typography.Text>
          {show(f, v, record)}
        </div>
      );
    });
  };
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
        <Timeline
          items={(history.data?.items ?? []).map((h, i) => ({
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
      )}
    </Card>
  );
}
