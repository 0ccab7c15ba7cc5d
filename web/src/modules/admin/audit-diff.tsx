import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { auditLabels } from '../index.ts';

const ROLE_NAMES: Record<string, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全保密管理员',
  auditor: '安全审计员',
  clerk: '填报员',
  reviewer: '审核员',
  legal_reviewer: '法制审核员',
  leader: '单位负责人',
  supervisor: '执法监督员',
  county_admin: '县级管理员',
};

// readable values for the few coded fields of the platform's own entries
const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: { active: '正常', withdrawn: '已撤销', disabled: '停用' },
  kind: { province: '省', city: '市', county: '县（区）', town: '乡镇（街道）', department: '部门' },
  reason: { unknown_user: '用户不存在', disabled: '账号已停用' },
  roles: ROLE_NAMES,
};

const ORG_FIELDS = new Set(['org_code', 'parent_code', 'current_org_code']);

export type OrgNames = ReadonlyMap<string, string>;

function renderValue(field: string, value: unknown, orgNames: OrgNames): ReactNode {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">（空）</Typography.Text>;
  if (Array.isArray(value)) return value.length ? value.map((v) => String(renderPlain(field, v, orgNames))).join('、') : <Typography.Text type="secondary">（无）</Typography.Text>;
  return renderPlain(field, value, orgNames);
}

function renderPlain(field: string, value: unknown, orgNames: OrgNames): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  const text = String(value);
  if (ORG_FIELDS.has(field)) {
    const name = orgNames.get(text);
    return name ? `${name}（${text}）` : text;
  }
  return VALUE_LABELS[field]?.[text] ?? text;
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const isChange = (v: unknown): v is { from: unknown; to: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'from' in v && 'to' in v;

/** an audit entry's diff: each changed field as "字段：旧值 → 新值", other details as "字段：值" */
export function AuditDiff({ diff, orgNames }: { diff: unknown; orgNames: OrgNames }) {
  if (diff === null || typeof diff !== 'object' || Array.isArray(diff) || Object.keys(diff).length === 0) {
    return <Typography.Text type="secondary">本条记录没有字段变更明细。</Typography.Text>;
  }
  const entries = Object.entries(diff as Record<string, unknown>);
  return (
    <table className="fz-diff" data-testid="audit-diff">
      <tbody>
        {entries.map(([field, value]) => (
          <tr key={field}>
            <th>{auditLabels.fields[field] ?? field}</th>
            <td>
              {isChange(value) && isEmpty(value.from) ? (
                <span className="fz-diff-to">{renderValue(field, value.to, orgNames)}</span>
              ) : isChange(value) ? (
                <>
                  <span className="fz-diff-from">{renderValue(field, value.from, orgNames)}</span>
                  <ArrowRightOutlined style={{ margin: '0 8px', color: '#9ca3af', fontSize: 12 }} />
                  <span className="fz-diff-to">{renderValue(field, value.to, orgNames)}</span>
                </>
              ) : (
                renderValue(field, value, orgNames)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function hasDiff(diff: unknown): boolean {
  return diff !== null && typeof diff === 'object' && Object.keys(diff).length > 0;
}
