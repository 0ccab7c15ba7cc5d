import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

describe('password policy', () => {
  it.each([
    ['short', 'Ab1!', ['长度至少8位']],
    ['two classes', 'abcdefgh1', ['须包含大写字母、小写字母、数字、特殊字符中的至少三类']],
    ['three classes', 'abcdefG1', []],
    ['four classes', 'Fz@2026xyz', []],
  ])('%s', (_name, password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });
  it('rejects a password containing the username', () => {
    expect(passwordProblems('Zhangsan@2026', 'zhangsan')).toContain('不能包含用户名');
  });
});

describe('argon2id', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Fz@2026xyz');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'Fz@2026xyz')).toBe(true);
    expect(await verifyPassword(stored, 'Fz@2026xyZ')).toBe(false);
  });
});
