import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mask } from './mask.ts';
import { fieldCipher, sm3 } from './sm.ts';

describe('sm3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('field cipher', () => {
  const cipher = fieldCipher(randomBytes(32));
  it('round-trips Chinese text and never stores it in the clear', () => {
    const token = cipher.encrypt('浙江省演示县城关镇人民路1号');
    expect(token).not.toContain('人民路');
    expect(cipher.decrypt(token)).toBe('浙江省演示县城关镇人民路1号');
  });
  it('refuses a tampered token', () => {
    const token = cipher.encrypt('13800138000');
    const parts = token.split(':');
    const body = Buffer.from(parts[2]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[2] = body.toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow(/tampered/);
  });
  it('gives a stable blind index for lookups', () => {
    expect(cipher.blindIndex('330726199001011234')).toBe(cipher.blindIndex('330726199001011234'));
    expect(cipher.blindIndex('330726199001011234')).not.toBe(cipher.blindIndex('330726199001011235'));
  });
});

describe('mask', () => {
  it.each([
    ['330726199001011234', 'id_number', '3307**********1234'],
    ['13800138000', 'phone', '138****8000'],
    ['张三丰', 'name', '张**'],
    ['演示县城关镇人民路1号', 'address', '演示县城关镇****'],
  ] as const)('masks %s as %s', (value, kind, expected) => {
    expect(mask(value, kind)).toBe(expected);
  });
});
