import { randomBytes } from 'node:crypto';
import type { InspectionAlertItem } from '../../../common/inspection.types.ts';
import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';
import { filled, type RecordValues } from '../../platform/ledger/rules.ts';

// 国办发〔2024〕54号: only certified officers inspect; the others are named so the refusal says who may not
export const INSPECTOR_IDENTITIES = ['执法人员', '网格员', '协管员', '辅助执法人员', '第三方机构人员'] as const;
export const OFFICER = '执法人员';

const SLOTS = [
  { n: 1, label: '检查人员一' },
  { n: 2, label: '检查人员二' },
] as const;

/** what is wrong with the two inspectors, per field, in Chinese (empty: two certified officers, different certificates) */
export function inspectorProblems(v: RecordValues): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  for (const { n, label } of SLOTS) {
    const name = String(v[`inspector${n}_name`] ?? '');
    const identity = v[`inspector${n}_identity`];
    if (!filled(v, `inspector${n}_name`)) out.push({ field: `inspector${n}_name`, message: `${label}：须填写姓名` });
    if (filled(v, `inspector${n}_identity`) && identity !== OFFICER) out.push({ field: `inspector${n}_identity`, message: `${label}${name ? `（${name}）` : ''}为${String(identity)}，不得实施行政检查：检查须由持有行政执法证件的执法人员实施` });
    else if (!filled(v, `inspector${n}_identity`)) out.push({ field: `inspector${n}_identity`, message: `${label}：须填写人员身份` });
    else if (!filled(v, `inspector${n}_cert`)) out.push({ field: `inspector${n}_cert`, message: `${label}${name ? `（${name}）` : ''}：须填写行政执法证号` });
  }
  if (filled(v, 'inspector1_cert') && String(v['inspector1_cert']).trim() === String(v['inspector2_cert'] ?? '').trim()) out.push({ field: 'inspector2_cert', message: '检查人员二：执法证号与检查人员一相同，检查须由两名不同的执法人员实施' });
  return out;
}

/** the same, as the ledger's cross-field rules: a grid worker is refused when the record is saved, not only at approval */
export const inspectorRules: readonly CrossFieldRule[] = [
  ...SLOTS.flatMap(({ n }) =>
    (['identity', 'cert'] as const).map((part): CrossFieldRule => {
      const field = `inspector${n}_${part}`;
      return {
        field,
        message: part === 'identity' ? `检查人员须为持有行政执法证件的执法人员，网格员、协管员、辅助人员和第三方机构人员不得实施检查` : `执法人员须填写行政执法证号`,
        check: (v) => !inspectorProblems(v).some((p) => p.field === field && (part === 'identity' || filled(v, `inspector${n}_identity`))),
      };
    }),
  ),
  { field: 'inspector2_cert', message: '两名检查人员的执法证号不能相同', check: (v) => !filled(v, 'inspector1_cert') || String(v['inspector1_cert']).trim() !== String(v['inspector2_cert'] ?? '').trim() },
];

// 扫码入企: an unguessable code, without letters people confuse (0/O, 1/I/L)
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INSPECTION_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{10}$/;

export function newInspectionCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/**
 * 年度检查频次上限 (国办发〔2024〕54号: each department sets and publishes a per-enterprise cap). The national text sets
 * no figure; the default is the common provincial one — 日常检查 of one enterprise by one department at most twice a
 * year — replaced by `enforcement.inspection.annual_cap`, or per department by `enforcement.inspection.annual_cap.<org>`.
 * 专项 and 个案 inspections answer a campaign or a lead and are counted in the alerts, not refused by the cap.
 */
export const ANNUAL_CAP_SETTING = 'enforcement.inspection.annual_cap';
export const ANNUAL_CAP_DEFAULT = 2;
export const CAPPED_KINDS: readonly string[] = ['日常'];
// alerts across departments: the same enterprise visited by two or more bodies within 30 days (a local rule), or
// visited more than the yearly threshold by all bodies together
export const REPEAT_DAYS_SETTING = 'enforcement.inspection.repeat_days';
export const REPEAT_DAYS_DEFAULT = 30;
export const HIGH_FREQUENCY_SETTING = 'enforcement.inspection.high_frequency';
export const HIGH_FREQUENCY_DEFAULT = 4;

export const positiveInt = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback);

export interface Visit {
  uscc: string;
  name: string;
  orgCode: string;
  orgName: string;
  on: string;
}

/** an enterprise inspected repeatedly, as the alert page shows it */
export type InspectionAlert = InspectionAlertItem;

const dayNo = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** enterprises inspected repeatedly across departments, from their visits of one year (a joint inspection is one visit) */
export function inspectionAlerts(visits: readonly Visit[], repeatDays: number, highFrequency: number): InspectionAlert[] {
  const by = new Map<string, Visit[]>();
  for (const v of visits) by.set(v.uscc, [...(by.get(v.uscc) ?? []), v]);
  const out: InspectionAlert[] = [];
  for (const [uscc, list] of by) {
    const sorted = [...list].sort((a, b) => a.on.localeCompare(b.on));
    const name = sorted[0]?.name ?? '';
    const orgs = [...new Set(sorted.map((v) => v.orgName))];
    if (sorted.length >= highFrequency) {
      out.push({ uscc, name, visits: sorted.length, orgs, kind: 'high_frequency', message: `${name}本年度已被${orgs.join('、')}入企检查${sorted.length}次（预警线${highFrequency}次）` });
      continue;
    }
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as Visit;
      const near = sorted.filter((b) => dayNo(b.on) >= dayNo(a.on) && dayNo(b.on) - dayNo(a.on) < repeatDays);
      const bodies = [...new Set(near.map((b) => b.orgName))];
      if (bodies.length >= 2) {
        out.push({ uscc, name, visits: near.length, orgs: bodies, kind: 'repeated', message: `${name}在${repeatDays}日内被${bodies.join('、')}等${bodies.length}个部门重复检查${near.length}次` });
        break;
      }
    }
  }
  return out.sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name));
}
