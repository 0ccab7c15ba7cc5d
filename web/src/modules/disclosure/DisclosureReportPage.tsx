import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined, GlobalOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Dropdown, Flex, Input, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText, isApiError } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';
import { YearOrgPicker } from '../../platform/YearOrgPicker.tsx';
import { EXPORT_FORMATS, exportUrl, STATUS_LABEL, type IdentityCheck, type ReportView } from './disclosure-api.ts';
import { OfficialTable } from './OfficialTable.tsx';
import './disclosure.css';

const STATUS_COLOR = { draft: 'default', final: 'blue', published: 'green' } as const;

/** 政府信息公开工作年度报告: choose the unit and year; the report is built from the records */
export function DisclosureReportPage() {
  const { data: me } = useMe();
  const [params, set] = useSearchParam();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const org = params.get('org') ?? me?.currentOrg?.code ?? me?.orgs[0]?.code ?? '';
  return (
    <>
      <PageHeader
        title="政府信息公开工作年度报告"
        description="按国办公开办函〔2021〕30号格式，表格数字取自台账，点击数字可查看对应记录；黄色格为手工填报项。"
        extra={<YearOrgPicker year={year} org={org} onChange={set} orgMinWidth={180} />}
      />
      {me && org ? <Workspace key={`${org}-${year}`} org={org} year={year} /> : <Skeleton active paragraph={{ rows: 12 }} />}
    </>
  );
}

const toText = (paragraphs: string[]): string => paragraphs.join('\n');
const toParagraphs = (text: string): string[] =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

function Workspace({ org, year }: { org: string; year: number }) {
  const { data: me } = useMe();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['disclosure', 'report', org, year] as const;
  const view = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<ReportView>('/api/disclosure/report', { org, year }, signal) });
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [manual, setManual] = useState<Record<string, number | null>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const report = view.data?.report;
  const status = view.data?.draft?.status ?? 'draft';
  const editable = status === 'draft' && hasPermission(me, 'disclosure.report.edit');
  const original = useMemo(() => Object.fromEntries((report?.sections ?? []).filter((s) => s.editable).map((s) => [s.key, toText(s.paragraphs)])), [report]);
  const dirty = Object.entries(narrative).some(([k, v]) => v !== original[k]) || Object.keys(manual).length > 0;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const wrong = useMemo(() => new Set((report?.checks ?? []).filter((c) => !c.ok && c.cell).map((c) => `${c.cell?.row ?? ''}:${c.cell?.col ?? 0}`)), [report]);

  if (view.isError) return <LoadFailed error={view.error} onRetry={() => void view.refetch()} />;
  if (!report || !view.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  const failed = report.checks.filter((c) => !c.ok);

  const save = async (): Promise<boolean> => {
    setBusy('save');
    try {
      const body = {
        org,
        year,
        narrative: Object.fromEntries(Object.entries(narrative).map(([k, v]) => [k, toParagraphs(v)])),
        manual,
        ...(view.data?.draft ? { version: view.data.draft.version } : {}),
      };
      const fresh = await api.put<ReportView>('/api/disclosure/report', body);
      queryClient.setQueryData(key, fresh);
      setNarrative({});
      setManual({});
      void message.success('报告已保存');
      return true;
    } catch (e) {
      // the text typed stays on the page; only the reason is shown
      if (isApiError(e) && e.status === 409) void message.warning(`${e.detail}。您的修改仍保留在页面上，可先复制保存。`);
      else void message.error(`保存失败：${errorText(e)}（您的修改仍保留在页面上）`);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const act = async (what: 'finalise' | 'publish'): Promise<void> => {
    if (what === 'finalise' && dirty && !(await save())) return;
    setBusy(what);
    try {
      const fresh = await api.post<ReportView>(`/api/disclosure/report/${what}`, { org, year });
      queryClient.setQueryData(key, fresh);
      void message.success(what === 'finalise' ? '报告已定稿' : '报告已在公开网站发布');
    } catch (e) {
      if (isApiError(e) && e.code === 'gate_refused') modal.error({ title: what === 'finalise' ? '报告暂不能定稿' : '报告暂不能发布', content: <div style={{ whiteSpace: 'pre-wrap' }}>{e.detail.replace(/：/, '：\n').replaceAll('；', '；\n')}</div>, okText: '知道了' });
      else void message.error(errorText(e));
      await view.refetch();
    } finally {
      setBusy(null);
    }
  };

  const jump = (c: IdentityCheck): void => {
    if (!c.cell) return;
    const table = report.sections.find((s) => s.table?.rows.some((r) => r.key === c.cell?.row))?.table?.key ?? (c.id.startsWith('table4') ? 'table4' : 'table3');
    const id = `fz-cell-${table}-${c.cell.row}-${c.cell.col}`;
    document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'center', inline: 'center' });
    setFlash(id);
    setTimeout(() => setFlash(null), 1700);
  };

  const download = (format: (typeof EXPORT_FORMATS)[number]['key']): void => {
    setBusy(`export-${format}`);
    downloadFile(exportUrl(org, year, format), `${report.title}.${format}`)
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setBusy(null));
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={6}>
          <Tag color={STATUS_COLOR[status]} data-testid="disclosure-status">
            {STATUS_LABEL[status]}
          </Tag>
          <Typography.Text type="secondary">{view.data.draft ? `第 ${view.data.draft.version} 稿` : '尚未保存过，表格数字随台账实时更新'}</Typography.Text>
          {failed.length ? <Tag color="red">勾稽关系 {failed.length} 项不符</Tag> : <Tag color="green">勾稽关系全部相符</Tag>}
          {dirty ? <Tag color="orange">有未保存的修改</Tag> : null}
        </Space>
        <Space wrap>
          {editable ? (
            <Button icon={<SaveOutlined />} type={dirty ? 'primary' : 'default'} disabled={!dirty} loading={busy === 'save'} onClick={() => void save()}>
              保存
            </Button>
          ) : null}
          {status === 'draft' && hasPermission(me, 'disclosure.report.finalise') ? (
            <Button icon={<LockOutlined />} loading={busy === 'finalise'} onClick={() => modal.confirm({ title: `${year}年度报告定稿？`, content: '定稿后表格数字和文字将被冻结，不能再修改；表格勾稽关系不符时不能定稿。', okText: '确认定稿', cancelText: '取消', onOk: () => act('finalise') })}>
              定稿
            </Button>
          ) : null}
          {status === 'final' && hasPermission(me, 'disclosure.report.publish') ? (
            <Button icon={<GlobalOutlined />} type="primary" loading={busy === 'publish'} onClick={() => modal.confirm({ title: '在公开网站发布本报告？', content: '发布后公众无需登录即可查看和下载。', okText: '确认发布', cancelText: '取消', onOk: () => act('publish') })}>
              公开发布
            </Button>
          ) : null}
          <Dropdown menu={{ items: EXPORT_FORMATS.map((f) => ({ key: f.key, label: f.label })), onClick: ({ key: k }) => download(k as (typeof EXPORT_FORMATS)[number]['key']) }}>
            <Button icon={<DownloadOutlined />} loading={busy?.startsWith('export') ?? false}>
              下载
            </Button>
          </Dropdown>
        </Space>
      </Flex>
      {status !== 'draft' ? <Alert type={status === 'published' ? 'success' : 'info'} showIcon title={status === 'published' ? '报告已在公开网站发布，内容不可修改' : '报告已定稿，内容已冻结'} description={status === 'final' ? '单位负责人可将其在公开网站发布。' : undefined} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <div className="fz-disclosure-paper" data-testid="disclosure-document">
            <h1>{report.title}</h1>
            <p className="fz-para">本报告依据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求编制，数据统计期限为{year}年1月1日至{year}年12月31日。</p>
            {report.sections.map((s) => (
              <section key={s.key} data-testid={`section-${s.key}`}>
                <h2>{s.title}</h2>
                {s.editable && editable ? (
                  <Input.TextArea
                    aria-label={`${s.title}（每段一行）`}
                    autoSize={{ minRows: 3, maxRows: 18 }}
                    value={narrative[s.key] ?? original[s.key] ?? ''}
                    onChange={(e) => setNarrative((n) => ({ ...n, [s.key]: e.target.value }))}
                    maxLength={20000}
                  />
                ) : (
                  s.paragraphs.map((p, i) => (
                    <p key={i} className="fz-para">
                      {p}
                    </p>
                  ))
                )}
                {s.table ? (
                  <OfficialTable table={s.table} links manual={editable ? manual : undefined} onManual={editable ? (k, v) => setManual((m) => ({ ...m, [k]: v })) : undefined} wrong={wrong} />
                ) : null}
              </section>
            ))}
            {flash ? <style>{`#${flash} { animation: fz-flash 1.6s ease-out 1; }`}</style> : null}
            <div className="fz-legend">
              <span className="records">取自本模块台账（点击查看记录）</span>
              <span className="indicator">取自其他模块台账指标</span>
              <span className="manual">手工填报（本平台无对应台账）</span>
            </div>
          </div>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={failed.length ? <Typography.Text type="danger">勾稽关系：{failed.length} 项不符</Typography.Text> : '勾稽关系：全部相符'} data-testid="disclosure-checks" style={{ position: 'sticky', top: 16 }}>
            {failed.length ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title="以下表格数据不符合勾稽关系，报告不能定稿；点击定位到出错的单元格。" /> : <Alert type="success" showIcon style={{ marginBottom: 8 }} title={`表三、表四的 ${report.checks.length} 项勾稽关系全部相符`} />}
            <List
              size="small"
              dataSource={[...failed, ...report.checks.filter((c) => c.ok)]}
              pagination={failed.length ? false : { pageSize: 6, size: 'small', simple: true }}
              renderItem={(c) => (
                <List.Item style={{ cursor: c.cell && !c.ok ? 'pointer' : undefined, paddingInline: 0 }} onClick={() => !c.ok && jump(c)}>
                  <Space align="start" size={6}>
                    {c.ok ? <CheckCircleOutlined style={{ color: '#52c41a', marginTop: 4 }} /> : <CloseCircleOutlined style={{ color: '#cf1322', marginTop: 4 }} />}
                    <Typography.Text type={c.ok ? 'secondary' : 'danger'} style={{ fontSize: 13 }}>
                      {c.message}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
