import { CheckOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, Flex, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { formatDateTime, fromNow } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { workflowKeys, type NotificationItem, type NotificationList } from './workflow-api.ts';

const KIND_LABELS: Record<string, { label: string; color: string }> = {
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已超期', color: 'red' },
  assigned: { label: '待办', color: 'blue' },
  handoff: { label: '待办', color: 'blue' },
  urge: { label: '催报', color: 'volcano' },
  returned: { label: '已退回', color: 'volcano' },
};

/** 我的提醒: deadline reminders and other notices, with read marks */
export function NotificationsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: workflowKeys.notifications(page, unreadOnly),
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { page, pageSize: 20, ...(unreadOnly ? { unread: '1' } : {}) }, signal),
    placeholderData: (prev) => prev,
  });
  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const read = async (n: NotificationItem): Promise<void> => {
    try {
      await api.post(`/api/notifications/${n.id}/read`);
      await refresh();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const readAll = async (): Promise<void> => {
    try {
      await api.post('/api/notifications/read-all');
      void message.success('已全部标记为已读');
      await refresh();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  if (list.isError) return <LoadFailed error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <>
      <PageHeader
        title="我的提醒"
        description={data ? `共 ${data.total} 条，未读 ${data.unread} 条` : '期限到期提醒等通知'}
        extra={
          <Button icon={<CheckOutlined />} disabled={!data?.unread} onClick={() => void readAll()}>
            全部已读
          </Button>
        }
      />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => (setUnreadOnly(v === 'unread'), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: '仅看未读' },
          ]}
        />
        {list.isLoading ? (
          <Skeleton active />
        ) : !data?.items.length ? (
          <Empty description={unreadOnly ? '没有未读提醒' : '暂无提醒'} />
        ) : (
          <div data-testid="notification-list">
            {data.items.map((n) => {
              const kind = KIND_LABELS[n.kind];
              return (
                <Flex key={n.id} gap={12} align="flex-start" justify="space-between" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <div style={{ minWidth: 0 }}>
                    <Flex gap={6} align="center" wrap>
                      {n.readAt ? null : <Badge status="processing" />}
                      {kind ? <Tag color={kind.color}>{kind.label}</Tag> : null}
                      {n.link ? (
                        <Link to={n.link} onClick={() => !n.readAt && void read(n)} style={{ fontWeight: n.readAt ? 400 : 600 }}>
                          {n.title}
                        </Link>
                      ) : (
                        <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      )}
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {n.body}
                      {n.due ? ` · 届满日 ${n.due}` : ''} · <span title={formatDateTime(n.createdAt)}>{fromNow(n.createdAt)}</span>
                    </Typography.Text>
                  </div>
                  {n.readAt ? (
                    <Typography.Text type="secondary" style={{ flex: 'none' }}>
                      已读
                    </Typography.Text>
                  ) : (
                    <Button size="small" type="link" style={{ flex: 'none' }} onClick={() => void read(n)}>
                      标为已读
                    </Button>
                  )}
                </Flex>
              );
            })}
          </div>
        )}
        {data && data.total > 20 ? <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={20} total={data.total} onChange={setPage} showSizeChanger={false} /> : null}
      </Card>
    </>
  );
}
