import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { noImplicitSubmit } from './form-keys.ts';

export interface FormModalProps<T> {
  title: ReactNode;
  form: FormInstance<T>;
  onFinish: (values: T) => void | Promise<void>;
  submitting: boolean;
  onClose: () => void;
  initialValues?: Partial<T>;
  okText?: string;
  danger?: boolean;
  width?: number;
  /** text above the form */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * a dialog holding one form (pair it with useApiForm): OK submits, a refused save keeps the dialog open
 * with everything filled in, and a click outside does not throw the input away
 */
export function FormModal<T>({ title, form, onFinish, submitting, onClose, initialValues, okText = '保存', danger = false, width, intro, children }: FormModalProps<T>) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      {...(width ? { width } : {})}
    >
      {intro}
      <Form<T> form={form} layout="vertical" onFinish={onFinish} onKeyDown={noImplicitSubmit} {...(initialValues ? { initialValues } : {})}>
        {children}
      </Form>
    </Modal>
  );
}
