import { Injectable } from '@nestjs/common';
import type { SocialMessageMedia } from '@vigie/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainException } from '../../../common/domain.exception';
import {
  AnswerTimeoutError,
  AnswerTooLargeError,
  InternalAddressError,
  PublicHttp,
} from '../../../common/public-http';
import { AppConfig } from '../../../config/app-config';
import type { ReceivedFile } from '../../../media/hashing-disk-storage';
import { decodeImage, renderAll } from '../../../media/image-renditions';
import { MediaStore } from '../../../media/media-store';
import { inspectMedia } from '../../../media/upload-inspection';

const MB = 1024 * 1024;
/**
 * A received message's files are fetched whole within this, together, or refused: a stranger's
 * message that links ten slow files holds the read for this long, not ten times as long.
 */
const FETCH_TIMEOUT_MS = 60_000;
/** Files of one message kept at most (a network allows 4 photos; a stranger's note may list more). */
const MAX_FILES = 10;

/**
 * The advisory lock (hashtext of this name) around sealed social files: a read holds it shared
 * while it records a message that refers to its files; the retention purge holds it alone while
 * it checks that no message refers to a file and removes it.
 */
export const SEALED_MEDIA_LOCK = 'reach:social-sealed-media';

/** Where the clean copy of a sealed image lives: made from it, so removed with it. */
export function cleanKeyOf(sealedKey: string): string {
  return `${sealedKey.replace(/^social\/sealed\//, 'social/clean/')}.jpeg`;
}

/** What one message's files came to, before the message is recorded. */
export interface FetchedMedia {
  /** As the message keeps them: sealed, or refused with the reason. */
  media: SocialMessageMedia[];
  /** The scratch copies of the kept ones, to put in the store (keep) and remove (release). */
  files: { key: string; path: string; clean: Buffer | null }[];
}

/**
 * The files a received message links to, never trusted. The message's author chooses the links:
 * a reply from another fediverse server, X's or Facebook's media hosts. Each is fetched through
 * `PublicHttp` (public https only, the name resolved and refused if any of its addresses is
 * loopback, private, link-local or otherwise internal: no SSRF), without redirects, within a
 * deadline and TIP_FILE_MAX_MB, streamed to scratch and hashed, then inspected from the bytes as
 * any upload (type allow-list, polyglots and SVG refused, a real decode); an image also gets a
 * clean copy, decoded and re-encoded without any metadata (social/clean/), beside the sealed
 * original (social/sealed/<sha256>), which is the record. A file refused, or that could not be
 * fetched, is recorded with the reason and not kept; the message is archived all the same.
 *
 * Tests and labs: SOCIAL_MEDIA_ALLOW_INSECURE lets plain http and internal addresses through, and
 * a file on the account's own server is fetched as the account was connected
 * (SOCIAL_ALLOW_INSECURE_SERVICE: a local Bluesky PDS).
 */
@Injectable()
export class ReceivedMedia {
  constructor(
    private readonly config: AppConfig,
    private readonly store: MediaStore,
    private readonly http: PublicHttp,
  ) {}

  /**
   * Fetches each file, side by side under one deadline, then inspects them one at a time (a
   * decode each: never ten at once in memory). Network work, done before any transaction.
   */
  async fetch(urls: string[], serviceUrl: string): Promise<FetchedMedia> {
    const fetched: FetchedMedia = { media: [], files: [] };
    const own = new URL(serviceUrl).origin;
    const deadline = Date.now() + FETCH_TIMEOUT_MS;
    const downloads = await Promise.all(
      urls.slice(0, MAX_FILES).map((url) => this.download(url, own, deadline)),
    );
    for (const download of downloads) {
      const one = 'path' in download ? await this.inspect(download) : download;
      fetched.media.push(one.media);
      if (one.file) fetched.files.push(one.file);
    }
    return fetched;
  }

  /**
   * Puts the kept files in the store (the same bytes, the same key: idempotent). Called before the
   * message is recorded, and again after with `missingOnly`: a retention purge that ran in between,
   * when no message referred to a file yet, may have removed it; once the message is recorded, no
   * purge removes it any more.
   */
  async keep(fetched: FetchedMedia, options: { missingOnly?: boolean } = {}): Promise<void> {
    for (const file of fetched.files) {
      if (!options.missingOnly || !(await this.store.exists(file.key))) {
        const copy = `${file.path}.seal`; // putFile consumes its file; the scratch copy stays for a second keep
        await copyFile(file.path, copy);
        await this.store.putFile(file.key, copy);
      }
      const cleanKey = cleanKeyOf(file.key);
      if (file.clean && (!options.missingOnly || !(await this.store.exists(cleanKey))))
        await this.store.putBuffer(cleanKey, file.clean);
    }
  }

  /** Removes the scratch copies. */
  async release(fetched: FetchedMedia): Promise<void> {
    for (const file of fetched.files) await rm(file.path, { force: true });
  }

  /** An image's clean copy, to show staff. */
  cleanCopy(cleanKey: string): Promise<Readable> {
    return this.store.read(cleanKey);
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

  /** One file to scratch, hashed; or why not. */
  private async download(
    url: string,
    ownOrigin: string,
    deadline: number,
  ): Promise<Downloaded | { media: SocialMessageMedia; file?: undefined }> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { media: { url, state: 'REFUSED', reason: 'Not a URL' } };
    }
    const env = this.config.env;
    const allowInsecure =
      env.SOCIAL_MEDIA_ALLOW_INSECURE || (target.origin === ownOrigin && env.SOCIAL_ALLOW_INSECURE_SERVICE);
    const path = this.store.tempPath();
    const hash = createHash('sha256');
    try {
      const answer = await this.http.download(
        target.toString(),
        {
          headers: { accept: 'image/*, video/*, audio/*' },
          timeoutMs: Math.max(1, deadline - Date.now()),
          maxBytes: env.TIP_FILE_MAX_MB * MB,
          allowInsecure,
          onChunk: (chunk) => hash.update(chunk),
        },
        path,
      );
      if (answer.status < 200 || answer.status >= 300) {
        await rm(path, { force: true });
        return {
          media: { url, state: 'REFUSED', reason: `Not fetched: the server answered ${answer.status}` },
        };
      }
      return { url, path, sha256: hash.digest('hex'), size: answer.size };
    } catch (err) {
      await rm(path, { force: true });
      return { media: { url, state: 'REFUSED', reason: refusal(err, env.TIP_FILE_MAX_MB) } };
    }
  }

  /** A downloaded file inspected from its bytes as any upload, with an image's clean copy. */
  private async inspect({
    url,
    path,
    sha256,
    size,
  }: Downloaded): Promise<{ media: SocialMessageMedia; file?: FetchedMedia['files'][number] }> {
    try {
      const type = await inspectMedia(path);
      const clean = type.kind === 'image' ? await cleanCopy(path, type.mime) : null;
      const key = `social/sealed/${sha256}`;
      return {
        media: {
          url,
          state: 'SEALED',
          key,
          sha256,
          mime: type.mime,
          size,
          ...(clean ? { cleanKey: cleanKeyOf(key) } : {}),
        },
        file: { key, path, clean },
      };
    } catch (err) {
      await rm(path, { force: true });
      return { media: { url, state: 'REFUSED', reason: refusal(err, this.config.env.TIP_FILE_MAX_MB) } };
    }
  }
}

/** A file fetched to scratch, not yet inspected. */
interface Downloaded {
  url: string;
  path: string;
  sha256: string;
  size: number;
}

/** The image decoded once, upright, re-encoded as JPEG with no metadata at all (as tips' renditions). */
async function cleanCopy(path: string, mime: string): Promise<Buffer> {
  const [copy] = await renderAll(await decodeImage(path, mime), [
    { name: 'clean', maxEdge: 2048, formats: ['jpeg'] },
  ]);
  return copy.data;
}

/** Why a file was not kept, in words the desk shows as they are. */
function refusal(err: unknown, maxMb: number): string {
  if (err instanceof InternalAddressError) return 'Not fetched: not a public https address';
  if (err instanceof AnswerTooLargeError) return `Larger than the file limit (${maxMb} MB)`;
  if (err instanceof AnswerTimeoutError)
    return `Not fetched: no whole answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  if (err instanceof DomainException) return `${err.message} (${err.code})`;
  const code = (err as NodeJS.ErrnoException)?.code;
  return `Not fetched: no answer${code ? ` (${code})` : ''}`;
}
