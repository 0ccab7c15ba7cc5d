import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useApiForm } from '../../platform/use-api-form.ts';

interface Webhook {
  url: string;
}

/** 提醒外发接口: the province's SMS/e-mail gateway that receives each new in-app notification */
export function NotifyWebhookPage() {
  const current = useQuery({ queryKey: ['notify-webhook'], queryFn: ({ signal }) => api.get<Webhook>('/api/admin/notify-webhook', undefined, signal) });
  const { form, submitting, onFinish } = useApiForm<Webhook, Webhook>({
    submit: (v, submission) => api.put<Webhook>('/api/admin/notify-webhook', { url: v.url ?? '' }, submission),
    successMessage: (r) => (r.url ? '已启用提醒外发' : '已关闭提醒外发'),
    onSuccess: async () => {
      form.setFields([{ name: 'url', errors: [] }]);
      await current.refetch();
    },
  });
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);
  return (
    <>
      <PageHeader title="提醒外发接口" description="把系统内的待办、退回和到期提醒推送到本省短信或邮件网关" />
      {current.isError ? (
        <LoadFailed error={current.error} />
      ) : (
        <Card loading={current.isPending} style={{ maxWidth: 720 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="每条新提醒以 JSON 格式 POST 到该地址，只含提醒编号、类别、用户编号、链接和时间，不含案件内容和个人信息；发送失败自动重试，最多5次。留空表示关闭。"
          />
          <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ url: '' }}>
            <Form.Item name="url" label="外发接口地址" extra={<Typography.Text type="secondary">例如 https://sms.example.gov.cn/fazhi/notify</Typography.Text>}>
              <Input allowClear placeholder="http:// 或 https:// 开头" maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting}>
              保存
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
