import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PublicInspection, PublicInspectionCap } from '../../../../common/inspection.types.ts';
import { api, ApiError, errorText } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { CertificateTag } from './OfficerCertificate.tsx';

/** 扫码入企: the enterprise enters or scans the inspection code and sees who inspects, under which matter, approved by whom */
export function PublicInspectionPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [typed, setTyped] = useState(code ?? '');
  const found = useQuery({
    queryKey: ['public', 'inspection', code],
    enabled: !!code,
    retry: false,
    queryFn: ({ signal }) => api.get<PublicInspection>(`/api/public/inspections/${encodeURIComponent(String(code))}`, undefined, signal),
  });
  const cap = useQuery({
    queryKey: ['public', 'inspection-cap'],
    queryFn: ({ signal }) => api.get<PublicInspectionCap>('/api/public/inspection-cap', undefined, signal),
  });
  const d = found.data;
  const missing = found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400);
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 行政执法公示 &gt; 涉企行政检查核验</div>
      <section className="fz-public-box">
        <h2>涉企行政检查核验（扫码入企）</h2>
        <Typography.Paragraph type="secondary">执法人员入企检查时应出示检查通知书上的检查码。企业可扫码或在此输入检查码，核验实施检查的机关、检查事项、检查人员及其行政执法证号和审批情况；查无此码或信息不符的，可拒绝检查并向司法局反映。</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 420, marginBottom: 16 }}>
          <Input aria-label="检查码" placeholder="输入10位检查码" value={typed} maxLength={10} onChange={(e) => setTyped(e.target.value.toUpperCase())} onPressEnter={() => typed && void navigate(`/public/inspections/${typed.trim()}`)} />
          <Button type="primary" disabled={!typed.trim()} onClick={() => void navigate(`/public/inspections/${typed.trim()}`)}>
            核验
          </Button>
        </Space.Compact>
        {cap.data ? (
          <Alert
            style={{ marginBottom: 16 }}
            type="info"
            data-testid="inspection-cap"
            message={`年度检查频次上限：同一部门对同一企业每年开展${cap.data.kinds.join('、')}检查不超过${cap.data.cap}次`}
            description={
              <>
                <div>专项检查、个案检查不受此限；多个部门联合检查的，计为一次。超过上限安排的日常检查，系统不予批准。</div>
                {cap.data.departments.length ? <div>另行规定上限的部门：{cap.data.departments.map((x) => `${x.organ}${x.cap}次`).join('；')}。</div> : null}
              </>
            }
          />
        ) : null}
        {found.isLoading ? <Skeleton active /> : null}
        {missing ? <Alert type="error" showIcon icon={<CloseCircleOutlined />} message="查无此检查码" description="该检查码不存在。请核对检查通知书上的检查码；仍查不到的，可拒绝检查并向县司法局反映。" /> : null}
        {found.isError && !missing ? <Alert type="warning" showIcon message={errorText(found.error)} /> : null}
        {d ? (
          <>
            {d.valid ? (
              <Alert style={{ marginBottom: 12 }} type="success" showIcon icon={<CheckCircleOutlined />} message={`检查码有效：${d.organ}${d.planKind}检查，${d.state}`} />
            ) : (
              <Alert style={{ marginBottom: 12 }} type="error" showIcon message="该检查已取消，不得据此入企检查" />
            )}
            <Descriptions
              size="small"
              bordered={!mobile}
              column={1}
              data-testid="public-inspection"
              items={[
                { key: 'code', label: '检查码', children: <Typography.Text code>{d.code}</Typography.Text> },
                { key: 'no', label: '检查编号', children: d.inspectionNo },
                { key: 'organ', label: '实施机关', children: d.organ },
                { key: 'enterprise', label: '被检查企业', children: d.enterprise },
                { key: 'matter', label: '检查事项', children: `${d.matter.name}（${d.matter.code}）` },
                { key: 'basis', label: '检查依据', children: d.matter.basis || '—' },
                {
                  key: 'officers',
                  label: '检查人员',
                  children: (
                    <Space direction="vertical" size={2}>
                      {d.officers.map((o) => (
                        <span key={o.cert}>
                          {o.name} <Tag>执法证号 {o.cert}</Tag>
                          <CertificateTag c={o.certificate} />
                        </span>
                      ))}
                    </Space>
                  ),
                },
                { key: 'approver', label: '批准人', children: d.approver },
                { key: 'approved', label: '批准日期', children: `${formatDate(d.approvedOn)}${d.emergency ? '（紧急检查，事后补批）' : ''}` },
                { key: 'planned', label: '计划检查日期', children: formatDate(d.plannedOn) },
                ...(d.inspectedOn ? [{ key: 'inspected', label: '检查日期', children: formatDate(d.inspectedOn) }] : []),
                ...(d.jointOrgs ? [{ key: 'joint', label: '联合检查部门（综合查一次）', children: d.jointOrgs }] : []),
                {
                  key: 'usage',
                  label: `${d.usage.year}年本企业${d.usage.kinds.join('、')}检查次数`,
                  children: (
                    <Space direction="vertical" size={2} data-testid="inspection-usage">
                      {d.usage.departments.map((u) => (
                        <span key={u.organ}>
                          {u.organ}：已{d.usage.kinds.join('、')}检查{u.used}次 <Tag color={u.used >= u.cap ? 'red' : 'green'}>年度上限{u.cap}次</Tag>
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </section>
    </PublicLayout>
  );
}
