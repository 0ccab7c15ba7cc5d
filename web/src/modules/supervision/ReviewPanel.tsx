import { FileSearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { ConclusionCard } from '../../platform/ConclusionCard.tsx';
import { ledgerKeys } from '../../platform/ledger/ledger-api.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { CommitRevealSteps, DrawChecksView, DrawVerdict, rerunCaseDraw } from './DrawProof.tsx';
import { gradeColor, REVIEW_LEDGER, useReview, type ResultRow } from './supervision-api.ts';

/** the 案卷评查 plan's own cards: the draw, the drawn files with their scores, results per unit and per reviewer, finishing */
export function ReviewPanel({ record }: RecordPanelProps) {
  const review = useReview(record.id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ledgerKeys.record(REVIEW_LEDGER, record.id) });
  const d = review.data;
  if (review.isError) return <Alert type="warning" showIcon message={errorText(review.error)} style={{ marginBottom: 16 }} />;
  if (!d) return <Card size="small" loading style={{ marginBottom: 16 }} />;
  const step = async (kind: 'commit' | 'draw') => {
    setBusy(true);
    try {
      await api.post(`/api/supervision/reviews/${record.id}/${kind}`);
      message.success(kind === 'commit' ? '已承诺随机种子，种子的SHA-256值已公开' : '已随机抽取案卷，种子已公开');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const scored = d.cases.filter((c) => c.total !== null).length;
  return (
    <>
      {!d.drawn && record.status === 'active' ? (
        <Card size="small" style={{ marginBottom: 16 }} title={<Space><FileSearchOutlined />随机抽取案卷</Space>} data-testid="review-draw">
          <Typography.Paragraph type="secondary">
            从各乡镇在计划期间结案的行政处罚案卷中抽取{String(record.values['case_count'] ?? '')}份，分两步：先承诺随机种子——系统以密码学随机数生成种子，只公开其SHA-256值和承诺时间；再随机抽取——冻结可抽取的案卷名录并公开其SHA-256值，揭示种子并抽取。任何人可按种子和名录重算核对。
          </Typography.Paragraph>
          {d.commitment ? <CommitRevealSteps commitment={d.commitment} draw={null} listLabel="可抽取案卷" /> : null}
          {d.commitment ? (
            <Button type="primary" loading={busy} onClick={() => void step('draw')}>
              随机抽取
            </Button>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void step('commit')}>
              承诺随机种子
            </Button>
          )}
        </Card>
      ) : null}
      {d.draw ? (
        <Card size="small" style={{ marginBottom: 16 }} title="抽取记录" extra={<DrawVerdict draw={d.draw} />} data-testid="review-draw-record">
          <CommitRevealSteps commitment={d.commitment} draw={d.draw} listLabel="可抽取案卷" />
          <Descriptions size="small" column={1} items={[
            { key: 'n', label: '抽取', children: `从${d.draw.candidates}份可抽取案卷中抽取${d.cases.length}份` },
            { key: 'sheet', label: '评查标准', children: d.sheet ? `${d.sheet.title}（第${d.sheet.version}版，满分${d.sheet.total}分，${d.sheet.thresholds.excellent}分以上优秀，${d.sheet.thresholds.pass}分以上合格）` : '—' },
            { key: 'checks', label: '核对', children: <DrawChecksView draw={d.draw} rerun={(seed, list) => rerunCaseDraw(seed, list, d.cases.length)} expected={d.cases.map((c) => String(c.caseId))} /> },
          ]} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{d.draw.algorithm}</Typography.Paragraph>
        </Card>
      ) : null}
      {d.cases.length ? (
        <Card size="small" style={{ marginBottom: 16 }} title={`抽中案卷（已评${scored}/${d.cases.length}份）`} data-testid="review-cases">
          {d.cases.map((c) => (
            <Flex key={c.caseId} justify="space-between" align="center" gap={8} style={{ padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }} data-testid="review-case">
              <div style={{ minWidth: 0 }}>
                <div>
                  {c.position}. {c.caseNo}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.orgName}
                  {c.scoredBy ? ` · ${c.scoredBy}评` : ''}
                </Typography.Text>
              </div>
              <Space size={4} style={{ flex: 'none' }}>
                {c.total === null ? <Tag>待评</Tag> : <Tag color={gradeColor(c.grade ?? '')}>{`${c.total}分 ${c.grade ?? ''}`}</Tag>}
                <Link to={`/supervision/reviews/${record.id}/cases/${c.caseId}`}>{d.state === 'scoring' ? '评分' : '查看'}</Link>
              </Space>
            </Flex>
          ))}
        </Card>
      ) : null}
      {scored ? (
        <Card size="small" style={{ marginBottom: 16 }} title="评查结果">
          <Typography.Title level={5}>按被评查单位</Typography.Title>
          <ResultTable rows={d.byUnit} first="单位" />
          <Typography.Title level={5} style={{ marginTop: 16 }}>按评查人</Typography.Title>
          <ResultTable rows={d.byReviewer} first="评查人" />
        </Card>
      ) : null}
      {d.state === 'scoring' && scored === d.cases.length ? (
        <ConclusionCard title="完成评查" url={`/api/supervision/reviews/${record.id}/finish`} dateField="finished_on" dateLabel="完成日期" conclusionLabel="评查结论" success="评查已完成" rows={4} onDone={refresh} />
      ) : null}
    </>
  );
}

function ResultTable({ rows, first }: { rows: ResultRow[]; first: string }) {
  return (
    <Table<ResultRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: first, dataIndex: 'label' },
        { title: '已评', key: 'n', width: 56, render: (_: unknown, r) => `${r.scored}/${r.cases}` },
        { title: '平均分', dataIndex: 'average', width: 64, render: (v: number | null) => (v === null ? '—' : v) },
        { title: '优/合/不', key: 'grades', width: 76, render: (_: unknown, r) => <span>{r.excellent}/{r.pass}/{r.fail ? <Typography.Text type="danger">{r.fail}</Typography.Text> : 0}</span> },
      ]}
    />
  );
}

