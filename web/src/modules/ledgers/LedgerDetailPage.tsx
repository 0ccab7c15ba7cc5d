import { EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../platform/format.ts';
import { FieldDisplay, groupFields } from '../../platform/ledger/field-value.tsx';
import { useLedgerMeta, useLedgerRecord } from '../../platform/ledger/ledger-api.ts';
import type { LedgerField, LedgerMeta, LedgerRecordDetail } from '../../platform/ledger/ledger-types.ts';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { mainPanelLedgers, recordPanels } from '../index.ts';
import { AttachmentsCard } from './AttachmentsCard.tsx';
import { CorrectionCard, useCorrectionState } from './CorrectionCard.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { LedgerLoadFailed, useLedgerRoute } from './ledger-page-state.tsx';
import { WithdrawModal } from './WithdrawModal.tsx';
import { WorkflowPanel } from './WorkflowPanel.tsx';

/** one record: its fields by group, files, workflow and history */
export function LedgerDetailPage() {
  const { name, id } = useLedgerRoute();
  const meta = useLedgerMeta(name);
  const record = useLedgerRecord(name, id);
  const navigate = useNavigate();
  const [withdrawing, setWithdrawing] = useState(false);
  // a closed or published record is read-only: 更正 replaces 编辑
  const correction = useCorrectionState(name, id, record.data?.state !== null && record.data?.state !== undefined);
  const locked = correction.data?.locked === true;
  const error = meta.error ?? record.error;
  if (error) return <LedgerLoadFailed error={error} noun={meta.data?.noun ?? '记录'} onRetry={() => void record.refetch()} />;
  if (!meta.data || !record.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const m = meta.data;
  const r = record.data;
  const active = r.status === 'active';
  const panels = (recordPanels[name] ?? []).map((Panel, i) => (
    <Suspense key={i} fallback={<Skeleton active />}>
      <Panel ledger={name} record={r} meta={m} />
    </Suspense>
  ));
  return (
    <>
      <PageHeader
        title={r.title}
        description={
          <>
            <Link to={`/ledgers/${name}`}>{m.label}</Link> · {r.orgName}
            {active ? null : (
              <Tag color="default" style={{ marginLeft: 8 }}>
                已撤销
              </Tag>
            )}
          </>
        }
        extra={
          <>
            <Button icon={<RollbackOutlined />} onClick={() => void navigate(`/ledgers/${name}`)}>
              返回列表
            </Button>
            {m.can.update && active && !locked ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/ledgers/${name}/${r.id}/edit`)}>
                编辑
              </Button>
            ) : null}
            {m.can.withdraw && active && !locked ? (
              <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>
                撤销
              </Button>
            ) : null}
          </>
        }
      />
      {!active ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`该${m.noun}已撤销`} description={r.withdrawnReason ? `撤销原因：${r.withdrawnReason}` : undefined} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <RecordFields meta={m} record={r} />
          {mainPanelLedgers.has(name) ? panels : null}
        </Col>
        <Col xs={24} lg={8}>
          {mainPanelLedgers.has(name) ? null : panels}
          {r.state !== null ? <WorkflowPanel ledger={name} recordId={r.id} attachments={r.attachments} /> : null}
          {r.state !== null ? <CorrectionCard meta={m} record={r} state={correction} /> : null}
          <AttachmentsCard ledger={name} recordId={r.id} attachments={r.attachments} canEdit={m.can.update && active} />
          <HistoryCard ledger={name} record={r} fields={m.fields} states={m.states} />
        </Col>
      </Row>
      {withdrawing ? <WithdrawModal meta={m} ids={[r.id]} title={r.title} onClose={() => setWithdrawing(false)} /> : null}
    </>
  );
}

function RecordFields({ meta, record }: { meta: LedgerMeta; record: LedgerRecordDetail }) {
  return (
    <>
      {groupFields(meta.fields).map((g) => {
        const item = (f: LedgerField) => ({ key: f.name, label: f.label, children: <FieldDisplay field={f} record={record} link /> });
        // long texts below the short fields, a row each: beside a date a long text squeezes it to a character a line
        const short = g.fields.filter((f) => f.type !== 'textarea');
        const long = g.fields.filter((f) => f.type === 'textarea');
        return (
          <Card key={g.group} title={g.group} size="small" style={{ marginBottom: 16 }}>
            {short.length ? <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={short.map(item)} /> : null}
            {long.length ? <Descriptions size="small" column={1} items={long.map(item)} style={short.length ? { marginTop: 8 } : undefined} /> : null}
          </Card>
        );
      })}
      <Card title="登记信息" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'org', label: '所属单位', children: record.orgName },
            { key: 'version', label: '版本', children: record.version },
            { key: 'created', label: '登记', children: `${record.createdBy === 'system' ? '系统' : record.createdBy} · ${formatDateTime(record.createdAt)}` },
            { key: 'updated', label: '最后修改', children: `${record.updatedBy === 'system' ? '系统' : record.updatedBy} · ${formatDateTime(record.updatedAt)}` },
          ]}
        />
      </Card>
    </>
  );
}
