import { Card, Col, Descriptions, Row, Tag } from 'antd';
import { PageHeader } from '../platform/PageHeader.tsx';
import { useMe } from '../platform/session.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** the signed-in user's own profile and password */
export function AccountPage() {
  const { data: me } = useMe();
  if (!me) return null;
  const home = me.orgs.find((o) => o.code === me.user.homeOrg);
  return (
    <>
      <PageHeader title="账号设置" description="查看本人账号信息，修改登录密码。" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="个人信息">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: '用户名', children: me.user.username },
                { key: 'name', label: '姓名', children: me.user.displayName },
                {
                  key: 'roles',
                  label: '角色',
                  children: me.roles.length ? me.roles.map((r) => <Tag key={r.code} color="blue">{r.name}</Tag>) : '未分配角色',
                },
                { key: 'home', label: '所属单位', children: home?.name ?? me.user.homeOrg },
                { key: 'current', label: '当前单位', children: me.currentOrg?.name ?? '—' },
                { key: 'idle', label: '登录保持', children: `${me.sessionIdleMinutes} 分钟无操作自动退出` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="修改密码">
            <PasswordForm onChanged={() => undefined} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
