import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS, WEAK_WORDS } from './weak-passwords.ts';

// argon2id (Algorithm.Argon2id = 2); parameters from OWASP's minimum for argon2id
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** 等保 password policy: at least 8 characters from at least three classes; returns the Chinese reasons it fails */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < 8) problems.push('长度至少8位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  if (isWeakPassword(password)) problems.push('不能使用常见弱密码');
  return problems;
}

// look-alike characters people put in place of letters
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '1': 'i', '!': 'i', '|': 'l', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't', '2': 'z' };

/**
 * a listed password, or a weak word (password, admin, qwer, huawei …) dressed up with digits and symbols
 * before or after it or with look-alike letters inside it, or fewer than three distinct letters in its core
 */
export function isWeakPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // the core: what is left after the digits and symbols at either end
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  const letters = core.replace(/[^a-z]/g, '');
  const unleet = [...core].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
  const candidates = [core, letters, unleet];
  if (candidates.some((c) => WEAK_WORDS.has(c))) return true;
  // 1qaz@WSX, Zaq1@wsx: keyboard runs split by a symbol
  if (lower.replace(/[^a-z]/g, '').length >= 3 && WEAK_WORDS.has(lower.replace(/[^a-z]/g, ''))) return true;
  return new Set(letters).size < 3;
}

// verifying against this when the user does not exist makes an unknown name cost the same time as a wrong password
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy-password-for-timing-Zx9!');
  return dummy;
}
