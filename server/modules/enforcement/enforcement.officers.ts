import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { filled } from '../../platform/ledger/rules.ts';
import type { GateMiss } from '../../platform/workflow/workflow.engine.ts';
import type { GateCheck } from '../../platform/workflow/workflow.types.ts';
import type { LookupGate } from '../../platform/workflow/lookup-gates.ts';

/**
 * 行政处罚法 art. 42: a penalty is carried out by officers with law-enforcement certificates, at least two. Each case
 * names two officers with their certificate numbers; where the organisation keeps its registry of officers
 * (执法检查人员名录库), both must be in it under that number and name, with a certificate valid on the step's day.
 */
export const OFFICER_FIELDS = ['officer1_name', 'officer1_cert', 'officer2_name', 'officer2_cert'] as const;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export const twoOfficers: GateCheck = {
  message: '执法人员不得少于两人（行政处罚法第四十二条）：须填写两名执法人员的姓名和执法证号，且不能为同一人',
  check: (v) => OFFICER_FIELDS.every((f) => filled(v, f)) && str(v['officer1_name']) !== str(v['officer2_name']) && str(v['officer1_cert']) !== str(v['officer2_cert']),
};

const iso = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** the day of the step being done: the latest of the case's step dates (立案, 调查终结, 决定), else its registration */
export function actDay(v: Readonly<Record<string, unknown>>): string | null {
  const days = ['registered_on', 'filed_on', 'investigated_on', 'decided_on'].map((f) => iso(v[f])).filter((d): d is string => d !== null);
  return days.length ? days.sort().at(-1) ?? null : null;
}

/** why a registered certificate is not valid on a day (null when it is, or when the registry holds no validity) */
export function certificateProblem(row: { cert_valid_from?: unknown; cert_valid_until?: unknown }, day: string | null): string | null {
  if (!day) return null;
  const from = iso(row.cert_valid_from);
  const until = iso(row.cert_valid_until);
  if (until && until < day) return `有效期至${until}，${day}已过期`;
  if (from && from > day) return `自${from}起有效，${day}尚未生效`;
  return null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own table is not in the platform schema
type AnyDb = Kysely<any>;

/**
 * the two officers a record names are in the registry of its town (its departments included), under their number
 * and name, with a certificate valid on the step's day; where the town keeps no registry, nothing is checked here
 */
function registryGate(opts: { id: string; prefix: 'officer' | 'inspector'; who: string; day: (v: Readonly<Record<string, unknown>>) => string | null; when: (v: Readonly<Record<string, unknown>>) => boolean }): LookupGate {
  const { prefix, who } = opts;
  return {
    id: opts.id,
    when: opts.when,
    async check(db: Kysely<Database>, v, record): Promise<GateMiss[]> {
      const town = record.orgCode.split('-')[0] ?? record.orgCode;
      const rows = await (db as unknown as AnyDb)
        .selectFrom('enforcement_inspector')
        .select(['name', 'cert_no', 'cert_valid_from', 'cert_valid_until'])
        .where('status', '=', 'active')
        .where((eb) => eb.or([eb('org_code', '=', town), eb('org_code', 'like', `${town}-%`)]))
        .execute();
      // no registry kept here: two distinct officers with numbers is what can be checked
      if (rows.length === 0) return [];
      const misses: GateMiss[] = [];
      const day = opts.day(v);
      for (const n of [1, 2]) {
        const name = str(v[`${prefix}${n}_name`]);
        const cert = str(v[`${prefix}${n}_cert`]);
        const found = rows.find((r) => String(r.cert_no) === cert);
        const label = `${who}${n === 1 ? '一' : '二'}执法证号`;
        if (!cert) misses.push({ path: `${prefix}${n}_cert`, label, message: `${label}：请填写${name}的执法证号（本单位已建执法检查人员名录库，按名录核对）` });
        else if (!found) misses.push({ path: `${prefix}${n}_cert`, label, message: `${label}：“${cert}”不在本单位执法检查人员名录库中，请核对执法证号` });
        else if (String(found.name) !== name) misses.push({ path: `${prefix}${n}_name`, label, message: `${label}：执法证号“${cert}”登记的执法人员是${String(found.name)}，不是${name}` });
        else {
          const problem = certificateProblem(found, day);
          if (problem) misses.push({ path: `${prefix}${n}_cert`, label, message: `${label}：${name}的执法证件${problem}，不得以其名义办理（执法人员须持有效执法证件）` });
        }
      }
      return misses;
    },
  };
}

/** 行政处罚: both officers of a case, on the day of its latest step */
export const registeredOfficers: LookupGate = registryGate({ id: 'officers_registered', prefix: 'officer', who: '执法人员', day: actDay, when: (v) => OFFICER_FIELDS.every((f) => filled(v, f)) });

/** 涉企行政检查: both inspectors, on the day of the inspection (or of its approval, before it); a blank number is refused where a registry is kept */
export const registeredInspectors: LookupGate = registryGate({ id: 'inspectors_registered', prefix: 'inspector', who: '检查人员', day: (v) => iso(v['inspected_on']) ?? iso(v['approved_on']), when: (v) => filled(v, 'inspector1_name') && filled(v, 'inspector2_name') });

/** at 立案 the officers may still be unknown: when any is named, both are, with their numbers */
export const officersIfNamed: GateCheck = { message: twoOfficers.message, check: (v) => OFFICER_FIELDS.every((f) => !filled(v, f)) || twoOfficers.check(v) };
