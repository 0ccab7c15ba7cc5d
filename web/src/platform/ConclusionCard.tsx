import { Alert, App, Button, Card, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, errorText } from './api.ts';
import { applyServerErrors } from './use-api-form.ts';

interface ConclusionForm {
  date: dayjs.Dayjs;
  conclusion: string;
}

/**
 * the card that ends a piece of work with a date and a written conclusion (a 案卷评查 finished, a 考核 closed):
 * posts `{ [dateField]: 'YYYY-MM-DD', conclusion }` to `url`, and puts the server's field errors on the fields
 */
export function ConclusionCard(props: {
  title: string;
  url: string;
  dateField: string;
  dateLabel: string;
  conclusionLabel: string;
  success: string;
  rows?: number;
  /** shown above the form while the work cannot be ended yet */
  notReady?: string | null;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<ConclusionForm>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (v: ConclusionForm) => {
    setBusy(true);
    try {
      await api.post(props.url, { [props.dateField]: v.date.format('YYYY-MM-DD'), conclusion: v.conclusion });
      message.success(props.success);
      await props.onDone();
    } catch (e) {
      // the server names the date by its API name; the form calls it `date`
      if (!applyServerErrors(form, e, { [props.dateField]: 'date' }).length) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={props.title}>
      {props.notReady ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={props.notReady} /> : null}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="date" label={props.dateLabel} rules={[{ required: true, message: `请选择${props.dateLabel}` }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="conclusion" label={props.conclusionLabel} rules={[{ required: true, min: 10, message: `${props.conclusionLabel}不能少于10个字` }]}>
          <Input.TextArea rows={props.rows ?? 3} maxLength={3000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.title}
        </Button>
      </Form>
    </Card>
  );
}
