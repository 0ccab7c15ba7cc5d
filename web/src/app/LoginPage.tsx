import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, errorText, isApiError } from '../platform/api.ts';
import { applyServerErrors } from '../platform/use-api-form.ts';
import type { LoginRedirectState } from './App.tsx';
import { AuthFrame } from './AuthFrame.tsx';

interface LoginValues {
  username: string;
  password: string;
}

function noticeFor(state: LoginRedirectState | null): { type: 'info' | 'success' | 'warning'; text: string } | null {
  switch (state?.reason) {
    case 'session_expired':
      return { type: 'warning', text: state.message ?? '超过30分钟未操作，请重新登录' };
    case 'logout':
      return { type: 'success', text: '您已安全退出。' };
    case 'password_changed':
      return { type: 'success', text: '密码已修改，请使用新密码登录。' };
    default:
      return null;
  }
}

/** the page people reach first; also where an expired session lands, with the reason */
export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = (location.state ?? null) as LoginRedirectState | null;
  const notice = noticeFor(state);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: LoginValues): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.post<{ ok: boolean; mustChangePassword: boolean }>('/api/auth/login', values, { quietAuth: true });
      queryClient.clear();
      const from = state?.from && !state.from.startsWith('/login') && !state.from.startsWith('/change-password') ? state.from : '/';
      await navigate(result.mustChangePassword ? '/change-password' : from, { replace: true });
    } catch (e) {
      setError(errorText(e));
      if (isApiError(e) && e.fieldErrors.length) applyServerErrors(form, e);
      else form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthFrame>
      <Card className="fz-login-card" title="账号登录" variant="borderless">
        {notice ? <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 16 }} data-testid="login-notice" /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" /> : null}
        <Form<LoginValues> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0', textAlign: 'center' }}>
          本系统仅限授权人员使用，所有操作均记录审计日志。
          <br />
          忘记密码请联系本单位系统管理员重置。
        </Typography.Paragraph>
      </Card>
    </AuthFrame>
  );
}
