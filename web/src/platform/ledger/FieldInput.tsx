import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { cloneElement, type ReactElement } from 'react';
import type { LedgerField } from './ledger-types.ts';
import { RefSelect } from './RefSelect.tsx';

// format hints only warn: the server's check (with its Chinese message at the field) is the one that counts
const FORMAT_HINTS: Partial<Record<LedgerField['type'], { pattern: RegExp; message: string; extra: string }>> = {
  phone: { pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '手机号为11位数字，座机如 0731-12345678', extra: '11位手机号或带区号的座机号' },
  id_number: { pattern: /^\d{17}[\dXx]$/, message: '居民身份证号码为18位，最后一位可为 X', extra: '18位居民身份证号码' },
  uscc: { pattern: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, message: '统一社会信用代码为18位数字或大写字母', extra: '18位统一社会信用代码' },
  party_id: { pattern: /^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$/, message: '应为18位身份证号码或统一社会信用代码', extra: '自然人填身份证号码，单位填统一社会信用代码' },
};

/** the antd rules of a field: required, length, and format hints */
function rulesOf(f: LedgerField): Rule[] {
  const rules: Rule[] = [];
  // a system number is filled by the server, never by the user
  if (f.numbered) return rules;
  if (f.required) rules.push({ required: true, message: `请${['dict', 'dicts', 'ref', 'date', 'bool'].includes(f.type) ? '选择' : '填写'}${f.label}` });
  if (f.maxLength) rules.push({ max: f.maxLength, message: `${f.label}最多${f.maxLength}个字` });
  const hint = FORMAT_HINTS[f.type];
  if (hint) rules.push({ pattern: hint.pattern, message: hint.message, warningOnly: true });
  return rules;
}

/** who fills a field the edit form may not change: a workflow step, or the system */
const ownerHint = (f: LedgerField): string | undefined => (f.ownedBy?.length ? `由${f.ownedBy.map((o) => `“${o.label}”`).join('或')}环节填写` : f.derived);

function extraOf(f: LedgerField): string | undefined {
  if (f.numbered) return f.numbered.assignOn === 'create' ? '由系统按编号规则自动编号，保存后生成' : '由系统按编号规则在办理相应环节时自动编号';
  const owner = ownerHint(f);
  const parts = owner ? [owner] : [f.hint, FORMAT_HINTS[f.type]?.extra].filter(Boolean);
  return parts.length ? parts.join('；') : undefined;
}

function widget(f: LedgerField, known: Array<{ value: number; label: string }>) {
  const placeholder = ['dict', 'dicts', 'ref'].includes(f.type) ? `请选择${f.label}` : undefined;
  switch (f.type) {
    case 'text':
      return <Input {...(f.maxLength ? { maxLength: f.maxLength } : {})} allowClear />;
    case 'textarea':
      return <Input.TextArea {...(f.maxLength ? { maxLength: f.maxLength } : {})} showCount={!!f.maxLength} autoSize={{ minRows: 3, maxRows: 10 }} />;
    case 'int':
    case 'decimal':
      return <InputNumber style={{ width: '100%', maxWidth: 240 }} {...(f.min !== undefined ? { min: f.min } : {})} {...(f.max !== undefined ? { max: f.max } : {})} precision={f.type === 'int' ? 0 : 2} />;
    case 'date':
      return <DatePicker style={{ width: '100%', maxWidth: 240 }} placeholder="请选择日期" />;
    case 'bool':
      return (
        <Radio.Group
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
        />
      );
    case 'dict':
      return <Select allowClear placeholder={placeholder} options={(f.options ?? []).map((o) => (f.retired?.options.includes(o) ? { value: o, label: `${o}（已停用）`, disabled: true } : { value: o, label: o }))} showSearch />;
    case 'dicts':
      return <Select mode="multiple" allowClear placeholder={placeholder} options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />;
    case 'ref':
      return f.ref ? <RefSelect ledger={f.ref} known={known} placeholder={placeholder ?? ''} /> : <Input />;
    case 'phone':
      return <Input maxLength={20} inputMode="tel" autoComplete="off" />;
    case 'id_number':
    case 'uscc':
    case 'party_id':
      return <Input maxLength={18} autoComplete="off" style={{ maxWidth: 320 }} />;
  }
}

/** one ledger field as a form item; dates stay 'YYYY-MM-DD' strings in the form values */
export function FieldInput({ field, known = [] }: { field: LedgerField; known?: Array<{ value: number; label: string }> }) {
  const dateProps =
    field.type === 'date'
      ? {
          getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
          normalize: (d: unknown) => (d && dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null),
        }
      : {};
  const extra = extraOf(field);
  return (
    <Form.Item name={field.name} label={field.label} rules={rulesOf(field)} {...(extra ? { extra } : {})} {...dateProps}>
      {field.copiedFrom || field.numbered || ownerHint(field) ? cloneElement(widget(field, known) as ReactElement<{ disabled?: boolean }>, { disabled: true }) : widget(field, known)}
    </Form.Item>
  );
}
