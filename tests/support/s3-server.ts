import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver ships no types; it is a test double for S3, started on loopback by the tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

export const S3_BUCKET = 'vigie-media';

/** A local S3-compatible server (s3rver) with one bucket, and the env that points Vigie at it. */
export async function startS3(): Promise<{
  env: Record<string, string>;
  /** Backdates an object's LastModified (s3rver reports its file's mtime), as if stored at `at`. */
  backdate(key: string, at: Date): Promise<void>;
  stop(): Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'vigie-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: S3_BUCKET }],
  });
  const { port } = await server.run();
  return {
    env: {
      MEDIA_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    backdate: async (key, at) => {
      const parts = key.split('/');
      const file = `${parts.pop()}._S3rver_object`;
      await utimes(join(directory, S3_BUCKET, ...parts, file), at, at);
    },
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
