import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal } from 'antd';
import { copyText } from '../../platform/clipboard.ts';

/** the one and only time an initial password is shown; the server keeps only its hash */
export function InitialPasswordModal({ title, username, displayName, password, onClose }: { title: string; username: string; displayName: string; password: string; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async (): Promise<void> => {
    if (await copyText(password)) void message.success('初始密码已复制');
    else void message.warning('复制失败，请手动抄录');
  };
  return (
    <Modal
      open
      title={
        <span>
          <KeyOutlined /> {title}
        </span>
      }
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记录，关闭
        </Button>
      }
    >
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          { key: 'u', label: '用户名', children: username },
          { key: 'n', label: '姓名', children: displayName },
        ]}
      />
      <div className="fz-password-box fz-mono" data-testid="initial-password">
        {password}
      </div>
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          复制密码
        </Button>
      </div>
      <Alert type="warning" showIcon title="初始密码仅显示这一次，关闭后无法再次查看。" description="请通过安全渠道告知本人；用户首次登录时须修改密码。" />
    </Modal>
  );
}
