import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Result, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { downloadText } from '../../platform/download.ts';
import { adminKeys, type ImportReport } from './admin-api.ts';

const TEMPLATE = '代码,名称,类型,上级代码,排序\n999001001000-05,城关镇应急管理办公室,部门,999001001000,5\n999001004000,新河镇,乡镇,999001000000,40\n';

type Stage = { step: 'pick' } | { step: 'checked'; file: File; report: ImportReport } | { step: 'done'; report: ImportReport };

/** upload → dry-run report of every bad row and field → confirm; the server imports all rows or none */
export function OrgImportModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = async (file: File): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const report = await api.upload<ImportReport>('/api/orgs/import', file, { dryRun: 1 });
      setStage({ step: 'checked', file, report });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (file: File): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const report = await api.upload<ImportReport>('/api/orgs/import', file, { dryRun: 0 });
      if (report.ok) {
        setStage({ step: 'done', report });
        void message.success(`已导入 ${report.created} 个单位`);
        await queryClient.invalidateQueries({ queryKey: adminKeys.orgs });
        await queryClient.invalidateQueries({ queryKey: ['me'] });
      } else setStage({ step: 'checked', file, report });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const current = stage.step === 'pick' ? 0 : stage.step === 'checked' ? 1 : 2;
  const footer =
    stage.step === 'checked' ? (
      <>
        <Button onClick={() => setStage({ step: 'pick' })} disabled={busy}>
          重新选择文件
        </Button>
        <Button type="primary" disabled={!stage.report.ok || stage.report.total === 0} loading={busy} onClick={() => void commit(stage.file)}>
          确认导入 {stage.report.total} 行
        </Button>
      </>
    ) : stage.step === 'done' ? (
      <Button type="primary" onClick={onClose}>
        完成
      </Button>
    ) : (
      <Button onClick={onClose}>取消</Button>
    );

  return (
    <Modal open title="批量导入组织机构" width={720} footer={footer} onCancel={onClose} mask={{ closable: false }}>
      <Steps size="small" current={current} style={{ margin: '8px 0 20px' }} items={[{ title: '选择文件' }, { title: '检查数据' }, { title: '完成导入' }]} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {stage.step === 'pick' ? (
        <>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void check(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? '正在检查…' : '点击或拖拽文件到此处'}</p>
            <p className="ant-upload-hint">支持 .xlsx 或 UTF-8 编码的 .csv；第一行为表头：代码、名称、类型、上级代码、排序</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            类型填写“省、市、县、乡镇、部门”之一；上级代码可以是系统中已有的单位，也可以是同一文件中的其他行。先检查、后导入，有任何错误都不会写入。
            <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => downloadText('组织机构导入模板.csv', TEMPLATE)}>
              下载模板
            </Button>
          </Typography.Paragraph>
        </>
      ) : null}
      {stage.step === 'checked' ? (
        <>
          {stage.report.ok ? (
            <Alert type="success" showIcon title={`检查通过：文件“${stage.file.name}”共 ${stage.report.total} 行，均可导入。`} description="确认后将一次性写入全部单位。" />
          ) : (
            <Alert
              type="error"
              showIcon
              title={`检查未通过：文件“${stage.file.name}”共 ${stage.report.total} 行，发现 ${stage.report.errors.length} 处问题。`}
              description="请在电子表格中逐项修改后重新选择文件。未写入任何数据。"
            />
          )}
          {stage.report.errors.length ? (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
              dataSource={stage.report.errors}
              pagination={stage.report.errors.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 处问题` } : false}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第 ${r} 行` },
                { title: '字段', dataIndex: 'field', width: 110 },
                { title: '问题', dataIndex: 'message' },
              ]}
              data-testid="import-errors"
            />
          ) : null}
        </>
      ) : null}
      {stage.step === 'done' ? <Result status="success" title="导入完成" subTitle={`已导入 ${stage.report.created} 个单位。`} /> : null}
    </Modal>
  );
}
