import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../platform/api.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import type { RecordPanelProps } from '../../platform/module.ts';

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v as string));

/** 人民调解协议书 (DOCX) for a written agreement; an oral one is recorded in the case (人民调解法第二十八条至第三十条) */
export function AgreementPanel({ record }: RecordPanelProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const v = record.values;
  const outcome = text(v['outcome']);
  const kind = text(v['agreement_type']);
  const no = text(v['agreement_no']);
  const effective = text(v['agreement_effective_on']);
  const applied = text(v['confirmation_applied_on']);

  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      await downloadFile(`/api/mediation/cases/${record.id}/agreement`, `人民调解协议书-${text(v['case_no']) ?? record.id}.docx`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (outcome === '调解不成' || outcome === '终止调解') {
    return (
      <Card size="small" title="调解协议" data-testid="agreement-panel">
        <Alert type="warning" showIcon title={outcome} description={outcome === '调解不成' ? `已告知当事人其他解决途径：${text(v['referral']) ?? '（未记录）'}${text(v['referral_note']) ? `，${text(v['referral_note']) ?? ''}` : ''}（人民调解法第二十六条）` : `终止原因：${text(v['termination_reason']) ?? '（未记录）'}`} />
      </Card>
    );
  }
  return (
    <Card size="small" title="调解协议" data-testid="agreement-panel">
      {outcome !== '调解成功' ? (
        <Alert type="info" showIcon title="尚未达成协议" description="办理“调解结案”并选择“调解成功”、填写协议形式、生效日期和协议内容后，书面协议自动编号，可在此下载人民调解协议书（DOCX）。" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'kind', label: '协议形式', children: kind ?? '——' },
              { key: 'no', label: '协议书编号', children: no ?? <Typography.Text type="secondary">{kind === '口头协议' ? '口头协议不编号，协议内容已记录' : '——'}</Typography.Text> },
              { key: 'effective', label: '生效日期', children: effective ?? '——' },
              {
                key: 'confirm',
                label: '司法确认',
                children: applied
                  ? `${applied}向${text(v['confirmation_court']) ?? '人民法院'}申请`
                  : v['judicial_confirmation'] === true && effective
                    ? '当事人拟申请：自协议生效之日起30日内共同向人民法院申请（期限见“司法确认申请期限”）'
                    : '当事人未申请',
              },
              { key: 'visit', label: '回访', children: text(v['follow_up_on']) ? `${text(v['follow_up_on']) ?? ''}，${v['performed'] === true ? '已履行' : '未履行完毕'}` : '待回访' },
            ]}
          />
          {kind === '书面协议' && no ? (
            <Button icon={<FileWordOutlined />} type="primary" loading={busy} onClick={() => void download()} style={{ marginTop: 8 }} data-testid="agreement-download">
              下载人民调解协议书
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
