import { BankOutlined, CalendarOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Collapse, Empty, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../platform/api.ts';
import { useMe, type Me } from '../platform/session.ts';
import { MonthBars, type MonthSeries } from '../platform/MonthBars.tsx';
import { HomeTodos } from '../platform/todos.tsx';
import { useIsMobile } from '../platform/use-is-mobile.ts';
import { groupNav } from './nav.ts';
import { navIcon } from './nav-icons.tsx';

interface HomeItem {
  key: string;
  label: string;
  count: number;
  link: string;
  tone?: 'normal' | 'warning' | 'danger';
}

const TONE_COLOR: Record<NonNullable<HomeItem['tone']>, string> = { normal: '#1d4ed8', warning: '#d97706', danger: '#c62828' };

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

function Welcome({ me }: { me: Me }) {
  const now = dayjs();
  return (
    <Card variant="borderless" style={{ marginBottom: 16, borderTop: '3px solid #1d4ed8' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-greeting">
        {greeting(now.hour())}，{me.user.displayName}
      </Typography.Title>
      <Flex wrap gap={8} align="center">
        {me.roles.map((r) => (
          <Tag key={r.code} color="blue" variant="outlined">
            {r.name}
          </Tag>
        ))}
        <Typography.Text type="secondary">
          <BankOutlined /> {me.currentOrg ? `${me.currentOrg.name}（${me.currentOrg.kindLabel}）` : '未设置单位'}
        </Typography.Text>
        <Typography.Text type="secondary">
          <CalendarOutlined /> {now.format('YYYY年M月D日 dddd')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

const countColor = (item: HomeItem): string => (item.count === 0 ? 'rgba(0,0,0,0.45)' : TONE_COLOR[item.tone ?? 'normal']);

function PendingWork() {
  const mobile = useIsMobile();
  const home = useQuery({ queryKey: ['home'], queryFn: ({ signal }) => api.get<{ items: HomeItem[] }>('/api/home', undefined, signal) });
  return (
    <Card title="工作提醒" style={{ marginBottom: 16 }}>
      {home.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : home.isError ? (
        <Alert type="error" showIcon title={errorText(home.error)} />
      ) : home.data.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <div>暂无待办事项</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                各业务模块的待办、期限提醒和预警会显示在这里
              </Typography.Text>
            </>
          }
        />
      ) : mobile ? (
        <div className="fz-pending-list">
          {home.data.items.map((item) => (
            <Link key={item.key} to={item.link} className="fz-pending-row">
              <span>{item.label}</span>
              <span className="fz-pending-count" style={{ color: countColor(item) }}>
                {item.count}
                <small> 件</small>
              </span>
            </Link>
          ))}
        </div>
      ) : (
        <Row gutter={[16, 16]}>
          {home.data.items.map((item) => (
            <Col key={item.key} xs={12} sm={8} lg={6}>
              <Link to={item.link} className="fz-card-link">
                <Card hoverable size="small">
                  <Statistic title={item.label} value={item.count} suffix="件" styles={{ content: { color: countColor(item) } }} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

interface ChartSeries {
  key: string;
  label: string;
  counts: number[];
  links: string[];
  total: number;
}

interface HomeChartsData {
  year: number;
  months: string[];
  records: ChartSeries[];
  deadlines: ChartSeries[];
}

const RECORD_COLOR = '#1d4ed8';
const DEADLINE_COLORS: Record<string, string> = { 'deadlines.open': '#2563eb', 'deadlines.overdue': '#c62828' };

/** the same figures as the charts, as a table with each figure opening its list */
function ChartTable({ data }: { data: HomeChartsData }) {
  const rows = [...data.records, ...data.deadlines];
  return (
    <Table<ChartSeries>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title: '项目', dataIndex: 'label', fixed: 'left' },
        ...data.months.map((m, i) => ({
          title: m,
          key: m,
          align: 'right' as const,
          render: (_: unknown, s: ChartSeries) => (s.counts[i] ? <Link to={s.links[i] ?? '#'}>{s.counts[i]}</Link> : 0),
        })),
        { title: '合计', dataIndex: 'total', align: 'right' as const },
      ]}
    />
  );
}

/** 本年度情况: the main ledgers' records and the deadlines month by month, in the user's scope (issue #22) */
function YearCharts() {
  const charts = useQuery({ queryKey: ['home', 'charts'], queryFn: ({ signal }) => api.get<HomeChartsData>('/api/home/charts', undefined, signal) });
  if (charts.isPending) return null;
  if (charts.isError) return <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(charts.error)} />;
  const data = charts.data;
  if (!data.records.length && !data.deadlines.length) return null;
  const deadlines: MonthSeries[] = data.deadlines.map((s) => ({ ...s, color: DEADLINE_COLORS[s.key] ?? '#6b7280' }));
  return (
    <Card title={`${data.year}年各月情况`} style={{ marginBottom: 16 }} data-testid="home-charts">
      <Row gutter={[16, 16]}>
        {data.records.map((s) => (
          <Col key={s.key} xs={24} md={12} xl={8}>
            <div className="fz-chart" data-testid={`chart-${s.key}`}>
              <div className="fz-chart-title">
                <span>{s.label}</span>
                <Typography.Text type="secondary">全年 {s.total} 件</Typography.Text>
              </div>
              <MonthBars label={`${data.year}年${s.label}各月件数`} months={data.months} series={[{ ...s, color: RECORD_COLOR }]} />
            </div>
          </Col>
        ))}
        {deadlines.length ? (
          <Col xs={24} md={12} xl={8}>
            <div className="fz-chart" data-testid="chart-deadlines">
              <div className="fz-chart-title">
                <span>到期事项</span>
                <span className="fz-chart-legend">
                  {deadlines.map((s) => (
                    <span key={s.key}>
                      <i style={{ background: s.color }} />
                      {s.label}
                    </span>
                  ))}
                </span>
              </div>
              <MonthBars label={`${data.year}年各月到期事项`} months={data.months} series={deadlines} />
            </div>
          </Col>
        ) : null}
      </Row>
      <Collapse ghost size="small" style={{ marginTop: 8 }} items={[{ key: 'table', label: '以表格查看各月数字', children: <ChartTable data={data} /> }]} />
      <style>{CHART_CSS}</style>
    </Card>
  );
}

const CHART_CSS = `
.fz-chart { border: 1px solid #f0f0f0; border-radius: 6px; padding: 8px 10px 4px; }
.fz-chart-title { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; font-weight: 500; margin-bottom: 4px; }
.fz-chart-legend { display: inline-flex; gap: 10px; font-weight: 400; font-size: 12px; color: rgba(0,0,0,0.65); }
.fz-chart-legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
`;

interface Entry {
  path: string;
  label: string;
  icon: ReactNode;
}

/** on a phone: a grid of tiles, four to a row, the way people know from government service apps */
function EntryTiles({ entries }: { entries: Entry[] }) {
  return (
    <div className="fz-tiles">
      {entries.map((e) => (
        <Link key={e.path} to={e.path} className="fz-tile">
          <span className="fz-quick-entry-icon">{e.icon}</span>
          <span className="fz-tile-label">{e.label}</span>
        </Link>
      ))}
    </div>
  );
}

function EntryList({ entries }: { entries: Entry[] }) {
  return entries.map((e) => (
    <Link key={e.path} to={e.path} className="fz-quick-entry">
      <span className="fz-quick-entry-icon">{e.icon}</span>
      <span style={{ flex: 1 }}>{e.label}</span>
      <RightOutlined style={{ fontSize: 11, color: '#9ca3af' }} />
    </Link>
  ));
}

function QuickEntries({ me }: { me: Me }) {
  const mobile = useIsMobile();
  const groups = [
    ...groupNav(me.nav.filter((n) => n.path !== '/')).map((g) => ({ name: g.name, entries: g.items.map((n) => ({ path: n.path, label: n.label, icon: navIcon(n.icon) })) })),
    { name: '个人中心', entries: [{ path: '/account', label: mobile ? '账号设置' : '账号设置与修改密码', icon: <SettingOutlined /> }] },
  ];
  if (mobile) {
    return (
      <Card size="small" styles={{ body: { padding: '4px 8px 8px' } }}>
        {groups.map((g) => (
          <section key={g.name} className="fz-tile-group">
            <h3>{g.name}</h3>
            <EntryTiles entries={g.entries} />
          </section>
        ))}
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      {groups.map((g) => (
        <Col key={g.name} xs={24} md={12} xl={8}>
          <Card title={g.name} size="small" styles={{ body: { padding: 8 } }}>
            <EntryList entries={g.entries} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 工作台: greeting, the user's pending work, and entries to what they may use */
export function HomePage() {
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <>
      <Welcome me={me} />
      <HomeTodos />
      <PendingWork />
      <YearCharts />
      <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
        快捷入口
      </Typography.Title>
      <QuickEntries me={me} />
    </>
  );
}
