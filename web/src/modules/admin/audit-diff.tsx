import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { diffRows } from '../../platform/audit-text.ts';
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

function plainValue(field: string, value: unknown, orgNames: OrgNames): string {
  const text = String(value);
  if (ORG_FIELDS.has(field)) {
    const name = orgNames.get(text);
    return name ? `${name}（${text}）` : text;
  }
  return VALUE_LABELS[field]?.[text] ?? text;
}

/** the names the server gives for each ledger's fields and states (the auditor may not open the ledgers) */
export interface AuditVocabulary {
  ledgers: Record<string, { label: string; fields: Record<string, string>; states: Record<string, string> }>;
}

/** an audit entry's diff: each changed field as "字段：旧值 → 新值", other details as "字段：值", all in Chinese */
export function AuditDiff({ diff, entity, orgNames, vocabulary }: { diff: unknown; entity: string; orgNames: OrgNames; vocabulary: AuditVocabulary | undefined }) {
  const ledger = vocabulary?.ledgers[entity];
  const rows = diffRows(diff, {
    field: (k) => ledger?.fields[k] ?? auditLabels.fields[k],
    state: (v) => ledger?.states[v],
    value: (k, v) => plainValue(k, v, orgNames),
  });
  if (rows.length === 0) return <Typography.Text type="secondary">本条记录没有字段变更明细。</Typography.Text>;
  return (
    <table className="fz-diff" data-testid="audit-diff">
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th>{row.label}</th>
            <td>
              {row.from === undefined ? (
                <span className="fz-diff-to">{row.to}</span>
              ) : (
                <>
                  <span className="fz-diff-from">{row.from}</span>
                  <ArrowRightOutlined style={{ margin: '0 8px', color: '#9ca3af', fontSize: 12 }} />
                  <span className="fz-diff-to">{row.to}</span>
                </>
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
