import { Button, Form, Input, Typography } from 'antd';
import { api } from '../platform/api.ts';
import { useApiForm } from '../platform/use-api-form.ts';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export const PASSWORD_POLICY = '至少8位，包含大写字母、小写字母、数字、特殊字符中的至少三类，且不能包含用户名。';

/** change one's own password; the policy is enforced (and explained field by field) by the server */
export function PasswordForm({ onChanged, submitText = '修改密码' }: { onChanged: () => void | Promise<void>; submitText?: string }) {
  const { form, submitting, onFinish } = useApiForm<PasswordValues>({
    submit: ({ oldPassword, newPassword }) => api.post('/api/auth/password', { oldPassword, newPassword }),
    successMessage: '密码已修改',
    onSuccess: async () => {
      form.resetFields();
      await onChanged();
    },
  });
  return (
    <Form<PasswordValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
      <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }]} extra={<Typography.Text type="secondary">{PASSWORD_POLICY}</Typography.Text>}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitText}
        </Button>
      </Form.Item>
    </Form>
  );
}
