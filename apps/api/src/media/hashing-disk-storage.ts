import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageEngine } from 'multer';
import { mediaError } from './media.errors';
import { MediaStore } from './media-store';

/** What an upload left on disk: never in memory, hashed while it streamed. */
export interface ReceivedFile {
  fieldname: string;
  originalname: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * What one request may still write, set on the request (`req.uploadBudget`) by whoever knows the
 * limits before multer reads the body: a file past `files`, or a byte past `bytes`, stops the
 * upload with `refuse`'s error, and the partial file is removed.
 */
export interface StreamBudget {
  bytes: number;
  files: number;
  refuse: (limit: 'bytes' | 'files') => Error;
}

type BudgetedRequest = Request & { uploadBudget?: StreamBudget };

/**
 * A multer storage engine that streams each file into the media store's scratch folder while
 * computing its SHA-256, so no upload is ever held whole in memory and the hash costs no second
 * read. Sealing (fsync, then rename into place) happens later, once the file has been inspected.
 */
export class HashingDiskStorage implements StorageEngine {
  /** Bytes received so far per request, to stop a request that exceeds its total as soon as it does. */
  private readonly received = new WeakMap<Request, number>();
  /** Files begun so far per request. */
  private readonly files = new WeakMap<Request, number>();

  constructor(
    private readonly store: MediaStore,
    private readonly limits: { maxTotalBytes?: number } = {},
  ) {}

  _handleFile(
    req: BudgetedRequest,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<ReceivedFile>) => void,
  ): void {
    const budget = req.uploadBudget;
    const count = (this.files.get(req) ?? 0) + 1;
    this.files.set(req, count);
    // Refused before a byte of this file is written.
    if (budget && count > budget.files) return callback(budget.refuse('files'));
    const path = this.store.tempPath();
    const hash = createHash('sha256');
    const received = this.received;
    const maxTotal = Math.min(budget?.bytes ?? Infinity, this.limits.maxTotalBytes ?? Infinity);
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        // Counted across all the files of the request, so one request cannot pass its budget.
        const total = (received.get(req) ?? 0) + chunk.length;
        received.set(req, total);
        if (total <= maxTotal) return done(null, chunk);
        const refusal = budget
          ? budget.refuse('bytes')
          : mediaError('TOO_LARGE', { message: 'These files are too large together' });
        // The partial file goes before the refusal travels: the answer may leave as soon as
        // multer hears of it, and a refused upload must leave nothing behind by then.
        void rm(path, { force: true }).finally(() => done(refusal));
      },
    });
    pipeline(file.stream, meter, createWriteStream(path)).then(
      () => callback(null, { path, size, sha256: hash.digest('hex') }),
      (err) => rm(path, { force: true }).finally(() => callback(err)),
    );
  }

  _removeFile(
    _req: Request,
    file: Express.Multer.File & Partial<ReceivedFile>,
    callback: (error: Error | null) => void,
  ): void {
    if (!file.path) return callback(null);
    rm(file.path, { force: true }).then(() => callback(null), callback);
  }
}

/** Deletes the scratch copies of an upload that was refused or already sealed elsewhere. */
export async function discardUploads(files: { path?: string }[] | undefined): Promise<void> {
  await Promise.all((files ?? []).map((f) => (f.path ? rm(f.path, { force: true }) : undefined)));
}
