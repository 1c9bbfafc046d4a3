import { createHash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { MANIFEST_FILE, MANIFEST_HASH_FILE, ManifestFile, sha256Line } from './evidence-package';

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Passes bytes through unchanged while counting and hashing them. */
class Measure extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Writes an evidence ZIP as a stream (yazl): entries go out one after another as the reader takes
 * them, so a package of many gigabytes of video costs a few buffers of memory. Each entry is hashed
 * on its way in, so the manifest describes the very bytes that were written, and is added last.
 */
export class EvidenceZipWriter {
  readonly files: ManifestFile[] = [];
  private readonly zip = new ZipFile();
  private current?: { source: Readable; measure: Measure };
  private failure?: Error;

  constructor(private readonly mtime: Date) {
    // yazl reports a stream that breaks mid-entry here; fail whatever entry is being written.
    this.zip.on('error', (err: Error) => this.abort(err));
  }

  get output(): Readable {
    return this.zip.outputStream as Readable;
  }

  addBuffer(path: string, data: Buffer | string): void {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
    this.zip.addBuffer(buffer, path, { mtime: this.mtime, compress: true });
    this.files.push({ path, sha256: sha256Hex(buffer), bytes: buffer.length });
  }

  /**
   * Copies one stream into the archive, stored without compression (photos and video are already
   * compressed, and a stored entry is the original's bytes verbatim inside the ZIP). Resolves once
   * the archive has taken all of it.
   */
  async addStream(
    path: string,
    source: Readable,
    options: { size: number; mtime: Date },
  ): Promise<ManifestFile> {
    if (this.failure) throw this.failure;
    const measure = new Measure();
    this.current = { source, measure };
    source.on('error', (err) => measure.destroy(err));
    this.zip.addReadStream(source.pipe(measure), path, {
      mtime: options.mtime,
      compress: false,
      size: options.size,
    });
    try {
      await finished(measure);
    } finally {
      this.current = undefined;
    }
    if (this.failure) throw this.failure;
    const file = { path, sha256: measure.digest(), bytes: measure.bytes };
    this.files.push(file);
    return file;
  }

  /** Adds the manifest and its hash, and ends the archive. */
  finish(manifestJson: Buffer, manifestSha256: string): void {
    this.zip.addBuffer(manifestJson, MANIFEST_FILE, { mtime: this.mtime, compress: true });
    this.zip.addBuffer(Buffer.from(sha256Line(manifestSha256)), MANIFEST_HASH_FILE, {
      mtime: this.mtime,
      compress: false,
    });
    this.zip.end();
  }

  /** Stops at once: the entry in progress fails, and no central directory is ever written. */
  abort(err: Error): void {
    this.failure ??= err;
    this.current?.source.destroy();
    this.current?.measure.destroy(err);
  }
}
