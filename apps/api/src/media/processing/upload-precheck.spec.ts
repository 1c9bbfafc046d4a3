import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { precheckUpload } from './index';
import { emptyDir, phoneHeic, phoneJpeg, pngBomb, syntheticPhoto } from './processing.fixtures';

jest.setTimeout(30_000);

describe('precheckUpload', () => {
  const dir = emptyDir();
  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  let heic: string;
  beforeAll(async () => {
    heic = await phoneHeic(dir, 8, 480, 360); // x265 is slow: a small one will do
  });

  it('lets ordinary photos through: JPEG, PNG, WebP and a real HEIC', async () => {
    const photo = await syntheticPhoto(7, 640, 480);
    await expect(precheckUpload(await phoneJpeg(dir), 'image/jpeg')).resolves.toBeUndefined();
    await expect(precheckUpload(file('photo.png', photo), 'image/png')).resolves.toBeUndefined();
    const webp = await sharp(photo).webp().toBuffer();
    await expect(precheckUpload(file('photo.webp', webp), 'image/webp')).resolves.toBeUndefined();
    await expect(precheckUpload(heic, 'image/heic')).resolves.toBeUndefined();
  });

  it('refuses a 15000 × 15000 PNG bomb as TOO_MANY_PIXELS in well under a second, from its header', async () => {
    const bomb = file('bomb.png', pngBomb(15_000));
    const started = performance.now();
    await expect(precheckUpload(bomb, 'image/png')).rejects.toMatchObject({ code: 'TOO_MANY_PIXELS' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('lets a large but sane image through: the limit is 100 megapixels, not less', async () => {
    await expect(precheckUpload(file('big.png', pngBomb(10_000)), 'image/png')).resolves.toBeUndefined();
  });

  it('refuses a HEIC whose container heic-decode cannot parse as DAMAGED', async () => {
    const mangled = Buffer.from(readFileSync(heic));
    for (let i = 24; i < 400; i++) mangled[i] = (i * 37) & 0xff; // ftyp kept, meta box garbled
    await expect(precheckUpload(file('mangled.heic', mangled), 'image/heic')).rejects.toMatchObject({
      code: 'DAMAGED',
    });
  });

  it('refuses bytes that are no image at all, and an empty file, as DAMAGED', async () => {
    const noise = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]);
    await expect(precheckUpload(file('noise.jpg', noise), 'image/jpeg')).rejects.toMatchObject({
      code: 'DAMAGED',
    });
    await expect(precheckUpload(file('empty.png', Buffer.alloc(0)), 'image/png')).rejects.toMatchObject({
      code: 'DAMAGED',
    });
  });

  it('leaves video and audio to the processing job', async () => {
    const junk = file('junk.bin', Buffer.alloc(1000, 1));
    await expect(precheckUpload(junk, 'video/mp4')).resolves.toBeUndefined();
    await expect(precheckUpload(junk, 'audio/mpeg')).resolves.toBeUndefined();
  });
});
