import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.ts';

describe('sniff', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    ['mp4', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]), 'video/mp4'],
    ['utf-8 text', Buffer.from('询问笔录：当事人陈述如下'), 'text/plain'],
  ])('recognises %s from its bytes', (_n, bytes, mime) => {
    expect(sniff(bytes)?.mime).toBe(mime);
  });
  it('does not trust the name: an executable is refused whatever it is called', () => {
    expect(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]))).toBeNull();
    expect(sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toBeNull();
  });
});
