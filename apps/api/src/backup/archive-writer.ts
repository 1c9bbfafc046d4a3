import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/**
 * A ZIP written entry by entry, each `add` resolving once its bytes are in the archive: the
 * cluster's files must be read whole before the backup is closed in Postgres (pg_backup_stop), so
 * the order of reads is the order of calls, not whenever the ZIP gets round to them. Written to
 * `<file>.partial`, fsynced, then renamed: a backup cut short never looks finished.
 */
export class ArchiveWriter {
  private readonly zip = new ZipFile();
  private readonly partial: string;
  private readonly written: Promise<void>;
  entries = 0;
  bytes = 0;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.written = finished(this.zip.outputStream.pipe(createWriteStream(this.partial, { mode: 0o600 })));
    this.written.catch(() => undefined); // surfaced by close()
  }

  addBuffer(name: string, data: Buffer): void {
    this.zip.addBuffer(data, name, { mode: 0o100600 });
    this.entries++;
    this.bytes += data.length;
  }

  addDirectory(name: string): void {
    this.zip.addEmptyDirectory(name, { mode: 0o40700 });
  }

  /**
   * Adds the file as it is when read, resolving with the bytes read once they are in the ZIP, or
   * with null (and no entry) when the file is gone before it is opened; the caller judges that.
   * It is opened first, so a file removed while it is read is still read whole.
   */
  async addFile(name: string, path: string, compress: boolean): Promise<number | null> {
    const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (!handle) return null;
    return new Promise((resolve, reject) => {
      // Counted on the way through: a 'data' listener on the file itself would start it flowing
      // before the ZIP reads it, and those bytes would be lost.
      let bytes = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const stream = handle.createReadStream();
      stream.on('error', (err) => counted.destroy(err));
      counted.on('error', reject);
      counted.on('end', () => {
        this.entries++;
        this.bytes += bytes;
        resolve(bytes);
      });
      this.zip.addReadStreamLazy(name, { compressionLevel: compress ? 1 : 0, mode: 0o100600 }, (cb) =>
        cb(null, stream.pipe(counted)),
      );
    });
  }

  async close(): Promise<void> {
    this.zip.end();
    await this.written;
    const handle = await open(this.partial, 'r');
    await handle.sync().finally(() => handle.close());
    await rename(this.partial, this.file);
  }

  async abandon(): Promise<void> {
    this.zip.end();
    await this.written.catch(() => undefined);
    await rm(this.partial, { force: true });
  }
}
