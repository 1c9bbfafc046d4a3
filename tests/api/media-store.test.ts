import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DiskMediaStore } from '../../apps/api/src/media/disk-media-store';
import { MediaStore } from '../../apps/api/src/media/media-store';
import { S3MediaStore } from '../../apps/api/src/media/s3-media-store';
import { startS3 } from '../support/s3-server';

/** The same suite, run against local disk and against S3 (s3rver): both stores must behave alike. */
let s3: Awaited<ReturnType<typeof startS3>>;
const stores: Record<string, () => Promise<MediaStore>> = {
  disk: async () => new DiskMediaStore(await mkdtemp(join(tmpdir(), 'vigie-store-'))),
  s3: async () =>
    new S3MediaStore(
      {
        endpoint: s3.env.S3_ENDPOINT,
        region: 'us-east-1',
        bucket: s3.env.S3_BUCKET,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      },
      await mkdtemp(join(tmpdir(), 'vigie-store-')),
    ),
};

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3.stop());

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(Object.keys(stores))('%s media store', (kind) => {
  let store: MediaStore;
  beforeAll(async () => {
    store = await stores[kind]();
  });

  it('seals a scratch file: the stored bytes are the same, and the scratch file is gone', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const temp = store.tempPath();
    await writeFile(temp, data);
    await store.putFile('sealed/tips/t1/m1', temp);
    const stored = await readAll(await store.read('sealed/tips/t1/m1'));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(
      createHash('sha256').update(data).digest('hex'),
    );
    expect(await readdir(join(temp, '..'))).not.toContain(temp.split('/').pop());
  });

  it('streams a large file in and out (20 MB, in parts)', async () => {
    const data = randomBytes(20 * 1024 * 1024);
    const temp = store.tempPath();
    await writeFile(temp, data);
    await store.putFile('sealed/big', temp);
    expect((await readAll(await store.read('sealed/big'))).equals(data)).toBe(true);
  });

  it('stores buffers, answers exists, removes', async () => {
    await store.putBuffer('renditions/x/thumb.webp', Buffer.from('webp'));
    expect(await store.exists('renditions/x/thumb.webp')).toBe(true);
    await store.remove('renditions/x/thumb.webp');
    expect(await store.exists('renditions/x/thumb.webp')).toBe(false);
  });

  it('reports a missing key as not found, and refuses keys that climb out', async () => {
    await expect(store.read('sealed/nothing-here')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(store.putBuffer('../escape', Buffer.from('x'))).rejects.toThrow(/Invalid media key/);
  });
});
