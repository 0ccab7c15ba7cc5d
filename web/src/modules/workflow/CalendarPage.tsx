import { CalculatorOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, InputNumber, Modal, Radio, Row, Select, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText, isApiError, type FieldProblem } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { workflowKeys, type CalendarDay, type CalendarYearDetail, type CalendarYearSummary, type DeadlineCalc, type CalendarPreview, type LoadResult } from './workflow-api.ts';

interface DayRow extends CalendarDay {
  kind: 'holiday' | 'workday';
}

function DeadlineCalculator() {
  const [form] = Form.useForm<{ from: Dayjs; days: number; unit: 'working' | 'calendar' }>();
  const [result, setResult] = useState<DeadlineCalc | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get<DeadlineCalc>('/api/deadline', { from: v.from.format('YYYY-MM-DD'), days: v.days, unit: v.unit }));
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="期限计算器">
      <Form form={form} layout="inline" initialValues={{ from: dayjs(), days: 20, unit: 'working' }} onFinish={() => void run()} style={{ rowGap: 8 }}>
        <Form.Item name="from" label="起算日" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label="期限" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={3650} suffix="日" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="unit">
          <Radio.Group optionType="button">
            <Radio.Button value="working">工作日</Radio.Button>
            <Radio.Button value="calendar">自然日</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={busy}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} /> : null}
      {result ? (
        <div style={{ marginTop: 12 }} data-testid="deadline-result">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            届满日：{result.due}（{dayjs(result.due).format('dddd')}）
          </Typography.Title>
          <ol className="fz-explain" style={{ maxHeight: 280, overflowY: 'auto', margin: 0, padding: '8px 12px 8px 32px', border: '1px solid #f0f0f0', borderRadius: 6, lineHeight: 1.9 }}>
            {result.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </Card>
  );
}

/** 工作日历 (系统管理员): the statutory holidays and make-up working days every working-day deadline is counted on */
export function CalendarPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: workflowKeys.calendarYears, queryFn: ({ signal }) => api.get<{ items: CalendarYearSummary[] }>('/api/calendar/years', undefined, signal) });
  const [year, setYear] = useState<number>(dayjs().year());
  const detail = useQuery({ queryKey: workflowKeys.calendarYear(year), queryFn: ({ signal }) => api.get<CalendarYearDetail>(`/api/calendar/${year}`, undefined, signal), retry: false });
  const [uploadErrors, setUploadErrors] = useState<{ detail: string; errors: FieldProblem[] } | null>(null);
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [uploading, setUploading] = useState(false);

  // a file is first shown (year, days, what changes); only the administrator's confirmation replaces the year
  const [pending, setPending] = useState<{ file: File; preview: CalendarPreview } | null>(null);
  const upload = async (file: File): Promise<void> => {
    setUploading(true);
    setUploadErrors(null);
    setLoaded(null);
    try {
      setPending({ file, preview: await api.upload<CalendarPreview>('/api/calendar/preview', file) });
    } catch (e) {
      if (isApiError(e)) setUploadErrors({ detail: e.detail, errors: e.fieldErrors });
      else void message.error(errorText(e));
    } finally {
      setUploading(false);
    }
  };
  const confirm = async (): Promise<void> => {
    if (!pending) return;
    setUploading(true);
    try {
      const r = await api.upload<LoadResult>('/api/calendar/load', pending.file);
      setPending(null);
      setLoaded(r);
      setYear(r.year);
      void message.success(`${r.year}年工作日历已${r.corrected ? '更正' : '导入'}`);
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      await queryClient.invalidateQueries({ queryKey: ['home'] });
    } catch (e) {
      setPending(null);
      if (isApiError(e)) setUploadErrors({ detail: e.detail, errors: e.fieldErrors });
      else void message.error(errorText(e));
    } finally {
      setUploading(false);
    }
  };

  const days: DayRow[] = detail.data ? [...detail.data.holidays.map((d) => ({ ...d, kind: 'holiday' as const })), ...detail.data.workdays.map((d) => ({ ...d, kind: 'workday' as const }))].sort((a, b) => a.date.localeCompare(b.date)) : [];
  const columns: ColumnsType<DayRow> = [
    { title: '日期', dataIndex: 'date' },
    { title: '星期', dataIndex: 'weekday' },
    { title: '类型', dataIndex: 'kind', render: (k: DayRow['kind']) => (k === 'holiday' ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>) },
    { title: '节日', dataIndex: 'name' },
  ];
  const yearOptions = [...new Set([...(years.data?.items ?? []).map((y) => y.year), year])].sort((a, b) => b - a);
  const summary = years.data?.items.find((y) => y.year === year);

  return (
    <>
      <PageHeader
        title="工作日历"
        description="法定节假日与调休上班日。所有按工作日计算的法定期限都以此为准；导入或更正后，计时中的期限会自动重新计算。"
        extra={
          <Upload accept=".csv,.json,.txt" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button type="primary" icon={<UploadOutlined />} loading={uploading}>
              导入年度节假日
            </Button>
          </Upload>
        }
      />
      {years.isError ? <LoadFailed error={years.error} onRetry={() => void years.refetch()} /> : null}
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          文件格式：CSV 每行“日期,类型,名称”（类型为“休”或“班”，如 <Typography.Text code>2027-10-01,休,国庆节</Typography.Text>），或 JSON（{'{"year": 2027, "holidays": {…}, "workdays": {…}}'}）。
        </Typography.Text>
        {uploadErrors ? (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setUploadErrors(null)}
            title={uploadErrors.detail}
            description={uploadErrors.errors.length ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{uploadErrors.errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul> : null}
            data-testid="calendar-errors"
          />
        ) : null}
        {loaded ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setLoaded(null)}
            title={`${loaded.year}年工作日历已${loaded.corrected ? '更正' : '导入'}：放假 ${loaded.holidays} 天、调休上班 ${loaded.workdays} 天`}
            description={`新增 ${loaded.added.length} 项、删除 ${loaded.removed.length} 项；重新计算了 ${loaded.recomputed} 个计时中的期限。`}
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={13}>
            <Card
              size="small"
              title={
                <Flex gap={8} align="center">
                  <Select aria-label="年份" value={year} onChange={setYear} options={yearOptions.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 110 }} />
                  {summary ? <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>来源：{summary.source ?? '—'} · {summary.loadedBy ?? '—'} 于 {formatDateTime(summary.loadedAt)} 导入</Typography.Text> : null}
                </Flex>
              }
            >
              {detail.isError ? (
                <Alert type="warning" showIcon title={`${year}年的工作日历尚未导入`} description="该年度按工作日计算的期限只跳过周末，请尽快导入国务院办公厅公布的节假日安排。" />
              ) : (
                <DataTable<DayRow> rowKey="date" size="small" loading={detail.isLoading} columns={columns} dataSource={days} pagination={{ defaultPageSize: 50 }} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <DeadlineCalculator />
          </Col>
        </Row>
      </Flex>
      {pending ? (
        <Modal
          open
          title={`${pending.preview.corrected ? '更正' : '导入'}${pending.preview.year}年工作日历：请核对`}
          okText={pending.preview.corrected ? '确认更正' : '确认导入'}
          cancelText="取消"
          confirmLoading={uploading}
          onOk={() => void confirm()}
          onCancel={() => setPending(null)}
          width={640}
          mask={{ closable: false }}
        >
          <div data-testid="calendar-preview">
            <Typography.Paragraph>
              文件：{pending.file.name}。放假 {pending.preview.holidays} 天、调休上班 {pending.preview.workdays} 天
              {pending.preview.corrected ? `；与现有${pending.preview.year}年日历相比，新增 ${pending.preview.added.length} 项、删除 ${pending.preview.removed.length} 项` : ''}。确认后，计时中的期限将按新日历重新计算。
            </Typography.Paragraph>
            {pending.preview.corrected && (pending.preview.added.length || pending.preview.removed.length) ? (
              <ul style={{ paddingInlineStart: 20 }}>
                {pending.preview.added.map((d) => (
                  <li key={`+${d}`}>新增：{d}</li>
                ))}
                {pending.preview.removed.map((d) => (
                  <li key={`-${d}`}>删除：{d}</li>
                ))}
              </ul>
            ) : null}
            <DataTable<DayRow> rowKey="date" size="small" columns={columns} dataSource={pending.preview.days} pagination={false} scroll={{ y: 320 }} />
          </div>
        </Modal>
      ) : null}
    </>
  );
}
