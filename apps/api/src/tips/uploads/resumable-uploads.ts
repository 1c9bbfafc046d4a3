import { Injectable, OnModuleInit } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server, type Upload } from '@tus/server';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config';
import { DomainException } from '../../common/domain.exception';
import { SharedUploadLocker } from './shared-upload-locker';
import { TipFollowUpService } from '../follow-up/tip-follow-up.service';
import { UploadBudgets } from './upload-budget';
import { isDatabaseUnavailable } from '../../database/database-unavailable';

export const UPLOADS_PATH = '/api/public/tips/follow-up/uploads';

/**
 * How long unfinished uploads are kept; also how long one may go on after its token expired.
 * After it, tus refuses to resume them and the upload sweep (upload-sweep.service.ts) deletes them.
 */
export const UPLOAD_LIFETIME_MS = 24 * 3_600_000;

/** Uploads in progress: beside the media store, so that sealing a finished upload is a rename, not a copy. */
export const resumableUploadsFolder = (dataDir: string) => resolve(dataDir, 'media', '.tus');

/** Which follow-up token started an upload, kept in its metadata without the token itself. */
const tokenHash = (authorization: string | null) =>
  createHash('sha256')
    .update(authorization ?? '')
    .digest('base64url');

/** What tus sends back on a refusal: its own status and a plain message. */
const refuse = (status: number, message: string) => ({ status_code: status, body: message });

/**
 * A PATCH may write only what the upload reserved: tus already bounds a declared length, so this
 * matters when the length was deferred. Bytes beyond, or a body of unknown length, are refused
 * before they are written.
 */
function refusePastReservation(headers: Headers, upload: Upload): void {
  const reserved = Number(upload.metadata?.reservedBytes ?? Infinity);
  const declared = Number(headers.get('upload-length') ?? upload.size ?? 0);
  const offset = Number(headers.get('upload-offset') ?? 0);
  const length = headers.get('content-length');
  if (declared > reserved || (length !== null && offset + Number(length) > reserved))
    throw refuse(413, JSON.stringify({ statusCode: 413, code: 'TOTAL_TOO_LARGE', message: TOO_MUCH }));
  if (length === null && upload.size === undefined) throw refuse(411, 'Say the length of each chunk');
}

const TOO_MUCH = 'These files are too large together; this tip cannot take more';

/** A domain refusal in the same body as the other routes' (the page tells DAMAGED from HIDDEN_DATA). */
function refusalOf(err: unknown): unknown {
  if (!(err instanceof DomainException)) return err;
  const { status, code, message, details } = err;
  return refuse(status, JSON.stringify({ statusCode: status, code, message, ...details }));
}

/**
 * Resumable uploads (tus 1.0) for what is too large to send in one request, mostly phone video.
 * The tipster's follow-up token authorises every request, and an upload belongs to the tip that
 * created it. A finished upload goes through exactly the same inspection, sealing and processing
 * as a file sent with the tip. Uploads are locked across API processes (shared-upload-locker.ts):
 * a retried chunk may reach another replica while the first still writes.
 */
@Injectable()
export class ResumableUploads implements OnModuleInit {
  readonly server: Server;
  private readonly directory: string;
  private readonly maxFileBytes: number;

  constructor(
    private readonly followUp: TipFollowUpService,
    config: AppConfig,
    locker: SharedUploadLocker,
    private readonly budgets: UploadBudgets,
  ) {
    this.directory = resumableUploadsFolder(config.env.DATA_DIR);
    this.maxFileBytes = config.env.TIP_FILE_MAX_MB * 1024 * 1024;
    const store = new FileStore({
      directory: this.directory,
      expirationPeriodInMilliseconds: UPLOAD_LIFETIME_MS,
    });
    this.server = new Server({
      path: UPLOADS_PATH,
      datastore: store,
      locker,
      relativeLocation: true,
      respectForwardedHeaders: false,
      maxSize: this.maxFileBytes,
      onIncomingRequest: async (req, uploadId) => {
        const authorization = req.headers.get('authorization');
        if (!uploadId || req.method === 'POST') return void this.tipOf(authorization);
        const upload = await store.getUpload(uploadId).catch(() => null);
        let tipId: string;
        try {
          tipId = this.tipOf(authorization);
        } catch (refusal) {
          // A 2 GB video on a slow connection can outlast the 30-minute token: the very token that
          // started an upload may finish it, for as long as the upload is kept. No other expired
          // token goes on with anything; a new upload always needs a valid one.
          if (!upload || upload.metadata?.tokenHash !== tokenHash(authorization)) throw refusal;
          tipId = this.tipOf(authorization, UPLOAD_LIFETIME_MS);
        }
        // Someone else's upload is not found, like anything of another tipster's.
        if (upload && upload.metadata?.tipId !== tipId) throw refuse(404, 'Upload not found');
        if (upload && req.method === 'PATCH') refusePastReservation(req.headers, upload);
      },
      // The database away mid-upload (a lock, the finish): 503, which tus clients retry, rather
      // than tus's 500 quoting the error.
      onResponseError: (_req, err) =>
        isDatabaseUnavailable(err)
          ? refuse(503, 'The service is briefly unavailable; try again in a few seconds')
          : undefined,
      // Set here, over whatever the client's Upload-Metadata said. The declared length is reserved
      // against the tip's limits before a byte is written; tus itself then refuses any byte past it.
      onUploadCreate: async (req, upload) => {
        const authorization = req.headers.get('authorization');
        const tipId = this.tipOf(authorization);
        let reserved: number;
        try {
          // A length deferred (Upload-Defer-Length) reserves what the tip has left, and each PATCH
          // must then fit in it (refusePastReservation).
          const { budget } = await this.budgets.reserve(tipId, {
            id: upload.id,
            bytes: upload.size === undefined ? undefined : Math.min(upload.size, this.maxFileBytes),
            // One file, deferred or not: holding the tip's whole remainder (for a day, if abandoned)
            // would refuse every other upload to the tip while this one can never use more than this.
            atMost: this.maxFileBytes,
            files: 1,
            ttlMs: UPLOAD_LIFETIME_MS,
          });
          reserved = Math.min(budget.bytes, this.maxFileBytes);
        } catch (err) {
          throw refusalOf(err);
        }
        return {
          metadata: {
            ...upload.metadata,
            tipId,
            tokenHash: tokenHash(authorization),
            reservedBytes: String(reserved),
          },
        };
      },
      onUploadFinish: async (_req, upload) => {
        // tus calls this after releasing its lock, so a duplicate final PATCH (a retry that reached
        // another process) could finish the upload twice. Finishes take turns under the same lock,
        // never interrupted (requestRelease does nothing), and the second finds the upload gone:
        // recorded or refused by the first. It is answered like any request for a finished upload.
        const lock = locker.newLock(upload.id);
        await lock.lock(new AbortController().signal, () => undefined);
        try {
          if (!(await store.getUpload(upload.id).then(Boolean, () => false))) {
            throw refuse(404, 'Upload not found');
          }
          return await this.finish(upload);
        } finally {
          await lock.unlock();
        }
      },
    });
  }

  async onModuleInit(): Promise<void> {
    // An upload the tipster cancels gives its reservation back; one left unfinished lapses with it.
    this.server.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
      void this.budgets.release(id).catch(() => undefined);
    });
    await mkdir(this.directory, { recursive: true });
  }

  /** Inspects, seals and records a finished upload, then removes it from the upload area. */
  private async finish(upload: Upload): Promise<Record<string, never>> {
    const path = join(this.directory, upload.id);
    try {
      const hash = createHash('sha256');
      await pipeline(createReadStream(path), hash);
      await this.followUp.addFiles(String(upload.metadata?.tipId), [
        {
          fieldname: 'files',
          originalname: 'upload',
          path,
          size: upload.size ?? upload.offset,
          sha256: hash.digest('hex'),
        },
      ]);
      return {};
    } catch (err) {
      throw refusalOf(err);
    } finally {
      await rm(path, { force: true });
      await rm(`${path}.json`, { force: true });
      await this.budgets.release(upload.id);
    }
  }

  private tipOf(authorization: string | null, graceMs = 0): string {
    try {
      return this.followUp.tipIdOf(authorization ?? undefined, graceMs);
    } catch {
      throw refuse(401, 'Your follow-up session has expired; sign in again with your code and password');
    }
  }
}
