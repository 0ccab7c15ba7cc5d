import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zip } from './zip.ts';

describe('zip', () => {
  it('writes a package that a ZIP reader opens, with each file’s bytes and name intact', async () => {
    const big = '法治政府建设'.repeat(5000);
    const bytes = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: big },
      { name: 'media/empty.bin', data: Buffer.alloc(0) },
    ]);
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(['[Content_Types].xml', 'word/document.xml', 'media/empty.bin']);
    expect(await read.file('word/document.xml')?.async('string')).toBe(big);
    expect((await read.file('media/empty.bin')?.async('uint8array'))?.length).toBe(0);
    // deflated: the repeated text takes a small part of its size
    expect(bytes.length).toBeLessThan(Buffer.byteLength(big) / 20);
  });

  it('gives the same bytes for the same files', () => {
    const files = [{ name: 'a.xml', data: '<a/>' }];
    expect(zip(files).equals(zip(files))).toBe(true);
  });
});
