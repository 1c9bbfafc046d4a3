import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DiskMediaStore } from '../../apps/api/src/media/disk-media-store';
import { MediaStore } from '../../apps/api/src/media/media-store';
import { S3MediaStore } from '../../apps/api/src/media/s3-media-store';
import { startS3 } from '../support/s3-server';

/**
 * The same suite, run against local disk and against S3 (s3rver): both stores must behave alike.
 * Listing across several pages is covered in s3-media-store.spec.ts: s3rver's continuation tokens
 * are DES-encrypted, which Node's OpenSSL 3 no longer offers, so it fails every second page.
 */
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

  it('reads a byte range (a video player seeking): exactly those bytes, both ends included', async () => {
    const data = randomBytes(2 * 1024 * 1024);
    await store.putBuffer('renditions/r/play.mp4', data);
    const middle = await readAll(
      await store.read('renditions/r/play.mp4', { start: 1_000_000, end: 1_000_999 }),
    );
    expect(middle.equals(data.subarray(1_000_000, 1_001_000))).toBe(true);
    const last = await readAll(
      await store.read('renditions/r/play.mp4', { start: data.length - 1, end: data.length - 1 }),
    );
    expect(last.equals(data.subarray(data.length - 1))).toBe(true);
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

  it('lists the files under a prefix (a string prefix, as S3 has it), with when each was stored', async () => {
    const base = `listing-${randomBytes(4).toString('hex')}`;
    const before = Date.now();
    for (const key of ['a/1', 'a/2', 'a/deep/3', 'ab', 'b/4'])
      await store.putBuffer(`${base}/${key}`, Buffer.from(key));
    await store.putBuffer(`${base}x/not-under-the-prefix`, Buffer.from('x'));
    const list = async (prefix: string) => {
      const found = [];
      for await (const file of store.list(prefix)) found.push(file);
      return found.sort((x, y) => x.key.localeCompare(y.key));
    };

    expect((await list(`${base}/a/`)).map((f) => f.key)).toEqual([
      `${base}/a/1`,
      `${base}/a/2`,
      `${base}/a/deep/3`,
    ]);
    expect((await list(`${base}/a`)).map((f) => f.key)).toEqual([
      `${base}/a/1`,
      `${base}/a/2`,
      `${base}/a/deep/3`,
      `${base}/ab`,
    ]);
    const all = await list(`${base}/`);
    expect(all).toHaveLength(5);
    for (const { modifiedAt } of all) {
      // S3 gives whole seconds.
      expect(modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(modifiedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect(await list(`nothing-${base}/`)).toEqual([]);
    await store.remove(`${base}/a/2`);
    expect((await list(`${base}/a/`)).map((f) => f.key)).toEqual([`${base}/a/1`, `${base}/a/deep/3`]);
  });

  it('dates a sealed file from its sealing, not from the last byte of its upload', async () => {
    const temp = store.tempPath();
    await writeFile(temp, 'slow upload');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(temp, twoHoursAgo, twoHoursAgo);
    const key = `sealed/dated-${randomBytes(4).toString('hex')}`;
    await store.putFile(key, temp);
    const [file] = await (async () => {
      const found = [];
      for await (const f of store.list(key)) found.push(f);
      return found;
    })();
    expect(file.key).toBe(key);
    expect(Date.now() - file.modifiedAt.getTime()).toBeLessThan(60_000);
  });

  it('keeps scratch files out of listings', async () => {
    await writeFile(store.tempPath(), 'in progress');
    for await (const { key } of store.list('')) expect(key.startsWith('.')).toBe(false);
    expect(await readdir(store.tempFolder())).not.toHaveLength(0);
  });
});
