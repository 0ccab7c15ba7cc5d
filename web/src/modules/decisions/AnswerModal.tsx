import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../platform/api.ts';
import { FormModal } from '../../platform/FormModal.tsx';
import { ledgerUrl } from '../../platform/ledger/ledger-api.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import type { CommentRecord } from './decisions-api.ts';
import { chinaToday } from './decisions-api.ts';

interface AnswerValues {
  handling: string;
  answer: string;
  answered_on: string;
  answer_published: boolean;
}

const dateProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: unknown) => (d && dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null),
};

/** the drafting unit's answer to one public comment: adopted or not, why, and whether it is shown on the public site */
export function AnswerModal({ comment, onClose }: { comment: CommentRecord; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const v = comment.values;
  const { form, submitting, onFinish } = useApiForm<AnswerValues>({
    submit: (values) => api.put(`${ledgerUrl('decisions.comment')}/${comment.id}`, { ...values, version: comment.version }),
    onSuccess: async (_r, values) => {
      void message.success(values.answer_published ? '处理情况已保存并在公开网站公开' : '处理情况已保存');
      await queryClient.invalidateQueries({ queryKey: ['ledgers', 'decisions.comment'] });
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      onClose();
    },
  });
  return (
    <FormModal<AnswerValues>
      title="处理公众意见"
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      onClose={onClose}
      width={620}
      initialValues={{
        handling: (v['handling'] as string | null) ?? undefined,
        answer: (v['answer'] as string | null) ?? '',
        answered_on: (v['answered_on'] as string | null) ?? chinaToday(),
        answer_published: v['answer_published'] === true,
      } as Partial<AnswerValues>}
      intro={
        <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', padding: '8px 12px', marginBottom: 16, borderRadius: 6 }}>
          <Typography.Text type="secondary">
            {comment.refs['decision'] ?? '决策草案'} · {String(v['channel'] ?? '')} · {String(v['submitted_on'] ?? '')}
          </Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="comment-content">
            {String(v['content'] ?? v['summary'] ?? '')}
          </div>
        </div>
      }
    >
      <Form.Item name="handling" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}>
        <Select placeholder="请选择" options={['采纳', '部分采纳', '未采纳'].map((x) => ({ value: x, label: x }))} />
      </Form.Item>
      <Form.Item name="answer" label="处理说明" rules={[{ required: true, whitespace: true, message: '请填写处理说明（未采纳的须说明理由）' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder="如：已吸收该意见，对草案第五条作了修改" />
      </Form.Item>
      <Form.Item name="answered_on" label="答复日期" rules={[{ required: true, message: '请选择答复日期' }]} {...dateProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="answer_published" valuePropName="checked" extra="公开后，意见内容（不含提出人姓名和联系方式）及处理说明显示在政务公开网站该草案页面">
        <Checkbox>在公开网站公开处理情况</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
