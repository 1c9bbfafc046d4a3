import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { MediaStore } from '../../media/media-store';
import { smsError } from './sms.errors';

const MB = 1024 * 1024;
const MAX_REDIRECTS = 3;

/**
 * Fetches an MMS's files from the provider. Only URLs on the configured provider's origin are
 * fetched, with the account's credentials (a signed webhook could still carry any URL: no request
 * to an address we did not configure, SSRF). The provider may redirect to its file storage over
 * HTTPS; the credentials are never sent there. Each file streams to scratch, hashed, stopped at
 * TIP_FILE_MAX_MB; inspection and sealing follow as for any upload.
 */
@Injectable()
export class ProviderMedia {
  constructor(
    private readonly config: AppConfig,
    private readonly store: MediaStore,
  ) {}

  async fetchAll(urls: string[]): Promise<ReceivedFile[]> {
    const files: ReceivedFile[] = [];
    try {
      for (const [index, url] of urls.entries()) files.push(await this.fetchOne(url, index));
      return files;
    } catch (err) {
      await this.discard(files);
      throw err;
    }
  }

  async discard(files: ReceivedFile[]): Promise<void> {
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
  }

  private async fetchOne(url: string, index: number): Promise<ReceivedFile> {
    const base = new URL(this.config.env.SMS_API_BASE_URL);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw smsError('BAD_WEBHOOK', { errors: { [`MediaUrl${index}`]: 'Not a URL' } });
    }
    if (target.origin !== base.origin)
      throw smsError('BAD_WEBHOOK', { errors: { [`MediaUrl${index}`]: 'Not on the SMS provider' } });
    const { env } = this.config;
    const auth = `Basic ${Buffer.from(`${env.SMS_ACCOUNT_SID}:${env.SMS_AUTH_TOKEN}`).toString('base64')}`;
    let res: Response | undefined;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const own = target.origin === base.origin;
      res = await fetch(target, {
        headers: own ? { authorization: auth } : {},
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      }).catch(() => undefined);
      if (!res || res.status < 300 || res.status >= 400) break;
      const location = res.headers.get('location');
      const next = location ? new URL(location, target) : null;
      if (!next || (next.protocol !== 'https:' && next.origin !== base.origin)) break;
      target = next;
    }
    const max = env.TIP_FILE_MAX_MB * MB;
    if (!res?.ok || !res.body || Number(res.headers.get('content-length') ?? 0) > max)
      throw smsError('MEDIA_UNAVAILABLE');
    const path = this.store.tempPath();
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > max) return done(smsError('MEDIA_UNAVAILABLE'));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
        meter,
        createWriteStream(path),
      );
    } catch (err) {
      await rm(path, { force: true });
      throw err instanceof Error && 'status' in err ? err : smsError('MEDIA_UNAVAILABLE');
    }
    return { fieldname: 'files', originalname: `mms-${index}`, path, size, sha256: hash.digest('hex') };
  }
}
