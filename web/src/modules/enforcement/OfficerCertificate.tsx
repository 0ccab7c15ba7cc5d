import { QRCode, Modal, Space, Tag, Typography, Skeleton, Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { OfficerCertificate, PublicInspection } from '../../../../common/inspection.types.ts';
import { api, errorText } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';

/** an officer's certificate as the registry holds it today: what an enterprise reads before letting an inspection in */
export function CertificateTag({ c }: { c: OfficerCertificate }) {
  switch (c.status) {
    case 'valid':
      return <Tag color="green">证件有效{c.validUntil ? `（至${formatDate(c.validUntil)}）` : ''}</Tag>;
    case 'expired':
      return <Tag color="red">证件已过期{c.validUntil ? `（${formatDate(c.validUntil)}到期）` : ''}</Tag>;
    case 'not_yet':
      return <Tag color="red">证件尚未生效</Tag>;
    case 'other_name':
      return <Tag color="red">该证号登记的不是此人</Tag>;
    case 'unregistered':
      return <Tag color="orange">执法人员名录库中无此证号</Tag>;
    case 'unchecked':
      return null;
  }
}

/**
 * 亮证亮码: on the officer's phone, full screen, what the enterprise is to see at the door — the inspection code as a
 * large QR code and each officer with the certificate number and its validity, read from the public verification
 * the enterprise gets by scanning (so both see the same)
 */
export function ShowCredentials({ code, onClose }: { code: string; onClose: () => void }) {
  const url = `${window.location.origin}/public/inspections/${code}`;
  const found = useQuery({ queryKey: ['public', 'inspection', code], retry: false, queryFn: ({ signal }) => api.get<PublicInspection>(`/api/public/inspections/${encodeURIComponent(code)}`, undefined, signal) });
  const d = found.data;
  return (
    <Modal open title="亮证亮码" footer={null} onCancel={onClose} width="100%" style={{ top: 0, maxWidth: 520, paddingBottom: 0 }} destroyOnHidden>
      <div data-testid="show-credentials" style={{ textAlign: 'center' }}>
        <Space direction="vertical" size={4} align="center" style={{ width: '100%' }}>
          <QRCode value={url} size={220} bordered={false} />
          <Typography.Title level={2} style={{ margin: 0, letterSpacing: 4 }}>
            {code}
          </Typography.Title>
          <Typography.Text type="secondary">请扫码或访问 {window.location.host}/public/inspections 输入检查码，核验本次检查</Typography.Text>
        </Space>
        {found.isLoading ? <Skeleton active style={{ marginTop: 16 }} /> : null}
        {found.isError ? <Alert style={{ marginTop: 16 }} type="warning" showIcon message={errorText(found.error)} /> : null}
        {d ? (
          <div style={{ marginTop: 16, textAlign: 'left' }}>
            <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 8 }}>
              {d.organ}　{d.matter.name}
            </Typography.Paragraph>
            {d.officers.map((o) => (
              <div key={o.cert} style={{ padding: '10px 12px', marginBottom: 8, border: '1px solid #f0f0f0', borderRadius: 8 }}>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {o.name}
                </Typography.Text>
                <div style={{ fontSize: 16 }}>行政执法证号 {o.cert}</div>
                <CertificateTag c={o.certificate} />
              </div>
            ))}
            <Typography.Text type="secondary">
              批准：{d.approver}（{formatDate(d.approvedOn)}）{d.valid ? '' : '　该检查已取消'}
            </Typography.Text>
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
