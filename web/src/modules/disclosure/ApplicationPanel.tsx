import { FileWordOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { refusal, saveBlob } from '../../platform/ledger/download-file.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';
import type { ApplicantRequests, FeeCount } from './disclosure-api.ts';
import { Link } from 'react-router';

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v as string));

/** POSTs for the letter (numbering it the first time) and saves the DOCX the server returns */
async function fetchLetter(id: number): Promise<{ name: string; number: string | null }> {
  const res = await fetch(`/api/disclosure/applications/${id}/reply-letter`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) throw await refusal(res, '生成失败', `生成答复书失败（${res.status}）`);
  const star = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const name = star ? decodeURIComponent(star) : '答复书.docx';
  saveBlob(await res.blob(), name);
  const number = res.headers.get('x-doc-number');
  return { name, number: number ? decodeURIComponent(number) : null };
}

/** POSTs for a step letter (an older record's letter is numbered the first time) and saves the DOCX */
async function fetchNotice(id: number, kind: string): Promise<void> {
  const res = await fetch(`/api/disclosure/applications/${id}/notices/${kind}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) throw await refusal(res, '生成失败', `生成文书失败（${res.status}）`);
  const star = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
  saveBlob(await res.blob(), star ? decodeURIComponent(star) : '文书.docx');
}

// each letter exists once its step is recorded (the step's date field)
const NOTICES = [
  { kind: 'supplement', title: '补正告知书', field: 'supplement_notice_no', date: 'supplement_requested_on' },
  { kind: 'consult', title: '征求意见书', field: 'consult_notice_no', date: 'consult_sent_on' },
  { kind: 'extension', title: '延期答复告知书', field: 'extension_notice_no', date: 'extension_approved_on' },
  { kind: 'reasons', title: '说明理由告知书', field: 'reasons_notice_no', date: 'reasons_asked_on' },
  { kind: 'delay', title: '延迟答复告知书', field: 'delay_notice_no', date: 'delayed_due_on' },
] as const;

/** 办理文书: the letters of the steps done so far, each with the 文号 its step gave out (or gets when first made) */
function StepLetters({ ledger, record, can }: { ledger: string; record: RecordPanelProps['record']; can: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const rows = NOTICES.filter((n) => text(record.values[n.date]));
  if (!rows.length) return null;
  const download = async (kind: string, numbered: boolean): Promise<void> => {
    setBusy(kind);
    try {
      await fetchNotice(record.id, kind);
      if (!numbered) await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, record.id) });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="办理文书" data-testid="step-letters-panel" style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        column={1}
        items={rows.map((n) => ({
          key: n.kind,
          label: n.title,
          children: (
            <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <span>{text(record.values[n.field]) ?? <Typography.Text type="secondary">首次生成时自动编号</Typography.Text>}</span>
              {can ? (
                <Button size="small" icon={<FileWordOutlined />} loading={busy === n.kind} onClick={() => void download(n.kind, !!text(record.values[n.field]))}>
                  {text(record.values[n.field]) ? '下载' : '生成'}
                </Button>
              ) : null}
            </span>
          ),
        }))}
      />
    </Card>
  );
}

/**
 * 申请数量、频次 (政府信息公开条例 art. 35): the same applicant's requests to this organ in the locally set period, so
 * the officer can judge whether to ask for reasons; shown while the application is open or once reasons were asked
 */
function ApplicantRequestsCard({ record }: { record: RecordPanelProps['record'] }) {
  const q = useQuery({
    queryKey: ['disclosure', 'applicant-requests', record.id, record.version],
    queryFn: ({ signal }) => api.get<ApplicantRequests>(`/api/disclosure/applications/${record.id}/applicant-requests`, undefined, signal),
  });
  const r = q.data;
  return (
    <Card size="small" title="申请数量、频次" data-testid="applicant-requests-panel" style={{ marginBottom: 12 }}>
      {q.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      {r ? (
        <>
          {r.matchedBy.length === 0 ? (
            <Alert type="info" showIcon title="未登记身份证件号码、统一社会信用代码或联系电话，无法识别同一申请人的其他申请" />
          ) : (
            <Alert
              type={r.exceeds ? 'warning' : 'success'}
              showIcon
              title={`${r.from} 至 ${r.to}，该申请人共向本机关提出申请 ${r.count} 件`}
              description={`本地设定的合理范围：${r.days}日内不超过${r.threshold}件（按${r.matchedBy.join('、')}识别同一申请人）。${r.exceeds ? '已明显超过合理范围，可以要求申请人说明理由（政府信息公开条例第三十五条）。' : '未超过合理范围。'}`}
            />
          )}
          {r.requests.length > 1 ? (
            <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
              {r.requests.map((x) => (
                <li key={x.id}>
                  {x.received_on} {x.app_no} {x.subject}
                  {x.id === record.id ? <Typography.Text type="secondary">（本申请）</Typography.Text> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

/**
 * 本自然月累计申请件数 (按件计收): never typed — the fee notice counts the applicant's applications of the month at
 * this organ and records the figure; the card shows how, the recorded figure and the applications counted, linked
 */
function FeeCountCard({ record }: { record: RecordPanelProps['record'] }) {
  const q = useQuery({
    queryKey: ['disclosure', 'fee-count', record.id, record.version],
    queryFn: ({ signal }) => api.get<FeeCount>(`/api/disclosure/applications/${record.id}/fee-count`, undefined, signal),
  });
  const r = q.data;
  return (
    <Card size="small" title="本自然月累计申请件数（按件计收信息处理费）" data-testid="fee-count-panel" style={{ marginBottom: 12 }}>
      {q.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      {r ? (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 'stored', label: '收费通知记录的件数', children: r.stored === null ? '尚未按件计收（发出收费通知时由系统统计）' : `${r.stored} 件` },
            { key: 'live', label: `按记录统计（${r.month ?? '—'}）`, children: `${r.count} 件（含本件）` },
          ]} />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            由系统{r.how}；{r.matchedBy.length ? `按${r.matchedBy.join('、')}识别同一申请人，不含已撤销的申请。` : '本申请未登记身份证件号码、统一社会信用代码或联系电话，无法识别同一申请人的其他申请，仅计本件。'}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="fee-count-records">
            {r.requests.map((x) => (
              <li key={x.id}>
                {x.received_on} <Link to={`/ledgers/disclosure.application/${x.id}`}>{x.app_no}</Link> {x.subject}
                {x.id === record.id ? <Typography.Text type="secondary">（本件）</Typography.Text> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

/** 答复书: the numbered reply letter for the recorded outcome, with the legal basis it cites */
export function ApplicationPanel({ ledger, record }: RecordPanelProps) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const v = record.values;
  const outcome = text(v['outcome']);
  const answered = text(v['answered_on']);
  const replyNo = text(v['reply_no']);
  const can = hasPermission(me, 'disclosure.application.update') && record.status === 'active';

  const generate = async (): Promise<void> => {
    setBusy(true);
    try {
      const { number } = await fetchLetter(record.id);
      void message.success(replyNo ? `已下载答复书（${replyNo}）` : `答复书已生成，文号 ${number ?? ''}`);
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, record.id) });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
    {!answered || text(v['reasons_asked_on']) ? <ApplicantRequestsCard record={record} /> : null}
    {!answered || text(v['fee_basis']) === '按件计收' ? <FeeCountCard record={record} /> : null}
    <StepLetters ledger={ledger} record={record} can={can} />
    <Card size="small" title="政府信息公开申请答复书" data-testid="reply-letter-panel">
      {!outcome || !answered ? (
        <Alert type="info" showIcon title="尚未答复" description="登记办理结果（及具体情形）和答复日期后，可在此生成编号的答复书（DOCX），答复书按办理结果引用《政府信息公开条例》相应条款。" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'outcome', label: '办理结果', children: `${outcome}${text(v['outcome_reason']) ? `（${text(v['outcome_reason']) ?? ''}）` : ''}` },
              { key: 'answered', label: '答复日期', children: answered },
              { key: 'no', label: '答复书文号', children: replyNo ?? <Typography.Text type="secondary">首次生成时自动编号</Typography.Text> },
            ]}
          />
          {can ? (
            <Button icon={<FileWordOutlined />} type={replyNo ? 'default' : 'primary'} loading={busy} onClick={() => void generate()} style={{ marginTop: 8 }}>
              {replyNo ? '下载答复书' : '生成答复书'}
            </Button>
          ) : (
            <Typography.Text type="secondary">您没有生成答复书的权限。</Typography.Text>
          )}
        </>
      )}
    </Card>
    </>
  );
}
