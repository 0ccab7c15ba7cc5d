import { App, Form, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, errorText, SubmissionKey, type FieldProblem } from './api.ts';
import { fieldMessage, toNamePath, type NamePath } from './field-errors.ts';

/**
 * puts the server's per-field errors onto the form's fields (values are left as they are);
 * returns the errors that match no field on the form, so the caller can show them elsewhere
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldMap: Record<string, string | NamePath> = {}): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const mounted = new Set(Object.keys((form.getFieldsValue() ?? {}) as Record<string, unknown>));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: FieldProblem[] = [];
  for (const e of error.fieldErrors) {
    const mapped = fieldMap[e.path];
    const name = mapped === undefined ? toNamePath(e.path) : Array.isArray(mapped) ? mapped : toNamePath(mapped);
    const head = name[0];
    if (head === undefined || !mounted.has(String(head))) {
      unmatched.push(e);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldMessage(e));
    byField.set(key, entry);
  }
  if (byField.size) form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  const first = [...byField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unmatched;
}

export interface ApiFormOptions<TValues, TResult> {
  /** key: this submission's Idempotency-Key, the same when the same values are sent again after a failure */
  submit: (values: TValues, submission: { idempotencyKey: string }) => Promise<TResult>;
  onSuccess?: (result: TResult, values: TValues) => void | Promise<void>;
  /** shown with message.success after a successful save */
  successMessage?: string | ((result: TResult) => string);
  /** server field path → form field name, where they differ */
  fieldMap?: Record<string, string | NamePath>;
}

export interface ApiForm<TValues> {
  form: FormInstance<TValues>;
  submitting: boolean;
  /** pass to <Form onFinish>; never resets the form, so a refused save leaves everything filled in */
  onFinish: (values: TValues) => Promise<void>;
}

/** an antd form wired to an API call: server field errors land on the fields, the problem's detail in a message */
export function useApiForm<TValues, TResult = unknown>(options: ApiFormOptions<TValues, TResult>): ApiForm<TValues> {
  const [form] = Form.useForm<TValues>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef(new SubmissionKey());
  const onFinish = async (values: TValues): Promise<void> => {
    setSubmitting(true);
    try {
      const result = await options.submit(values, { idempotencyKey: submission.current.for(values) });
      submission.current.done();
      const text = typeof options.successMessage === 'function' ? options.successMessage(result) : options.successMessage;
      if (text) void message.success(text);
      await options.onSuccess?.(result, values);
    } catch (e) {
      const unmatched = applyServerErrors(form as FormInstance, e, options.fieldMap);
      const extra = unmatched.map((u) => u.message).filter((m) => !errorText(e).includes(m));
      void message.error([errorText(e), ...extra].join('；'));
    } finally {
      setSubmitting(false);
    }
  };
  return { form, submitting, onFinish };
}

/**
 * the refusal in one line: the server's detail, then what it said of fields the form does not show, each once
 * (a detail often already names them: "不能办理…：调解结果须为…" is not repeated)
 */
export function problemText(error: unknown, unmatched: readonly FieldProblem[]): string {
  const head = errorText(error);
  const extra = unmatched
    .filter((u) => !head.includes(u.message))
    .map((u) => (u.label && !u.message.startsWith(u.label) ? `${u.label}：${u.message}` : u.message))
    .filter((m, i, all) => all.indexOf(m) === i);
  return [head, ...extra].join('；');
}
