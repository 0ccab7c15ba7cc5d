import { Card, Empty, Flex, Pagination, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { groupByStep, TodoRow, useTodos } from '../../platform/todos.tsx';

const PAGE_SIZE = 100;

/** 我的待办: every step waiting for me, grouped by step, each group in the order of its deadlines */
export function TodosPage() {
  const [params, setParams] = useSearchParams();
  const ledger = params.get('ledger') ?? '';
  const step = params.get('step') ?? '';
  const page = Number(params.get('page')) || 1;
  const list = useTodos({ ledger: ledger || undefined, step: step || undefined, page, pageSize: PAGE_SIZE });
  const set = (patch: Record<string, string | null>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const steps = list.data?.steps ?? [];
  const overdue = list.data?.items.filter((i) => i.deadline?.overdue).length ?? 0;
  return (
    <>
      <PageHeader title="我的待办" description="按您的角色可以办理、正在等待办理的事项，按法定期限先后排列；点击进入记录办理" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select
            aria-label="办理事项"
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={ledger && step ? `${ledger}|${step}` : ''}
            onChange={(v: string) => {
              const [l, s] = v ? v.split('|') : [];
              set({ ledger: l ?? null, step: s ?? null });
            }}
            options={[{ value: '', label: `全部办理事项（${steps.reduce((n, s) => n + s.count, 0)}）` }, ...steps.map((s) => ({ value: `${s.ledger}|${s.step}`, label: `${s.stepLabel} · ${s.ledgerLabel}（${s.count}）` }))]}
          />
          {list.data ? (
            <Typography.Text type="secondary">
              共 {list.data.total} 件{overdue ? <Typography.Text type="danger">，本页 {overdue} 件已超期</Typography.Text> : null}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      {list.isError ? (
        <LoadFailed error={list.error} />
      ) : list.isPending ? (
        <Card loading />
      ) : list.data.items.length === 0 ? (
        <Card>
          <Empty description="没有等待您办理的事项" />
        </Card>
      ) : (
        <>
          {groupByStep(list.data.items).map((g) => (
            <Card key={g.key} size="small" title={`${g.title}（${g.items.length}）`} style={{ marginBottom: 12 }} styles={{ body: { padding: '0 12px' } }} data-testid="todo-group">
              {g.items.map((i) => (
                <TodoRow key={`${i.ledger}|${i.recordId}|${i.step}`} item={i} />
              ))}
            </Card>
          ))}
          {list.data.total > PAGE_SIZE ? (
            <Flex justify="center">
              <Pagination current={page} pageSize={PAGE_SIZE} total={list.data.total} showSizeChanger={false} onChange={(p) => set({ page: String(p) })} />
            </Flex>
          ) : null}
        </>
      )}
    </>
  );
}
