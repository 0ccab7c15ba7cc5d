import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../format.ts';
import type { FieldValue, LedgerField, LedgerRecord } from './ledger-types.ts';

const isEmpty = (v: FieldValue | undefined): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** an int field holding a year or similar code rather than a quantity: its declared minimum is 1000 or more */
export const isCodeLike = (field: Pick<LedgerField, 'min'>): boolean => field.min !== undefined && field.min >= 1000;

/** a stored value as plain text: dates YYYY-MM-DD, money with 2 decimals, 是/否 */
export function fieldText(field: LedgerField, value: FieldValue | undefined, refTitle?: string): string {
  if (isEmpty(value)) return '—';
  switch (field.type) {
    case 'date':
      return formatDate(String(value));
    case 'decimal':
      return typeof value === 'number' ? value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(value);
    case 'int':
      // a year (or another code-like number, declared with min ≥ 1000) is written without grouping: 2026, not 2,026
      return typeof value === 'number' && !isCodeLike(field) ? value.toLocaleString('zh-CN') : String(value);
    case 'bool':
      return value ? '是' : '否';
    case 'dicts':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'ref':
      return refTitle ?? `#${String(value)}`;
    case 'text':
    case 'textarea':
    case 'dict':
    case 'phone':
    case 'id_number':
    case 'uscc':
    case 'party_id':
      return String(value);
  }
}

/** a stored value for a table cell or a description: dicts as tags, refs linked to their record */
export function FieldDisplay({ field, record, link = false }: { field: LedgerField; record: LedgerRecord; link?: boolean }): ReactNode {
  const value = record.values[field.name];
  if (isEmpty(value)) return <Typography.Text type="secondary">—</Typography.Text>;
  switch (field.type) {
    case 'dict':
      return <Tag>{String(value)}</Tag>;
    case 'dicts':
      return (Array.isArray(value) ? value : [String(value)]).map((v) => <Tag key={v}>{v}</Tag>);
    case 'ref': {
      const text = fieldText(field, value, record.refs[field.name]);
      return link && field.ref ? (
        <Link to={`/ledgers/${field.ref}/${String(value)}`} onClick={(e) => e.stopPropagation()}>
          {text}
        </Link>
      ) : (
        text
      );
    }
    case 'textarea':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    case 'decimal':
    case 'int':
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{fieldText(field, value)}</span>;
    default:
      return fieldText(field, value);
  }
}

/** fields in declaration order, grouped by their group ("基本信息" when none is declared) */
export function groupFields(fields: readonly LedgerField[]): Array<{ group: string; fields: LedgerField[] }> {
  const groups: Array<{ group: string; fields: LedgerField[] }> = [];
  for (const f of fields) {
    const name = f.group ?? '基本信息';
    let g = groups.find((x) => x.group === name);
    if (!g) groups.push((g = { group: name, fields: [] }));
    g.fields.push(f);
  }
  return groups;
}

/** bytes → "1.2 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
