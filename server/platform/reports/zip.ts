import { crc32, deflateRawSync } from 'node:zlib';

/** one file of a ZIP package */
export interface ZipEntry {
  name: string;
  data: string | Buffer;
}

// 1980-01-01 00:00, the earliest DOS date: the same input gives the same bytes
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * a ZIP file (PKWARE APPNOTE 6.3: local headers, deflated data, central directory), as OOXML packages are: small,
 * in memory, deflated by zlib. Word, WPS and LibreOffice open it; `[Content_Types].xml` must be the first entry.
 */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const packed = deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(raw);
    // the fields both headers share, in the same order: version needed, flags, method, time, date, CRC, sizes, name length
    const shared = (b: Buffer, at: number): void => {
      b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt16LE(DOS_TIME, at + 6);
      b.writeUInt16LE(DOS_DATE, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(raw.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    shared(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
