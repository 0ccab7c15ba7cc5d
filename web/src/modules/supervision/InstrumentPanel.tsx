import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import type { RecordPanelProps } from '../../platform/module.ts';

const LEDGER_LABELS: Record<string, string> = { 'enforcement.case': '行政执法案件', 'enforcement.inspection': '涉企行政检查', 'enforcement.inspector': '执法人员', 'supervision.opinion': '监督文书' };

/** a 监督文书's document (DOCX, PDF) and, for one made from a clue, the records the clue rests on */
export function InstrumentPanel({ record }: RecordPanelProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const kind = String(record.values['kind'] ?? '意见书');
  const get = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadFile(`/api/supervision/instruments/${record.id}/document?format=${format}`, `行政执法监督${kind}.${format}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const basis = String(record.values['basis_records'] ?? '')
    .split('\n')
    .map((line) => /^([a-z_.]+):(\d+(?:,\d+)*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={`行政执法监督${kind}`}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={busy === 'docx'} onClick={() => void get('docx')} data-testid="instrument-docx">
          下载文书（DOCX）
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'pdf'} onClick={() => void get('pdf')}>
          下载PDF
        </Button>
      </Space>
      {basis.length ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">线索所依据的记录：</Typography.Text>
          <Space direction="vertical" size={2}>
            {basis.map((m) => (
              <Link key={m[1]} to={`/ledgers/${m[1] ?? ''}?ids=${m[2] ?? ''}`}>
                {LEDGER_LABELS[m[1] ?? ''] ?? m[1]}（{(m[2] ?? '').split(',').length}条）
              </Link>
            ))}
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
