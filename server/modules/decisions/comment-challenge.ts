import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * a small arithmetic question, its answer bound to a signed token that expires; no account, no cookie.
 * The token carries only a keyed hash of the answer (with its own nonce), so it cannot be read from the token.
 */
export interface Challenge {
  token: string;
  question: string;
  expiresAt: string;
}

const TTL_MS = 10 * 60_000;

/** tokens already answered, shared by every public comment form (a token answers one comment, whichever page) */
export const usedChallenges = new Map<string, number>();
const MIN_AGE_MS = 2_000;

export function issueChallenge(key: string, now: Date, random: () => number = Math.random): Challenge {
  const a = 1 + Math.floor(random() * 9);
  const b = 1 + Math.floor(random() * 9);
  const t = now.getTime();
  const n = randomBytes(12).toString('hex');
  const payload = Buffer.from(JSON.stringify({ h: answerHash(key, a + b, t, n), t, n })).toString('base64url');
  return { token: `${payload}.${sign(key, payload)}`, question: `${a} + ${b} = ?`, expiresAt: new Date(now.getTime() + TTL_MS).toISOString() };
}

/** null when the answer is right and the token genuine, fresh, not answered in under two seconds and not used before */
export function checkChallenge(key: string, token: string, answer: number, now: Date, used: Map<string, number>): string | null {
  const [payload = '', mac = ''] = token.split('.');
  const expected = sign(key, payload);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return '验证信息无效，请刷新后重试';
  let data: { h?: unknown; t?: unknown; n?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { h?: unknown; t?: unknown; n?: unknown };
  } catch {
    return '验证信息无效，请刷新后重试';
  }
  const age = now.getTime() - Number(data.t);
  if (!(age <= TTL_MS)) return '验证已过期，请刷新后重试';
  if (age < MIN_AGE_MS) return '提交过快，请稍后再试';
  for (const [k, exp] of used) if (exp < now.getTime()) used.delete(k);
  if (used.has(mac)) return '该验证已使用，请刷新后重试';
  const expectedAnswer = answerHash(key, answer, Number(data.t), String(data.n));
  if (typeof data.h !== 'string' || data.h.length !== expectedAnswer.length || !timingSafeEqual(Buffer.from(data.h), Buffer.from(expectedAnswer))) return '验证答案不正确';
  used.set(mac, Number(data.t) + TTL_MS);
  return null;
}

const answerHash = (key: string, answer: number, t: number, nonce: string): string => createHmac('sha256', key).update(`answer:${answer}:${t}:${nonce}`).digest('base64url');
const sign = (key: string, payload: string): string => createHmac('sha256', key).update(payload).digest('base64url');
