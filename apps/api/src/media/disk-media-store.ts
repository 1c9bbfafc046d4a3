import { createReadStream } from 'node:fs';
import { mkdir, open, opendir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { ByteRange, MediaStore, StoredFile } from './media-store';

/** Local disk, the default: `DATA_DIR/media`, with uploads in progress under `DATA_DIR/media/.tmp`. */
export class DiskMediaStore extends MediaStore {
  private readonly root: string;

  constructor(dataDir: string) {
    super(dataDir);
    this.root = resolve(dataDir, 'media');
  }

  async putFile(key: string, tempPath: string): Promise<void> {
    // A rename keeps the time of the upload's last byte; the sealing time is what list() must
    // report (as S3 does), since the upload sweep's age guard protects an intake between sealing
    // and its commit, and that can come well after the last byte (inspection, other files).
    const now = new Date();
    await utimes(tempPath, now, now);
    await fsyncFile(tempPath);
    await this.moveIntoPlace(tempPath, this.pathOf(key));
  }

  async putBuffer(key: string, data: Buffer): Promise<void> {
    const temp = this.tempPath();
    await writeFile(temp, data, { flush: true });
    await this.moveIntoPlace(temp, this.pathOf(key));
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path); // ENOENT here, not as a stream error mid-response
    return createReadStream(path, range && { start: range.start, end: range.end });
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

  async *list(prefix: string): AsyncIterable<StoredFile> {
    if (prefix.includes('..') || prefix.startsWith('/'))
      throw new Error(`Invalid media key prefix: ${prefix}`);
    // Walk only the folder the prefix names (`sealed/tips/` walks sealed/tips), keeping keys that match.
    yield* this.walk(prefix.slice(0, prefix.lastIndexOf('/') + 1), prefix);
  }

  /** Depth first, one open folder per level; a folder removed meanwhile is simply not listed. */
  private async *walk(folderKey: string, prefix: string): AsyncGenerator<StoredFile> {
    const folder = await opendir(join(this.root, folderKey)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
      throw err;
    });
    if (!folder) return;
    for await (const entry of folder) {
      // .tmp and .tus at the top hold uploads in progress, not stored files.
      if (folderKey === '' && entry.name.startsWith('.')) continue;
      const key = folderKey + entry.name;
      if (entry.isDirectory()) {
        if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* this.walk(`${key}/`, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const info = await stat(join(this.root, key)).catch(() => null);
        if (info) yield { key, modifiedAt: info.mtime };
      }
    }
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
