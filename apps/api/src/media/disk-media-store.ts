import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { MediaStore } from './media-store';

/** Local disk, the default: `DATA_DIR/media`, with uploads in progress under `DATA_DIR/media/.tmp`. */
export class DiskMediaStore extends MediaStore {
  private readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    super();
    this.root = resolve(dataDir, 'media');
    this.tmp = join(this.root, '.tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  tempPath(): string {
    return join(this.tmp, randomBytes(12).toString('hex'));
  }

  async putFile(key: string, tempPath: string): Promise<void> {
    await fsyncFile(tempPath);
    await this.moveIntoPlace(tempPath, this.pathOf(key));
  }

  async putBuffer(key: string, data: Buffer): Promise<void> {
    const temp = this.tempPath();
    await writeFile(temp, data, { flush: true });
    await this.moveIntoPlace(temp, this.pathOf(key));
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path); // ENOENT here, not as a stream error mid-response
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** rename(2) is atomic within a filesystem; fsync of the folder makes the new name durable. */
  private async moveIntoPlace(temp: string, target: string): Promise<void> {
    const firstCreated = await mkdir(dirname(target), { recursive: true });
    await rename(temp, target);
    await fsyncFile(dirname(target));
    // Folders made just now are entries in their parents: those must reach the disk too, or a
    // power cut could take a new tip's folder (and the acknowledged file in it) away.
    if (firstCreated) {
      for (let dir = dirname(target); dir !== dirname(firstCreated); dir = dirname(dir))
        await fsyncFile(dirname(dir));
    }
  }

  private pathOf(key: string): string {
    const path = normalize(join(this.root, key));
    if (!path.startsWith(this.root + sep) || key.includes('..')) throw new Error(`Invalid media key: ${key}`);
    return path;
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
