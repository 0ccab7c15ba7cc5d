import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { noImplicitSubmit } from '../../platform/form-keys.ts';
import { ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import type { LedgerMeta } from '../../platform/ledger/ledger-types.ts';

/**
 * 撤销 one record or the records selected in a list, with one reason: the server withdraws all of them or none, and a
 * refusal keeps the dialog open with the reason typed
 */
export function WithdrawModal({ meta, ids, title, onClose, onDone }: { meta: LedgerMeta; ids: number[]; title: string; onClose: () => void; onDone?: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const many = ids.length > 1;
  return (
    <Modal open title={many ? `批量撤销${meta.noun}（${ids.length} 条）` : `撤销${meta.noun}`} okText="确认撤销" okButtonProps={{ danger: true, loading: busy }} cancelText="取消" onCancel={onClose} onOk={() => form.submit()} mask={{ closable: false }} destroyOnHidden>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={title}
        description={`撤销后${many ? '这些记录' : '该记录'}不再计入统计，但仍可在“已撤销”中查看；撤销记入审计日志。${many ? '其中任何一条不能撤销时，所选记录都不撤销。' : ''}`}
      />
      <Form
        form={form}
        layout="vertical"
        onKeyDown={noImplicitSubmit}
        onFinish={async (v) => {
          setBusy(true);
          try {
            if (many) await api.post(`${ledgerUrl(meta.name)}/withdraw-batch`, { ids, reason: v.reason.trim() });
            else await api.post(`${ledgerUrl(meta.name)}/${ids[0]}/withdraw`, { reason: v.reason.trim() });
            void message.success(many ? `已撤销 ${ids.length} 条${meta.noun}` : `已撤销${meta.noun}`);
            await queryClient.invalidateQueries({ queryKey: ['ledgers', meta.name] });
            onDone?.();
            onClose();
          } catch (e) {
            void message.error(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }, { min: 2, message: '撤销原因至少2个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
