import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/** One stored file, as a listing gives it. */
export interface StoredFile {
  key: string;
  /** When the file entered the store (sealed, or a rendition written). */
  modifiedAt: Date;
}

/** Bytes `start` to `end`, both included, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where sealed originals and renditions live. Keys are relative paths such as
 * `sealed/appeal-images/<id>` or `renditions/appeal-images/<id>/card.webp`. Every write is atomic
 * and durable before it resolves: a reader never sees half a file, and an acknowledged file
 * survives a crash.
 */
export abstract class MediaStore {
  /** Scratch files stay on local disk whatever the store: `DATA_DIR/media/.tmp`. */
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.tmp = join(resolve(dataDir, 'media'), '.tmp');
    mkdirSync(this.tmp, { recursive: true });
  }
  /** Moves a finished temporary file into the store (the temporary file is consumed). */
  abstract putFile(key: string, tempPath: string): Promise<void>;
  abstract putBuffer(key: string, data: Buffer): Promise<void>;
  /**
   * The file, or only bytes `start` to `end` inclusive (an HTTP range: a video player seeking).
   * The caller checks the range against the file's size.
   */
  abstract read(key: string, range?: ByteRange): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract remove(key: string): Promise<void>;
  /**
   * Every file whose key starts with `prefix` (a plain string prefix, as in S3: `sealed/tips/`
   * lists every tip's originals), in no particular order, fetched as it is read rather than all
   * at once. Files written or removed while it runs may or may not be listed.
   */
  abstract list(prefix: string): AsyncIterable<StoredFile>;
  /** A new path in a private scratch folder on the same filesystem, for uploads in progress. */
  tempPath(): string {
    return join(this.tmp, randomBytes(12).toString('hex'));
  }

  /** The local folder tempPath() names paths in; whatever is left there after a crash is swept. */
  tempFolder(): string {
    return this.tmp;
  }
}
