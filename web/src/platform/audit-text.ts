import { formatChinaDateTime, formatPlace } from './format.ts';

// the changes an audit entry records, as Chinese rows: what the record's history and the audit log show. Internal
// names (step ids, clock ids, file hashes, JSON) stay out; states, clocks, files and fields read as a clerk says them.

export interface DiffVocabulary {
  /** the label of a field or other key of the entity (a ledger field's 中文名), when known */
  field: (key: string) => string | undefined;
  /** the label of a workflow state, when known */
  state: (value: string) => string | undefined;
  /** a value of a known field as text (dates, money, references, masked numbers) */
  value: (key: string, value: unknown) => string;
}

export interface DiffRow {
  key: string;
  label: string;
  /** absent when the key was set from nothing, or is a detail rather than a change */
  from?: string;
  to: string;
}

const EMPTY = '（空）';

// keys every workflow and platform entry may carry (decision 0013's transition, clock and attachment entries)
const PLATFORM_LABELS: Record<string, string> = {
  orgCode: '所属单位',
  org_code: '所属单位',
  status: '状态',
  reason: '原因',
  state: '办理状态',
  states: '各办理状态的记录数',
  records: '记录数',
  date: '办理日期',
  note: '办理说明',
  label: '办理环节',
  due: '期限',
  attachment: '附件',
  notice: '通知书',
  notices: '通知书',
  extension: '延长',
  version: '版本',
  name: '文件名',
  kind: '类别',
  error: '问题',
  days: '天数',
  unit: '计算方式',
  number: '文号',
  year: '年度',
  seq: '序号',
  signer: '签名人',
};

// identifiers a person does not read: the step's code name (its label is shown), a clock's id, a file's id or hash
const HIDDEN = new Set(['transition', 'clock', 'sm3', 'mime', 'id', 'hash', 'series']);

const isChange = (v: unknown): v is { from?: unknown; to?: unknown } => !!v && typeof v === 'object' && !Array.isArray(v) && ('from' in v || 'to' in v) && Object.keys(v).every((k) => k === 'from' || k === 'to');
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** when and where the phone took a captured file (decision 0039); null for an ordinary upload */
function captureText(v: Record<string, unknown>): string | null {
  if (!('takenAt' in v) && !('place' in v)) return null;
  const p = v['place'];
  const place = isObject(p) && typeof p['lat'] === 'number' && typeof p['lng'] === 'number' ? `位置 ${formatPlace({ lat: p['lat'], lng: p['lng'], accuracy: typeof p['accuracy'] === 'number' ? p['accuracy'] : null })}` : '未获取位置';
  return [typeof v['takenAt'] === 'string' ? `拍摄于 ${formatChinaDateTime(v['takenAt'])}` : null, place].filter(Boolean).join('，');
}

/** a stored file (attachment, generated notice) as its name, kind and size, and when and where it was taken */
function fileText(v: Record<string, unknown>): string | null {
  if (typeof v['name'] !== 'string') return null;
  const size = typeof v['size'] === 'number' ? (v['size'] >= 1024 ? `${(v['size'] / 1024).toFixed(v['size'] >= 10240 ? 0 : 1)} KB` : `${v['size']} 字节`) : null;
  const extra = [typeof v['kind'] === 'string' ? v['kind'] : null, size, captureText(v)].filter(Boolean).join('，');
  return extra ? `${v['name']}（${extra}）` : v['name'];
}

function labelOf(key: string, vocab: DiffVocabulary): string {
  return vocab.field(key) ?? PLATFORM_LABELS[key] ?? key;
}

/** any value as plain Chinese text: lists joined with 、, objects as 名称：值, never JSON */
export function plainText(key: string, value: unknown, vocab: DiffVocabulary): string {
  if (blank(value)) return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map((v) => plainText(key, v, vocab)).join('、') : '（无）';
  if (isObject(value)) {
    const file = fileText(value);
    if (file) return file;
    return Object.entries(value)
      .filter(([k, v]) => !HIDDEN.has(k) && !blank(v))
      .map(([k, v]) => `${labelOf(k, vocab)}：${plainText(k, v, vocab)}`)
      .join('；');
  }
  if (key === 'state' || key === 'from_state' || key === 'to_state') return vocab.state(String(value)) ?? String(value);
  return vocab.value(key, value);
}

/** one audit entry's diff as rows; an empty list when it records nothing to show */
export function diffRows(diff: unknown, vocab: DiffVocabulary): DiffRow[] {
  if (!isObject(diff)) return blank(diff) ? [] : [{ key: '', label: '说明', to: String(diff) }];
  const rows: DiffRow[] = [];
  for (const [key, value] of Object.entries(diff)) {
    if (HIDDEN.has(key)) continue;
    if (key === 'clocks' && isObject(value)) {
      // each clock this step moved: its name, and its due date before → after
      for (const [id, c] of Object.entries(value)) {
        if (!isObject(c)) continue;
        const label = typeof c['label'] === 'string' ? c['label'] : '期限';
        const due = isChange(c['due']) ? c['due'] : null;
        const show = (d: unknown): string => (blank(d) ? '（不计时）' : String(d));
        rows.push({ key: `clocks.${id}`, label, ...(due && !blank(due.from) ? { from: show(due.from) } : {}), to: due ? show(due.to) : plainText(id, c, vocab) });
      }
      continue;
    }
    if (key === 'states' && isObject(value)) {
      const parts = Object.entries(value).map(([s, n]) => `${vocab.state(s) ?? s} ${String(n)}件`);
      rows.push({ key, label: labelOf(key, vocab), to: parts.join('、') || '（无）' });
      continue;
    }
    if (key === 'notices' && isObject(value)) {
      const names = Object.values(value).map((n) => (isObject(n) ? (fileText(n) ?? '') : '')).filter(Boolean);
      if (names.length) rows.push({ key, label: labelOf(key, vocab), to: names.join('、') });
      continue;
    }
    const label = key === 'label' && 'clock' in diff ? '期限' : labelOf(key, vocab);
    if (isChange(value)) {
      rows.push({ key, label, ...(blank(value.from) ? {} : { from: plainText(key, value.from, vocab) }), to: plainText(key, value.to, vocab) });
    } else {
      rows.push({ key, label, to: plainText(key, value, vocab) });
    }
  }
  return rows;
}
