import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import type { EvaluationSystem } from './evaluation-api.ts';

interface Checked {
  rows: number;
  problems: Array<{ row: number; column: string; message: string }>;
  system: EvaluationSystem | null;
}
interface Head {
  key: string;
  title: string;
  note: string;
}
type Stage = { step: 'pick' } | { step: 'checked'; file: File; head: Head; result: Checked };

const NEW = '__new__';

/** the form's fields first, then the file, as the server reads them */
function upload(mode: 'check' | 'publish', head: Head, file: File): Promise<Checked> {
  const form = new FormData();
  form.append('key', head.key);
  form.append('title', head.title);
  form.append('note', head.note);
  form.append('file', file);
  return request<Checked>('POST', '/api/evaluation/systems/import', { body: form, query: { mode } });
}

/**
 * 导入新版本: the county fills the template (or edits an exported version) with the full text of its indicator
 * system, checks it — every bad cell named by row and column, nothing written — and publishes it as the next version
 */
export function SystemImportModal({ systems, onClose, onPublished }: { systems: readonly EvaluationSystem[]; onClose: () => void; onPublished: (id: number) => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ which: string; key?: string; title: string; note?: string }>();
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keys = [...new Map(systems.map((s) => [s.key, s])).values()];
  const next = (key: string): number => Math.max(0, ...systems.filter((s) => s.key === key).map((s) => s.version)) + 1;

  const check = async (): Promise<void> => {
    const v = await form.validateFields();
    if (!file) return setError('请选择按模板填写的 .xlsx 文件');
    const head: Head = { key: v.which === NEW ? (v.key ?? '') : v.which, title: v.title, note: v.note ?? '' };
    setBusy(true);
    setError(null);
    try {
      setStage({ step: 'checked', file, head, result: await upload('check', head, file) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const publish = async (s: Extract<Stage, { step: 'checked' }>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await upload('publish', s.head, s.file);
      await queryClient.invalidateQueries({ queryKey: ['evaluation', 'systems'] });
      void message.success(`已发布“${r.system?.title ?? ''}”第${r.system?.version ?? ''}版`);
      if (r.system) onPublished(r.system.id);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const footer =
    stage.step === 'checked' ? (
      <>
        <Button onClick={() => setStage({ step: 'pick' })} disabled={busy}>
          返回修改
        </Button>
        <Button type="primary" disabled={!stage.result.system} loading={busy} onClick={() => void publish(stage)}>
          发布为第{next(stage.head.key)}版
        </Button>
      </>
    ) : (
      <>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={busy} onClick={() => void check()}>
          检查
        </Button>
      </>
    );

  return (
    <Modal open title="导入指标体系新版本" width={760} footer={footer} onCancel={onClose} mask={{ closable: false }} forceRender>
      <Steps size="small" current={stage.step === 'pick' ? 0 : 1} style={{ margin: '8px 0 20px' }} items={[{ title: '填写并选择文件' }, { title: '检查后发布' }]} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <div style={{ display: stage.step === 'pick' ? 'block' : 'none' }}>
        <Form form={form} layout="vertical" initialValues={{ which: keys[0]?.key ?? NEW, title: keys[0]?.title ?? '', note: '' }} onValuesChange={(changed: { which?: string }) => changed.which && changed.which !== NEW && form.setFieldValue('title', keys.find((k) => k.key === changed.which)?.title ?? '')}>
          <Form.Item name="which" label="发布为" rules={[{ required: true, message: '请选择' }]}>
            <Select options={[...keys.map((k) => ({ value: k.key, label: `${k.title}的第${next(k.key)}版` })), { value: NEW, label: '新的指标体系（第1版）' }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.which !== b.which}>
            {() =>
              form.getFieldValue('which') === NEW ? (
                <Form.Item name="key" label="指标体系标识" extra="小写字母开头的简短标识，如 bumen-kaohe；以后的新版本沿用" rules={[{ required: true, message: '请填写指标体系标识' }, { pattern: /^[a-z][a-z0-9-]{1,19}$/, message: '须为小写字母开头的简短标识（字母、数字、连字符）' }]}>
                  <Input placeholder="如：bumen-kaohe" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="title" label="指标体系名称" rules={[{ required: true, message: '请填写指标体系名称' }, { min: 4, message: '不能少于4个字' }, { max: 80, message: '不能超过80个字' }]}>
            <Input placeholder="如：市县法治政府建设示范指标体系（2024年版）" />
          </Form.Item>
          <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不能超过500个字' }]}>
            <Input.TextArea rows={2} placeholder="来源文件、适用范围、分值设定的依据" />
          </Form.Item>
        </Form>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setError(null);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? `已选择：${file.name}` : '点击或拖拽 .xlsx 文件到此处'}</p>
          <p className="ant-upload-hint">每行一项指标：指标编号、指标内容、分值；末级指标写明评分方式（自动计算的选平台指标和计分方式，人工评分的写评分标准）</p>
        </Upload.Dragger>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          可从空白模板开始，也可导出现有版本修改后导入。先检查、后发布；有任何问题都不会发布，已发布的版本不再修改。
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile('/api/evaluation/systems/template.xlsx', '考核指标体系导入模板.xlsx').catch((e: unknown) => setError(errorText(e)))}>
            下载空白模板
          </Button>
        </Typography.Paragraph>
      </div>
      {stage.step === 'checked' ? (
        stage.result.system ? (
          <>
            <Alert
              type="success"
              showIcon
              title={`检查通过：“${stage.file.name}”共 ${stage.result.rows} 项指标，其中末级指标 ${stage.result.system.items.filter((i) => i.rule).length} 项，满分 ${stage.result.system.total} 分。`}
              description={`确认后发布为“${stage.head.title}”第${next(stage.head.key)}版；进行中的考核仍使用原版本。`}
            />
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="code"
              dataSource={stage.result.system.items.filter((i) => !i.parent || !i.parent.includes('.'))}
              pagination={{ pageSize: 8, showTotal: (t) => `一、二级指标共 ${t} 项` }}
              columns={[
                { title: '编号', dataIndex: 'code', width: 80 },
                { title: '指标', dataIndex: 'label' },
                { title: '分值', dataIndex: 'points', width: 70, align: 'right' },
              ]}
            />
          </>
        ) : (
          <>
            <Alert type="error" showIcon title={`检查未通过：“${stage.file.name}”发现 ${stage.result.problems.length} 处问题`} description="请在电子表格中逐项修改后重新检查。未发布任何内容。" />
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              dataSource={stage.result.problems}
              pagination={stage.result.problems.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 处问题` } : false}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => (r ? `第 ${r} 行` : '—') },
                { title: '列', dataIndex: 'column', width: 110 },
                { title: '问题', dataIndex: 'message' },
              ]}
              data-testid="system-import-problems"
            />
          </>
        )
      ) : null}
    </Modal>
  );
}
