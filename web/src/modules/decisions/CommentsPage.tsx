import { EyeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDate } from '../../platform/format.ts';
import { ledgerUrl, useLedgerList, useLedgerMeta } from '../../platform/ledger/ledger-api.ts';
import { RefSelect } from '../../platform/ledger/RefSelect.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { AnswerModal } from './AnswerModal.tsx';
import { HANDLING_COLORS, type CommentRecord } from './decisions-api.ts';

const STATUS = [
  { value: 'unanswered', label: '待处理', query: 'f.handling.present=0' },
  { value: 'unpublished', label: '已处理未公开', query: 'f.handling.present=1&f.answer_published=false' },
  { value: 'published', label: '已公开', query: 'f.answer_published=true' },
  { value: 'all', label: '全部', query: '' },
] as const;

function HandlingTags({ c }: { c: CommentRecord }) {
  const h = c.values['handling'] as string | null;
  return (
    <Space size={4} wrap>
      {h ? <Tag color={HANDLING_COLORS[h] ?? 'default'}>{h}</Tag> : <Tag color="orange">待处理</Tag>}
      {c.values['answer_published'] ? <Tag color="cyan">已公开</Tag> : null}
    </Space>
  );
}

/** 公众意见处理: comments on draft decisions, answered by the drafting unit and published on the public site */
export function CommentsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = STATUS.find((s) => s.value === params.get('status')) ?? STATUS[0];
  const decision = params.get('decision') ? Number(params.get('decision')) : undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = [status.query, decision ? `f.decision=${decision}` : '', `page=${page}`, `pageSize=${pageSize}`].filter(Boolean).join('&');
  const meta = useLedgerMeta('decisions.comment');
  const list = useLedgerList('decisions.comment', query);
  const [answering, setAnswering] = useState<CommentRecord | null>(null);
  const mobile = useIsMobile();
  const canAnswer = meta.data?.can.update ?? false;
  const set = (patch: Record<string, string | undefined>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const publish = async (c: CommentRecord): Promise<void> => {
    try {
      await api.put(`${ledgerUrl('decisions.comment')}/${c.id}`, { answer_published: true, version: c.version });
      void message.success('处理情况已在公开网站公开');
      await queryClient.invalidateQueries({ queryKey: ['ledgers', 'decisions.comment'] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const actions = (c: CommentRecord) =>
    canAnswer ? (
      <Space size={0}>
        <Button type="link" size="small" style={{ paddingInlineStart: 0 }} onClick={() => setAnswering(c)}>
          {c.values['handling'] ? '修改' : '处理'}
        </Button>
        {c.values['handling'] && !c.values['answer_published'] ? (
          <Button type="link" size="small" onClick={() => void publish(c)}>
            公开
          </Button>
        ) : null}
      </Space>
    ) : (
      <Link to={`/ledgers/decisions.comment/${c.id}`}>查看</Link>
    );
  const error = meta.error ?? list.error;
  if (error) return <LoadFailed error={error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader
        title="公众意见处理"
        description="决策草案公开征求意见收到的意见：逐条研究、说明采纳情况，并在政务公开网站公开处理情况"
        extra={
          <>
            <Link to="/ledgers/decisions.comment">
              <Button>意见台账</Button>
            </Link>
            <Link to="/public/decisions" target="_blank">
              <Button icon={<EyeOutlined />}>公开网站</Button>
            </Link>
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={12} style={{ marginBottom: 12 }} align="center">
          <Segmented value={status.value} onChange={(v) => set({ status: String(v), page: undefined })} options={STATUS.map((s) => ({ value: s.value, label: s.label }))} />
          <RefSelect ledger="decisions.decision" placeholder="按决策事项筛选" style={{ width: 280, maxWidth: '100%' }} value={decision} onChange={(v) => set({ decision: v ? String(v) : undefined, page: undefined })} />
        </Flex>
        {mobile ? (
          <List
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="comments-cards"
            locale={{ emptyText: status.value === 'unanswered' ? '没有待处理的意见' : '暂无意见' }}
            pagination={{ current: page, pageSize, total: list.data?.total ?? 0, size: 'small', showSizeChanger: false, onChange: (p) => set({ page: String(p) }) }}
            renderItem={(c) => (
              <Card size="small" style={{ marginBottom: 10 }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(c.values['submitted_on'] as string | null)} · {String(c.values['channel'] ?? '')}
                  </Typography.Text>
                  <HandlingTags c={c} />
                </Flex>
                <Link to={`/ledgers/decisions.decision/${String(c.values['decision'])}`} style={{ fontSize: 13 }}>
                  {c.refs['decision'] ?? `#${String(c.values['decision'])}`}
                </Link>
                <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
                  {String(c.values['content'] ?? c.values['summary'] ?? '')}
                </Typography.Paragraph>
                {c.values['answer'] ? <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>处理说明：{String(c.values['answer'])}</Typography.Paragraph> : null}
                {actions(c)}
              </Card>
            )}
          />
        ) : (
        <DataTable<CommentRecord>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="comments-table"
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: String(p), pageSize: String(s) }) }}
          locale={{ emptyText: status.value === 'unanswered' ? '没有待处理的意见' : '暂无意见' }}
          expandable={{
            expandedRowRender: (c) => (
              <div style={{ maxWidth: 760 }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{String(c.values['content'] ?? '')}</Typography.Paragraph>
                {c.values['answer'] ? <Typography.Paragraph type="secondary">处理说明：{String(c.values['answer'])}（{formatDate(c.values['answered_on'] as string | null)}）</Typography.Paragraph> : null}
              </div>
            ),
          }}
          columns={[
            { title: '提出日期', key: 'submitted', width: 110, render: (_: unknown, c) => formatDate(c.values['submitted_on'] as string | null) },
            { title: '决策事项', key: 'decision', width: 220, render: (_: unknown, c) => <Link to={`/ledgers/decisions.decision/${String(c.values['decision'])}`}>{c.refs['decision'] ?? `#${String(c.values['decision'])}`}</Link> },
            { title: '意见', key: 'summary', render: (_: unknown, c) => <Typography.Text style={{ maxWidth: 360, display: 'inline-block' }} ellipsis={{ tooltip: String(c.values['content'] ?? '') }}>{String(c.values['summary'] ?? '')}</Typography.Text> },
            { title: '渠道', key: 'channel', width: 80, render: (_: unknown, c) => String(c.values['channel'] ?? '') },
            {
              title: '处理情况',
              key: 'handling',
              width: 150,
              render: (_: unknown, c) => <HandlingTags c={c} />,
            },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              fixed: 'right',
              render: (_: unknown, c) => actions(c),
            },
          ]}
        />
        )}
      </Card>
      {answering ? <AnswerModal comment={answering} onClose={() => setAnswering(null)} /> : null}
    </>
  );
}
