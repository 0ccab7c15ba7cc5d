import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, WarningFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Empty, Flex, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { hasPermission, useMe } from '../../platform/session.ts';
import { formatNumber, handTypedNumbers, yearOnYearNotes } from './live-text.ts';
import { ledgerOfLink, reportKeys, STATUS_LABELS, versionExportUrl, type IndicatorValue, type ReportCheck, type ReportContent, type ReportDraft, type ReportVersion, type VersionDiff } from './report-api.ts';

export const EXPORT_FORMATS = [
  { key: 'docx', label: 'Word 文档（.docx）' },
  { key: 'pdf', label: 'PDF 文件' },
  { key: 'html', label: '网页（.html）' },
  { key: 'json', label: '数据（.json）' },
];

export function StatusTag({ status, label }: { status: string; label?: string }) {
  const s = STATUS_LABELS[status];
  return <Tag color={s?.color ?? 'default'}>{label ?? s?.label ?? status}</Tag>;
}

interface CheckRow {
  key: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  target?: string;
}

/** server checks plus what the editor sees itself: numbers typed by hand, large changes from last year */
export function ChecksPanel({ checks, content, values, used, onJump }: { checks: ReportCheck[]; content: ReportContent; values: IndicatorValue[]; used: ReadonlySet<string>; onJump: (blockKey: string) => void }) {
  const rows: CheckRow[] = [];
  const sectionIndex = new Map(content.sections.map((s, i) => [s.key, i]));
  for (const c of checks.filter((c) => !c.ok)) {
    const si = c.at ? sectionIndex.get(c.at.section) : undefined;
    rows.push({ key: c.id, severity: c.severity, message: c.message, ...(c.at && si !== undefined ? { target: `s${si}-${c.at.item}` } : {}) });
  }
  content.preamble.forEach((t, i) => {
    const typed = handTypedNumbers(t);
    if (typed.length) rows.push({ key: `hand-p${i}`, severity: 'warning', message: `导语中有手工录入的数字：${typed.join('、')}，无法追溯到台账记录`, target: `p${i}` });
  });
  content.sections.forEach((s, si) =>
    s.items.forEach((it, ii) => {
      const typed = it.type === 'para' ? handTypedNumbers(it.text) : [];
      if (typed.length) rows.push({ key: `hand-${si}-${ii}`, severity: 'warning', message: `手工录入的数字：${typed.join('、')}（建议改为插入实时数据）`, target: `s${si}-${ii}` });
    }),
  );
  for (const n of yearOnYearNotes(values, used)) rows.push({ key: `yoy-${n.id}`, severity: 'info', message: n.message });
  const passed = checks.filter((c) => c.ok).length;
  const errors = rows.filter((r) => r.severity === 'error').length;
  const warnings = rows.filter((r) => r.severity === 'warning').length;
  const icon = (s: CheckRow['severity']) =>
    s === 'error' ? <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} /> : s === 'warning' ? <WarningFilled style={{ color: '#d46b08', marginTop: 4 }} /> : <WarningFilled style={{ color: '#1d4ed8', marginTop: 4 }} />;
  return (
    <Card
      size="small"
      title="检查结果"
      extra={
        <Space size={4}>
          {errors ? <Tag color="red">{errors} 个错误</Tag> : null}
          {warnings ? <Tag color="orange">{warnings} 个提醒</Tag> : null}
          <Tag color="green">{passed} 项通过</Tag>
        </Space>
      }
      data-testid="report-checks"
    >
      {rows.length === 0 ? (
        <Flex gap={8} align="center">
          <CheckCircleFilled style={{ color: '#389e0d' }} /> 全部检查通过
        </Flex>
      ) : (
        <div style={{ maxHeight: 360, overflowY: 'auto' }}>
          {rows.map((r) => (
            <div key={r.key} className={`fz-check-item${r.target ? ' fz-clickable' : ''}`} onClick={() => r.target && onJump(r.target)}>
              {icon(r.severity)}
              <span>{r.message}</span>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** a per-version export menu */
function VersionExport({ v }: { v: ReportVersion }) {
  return (
    <Dropdown menu={{ items: EXPORT_FORMATS.map((f) => ({ key: f.key, label: <a href={versionExportUrl(v.id, f.key)} download>{f.label}</a> })) }}>
      <Button size="small" icon={<DownloadOutlined />}>
        导出
      </Button>
    </Dropdown>
  );
}

/** ledger changes since a version was submitted */
function DiffModal({ version, values, onClose }: { version: ReportVersion; values: IndicatorValue[]; onClose: () => void }) {
  const diff = useQuery({ queryKey: reportKeys.diff(version.id), queryFn: ({ signal }) => api.get<VersionDiff>(`/api/reports/annual/versions/${version.id}/diff`, undefined, signal) });
  const ledgerOf = new Map(values.map((v) => [v.id, ledgerOfLink(v.link)]));
  const ids = (id: string, list: number[]) => {
    const ledger = ledgerOf.get(id);
    if (!list.length) return '—';
    return (
      <Flex gap={4} wrap>
        {list.slice(0, 30).map((n) =>
          ledger ? (
            <a key={n} href={`/ledgers/${ledger}/${n}`} target="_blank" rel="noreferrer">
              #{n}
            </a>
          ) : (
            <span key={n}>#{n}</span>
          ),
        )}
        {list.length > 30 ? <span>等 {list.length} 条</span> : null}
      </Flex>
    );
  };
  type Row = VersionDiff['indicators'][number];
  const columns: ColumnsType<Row> = [
    { title: '数据项', dataIndex: 'label', width: 220 },
    { title: '提交时', key: 'frozen', render: (_, r) => `${formatNumber(r.frozen)}${r.unit}` },
    { title: '当前', key: 'current', render: (_, r) => <Typography.Text strong={r.current !== r.frozen}>{`${formatNumber(r.current)}${r.unit}`}</Typography.Text> },
    { title: '新增记录', key: 'added', render: (_, r) => ids(r.id, r.added) },
    { title: '移出记录', key: 'removed', render: (_, r) => ids(r.id, r.removed) },
  ];
  const changed = diff.data?.indicators ?? [];
  return (
    <Modal open title={`与第 ${version.versionNo} 版提交时对比`} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={900}>
      {diff.isError ? (
        <Typography.Text type="danger">{errorText(diff.error)}</Typography.Text>
      ) : (
        <DataTable<Row> rowKey="id" loading={diff.isLoading} columns={columns} dataSource={changed} pagination={false} size="small" locale={{ emptyText: <Empty description="提交以来台账数据没有变化" /> }} />
      )}
    </Modal>
  );
}

type VersionAction = { kind: 'diff' | 'secrecy' | 'publish'; version: ReportVersion } | null;

/** versions submitted so far, and what the user may do with each */
export function VersionsPanel({ draft, onChanged }: { draft: ReportDraft; onChanged: () => Promise<unknown> }) {
  const { data: me } = useMe();
  const { message, modal } = App.useApp();
  const [action, setAction] = useState<VersionAction>(null);
  const [form] = Form.useForm<{ passed: boolean; opinion: string; correctionNote: string }>();
  const [busy, setBusy] = useState(false);
  const canSecrecy = hasPermission(me, 'report.secrecy');
  const canPublish = hasPermission(me, 'report.publish');
  const canCorrect = hasPermission(me, 'report.submit');

  const run = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await fn();
      void message.success(done);
      await onChanged();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitModal = async (): Promise<void> => {
    if (!action) return;
    const v = await form.validateFields();
    const ok =
      action.kind === 'secrecy'
        ? await run(() => api.post(`/api/reports/annual/versions/${action.version.id}/secrecy`, { passed: v.passed, opinion: v.opinion }), v.passed ? '保密审查已通过' : '保密审查未通过，报告已退回')
        : await run(() => api.post(`/api/reports/annual/versions/${action.version.id}/publish`, { correctionNote: v.correctionNote?.trim() || null }), '报告已向社会公开发布');
    if (ok) setAction(null);
  };

  const correction = (): void => {
    modal.confirm({
      title: '发起更正？',
      content: '已发布的报告不会被修改；更正后的文本须重新提交、保密审查并发布为新版本，公开网站上的旧版本会标注“已被更正”。',
      okText: '发起更正',
      cancelText: '取消',
      onOk: () => run(() => api.post(`/api/reports/annual/${draft.id}/correction`), '已发起更正，报告恢复为起草状态'),
    });
  };

  const versions = [...draft.versions].sort((a, b) => b.versionNo - a.versionNo);
  return (
    <Card size="small" title="提交与发布记录" extra={draft.status === 'published' && canCorrect ? <Button size="small" onClick={correction}>发起更正</Button> : null} data-testid="report-versions">
      {versions.length === 0 ? (
        <Typography.Text type="secondary">尚未提交。报送截止日期：{draft.dueDate}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {versions.map((v) => {
            const secrecyPassed = (v.secrecyOpinion ?? '').startsWith('通过');
            return (
              <div key={v.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>第 {v.versionNo} 版</Typography.Text>
                  <StatusTag status={v.status} />
                  {v.late ? <Tag color="gold">逾期提交</Tag> : null}
                  {v.secrecyOpinion ? <Tag color={secrecyPassed ? 'cyan' : 'red'}>{secrecyPassed ? '保密审查通过' : '保密审查未通过'}</Tag> : v.status === 'submitted' ? <Tag>待保密审查</Tag> : null}
                </Flex>
                <div style={{ fontSize: 12, color: '#595959', margin: '4px 0' }}>
                  {v.submittedBy ?? '—'} 于 {formatDateTime(v.submittedAt)} 提交
                  {v.publishedAt ? `；${formatDateTime(v.publishedAt)} 发布` : ''}
                  {v.secrecyOpinion ? <div>保密审查意见：{v.secrecyOpinion}</div> : null}
                  {v.returnReason ? <div style={{ color: '#d46b08' }}>退回原因：{v.returnReason}</div> : null}
                </div>
                <Flex gap={6} wrap>
                  <VersionExport v={v} />
                  <Button size="small" onClick={() => setAction({ kind: 'diff', version: v })}>
                    与提交时对比
                  </Button>
                  {canSecrecy && v.status === 'submitted' && !v.secrecyOpinion ? (
                    <Button size="small" type="primary" ghost onClick={() => (form.setFieldsValue({ passed: true, opinion: '' }), setAction({ kind: 'secrecy', version: v }))}>
                      保密审查
                    </Button>
                  ) : null}
                  {canPublish && v.status === 'submitted' && secrecyPassed ? (
                    <Button size="small" type="primary" onClick={() => (form.setFieldsValue({ correctionNote: '' }), setAction({ kind: 'publish', version: v }))}>
                      公开发布
                    </Button>
                  ) : null}
                </Flex>
              </div>
            );
          })}
        </Flex>
      )}
      {action?.kind === 'diff' ? <DiffModal version={action.version} values={draft.values} onClose={() => setAction(null)} /> : null}
      <Modal
        open={action?.kind === 'secrecy' || action?.kind === 'publish'}
        title={action?.kind === 'secrecy' ? `保密审查（第 ${action.version.versionNo} 版）` : `公开发布（第 ${action?.version.versionNo ?? ''} 版）`}
        okText={action?.kind === 'secrecy' ? '提交审查结论' : '确认发布'}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submitModal()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {action?.kind === 'secrecy' ? (
            <>
              <Form.Item name="passed" label="审查结论" initialValue={true}>
                <Radio.Group>
                  <Radio value={true}>通过，可以公开</Radio>
                  <Radio value={false}>不通过，退回修改</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="opinion" label="审查意见" rules={[{ required: true, min: 2, message: '请填写审查意见' }]}>
                <Input.TextArea rows={3} placeholder="如：经审查，报告不涉及国家秘密、工作秘密和个人隐私，同意公开。" />
              </Form.Item>
            </>
          ) : (
            <>
              <Typography.Paragraph type="secondary">发布后报告在政务公开网站永久公开，文本不可再修改；如有错误须发起更正、发布新版本。</Typography.Paragraph>
              <Form.Item name="correctionNote" label="更正说明（更正版本填写）">
                <Input.TextArea rows={2} maxLength={500} placeholder="首次发布可不填" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
