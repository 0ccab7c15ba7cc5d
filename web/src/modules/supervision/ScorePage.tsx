import { ArrowLeftOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Input, InputNumber, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { FieldDisplay, formatSize, groupFields } from '../../platform/ledger/field-value.tsx';
import { ledgerUrl, useLedgerMeta, useLedgerRecord } from '../../platform/ledger/ledger-api.ts';
import { gradeColor, reviewKey, useReview, type ReviewCase, type SupervisionSheet } from './supervision-api.ts';

const CASE_LEDGER = 'enforcement.case';
// the groups a reviewer reads first; the parties' contact data is not what a file is scored on
const SHOWN_GROUPS = new Set(['案件', '调查', '告知', '决定', '送达执行', '更正撤销']);

interface Deduction {
  deduct: number;
  note: string;
}

/** scoring one drawn file: the case's details and documents on the left, the sheet on the right (stacked on a phone) */
export function ScorePage() {
  const params = useParams();
  const id = Number(params['id']);
  const caseId = Number(params['caseId']);
  const review = useReview(id);
  const c = review.data?.cases.find((x) => x.caseId === caseId);
  if (review.isError) return <LoadFailed error={review.error} />;
  return (
    <>
      <PageHeader
        title={c ? `案卷评查：${c.caseNo}` : '案卷评查'}
        description={c ? `${c.orgName} · ${c.summary}` : undefined}
        extra={
          <Link to={`/ledgers/supervision.review/${id}`}>
            <Button icon={<ArrowLeftOutlined />}>返回评查计划</Button>
          </Link>
        }
      />
      {review.data && !c ? <Alert type="warning" showIcon message="该案卷不在本次评查抽中的案卷中" /> : null}
      {review.data && c && review.data.sheet ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <CaseFile caseId={caseId} />
          </Col>
          <Col xs={24} lg={12}>
            <SheetForm reviewId={id} item={c} sheet={review.data.sheet} editable={review.data.state === 'scoring'} cases={review.data.cases} />
          </Col>
        </Row>
      ) : null}
    </>
  );
}

interface DocInfo {
  kind: string;
  label: string;
  docNo: string | null;
}

function CaseFile({ caseId }: { caseId: number }) {
  const meta = useLedgerMeta(CASE_LEDGER);
  const record = useLedgerRecord(CASE_LEDGER, caseId);
  const docs = useQuery({ queryKey: ['supervision', 'case-docs', caseId], queryFn: ({ signal }) => api.get<{ items: DocInfo[] }>(`/api/enforcement/cases/${caseId}/documents`, undefined, signal) });
  const { message } = App.useApp();
  if (meta.isError || record.isError) return <Alert type="warning" showIcon message={errorText(meta.error ?? record.error)} />;
  const r = record.data;
  const made = (docs.data?.items ?? []).filter((d) => d.docNo);
  return (
    <Card size="small" title="案卷" loading={!r || !meta.data} data-testid="case-file">
      {r && meta.data
        ? groupFields(meta.data.fields)
            .map((g) => ({ group: g.group, fields: g.fields.filter((f) => r.values[f.name] !== null && r.values[f.name] !== undefined && r.values[f.name] !== '') }))
            .filter((g) => SHOWN_GROUPS.has(g.group) && g.fields.length > 0)
            .map((g) => (
              <Descriptions
                key={g.group}
                size="small"
                bordered
                column={1}
                title={<Typography.Text strong>{g.group}</Typography.Text>}
                style={{ marginBottom: 12 }}
                items={g.fields.map((f) => ({ key: f.name, label: f.label, children: <FieldDisplay field={f} record={r} /> }))}
              />
            ))
        : null}
      <Typography.Text strong>执法文书</Typography.Text>
      {made.length ? (
        made.map((d) => (
          <Flex key={d.kind} justify="space-between" align="center" gap={8} style={{ padding: '4px 0' }}>
            <span>
              {d.label} <Tag color="blue">{d.docNo}</Tag>
            </span>
            <Button size="small" icon={<DownloadOutlined />} aria-label={`下载${d.label}`} onClick={() => downloadFile(`/api/enforcement/cases/${caseId}/documents/${d.kind}`, `${d.label}.docx`).catch((e: unknown) => message.error(errorText(e)))} />
          </Flex>
        ))
      ) : (
        <div>
          <Typography.Text type="secondary">尚未制作文书</Typography.Text>
        </div>
      )}
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>附件</Typography.Text>
      </div>
      {r?.attachments.length ? (
        r.attachments.map((a) => (
          <Flex key={a.id} justify="space-between" align="center" gap={8} style={{ padding: '4px 0' }}>
            <span>
              <PaperClipOutlined /> {a.kind ? `${a.kind}：` : ''}
              {a.name} <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
            </span>
            <Button size="small" icon={<DownloadOutlined />} aria-label={`下载${a.name}`} onClick={() => downloadFile(`${ledgerUrl(CASE_LEDGER)}/${caseId}/attachments/${a.id}`, a.name).catch((e: unknown) => message.error(errorText(e)))} />
          </Flex>
        ))
      ) : (
        <div>
          <Typography.Text type="secondary">无附件</Typography.Text>
        </div>
      )}
    </Card>
  );
}

function SheetForm({ reviewId, item, sheet, editable, cases }: { reviewId: number; item: ReviewCase; sheet: SupervisionSheet; editable: boolean; cases: ReviewCase[] }) {
  const initial = useMemo(() => Object.fromEntries(item.lines.map((l) => [l.code, { deduct: l.deduct, note: l.note }])), [item]);
  const [lines, setLines] = useState<Record<string, Deduction>>(initial);
  const [vetoes, setVetoes] = useState<string[]>(item.vetoes);
  const [comment, setComment] = useState(item.comment ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  useEffect(() => {
    setLines(initial);
    setVetoes(item.vetoes);
    setComment(item.comment ?? '');
    setErrors([]);
  }, [initial, item]);
  const total = sheet.total - Object.values(lines).reduce((n, l) => n + (l.deduct || 0), 0);
  const grade = vetoes.length ? '不合格' : total >= sheet.thresholds.excellent ? '优秀' : total >= sheet.thresholds.pass ? '合格' : '不合格';
  const categories = [...new Set(sheet.items.map((i) => i.category))];
  const next = cases.find((x) => x.position > item.position && x.total === null) ?? cases.find((x) => x.total === null && x.caseId !== item.caseId);
  const save = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const body = { lines: Object.entries(lines).filter(([, l]) => l.deduct > 0).map(([code, l]) => ({ code, deduct: l.deduct, note: l.note.trim() || undefined })), vetoes, comment: comment.trim() || undefined };
      await api.put(`/api/supervision/reviews/${reviewId}/cases/${item.caseId}/score`, body);
      await queryClient.invalidateQueries({ queryKey: reviewKey(reviewId) });
      message.success('评分已保存');
      if (next) void navigate(`/supervision/reviews/${reviewId}/cases/${next.caseId}`);
    } catch (e) {
      const problem = e as { problem?: { errors?: Array<{ message: string }> } };
      setErrors(problem.problem?.errors?.map((x) => x.message) ?? [errorText(e)]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={`${sheet.title}（第${sheet.version}版）`}
      data-testid="score-sheet"
      extra={
        <Space>
          <Statistic value={total} suffix={`/ ${sheet.total}`} valueStyle={{ fontSize: 18 }} />
          <Tag color={gradeColor(grade)} data-testid="score-grade">
            {grade}
          </Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {sheet.thresholds.excellent}分以上为优秀，{sheet.thresholds.pass}分以上为合格，低于{sheet.thresholds.pass}分或有否决项为不合格。扣分以0.5分为单位，须写明理由。
      </Typography.Paragraph>
      {categories.map((cat) => (
        <div key={cat} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{cat}</Typography.Text>
          {sheet.items
            .filter((i) => i.category === cat)
            .map((i) => {
              const l = lines[i.code] ?? { deduct: 0, note: '' };
              const set = (patch: Partial<Deduction>) => setLines((prev) => ({ ...prev, [i.code]: { ...l, ...patch } }));
              return (
                <div key={i.code} style={{ padding: '8px 0', borderBottom: '1px dashed #f0f0f0' }} data-testid={`item-${i.code}`}>
                  <Flex justify="space-between" gap={8} align="flex-start">
                    <span>
                      <Tag>{i.code}</Tag>
                      {i.label}
                      <Typography.Text type="secondary">（{i.points}分）</Typography.Text>
                    </span>
                    <InputNumber aria-label={`${i.code}扣分`} size="small" min={0} max={i.points} step={0.5} value={l.deduct || null} placeholder="扣分" disabled={!editable} onChange={(v) => set({ deduct: Number(v ?? 0) })} style={{ width: 84, flex: 'none' }} />
                  </Flex>
                  {l.deduct > 0 ? <Input aria-label={`${i.code}扣分理由`} size="small" style={{ marginTop: 6 }} placeholder="扣分理由" value={l.note} maxLength={300} disabled={!editable} onChange={(e) => set({ note: e.target.value })} /> : null}
                  {i.veto ? (
                    <Checkbox style={{ marginTop: 6 }} checked={vetoes.includes(i.code)} disabled={!editable} onChange={(e) => setVetoes((v) => (e.target.checked ? [...v, i.code] : v.filter((x) => x !== i.code)))}>
                      <Typography.Text type="danger">否决项：存在此问题的案卷直接评为不合格</Typography.Text>
                    </Checkbox>
                  ) : null}
                </div>
              );
            })}
        </div>
      ))}
      <Input.TextArea aria-label="评查意见" rows={3} placeholder="评查意见" value={comment} maxLength={1000} disabled={!editable} onChange={(e) => setComment(e.target.value)} />
      {errors.length ? <Alert type="error" showIcon style={{ marginTop: 12 }} message="评分未保存" description={errors.map((e) => <div key={e}>{e}</div>)} /> : null}
      {editable ? (
        <Button type="primary" block style={{ marginTop: 12 }} loading={busy} onClick={() => void save()}>
          {next ? '保存并评下一份' : '保存评分'}
        </Button>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {item.scoredBy ? `评查人：${item.scoredBy}` : ''}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
