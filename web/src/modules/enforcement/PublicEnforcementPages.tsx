import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Collapse, Descriptions, Empty, Pagination, Segmented, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { canVerifyInBrowser, checkDraw, type BrowserChecks } from './draw-verify.ts';
import { beijingTime, catalogSentence, DRAW_STATUS, yuan, type CatalogVersion, type PublicBenchmarks, type PublicCatalog, type PublicDecision, type PublicDraw, type PublicDrawSummary } from './enforcement-api.ts';

const SECTIONS = [
  { path: '/public/enforcement', label: '执法决定公示' },
  { path: '/public/enforcement/catalog', label: '执法事项清单' },
  { path: '/public/enforcement/draws', label: '“双随机”抽查公开' },
  { path: '/public/enforcement/benchmarks', label: '行政裁量基准' },
];

/** the frame of the 行政执法公示 pages: crumb, the three sections, the box */
function EnforcementFrame({ crumb, title, extra, children }: { crumb: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 行政执法公示 &gt; {crumb}</div>
      <nav aria-label="行政执法公示栏目" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        {SECTIONS.map((s) => (
          <NavLink
            key={s.path}
            to={s.path}
            end={s.path === '/public/enforcement'}
            style={({ isActive }) => ({ padding: '6px 14px', border: '1px solid #b91c1c', color: isActive ? '#fff' : '#b91c1c', background: isActive ? '#b91c1c' : '#fff', textDecoration: 'none', fontSize: 14 })}
          >
            {s.label}
          </NavLink>
        ))}
      </nav>
      <section className="fz-public-box">
        <h2 style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          <span>{title}</span>
          {extra}
        </h2>
        {children}
      </section>
    </PublicLayout>
  );
}

/** a public list: failed (with a retry), loading, empty, or what `children` makes of it */
function ListBody<D extends { items: unknown[] }>({ query, empty, children }: { query: UseQueryResult<D>; empty: string; children: (data: D) => ReactNode }) {
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton active />;
  if (query.data.items.length === 0) return <Empty description={empty} />;
  return children(query.data);
}

/** 行政执法决定公示: published decisions, the party's personal data masked by the server */
export function PublicDecisionsPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const year = params.get('year') ?? '';
  const q = { page, pageSize: 10, ...(year ? { year } : {}) };
  const list = useQuery({ queryKey: ['public', 'enforcement', 'decisions', q], queryFn: ({ signal }) => api.get<{ items: PublicDecision[]; total: number }>('/api/public/enforcement/decisions', q, signal), placeholderData: (p) => p });
  const thisYear = new Date().getFullYear();
  return (
    <EnforcementFrame
      crumb="执法决定公示"
      title="行政执法决定信息公示"
      extra={
        <Select
          aria-label="年度"
          size="small"
          style={{ width: 120, fontWeight: 400 }}
          value={year}
          onChange={(v: string) => setParams(v ? { year: v } : {}, { replace: true })}
          options={[{ value: '', label: '全部年度' }, ...[0, 1, 2].map((k) => ({ value: String(thisYear - k), label: `${thisYear - k}年` }))]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》，行政处罚决定自作出之日起7个工作日内、其他执法决定20个工作日内公开。自然人的姓名、身份证号码和联系电话已作去标识化处理。
      </Typography.Paragraph>
      <ListBody query={list} empty="暂无公示的执法决定">
        {(data) => (
          <>
            <div data-testid="public-decisions">
              {data.items.map((d) => (
                <article key={d.id} style={{ borderBottom: '1px dashed #e5e7eb', padding: '12px 0' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginBottom: 6 }}>
                    <strong style={{ fontSize: 15 }}>
                      {d.organ} · {d.caseNo}
                    </strong>
                    <span className="fz-public-date">
                      公示日期：{formatDate(d.publishedOn)}
                      {d.correctedOn ? `（于${formatDate(d.correctedOn)}更正）` : ''}
                    </span>
                  </div>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, sm: 1, md: 2 }}
                    items={[
                      { key: 'party', label: '当事人', children: `${d.party}（${d.partyKind}）` },
                      d.partyKind === '单位' ? { key: 'uscc', label: '统一社会信用代码', children: d.partyUscc ?? '—' } : { key: 'id', label: '身份证号码', children: d.partyIdNumber ?? '—' },
                      { key: 'phone', label: '联系电话', children: d.partyPhone ?? '—' },
                      { key: 'type', label: '决定类别', children: d.caseType },
                      { key: 'matter', label: '执法事项', children: d.matter },
                      { key: 'basis', label: '法律依据', children: d.legalBasis || '—' },
                      { key: 'kinds', label: '处罚种类', children: d.penaltyKinds.join('、') || '—' },
                      { key: 'amount', label: '罚款金额', children: d.amount ? yuan(d.amount) : '—' },
                      { key: 'result', label: '处理结果', span: 'filled' as const, children: d.result },
                      { key: 'decided', label: '决定日期', children: formatDate(d.decidedOn) },
                    ]}
                  />
                </article>
              ))}
            </div>
            <Pagination
              style={{ marginTop: 16, justifyContent: 'center' }}
              current={page}
              pageSize={10}
              total={data.total}
              showSizeChanger={false}
              showTotal={(t) => `共 ${t} 条`}
              onChange={(p) => setParams({ ...(year ? { year } : {}), page: String(p) })}
            />
          </>
        )}
      </ListBody>
    </EnforcementFrame>
  );
}

const CATEGORIES = ['全部', '法定', '赋权', '可委托'] as const;

/** 执法事项清单: an organisation's published catalog version, with the counts as reports quote them */
export function PublicCatalogPage() {
  const [params, setParams] = useSearchParams();
  const mobile = useIsMobile();
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('全部');
  const catalogs = useQuery({ queryKey: ['public', 'enforcement', 'catalogs'], queryFn: ({ signal }) => api.get<{ items: CatalogVersion[] }>('/api/public/enforcement/catalogs', undefined, signal) });
  const id = params.get('id');
  const org = params.get('org') ?? (id ? '' : (catalogs.data?.items[0]?.orgCode ?? ''));
  const q = id ? { id } : { org };
  const catalog = useQuery({
    queryKey: ['public', 'enforcement', 'catalog', q],
    enabled: !!(id || org),
    queryFn: ({ signal }) => api.get<PublicCatalog>('/api/public/enforcement/matters', q, signal),
  });
  const c = catalog.data;
  const items = (c?.items ?? []).filter((i) => category === '全部' || i.category === category);
  return (
    <EnforcementFrame
      crumb="执法事项清单"
      title="综合行政执法事项清单"
      extra={
        <OrgSelect value={c?.orgCode ?? (org || null)} onChange={(v) => setParams({ org: v }, { replace: true })} options={(catalogs.data?.items ?? []).map((v) => ({ value: v.orgCode, label: v.orgName }))} />
      }
    >
      {catalogs.isError ? <LoadFailed error={catalogs.error} onRetry={() => void catalogs.refetch()} /> : null}
      {catalogs.data && catalogs.data.items.length === 0 ? <Empty description="暂无已发布的执法事项清单" /> : null}
      {catalog.isError ? <LoadFailed error={catalog.error} onRetry={() => void catalog.refetch()} /> : null}
      {catalog.isPending && (id || org) ? <Skeleton active /> : null}
      {c ? (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
            <strong style={{ fontSize: 16 }}>
              {c.orgName}执法事项清单（{c.label}）
            </strong>
            <span style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
              <span className="fz-public-date">发布日期：{formatDate(c.publishedOn)}</span>
              {c.versions.length > 1 ? (
                <Select aria-label="版本" size="small" style={{ width: 210 }} value={c.id} onChange={(v: number) => setParams({ id: String(v) }, { replace: true })} options={c.versions.map((v) => ({ value: v.id, label: `${v.label}（${formatDate(v.publishedOn)}）` }))} />
              ) : null}
            </span>
          </div>
          <p style={{ fontSize: 15, lineHeight: 1.8, margin: '8px 0 12px' }} data-testid="public-catalog-sentence">
            共{c.counts.total}项，其中{catalogSentence(c.counts)}。
          </p>
          {c.note ? <Typography.Paragraph type="secondary">{c.note}</Typography.Paragraph> : null}
          <div style={{ overflowX: 'auto', marginBottom: 12 }}>
            <Segmented<(typeof CATEGORIES)[number]> value={category} onChange={setCategory} options={CATEGORIES.map((x) => ({ value: x, label: x === '全部' ? `全部（${c.counts.total}）` : `${x}（${c.items.filter((i) => i.category === x).length}）` }))} />
          </div>
          <Table
            rowKey="code"
            size="small"
            scroll={{ x: 'max-content' }}
            dataSource={items}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 项`, ...(mobile ? { size: 'small' as const } : {}) }}
            columns={[
              { title: '编码', dataIndex: 'code' },
              { title: '事项名称', dataIndex: 'name', render: (v: string) => <span style={{ display: 'inline-block', minWidth: 200, whiteSpace: 'normal' }}>{v}</span> },
              { title: '类型', dataIndex: 'matterType' },
              { title: '类别', key: 'cat', render: (_, i) => <>{i.category}{i.selfSelected ? <Tag color="blue" style={{ marginInlineStart: 6 }}>自选</Tag> : null}</> },
              { title: '设定依据', key: 'law', render: (_, i) => <span style={{ display: 'inline-block', minWidth: 180, whiteSpace: 'normal' }}>{`${i.law}${i.article ?? ''}`}</span> },
              { title: '指导部门', dataIndex: 'guidingDept', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </>
      ) : null}
    </EnforcementFrame>
  );
}

/** “双随机”抽查公开: every attempt, discarded ones with their reason, each with its verification page */
export function PublicDrawsPage() {
  const list = useQuery({ queryKey: ['public', 'enforcement', 'draws'], queryFn: ({ signal }) => api.get<{ items: PublicDrawSummary[] }>('/api/public/enforcement/draws', undefined, signal) });
  return (
    <EnforcementFrame crumb="“双随机”抽查公开" title="“双随机、一公开”抽查">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        每次抽取先公开系统生成的随机种子的SHA-256值（承诺），再公开冻结的检查对象名录和执法人员名录及其SHA-256值，最后公开种子和抽取结果。任何人可在本页核对种子与承诺一致、名录未被改动、结果可按公开算法重算。每一次抽取，包括作废的，都在此公开。
      </Typography.Paragraph>
      <ListBody query={list} empty="暂无抽查公开信息">
        {(data) => (
          <ul className="fz-public-list" data-testid="public-draws">
            {data.items.map((d) => (
              <li key={d.id}>
                <span>
                  <Link to={`/public/enforcement/draws/${d.id}`}>{d.title}</Link>
                  <Tag color={DRAW_STATUS[d.status].color} style={{ marginInlineStart: 8 }}>
                    {DRAW_STATUS[d.status].label}
                  </Tag>
                  {d.legacy ? <Tag color="orange">旧流程：种子未事先承诺</Tag> : null}
                  <span className="fz-public-date" style={{ marginInlineStart: 4 }}>
                    {d.orgName}
                    {d.status === 'drawn' ? ` · 从${d.targets}个对象中抽取${d.drawn}个` : ''}
                  </span>
                  {d.cancelReason ? <div className="fz-public-date" style={{ fontSize: 13 }}>作废理由：{d.cancelReason}</div> : null}
                </span>
                <span className="fz-public-date">{d.drawnOn ? formatDate(d.drawnOn) : beijingTime(d.committedAt).slice(0, 10)}</span>
              </li>
            ))}
          </ul>
        )}
      </ListBody>
    </EnforcementFrame>
  );
}

type Recheck = { state: 'running' } | { state: 'done'; checks: BrowserChecks } | { state: 'unavailable' };

function CheckTag({ ok, yes, no, pending, testId }: { ok: boolean | null; yes: string; no: string; pending: string; testId: string }) {
  if (ok === null) return <Typography.Text type="secondary">{pending}</Typography.Text>;
  return ok ? (
    <Tag icon={<CheckCircleOutlined />} color="success" data-testid={testId} style={{ whiteSpace: 'normal' }}>
      {yes}
    </Tag>
  ) : (
    <Tag icon={<CloseCircleOutlined />} color="error" data-testid={testId} style={{ whiteSpace: 'normal' }}>
      {no}
    </Tag>
  );
}

/** a published hash (or seed) with when it was published, stacked in one block (Descriptions lays its children out in a row) */
function Stamped({ value, note }: { value: ReactNode; note: string }) {
  return (
    <div style={{ minWidth: 0, width: '100%' }}>
      <div style={{ wordBreak: 'break-all' }}>{value}</div>
      <div style={{ color: '#6b7280', fontSize: 13 }}>{note}</div>
    </div>
  );
}

/** one attempt: commitment, frozen lists, seed once revealed, result, and the visitor's own re-computation of all three */
export function PublicDrawPage() {
  const { id } = useParams();
  const mobile = useIsMobile();
  const draw = useQuery({ queryKey: ['public', 'enforcement', 'draw', id], queryFn: ({ signal }) => api.get<PublicDraw>(`/api/public/enforcement/draws/${String(id)}`, undefined, signal) });
  const [recheck, setRecheck] = useState<Recheck>({ state: 'running' });
  const d = draw.data;
  useEffect(() => {
    if (!d) return;
    if (!canVerifyInBrowser()) {
      setRecheck({ state: 'unavailable' });
      return;
    }
    let live = true;
    void checkDraw(d).then((checks) => {
      if (live) setRecheck({ state: 'done', checks });
    });
    return () => {
      live = false;
    };
  }, [d]);
  const targets = new Map((d?.targets ?? []).map((t) => [t.id, t]));
  const inspectors = new Map((d?.inspectors ?? []).map((i) => [i.id, i]));
  const outcome = new Map((d?.outcomes ?? []).map((o) => [o.uscc, o]));
  const code = (v: string | null, testId: string) => (v ? <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid={testId}>{v}</Typography.Text> : null);
  const browser = (key: keyof BrowserChecks, yes: string, no: string, pending: string, testId: string): ReactNode =>
    recheck.state === 'running' ? <Tag icon={<LoadingOutlined />}>正在用本浏览器计算…</Tag> : recheck.state === 'unavailable' ? <Typography.Text type="secondary">本浏览器不支持在当前地址计算 SHA-256，请按下方算法自行核验</Typography.Text> : <CheckTag ok={recheck.checks[key]} yes={yes} no={no} pending={pending} testId={testId} />;
  return (
    <EnforcementFrame crumb="“双随机”抽查公开" title={d ? d.title : '抽查公开'}>
      {draw.isError ? <LoadFailed error={draw.error} onRetry={() => void draw.refetch()} /> : null}
      {draw.isPending ? <Skeleton active /> : null}
      {d ? (
        <>
          {d.legacy ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="旧流程抽取：种子未事先承诺，可能由操作人员指定" description="本次抽取在种子承诺制度实行前进行。结果可按公开的种子和名录重算，但不能证明种子未经挑选。" data-testid="draw-legacy" /> : null}
          {d.status === 'cancelled' ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`本次抽取已于${beijingTime(d.cancelledAt)}作废`} description={`作废理由：${d.cancelReason ?? ''}`} data-testid="draw-cancelled" /> : null}
          <Descriptions
            size="small"
            bordered={!mobile}
            layout={mobile ? 'vertical' : 'horizontal'}
            column={1}
            items={[
              { key: 'org', label: '抽取单位', children: d.orgName },
              { key: 'matter', label: '检查事项', children: `${d.matterName}${d.domain ? `（执法领域：${d.domain}）` : ''}` },
              { key: 'status', label: '状态', children: <Tag color={DRAW_STATUS[d.status].color}>{DRAW_STATUS[d.status].label}</Tag> },
              { key: 'params', label: '抽取规则', children: `抽取${d.targetCount}个检查对象，每个对象派${d.perTarget}名执法人员${d.maxPerInspector ? `，每名人员最多${d.maxPerInspector}项任务` : ''}` },
              { key: 'commit', label: '① 种子承诺值', children: d.legacy ? '旧流程未承诺' : <Stamped value={code(d.seedHash, 'draw-seed-hash')} note={`公开于 ${beijingTime(d.committedAt)}`} /> },
              { key: 'list', label: '② 冻结名录', children: d.listHash ? <Stamped value={code(d.listHash, 'draw-list-hash')} note={`检查对象${d.targets.length}个、执法人员${d.inspectors.length}名，冻结于 ${beijingTime(d.frozenAt)}`} /> : '待冻结' },
              { key: 'seed', label: '③ 随机种子', children: d.seed ? <Stamped value={code(d.seed, 'draw-seed')} note={`揭示于 ${beijingTime(d.drawnAt ?? d.cancelledAt)}`} /> : '抽取时公开（此前保密）' },
              { key: 'b1', label: '本机核验：种子', children: d.legacy ? '旧流程未承诺，无从核对' : browser('seed', 'SHA-256(种子)与事先公开的承诺值一致', 'SHA-256(种子)与承诺值不一致', '种子公开后核验', 'browser-seed') },
              { key: 'b2', label: '本机核验：名录', children: browser('list', '名录与冻结时公开的SHA-256值一致', '名录与冻结时公开的值不一致', '名录冻结后核验', 'browser-list') },
              { key: 'b3', label: '本机核验：结果', children: browser('result', '按种子和名录重算，抽取结果一致', '重算结果不一致', '抽取后核验', 'browser-verified') },
            ]}
          />
          {d.result.length && d.status === 'drawn' ? (
            <>
              <h3 style={{ fontSize: 16, margin: '16px 0 8px' }}>抽取结果</h3>
              <Table
                rowKey="n"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={d.result.map((a, i) => ({ n: i + 1, t: targets.get(a.targetId), people: a.inspectorIds.map((x) => inspectors.get(x)) }))}
                columns={[
                  { title: '序号', dataIndex: 'n', width: 56 },
                  { title: '检查对象', key: 't', render: (_, r) => <>{r.t?.name}<div className="fz-public-date" style={{ fontSize: 12 }}>{r.t?.uscc}</div></> },
                  { title: '执法人员（执法证号）', key: 'p', render: (_, r) => r.people.map((p) => (p ? `${p.name}（${p.certNo}）` : '')).join('、') },
                  {
                    title: '检查结果',
                    key: 'o',
                    render: (_, r) => {
                      const o = r.t ? outcome.get(r.t.uscc) : undefined;
                      return o?.result ? `${o.result}${o.closedOn ? `（${formatDate(o.closedOn)}）` : ''}` : '待检查';
                    },
                  },
                ]}
              />
            </>
          ) : null}
          <h3 style={{ fontSize: 16, margin: '16px 0 8px' }}>抽取程序和算法</h3>
          <Typography.Paragraph style={{ fontSize: 14, lineHeight: 1.8 }}>{d.procedure}</Typography.Paragraph>
          <Typography.Paragraph style={{ fontSize: 14, lineHeight: 1.8 }}>{d.algorithm}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, lineHeight: 1.8 }}>
            名录的SHA-256按以下文本计算（UTF-8，各行以换行符连接）：每个检查对象一行“T|编号|统一社会信用代码|监管领域|名称”，其后每名执法人员一行“I|编号|执法证号|执法领域资格（逗号分隔）|回避对象（逗号分隔）|姓名”，均按下方名录顺序。
          </Typography.Paragraph>
          {d.targets.length ? (
            <Collapse
              size="small"
              items={[
                {
                  key: 'targets',
                  label: `冻结的检查对象名录（${d.targets.length}个）`,
                  children: <Table rowKey="id" size="small" scroll={{ x: 'max-content' }} pagination={{ pageSize: 20, showSizeChanger: false }} dataSource={d.targets} columns={[{ title: '编号', dataIndex: 'id' }, { title: '名称', dataIndex: 'name' }, { title: '统一社会信用代码', dataIndex: 'uscc' }, { title: '监管领域', dataIndex: 'domain' }]} />,
                },
                {
                  key: 'inspectors',
                  label: `冻结的执法人员名录（${d.inspectors.length}名）`,
                  children: (
                    <Table
                      rowKey="id"
                      size="small"
                      scroll={{ x: 'max-content' }}
                      pagination={{ pageSize: 20, showSizeChanger: false }}
                      dataSource={d.inspectors}
                      columns={[
                        { title: '编号', dataIndex: 'id' },
                        { title: '姓名', dataIndex: 'name' },
                        { title: '执法证号', dataIndex: 'certNo' },
                        { title: '执法领域资格', key: 'q', render: (_, i) => i.qualifications.join('、') },
                        { title: '回避对象', key: 'a', render: (_, i) => i.avoid.join('、') || '—' },
                      ]}
                    />
                  ),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </EnforcementFrame>
  );
}

/** 行政裁量基准: each matter's benchmarks in a town, mildest first (行政处罚法 art. 34: published) */
export function PublicBenchmarksPage() {
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? '';
  const q = org ? { org } : {};
  const data = useQuery({ queryKey: ['public', 'enforcement', 'benchmarks', q], queryFn: ({ signal }) => api.get<PublicBenchmarks>('/api/public/enforcement/benchmarks', q, signal), placeholderData: (p) => p });
  const b = data.data;
  return (
    <EnforcementFrame
      crumb="行政裁量基准"
      title="行政处罚裁量基准"
      extra={
        <OrgSelect value={b?.orgCode ?? (org || null)} onChange={(v) => setParams({ org: v }, { replace: true })} options={(b?.orgs ?? []).map((o) => ({ value: o.code, label: o.name }))} />
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        依据《中华人民共和国行政处罚法》第三十四条，行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权，行政处罚裁量基准应当向社会公布。下列为各执法事项按违法情形划分的裁量阶次和罚款幅度。
      </Typography.Paragraph>
      {data.isError ? <LoadFailed error={data.error} onRetry={() => void data.refetch()} /> : null}
      {data.isPending ? <Skeleton active /> : null}
      {b && b.items.length === 0 ? <Empty description="暂无公布的裁量基准" /> : null}
      {b && b.items.length ? (
        <>
          <p style={{ fontSize: 15, margin: '8px 0 12px' }} data-testid="public-benchmarks-sentence">
            {b.orgName}共公布{b.items.length}个执法事项的裁量基准{b.items.reduce((n, m) => n + m.benchmarks.length, 0)}条。
          </p>
          <Collapse
            size="small"
            data-testid="public-benchmarks"
            defaultActiveKey={b.items.slice(0, 1).map((m) => String(m.matterId))}
            items={b.items.map((m) => ({
              key: String(m.matterId),
              label: (
                <span style={{ whiteSpace: 'normal' }}>
                  {m.code} {m.name}
                </span>
              ),
              children: (
                <>
                  <div className="fz-public-date" style={{ marginBottom: 8 }}>
                    设定依据：{m.law}
                    {m.article ?? ''}
                  </div>
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={m.benchmarks}
                    columns={[
                      { title: '违法情形', dataIndex: 'circumstance', render: (v: string) => <span style={{ display: 'inline-block', minWidth: 180, whiteSpace: 'normal' }}>{v}</span> },
                      { title: '裁量阶次', dataIndex: 'level' },
                      { title: '罚款幅度', key: 'range', render: (_, x) => (x.max === 0 ? '不予罚款' : `${yuan(x.min)}至${yuan(x.max)}`) },
                      { title: '适用', key: 'flags', render: (_, x) => [x.firstViolationExempt ? '首违不罚' : '', x.quickMinor ? '轻微速罚' : ''].filter(Boolean).join('、') || '—' },
                      { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
                    ]}
                  />
                </>
              ),
            }))}
          />
        </>
      ) : null}
    </EnforcementFrame>
  );
}

/** the organisation whose list a public page shows, in the page's title bar */
function OrgSelect({ value, options, onChange }: { value: string | null; options: Array<{ value: string; label: string }>; onChange: (org: string) => void }) {
  return <Select aria-label="单位" size="small" style={{ width: 200, fontWeight: 400 }} value={value} placeholder="选择单位" onChange={onChange} options={options} />;
}
