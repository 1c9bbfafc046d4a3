import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ByteRange, MediaStore, StoredFile } from './media-store';

export interface S3Options {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Keys per ListObjectsV2 page; S3's own maximum (1000) unless a test wants many pages. */
  listPageSize?: number;
}

/**
 * S3-compatible object storage (AWS, MinIO, Ceph, …) for deployments of more than one machine.
 * Uploads stream from the scratch file in bounded parts, never whole in memory; an object exists
 * only once S3 has acknowledged all of it, which is what "sealed" needs. Scratch files stay on
 * local disk (DATA_DIR/media/.tmp).
 */
export class S3MediaStore extends MediaStore {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3Options,
    dataDir: string,
  ) {
    super(dataDir);
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey ?? '' }
        : undefined,
    });
  }

  async putFile(key: string, tempPath: string): Promise<void> {
    await this.upload(key, createReadStream(tempPath));
    await rm(tempPath, { force: true });
  }

  async putBuffer(key: string, data: Buffer): Promise<void> {
    await this.upload(key, data);
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key: checked(key),
          Range: range && `bytes=${range.start}-${range.end}`,
        }),
      );
      return Body as Readable;
    } catch (err) {
      throw notFound(err, key);
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: checked(key) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: checked(key) }));
  }

  /** One ListObjectsV2 page at a time, following the continuation token. */
  async *list(prefix: string): AsyncIterable<StoredFile> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: checked(prefix),
          ContinuationToken: token,
          MaxKeys: this.options.listPageSize,
        }),
      );
      for (const object of page.Contents ?? [])
        if (object.Key && object.LastModified) yield { key: object.Key, modifiedAt: object.LastModified };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Multipart upload in 8 MiB parts, two at a time: at most ~16 MiB in memory whatever the size. */
  private async upload(key: string, body: Readable | Buffer): Promise<void> {
    await new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: checked(key), Body: body },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
    }).done();
  }
}

function checked(key: string): string {
  if (key.includes('..') || key.startsWith('/')) throw new Error(`Invalid media key: ${key}`);
  return key;
}

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** The same error shape as a missing file on disk, so callers need not know the store. */
function notFound(err: unknown, key: string): unknown {
  if (!isMissing(err)) return err;
  return Object.assign(new Error(`No such media: ${key}`), { code: 'ENOENT' });
}
