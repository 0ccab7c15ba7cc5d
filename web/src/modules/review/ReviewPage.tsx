import { FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Fragment, useState } from 'react';
import { errorText, request } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { findingDetails, type ReviewFinding } from './finding-details.ts';
import './review.css';

type FindingKind =
  | 'parts_sum_mismatch' | 'table_mismatch' | 'sequence_violation' | 'subset_exceeds_total' | 'rate_mismatch'
  | 'average_mismatch' | 'difference_mismatch' | 'percent_over_100' | 'inconsistent_value' | 'missing_section' | 'unreadable';

const KIND_LABELS: Record<FindingKind, { label: string; color: string }> = {
  parts_sum_mismatch: { label: '分项之和不等于总数', color: 'red' },
  table_mismatch: { label: '表格数字不平衡', color: 'red' },
  sequence_violation: { label: '后一环节多于前一环节', color: 'red' },
  subset_exceeds_total: { label: '部分大于总数', color: 'red' },
  rate_mismatch: { label: '比率与数字不符', color: 'volcano' },
  average_mismatch: { label: '平均数与数字不符', color: 'volcano' },
  difference_mismatch: { label: '增减数与数字不符', color: 'volcano' },
  percent_over_100: { label: '百分比超过100%', color: 'red' },
  inconsistent_value: { label: '前后数字不一致', color: 'orange' },
  missing_section: { label: '缺少规定内容', color: 'gold' },
  unreadable: { label: '无法读取', color: 'default' },
};

interface Figure {
  text: string;
  label: string;
  value: number;
  unit: string;
  parts: Array<{ label: string; value: number; unit?: string }>;
  raw?: string;
  approximate?: boolean;
}

interface Finding extends ReviewFinding {
  kind: FindingKind;
  message: string;
  text: string;
  expected: string;
  actual: string;
}

interface FileReview {
  file: string;
  figures: Figure[];
  findings: Finding[];
}

interface Cell {
  value: number;
  unit?: string;
  raw?: string;
  text: string;
  approximate?: boolean;
}

interface ReviewResult {
  files: FileReview[];
  comparison: { files: string[]; rows: Array<{ label: string; unit: string; cells: Cell[][] }> };
}

// the server sends back figures and findings, not the document text; plain-text and HTML uploads are read here
async function localText(file: File): Promise<string | null> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.txt')) return file.text();
  if (name.endsWith('.html') || name.endsWith('.htm')) {
    const doc = new DOMParser().parseFromString(await file.text(), 'text/html');
    return (doc.body.innerText || doc.body.textContent || '').replace(/\n{3,}/g, '\n\n');
  }
  return null;
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2))));

/** the document text with every passage a finding quotes marked */
function HighlightedText({ text, findings }: { text: string; findings: Finding[] }) {
  // each figure's own quote is verbatim; a finding's text may join two passages
  const quotes = [...new Set(findings.flatMap((f) => [f.text, ...(f.figures ?? []).map((x) => x.quote)]).filter((t) => t && text.includes(t)))];
  if (!quotes.length) return <>{text}</>;
  const escaped = quotes.map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <>
      {parts.map((p, i) => {
        // (a finding that joins two passages marks each: "…87件…" and, in another part, "…78件…")
        const hit = findings.filter((f) => f.text === p || (f.figures ?? []).some((x) => x.quote === p));
        return hit.length ? (
          <Tooltip key={i} title={hit.map((h) => h.message).join('；')}>
            <mark className="fz-review-mark">{p}</mark>
          </Tooltip>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        );
      })}
    </>
  );
}

function FileResult({ review, text }: { review: FileReview; text: string | null }) {
  // without the full text, the sentences the figures came from stand in for it, in order
  const body = text ?? [...new Set([...review.figures.map((f) => f.text), ...review.findings.map((f) => f.text)].filter(Boolean))].join('\n');
  const figureColumns: ColumnsType<Figure> = [
    { title: '事项', dataIndex: 'label', width: 200 },
    { title: '数字', key: 'value', render: (_, f) => <span>{fmt(f.value)}{f.unit}{f.approximate ? <Tag style={{ marginInlineStart: 6 }}>约数</Tag> : null}</span> },
    { title: '其中', key: 'parts', render: (_, f) => (f.parts.length ? f.parts.map((p) => `${p.label}${fmt(p.value)}${p.unit ?? f.unit}`).join('、') : '—') },
    { title: '原文', dataIndex: 'text', render: (t: string) => <Typography.Text type="secondary" ellipsis={{ tooltip: t }} style={{ maxWidth: 360 }}>{t}</Typography.Text> },
  ];
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`审查发现（${review.findings.length}）`} data-testid="review-findings">
        {review.findings.length === 0 ? (
          <Alert type="success" showIcon title="未发现数字问题" />
        ) : (
          <div>
            {review.findings.map((f, i) => (
              <div key={i} className="fz-review-finding">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex gap={6} align="center" wrap>
                    <Tag color={KIND_LABELS[f.kind]?.color ?? 'default'}>{KIND_LABELS[f.kind]?.label ?? f.kind}</Tag>
                    <span>{f.message}</span>
                  </Flex>
                  {(() => {
                    const d = findingDetails(f);
                    return (
                      <>
                        {d.relation ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="finding-relation">{d.relation}</Typography.Text>
                        ) : null}
                        {d.figures.length > 0 ? (
                          <div className="fz-review-figures" data-testid="finding-figures">
                            {d.figures.map((x, k) => (
                              <div key={k}>
                                <Typography.Text strong style={{ fontSize: 12 }}>{x.figure}</Typography.Text>
                                <Typography.Text type="secondary" style={{ fontSize: 12 }}>　{x.stated}</Typography.Text>
                              </div>
                            ))}
                          </div>
                        ) : null}
                        {d.computed ? (
                          <Typography.Text style={{ fontSize: 12 }} data-testid="finding-arithmetic">{d.computed}</Typography.Text>
                        ) : null}
                      </>
                    );
                  })()}
                </Flex>
              </div>
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title={text ? '报告原文（标黄处为发现问题的段落）' : '含数字的段落（标黄处为发现问题的段落）'}>
        <div className="fz-review-text">{body ? <HighlightedText text={body} findings={review.findings} /> : <Typography.Text type="secondary">未提取到文字</Typography.Text>}</div>
      </Card>
      <Card size="small" title={`提取的数字（${review.figures.length}）`}>
        <DataTable<Figure> rowKey={(f) => `${f.text}|${f.label}|${f.raw ?? f.value}`} size="small" columns={figureColumns} dataSource={review.figures} pagination={{ defaultPageSize: 10 }} />
      </Card>
    </Flex>
  );
}

function Comparison({ result }: { result: ReviewResult }) {
  type Row = ReviewResult['comparison']['rows'][number];
  const columns: ColumnsType<Row> = [
    { title: '事项', dataIndex: 'label', fixed: 'left', width: 180, render: (l: string, r) => `${l}（${r.unit}）` },
    ...result.comparison.files.map((f, i) => ({
      title: f,
      key: `f${i}`,
      render: (_: unknown, r: Row) => {
        const cells = r.cells[i] ?? [];
        if (!cells.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Flex gap={4} wrap>
            {cells.map((c, n) => (
              <Tooltip key={n} title={c.text}>
                <span>{c.raw ?? `${fmt(c.value)}${c.unit ?? r.unit}`}{n < cells.length - 1 ? '、' : ''}</span>
              </Tooltip>
            ))}
          </Flex>
        );
      },
    })),
  ];
  return <DataTable<Row> rowKey={(r) => `${r.label}|${r.unit}`} size="small" columns={columns} dataSource={result.comparison.rows} pagination={{ defaultPageSize: 20 }} />;
}

/** 报告数字审查: upload towns' reports, see every figure extracted and every sum that does not add up */
export function ReviewPage() {
  const { message } = App.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [texts, setTexts] = useState<Record<string, string | null>>({});

  const run = async (): Promise<void> => {
    if (!files.length) return;
    setBusy(true);
    try {
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      const r = await request<ReviewResult>('POST', '/api/review', { body: form });
      const local: Record<string, string | null> = {};
      for (const f of files) local[f.name] = await localText(f).catch(() => null);
      setTexts(local);
      setResult(r);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const totalFindings = result?.files.reduce((n, f) => n + f.findings.length, 0) ?? 0;
  return (
    <>
      <PageHeader title="报告数字审查" description="上传一份或多份年度报告（DOCX、PDF、HTML、TXT），自动提取文中数字，核对分项合计、比率和前后一致性，并横向对比各单位。" />
      <Flex vertical gap={16}>
        <Card size="small">
          <Upload.Dragger
            multiple
            accept=".docx,.pdf,.html,.htm,.txt"
            fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const }))}
            beforeUpload={(f) => (setFiles((prev) => [...prev.filter((p) => p.name !== f.name), f]), false)}
            onRemove={(u) => setFiles((prev) => prev.filter((p) => p.name !== u.name))}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入报告文件</p>
            <p className="ant-upload-hint">支持 DOCX、PDF、HTML、TXT，可一次选择多份（最多30份）</p>
          </Upload.Dragger>
          <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
            <Button onClick={() => (setFiles([]), setResult(null))} disabled={!files.length && !result}>
              清空
            </Button>
            <Button type="primary" icon={<FileSearchOutlined />} loading={busy} disabled={!files.length} onClick={() => void run()}>
              开始审查
            </Button>
          </Flex>
        </Card>
        {result ? (
          <>
            <Alert type={totalFindings ? 'warning' : 'success'} showIcon title={`共审查 ${result.files.length} 份报告，发现 ${totalFindings} 处数字问题`} />
            <Tabs
              items={[
                ...result.files.map((f, i) => ({
                  key: `f${i}`,
                  label: (
                    <span>
                      {f.file} {f.findings.length ? <Tag color="red">{f.findings.length}</Tag> : <Tag color="green">无问题</Tag>}
                    </span>
                  ),
                  children: <FileResult review={f} text={texts[f.file] ?? null} />,
                })),
                ...(result.files.length > 1 ? [{ key: 'compare', label: '各报告数字对比', children: <Comparison result={result} /> }] : []),
              ]}
            />
          </>
        ) : (
          <Card size="small">
            <Empty description="上传报告后在此查看审查结果" />
          </Card>
        )}
      </Flex>
    </>
  );
}
