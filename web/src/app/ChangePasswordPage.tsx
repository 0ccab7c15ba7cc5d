import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card } from 'antd';
import { useNavigate } from 'react-router';
import { ME_KEY, useMe } from '../platform/session.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { useLogout } from './session-actions.ts';

/** where a user with an initial (or reset) password is held until they choose their own */
export function ChangePasswordPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const forced = me?.mustChangePassword ?? false;
  return (
    <AuthFrame width={460}>
      <Card
        className="fz-login-card"
        title="修改密码"
        variant="borderless"
        extra={
          <Button type="link" onClick={() => void logout()}>
            退出登录
          </Button>
        }
      >
        {forced ? (
          <Alert type="warning" showIcon title="首次登录或密码已被重置，请先设置新密码后再使用系统。" style={{ marginBottom: 16 }} />
        ) : null}
        <PasswordForm
          submitText="确认修改"
          onChanged={async () => {
            await queryClient.invalidateQueries({ queryKey: ME_KEY });
            await navigate('/', { replace: true });
          }}
        />
        {me ? (
          <div style={{ marginTop: 16, color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
            当前账号：{me.user.displayName}（{me.user.username}）
          </div>
        ) : null}
      </Card>
    </AuthFrame>
  );
}
