import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, errorText } from '../../platform/api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import type { RedactionPreview } from './disclosure-api.ts';

type FieldPreview = RedactionPreview['fields'][number];

/** the text with each span the redactor found highlighted, its masked form in the tooltip */
function Highlighted({ preview }: { preview: FieldPreview }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of preview.spans) {
    if (s.start > at) parts.push(<span key={`t${at}`}>{textOf(preview, at, s.start)}</span>);
    parts.push(
      <Tooltip key={`s${s.start}`} title={`${s.label}，公开时显示为 ${s.replacement}`}>
        <mark data-kind={s.kind} style={{ background: '#ffe58f', padding: '0 2px' }}>
          {s.text}
        </mark>
      </Tooltip>,
    );
    at = s.end;
  }
  parts.push(<span key="tail">{textOf(preview, at, null)}</span>);
  return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{parts}</div>;
}

/** the original text between two offsets, rebuilt from the redacted text and the spans (the API sends both) */
function textOf(preview: FieldPreview, from: number, to: number | null): string {
  // offsets are in the original text; map them into the redacted text by the length each span changed
  let shift = 0;
  for (const s of preview.spans) if (s.end <= from) shift += s.replacement.length - (s.end - s.start);
  return preview.redacted.slice(from + shift, to === null ? undefined : to + shift);
}

/**
 * 脱敏预览 on a 主动公开 item: the ID numbers, phone numbers, bank cards and e-mail addresses in its texts, as the
 * public site will mask them. The 保密审查 reviewer confirms it (已确认脱敏预览) before agreeing to publish.
 */
export function RedactionPanel({ record }: RecordPanelProps) {
  const q = useQuery({
    queryKey: ['disclosure', 'redaction-preview', record.id, record.version],
    queryFn: ({ signal }) => api.get<RedactionPreview>(`/api/disclosure/items/${record.id}/redaction-preview`, undefined, signal),
  });
  const withSpans = q.data?.fields.filter((f) => f.spans.length > 0) ?? [];
  return (
    <Card size="small" title="脱敏预览" style={{ marginBottom: 16 }} data-testid="redaction-panel">
      {q.isPending ? <Skeleton active /> : null}
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      {q.data && q.data.found === 0 ? <Alert type="success" showIcon title="未发现个人信息" description="标题、内容概述和正文中未发现身份证号码、电话号码、银行卡号或电子邮箱，公开时按原文显示。" /> : null}
      {q.data && q.data.found > 0 ? (
        <>
          <Alert
            type={q.data.confirmed ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`发现 ${q.data.found} 处个人信息，公开网站上遮盖显示`}
            description={q.data.confirmed ? '保密审查时已确认脱敏预览。' : '保密审查同意公开时，须核对下列标记并勾选“已确认脱敏预览”。'}
          />
          {withSpans.map((f) => (
            <div key={f.field} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {f.label} <Tag>{f.spans.length} 处</Tag>
              </Typography.Text>
              <Highlighted preview={f} />
              <Typography.Text type="secondary">公开时显示为：</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid={`redacted-${f.field}`}>
                {f.redacted}
              </div>
            </div>
          ))}
        </>
      ) : null}
    </Card>
  );
}
