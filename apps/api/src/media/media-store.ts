import type { Readable } from 'node:stream';

/**
 * Where sealed originals and renditions live. Keys are relative paths such as
 * `sealed/appeal-images/<id>` or `renditions/appeal-images/<id>/card.webp`. Every write is atomic
 * and durable before it resolves: a reader never sees half a file, and an acknowledged file
 * survives a crash.
 */
export abstract class MediaStore {
  /** Moves a finished temporary file into the store (the temporary file is consumed). */
  abstract putFile(key: string, tempPath: string): Promise<void>;
  abstract putBuffer(key: string, data: Buffer): Promise<void>;
  abstract read(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract remove(key: string): Promise<void>;
  /** A private scratch folder on the same filesystem, for uploads in progress. */
  abstract tempPath(): string;
}
