import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, ExportOutlined, MinusCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { useLedgerList } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { AnswerModal } from './AnswerModal.tsx';
import { HANDLING_COLORS, type CommentRecord, type DecisionChecklist, type ProcedureStatus } from './decisions-api.ts';

const STATUS_ICON = {
  done: <CheckCircleFilled style={{ color: '#16a34a', fontSize: 18 }} />,
  skipped: <MinusCircleFilled style={{ color: '#2563eb', fontSize: 18 }} />,
  missing: <CloseCircleFilled style={{ color: '#dc2626', fontSize: 18 }} />,
} as const;
const STATUS_TAG = { done: <Tag color="success">已完成</Tag>, skipped: <Tag color="processing">依法不适用</Tag>, missing: <Tag color="error">未记录</Tag> } as const;
const BEFORE_DECISION = new Set(['drafting', 'consulting']);

/** 重大行政决策 detail: the five procedures as gates, 末位表态, public comments with answers, the archive and evaluation */
export function DecisionPanel({ record }: RecordPanelProps) {
  const checklist = useQuery({
    queryKey: ['decisions', 'checklist', record.id, record.version],
    queryFn: ({ signal }) => api.get<DecisionChecklist>(`/api/decisions/${record.id}/checklist`, undefined, signal),
  });
  const c = checklist.data;
  const v = record.values;
  const undecided = record.state === null || BEFORE_DECISION.has(record.state);
  return (
    <>
      <Card size="small" title="五项法定程序" style={{ marginBottom: 16 }} loading={checklist.isPending} data-testid="procedures">
        {checklist.isError ? <Alert type="warning" showIcon message={errorText(checklist.error)} /> : null}
        {c ? (
          <>
            {undecided ? (
              c.ready ? (
                <Alert type="success" showIcon style={{ marginBottom: 12 }} message="五项法定程序均已记录，可以办理“作出决定”" />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={`尚缺${c.procedures.filter((p) => p.status === 'missing').length}项程序，暂不能作出决定`}
                  description={`缺少：${c.procedures
                    .filter((p) => p.status === 'missing')
                    .map((p) => p.label)
                    .join('、')}。请通过“记录法定程序”“记录集体讨论”补充记录。`}
                />
              )
            ) : (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`已于${formatDate(String(v['decided_on'] ?? ''))}作出决定${v['decision_result'] ? `（${String(v['decision_result'])}）` : ''}`} />
            )}
            <List size="small" dataSource={c.procedures} renderItem={(p) => <ProcedureItem p={p} />} />
          </>
        ) : null}
      </Card>
      {c && (c.meeting.speakers.length > 0 || c.meeting.warning) ? <MeetingCard checklist={c} /> : null}
      <CommentsCard decisionId={record.id} draftPublished={v['draft_published'] === true} counts={c?.comments} />
      <ArchiveCard id={record.id} title={record.title} values={v} state={record.state} />
    </>
  );
}

function ProcedureItem({ p }: { p: ProcedureStatus }) {
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid={`procedure-${p.key}`}>
      <Flex gap={10} align="flex-start" style={{ width: '100%' }}>
        {STATUS_ICON[p.status]}
        <div style={{ flex: 1, minWidth: 0 }}>
          <Flex justify="space-between" wrap gap={4}>
            <Typography.Text strong>{p.label}</Typography.Text>
            <span>
              {p.date ? <Typography.Text type="secondary" style={{ marginInlineEnd: 6, fontSize: 13 }}>{formatDate(p.date)}</Typography.Text> : null}
              {STATUS_TAG[p.status]}
            </span>
          </Flex>
          {p.status === 'missing' ? (
            <Typography.Text type="danger" style={{ fontSize: 13 }}>
              {p.missing}
            </Typography.Text>
          ) : p.text ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
              {p.status === 'skipped' ? `不适用理由：${p.text}` : p.text}
            </Typography.Paragraph>
          ) : null}
        </div>
      </Flex>
    </List.Item>
  );
}

function MeetingCard({ checklist: c }: { checklist: DecisionChecklist }) {
  const leader = c.meeting.principalLeader;
  return (
    <Card size="small" title="集体讨论发言顺序" style={{ marginBottom: 16 }} data-testid="meeting">
      {c.meeting.warning ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="末位表态提示" description={`${c.meeting.warning}。按规定，主要负责人应在其他参会人员充分发表意见后最后表态。`} />
      ) : leader ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={`主要负责人${leader}末位表态`} />
      ) : null}
      <Flex wrap gap={6} align="center">
        {c.meeting.speakers.map((s, i) => (
          <span key={`${s}-${i}`}>
            <Tag color={leader && s.includes(leader) ? 'gold' : 'default'} style={{ marginInlineEnd: 0 }}>
              {i + 1}. {s}
              {leader && s.includes(leader) ? '（主要负责人）' : ''}
            </Tag>
            {i < c.meeting.speakers.length - 1 ? <Typography.Text type="secondary"> → </Typography.Text> : null}
          </span>
        ))}
      </Flex>
    </Card>
  );
}

function CommentsCard({ decisionId, draftPublished, counts }: { decisionId: number; draftPublished: boolean; counts: DecisionChecklist['comments'] | undefined }) {
  const list = useLedgerList('decisions.comment', `f.decision=${decisionId}&pageSize=50`);
  const [answering, setAnswering] = useState<CommentRecord | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      title="公众意见"
      style={{ marginBottom: 16 }}
      data-testid="decision-comments"
      extra={
        <Space size={4} wrap>
          {draftPublished ? (
            <Link to={`/public/decisions/${decisionId}`} target="_blank">
              公开页面 <ExportOutlined />
            </Link>
          ) : null}
        </Space>
      }
    >
      {counts ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          收到 {counts.total} 条，已处理 {counts.answered} 条，已公开处理情况 {counts.published} 条{counts.unanswered ? `，待处理 ${counts.unanswered} 条` : ''}
        </Typography.Paragraph>
      ) : null}
      {list.isError ? <Alert type="warning" showIcon message={errorText(list.error)} /> : null}
      {items.length === 0 && !list.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={draftPublished ? '尚未收到意见' : '草案尚未公开征求意见'} />
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={items}
          renderItem={(cm) => {
            const handling = cm.values['handling'] as string | null;
            return (
              <List.Item style={{ paddingInline: 0, display: 'block' }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(String(cm.values['submitted_on'] ?? ''))} · {String(cm.values['channel'] ?? '')}
                  </Typography.Text>
                  <span>
                    {handling ? <Tag color={HANDLING_COLORS[handling] ?? 'default'}>{handling}</Tag> : <Tag color="orange">待处理</Tag>}
                    {cm.values['answer_published'] ? <Tag color="cyan">已公开</Tag> : null}
                  </span>
                </Flex>
                <Typography.Paragraph style={{ margin: '4px 0', fontSize: 13 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                  {String(cm.values['content'] ?? cm.values['summary'] ?? '')}
                </Typography.Paragraph>
                {cm.values['answer'] ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                    答复：{String(cm.values['answer'])}
                  </Typography.Paragraph>
                ) : null}
                <Button size="small" type={handling ? 'link' : 'primary'} style={handling ? { paddingInline: 0 } : { marginTop: 4 }} onClick={() => setAnswering(cm)}>
                  {handling ? '修改处理情况' : '处理'}
                </Button>
              </List.Item>
            );
          }}
        />
      )}
      {answering ? <AnswerModal comment={answering} onClose={() => setAnswering(null)} /> : null}
    </Card>
  );
}

function ArchiveCard({ id, title, values: v, state }: { id: number; title: string; values: RecordPanelProps['record']['values']; state: string | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      await downloadFile(`/api/decisions/${id}/archive`, `${title}决策档案.zip`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="公布、归档与决策后评估" style={{ marginBottom: 16 }} data-testid="decision-archive">
      <List
        size="small"
        split={false}
        dataSource={[
          ['公布', v['published_on'] ? `${formatDate(String(v['published_on']))}${v['doc_no'] ? `（${String(v['doc_no'])}）` : ''}` : '尚未公布'],
          ['归档', v['archived_on'] ? formatDate(String(v['archived_on'])) : '尚未归档'],
          ['决策后评估', v['evaluated_on'] ? `${formatDate(String(v['evaluated_on']))}：${String(v['evaluation'] ?? '')}` : state === 'published' ? '已公布，可办理“决策后评估”' : '尚未开展'],
        ]}
        renderItem={([k, text]) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Typography.Text type="secondary" style={{ width: 84, flex: 'none' }}>
              {k}
            </Typography.Text>
            <Typography.Text style={{ flex: 1 }}>{text}</Typography.Text>
          </List.Item>
        )}
      />
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} block style={{ marginTop: 8 }}>
        下载完整决策档案（ZIP）
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        含决策档案摘要（DOCX）、公众意见及处理情况和全部附件；下载记入审计日志。
      </Typography.Text>
    </Card>
  );
}
