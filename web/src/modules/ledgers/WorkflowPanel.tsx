import { ClockCircleOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Descriptions, Flex, Form, Input, Modal, Select, Space, Tag, Timeline, Tooltip, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { api, errorText, SubmissionKey } from '../../platform/api.ts';
import { clearDraft, draftKey, personalLabels, readDraft, writeDraft } from '../../platform/drafts.ts';
import { DraftNotice } from '../../platform/DraftNotice.tsx';
import { noImplicitSubmit } from '../../platform/form-keys.ts';
import { formatChinaDateTime, formatChineseDate, formatDate, formatDateTime, waitingText } from '../../platform/format.ts';
import { DeadlineBadge } from '../../platform/ledger/DeadlineBadge.tsx';
import { FieldInput } from '../../platform/ledger/FieldInput.tsx';
import { ledgerKeys, ledgerUrl, useLedgerMeta, useTimeline } from '../../platform/ledger/ledger-api.ts';
import type { Attachment, LedgerField, Timeline as TimelineData, TimelineClock, TimelineTransition } from '../../platform/ledger/ledger-types.ts';
import { applyServerErrors, problemText } from '../../platform/use-api-form.ts';
import { orgTreeOptions } from '../../platform/org-tree.ts';
import { useMe } from '../../platform/session.ts';

const UNITS: Record<string, string> = { calendar: '自然日', working: '工作日', workday: '工作日', working_days: '工作日', hours: '小时' };

/** a workflow ledger's record: where it stands, its deadlines, and what can be done next */
export function WorkflowPanel({ ledger, recordId, attachments }: { ledger: string; recordId: number; attachments: Attachment[] }) {
  const timeline = useTimeline(ledger, recordId, true);
  const [acting, setActing] = useState<TimelineTransition | null>(null);
  const [extending, setExtending] = useState<TimelineClock | null>(null);
  if (timeline.isError) return <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="办理流程暂不可用" description={errorText(timeline.error)} />;
  const tl = timeline.data;
  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        loading={timeline.isPending}
        data-testid="workflow"
        title={
          <Space>
            <NodeIndexOutlined />
            办理流程
            {tl ? <Tag color={tl.final ? 'default' : 'blue'}>{tl.stateLabel}</Tag> : null}
          </Space>
        }
      >
        {tl ? (
          <>
            {tl.transitions.length ? (
              <Flex wrap gap={8} style={{ marginBottom: 16 }}>
                {tl.transitions.map((t) => {
                  // done through the module's own card on this page; say where instead of offering a second way
                  if (t.dedicated) {
                    return (
                      <Tooltip key={t.name} title={t.dedicated}>
                        <Tag style={{ alignSelf: 'center', padding: '4px 8px', margin: 0, whiteSpace: 'normal', maxWidth: '100%' }}>
                          {t.label}：{t.dedicated}
                        </Tag>
                      </Tooltip>
                    );
                  }
                  const waiting = waitingText(t);
                  const blocked = !t.permitted || t.blockedBy.length > 0 || waiting !== null;
                  const why = !t.permitted ? '您的角色无权办理此事项' : [...(waiting ? [waiting] : []), ...t.blockedBy.map((b) => b.message)].join('；');
                  return (
                    <Tooltip key={t.name} title={blocked ? why : `办理后状态：${t.toLabel}`}>
                      <Button type={blocked ? 'default' : 'primary'} disabled={blocked} onClick={() => setActing(t)} data-testid={`transition-${t.name}`}>
                        {t.label}
                        {waiting && t.permitted ? <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>（{formatChineseDate(t.notBefore ?? '')}起）</Typography.Text> : null}
                      </Button>
                    </Tooltip>
                  );
                })}
              </Flex>
            ) : null}
            {tl.transitions.some((t) => t.blockedBy.length || t.notBefore) ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="部分事项暂不能办理"
                description={tl.transitions
                  .filter((t) => t.blockedBy.length || t.notBefore)
                  .map((t) => (
                    <div key={t.name} data-testid={`waiting-${t.name}`}>
                      {t.label}：{[...(t.notBefore ? [waitingText(t)] : []), ...t.blockedBy.map((b) => b.message)].join('；')}
                    </div>
                  ))}
              />
            ) : null}
            <Timeline
              items={tl.events.map((e) => ({
                key: e.id,
                children: (
                  <div style={{ fontSize: 13 }}>
                    <Typography.Text strong>{e.label}</Typography.Text>
                    {e.toLabel && e.toLabel !== e.fromLabel ? <Tag style={{ marginLeft: 8 }}>{e.toLabel}</Tag> : null}
                    <div>
                      <Typography.Text type="secondary">
                        {formatDate(e.onDate)} · {e.actorName === 'system' ? '系统' : e.actorName} · 录入于 {formatDateTime(e.at)}
                      </Typography.Text>
                    </div>
                    {typeof e.data['note'] === 'string' && e.data['note'] ? <div>{e.data['note']}</div> : null}
                    {stepReason(e.data)}
                    {movedText(e.data)}
                  </div>
                ),
              }))}
            />
          </>
        ) : null}
      </Card>
      {tl && tl.clocks.length ? <ClocksCard timeline={tl} onExtend={setExtending} /> : null}
      {acting && tl ? <TransitionModal ledger={ledger} timeline={tl} transition={acting} onClose={() => setActing(null)} /> : null}
      {extending && tl ? <ExtendModal ledger={ledger} timeline={tl} clock={extending} attachments={attachments} onClose={() => setExtending(null)} /> : null}
    </>
  );
}

/** the reason a step recorded in its captured fields (退回理由, 改派说明), shown under it in the history */
function stepReason(data: Record<string, unknown>): React.ReactNode {
  const captured = data['captured'];
  if (!captured || typeof captured !== 'object') return null;
  const c = captured as Record<string, unknown>;
  const reason = ['bounce_reason', 'redispatch_note', 'return_reason'].map((k) => c[k]).find((v) => typeof v === 'string' && v);
  return typeof reason === 'string' ? <div>理由：{reason}</div> : null;
}

/** 改派 from one unit to another, as the step recorded it */
function movedText(data: Record<string, unknown>): React.ReactNode {
  const moved = data['moved'];
  if (!moved || typeof moved !== 'object') return null;
  const m = moved as { fromName?: string; toName?: string };
  return (
    <div>
      承办单位：{m.fromName} → <Typography.Text strong>{m.toName}</Typography.Text>
    </div>
  );
}

function ClocksCard({ timeline, onExtend }: { timeline: TimelineData; onExtend: (c: TimelineClock) => void }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="deadlines"
      title={
        <Space>
          <ClockCircleOutlined />
          期限
        </Space>
      }
    >
      {timeline.clocks.map((c) => (
        <div key={c.id} style={{ marginBottom: 12 }}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space wrap>
              <Typography.Text strong>{c.label}</Typography.Text>
              <DeadlineBadge clock={c} />
              {c.unit === 'hours' ? <Tag color="red">按小时计时</Tag> : null}
              {c.extended ? <Tag color="purple">已延长</Tag> : null}
            </Space>
            {c.extension?.available && c.extension.permitted ? (
              <Button size="small" onClick={() => onExtend(c)}>
                延长期限（{c.extension.days}日）
              </Button>
            ) : null}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: c.unit === 'hours' ? 1 : 2 }}
            style={{ marginTop: 8 }}
            items={[
              c.unit === 'hours'
                ? { key: 'due', label: '届满时间', children: c.dueAt ? `${formatChinaDateTime(c.dueAt)}（北京时间）` : '—' }
                : { key: 'due', label: '届满日', children: c.due ? formatDate(c.due) : '—' },
              { key: 'total', label: '法定期限', children: c.unit === 'hours' ? `${c.totalDays}小时` : `${c.totalDays}个${UNITS[c.unit] ?? c.unit}` },
            ]}
          />
          {c.error ? <Alert type="error" showIcon message={c.error} /> : null}
          {c.explanation.length ? (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'why',
                  label: '期限计算说明',
                  children: (
                    <div style={{ fontSize: 13, lineHeight: '22px' }}>
                      {c.explanation.map((line, i) => (
                        <div key={i}>{line}</div>
                      ))}
                    </div>
                  ),
                },
              ]}
            />
          ) : null}
        </div>
      ))}
    </Card>
  );
}

type TransitionValues = Record<string, unknown> & { date?: string; note?: string };

/** the date a step is done on, for a step without a date of its own */
const STEP_DATE: LedgerField = { name: 'date', label: '办理日期', type: 'date', required: true };

/** the step's own date: required, and said to be the date the step and its deadlines are counted from */
const stepDateField = (f: LedgerField): LedgerField => ({ ...f, required: true, hint: `${f.hint ? `${f.hint}；` : ''}本步骤以此日期为办理日期，办理记录和期限均按此计算` });

function TransitionModal({ ledger, timeline, transition: t, onClose }: { ledger: string; timeline: TimelineData; transition: TimelineTransition; onClose: () => void }) {
  const [form] = Form.useForm<TransitionValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data: me } = useMe();
  const orgTree = useMemo(() => orgTreeOptions(me?.orgs ?? []), [me?.orgs]);
  // the step's input is kept on the device until it is done (decision 0038); personal fields never are
  const meta = useLedgerMeta(ledger);
  const draftFields = useMemo(() => t.captures.map((c) => ({ name: c.name, label: c.label, personal: meta.data?.fields.find((f) => f.name === c.name)?.personal })), [t.captures, meta.data?.fields]);
  const storeKey = me ? draftKey(me.user.id, ledger, `step-${timeline.recordId}-${t.name}-v${timeline.version}`) : null;
  const [draft, setDraft] = useState(() => (storeKey ? readDraft<TransitionValues>(storeKey) : null));
  const skipped = personalLabels(draftFields);
  const submission = useRef(new SubmissionKey());
  // a step with a date of its own (退回日期, 告知补正日期) is dated by it: the form asks for that date alone, from today
  const dateName = t.dateField ?? 'date';
  const today = () => ({ [dateName]: dayjs().format('YYYY-MM-DD') });
  const submit = async (v: TransitionValues): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const body = { ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')), version: timeline.version };
      const next = await api.post<TimelineData>(`${ledgerUrl(ledger)}/${timeline.recordId}/transitions/${t.name}`, body, { idempotencyKey: submission.current.for(body) });
      submission.current.done();
      if (storeKey) clearDraft(storeKey);
      queryClient.setQueryData(ledgerKeys.timeline(ledger, timeline.recordId), next);
      await queryClient.invalidateQueries({ queryKey: ['ledgers', ledger] });
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
      void message.success(`已办理：${t.label}`);
      onClose();
    } catch (e) {
      const unmatched = applyServerErrors(form, e);
      setProblem(problemText(e, unmatched));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t.label} okText="确认办理" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
      {draft ? (
        <DraftNotice
          storeKey={storeKey}
          skipped={skipped}
          gap={12}
          onClear={() => {
            setDraft(null);
            form.resetFields();
            form.setFieldsValue({ ...Object.fromEntries(Object.keys(form.getFieldsValue()).map((k) => [k, undefined])), ...today() });
          }}
        />
      ) : null}
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problem} /> : null}
      <Form<TransitionValues>
        form={form}
        layout="vertical"
        // the signer is the signed-in user, whatever a draft says
        initialValues={{ ...today(), ...(draft ?? {}), ...Object.fromEntries(t.captures.filter((f) => f.signedBy).map((f) => [f.name, f.signedBy])) }}
        onFinish={submit}
        onValuesChange={(_, all) => {
          if (storeKey) writeDraft(storeKey, all, draftFields);
        }}
        onKeyDown={noImplicitSubmit}
      >
        {t.dateField ? null : <FieldInput field={STEP_DATE} />}
        {t.moves ? (
          <Form.Item name="orgCode" label={t.moves} rules={[{ required: true, message: `请选择${t.moves}` }]}>
            <TreeSelect treeData={orgTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择承办单位" style={{ maxWidth: 420 }} />
          </Form.Item>
        ) : null}
        {t.captures.map((f) =>
          f.signedBy ? (
            <Form.Item key={f.name} name={f.name} label={f.label} extra="按登录账号自动记录，不能填写他人姓名">
              <Input readOnly aria-readonly variant="filled" data-testid={`signed-by-${f.name}`} style={{ maxWidth: 240 }} />
            </Form.Item>
          ) : (
            <FieldInput key={f.name} field={f.name === t.dateField ? stepDateField(f as LedgerField) : (f as LedgerField)} />
          ),
        )}
        {t.note ? (
          <Form.Item name="note" label="办理说明" rules={t.note === 'required' ? [{ required: true, whitespace: true, message: '请填写办理说明' }] : []}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        ) : null}
        <Typography.Text type="secondary">办理后状态：{t.toLabel}</Typography.Text>
      </Form>
    </Modal>
  );
}

function ExtendModal({ ledger, timeline, clock, attachments, onClose }: { ledger: string; timeline: TimelineData; clock: TimelineClock; attachments: Attachment[]; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string; noticeAttachmentId: number }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const kind = clock.extension?.noticeKind;
  const options = attachments.filter((a) => !kind || a.kind === kind || !a.kind).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Modal open title={`延长${clock.label}`} okText="确认延长" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Typography.Paragraph type="secondary">延长 {clock.extension?.days ?? ''} 日；须先在“附件”中上传经批准的延期通知书{kind ? `（${kind}）` : ''}。延长记入办理流程，不能撤回。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            const next = await api.post<TimelineData>(`${ledgerUrl(ledger)}/${timeline.recordId}/clocks/${clock.id}/extend`, v);
            queryClient.setQueryData(ledgerKeys.timeline(ledger, timeline.recordId), next);
            void message.success('期限已延长');
            onClose();
          } catch (e) {
            applyServerErrors(form, e);
            void message.error(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label="延长理由" rules={[{ required: true, whitespace: true, message: '请填写延长理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="noticeAttachmentId" label="延期通知书" rules={[{ required: true, message: '请选择已上传的延期通知书' }]}>
          <Select options={options} placeholder={options.length ? '请选择附件' : '尚未上传附件'} notFoundContent="尚未上传附件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
