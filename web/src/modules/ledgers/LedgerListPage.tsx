import { DownloadOutlined, FileExcelOutlined, PlusOutlined, SettingOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Flex, List, Pagination, Popover, Space, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { FieldDisplay } from '../../platform/ledger/field-value.tsx';
import { ledgerUrl, useLedgerList, useLedgerMeta } from '../../platform/ledger/ledger-api.ts';
import { exportQuery, withParams } from '../../platform/ledger/ledger-query.ts';
import type { LedgerField, LedgerMeta, LedgerRecord } from '../../platform/ledger/ledger-types.ts';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { ImportModal } from './ImportModal.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import { LedgerLoadFailed, useLedgerRoute } from './ledger-page-state.tsx';
import { SavedViews } from './SavedViews.tsx';
import { WithdrawModal } from './WithdrawModal.tsx';

const columnsKey = (name: string): string => `fz.ledger.columns.${name}`;

/** the chosen columns of a ledger, kept per browser; the fields marked list are the default */
function useColumnChoice(meta: LedgerMeta | undefined): [string[], (v: string[]) => void] {
  const name = meta?.name ?? '';
  const [choice, setChoice] = useState<Record<string, string[]>>({});
  const stored = (): string[] | null => {
    try {
      const raw = localStorage.getItem(columnsKey(name));
      return raw ? (JSON.parse(raw) as string[]) : null;
    } catch {
      return null;
    }
  };
  const current = choice[name] ?? stored() ?? (meta?.fields ?? []).filter((f) => f.list).map((f) => f.name);
  const set = (v: string[]): void => {
    setChoice((c) => ({ ...c, [name]: v }));
    try {
      localStorage.setItem(columnsKey(name), JSON.stringify(v));
    } catch {
      // private mode: the choice lasts for this page only
    }
  };
  return [current, set];
}

/** 台账列表: any ledger, its filters and columns from the server's metadata, its query in the URL */
export function LedgerListPage() {
  const { name } = useLedgerRoute();
  const meta = useLedgerMeta(name);
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const list = useLedgerList(name, query, meta.isSuccess);
  const { data: me } = useMe();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useColumnChoice(meta.data);
  // the rows ticked for a batch action; another filter or page is another list, so the choice is cleared
  const [selected, setSelected] = useState<LedgerRecord[]>([]);
  const [withdrawing, setWithdrawing] = useState<LedgerRecord[] | null>(null);
  useEffect(() => setSelected([]), [name, query]);

  const refTitles = useMemo(() => {
    const out: Record<string, string> = {};
    for (const f of meta.data?.fields ?? []) {
      const v = params.get(`f.${f.name}`);
      const hit = f.type === 'ref' && v ? list.data?.items.find((r) => String(r.values[f.name]) === v) : undefined;
      const title = hit?.refs[f.name];
      if (title) out[f.name] = title;
    }
    return out;
  }, [meta.data, list.data, params]);

  if (meta.isError) return <LedgerLoadFailed error={meta.error} onRetry={() => void meta.refetch()} noun="台账" />;
  if (list.isError) return <LedgerLoadFailed error={list.error} onRetry={() => void list.refetch()} />;
  const m = meta.data;
  const fields = m?.fields ?? [];
  // a search without a chosen order is ranked by the server (the exact 案号 or name first, then the newest entered)
  const ranked = !!params.get('q')?.trim() && !params.get('sort');
  const sort = params.get('sort') ?? (ranked ? undefined : m?.defaultSort?.field);
  const order = params.get('order') ?? m?.defaultSort?.dir;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const open = (r: LedgerRecord): void => void navigate(`/ledgers/${name}/${r.id}`);
  const download = (path: string, fallback: string): void => void downloadFile(path, fallback).catch((e: unknown) => void message.error(errorText(e)));
  const exportUrl = `${ledgerUrl(name)}/export.xlsx${exportQuery(params) ? `?${exportQuery(params)}` : ''}`;

  const fieldColumn = (f: LedgerField): ColumnsType<LedgerRecord>[number] => ({
    key: f.name,
    title: f.label,
    sorter: !f.personal,
    sortOrder: sort === f.name ? (order === 'asc' ? 'ascend' : 'descend') : null,
    align: f.type === 'int' || f.type === 'decimal' ? 'right' : 'left',
    ellipsis: f.type === 'textarea' || f.name === 'summary' ? { showTitle: true } : false,
    render: (_, r) => <FieldDisplay field={f} record={r} />,
  });
  const fieldColumns = fields.filter((f) => shown.includes(f.name)).map(fieldColumn);
  // the 办理状态 of a workflow record right after its first column, where it is seen without scrolling
  const stateColumn = m?.states ? [{ key: 'state', title: '办理状态', render: (_: unknown, r: LedgerRecord) => (r.stateLabel ? <Tag color="blue">{r.stateLabel}</Tag> : '—') }] : [];
  const columns: ColumnsType<LedgerRecord> = [
    ...fieldColumns.slice(0, 1).map((c) => ({ ...c, fixed: 'left' as const })),
    ...stateColumn,
    ...fieldColumns.slice(1),
    { key: 'org', title: '单位', dataIndex: 'orgName' },
    ...(params.get('status') && params.get('status') !== 'active'
      ? [{ key: 'status', title: '状态', render: (_: unknown, r: LedgerRecord) => (r.status === 'withdrawn' ? <Tag color="default">已撤销</Tag> : <Tag color="green">有效</Tag>) }]
      : []),
    {
      key: 'actions',
      title: '操作',
      fixed: 'right',
      width: m?.can.withdraw ? 110 : 64,
      render: (_: unknown, r: LedgerRecord) => (
        // the row opens the record too; these links are for those who look for them, and do not open it twice
        <Space size={4} onClick={(e) => e.stopPropagation()}>
          <Link to={`/ledgers/${name}/${r.id}`}>查看</Link>
          {m?.can.withdraw && r.status === 'active' ? (
            <Button type="link" size="small" danger style={{ padding: '0 4px' }} onClick={() => setWithdrawing([r])}>
              撤销
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const batch = !mobile && !!m && (m.can.export || m.can.withdraw);
  const selectedIds = selected.map((r) => r.id);

  const chooser = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      content={
        <Space direction="vertical" style={{ maxHeight: 360, overflowY: 'auto' }}>
          <Checkbox.Group value={shown} onChange={(v) => setShown(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={fields.map((f) => ({ value: f.name, label: f.label }))} />
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setShown(fields.filter((f) => f.list).map((f) => f.name))}>
            恢复默认
          </Button>
        </Space>
      }
    >
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );

  return (
    <>
      <PageHeader
        title={m?.label ?? '台账'}
        description={list.data ? `${list.data.totalCapped ? `超过 ${list.data.total} 条${m?.noun ?? '记录'}，请增加检索词或筛选条件缩小范围` : `共 ${list.data.total} 条${m?.noun ?? '记录'}`}${params.get('status') === 'withdrawn' ? '（已撤销）' : ''}${ranked ? '；按匹配程度排列：编号、名称与检索词完全相同的在前，其余按录入先后由新到旧' : ''}` : '加载中…'}
        extra={
          m ? (
            <>
              {m.can.create ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`/ledgers/${name}/new`)}>
                  新增
                </Button>
              ) : null}
              {m.can.import ? (
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  导入
                </Button>
              ) : null}
              {m.can.export ? (
                <Button icon={<FileExcelOutlined />} onClick={() => download(exportUrl, `${m.label}.xlsx`)}>
                  导出
                </Button>
              ) : null}
              {m.can.create || m.can.import ? (
                <Button icon={<DownloadOutlined />} onClick={() => download(`${ledgerUrl(name)}/template.xlsx`, `${m.label}导入模板.xlsx`)}>
                  下载模板
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Card>
        <LedgerFilters fields={fields.filter((f) => f.filter)} states={m?.states ?? null} params={params} onChange={setParams} orgs={me?.orgs ?? []} refTitles={refTitles} />
        {mobile ? (
          <RecordCards meta={m} records={list.data?.items ?? []} loading={list.isFetching} onOpen={open} />
        ) : (
          <>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
              <Space wrap data-testid="batch-bar">
                {batch && selected.length ? (
                  <>
                    <Typography.Text>已选 {selected.length} 条</Typography.Text>
                    {m?.can.export ? (
                      <Button size="small" icon={<FileExcelOutlined />} onClick={() => download(`${ledgerUrl(name)}/export.xlsx?status=all&ids=${selectedIds.join(',')}`, `${m.label}（所选）.xlsx`)}>
                        导出所选
                      </Button>
                    ) : null}
                    {m?.can.withdraw && selected.every((r) => r.status === 'active') ? (
                      <Button size="small" danger icon={<StopOutlined />} onClick={() => setWithdrawing(selected)}>
                        撤销所选
                      </Button>
                    ) : null}
                    <Button size="small" type="link" onClick={() => setSelected([])}>
                      取消选择
                    </Button>
                  </>
                ) : batch ? (
                  <Typography.Text type="secondary">勾选记录可批量导出{m?.can.withdraw ? '、撤销' : ''}</Typography.Text>
                ) : null}
              </Space>
              <Space wrap>
                {me ? <SavedViews key={name} user={me.user.username} ledger={name} params={params} onApply={(next) => setParams(next)} /> : null}
                {chooser}
              </Space>
            </Flex>
            <DataTable<LedgerRecord>
              rowKey="id"
              loading={meta.isPending || list.isFetching}
              columns={columns}
              dataSource={list.data?.items ?? []}
              rowClassName={(r) => (r.status === 'withdrawn' ? 'fz-row-withdrawn' : '')}
              {...(batch
                ? {
                    rowSelection: {
                      selectedRowKeys: selectedIds,
                      onChange: (_keys: React.Key[], rows: LedgerRecord[]) => setSelected(rows),
                      columnWidth: 40,
                      fixed: true,
                    },
                  }
                : {})}
              // a click in the tick-box column selects; anywhere else on the row opens the record
              onRow={(r) => ({ onClick: (e) => (e.target instanceof Element && e.target.closest('.ant-table-selection-column') ? undefined : open(r)), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <Empty description={`没有符合条件的${m?.noun ?? '记录'}`} /> }}
              pagination={{ current: page, pageSize, total: list.data?.total ?? 0 }}
              onChange={(p, _f, sorter) => {
                const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<LedgerRecord> | undefined;
                const field = s?.order ? String(s.columnKey) : null;
                const samePaging = p.pageSize === pageSize;
                setParams(
                  withParams(
                    params,
                    {
                      sort: field,
                      order: field ? (s?.order === 'ascend' ? 'asc' : 'desc') : null,
                      page: samePaging && p.current && p.current > 1 ? String(p.current) : null,
                      pageSize: p.pageSize && p.pageSize !== 20 ? String(p.pageSize) : null,
                    },
                    true,
                  ),
                );
              }}
            />
          </>
        )}
        {mobile && list.data && list.data.total > pageSize ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Pagination simple current={page} pageSize={pageSize} total={list.data.total} onChange={(p) => setParams(withParams(params, { page: p > 1 ? String(p) : null }, true))} />
          </Flex>
        ) : null}
      </Card>
      {withdrawing && m ? (
        <WithdrawModal
          meta={m}
          ids={withdrawing.map((r) => r.id)}
          title={withdrawing.length === 1 ? (withdrawing[0]?.title ?? '') : `${withdrawing.slice(0, 3).map((r) => r.title).join('、')}${withdrawing.length > 3 ? ` 等 ${withdrawing.length} 条` : ''}`}
          onClose={() => setWithdrawing(null)}
          onDone={() => setSelected([])}
        />
      ) : null}
      {importing && m ? (
        <ImportModal
          meta={m}
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['ledgers', name, 'list'] })}
        />
      ) : null}
    </>
  );
}

/** the phone layout: one card per record, its title and the list fields */
function RecordCards({ meta, records, loading, onOpen }: { meta: LedgerMeta | undefined; records: LedgerRecord[]; loading: boolean; onOpen: (r: LedgerRecord) => void }) {
  const fields = (meta?.fields ?? []).filter((f) => f.list).slice(0, 5);
  return (
    <List
      loading={loading}
      dataSource={records}
      locale={{ emptyText: <Empty description={`没有符合条件的${meta?.noun ?? '记录'}`} /> }}
      renderItem={(r) => (
        <Card size="small" style={{ marginBottom: 12, cursor: 'pointer' }} onClick={() => onOpen(r)} data-testid="ledger-card">
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {r.title}
            {r.status === 'withdrawn' ? <Tag style={{ marginLeft: 8 }}>已撤销</Tag> : null}
          </Typography.Text>
          {fields.filter((f) => !(f.type === 'text' && r.title.includes(String(r.values[f.name] ?? '\u0000')))).map((f) => (
            <Flex key={f.name} gap={8} style={{ fontSize: 13, lineHeight: '22px' }}>
              <Typography.Text type="secondary" style={{ flex: '0 0 auto' }}>
                {f.label}
              </Typography.Text>
              <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                <FieldDisplay field={f} record={r} />
              </span>
            </Flex>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.orgName}
          </Typography.Text>
        </Card>
      )}
    />
  );
}
