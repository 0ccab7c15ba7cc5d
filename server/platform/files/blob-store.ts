import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sm3 } from '../crypto/sm.ts';

/** content-addressed files under the data directory: the SM3 of the bytes is the name, so a file is stored once */
export class BlobStore {
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }
  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('bad hash');
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }
  async put(bytes: Uint8Array): Promise<string> {
    const hash = sm3(bytes);
    const target = this.pathOf(hash);
    if (!existsSync(target)) {
      await mkdir(join(target, '..'), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, target);
    }
    return hash;
  }
  get(hash: string): Promise<Buffer> {
    return readFile(this.pathOf(hash));
  }
}
