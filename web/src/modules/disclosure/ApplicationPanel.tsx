import { FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../platform/api.ts';
import { refusal, saveBlob } from '../../platform/ledger/download-file.ts';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { hasPermission, useMe } from '../../platform/session.ts';

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
  );
}
