import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

describe('password policy', () => {
  it.each([
    ['short', 'Tkv1!', ['长度至少8位']],
    ['two classes', 'tkvmqrwz1', ['须包含大写字母、小写字母、数字、特殊字符中的至少三类']],
    ['three classes', 'tkvmqrG1', []],
    ['four classes', 'Fz@2026xyz', []],
  ])('%s', (_name, password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });
  it('rejects a password containing the username', () => {
    expect(passwordProblems('Zhangsan@2026', 'zhangsan')).toContain('不能包含用户名');
  });
});

describe('weak password list', () => {
  it.each(['P@ssw0rd', 'Passw0rd!', 'Admin@123', 'Abc@1234', 'Qwer@1234', '1qaz@WSX', 'Aa123456!', 'Huawei@123', 'Password1!', 'Password2024!', '!Password1', 'P@55w0rd#9', 'Adm1n@2026', 'Qwerty#7788', 'Zaq1@wsx', 'Huawei12#$', 'Aaaaaaa1!'])(
    'refuses %s as a common weak password',
    (password) => {
      expect(passwordProblems(password)).toEqual(['不能使用常见弱密码']);
    },
  );
  it.each(['Fazhi@2026', 'Qingxi#2026', 'Chengguan#2026', 'Tq7#mVx2Lp', 'Shiqiao!2026'])('accepts %s', (password) => {
    expect(passwordProblems(password)).toEqual([]);
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
