import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { ImportReport, LedgerMeta } from '../../platform/ledger/ledger-types.ts';
import { uploadWithProgress } from '../../platform/ledger/upload.ts';

type Step = { kind: 'pick' } | { kind: 'uploading'; percent: number; mode: ImportReport['mode'] } | { kind: 'checked'; report: ImportReport } | { kind: 'done'; report: ImportReport };

/** import from the ledger's Excel template: upload → check report → 全部无误才导入 / 仅导入无误的行 → result */
export function ImportModal({ meta, onClose, onImported }: { meta: LedgerMeta; onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  // the rows the check found likely repeating a record: the user confirmed they are not repeats
  const [confirmed, setConfirmed] = useState(false);
  const run = async (mode: ImportReport['mode'], f: File): Promise<void> => {
    setStep({ kind: 'uploading', percent: 0, mode });
    if (mode === 'check') setConfirmed(false);
    try {
      const report = await uploadWithProgress<ImportReport>(`${ledgerUrl(meta.name)}/import?mode=${mode}&confirmDuplicates=${mode !== 'check' && confirmed}`, { file: f }, (percent) => setStep({ kind: 'uploading', percent, mode }));
      if (mode === 'check') setStep({ kind: 'checked', report });
      else {
        setStep({ kind: 'done', report });
        onImported();
      }
    } catch (e) {
      void message.error(errorText(e));
      setStep({ kind: 'pick' });
    }
  };
  const template = (): void => void downloadFile(`${ledgerUrl(meta.name)}/template.xlsx`, `${meta.label}导入模板.xlsx`).catch((e: unknown) => void message.error(errorText(e)));

  const footer = (() => {
    switch (step.kind) {
      case 'pick':
        return [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
          <Button key="check" type="primary" disabled={!file} onClick={() => file && void run('check', file)}>
            上传并检查
          </Button>,
        ];
      case 'uploading':
        return null;
      case 'checked': {
        const importable = step.report.valid + (confirmed ? step.report.duplicates.length : 0);
        return [
          <Button key="again" onClick={() => setStep({ kind: 'pick' })}>
            重新选择文件
          </Button>,
          <Button key="valid" disabled={importable === 0 || !file} onClick={() => file && void run('valid', file)}>
            仅导入无误的行（{importable} 行）
          </Button>,
          <Button key="all" type="primary" disabled={step.report.invalid > 0 || importable === 0 || (step.report.duplicates.length > 0 && !confirmed) || !file} onClick={() => file && void run('all', file)}>
            全部无误才导入
          </Button>,
        ];
      }
      case 'done':
        return [
          <Button key="close" type="primary" onClick={onClose}>
            完成
          </Button>,
        ];
    }
  })();

  return (
    <Modal open title={`导入${meta.label}`} width={760} onCancel={onClose} footer={footer} maskClosable={false} destroyOnHidden>
      {step.kind === 'pick' ? (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            请使用本台账的导入模板填写，每行一条{meta.noun}。上传后系统先逐行检查，确认无误后再导入。
            <Button type="link" size="small" icon={<DownloadOutlined />} onClick={template}>
              下载模板
            </Button>
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将 Excel 文件拖到此处</p>
            <p className="ant-upload-hint">仅支持 .xlsx 格式</p>
          </Upload.Dragger>
        </Space>
      ) : null}
      {step.kind === 'uploading' ? (
        <div style={{ padding: '24px 0' }}>
          <Typography.Paragraph>{step.percent < 100 ? '正在上传…' : step.mode === 'check' ? '正在逐行检查…' : '正在导入…'}</Typography.Paragraph>
          <Progress percent={step.percent} status="active" />
        </div>
      ) : null}
      {step.kind === 'checked' ? <CheckReport report={step.report} noun={meta.noun} confirmed={confirmed} onConfirm={setConfirmed} /> : null}
      {step.kind === 'done' ? (
        <Result status="success" title={`已导入 ${step.report.imported} 条${meta.noun}`} subTitle={[step.report.invalid > 0 ? `另有 ${step.report.invalid} 行有误，未导入。` : '', step.report.unchanged > 0 ? `${step.report.unchanged} 行与系统中已有的记录相同，未重复导入。` : '', !step.report.duplicatesConfirmed && step.report.duplicates.length > 0 ? `${step.report.duplicates.length} 行可能重复，未导入。` : '', step.report.imported === step.report.total ? '全部数据已导入。' : ''].join('')} />
      ) : null}
    </Modal>
  );
}

function CheckReport({ report, noun, confirmed, onConfirm }: { report: ImportReport; noun: string; confirmed: boolean; onConfirm: (v: boolean) => void }) {
  const doubtful = report.duplicates.length;
  const of = doubtful ? `，${doubtful} 行可能重复` : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {report.invalid === 0 ? (
        <Alert type="success" showIcon message={report.valid === report.total ? `共 ${report.total} 行，全部无误，可以导入。` : `共 ${report.total} 行：${report.valid} 行无误，可以导入${of}。`} />
      ) : (
        <Alert type="warning" showIcon message={`共 ${report.total} 行：${report.valid} 行无误，${report.invalid} 行有误${of}。`} description="请按下表修改后重新上传，或只导入无误的行。" />
      )}
      {doubtful ? (
        <div data-testid="import-duplicates">
          <Alert
            type="warning"
            showIcon
            message={`${doubtful} 行可能与系统中已有的${noun}或本表前面的行重复，默认不导入`}
            description="请逐行核对。确属不同的事项（如同一当事人同日的两起案件），勾选下方确认后一并导入。"
          />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey={(e) => `${e.row}-${e.column}`}
            dataSource={report.duplicates}
            pagination={doubtful > 5 ? { pageSize: 5, showTotal: (t) => `共 ${t} 行` } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '相同的列', dataIndex: 'column', width: 180 },
              { title: '说明', dataIndex: 'message' },
            ]}
          />
          <Checkbox style={{ marginTop: 8 }} checked={confirmed} onChange={(e) => onConfirm(e.target.checked)}>
            经核对不是重复，一并导入（{doubtful} 行）
          </Checkbox>
        </div>
      ) : null}
      {report.unchanged > 0 ? <Alert type="info" showIcon message={`${report.unchanged} 行按“记录编号”列是系统中已有的记录，内容与系统中相同，不会重复导入。`} /> : null}
      {report.errors.length ? (
        <Table
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={report.errors}
          pagination={report.errors.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 处错误` } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80 },
            { title: '列', dataIndex: 'column', width: 180 },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Space>
  );
}
