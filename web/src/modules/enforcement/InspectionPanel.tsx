import { IdcardOutlined, MobileOutlined, QrcodeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, DatePicker, Flex, Form, Input, QRCode, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { ledgerKeys, useTimeline } from '../../platform/ledger/ledger-api.ts';
import type { LedgerPage, Timeline, TimelineTransition } from '../../platform/ledger/ledger-types.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { applyServerErrors } from '../../platform/use-api-form.ts';
import { DocumentsCard, type DocumentRow } from './DocumentsCard.tsx';
import { ShowCredentials } from './OfficerCertificate.tsx';
import { SignaturesCard } from './SignaturesCard.tsx';

export const OUTCOMES = ['未发现问题', '责令整改', '转立案'];
const SAMPLE_PURPOSES = ['检验', '检测', '检疫', '鉴定'];
const day = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : undefined);
const docKey = (id: number) => ['ledgers', 'enforcement.inspection', 'record', id, 'documents'] as const;

/** the cards of an inspection's page: approval (or the emergency record), the result with 转立案, the code, the documents */
export function InspectionPanel({ ledger, record }: RecordPanelProps) {
  const timeline = useTimeline(ledger, record.id, record.state !== null);
  const step = (name: string): TimelineTransition | undefined => timeline.data?.transitions.find((t) => t.name === name);
  const code = typeof record.values['inspection_code'] === 'string' ? record.values['inspection_code'] : null;
  const caseId = typeof record.values['penalty_case'] === 'number' ? record.values['penalty_case'] : null;
  const active = record.status === 'active' && timeline.data;
  const field = record.status === 'active' && (record.state === 'approved' || record.state === 'notified' || record.state === 'inspected');
  return (
    <>
      {field ? (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="field-entry">
          <Flex gap={12} align="center" wrap>
            <Link to={`/enforcement/inspections/${record.id}/field`}>
              <Button type="primary" size="large" icon={<MobileOutlined />}>
                现场检查模式
              </Button>
            </Link>
            <Typography.Text type="secondary" style={{ flex: '1 1 220px' }}>
              在手机上逐步办理：亮证亮码、按检查标准逐项检查、拍照录像取证、记录结果、现场签名、生成笔录。
            </Typography.Text>
          </Flex>
        </Card>
      ) : null}
      {active && record.state === 'planned' ? <ApprovalCard ledger={ledger} id={record.id} timeline={timeline.data} approve={step('approve')} emergency={step('emergency')} /> : null}
      {active && record.state === 'notified' ? <ResultCard ledger={ledger} id={record.id} timeline={timeline.data} step={step('record_result')} /> : null}
      {caseId !== null ? (
        <Alert style={{ marginBottom: 16 }} type="info" showIcon message={<span>本次检查已转立案：<Link to={`/ledgers/enforcement.case/${caseId}`}>查看行政处罚案件</Link></span>} />
      ) : null}
      {record.status === 'active' && record.state === 'inspected' ? <SignaturesCard id={record.id} /> : null}
      {code ? <CodeCard code={code} /> : null}
      <InspectionDocuments id={record.id} />
    </>
  );
}

function usePost(ledger: string, id: number, form: ReturnType<typeof Form.useForm>[0]) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const post = async (url: string, body: Record<string, unknown>, done: string): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.post<Timeline>(url, Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined && x !== null && x !== '')));
      queryClient.setQueryData(ledgerKeys.timeline(ledger, id), next);
      await queryClient.invalidateQueries({ queryKey: ['ledgers', ledger] });
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
      void message.success(done);
    } catch (e) {
      applyServerErrors(form, e);
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, post };
}

export function ResultFields({ outcome }: { outcome: unknown }) {
  const penalties = useQuery({
    queryKey: ['ledgers', 'enforcement.matter', 'penalty-options'],
    enabled: outcome === '转立案',
    queryFn: ({ signal }) => api.get<LedgerPage>('/api/ledgers/enforcement.matter?f.matter_type=行政处罚&f.matter_status=有效&pageSize=200', undefined, signal),
  });
  return (
    <>
      <Form.Item name="inspected_on" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="inspection_record" label="现场检查情况" rules={[{ required: true, message: '请填写现场检查情况' }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Collapse
        ghost
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'more',
            label: '询问、勘验、抽样（检查中有的填写，据此制作询问笔录、勘验笔录、抽样取证凭证）',
            forceRender: true,
            children: (
              <>
                <Flex gap={12} wrap>
                  <Form.Item name="interviewee" label="被询问人" style={{ flex: '1 1 160px' }}>
                    <Input maxLength={40} />
                  </Form.Item>
                  <Form.Item name="interviewee_role" label="被询问人职务" style={{ flex: '1 1 160px' }}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Flex>
                <Form.Item name="interview_record" label="询问情况" extra="问答记录，每行一问或一答">
                  <Input.TextArea rows={3} maxLength={5000} />
                </Form.Item>
                <Form.Item name="survey_record" label="勘验情况" extra="勘验对象、方法和结果">
                  <Input.TextArea rows={2} maxLength={5000} />
                </Form.Item>
                <Form.Item name="samples" label="抽取的样品" extra="每行一项：样品名称、规格型号、批号、数量">
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item name="sample_purpose" label="抽样目的">
                  <Select allowClear options={SAMPLE_PURPOSES.map((o) => ({ value: o, label: o }))} />
                </Form.Item>
              </>
            ),
          },
        ]}
      />
      <Form.Item name="outcome" label="检查结果" rules={[{ required: true, message: '请选择检查结果' }]}>
        <Select options={OUTCOMES.map((o) => ({ value: o, label: o }))} />
      </Form.Item>
      {outcome === '责令整改' ? (
        <Form.Item name="rectify_due_on" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {outcome === '转立案' ? (
        <>
          <Form.Item name="penalty_matter" label="立案依据的处罚事项" rules={[{ required: true, message: '请选择行政处罚事项' }]} extra="保存后系统同时登记行政处罚案件（案源登记），并与本次检查关联">
            <Select showSearch optionFilterProp="label" loading={penalties.isPending} options={(penalties.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))} />
          </Form.Item>
          <Form.Item name="case_summary" label="立案案由" rules={[{ required: true, message: '请填写案由' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="result_notified_on" label="结果告知日期">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export const resultBody = (v: Record<string, unknown>): Record<string, unknown> => ({ ...v, inspected_on: day(v['inspected_on']), rectify_due_on: day(v['rectify_due_on']), result_notified_on: day(v['result_notified_on']) });

function Blocked({ t }: { t: TimelineTransition | undefined }) {
  if (!t || t.blockedBy.length === 0) return null;
  return <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t.blockedBy.map((b) => b.message).join('；')} />;
}

function ApprovalCard({ ledger, id, timeline, approve, emergency }: { ledger: string; id: number; timeline: Timeline; approve: TimelineTransition | undefined; emergency: TimelineTransition | undefined }) {
  const [form] = Form.useForm();
  const [urgent] = Form.useForm();
  const ok = usePost(ledger, id, form);
  const late = usePost(ledger, id, urgent);
  const outcome = Form.useWatch('outcome', urgent);
  if (!approve?.permitted) {
    return (
      <Card size="small" style={{ marginBottom: 16 }} title={<Title text="检查审批" />}>
        <Typography.Text type="secondary">本次检查待单位负责人审批；未经批准不得入企检查。</Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<Title text="检查审批" />} data-testid="approval-card">
      <Blocked t={approve} />
      {ok.problem ? <Alert style={{ marginBottom: 12 }} type="error" showIcon message={ok.problem} /> : null}
      <Form form={form} layout="vertical" initialValues={{ approved_on: dayjs() }} onFinish={(v: Record<string, unknown>) => void ok.post(`/api/enforcement/inspections/${id}/approve`, { ...v, approved_on: day(v['approved_on']), date: day(v['approved_on']), version: timeline.version }, '已批准，检查码已生成')}>
        <Form.Item name="approved_on" label="审批日期" rules={[{ required: true, message: '请选择审批日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="approval_opinion" label="审批意见">
          <Input maxLength={500} placeholder="如：同意按计划实施检查" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          批准人按您的登录账号记录。系统核对检查事项是否在已公布的清单中、本年度对该企业的日常检查是否已达频次上限。
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={ok.busy}>
          批准检查
        </Button>
      </Form>
      {emergency?.permitted ? (
        <Collapse
          style={{ marginTop: 16 }}
          size="small"
          items={[
            {
              key: 'emergency',
              label: '紧急检查事后补批',
              children: (
                <>
                  {late.problem ? <Alert style={{ marginBottom: 12 }} type="error" showIcon message={late.problem} /> : null}
                  <Form form={urgent} layout="vertical" initialValues={{ approved_on: dayjs() }} onFinish={(v: Record<string, unknown>) => void late.post(`/api/enforcement/inspections/${id}/emergency`, { ...resultBody(v), approved_on: day(v['approved_on']), date: day(v['approved_on']), version: timeline.version }, '已补办审批并记录检查结果')}>
                    <Form.Item name="emergency_reason" label="紧急检查理由" rules={[{ required: true, message: '请说明情况紧急、需要当场检查的理由' }]}>
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                    <ResultFields outcome={outcome} />
                    <Form.Item name="approved_on" label="补批日期" rules={[{ required: true, message: '请选择补批日期' }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name="approval_opinion" label="审批意见">
                      <Input maxLength={500} />
                    </Form.Item>
                    <Button htmlType="submit" loading={late.busy}>
                      补办审批
                    </Button>
                  </Form>
                </>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

function ResultCard({ ledger, id, timeline, step }: { ledger: string; id: number; timeline: Timeline; step: TimelineTransition | undefined }) {
  const [form] = Form.useForm();
  const { busy, problem, post } = usePost(ledger, id, form);
  const outcome = Form.useWatch('outcome', form);
  if (!step?.permitted) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<Title text="检查结果" />} data-testid="result-card">
      <Blocked t={step} />
      {problem ? <Alert style={{ marginBottom: 12 }} type="error" showIcon message={problem} /> : null}
      <Form form={form} layout="vertical" initialValues={{ inspected_on: dayjs() }} onFinish={(v: Record<string, unknown>) => void post(`/api/enforcement/inspections/${id}/result`, { ...resultBody(v), date: day(v['inspected_on']), version: timeline.version }, v['outcome'] === '转立案' ? '已记录检查结果，并已登记行政处罚案件' : '已记录检查结果')}>
        <ResultFields outcome={outcome} />
        <Button type="primary" htmlType="submit" loading={busy}>
          保存检查结果
        </Button>
      </Form>
    </Card>
  );
}

function Title({ text }: { text: string }) {
  return (
    <Space>
      <SafetyCertificateOutlined />
      {text}
    </Space>
  );
}

function CodeCard({ code }: { code: string }) {
  const url = `${window.location.origin}/public/inspections/${code}`;
  const [showing, setShowing] = useState(false);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="inspection-code"
      title={
        <Space>
          <QrcodeOutlined />
          检查码（扫码入企）
        </Space>
      }
      extra={
        <Button type="primary" size="small" icon={<IdcardOutlined />} onClick={() => setShowing(true)}>
          亮证亮码
        </Button>
      }
    >
      {showing ? <ShowCredentials code={code} onClose={() => setShowing(false)} /> : null}
      <Flex gap={16} align="center" wrap>
        <QRCode value={url} size={120} bordered={false} />
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} copyable style={{ margin: 0, letterSpacing: 2 }}>
            {code}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0', wordBreak: 'break-all' }}>
            企业扫码或访问 <a href={url}>{url}</a> 核验检查人员、检查事项和审批情况。检查码已印在检查通知书上。
          </Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
}

export function InspectionDocuments({ id }: { id: number }) {
  const docs = useQuery({ queryKey: docKey(id), queryFn: ({ signal }) => api.get<{ items: DocumentRow[] }>(`/api/enforcement/inspections/${id}/documents`, undefined, signal) });
  return <DocumentsCard title="检查文书" testId="inspection-documents" docs={docs} download={(d) => downloadFile(`/api/enforcement/inspections/${id}/documents/${d.kind}`, `${d.label}.docx`)} />;
}
