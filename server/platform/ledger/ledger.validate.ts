import { fieldOptions } from './field-options.ts';
import { z } from 'zod';
import { isIdNumber, isPhone, isUscc } from '../../../common/validators.ts';
import type { FieldError } from '../http/errors.ts';
import { DECIMAL_LIMIT, INT_MAX, dateProblem, text } from '../http/validate.ts';
import type { FieldDef, LedgerDef } from './ledger.types.ts';
import { blank } from './rules.ts';
import { derivedFields } from '../workflow/owned-fields.rules.ts';

const SEPARATOR = /[、,，;；\s]/;

/**
 * a multiple-choice cell ("春节、元宵节期间、6·26 国际禁毒日") → its choices: the longest option at each place first,
 * since an option may itself hold a 顿号 or a space; what matches no option runs to the next separator
 */
export function splitChoices(text: string, options: readonly string[]): string[] {
  const opts = [...options].sort((a, b) => b.length - a.length);
  const s = text.trim();
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (SEPARATOR.test(s.charAt(i))) {
      i++;
      continue;
    }
    const hit = opts.find((o) => s.startsWith(o, i) && (i + o.length === s.length || SEPARATOR.test(s.charAt(i + o.length))));
    if (hit) {
      out.push(hit);
      i += hit.length;
      continue;
    }
    let j = i;
    while (j < s.length && !SEPARATOR.test(s.charAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/** loose input (JSON from the form, or a cell from Excel) → the field's value; never throws */
export function coerce(f: FieldDef, raw: unknown): unknown {
  if (blank(raw)) return null;
  // an object or array where one value is expected stays as it is, for the schema to refuse (never "[object Object]")
  if (typeof raw === 'object' && !(raw instanceof Date) && !(f.type === 'dicts' && Array.isArray(raw))) return raw;
  if (typeof raw === 'boolean' && f.type !== 'bool') return raw;
  switch (f.type) {
    case 'int':
    case 'decimal':
    case 'ref': {
      if (typeof raw === 'number') return raw;
      const s = String(raw).trim().replace(/[,，\s]/g, '').replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : String(raw);
    }
    case 'date': {
      if (raw instanceof Date) return raw.toISOString().slice(0, 10);
      const s = String(raw).trim();
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
      return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : s;
    }
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).trim();
      if (['是', '1', 'true', 'TRUE', 'Y', 'y', '√'].includes(s)) return true;
      if (['否', '0', 'false', 'FALSE', 'N', 'n', '×'].includes(s)) return false;
      return s;
    }
    case 'dicts':
      if (Array.isArray(raw)) return raw.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '');
      return splitChoices(String(raw), fieldOptions(f));
    case 'id_number':
    case 'uscc':
    case 'party_id':
      return String(raw).trim().toUpperCase();
    default:
      return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : raw;
  }
}

const schemas = new WeakMap<FieldDef, z.ZodType>();

/** the zod schema of one field's coerced value, built once per field */
export function fieldSchema(f: FieldDef): z.ZodType {
  const cached = schemas.get(f);
  if (cached) return cached;
  const built = buildSchema(f);
  schemas.set(f, built);
  return built;
}

function buildSchema(f: FieldDef): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case 'text':
      s = text(f.maxLength ?? 200);
      break;
    case 'textarea':
      s = text(f.maxLength ?? 5000);
      break;
    case 'int': {
      // an integer column: the declared bounds, and never past what the column holds
      let n = z.number('须为整数').int('须为整数').min(-INT_MAX, `不能小于${-INT_MAX}`).max(INT_MAX, `不能大于${INT_MAX}`);
      if (f.min !== undefined) n = n.min(f.min, `不能小于${f.min}`);
      if (f.max !== undefined) n = n.max(f.max, `不能大于${f.max}`);
      s = n;
      break;
    }
    case 'decimal': {
      // numeric(18,2): at most 16 digits before the point and 2 after
      let n = z
        .number('须为数字')
        .refine((v) => Math.abs(v) < DECIMAL_LIMIT, '数值过大，最多16位整数')
        .refine((v) => Math.abs(v) >= DECIMAL_LIMIT || Math.round(v * 100) === Number((v * 100).toFixed(6)), '最多两位小数');
      if (f.min !== undefined) n = n.refine((v) => v >= (f.min ?? 0), `不能小于${f.min}`);
      if (f.max !== undefined) n = n.refine((v) => v <= (f.max ?? 0), `不能大于${f.max}`);
      s = n;
      break;
    }
    case 'date':
      s = z.string('须为日期').superRefine((v, c) => {
        const problem = dateProblem(v);
        if (problem) c.addIssue({ code: 'custom', message: problem });
      });
      break;
    case 'bool':
      s = z.boolean('须为“是”或“否”');
      break;
    case 'dict': {
      // the values are read when checked: a field may take values added through a setting (field-options.ts)
      const one = (): string => `须为以下之一：${fieldOptions(f).join('、')}`;
      s = z.string({ error: one }).refine((v) => fieldOptions(f).includes(v), { error: one });
      break;
    }
    case 'dicts': {
      const each = (): string => `每项须为以下之一：${fieldOptions(f).join('、')}`;
      s = z.array(z.string({ error: each }), `须为列表`).refine((vs) => vs.every((v) => fieldOptions(f).includes(v)), { error: each });
      break;
    }
    case 'ref':
      s = z.number('须为记录编号').int('须为记录编号').positive('须为记录编号').max(INT_MAX, '须为记录编号');
      break;
    case 'phone':
      s = z.string('须为文本').refine(isPhone, '须为有效的手机或固定电话号码');
      break;
    case 'id_number':
      s = z.string('须为文本').refine(isIdNumber, '须为有效的18位居民身份证号码（校验位不符）');
      break;
    case 'uscc':
      s = z.string('须为文本').refine(isUscc, '须为有效的18位统一社会信用代码（校验位不符）');
      break;
    case 'party_id':
      s = z.string('须为文本').refine((v) => isIdNumber(v) || isUscc(v), '须为有效的居民身份证号码或统一社会信用代码');
      break;
  }
  return f.required ? s : s.nullable();
}

export interface Validated {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * validates a whole record: every field (required ones must be present), then the cross-field rules;
 * `partial` validates only the fields given (an edit), with rules run on the merged record by the caller
 */
export function validateRecord(l: LedgerDef, input: Record<string, unknown>, opts: { partial?: boolean } = {}): Validated {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const f of l.fields) {
    if (opts.partial && !(f.name in input)) continue;
    const v = coerce(f, input[f.name]);
    if (v === null) {
      // a system number left empty is given by the system (create, import), and a field the workflow computes is
      // computed after this check: neither is required of the user
      if (f.required && !f.numbered && !(l.workflow && derivedFields(l.workflow).has(f.name))) errors.push({ path: f.name, label: f.label, message: `${f.label}：必填` });
      else values[f.name] = null;
      continue;
    }
    const r = fieldSchema(f).safeParse(v);
    if (r.success) values[f.name] = r.data;
    else errors.push({ path: f.name, label: f.label, message: `${f.label}：${r.error.issues[0]?.message ?? '无效'}` });
  }
  return { values, errors };
}

/** a retired dictionary value newly chosen (`before` is the stored record of an edit): old records keep theirs */
export function checkRetired(l: LedgerDef, values: Record<string, unknown>, before?: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of l.fields) {
    const v = values[f.name];
    if (!f.retired || typeof v !== 'string' || !f.retired.options.includes(v) || (before && before[f.name] === v)) continue;
    errors.push({ path: f.name, label: f.label, message: `${f.label}：${f.retired.message}` });
  }
  return errors;
}

export function checkRules(l: LedgerDef, record: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of l.rules ?? []) {
    if (!rule.check(record)) {
      const label = l.fields.find((f) => f.name === rule.field)?.label ?? rule.field;
      errors.push({ path: rule.field, label, message: `${label}：${rule.message}` });
    }
  }
  return errors;
}
