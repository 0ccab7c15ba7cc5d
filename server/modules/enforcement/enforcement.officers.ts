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

/** both officers are in the registry of the case's town (its departments included), under their number and name */
export const registeredOfficers: LookupGate = {
  id: 'officers_registered',
  when: (v) => OFFICER_FIELDS.every((f) => filled(v, f)),
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
    const day = actDay(v);
    for (const n of [1, 2]) {
      const name = str(v[`officer${n}_name`]);
      const cert = str(v[`officer${n}_cert`]);
      const found = rows.find((r) => String(r.cert_no) === cert);
      const label = `执法人员${n === 1 ? '一' : '二'}执法证号`;
      if (!found) misses.push({ path: `officer${n}_cert`, label, message: `${label}：“${cert}”不在本单位执法检查人员名录库中，请核对执法证号` });
      else if (String(found.name) !== name) misses.push({ path: `officer${n}_name`, label, message: `${label}：执法证号“${cert}”登记的执法人员是${String(found.name)}，不是${name}` });
      else {
        const problem = certificateProblem(found, day);
        if (problem) misses.push({ path: `officer${n}_cert`, label, message: `${label}：${name}的执法证件${problem}，不得以其名义办理（执法人员须持有效执法证件）` });
      }
    }
    return misses;
  },
};

/** at 立案 the officers may still be unknown: when any is named, both are, with their numbers */
export const officersIfNamed: GateCheck = { message: twoOfficers.message, check: (v) => OFFICER_FIELDS.every((f) => !filled(v, f)) || twoOfficers.check(v) };
