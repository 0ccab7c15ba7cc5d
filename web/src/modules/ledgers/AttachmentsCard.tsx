import { CameraOutlined, DeleteOutlined, DownloadOutlined, EnvironmentOutlined, PaperClipOutlined, UploadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Progress, Space, Tooltip, Typography, Upload } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { formatSize } from '../../platform/ledger/field-value.tsx';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { ledgerKeys, ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { Attachment } from '../../platform/ledger/ledger-types.ts';
import { uploadWithProgress } from '../../platform/ledger/upload.ts';
import { formatDateTime, formatPlace } from '../../platform/format.ts';
import { currentPosition } from '../../platform/geo.ts';

// a file the camera made this long ago or less was taken here: the phone's position is where it was taken
const FRESH_MS = 10 * 60_000;

/**
 * the record's files: upload with progress, download, remove with a reason (kept in the audit log); on the spot a
 * photo or video straight from the camera, with when and where it was taken (docs/decisions/0039-field-evidence-capture.md)
 */
export function AttachmentsCard({ ledger, recordId, attachments, canEdit }: { ledger: string; recordId: number; attachments: Attachment[]; canEdit: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ name: string; percent: number; locating?: boolean } | null>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const videoInput = useRef<HTMLInputElement>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const base = `${ledgerUrl(ledger)}/${recordId}/attachments`;
  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: ledgerKeys.record(ledger, recordId) });

  // fields go before the file: the server reads those that precede it
  const upload = async (file: File, fields: Record<string, string> = {}, note = ''): Promise<void> => {
    setProgress({ name: file.name, percent: 0 });
    try {
      await uploadWithProgress(base, { ...fields, file }, (percent) => setProgress({ name: file.name, percent }));
      void message.success(`已上传：${file.name}${note}`);
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.history(ledger, recordId) });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setProgress(null);
    }
  };

  const capture = async (e: ChangeEvent<HTMLInputElement>, kind: string): Promise<void> => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // the file's own time is when the camera made it; an older file (picked from the album) was not taken here and now
    const takenAt = file.lastModified > 0 ? new Date(file.lastModified) : new Date();
    const fresh = Date.now() - takenAt.getTime() < FRESH_MS;
    setProgress({ name: file.name, percent: 0, locating: fresh });
    const place = fresh ? await currentPosition(8000) : null;
    const fields: Record<string, string> = { kind, takenAt: takenAt.toISOString() };
    if (place) Object.assign(fields, { latitude: String(place.lat), longitude: String(place.lng), accuracy: String(place.accuracy) });
    await upload(file, fields, place ? '' : '（未获取位置）');
  };

  return (
    <>
      {/* the camera's inputs sit outside the card: the card's own file input stays the one an ordinary upload uses */}
      {canEdit ? (
        <>
          <input ref={photoInput} type="file" accept="image/*" capture="environment" hidden data-testid="capture-photo" onChange={(e) => void capture(e, '现场照片')} />
          <input ref={videoInput} type="file" accept="video/*" capture="environment" hidden data-testid="capture-video" onChange={(e) => void capture(e, '现场录像')} />
        </>
      ) : null}
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
        {canEdit ? (
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<CameraOutlined />} disabled={!!progress} onClick={() => photoInput.current?.click()}>
              拍照取证
            </Button>
            <Button icon={<VideoCameraOutlined />} disabled={!!progress} onClick={() => videoInput.current?.click()}>
              录像取证
            </Button>
          </Space>
        ) : null}
        {progress ? (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{progress.locating ? `正在获取位置（${progress.name}）…` : `正在上传 ${progress.name}`}</Typography.Text>
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
                    {a.capturedAt ? <CaptureLines capturedAt={a.capturedAt} place={a.place} /> : null}
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
    </>
  );
}

/** when and where the phone took a file: one line each, so they read on a phone */
function CaptureLines({ capturedAt, place }: { capturedAt: string; place: Attachment['place'] }) {
  return (
    <span data-testid="capture-info" style={{ display: 'block', marginTop: 2 }}>
      <span style={{ display: 'block' }}>拍摄时间 {formatDateTime(capturedAt)}</span>
      <span style={{ display: 'block' }}>
        <EnvironmentOutlined /> {place ? `位置 ${formatPlace(place)}` : '未获取位置'}
      </span>
    </span>
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
