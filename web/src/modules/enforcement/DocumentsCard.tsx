import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../platform/api.ts';

export interface DocumentRow {
  kind: string;
  label: string;
  unavailable: string | null;
}

const unavailableNote = (d: DocumentRow): ReactNode =>
  d.unavailable ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {d.unavailable}
    </Typography.Text>
  ) : null;

/** a record's documents, one row each, made as DOCX and downloaded; a document that cannot be made yet says why */
export function DocumentsCard<D extends DocumentRow>({
  title,
  testId,
  docs,
  note = unavailableNote,
  labelled = false,
  download,
}: {
  title: string;
  testId: string;
  docs: UseQueryResult<{ items: D[] }>;
  /** what stands under a document's name; by default why it cannot be made yet */
  note?: (d: D) => ReactNode;
  /** the button reads 下载 and explains itself in a tooltip */
  labelled?: boolean;
  download: (d: D) => Promise<void>;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      loading={docs.isPending}
      data-testid={testId}
      title={
        <Space>
          <FileWordOutlined />
          {title}
        </Space>
      }
    >
      {docs.isError ? <Alert type="warning" showIcon message={errorText(docs.error)} /> : null}
      {(docs.data?.items ?? []).map((d) => {
        const button = (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={!!d.unavailable}
            loading={busy === d.kind}
            aria-label={`下载${d.label}`}
            onClick={async () => {
              setBusy(d.kind);
              try {
                await download(d);
              } catch (e) {
                void message.error(errorText(e));
              } finally {
                setBusy(null);
              }
            }}
          >
            {labelled ? '下载' : null}
          </Button>
        );
        return (
          <Flex key={d.kind} justify="space-between" align="center" gap={8} style={{ padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }}>
            <div style={{ minWidth: 0 }}>
              <div>{d.label}</div>
              {note(d)}
            </div>
            {labelled ? <Tooltip title={d.unavailable ?? `下载${d.label}（Word）`}>{button}</Tooltip> : button}
          </Flex>
        );
      })}
    </Card>
  );
}
