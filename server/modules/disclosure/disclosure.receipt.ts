import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, forbiddenWhen, requiredWhen } from '../../platform/ledger/rules.ts';
import { receiptField } from './disclosure.taxonomy.ts';

/**
 * 政府信息公开条例 art. 31: the day an application is received follows from how it came in — in person the day it
 * was handed in, by post needing a signature the day the office signed for it, by ordinary letter, internet or fax
 * the day the office and the applicant confirmed it. The answer clock starts on that recorded day, never on the day
 * the form happens to be filled in.
 */
export const RECEIPT_HINT = '按申请方式确定（政府信息公开条例第三十一条）：当面提交的为提交日期，需签收的邮寄为签收日期，平常信函、互联网、传真为与申请人确认日期；答复期限自该日起计算';

/** the recorded day of receipt of an application's values, null while its channel's date is missing */
export function receiptDate(v: Readonly<Record<string, unknown>>): unknown {
  const field = receiptField(v['channel']);
  return field && filled(v, field) ? v[field] : null;
}

export function receiptRules(): CrossFieldRule[] {
  const channel = (...c: string[]) => (r: Record<string, unknown>) => c.includes(String(r['channel']));
  return [
    requiredWhen('submitted_on', channel('当面提交'), '当面提交的须填写提交日期（即收到申请之日）'),
    requiredWhen('signed_on', channel('邮寄（需签收）'), '以需签收的邮寄方式提交的须填写本机关签收日期（即收到申请之日）'),
    requiredWhen('confirmed_on', channel('平常信函', '互联网', '传真'), '平常信函、互联网、传真提交的须填写与申请人确认的日期（即收到申请之日）'),
    forbiddenWhen('signed_on', (r) => filled(r, 'channel') && !channel('邮寄（需签收）')(r), '只有以需签收的邮寄方式提交的申请才有签收日期'),
    forbiddenWhen('confirmed_on', channel('当面提交', '邮寄（需签收）'), '当面提交或需签收的邮寄申请不以确认日期为收到申请之日，请勿填写'),
    dateNotBefore('signed_on', 'submitted_on', '签收日期不能早于提交（寄出）日期'),
    dateNotBefore('confirmed_on', 'submitted_on', '确认日期不能早于提交（寄出、发送）日期'),
  ];
}
