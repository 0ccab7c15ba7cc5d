import { describe, expect, it } from 'vitest';
import { foreignOrigin, parseAllowedOrigins } from './origin.ts';

describe('same-origin check of state-changing requests', () => {
  const none = new Set<string>();
  it('lets requests without Origin or Referer through (CLI, scripts)', () => {
    expect(foreignOrigin({}, '127.0.0.1:3000', none)).toBeNull();
  });
  it('accepts the page of the same host and port', () => {
    expect(foreignOrigin({ origin: 'http://127.0.0.1:3000' }, '127.0.0.1:3000', none)).toBeNull();
    expect(foreignOrigin({ referer: 'https://fz.example.gov.cn/admin/users' }, 'fz.example.gov.cn', none)).toBeNull();
    expect(foreignOrigin({ origin: 'https://fz.example.gov.cn' }, 'fz.example.gov.cn:443', none)).toBeNull();
  });
  it('refuses another port of the same host, another host, and an opaque origin', () => {
    expect(foreignOrigin({ origin: 'http://127.0.0.1:8080' }, '127.0.0.1:3000', none)).toBe('http://127.0.0.1:8080');
    expect(foreignOrigin({ referer: 'http://evil.example/x' }, '127.0.0.1:3000', none)).toBe('http://evil.example');
    expect(foreignOrigin({ origin: 'null' }, '127.0.0.1:3000', none)).toBe('null');
  });
  it('prefers Origin over Referer', () => {
    expect(foreignOrigin({ origin: 'http://evil.example', referer: 'http://127.0.0.1:3000/' }, '127.0.0.1:3000', none)).toBe('http://evil.example');
  });
  it('accepts an origin named in FAZHI_ALLOWED_ORIGINS', () => {
    const allowed = new Set(parseAllowedOrigins('https://portal.example.gov.cn/, http://10.0.0.5:8080'));
    expect(foreignOrigin({ origin: 'https://portal.example.gov.cn' }, 'fz.example.gov.cn', allowed)).toBeNull();
    expect(foreignOrigin({ origin: 'http://10.0.0.5:8080' }, 'fz.example.gov.cn', allowed)).toBeNull();
  });
});
