import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { reportKeys, type DeadlineSetting } from './report-api.ts';

const monthDay = (mmdd: string): string => {
  const [m, d] = mmdd.split('-').map(Number);
  return `${m ?? ''}月${d ?? ''}日`;
};

/** 报告期限: the yearly reports' due days; the county sets them (in 到期事项 for every unit that has not reported) */
export function DeadlinesCard({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: reportKeys.deadlines, queryFn: ({ signal }) => api.get<{ items: DeadlineSetting[] }>('/api/reports/deadlines', undefined, signal) });
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, string>>();
  const items = q.data?.items ?? [];
  const save = async (): Promise<void> => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.put('/api/reports/deadlines', { values });
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      void message.success('报告期限已保存');
      setEditing(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title="报告期限"
      data-testid="report-deadlines"
      extra={
        canEdit ? (
          <Button size="small" onClick={() => (form.setFieldsValue(Object.fromEntries(items.map((i) => [i.key, i.value]))), setError(null), setEditing(true))}>
            设置
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={6}>
        {items.map((i) => (
          <Flex key={i.key} justify="space-between" align="baseline" gap={12}>
            <Typography.Text style={{ flex: 1, minWidth: 0 }}>{i.label}</Typography.Text>
            <Flex vertical align="flex-end" style={{ flex: '0 0 auto' }}>
              <Typography.Text strong>次年{monthDay(i.value)}前</Typography.Text>
              {i.value !== i.default ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>默认{monthDay(i.default)}</Typography.Text> : null}
            </Flex>
          </Flex>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          未报送、未公开的报告列入“到期事项”，到期前提醒，逾期标红。
        </Typography.Text>
      </Flex>
      <Modal open={editing} title="设置报告期限" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void save()} onCancel={() => setEditing(false)} width={640}>
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} /> : null}
        <Form form={form} layout="vertical">
          {items.map((i) => (
            <Form.Item key={i.key} name={i.key} label={i.label} extra={i.basis} rules={[{ required: true, pattern: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, message: '请填写“月-日”，如 03-01' }]}>
              <Input placeholder={i.default} style={{ maxWidth: 160 }} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
