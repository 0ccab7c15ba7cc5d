import { DownOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../platform/session.ts';
import { useLogout } from './session-actions.ts';

export function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const roleNames = me.roles.map((r) => r.name).join('、') || '未分配角色';
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ lineHeight: 1.6, padding: '2px 0', color: 'rgba(0,0,0,0.75)' }}>
          <div style={{ fontWeight: 600 }}>{me.user.displayName}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>{roleNames}</div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'account', icon: <SettingOutlined />, label: '账号设置' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') void navigate('/account');
    if (key === 'logout') void logout();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <span className="fz-header-user" role="button" tabIndex={0} aria-label="用户菜单" data-testid="user-menu">
        <Avatar size={30} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.18)' }} />
        {compact ? null : (
          <>
            <span>{me.user.displayName}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </span>
    </Dropdown>
  );
}
