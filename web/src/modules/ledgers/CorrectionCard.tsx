import type { VersionEntry } from '../../../../common/correction.types.ts';
import { AuditOutlined, EyeOutlined, LockOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { formatDateTime } from '../../platform/format.ts';
import { FieldDisplay, groupFields } from '../../platform/ledger/field-value.tsx';
import { FieldInput } from '../../platform/ledger/FieldInput.tsx';
import { ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { LedgerMeta, LedgerRecord } from '../../platform/ledger/ledger-types.ts';
import { applyServerErrors } from '../../platform/use-api-form.ts';


export interface CorrectionState {
  locked: boolean;
  lockReason: string | null;
  canCorrect: boolean;
  revokeLabel: string;
  canWithdrawDraft: boolean;
  correctedAt: string | null;
  versions: VersionEntry[];
}

const correctionKey = (ledger: string, id: number) => ['ledgers', ledger, 'record', id, 'correction'] as const;

/** whether a workflow record is locked (已结案/已公开), what the user may do about it, and its versions */
export function useCorrectionState(ledger: string, id: number, enabled: boolean): UseQueryResult<CorrectionState> {
  return useQuery({ queryKey: correctionKey(ledger, id), queryFn: ({ signal }) => api.get<CorrectionState>(`${ledgerUrl(ledger)}/${id}/correction`, undefined, signal), enabled, retry: false });
}

type Acting = 'correct' | 'revoke' | 'draft' | null;

/** 更正 / 撤回 of a closed or published record, the author's withdrawal of an own draft, and the versions kept */
export function CorrectionCard({ meta, record, state }: { meta: LedgerMeta; record: LedgerRecord; state: UseQueryResult<CorrectionState> }) {
  const [acting, setActing] = useState<Acting>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const s = state.data;
  if (state.isError) return <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="更正信息暂不可用" description={errorText(state.error)} />;
  if (!s) return state.isPending ? <Skeleton active /> : null;
  if (!s.locked && !s.canWithdrawDraft && s.versions.length < 2) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="correction"
      title={
        <Space>
          {s.locked ? <LockOutlined /> : <AuditOutlined />}
          {s.locked ? '已锁定：更正与撤回' : '版本与撤回'}
        </Space>
      }
    >
      {s.locked ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${s.lockReason ?? '该记录已锁定'}，不能直接修改`} description={s.canCorrect ? '如需修改，请办理更正（说明理由，原版本保留可查，并重新经过审核）；决定被撤销或信息不再公开的，请办理撤回。' : '如需修改，请联系有更正权限的审核员、负责人办理更正。'} />
      ) : null}
      <Flex wrap gap={8} style={{ marginBottom: s.versions.length > 1 ? 12 : 0 }}>
        {s.locked && s.canCorrect ? (
          <>
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setActing('correct')} data-testid="correct">
              更正
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => setActing('revoke')} data-testid="revoke">
              {s.revokeLabel}
            </Button>
          </>
        ) : null}
        {s.canWithdrawDraft ? (
          <Button icon={<RollbackOutlined />} onClick={() => setActing('draft')} data-testid="withdraw-draft">
            撤回草稿
          </Button>
        ) : null}
      </Flex>
      {s.versions.length > 1 ? (
        <List
          size="small"
          header={<Typography.Text strong>版本（{s.versions.length}）</Typography.Text>}
          dataSource={[...s.versions].reverse()}
          renderItem={(v) => (
            <List.Item
              key={v.n}
              actions={[
                <Button key="view" size="small" type="link" icon={<EyeOutlined />} onClick={() => setViewing(v.n)} aria-label={`查看第${v.n}版`}>
                  查看
                </Button>,
              ]}
            >
              <div style={{ fontSize: 13, minWidth: 0 }}>
                <div>
                  <Typography.Text strong>第{v.n}版</Typography.Text> {v.current ? <Tag color="blue">当前</Tag> : null}
                  <Tag>{v.stateLabel}</Tag>
                </div>
                <Typography.Text type="secondary">
                  {v.writtenBy === 'system' ? '系统' : v.writtenBy} · {formatDateTime(v.writtenAt)}
                </Typography.Text>
                {v.replacedBy ? (
                  <div>
                    <Typography.Text type="secondary">
                      {v.replacedBy.kind === 'correct' ? '已更正' : '已撤回'}（{v.replacedBy.actorName} · {formatDateTime(v.replacedBy.at)}）：
                    </Typography.Text>
                    {v.replacedBy.reason}
                  </div>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {acting === 'correct' ? <CorrectModal meta={meta} record={record} onClose={() => setActing(null)} /> : null}
      {acting === 'revoke' || acting === 'draft' ? <ReasonModal meta={meta} record={record} kind={acting} label={acting === 'draft' ? '撤回草稿' : s.revokeLabel} onClose={() => setActing(null)} /> : null}
      {viewing !== null ? <VersionModal meta={meta} record={record} n={viewing} onClose={() => setViewing(null)} /> : null}
    </Card>
  );
}

function useRefresh(meta: LedgerMeta) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['ledgers', meta.name] });
}

function CorrectModal({ meta, record, onClose }: { meta: LedgerMeta; record: LedgerRecord; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const refresh = useRefresh(meta);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const fields = meta.fields.filter((f) => !f.copiedFrom);
  return (
    <Modal open width={720} title={`更正${meta.noun}`} okText="提交更正" okButtonProps={{ loading: busy, disabled: !chosen.length }} cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={record.title} description="更正后版本号增加，原版本保留可查；需要审核的，记录将退回审核环节，审核通过后方可重新公开。更正记入审计日志。" />
      <Form
        form={form}
        layout="vertical"
        initialValues={record.values}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const values = Object.fromEntries(chosen.map((k) => [k, v[k] ?? null]));
            await api.post(`${ledgerUrl(meta.name)}/${record.id}/correct`, { reason: String(v['__reason'] ?? '').trim(), values, version: record.version });
            void message.success('已更正');
            await refresh();
            onClose();
          } catch (e) {
            const unmatched = applyServerErrors(form, e, { reason: '__reason' });
            void message.error(unmatched.length || !(e instanceof Error) ? errorText(e) : '请按提示修改后重新提交');
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="更正的字段" required extra="选择需要更正的字段，再填写更正后的内容">
          <Select mode="multiple" aria-label="更正的字段" placeholder="请选择" value={chosen} onChange={setChosen} optionFilterProp="label" options={groupFields(fields).map((g) => ({ label: g.group, options: g.fields.map((f) => ({ value: f.name, label: f.label })) }))} />
        </Form.Item>
        {fields.filter((f) => chosen.includes(f.name)).map((f) => (
          <FieldInput key={f.name} field={f} known={record.values[f.name] !== null && record.values[f.name] !== undefined && record.refs[f.name] ? [{ value: Number(record.values[f.name]), label: String(record.refs[f.name]) }] : []} />
        ))}
        <Form.Item name="__reason" label="更正理由" rules={[{ required: true, whitespace: true, message: '请填写更正理由' }, { min: 2, message: '更正理由至少2个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReasonModal({ meta, record, kind, label, onClose }: { meta: LedgerMeta; record: LedgerRecord; kind: 'revoke' | 'draft'; label: string; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const refresh = useRefresh(meta);
  const [busy, setBusy] = useState(false);
  const what = kind === 'draft' ? '撤回理由' : `${label}理由`;
  return (
    <Modal open title={`${label}：${meta.noun}`} okText={`确认${label}`} okButtonProps={{ danger: true, loading: busy }} cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={record.title}
        description={kind === 'draft' ? '撤回自己登记、尚未提交办理的记录；撤回后不计入统计，仍可在“已撤销”中查看。' : `${label}后原版本保留可查，已公开的内容从公开页面撤下；已公示的行政处罚决定须在3个工作日内撤回公示并说明理由。`}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            await api.post(`${ledgerUrl(meta.name)}/${record.id}/${kind === 'draft' ? 'withdraw-draft' : 'revoke'}`, { reason: v.reason.trim() });
            void message.success(`已${label}`);
            await refresh();
            onClose();
          } catch (e) {
            applyServerErrors(form, e);
            void message.error(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={what} rules={[{ required: true, whitespace: true, message: `请填写${what}` }, { min: 2, message: `${what}至少2个字` }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VersionModal({ meta, record, n, onClose }: { meta: LedgerMeta; record: LedgerRecord; n: number; onClose: () => void }) {
  const version = useQuery({ queryKey: ['ledgers', meta.name, 'record', record.id, 'version', n], queryFn: ({ signal }) => api.get<LedgerRecord & { current: boolean }>(`${ledgerUrl(meta.name)}/${record.id}/versions/${n}`, undefined, signal) });
  const v = version.data;
  return (
    <Modal open width={860} title={`第${n}版（只读）`} footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose} destroyOnHidden>
      {version.isError ? <Alert type="error" showIcon message="该版本暂不可用" description={errorText(version.error)} /> : null}
      {!v ? (
        version.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {v.current ? '当前版本' : '已被更正或撤回的版本'} · {v.updatedBy === 'system' ? '系统' : v.updatedBy} · {formatDateTime(v.updatedAt)}
          </Typography.Paragraph>
          {groupFields(meta.fields).map((g) => (
            <Descriptions key={g.group} title={g.group} size="small" style={{ marginBottom: 12 }} column={{ xs: 1, sm: 1, md: 2 }} items={g.fields.map((f) => ({ key: f.name, label: f.label, span: f.type === 'textarea' ? ('filled' as const) : 1, children: <FieldDisplay field={f} record={v} /> }))} />
          ))}
        </>
      )}
    </Modal>
  );
}
