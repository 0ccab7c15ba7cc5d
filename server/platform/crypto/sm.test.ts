import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mask } from './mask.ts';
import { fieldCipher, hmacSm3, hmacSm3Keyed, sameDigest, sm3 } from './sm.ts';

describe('sm3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

// RFC 2104 spelled out over SM3 (64-byte blocks), independent of openssl's HMAC
function hmacByDefinition(key: Buffer, data: Buffer): string {
  const k = Buffer.alloc(64);
  (key.length > 64 ? createHash('sm3').update(key).digest() : key).copy(k);
  const pad = (b: number): Buffer => Buffer.from(k.map((x) => x ^ b));
  const inner = createHash('sm3').update(pad(0x36)).update(data).digest();
  return createHash('sm3').update(pad(0x5c)).update(inner).digest('hex');
}

describe('hmac-sm3', () => {
  it('matches the GM/T 0042-2015 appendix D.3 test vector', () => {
    const key = Buffer.from(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(hmacSm3(key, Buffer.alloc(50, 0xcd))).toBe('220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae');
    expect(hmacSm3Keyed(key)(Buffer.alloc(50, 0xcd))).toBe('220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae');
  });
  it('is the RFC 2104 construction for short, block-sized and long keys, with the key set up once or per call', () => {
    for (const len of [1, 32, 64, 65, 200]) {
      const key = randomBytes(len);
      const mac = hmacSm3Keyed(key);
      for (const data of [randomBytes(len * 3), Buffer.alloc(0), '审计条目']) {
        const expected = hmacByDefinition(key, Buffer.from(data));
        expect(hmacSm3(key, data)).toBe(expected);
        // the prepared state is copied, never consumed: the same key gives the same answer every time
        expect(mac(data)).toBe(expected);
        expect(mac(data)).toBe(expected);
      }
    }
  });
  it('depends on the key', () => {
    expect(hmacSm3(Buffer.alloc(32, 1), 'entry')).not.toBe(hmacSm3(Buffer.alloc(32, 2), 'entry'));
    expect(sameDigest(hmacSm3(Buffer.alloc(32, 1), 'entry'), hmacSm3(Buffer.alloc(32, 1), 'entry'))).toBe(true);
    expect(sameDigest('ab', 'abc')).toBe(false);
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
