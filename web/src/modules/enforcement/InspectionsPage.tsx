import { AlertOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InspectionOverview } from '../../../../common/inspection.types.ts';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';

const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** 涉企行政检查概况: the year's visits (a joint inspection counted once), the annual cap, and the alerts across departments */
export function InspectionsPage() {
  const [year, setYear] = useState(thisYear);
  const o = useQuery({ queryKey: ['ledgers', 'enforcement.inspection', 'overview', year], queryFn: ({ signal }) => api.get<InspectionOverview>(`/api/enforcement/inspections/overview?year=${year}`, undefined, signal) });
  const d = o.data;
  return (
    <>
      <PageHeader
        title="涉企行政检查概况"
        description="入企检查次数（多部门联合检查“综合查一次”计为一次）、年度检查频次上限和跨部门重复检查预警"
        extra={
          <Space wrap>
            <Select aria-label="年度" value={year} onChange={setYear} options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 110 }} />
            <Link to="/ledgers/enforcement.inspection">
              <Button type="primary">检查台账</Button>
            </Link>
          </Space>
        }
      />
      {o.isError ? <LoadFailed error={o.error} onRetry={() => void o.refetch()} /> : null}
      <Card size="small" loading={o.isPending} style={{ marginBottom: 16 }} data-testid="inspection-overview">
        {d ? (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title="入企检查" value={d.visits} suffix="次" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="被检查企业" value={d.enterprises} suffix="家" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="联合检查（综合查一次）" value={d.joint} suffix="次" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="日常检查频次上限" value={d.cap} suffix="次/企业/年" />
            </Col>
            <Col xs={24}>
              <Space wrap>
                {Object.entries(d.byKind).map(([k, n]) => (
                  <Tag key={k}>{`${k}检查 ${n}次`}</Tag>
                ))}
                {Object.entries(d.byOutcome).map(([k, n]) => (
                  <Tag key={k} color={k === '未发现问题' ? 'green' : k === '转立案' ? 'red' : 'orange'}>{`${k} ${n}次`}</Tag>
                ))}
              </Space>
            </Col>
          </Row>
        ) : null}
      </Card>
      <Card
        size="small"
        loading={o.isPending}
        data-testid="inspection-alerts"
        title={
          <Space>
            <AlertOutlined />
            重复检查、高频检查预警
          </Space>
        }
      >
        {d ? (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              同一企业{d.repeatDays}日内被两个以上部门检查，或本年度被各部门检查{d.highFrequency}次以上的，列为预警。
            </Typography.Paragraph>
            <List
              dataSource={d.alerts}
              locale={{ emptyText: <Empty description="没有预警" /> }}
              renderItem={(a) => (
                <List.Item>
                  <div style={{ minWidth: 0 }}>
                    <Space wrap>
                      <Tag color={a.kind === 'repeated' ? 'orange' : 'red'}>{a.kind === 'repeated' ? '重复检查' : '高频检查'}</Tag>
                      <Link to={`/ledgers/enforcement.inspection?f.enterprise_uscc=${a.uscc}`}>{a.name}</Link>
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.message}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </>
        ) : null}
      </Card>
    </>
  );
}
