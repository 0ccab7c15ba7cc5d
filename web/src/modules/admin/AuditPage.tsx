import { DownloadOutlined, FileProtectOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Tooltip, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { auditLabels } from '../index.ts';
import { api, errorText } from '../../platform/api.ts';
import { diffRows } from '../../platform/audit-text.ts';
import { downloadText } from '../../platform/download.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { adminKeys, type AuditEntry, type AuditQuery, type VerifyResult } from './admin-api.ts';
import { AuditDiff, hasDiff, type AuditVocabulary } from './audit-diff.tsx';

interface SearchValues {
  user?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

// one file at most this many entries (25 pages of the API); the auditor narrows the dates for more
const EXPORT_LIMIT = 5000;

const ALERT_ACTIONS = new Set(['login_failed', 'account_locked', 'login_refused_locked', 'force_logout']);

function toQuery(v: SearchValues, pageSize: number): AuditQuery {
  const q: AuditQuery = { page: 1, pageSize };
  const text = (s: string | undefined): string | undefined => s?.trim() || undefined;
  const user = text(v.user);
  const entityId = text(v.entityId);
  if (user) q.user = user;
  if (v.entity) q.entity = v.entity;
  if (entityId) q.entityId = entityId;
  if (v.action) q.action = v.action;
  const [from, to] = v.range ?? [];
  if (from) q.from = from.format('YYYY-MM-DD');
  if (to) q.to = to.format('YYYY-MM-DD');
  return q;
}

/** 审计日志 (安全审计员): search the append-only log and verify its SM3 hash chain */
export function AuditPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<SearchValues>();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportingLog, setExportingLog] = useState(false);
  const [verified, setVerified] = useState<{ result: VerifyResult; at: string } | null>(null);
  const orgNames = useMemo(() => new Map((me?.orgs ?? []).map((o) => [o.code, o.name])), [me?.orgs]);

  const vocabulary = useQuery({ queryKey: ['audit', 'vocabulary'], queryFn: ({ signal }) => api.get<AuditVocabulary>('/api/audit/vocabulary', undefined, signal), staleTime: Infinity });
  const log = useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...query }, signal),
    placeholderData: keepPreviousData,
  });

  const search = (v: SearchValues): void => setQuery(toQuery(v, query.pageSize));
  const reset = (): void => {
    form.resetFields();
    setQuery({ page: 1, pageSize: query.pageSize });
  };

  // with a file the auditor exported earlier, entries deleted since are found even if the server's own anchors are gone
  const verify = async (anchors?: File): Promise<void> => {
    setVerifying(true);
    try {
      const result = anchors ? await api.upload<VerifyResult>('/api/audit/verify/anchors', anchors) : await api.post<VerifyResult>('/api/audit/verify');
      setVerified({ result, at: new Date().toISOString() });
      if (result.ok) void message.success(`审计日志完整，已核验 ${result.checked} 条记录、${result.checkpoints} 个检查点`);
      else void message.error('审计日志核验未通过，日志可能被篡改或截断');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setVerifying(false);
    }
  };

  // the auditor keeps this file offline: `fazhi audit verify --anchors FILE` checks the log against it later
  const exportCheckpoints = async (): Promise<void> => {
    setExporting(true);
    try {
      const lines = await api.post<string>('/api/audit/checkpoints/export');
      downloadText(`audit-checkpoints-${new Date().toISOString().slice(0, 10)}.jsonl`, lines, 'application/x-ndjson;charset=utf-8');
      void message.success('已记录当前链头并导出全部检查点，请离线妥善保存');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const entityName = (e: string): string => auditLabels.entities[e] ?? vocabulary.data?.ledgers[e]?.label ?? e;

  // the entries the current search finds, as the table reads them (Chinese names, changes as text), for the auditor's files
  const exportEntries = async (): Promise<void> => {
    setExportingLog(true);
    try {
      const entries: AuditEntry[] = [];
      let total = 0;
      for (let page = 1; entries.length < EXPORT_LIMIT; page++) {
        const res = await api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...query, page, pageSize: 200 });
        total = res.total;
        entries.push(...res.items);
        if (res.items.length < 200) break;
      }
      const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const ledgers = vocabulary.data?.ledgers ?? {};
      const lines = entries.slice(0, EXPORT_LIMIT).map((r) => {
        const ledger = ledgers[r.entity];
        const changes = diffRows(r.diff, { field: (k) => ledger?.fields[k] ?? auditLabels.fields[k], state: (v) => ledger?.states[v], value: (_k, v) => String(v) })
          .map((d) => `${d.label}：${d.from === undefined ? d.to : `${d.from} → ${d.to}`}`)
          .join('；');
        return [formatDateTime(r.at), r.actor, auditLabels.actions[r.action] ?? r.action, entityName(r.entity), r.entityId, r.orgCode ? (orgNames.get(r.orgCode) ?? r.orgCode) : '', r.ip, changes, r.hash].map(cell).join(',');
      });
      downloadText(`审计日志-${new Date().toISOString().slice(0, 10)}.csv`, [['时间', '操作人', '操作', '对象', '对象标识', '单位', 'IP 地址', '变更内容', '哈希'].join(','), ...lines].join('\r\n'));
      if (total > EXPORT_LIMIT) void message.warning(`共 ${total} 条，已导出最近的 ${EXPORT_LIMIT} 条；请缩小日期范围后分批导出`);
      else void message.success(`已导出 ${lines.length} 条`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExportingLog(false);
    }
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    { title: '操作人', dataIndex: 'actor' },
    {
      title: '操作',
      dataIndex: 'action',
      render: (a: string) => <Tag color={ALERT_ACTIONS.has(a) ? 'red' : 'default'}>{auditLabels.actions[a] ?? a}</Tag>,
    },
    { title: '对象', dataIndex: 'entity', render: (e: string) => entityName(e) },
    { title: '对象标识', dataIndex: 'entityId' },
    { title: '单位', dataIndex: 'orgCode', render: (c: string | null) => (c ? (orgNames.get(c) ?? c) : '—') },
    { title: 'IP 地址', dataIndex: 'ip' },
    {
      title: '哈希',
      dataIndex: 'hash',
      render: (h: string) => (
        <Tooltip title={<span className="fz-mono" style={{ wordBreak: 'break-all' }}>{h}</span>}>
          <span className="fz-mono" style={{ color: 'rgba(0,0,0,0.45)' }}>
            {h.slice(0, 12)}…
          </span>
        </Tooltip>
      ),
    },
  ];

  const entityOptions = [...Object.entries(auditLabels.entities), ...Object.entries(vocabulary.data?.ledgers ?? {}).map(([k, l]) => [k, l.label] as const)].filter(([k], i, all) => all.findIndex(([x]) => x === k) === i).map(([value, label]) => ({ value, label }));
  const actionOptions = Object.entries(auditLabels.actions).map(([value, label]) => ({ value, label }));

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统中的登录、账号、权限和业务变更均记入审计日志。日志按带密钥的 SM3 校验码（HMAC-SM3）串联，链头定期签名记入检查点并另存于数据库之外；任何篡改、重算、删除或截断都能被核验发现。请定期导出检查点并离线保存。"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} loading={exportingLog} onClick={() => void exportEntries()}>
              导出日志
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCheckpoints()}>
              导出检查点
            </Button>
            <Upload accept=".jsonl,.txt" showUploadList={false} beforeUpload={(f) => (void verify(f), false)}>
              <Button icon={<FileProtectOutlined />} loading={verifying}>
                对照导出的检查点核验
              </Button>
            </Upload>
            <Button type="primary" icon={<SafetyOutlined />} loading={verifying} onClick={() => void verify()}>
              核验哈希链
            </Button>
          </Space>
        }
      />
      {verified ? (
        <Alert
          type={verified.result.ok ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            verified.result.ok
              ? `哈希链完整：已核验全部 ${verified.result.checked} 条记录，${verified.result.checkpoints} 个检查点均吻合，未发现篡改或截断。`
              : `审计日志核验未通过：${verified.result.problem ?? '原因不明'}。请立即报告安全保密管理员并保全现场。`
          }
          description={`已核验 ${verified.result.checked} 条、${verified.result.checkpoints} 个检查点；核验时间：${formatDateTime(verified.at)}`}
          closable={{ onClose: () => setVerified(null) }}
          data-testid="verify-result"
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form<SearchValues> form={form} layout="vertical" onFinish={search} role="search" aria-label="查询审计日志">
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="user" label="操作人">
                <Input allowClear placeholder="用户名，如 sysadmin" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="entity" label="对象">
                <Select allowClear placeholder="全部对象" options={entityOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="entityId" label="对象标识">
                <Input allowClear placeholder="如 用户编号、单位代码" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="action" label="操作">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部操作" options={actionOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="range" label="日期">
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={16} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    查询
                  </Button>
                  <Button onClick={reset}>重置</Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {log.isError ? (
          <LoadFailed error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <DataTable<AuditEntry>
            rowKey="id"
            loading={log.isFetching}
            columns={columns}
            dataSource={log.data?.items ?? []}
            expandable={{
              expandedRowRender: (r) => <AuditDiff diff={r.diff} entity={r.entity} orgNames={orgNames} vocabulary={vocabulary.data} />,
              rowExpandable: (r) => hasDiff(r.diff),
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: log.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
    </>
  );
}
