import { AuditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError, errorText } from '../../platform/api.ts';
import { waitingText } from '../../platform/format.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { ledgerKeys, ledgerUrl, useTimeline } from '../../platform/ledger/ledger-api.ts';
import type { LedgerPage, Timeline } from '../../platform/ledger/ledger-types.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { applyServerErrors } from '../../platform/use-api-form.ts';
import { DocumentsCard } from './DocumentsCard.tsx';
import { enforcementKeys, useCaseDocuments, usePriorViolations, yuan } from './enforcement-api.ts';

const DECIDING_TYPES = new Set(['行政处罚', '行政强制']);

/** the cards a case's page adds: the decision checked against the discretion benchmark, and the enforcement documents */
export function CasePanel({ ledger, record, meta }: RecordPanelProps) {
  const timeline = useTimeline(ledger, record.id, record.state !== null);
  const decide = timeline.data?.transitions.find((t) => t.name === 'decide');
  const caseType = String(record.values['case_type'] ?? '');
  return (
    <>
      {decide && timeline.data && DECIDING_TYPES.has(caseType) && record.status === 'active' ? (
        decide.permitted ? (
          <DecideCard ledger={ledger} record={record} meta={meta} timeline={timeline.data} blockedBy={decide.blockedBy.map((b) => b.message)} waiting={waitingText(decide)} />
        ) : (
          <Card size="small" style={{ marginBottom: 16 }} title={<CardTitle />}>
            <Typography.Text type="secondary">本案已告知当事人，等待单位负责人按裁量基准作出处罚决定。</Typography.Text>
          </Card>
        )
      ) : null}
      <TopPenalty record={record} />
      <CaseDocuments caseId={record.id} />
    </>
  );
}

/** 顶格处罚 as the server recorded it with the decision (a derived field nobody types): shown for a decided fine */
function TopPenalty({ record }: Pick<RecordPanelProps, 'record'>) {
  const top = record.values['top_penalty'];
  if (top !== true && top !== false) return null;
  const num = (field: string): number | null => (record.values[field] === null || record.values[field] === undefined ? null : Number(record.values[field]));
  const amount = num('amount');
  const max = num('benchmark_max');
  return (
    <Alert
      type={top ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="top-penalty"
      message={top ? `顶格处罚：罚款${yuan(amount)}等于所适用裁量基准的上限` : `未顶格处罚：罚款${yuan(amount)}${max === null ? '' : `，所适用裁量基准上限${yuan(max)}`}`}
      description="由系统在作出处罚决定时按罚款金额和所适用的裁量基准认定，不能手工修改"
    />
  );
}

const caseTypeOf = (record: RecordPanelProps['record']): string => String(record.values['case_type'] ?? '');

function CardTitle() {
  return (
    <Space>
      <AuditOutlined />
      作出处罚决定
    </Space>
  );
}

interface Benchmark {
  id: number;
  label: string;
  level: string;
  min: number;
  max: number;
  firstViolation: boolean;
  quickMinor: boolean;
}

interface DecideValues {
  decided_on: string;
  benchmark?: number;
  penalty_kinds?: string[];
  amount?: number | null;
  departure_reason?: string;
  decision_result: string;
  first_violation_exempt?: boolean;
  quick_minor?: boolean;
  exemption_ground?: string;
}

function useBenchmarks(matter: number | null) {
  return useQuery({
    queryKey: ['ledgers', 'enforcement.benchmark', 'of-matter', matter],
    enabled: matter !== null,
    queryFn: async ({ signal }): Promise<Benchmark[]> => {
      const page = await api.get<LedgerPage>(`${ledgerUrl('enforcement.benchmark')}`, { 'f.matter': matter, pageSize: 100, sort: 'min_amount', order: 'asc' }, signal);
      return page.items.map((b) => {
        const min = Number(b.values['min_amount'] ?? 0);
        const max = Number(b.values['max_amount'] ?? 0);
        const flags = [b.values['first_violation_exempt'] === true ? '首违不罚' : '', b.values['quick_minor'] === true ? '轻微速罚' : ''].filter(Boolean).join('、');
        return {
          id: b.id,
          level: String(b.values['level'] ?? ''),
          min,
          max,
          firstViolation: b.values['first_violation_exempt'] === true,
          quickMinor: b.values['quick_minor'] === true,
          label: `${String(b.values['level'] ?? '')}：${String(b.values['circumstance'] ?? '')}（${yuan(min)}至${yuan(max)}${flags ? `，${flags}` : ''}）`,
        };
      });
    },
  });
}

/** 作出处罚决定: the benchmark of the case's matter, the amount checked against it, a reason when departing from it */
function DecideCard({ ledger, record, meta, timeline, blockedBy, waiting }: RecordPanelProps & { timeline: Timeline; blockedBy: string[]; waiting: string | null }) {
  const penaltyKinds = meta.fields.find((f) => f.name === 'penalty_kinds')?.options ?? [];
  const [form] = Form.useForm<DecideValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const matter = typeof record.values['matter'] === 'number' ? record.values['matter'] : null;
  const benchmarks = useBenchmarks(matter);
  const chosenId = Form.useWatch('benchmark', form);
  const amount = Form.useWatch('amount', form);
  const chosen = benchmarks.data?.find((b) => b.id === chosenId);
  const fined = typeof amount === 'number' && amount > 0;
  const outside = !!chosen && fined && (amount < chosen.min || amount > chosen.max);
  const major = record.values['major'] === true;
  const reviewed = typeof record.values['review_opinion'] === 'string' && record.values['review_opinion'] !== '';
  const conclusion = typeof record.values['review_conclusion'] === 'string' ? record.values['review_conclusion'] : null;
  const deliberation = typeof record.values['deliberation_conclusion'] === 'string' ? record.values['deliberation_conclusion'] : null;
  const kinds = Form.useWatch('penalty_kinds', form);
  const exempt = Array.isArray(kinds) && kinds.includes('不予处罚');
  const grounds = meta.fields.find((f) => f.name === 'exemption_ground')?.options ?? [];
  const prior = usePriorViolations(record.id, caseTypeOf(record) === '行政处罚');
  // 顶格: the amount is the top of the chosen benchmark or of the matter's benchmarks (a warning, not a refusal)
  const matterMax = Math.max(0, ...(benchmarks.data ?? []).map((b) => b.max));
  const topped = fined && ((chosen && amount === chosen.max) || (matterMax > 0 && amount === matterMax));

  const submit = async (v: DecideValues): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== undefined && x !== null && x !== '' && (k !== 'departure_reason' || outside) && (k !== 'exemption_ground' || exempt)));
      const next = await api.post<Timeline>(`/api/enforcement/cases/${record.id}/decide`, { ...body, date: v.decided_on, version: timeline.version });
      queryClient.setQueryData(ledgerKeys.timeline(ledger, record.id), next);
      await queryClient.invalidateQueries({ queryKey: ['ledgers', ledger] });
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
      await queryClient.invalidateQueries({ queryKey: enforcementKeys.documents(record.id) });
      void message.success(exempt ? '已决定不予行政处罚，请制作并送达不予行政处罚决定书' : '已作出处罚决定，请制作并送达行政处罚决定书');
    } catch (e) {
      const unmatched = applyServerErrors(form, e);
      // a gate's refusal names no field: put the benchmark ones where they belong, show the rest above the form
      if (e instanceof ApiError) {
        for (const u of unmatched) {
          if (u.message.includes('裁量基准范围')) form.setFields([{ name: 'departure_reason', errors: [u.message] }, { name: 'amount', errors: ['罚款金额不在所选裁量基准范围内'] }]);
          else if (u.message.includes('选择适用的裁量基准')) form.setFields([{ name: 'benchmark', errors: [u.message] }]);
        }
      }
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<CardTitle />} data-testid="decide-card">
      {major || reviewed ? (
        <Alert
          type={conclusion === '不同意' ? 'error' : reviewed ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          message={reviewed ? `${major ? '重大执法决定，' : ''}已记录法制审核意见${conclusion ? `（审核结论：${conclusion}）` : ''}` : '重大执法决定：须先经法制审核'}
          description={reviewed ? String(record.values['review_opinion']) : '请法制审核人员在“办理流程”中办理“法制审核”，记录审核日期和审核意见后，方可作出决定。'}
        />
      ) : null}
      {major ? (
        <Alert
          type={deliberation === '不同意拟处理意见' ? 'error' : deliberation ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="decide-deliberation"
          message={deliberation ? `已经负责人集体讨论（${String(record.values['deliberated_on'] ?? '')}，结论：${deliberation}）` : '重大执法决定：须经行政机关负责人集体讨论决定（行政处罚法第五十七条第二款）'}
          description={deliberation ? `参加人员：${String(record.values['deliberation_participants'] ?? '')}` : '请单位负责人在“办理流程”中办理“负责人集体讨论”，记录日期、参加人员和结论。'}
        />
      ) : null}
      {prior.data ? (
        <Alert type={prior.data.count > 0 ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} data-testid="decide-prior" message={`首违核查：${prior.data.summary}`} description={prior.data.count > 0 ? '当事人不属初次违法，不能以“初次违法且危害后果轻微并及时改正”为由不予处罚。' : undefined} />
      ) : null}
      {waiting ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`作出处罚决定：${waiting}`} data-testid="decide-waiting" /> : null}
      {blockedBy.length ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={blockedBy.join('；')} /> : null}
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problem} data-testid="decide-problem" /> : null}
      <Form<DecideValues>
        form={form}
        layout="vertical"
        initialValues={{ decided_on: dayjs().format('YYYY-MM-DD') }}
        onFinish={submit}
        onValuesChange={(changed: Partial<DecideValues>) => {
          if ('benchmark' in changed) {
            const b = benchmarks.data?.find((x) => x.id === changed.benchmark);
            if (b) form.setFieldsValue({ first_violation_exempt: b.firstViolation, quick_minor: b.quickMinor, ...(b.firstViolation && b.max === 0 ? { penalty_kinds: ['不予处罚'], amount: 0, exemption_ground: '初次违法且危害后果轻微并及时改正' } : {}) });
          }
        }}
      >
        <Form.Item
          name="decided_on"
          label="决定日期"
          rules={[{ required: true, message: '请选择决定日期' }]}
          getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null })}
          normalize={(d: unknown) => (d && dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: '100%', maxWidth: 240 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} placeholder="请选择日期" />
        </Form.Item>
        <Form.Item
          name="benchmark"
          label="适用裁量基准"
          extra={benchmarks.data && benchmarks.data.length === 0 ? '本案执法事项尚未设定裁量基准，请先在“裁量基准”中录入' : '按本案执法事项的裁量基准选择违法情形'}
          rules={[{ validator: async (_r, v: unknown) => (v === undefined && fined ? Promise.reject(new Error('处以罚款的，须选择适用的裁量基准')) : undefined) }]}
          dependencies={['amount']}
        >
          <Select allowClear loading={benchmarks.isPending} placeholder="请选择违法情形" options={(benchmarks.data ?? []).map((b) => ({ value: b.id, label: b.label }))} optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>} />
        </Form.Item>
        <Form.Item name="penalty_kinds" label="处罚种类" rules={[{ required: true, message: '请选择处罚种类' }]}>
          <Select mode="multiple" allowClear placeholder="请选择处罚种类" options={penaltyKinds.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="罚款金额（元）"
          extra={chosen ? `裁量基准：${yuan(chosen.min)}至${yuan(chosen.max)}` : undefined}
          {...(outside ? { validateStatus: 'warning' as const, help: `罚款金额不在裁量基准范围（${yuan(chosen.min)}至${yuan(chosen.max)}）内，须说明偏离理由` } : {})}
        >
          <InputNumber style={{ width: '100%', maxWidth: 240 }} min={0} precision={2} placeholder="不罚款的填0或不填" />
        </Form.Item>
        {topped ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="decide-top" message={`顶格处罚：罚款金额为${chosen && amount === chosen.max ? '所选裁量基准' : '本事项裁量基准'}的上限（${yuan(amount)}），请确认从重情节已查明并在处理决定中说明`} /> : null}
        {exempt ? (
          <Form.Item name="exemption_ground" label="不予处罚依据（行政处罚法第三十三条）" rules={[{ required: true, message: '决定不予处罚的，须选择不予处罚的依据' }]} extra="初次违法的“可以不予处罚”，须核查当事人此前有无同一事项的违法行为">
            <Select placeholder="请选择第三十三条规定的情形" options={grounds.map((g) => ({ value: g, label: g }))} optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>} />
          </Form.Item>
        ) : null}
        {outside ? (
          <Form.Item name="departure_reason" label="偏离裁量基准的理由" rules={[{ required: true, whitespace: true, message: '罚款金额不在裁量基准范围内，须填写偏离裁量基准的理由' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder="如：经集体讨论，当事人违法所得较大，决定在基准上限以上处罚" />
          </Form.Item>
        ) : null}
        <Form.Item name="decision_result" label="处理决定" rules={[{ required: true, whitespace: true, message: '请填写处理决定' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="如：给予警告，并处罚款3000元" />
        </Form.Item>
        <Flex gap={16} wrap style={{ marginBottom: 12 }}>
          <Form.Item name="first_violation_exempt" valuePropName="checked" noStyle>
            <Checkbox>首违不罚</Checkbox>
          </Form.Item>
          <Form.Item name="quick_minor" valuePropName="checked" noStyle>
            <Checkbox>轻微速罚</Checkbox>
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={busy} disabled={waiting !== null} block>
          作出处罚决定
        </Button>
      </Form>
    </Card>
  );
}

/** 执法文书: each generated as DOCX from the case, numbered (文号) the first time it is made */
function CaseDocuments({ caseId }: { caseId: number }) {
  const docs = useCaseDocuments(caseId);
  const queryClient = useQueryClient();
  return (
    <DocumentsCard
      title="执法文书"
      testId="case-documents"
      docs={docs}
      labelled
      note={(d) =>
        d.docNo ? (
          <Tag color="blue" style={{ marginTop: 2, whiteSpace: 'normal' }}>
            {d.docNo}
          </Tag>
        ) : d.unavailable ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.unavailable}
          </Typography.Text>
        ) : d.kind === 'inquiry' ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            首次制作时编号
          </Typography.Text>
        )
      }
      download={async (d) => {
        // a numbered document is made (and numbered) once, explicitly; downloading only reads it
        if (!d.docNo && d.kind !== 'inquiry') await api.post(`/api/enforcement/cases/${caseId}/documents/${d.kind}`);
        await downloadFile(`/api/enforcement/cases/${caseId}/documents/${d.kind}`, `${d.label}.docx`);
        await queryClient.invalidateQueries({ queryKey: enforcementKeys.documents(caseId) });
      }}
    />
  );
}
