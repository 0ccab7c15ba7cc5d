import { LinkOutlined } from '@ant-design/icons';
import { Button, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../platform/format.ts';
import { pts, ruleText, type EvaluationSystem, type ScoreLine } from './evaluation-api.ts';

const SOURCE: Record<string, { label: string; color: string }> = { snapshot: { label: '报送数', color: 'blue' }, live: { label: '实时数', color: 'orange' }, hand: { label: '人工评分', color: 'purple' } };

/** each leaf's score with what it rests on: the figure and the records behind it, or the assessor's reason and evidence */
export function ScoreLines({ lines, system, onScore, scoreLabel }: { lines: ScoreLine[]; system: EvaluationSystem; onScore?: ((line: ScoreLine) => void) | undefined; scoreLabel?: string | undefined }) {
  const items = new Map(system.items.map((i) => [i.code, i]));
  return (
    <List
      size="small"
      dataSource={lines}
      renderItem={(l) => {
        const src = l.source ? SOURCE[l.source] : undefined;
        return (
          <List.Item key={l.code} data-testid="score-line" style={{ display: 'block' }}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{l.code}</Typography.Text> {l.label}
              </div>
              <Space size={4} style={{ flex: 'none' }}>
                <Tag color={l.points === null ? 'default' : l.points >= l.max ? 'green' : l.points === 0 ? 'red' : 'gold'} data-testid="line-points">
                  {l.points === null ? '待评分' : `${pts(l.points)}/${l.max}分`}
                </Tag>
                {onScore && (l.kind === 'manual' || scoreLabel === '更正') ? (
                  <Button size="small" onClick={() => onScore(l)}>
                    {scoreLabel ?? '评分'}
                  </Button>
                ) : null}
              </Space>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
              {ruleText(items.get(l.code), system)}
            </Typography.Paragraph>
            {l.valueText ? (
              <div style={{ fontSize: 13, marginTop: 4 }}>
                数据：<Typography.Text strong>{l.valueText}</Typography.Text> {src ? <Tag color={src.color}>{src.label}</Tag> : null}
                {l.sourceNote ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.sourceNote}</Typography.Text> : null}
                {l.link ? (
                  <Link to={l.link} style={{ marginLeft: 8 }} data-testid="line-records">
                    <LinkOutlined /> 来源记录
                  </Link>
                ) : null}
              </div>
            ) : null}
            {l.reason ? (
              <div style={{ fontSize: 13, marginTop: 4 }}>
                {l.correction ? <Tag color="red">更正</Tag> : null}
                理由：{l.reason}
              </div>
            ) : null}
            {l.evidence.length ? (
              <div style={{ fontSize: 13, marginTop: 4 }} data-testid="line-evidence">
                佐证：
                {l.evidence.map((e) => (
                  <Link key={e.href + e.label} to={e.href} style={{ marginRight: 12 }}>
                    <LinkOutlined /> {e.label}
                  </Link>
                ))}
              </div>
            ) : null}
            {l.scoredBy ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.source === 'hand' ? '评分' : '计算'}：{l.scoredBy} {formatDateTime(l.scoredAt)}
                {l.earlier ? `（此前评分${l.earlier}次）` : ''}
              </Typography.Text>
            ) : null}
          </List.Item>
        );
      }}
    />
  );
}
