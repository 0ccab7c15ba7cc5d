import { DownloadOutlined, EyeOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Dropdown, Flex, Modal, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText, isApiError } from '../../platform/api.ts';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { hasPermission, useMe } from '../../platform/session.ts';
import { exportUrl, reportKeys, usedFields, type ReportContent, type ReportDraft } from './report-api.ts';
import { ReportEditor } from './ReportEditor.tsx';
import { ChecksPanel, EXPORT_FORMATS, StatusTag, VersionsPanel } from './ReportPanels.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';
import './report.css';

// the export is sent as an attachment, so the preview loads its text and shows it in a sandboxed frame
function PrintPreview({ id }: { id: number }) {
  const html = useQuery({ queryKey: ['reports', 'preview', id], queryFn: ({ signal }) => api.get<string>(exportUrl(id, 'html'), undefined, signal), staleTime: 0 });
  if (html.isError) return <LoadFailed error={html.error} onRetry={() => void html.refetch()} />;
  if (!html.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <iframe title="打印预览" className="fz-print-frame" sandbox="allow-same-origin allow-modals" srcDoc={html.data} />;
}

interface LocalCopy {
  baseVersion: number;
  content: ReportContent;
  savedAt: string;
}

const localKey = (id: number): string => `fz.report.${id}`;

function readLocal(id: number): LocalCopy | null {
  try {
    const raw = localStorage.getItem(localKey(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

const same = (a: ReportContent, b: ReportContent): boolean => JSON.stringify(a) === JSON.stringify(b);

/** one annual report: the document editor, its checks and its versions */
export function ReportWorkspace({ id, forceReadOnly = false }: { id: number; forceReadOnly?: boolean }) {
  const { data: me } = useMe();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const draft = useQuery({ queryKey: reportKeys.draft(id), queryFn: ({ signal }) => api.get<ReportDraft>(`/api/reports/annual/${id}`, undefined, signal) });
  const [content, setContent] = useState<ReportContent | null>(null);
  const [baseVersion, setBaseVersion] = useState<number>(0);
  const [active, setActive] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const [preview, setPreview] = useState(false);

  // take the server's text once, or a newer unsaved copy kept in this browser
  useEffect(() => {
    const d = draft.data;
    if (!d || content) return;
    const local = readLocal(id);
    if (local && !same(local.content, d.content) && d.status !== 'submitted' && d.status !== 'published') {
      setContent(local.content);
      setBaseVersion(local.baseVersion);
      if (local.baseVersion !== d.version) setStale(true);
      void message.info(`已恢复本浏览器中 ${formatDateTime(local.savedAt)} 未保存的修改`);
    } else {
      setContent(d.content);
      setBaseVersion(d.version);
    }
  }, [draft.data, content, id, message]);

  const dirty = !!content && !!draft.data && !same(content, draft.data.content);

  // autosave to this browser so nothing typed is lost
  useEffect(() => {
    if (!content || !dirty) return;
    const t = setTimeout(() => localStorage.setItem(localKey(id), JSON.stringify({ baseVersion, content, savedAt: new Date().toISOString() } satisfies LocalCopy)), 600);
    return () => clearTimeout(t);
  }, [content, dirty, baseVersion, id]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: reportKeys.draft(id), queryFn: () => api.get<ReportDraft>(`/api/reports/annual/${id}`), staleTime: 0 });
    return fresh;
  }, [queryClient, id]);

  const valueMap = useMemo(() => new Map((draft.data?.values ?? []).map((v) => [v.id, v])), [draft.data]);
  const used = useMemo(() => (content ? usedFields(content) : new Set<string>()), [content]);

  if (draft.isError) return <LoadFailed error={draft.error} onRetry={() => void draft.refetch()} />;
  if (!draft.data || !content) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = draft.data;
  const locked = d.status === 'submitted' || d.status === 'published';
  const readOnly = forceReadOnly || locked || !hasPermission(me, 'report.edit');
  const canSubmit = !forceReadOnly && hasPermission(me, 'report.submit') && (d.status === 'drafting' || d.status === 'returned');

  const save = async (): Promise<boolean> => {
    setSaving(true);
    try {
      await api.put(`/api/reports/annual/${id}`, { content, version: baseVersion });
      localStorage.removeItem(localKey(id));
      const fresh = await reload();
      setContent(fresh.content);
      setBaseVersion(fresh.version);
      setStale(false);
      void message.success('报告已保存');
      return true;
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        setStale(true);
        void message.warning('报告已被他人修改，您的修改仍保留在页面上，请先处理冲突');
      } else void message.error(errorText(e));
      return false;
    } finally {
      setSaving(false);
    }
  };

  // keep my edits, take the server's version number, so the next save overwrites theirs on purpose
  const keepMine = async (): Promise<void> => {
    const fresh = await reload();
    setBaseVersion(fresh.version);
    setStale(false);
    void message.info('已载入最新版本号，再次保存将以您的修改为准');
  };
  const takeTheirs = async (): Promise<void> => {
    const fresh = await reload();
    setContent(fresh.content);
    setBaseVersion(fresh.version);
    setStale(false);
    localStorage.removeItem(localKey(id));
  };

  const submit = (): void => {
    modal.confirm({
      title: `提交${d.year}年度报告？`,
      content: '提交后文本、数字及其来源记录将被冻结，报告变为只读，等待上级审核、保密审查和公开发布。',
      okText: '确认提交',
      cancelText: '取消',
      onOk: async () => {
        if (dirty && !(await save())) return;
        try {
          const fresh = await reload();
          await api.post(`/api/reports/annual/${id}/submit`, { version: fresh.version });
          const after = await reload();
          setContent(after.content);
          setBaseVersion(after.version);
          void message.success('报告已提交');
        } catch (e) {
          if (isApiError(e) && e.code === 'gate_refused') {
            modal.error({ title: '报告暂不能提交', content: <div style={{ whiteSpace: 'pre-wrap' }}>{e.detail}</div>, okText: '知道了' });
          } else void message.error(errorText(e));
        }
      },
    });
  };

  const jump = (key: string): void => {
    if (!readOnly) setActive(key);
    document.getElementById(`fz-block-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={6}>
          <StatusTag status={d.status} />
          <Typography.Text type="secondary">
            第 {d.version} 稿 · {d.updatedBy ?? '—'} 于 {formatDateTime(d.updatedAt)} 修改 · 报送截止 {d.dueDate}
          </Typography.Text>
          {dirty ? <Tag color="orange">有未保存的修改（已暂存在本浏览器）</Tag> : null}
        </Space>
        <Space wrap>
          {!readOnly ? (
            <Button icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()} type={dirty ? 'primary' : 'default'}>
              保存
            </Button>
          ) : null}
          {canSubmit ? (
            <Button icon={<SendOutlined />} type="primary" onClick={submit}>
              提交
            </Button>
          ) : null}
          <Button icon={<EyeOutlined />} onClick={() => setPreview(true)}>
            打印预览
          </Button>
          <Dropdown menu={{ items: EXPORT_FORMATS.map((f) => ({ key: f.key, label: <a href={exportUrl(id, f.key)} download>{f.label}</a> })) }}>
            <Button icon={<DownloadOutlined />}>导出</Button>
          </Dropdown>
        </Space>
      </Flex>
      {locked ? (
        <Alert
          type={d.status === 'published' ? 'success' : 'info'}
          showIcon
          title={d.status === 'published' ? '报告已公开发布，文本不可修改' : '报告已提交，等待上级审核和保密审查，文本不可修改'}
          description={d.status === 'published' ? '如需更正，请由单位负责人在“提交与发布记录”中发起更正，形成新版本。' : '如需修改，请联系上级退回。'}
        />
      ) : null}
      {d.status === 'returned' ? <Alert type="warning" showIcon title="报告已被退回，请根据退回原因修改后重新提交" description={d.versions.find((v) => v.returnReason)?.returnReason} /> : null}
      {forceReadOnly && !locked ? <Alert type="info" showIcon title="只读查看：下级单位仍在起草中的报告" /> : null}
      {stale ? (
        <Alert
          type="warning"
          showIcon
          title="报告已被他人修改并保存"
          description="您的修改仍保留在页面上，尚未保存。可以以您的修改为准覆盖保存，或放弃您的修改、载入最新内容。"
          action={
            <Flex vertical gap={6}>
              <Button size="small" type="primary" onClick={() => void keepMine()}>
                以我的修改为准
              </Button>
              <Button size="small" danger onClick={() => void takeTheirs()}>
                载入最新内容
              </Button>
            </Flex>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <div className="fz-report-paper" data-testid="report-document">
            <ReportEditor content={content} onChange={setContent} values={d.values} valueMap={valueMap} readOnly={readOnly} active={active} onActivate={setActive} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            <ChecksPanel checks={d.checks} content={content} values={d.values} used={used} onJump={jump} />
            {d.units ? <UnitsPanel units={d.units} content={content} onChange={setContent} readOnly={readOnly} /> : null}
            <VersionsPanel
              draft={d}
              onChanged={async () => {
                const fresh = await reload();
                if (!dirty) {
                  setContent(fresh.content);
                  setBaseVersion(fresh.version);
                }
              }}
            />
          </Flex>
        </Col>
      </Row>
      <Modal open={preview} title="打印预览" width={960} onCancel={() => setPreview(false)} footer={<Button onClick={() => setPreview(false)}>关闭</Button>} destroyOnHidden>
        {dirty ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="预览显示的是最近一次保存的内容，未保存的修改不在其中" /> : null}
        <PrintPreview id={id} />
      </Modal>
    </Flex>
  );
}
