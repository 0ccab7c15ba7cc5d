import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Progress, Space, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { formatSize } from '../../platform/ledger/field-value.tsx';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { ledgerKeys, ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { Attachment } from '../../platform/ledger/ledger-types.ts';
import { uploadWithProgress } from '../../platform/ledger/upload.ts';
import { formatDateTime } from '../../platform/format.ts';

/** the record's files: upload with progress, download, remove with a reason (kept in the audit log) */
export function AttachmentsCard({ ledger, recordId, attachments, canEdit }: { ledger: string; recordId: number; attachments: Attachment[]; canEdit: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const base = `${ledgerUrl(ledger)}/${recordId}/attachments`;
  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, recordId) });

  const upload = async (file: File): Promise<void> => {
    setProgress({ name: file.name, percent: 0 });
    try {
      await uploadWithProgress(base, { file }, (percent) => setProgress({ name: file.name, percent }));
      void message.success(`已上传：${file.name}`);
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.history(ledger, recordId) });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card
      title={
        <Space>
          <PaperClipOutlined />
          附件（{attachments.length}）
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        canEdit ? (
          <Upload
            showUploadList={false}
            disabled={!!progress}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={!!progress}>
              上传附件
            </Button>
          </Upload>
        ) : null
      }
      data-testid="attachments"
    >
      {progress ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">正在上传 {progress.name}</Typography.Text>
          <Progress percent={progress.percent} size="small" status="active" />
        </div>
      ) : null}
      <List<Attachment>
        dataSource={attachments}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Tooltip key="dl" title="下载">
                <Button type="text" size="small" icon={<DownloadOutlined />} aria-label={`下载 ${a.name}`} onClick={() => void downloadFile(`${base}/${a.id}`, a.name).catch((e: unknown) => void message.error(errorText(e)))} />
              </Tooltip>,
              ...(canEdit
                ? [
                    <Tooltip key="rm" title="删除">
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${a.name}`} onClick={() => setRemoving(a)} />
                    </Tooltip>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={<Typography.Text ellipsis={{ tooltip: a.name }}>{a.name}</Typography.Text>}
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[a.kind, formatSize(a.size), a.createdBy, formatDateTime(a.createdAt)].filter(Boolean).join(' · ')}
                  {' · '}
                  <Tooltip title={`SM3：${a.hash}`}>
                    <span style={{ fontFamily: 'monospace' }}>SM3 {a.hash.slice(0, 10)}…</span>
                  </Tooltip>
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {removing ? (
        <RemoveModal
          attachment={removing}
          onClose={() => setRemoving(null)}
          onRemove={async (reason) => {
            await api.post(`${base}/${removing.id}/remove`, { reason });
            void message.success('附件已删除');
            setRemoving(null);
            await refresh();
          }}
        />
      ) : null}
    </Card>
  );
}

function RemoveModal({ attachment, onClose, onRemove }: { attachment: Attachment; onClose: () => void; onRemove: (reason: string) => Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={`删除附件：${attachment.name}`} okText="删除" okButtonProps={{ danger: true, loading: busy }} cancelText="取消" onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            await onRemove(v.reason.trim());
          } catch (e) {
            void message.error(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label="删除原因" rules={[{ required: true, whitespace: true, message: '请填写删除原因' }]} extra="删除记入审计日志">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
