import { Injectable } from '@nestjs/common';
import type { SocialMessageMedia } from '@vigie/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppConfig } from '../../../config/app-config';
import type { ReceivedFile } from '../../../media/hashing-disk-storage';
import { MediaStore } from '../../../media/media-store';
import { inspectMedia } from '../../../media/upload-inspection';

const MB = 1024 * 1024;

/**
 * The advisory lock (hashtext of this name) around sealed social files: a read holds it shared
 * while it seals a message's files and records the message; the retention purge holds it alone
 * while it checks that no message refers to a file and removes it.
 */
export const SEALED_MEDIA_LOCK = 'reach:social-sealed-media';

/**
 * The files a received message links to, never trusted: fetched only from the account's own
 * server (the message's author chooses the links; anything else would let them make Vigie fetch
 * any address: SSRF), without following redirects, streamed to scratch with a size cap and hashed,
 * then inspected from the bytes as any upload (type allow-list, polyglots and SVG refused) and
 * sealed in the store. A refused file is recorded with the reason and not kept.
 */
@Injectable()
export class ReceivedMedia {
  constructor(
    private readonly config: AppConfig,
    private readonly store: MediaStore,
  ) {}

  async archive(urls: string[], serviceUrl: string): Promise<SocialMessageMedia[]> {
    const out: SocialMessageMedia[] = [];
    for (const url of urls.slice(0, 10)) out.push(await this.one(url, new URL(serviceUrl).origin));
    return out;
  }

  /** A sealed file copied to scratch, to hand to tip intake (which inspects and seals it again). */
  async toScratch(media: SocialMessageMedia, index: number): Promise<ReceivedFile | null> {
    if (media.state !== 'SEALED') return null;
    const path = this.store.tempPath();
    await pipeline(await this.store.read(media.key), createWriteStream(path));
    return {
      fieldname: 'files',
      originalname: `social-${index}`,
      path,
      size: media.size,
      sha256: media.sha256,
    };
  }

  private async one(url: string, origin: string): Promise<SocialMessageMedia> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { url, state: 'REFUSED', reason: 'Not a URL' };
    }
    if (target.origin !== origin) return { url, state: 'REFUSED', reason: 'Not on the account’s server' };
    const max = this.config.env.TIP_FILE_MAX_MB * MB;
    const res = await fetch(target, { redirect: 'error', signal: AbortSignal.timeout(60_000) }).catch(
      () => null,
    );
    if (!res?.ok || !res.body)
      return { url, state: 'REFUSED', reason: `Not fetched (${res?.status ?? 'no answer'})` };
    if (Number(res.headers.get('content-length') ?? 0) > max)
      return { url, state: 'REFUSED', reason: 'Larger than the file limit' };
    const path = this.store.tempPath();
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > max) return done(new Error('Larger than the file limit'));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
        meter,
        createWriteStream(path),
      );
      const type = await inspectMedia(path);
      const sha256 = hash.digest('hex');
      const key = `social/sealed/${sha256}`;
      const kept = `${path}.seal`;
      await copyFile(path, kept);
      await this.store.putFile(key, kept);
      return { url, state: 'SEALED', key, sha256, mime: type.mime, size };
    } catch (err) {
      return { url, state: 'REFUSED', reason: err instanceof Error ? err.message : 'Refused' };
    } finally {
      await rm(path, { force: true });
    }
  }
}
