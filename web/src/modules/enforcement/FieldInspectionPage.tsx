import { ArrowLeftOutlined, ArrowRightOutlined, CameraOutlined, CheckCircleOutlined, EditOutlined, FileTextOutlined, IdcardOutlined, OrderedListOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, ConfigProvider, Descriptions, Flex, Form, Input, Radio, Result, type FormInstance, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CHECK_VERDICTS, checklistSummary, failedItems, formatChecklist, parseChecklist, type ChecklistEntry, type CheckVerdict } from '../../../../common/inspection.checklist.ts';
import type { InspectionStandards } from '../../../../common/inspection.types.ts';
import { api, errorText, isApiError, SubmissionKey } from '../../platform/api.ts';
import { DraftNotice } from '../../platform/DraftNotice.tsx';
import { clearDraft, draftKey, personalLabels, readDraft, writeDraft } from '../../platform/drafts.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { ledgerKeys, useLedgerMeta, useLedgerRecord, useTimeline } from '../../platform/ledger/ledger-api.ts';
import type { LedgerRecordDetail, Timeline } from '../../platform/ledger/ledger-types.ts';
import { applyServerErrors, problemText } from '../../platform/use-api-form.ts';
import { hasPermission, useMe } from '../../platform/session.ts';
import { AttachmentsCard } from '../ledgers/AttachmentsCard.tsx';
import { InspectionDocuments, ResultFields, resultBody } from './InspectionPanel.tsx';
import { ShowCredentials } from './OfficerCertificate.tsx';
import { SignaturesCard } from './SignaturesCard.tsx';

const LEDGER = 'enforcement.inspection';
const STEPS = [
  { key: 'show', title: '亮证', icon: <IdcardOutlined /> },
  { key: 'check', title: '逐项检查', icon: <OrderedListOutlined /> },
  { key: 'evidence', title: '取证', icon: <CameraOutlined /> },
  { key: 'result', title: '结果', icon: <SafetyCertificateOutlined /> },
  { key: 'sign', title: '签名', icon: <EditOutlined /> },
  { key: 'record', title: '笔录', icon: <FileTextOutlined /> },
] as const;
type StepKey = (typeof STEPS)[number]['key'];
const DATE_FIELDS = ['inspected_on', 'rectify_due_on', 'result_notified_on'];
type Checks = Record<string, { verdict?: CheckVerdict; note?: string }>;
type FieldDraft = Record<string, unknown> & { checks?: Checks };

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/**
 * 现场检查模式: the inspection on the officer's phone, one short screen per step — show the certificates and the code
 * (and give the notice on the spot), check the matter's standards item by item, take photos and videos, record the
 * result, have the record signed on the screen, and open the 现场检查笔录. What is typed stays on the phone until
 * it is saved (decision 0038); the result is sent with one submission key, so a retry after a dropped network
 * records it once.
 */
export function FieldInspectionPage() {
  const id = Number(useParams()['id']);
  const record = useLedgerRecord(LEDGER, id);
  const timeline = useTimeline(LEDGER, id, record.data !== undefined && record.data.state !== null);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="没有这次检查" />;
  if (record.isError) return <LoadFailed error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data || !timeline.data) return <Skeleton active />;
  return (
    <ConfigProvider componentSize="large">
      <FieldMode record={record.data} timeline={timeline.data} />
    </ConfigProvider>
  );
}

function FieldMode({ record, timeline }: { record: LedgerRecordDetail; timeline: Timeline }) {
  const v = record.values;
  const { data: me } = useMe();
  const inspected = record.state === 'inspected';
  const [step, setStep] = useState<StepKey>(inspected ? 'sign' : record.state === 'notified' ? 'check' : 'show');
  const index = STEPS.findIndex((s) => s.key === step);
  const go = (d: number): void => {
    setStep(STEPS[Math.min(STEPS.length - 1, Math.max(0, index + d))]!.key);
    window.scrollTo({ top: 0 });
  };
  const standards = useQuery({ queryKey: ['ledgers', LEDGER, 'record', record.id, 'standards'], queryFn: ({ signal }) => api.get<InspectionStandards>(`/api/enforcement/inspections/${record.id}/standards`, undefined, signal) });
  // the draft of this inspection's field work: the checklist and the result, personal fields left out
  const meta = useLedgerMeta(LEDGER);
  const draftFields = useMemo(() => meta.data?.fields ?? [], [meta.data?.fields]);
  const storeKey = me ? draftKey(me.user.id, LEDGER, `field-${record.id}`) : null;
  const [draft, setDraft] = useState<FieldDraft | null>(() => (storeKey && !inspected ? readDraft<FieldDraft>(storeKey) : null));
  const [checks, setChecks] = useState<Checks>(() => draft?.checks ?? {});
  const [form] = Form.useForm<Record<string, unknown>>();
  const keep = (nextChecks: Checks = checks): void => {
    if (storeKey && !inspected) writeDraft(storeKey, { ...form.getFieldsValue(true), checks: Object.keys(nextChecks).length ? nextChecks : undefined }, draftFields);
  };
  const setCheck = (item: string, patch: { verdict?: CheckVerdict; note?: string }): void => {
    const next = { ...checks, [item]: { ...checks[item], ...patch } };
    setChecks(next);
    keep(next);
  };
  const items = standards.data?.items ?? [];
  const entries: ChecklistEntry[] = items.flatMap((item) => {
    const c = checks[item];
    return c?.verdict ? [{ item, verdict: c.verdict, note: c.note?.trim() ?? '' }] : [];
  });
  const stored = parseChecklist(str(v['checklist'])).entries;

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="field-mode">
      <Flex align="center" justify="space-between" gap={8} wrap style={{ marginBottom: 8 }}>
        <Link to={`/ledgers/${LEDGER}/${record.id}`}>
          <ArrowLeftOutlined /> 返回检查记录
        </Link>
        <Tag color={inspected ? 'green' : 'blue'}>{record.stateLabel ?? ''}</Tag>
      </Flex>
      <Typography.Title level={4} style={{ margin: '0 0 4px' }}>
        现场检查：{str(v['enterprise_name'])}
      </Typography.Title>
      <Typography.Text type="secondary">
        {str(v['inspection_no'])}　{record.refs['matter'] ?? ''}
      </Typography.Text>
      <StepBar current={index} onChange={(i) => setStep(STEPS[i]!.key)} />
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="field-step-title">
        第{index + 1}步（共{STEPS.length}步）：{STEPS[index]!.title}
      </Typography.Title>
      {draft && !inspected ? (
        <DraftNotice
          storeKey={storeKey}
          skipped={personalLabels(draftFields)}
          gap={12}
          onClear={() => {
            setDraft(null);
            setChecks({});
            form.resetFields();
          }}
        />
      ) : null}

      {step === 'show' ? <ShowStep record={record} timeline={timeline} /> : null}
      {step === 'check' ? (
        inspected ? (
          <StoredChecklist entries={stored} />
        ) : (
          <CheckStep standards={standards} checks={checks} setCheck={setCheck} />
        )
      ) : null}
      {step === 'evidence' ? <AttachmentsCard ledger={LEDGER} recordId={record.id} attachments={record.attachments} canEdit={record.status === 'active' && hasPermission(me, `${LEDGER}.update`)} /> : null}
      {/* the form stays mounted through the steps: what is typed on the result step survives a look back at the checklist */}
      <div style={{ display: step === 'result' ? 'block' : 'none' }}>
        {inspected ? <StoredResult record={record} /> : <ResultStep record={record} timeline={timeline} form={form} draft={draft} entries={entries} items={items} onChange={() => keep()} onSaved={() => { if (storeKey) clearDraft(storeKey); setDraft(null); setStep('sign'); }} />}
      </div>
      {step === 'sign' ? inspected ? <SignaturesCard id={record.id} /> : <Alert type="info" showIcon message="保存检查结果后，请被检查单位负责人和检查人员核对笔录并在屏幕上签名" /> : null}
      {step === 'record' ? <RecordStep record={record} /> : null}

      <Flex gap={12} style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: 'var(--ant-color-bg-layout, #f5f5f5)', zIndex: 2 }}>
        <Button block disabled={index === 0} icon={<ArrowLeftOutlined />} onClick={() => go(-1)}>
          上一步
        </Button>
        {step === 'result' && record.state === 'notified' ? (
          <Button block type="primary" onClick={() => form.submit()} data-testid="field-save-result">
            保存检查结果
          </Button>
        ) : (
          <Button block type={index === STEPS.length - 1 ? 'default' : 'primary'} disabled={index === STEPS.length - 1} onClick={() => go(1)}>
            下一步 <ArrowRightOutlined />
          </Button>
        )}
      </Flex>
    </div>
  );
}

/** the six steps as one row of large tap targets: fits a 390 px screen, the current one filled */
function StepBar({ current, onChange }: { current: number; onChange: (i: number) => void }) {
  return (
    <nav aria-label="检查步骤" style={{ display: 'grid', gridTemplateColumns: `repeat(${STEPS.length}, 1fr)`, gap: 4, margin: '12px 0 16px' }} data-testid="field-steps">
      {STEPS.map((s, i) => {
        const on = i === current;
        return (
          <button
            key={s.key}
            type="button"
            aria-current={on ? 'step' : undefined}
            onClick={() => onChange(i)}
            style={{ minHeight: 52, padding: '6px 0', border: `1px solid ${on ? '#1d4ed8' : i < current ? '#93c5fd' : '#e5e7eb'}`, borderRadius: 8, background: on ? '#1d4ed8' : i < current ? '#eff6ff' : '#fff', color: on ? '#fff' : '#1f2937', cursor: 'pointer', fontSize: 12, lineHeight: 1.3 }}
          >
            <div style={{ fontSize: 18 }}>{s.icon}</div>
            {s.title}
          </button>
        );
      })}
    </nav>
  );
}

function ShowStep({ record, timeline }: { record: LedgerRecordDetail; timeline: Timeline }) {
  const v = record.values;
  const code = str(v['inspection_code']);
  const [showing, setShowing] = useState(false);
  const notify = timeline.transitions.find((t) => t.name === 'notify');
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'who', label: '检查人员', children: `${str(v['inspector1_name'])}（${str(v['inspector1_cert']) || '无证号'}）、${str(v['inspector2_name'])}（${str(v['inspector2_cert']) || '无证号'}）` },
          { key: 'where', label: '检查地点', children: str(v['enterprise_address']) || '——' },
          { key: 'what', label: '检查事项', children: record.refs['matter'] ?? '——' },
          { key: 'kind', label: '检查类型', children: `${str(v['plan_kind'])}检查${v['joint_orgs'] ? `（联合：${str(v['joint_orgs'])}）` : ''}` },
        ]}
      />
      {code ? (
        <Button type="primary" block icon={<IdcardOutlined />} onClick={() => setShowing(true)} style={{ height: 56, fontSize: 18 }} data-testid="field-show-credentials">
          亮证亮码
        </Button>
      ) : (
        <Alert type="warning" showIcon message="本次检查尚未经负责人批准，没有检查码；未经批准不得入企检查" />
      )}
      {showing ? <ShowCredentials code={code} onClose={() => setShowing(false)} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        进门先出示行政执法证件和检查码，告知检查事项、依据和申请回避的权利；企业扫码即可核验。
      </Typography.Paragraph>
      {record.state === 'approved' && notify?.permitted ? <NotifyOnSite record={record} timeline={timeline} /> : null}
    </>
  );
}

/** 现场出示: the notice handed over at the door, recorded as the notify step of the day */
function NotifyOnSite({ record, timeline }: { record: LedgerRecordDetail; timeline: Timeline }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useRef(new SubmissionKey());
  const today = dayjs().format('YYYY-MM-DD');
  const send = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const body = { date: today, notified_on: today, notice_method: '现场出示', version: timeline.version };
    try {
      await api.post(`/api/ledgers/${LEDGER}/${record.id}/transitions/notify`, body, { idempotencyKey: submission.current.for(body) });
      submission.current.done();
      void message.success('已记录：现场出示检查通知书');
      await queryClient.invalidateQueries({ queryKey: ['ledgers', LEDGER] });
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      message="尚未通知企业"
      description={
        <>
          {problem ? <Typography.Paragraph type="danger">{problem}</Typography.Paragraph> : null}
          <Typography.Paragraph style={{ marginBottom: 8 }}>到场后当面出示检查通知书的，点下面的按钮记为“现场出示”（通知日期为今天），即可开始检查。</Typography.Paragraph>
          <Button loading={busy} onClick={() => void send()} data-testid="field-notify">
            已现场出示检查通知书
          </Button>
        </>
      }
    />
  );
}

function CheckStep({ standards, checks, setCheck }: { standards: UseQueryResult<InspectionStandards>; checks: Checks; setCheck: (item: string, patch: { verdict?: CheckVerdict; note?: string }) => void }) {
  if (standards.isError) return <LoadFailed error={standards.error} onRetry={() => void standards.refetch()} />;
  if (!standards.data) return <Skeleton active />;
  const { items } = standards.data;
  if (items.length === 0) return <Alert type="info" showIcon message="本检查事项尚未制定行政检查标准" description="请在“结果”一步的现场检查情况中如实记录检查内容和发现的问题。检查标准由法制审核人员在“行政检查标准”中维护。" />;
  const done = items.filter((i) => checks[i]?.verdict).length;
  return (
    <>
      <Typography.Paragraph type="secondary">
        按“{standards.data.standards.map((s) => s.title).join('、')}”逐项检查（一表通查），不得超出检查标准扩大检查范围。已检查 <b data-testid="check-progress">{done}/{items.length}</b> 项。
      </Typography.Paragraph>
      {items.map((item, i) => {
        const c = checks[item];
        return (
          <div key={item} data-testid={`check-item-${i + 1}`} style={{ padding: 12, marginBottom: 12, background: '#fff', border: `1px solid ${c?.verdict === '不符合' ? '#ffccc7' : '#f0f0f0'}`, borderRadius: 8 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {i + 1}. {item}
            </Typography.Text>
            <Radio.Group
              block
              optionType="button"
              buttonStyle="solid"
              style={{ marginTop: 8 }}
              value={c?.verdict}
              options={CHECK_VERDICTS.map((x) => ({ value: x, label: x }))}
              onChange={(e) => setCheck(item, { verdict: e.target.value as CheckVerdict })}
            />
            {c?.verdict === '不符合' ? (
              <Input.TextArea
                style={{ marginTop: 8 }}
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={300}
                placeholder="发现的问题（必填），如：软管龟裂、报警器未通电"
                aria-label={`第${i + 1}项发现的问题`}
                value={c.note ?? ''}
                status={c.note?.trim() ? '' : 'error'}
                onChange={(e) => setCheck(item, { note: e.target.value })}
              />
            ) : null}
          </div>
        );
      })}
    </>
  );
}

function StoredChecklist({ entries }: { entries: ChecklistEntry[] }) {
  if (entries.length === 0) return <Alert type="info" showIcon message="本次检查未逐项记录检查结果" />;
  return (
    <>
      {entries.map((e, i) => (
        <Flex key={e.item} gap={8} align="baseline" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Tag color={e.verdict === '符合' ? 'green' : e.verdict === '不符合' ? 'red' : 'default'}>{e.verdict}</Tag>
          <span>
            {i + 1}. {e.item}
            {e.note ? <Typography.Text type="danger">：{e.note}</Typography.Text> : null}
          </span>
        </Flex>
      ))}
    </>
  );
}

function ResultStep({ record, timeline, form, draft, entries, items, onChange, onSaved }: { record: LedgerRecordDetail; timeline: Timeline; form: FormInstance<Record<string, unknown>>; draft: FieldDraft | null; entries: ChecklistEntry[]; items: string[]; onChange: () => void; onSaved: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const step = timeline.transitions.find((t) => t.name === 'record_result');
  const outcome = Form.useWatch('outcome', form);
  const [problem, setProblem] = useState<ReactNode>(null);
  const submission = useRef(new SubmissionKey());
  const [busy, setBusy] = useState(false);
  const initial = useMemo(() => {
    const restored = Object.fromEntries(Object.entries(draft ?? {}).filter(([k]) => k !== 'checks').map(([k, x]) => [k, DATE_FIELDS.includes(k) && typeof x === 'string' ? dayjs(x) : x]));
    return { inspected_on: dayjs(), ...restored };
  }, [draft]);
  if (record.state !== 'notified' || !step?.permitted) {
    return <Alert type="warning" showIcon message={record.state === 'cancelled' ? '本次检查已取消' : record.state === 'notified' ? '您没有记录检查结果的权限' : '检查须经负责人批准并通知企业后，方可记录检查结果（到场当面出示通知书的，在第1步记录）'} />;
  }
  const unchecked = items.filter((i) => !entries.some((e) => e.item === i));
  const noteless = failedItems(entries).filter((e) => !e.note);
  const save = async (values: Record<string, unknown>): Promise<void> => {
    if (unchecked.length || noteless.length) {
      setProblem(unchecked.length ? `还有${unchecked.length}项检查内容未勾选结论（第2步“逐项检查”）：${unchecked.slice(0, 3).join('；')}${unchecked.length > 3 ? '……' : ''}` : `不符合的项须说明发现的问题：${noteless.map((e) => e.item).join('；')}`);
      return;
    }
    const base = resultBody(values);
    const body = Object.fromEntries(Object.entries({ ...base, checklist: entries.length ? formatChecklist(entries) : undefined, date: base['inspected_on'], version: timeline.version }).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.post<Timeline>(`/api/enforcement/inspections/${record.id}/result`, body, { idempotencyKey: submission.current.for(body) });
      submission.current.done();
      queryClient.setQueryData(ledgerKeys.timeline(LEDGER, record.id), next);
      await queryClient.invalidateQueries({ queryKey: ['ledgers', LEDGER] });
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
      void message.success('已保存检查结果，请签名');
      onSaved();
    } catch (e) {
      const unmatched = applyServerErrors(form, e);
      const offline = isApiError(e) && e.code === 'network_error';
      setProblem(offline ? `${errorText(e)}。填写的内容已保存在本机，恢复网络后再点“保存检查结果”即可，不会重复记录。` : problemText(e, unmatched));
    } finally {
      setBusy(false);
    }
  };
  const failed = failedItems(entries);
  return (
    <div data-testid="field-result">
      {problem ? <Alert style={{ marginBottom: 12 }} type="error" showIcon message={problem} data-testid="field-problem" /> : null}
      {busy ? <Alert style={{ marginBottom: 12 }} type="info" showIcon message="正在保存…" /> : null}
      {failed.length && outcome === '未发现问题' ? <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={`逐项检查有${failed.length}项不符合，检查结果不能为“未发现问题”`} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onChange}
        onFinish={(x: Record<string, unknown>) => void save(x)}
      >
        {entries.length ? (
          <Space style={{ marginBottom: 8 }} wrap>
            <Typography.Text type="secondary">逐项检查：{entries.length}项，不符合 {failed.length} 项</Typography.Text>
            <Button
              size="small"
              icon={<CheckCircleOutlined />}
              onClick={() => {
                form.setFieldsValue({ inspection_record: checklistSummary(entries), ...(failed.length && !form.getFieldValue('outcome') ? { outcome: '责令整改' } : {}) });
                onChange();
              }}
              data-testid="field-fill-record"
            >
              按逐项检查结果填写现场检查情况
            </Button>
          </Space>
        ) : null}
        <ResultFields outcome={outcome} />
      </Form>
    </div>
  );
}

function StoredResult({ record }: { record: LedgerRecordDetail }) {
  const v = record.values;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'on', label: '检查日期', children: str(v['inspected_on']) },
        { key: 'outcome', label: '检查结果', children: str(v['outcome']) },
        ...(v['rectify_due_on'] ? [{ key: 'due', label: '整改期限', children: str(v['rectify_due_on']) }] : []),
        { key: 'record', label: '现场检查情况', children: <span style={{ whiteSpace: 'pre-wrap' }}>{str(v['inspection_record'])}</span> },
      ]}
    />
  );
}

function RecordStep({ record }: { record: LedgerRecordDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  if (record.state !== 'inspected') return <Alert type="info" showIcon message="保存检查结果后即可生成现场检查笔录" />;
  const name = `现场检查笔录-${str(record.values['inspection_no'])}`;
  const get = async (format: 'docx' | 'pdf'): Promise<void> => {
    setBusy(format);
    try {
      await downloadFile(`/api/enforcement/inspections/${record.id}/documents/record?format=${format}`, `${name}.${format}`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Typography.Paragraph>现场检查笔录按检查标准列明逐项检查结果，印有现场签名和检查码。请当场交被检查单位核对留存，或打印后交付。</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button block type="primary" icon={<FileTextOutlined />} loading={busy === 'pdf'} onClick={() => void get('pdf')} data-testid="field-record-pdf">
          现场检查笔录（PDF）
        </Button>
        <Button block icon={<FileTextOutlined />} loading={busy === 'docx'} onClick={() => void get('docx')} data-testid="field-record-docx">
          现场检查笔录（Word）
        </Button>
      </Space>
      <div style={{ marginTop: 16 }}>
        <InspectionDocuments id={record.id} />
      </div>
    </>
  );
}
