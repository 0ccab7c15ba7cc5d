import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../platform/api.ts';
import { refusal, saveBlob } from '../../platform/ledger/download-file.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v as string));

/** POSTs for the 法律意见书 (numbering it the first time) and saves the file the server returns */
async function fetchOpinion(id: number, format: 'docx' | 'pdf'): Promise<string | null> {
  const res = await fetch(`/api/advisors/reviews/${id}/opinion?format=${format}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) throw await refusal(res, '生成失败', `生成法律意见书失败（${res.status}）`);
  const star = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
  saveBlob(await res.blob(), star ? decodeURIComponent(star) : `法律意见书.${format}`);
  const number = res.headers.get('x-doc-number');
  return number ? decodeURIComponent(number) : null;
}

/** 法律意见书: numbered when the opinion is issued (or when first made, for a review issued before numbering) */
export function OpinionPanel({ ledger, record }: RecordPanelProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const v = record.values;
  const no = text(v['opinion_no']);
  const can = hasPermission(me, 'advisors.review.update') && record.status === 'active';

  const make = async (format: 'docx' | 'pdf'): Promise<void> => {
    setBusy(format);
    try {
      const number = await fetchOpinion(record.id, format);
      if (!no) await queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, record.id) });
      void message.success(number ? `已生成法律意见书（${number}）` : '已生成法律意见书');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  if (record.state !== 'issued') {
    return (
      <Card size="small" title="法律意见书" data-testid="opinion-panel">
        <Alert type="info" showIcon title="尚未出具意见" description="办理“出具法律意见书”、填写审查结论和审查意见后，法律意见书自动编号，可在此生成 Word 或 PDF 文件。审查期限见“合法性审查期限”。" />
      </Card>
    );
  }
  return (
    <Card size="small" title="法律意见书" data-testid="opinion-panel">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'no', label: '编号', children: no ?? <Typography.Text type="secondary">出具时尚未编号，首次生成时编号</Typography.Text> },
          { key: 'on', label: '出具日期', children: text(v['completed_on']) ?? '——' },
          { key: 'conclusion', label: '审查结论', children: text(v['conclusion']) ?? '——' },
        ]}
      />
      {can ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Button icon={<FileWordOutlined />} type="primary" loading={busy === 'docx'} disabled={busy !== null} onClick={() => void make('docx')} data-testid="opinion-docx">
            生成法律意见书（Word）
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void make('pdf')} data-testid="opinion-pdf">
            生成 PDF
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
