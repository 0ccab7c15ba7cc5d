import { sql, type Kysely } from 'kysely';
import { plusDays, type IsoDate } from '../../platform/calendar/calendar.ts';
import type { Database } from '../../platform/db/schema.ts';
import { getSetting } from '../../platform/settings.ts';
import type { GateMiss } from '../../platform/workflow/workflow.engine.ts';
import type { LookupGate } from '../../platform/workflow/lookup-gates.ts';
import type { ApplicantRequests } from '../../../common/disclosure.types.ts';
export type { ApplicantRequests };

/**
 * 政府信息公开条例 art. 35: when the number or frequency of an applicant's requests clearly exceeds a reasonable
 * range, the organ may ask for the reasons; unreasonable → 不予处理, reasonable but not answerable in time → a
 * reasonable later date, told to the applicant. What is "clearly beyond a reasonable range" is local: the settings
 * below, defaulting to the line 国办函〔2020〕109号 draws for the same words (more than 10 requests in a month).
 */
export const EXCESSIVE_DAYS_SETTING = 'disclosure.excessive.days';
export const EXCESSIVE_COUNT_SETTING = 'disclosure.excessive.count';
export const EXCESSIVE_DEFAULTS = { days: 30, count: 10 } as const;

export const REASON_RESULTS = ['理由合理', '理由不合理', '逾期未说明理由'] as const;
/** the results that close the application as 不予处理 (art. 35) */
export const UNREASONABLE = new Set<unknown>(['理由不合理', '逾期未说明理由']);
export const EXCESSIVE_REASON = '无正当理由大量反复申请';

const positiveInt = (v: unknown, fallback: number): number => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= 3660 ? n : fallback;
};

export async function excessiveSettings(db: Kysely<Database>): Promise<{ days: number; count: number }> {
  return {
    days: positiveInt(await getSetting(db, EXCESSIVE_DAYS_SETTING), EXCESSIVE_DEFAULTS.days),
    count: positiveInt(await getSetting(db, EXCESSIVE_COUNT_SETTING), EXCESSIVE_DEFAULTS.count),
  };
}


const day = (v: unknown): IsoDate | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/**
 * the same applicant's applications to the same organisation in the period, this one included: recognised by the
 * blind index of the ID number or phone, or the USCC (a name alone is not enough to say two people are one). The
 * period ends on the day the reasons are (or were) asked, else on `on` (the officer's today), never before receipt.
 */
export async function applicantRequests(db: Kysely<Database>, id: number, on: IsoDate, askedOn?: unknown): Promise<ApplicantRequests | null> {
  const row = await sql<{ org_code: string; received_on: unknown; reasons_asked_on: unknown; applicant_id_bidx: string | null; phone_bidx: string | null; uscc: string | null }>`
    select org_code, received_on, reasons_asked_on, applicant_id_bidx, phone_bidx, uscc from disclosure_application where id = ${id}`.execute(db);
  const r = row.rows[0];
  const received = r ? day(r.received_on) : null;
  if (!r || !received) return null;
  const { days, count: threshold } = await excessiveSettings(db);
  const asked = day(askedOn) ?? day(r.reasons_asked_on) ?? on;
  const to = asked < received ? received : asked;
  const from = plusDays(to, -(days - 1));
  const keys: Array<{ col: 'applicant_id_bidx' | 'phone_bidx' | 'uscc'; label: string; value: string }> = [];
  if (r.applicant_id_bidx) keys.push({ col: 'applicant_id_bidx', label: '身份证件号码', value: r.applicant_id_bidx });
  if (r.uscc) keys.push({ col: 'uscc', label: '统一社会信用代码', value: r.uscc });
  if (r.phone_bidx) keys.push({ col: 'phone_bidx', label: '联系电话', value: r.phone_bidx });
  const same = keys.length ? sql.join(keys.map((k) => sql`${sql.ref(k.col)} = ${k.value}`), sql` or `) : sql`false`;
  const rows = await sql<{ id: number; app_no: string; received_on: unknown; subject: string; state: string | null }>`
    select id, app_no, received_on, subject, state from disclosure_application
    where org_code = ${r.org_code} and status = 'active' and (id = ${id} or (received_on between ${from} and ${to} and (${same})))
    order by received_on, id`.execute(db);
  const requests = rows.rows.map((x) => ({ id: Number(x.id), app_no: x.app_no, received_on: day(x.received_on) ?? '', subject: x.subject, state: x.state }));
  return { from, to, days, threshold, matchedBy: keys.map((k) => k.label), count: requests.length, exceeds: requests.length > threshold, requests };
}

/** 要求说明理由 only when the applicant's requests in the period are beyond the local reasonable range */
export const beyondReasonableRange: LookupGate = {
  id: 'excessive',
  async check(db, values, record): Promise<GateMiss[]> {
    const asked = day(values['reasons_asked_on']);
    if (!asked) return [];
    const r = await applicantRequests(db, record.id, asked, asked);
    if (!r || r.exceeds) return [];
    return [{ path: 'excessive', label: '申请数量、频次', message: `该申请人${r.from}至${r.to}共向本机关提出申请${r.count}件，未超过本地设定的合理范围（${r.days}日内${r.threshold}件），不能要求说明理由（政府信息公开条例第三十五条）` }];
  },
};
