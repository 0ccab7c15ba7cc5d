import { LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { describeUserAgent, formatDateTime, fromNow } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { adminKeys, type OnlineSession } from './admin-api.ts';

/** 在线用户 (系统管理员): sessions active within the idle timeout; an administrator can end one */
export function SessionsPage() {
  const { data: me } = useMe();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: adminKeys.sessions,
    queryFn: ({ signal }) => api.get<{ items: OnlineSession[] }>('/api/sessions', undefined, signal),
    refetchInterval: 30_000,
  });
  if (sessions.isError) return <LoadFailed error={sessions.error} onRetry={() => void sessions.refetch()} />;

  const forceLogout = (s: OnlineSession): void => {
    const self = s.userId === me?.user.id;
    modal.confirm({
      title: `强制 ${s.displayName}（${s.username}）下线？`,
      content: self ? '这是您本人账号的会话；如果是当前浏览器，您将立即退出登录。' : '该会话立即失效，用户须重新登录。此操作记入审计日志。',
      okText: '强制下线',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.del(`/api/sessions/${encodeURIComponent(s.id)}`);
          void message.success(`已强制 ${s.displayName} 下线`);
          await queryClient.invalidateQueries({ queryKey: adminKeys.sessions });
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });
  };

  const columns: ColumnsType<OnlineSession> = [
    {
      title: '用户',
      key: 'user',
      render: (_, s) => (
        <span>
          {s.displayName} <Typography.Text type="secondary">{s.username}</Typography.Text>
          {s.userId === me?.user.id ? (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              本人
            </Tag>
          ) : null}
        </span>
      ),
    },
    { title: '所属单位', dataIndex: 'orgName' },
    { title: 'IP 地址', dataIndex: 'ip' },
    {
      title: '浏览器',
      dataIndex: 'userAgent',
      render: (ua: string) => (
        <Tooltip title={ua}>
          <span>{describeUserAgent(ua)}</span>
        </Tooltip>
      ),
    },
    { title: '登录时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: '最近活动',
      dataIndex: 'lastSeenAt',
      render: (v: string) => (
        <Tooltip title={formatDateTime(v)}>
          <span>{fromNow(v)}</span>
        </Tooltip>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, s) => (
        <Button type="link" size="small" danger icon={<LogoutOutlined />} onClick={() => forceLogout(s)}>
          强制下线
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="在线用户"
        description={`${me?.sessionIdleMinutes ?? 30} 分钟内有操作的登录会话，每 30 秒自动刷新。`}
        extra={
          <Button icon={<ReloadOutlined />} loading={sessions.isFetching} onClick={() => void sessions.refetch()}>
            刷新
          </Button>
        }
      />
      <Card>
        <DataTable<OnlineSession> rowKey="id" loading={sessions.isPending} columns={columns} dataSource={sessions.data?.items ?? []} />
      </Card>
    </>
  );
}
