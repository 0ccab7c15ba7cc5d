import { BellOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoCount, TodoItem, TodoList } from '../../../common/todo.types.ts';
import { api, errorText, type Query } from './api.ts';
import { formatDate, formatDateTime, fromNow, formatChinaDateTime } from './format.ts';
import { DeadlineBadge } from './ledger/DeadlineBadge.tsx';

export type { TodoCount, TodoItem, TodoList };

export const todoKeys = {
  list: (q: object) => ['todos', 'list', q] as const,
  count: ['todos', 'count'] as const,
};

export function useTodos(q: Query) {
  return useQuery({ queryKey: todoKeys.list(q), queryFn: ({ signal }) => api.get<TodoList>('/api/todos', q, signal), placeholderData: (prev) => prev, refetchInterval: 120_000 });
}

/** the groups of a list, one per step, in the order of their most urgent item */
export function groupByStep(items: readonly TodoItem[]): Array<{ key: string; title: string; items: TodoItem[] }> {
  const groups = new Map<string, { key: string; title: string; items: TodoItem[] }>();
  for (const i of items) {
    const key = `${i.ledger}|${i.step}`;
    const g = groups.get(key) ?? { key, title: `${i.stepLabel} · ${i.ledgerLabel}`, items: [] };
    g.items.push(i);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** one waiting step: what, where, since when, and its statutory deadline */
export function TodoRow({ item }: { item: TodoItem }) {
  const d = item.deadline;
  return (
    <Link to={item.link} className="fz-todo-row" data-testid="todo-row">
      <div className="fz-todo-main">
        <Typography.Text strong ellipsis={{ tooltip: item.title }} className="fz-todo-title">
          {item.title}
        </Typography.Text>
        <Flex wrap gap={6} align="center" className="fz-todo-meta">
          <Tag color="blue" variant="outlined">
            {item.stepLabel}
          </Tag>
          <Tag>{item.stateLabel}</Tag>
          <Typography.Text type="secondary">{item.orgName}</Typography.Text>
          <Tooltip title={formatDateTime(item.since)}>
            <Typography.Text type="secondary">{fromNow(item.since)}起等待</Typography.Text>
          </Tooltip>
          {item.dedicated ? <Typography.Text type="secondary">（在记录页办理）</Typography.Text> : null}
        </Flex>
      </div>
      <div className="fz-todo-due">
        {d?.uncomputable ? (
          <Tooltip title="期限跨入尚未导入工作日历的年度，请系统管理员在“工作日历”中导入后自动计算">
            <span>
              <Tag color="warning" data-testid="todo-due-uncomputable">期限无法计算</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.label}：工作日历未导入
              </Typography.Text>
            </span>
          </Tooltip>
        ) : d ? (
          <>
            <DeadlineBadge clock={d} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.label} {d.dueAt ? formatChinaDateTime(d.dueAt) : formatDate(d.due)}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            无法定期限
          </Typography.Text>
        )}
      </div>
      <RightOutlined className="fz-todo-arrow" />
    </Link>
  );
}

/** the header bell: how many steps wait for me, red when one is overdue; opens the 待办 page */
export function TodoBell() {
  const count = useQuery({ queryKey: todoKeys.count, queryFn: ({ signal }) => api.get<TodoCount>('/api/todos/count', undefined, signal), refetchInterval: 60_000 });
  const n = count.data?.total ?? 0;
  const label = count.data ? `我的待办：${n}件${count.data.overdue ? `，其中${count.data.overdue}件已超期` : ''}` : '我的待办';
  return (
    <Tooltip title={label}>
      <Link to="/todos" aria-label={label} data-testid="todo-bell" className="fz-todo-bell">
        <Badge count={n} overflowCount={99} size="small" color={count.data?.overdue ? '#c62828' : '#d97706'}>
          <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}

const HOME_ITEMS = 6;

/** the home page's first card: my waiting steps, most urgent first, and the way to all of them */
export function HomeTodos() {
  const list = useTodos({ pageSize: HOME_ITEMS });
  const total = list.data?.total ?? 0;
  return (
    <Card
      title={
        <span>
          我的待办{' '}
          {total ? <Badge count={total} overflowCount={999} color={list.data?.items.some((i) => i.deadline?.overdue) ? '#c62828' : '#1d4ed8'} /> : null}
        </span>
      }
      extra={
        <Link to="/todos">
          <Button type="link" size="small" style={{ padding: 0 }}>
            全部待办
          </Button>
        </Link>
      }
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: list.data?.items.length ? '4px 12px' : undefined } }}
      data-testid="home-todos"
    >
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error)} />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有等待您办理的事项" />
      ) : (
        <>
          {list.data.items.map((i) => (
            <TodoRow key={`${i.ledger}|${i.recordId}|${i.step}`} item={i} />
          ))}
          {total > HOME_ITEMS ? (
            <Link to="/todos" className="fz-todo-more">
              还有 {total - HOME_ITEMS} 件，查看全部待办 <RightOutlined />
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}
