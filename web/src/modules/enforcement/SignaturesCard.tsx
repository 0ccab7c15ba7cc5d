import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { formatDateTime } from '../../platform/format.ts';
import { SignaturePad } from '../../platform/SignaturePad.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';

type Signer = 'party' | 'interviewee' | 'inspector1' | 'inspector2';
interface Signature {
  signer: Signer;
  label: string;
  name: string | null;
  attachment: { id: number; name: string; createdAt: string; createdBy: string } | null;
}

// the server lists the signers of this inspection (the person questioned only when it questioned anyone)
const ROLE: Record<Signer, string> = { party: '被检查单位负责人（或在场人员）', interviewee: '被询问人', inspector1: '检查人员一', inspector2: '检查人员二' };
const LEDGER = 'enforcement.inspection';
const signaturesKey = (id: number) => ['ledgers', LEDGER, 'record', id, 'signatures'] as const;

/** 现场签名: the party, the person questioned and both officers sign the 笔录 on the officer's screen; each signature prints in the 笔录 */
export function SignaturesCard({ id }: { id: number }) {
  const me = useMe();
  const mayUpdate = hasPermission(me.data, `${LEDGER}.update`);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: signaturesKey(id), queryFn: ({ signal }) => api.get<{ items: Signature[] }>(`/api/enforcement/inspections/${id}/signatures`, undefined, signal) });
  const [signing, setSigning] = useState<Signature | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const who = (s: Signature): string => `${(ROLE as Partial<Record<string, string>>)[s.signer] ?? s.label}${s.name ? `：${s.name}` : ''}`;

  const save = async (png: string): Promise<void> => {
    if (!signing) return;
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.post<{ items: Signature[] }>(`/api/enforcement/inspections/${id}/signatures`, { signer: signing.signer, image: png });
      queryClient.setQueryData(signaturesKey(id), next);
      // the record's attachments and history show the new file
      await queryClient.invalidateQueries({ queryKey: ['ledgers', LEDGER, 'record', id] });
      void message.success(`${who(signing)} 已签名`);
      setSigning(null);
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="signatures-card"
      title={
        <Space>
          <EditOutlined />
          现场签名
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        检查结束后，请被检查单位负责人（或在场人员）和两名检查人员核对笔录后在屏幕上签名；检查中询问了有关人员的，被询问人核对询问笔录后签名。签名将印在现场检查笔录、询问笔录、勘验笔录和抽样取证凭证上。重新签名会替换原签名（留痕）。
      </Typography.Paragraph>
      {list.isError ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        rowKey="signer"
        renderItem={(s) => (
          <List.Item
            data-testid={`signature-${s.signer}`}
            actions={
              mayUpdate
                ? [
                    <Button
                      key="sign"
                      type={s.attachment ? 'default' : 'primary'}
                      size="small"
                      onClick={() => {
                        setProblem(null);
                        setSigning(s);
                      }}
                    >
                      {s.attachment ? '重新签名' : '签名'}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={who(s)}
              description={
                s.attachment ? (
                  <Space wrap>
                    <Tag color="green">已签名</Tag>
                    <img src={`/api/ledgers/${LEDGER}/${id}/attachments/${s.attachment.id}`} alt={`${who(s)}的签名`} style={{ height: 40, maxWidth: 160, objectFit: 'contain', border: '1px solid #f0f0f0', background: '#fff' }} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(s.attachment.createdAt)}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Tag>未签名</Tag>
                )
              }
            />
          </List.Item>
        )}
      />
      {signing ? (
        <Modal open title={`${who(signing)} 签名`} width="100%" style={{ maxWidth: 960, top: 16 }} footer={null} onCancel={() => setSigning(null)} mask={{ closable: false }} destroyOnHidden>
          {problem ? <Alert style={{ marginBottom: 12 }} type="error" showIcon message={problem} /> : null}
          <SignaturePad onConfirm={save} busy={busy} prompt={`${signing.name ?? (signing.signer === 'interviewee' ? '被询问人' : '被检查单位负责人')} 请在此签名`} />
        </Modal>
      ) : null}
    </Card>
  );
}
