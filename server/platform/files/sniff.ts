/** what a file is, from its first bytes, never from its name */
export interface Sniffed {
  mime: string;
  ext: string;
  label: string;
}

const starts = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

export function sniff(b: Uint8Array): Sniffed | null {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf', label: 'PDF 文档' };
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png', label: 'PNG 图片' };
  if (starts(b, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG 图片' };
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { mime: 'image/gif', ext: 'gif', label: 'GIF 图片' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { mime: 'image/webp', ext: 'webp', label: 'WebP 图片' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return { mime: 'audio/wav', ext: 'wav', label: 'WAV 录音' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'AVI ') return { mime: 'video/x-msvideo', ext: 'avi', label: 'AVI 视频' };
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (brand.startsWith('M4A')) return { mime: 'audio/mp4', ext: 'm4a', label: 'M4A 录音' };
    if (brand.startsWith('qt')) return { mime: 'video/quicktime', ext: 'mov', label: 'MOV 视频' };
    return { mime: 'video/mp4', ext: 'mp4', label: 'MP4 视频' };
  }
  if (ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return { mime: 'audio/mpeg', ext: 'mp3', label: 'MP3 录音' };
  if (ascii(b, 0, 6) === '#!AMR\n') return { mime: 'audio/amr', ext: 'amr', label: 'AMR 录音' };
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    // office files are zips; the first entry names tell which
    const head = ascii(b, 0, Math.min(b.length, 4000));
    if (head.includes('word/')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', label: 'Word 文档' };
    if (head.includes('xl/')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', label: 'Excel 表格' };
    if (head.includes('ppt/')) return { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx', label: 'PPT 演示文稿' };
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', label: 'ODT 文档' };
    return { mime: 'application/zip', ext: 'zip', label: 'ZIP 压缩包' };
  }
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mime: 'application/msword', ext: 'doc', label: 'Word/Excel 97 文档' };
  if (ascii(b, 0, 5) === '{\\rtf') return { mime: 'application/rtf', ext: 'rtf', label: 'RTF 文档' };
  if (isUtf8Text(b)) return { mime: 'text/plain', ext: 'txt', label: '文本' };
  return null;
}

function isUtf8Text(b: Uint8Array): boolean {
  const sample = b.subarray(0, 4096);
  if (sample.length === 0 || sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === b.length ? sample : sample.subarray(0, lastBoundary(sample)));
    return true;
  } catch {
    return false;
  }
}

// do not cut a multi-byte character in half at the end of the sample
function lastBoundary(b: Uint8Array): number {
  let i = b.length;
  while (i > 0 && ((b[i - 1] ?? 0) & 0xc0) === 0x80) i--;
  return i > 0 && (b[i - 1] ?? 0) >= 0xc0 ? i - 1 : b.length;
}
