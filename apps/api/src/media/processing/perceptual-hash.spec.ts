import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { hammingDistance, processMedia } from './index';
import { emptyDir, syntheticPhoto, workDirIn } from './processing.fixtures';

jest.setTimeout(30_000);

describe('perceptual hash', () => {
  const dir = emptyDir();
  /** The hash exactly as the job computes it: through processMedia, from the file's bytes. */
  const hashOf = async (bytes: Buffer, mime: string) => {
    const path = join(dir, `in-${Math.random().toString(36).slice(2)}`);
    writeFileSync(path, bytes);
    const { phash } = await processMedia(path, mime, workDirIn(dir));
    return phash!;
  };
  let original: string;
  let master: Buffer;

  beforeAll(async () => {
    master = await sharp(await syntheticPhoto(21, 1600, 1200))
      .jpeg({ quality: 92 })
      .toBuffer();
    original = await hashOf(master, 'image/jpeg');
  });

  it('is 64 bits as 16 lowercase hex characters', () => {
    expect(original).toMatch(/^[0-9a-f]{16}$/);
  });

  it('stays within 6 bits for the same photo re-encoded at lower quality and resized', async () => {
    const copy = await sharp(master).resize(800).jpeg({ quality: 40 }).toBuffer();
    expect(hammingDistance(original, await hashOf(copy, 'image/jpeg'))).toBeLessThanOrEqual(6);
  });

  it('stays within 6 bits for a screenshot of it: rescaled, brighter, PNG, black bars above and below', async () => {
    const shown = await sharp(master)
      .resize(1179, 884, { fit: 'fill' })
      .modulate({ brightness: 1.05 })
      .toBuffer();
    const screenshot = await sharp({ create: { width: 1179, height: 2556, channels: 3, background: '#000' } })
      .composite([{ input: shown, top: 836, left: 0 }])
      .png()
      .toBuffer();
    expect(hammingDistance(original, await hashOf(screenshot, 'image/png'))).toBeLessThanOrEqual(6);
  });

  it('stays within 10 bits for a light crop (3 % off each side)', async () => {
    const cropped = await sharp(master)
      .extract({ left: 48, top: 36, width: 1504, height: 1128 })
      .jpeg()
      .toBuffer();
    expect(hammingDistance(original, await hashOf(cropped, 'image/jpeg'))).toBeLessThanOrEqual(10);
  });

  it('is 20 bits or more away for a different photo', async () => {
    const other = await sharp(await syntheticPhoto(22, 1600, 1200))
      .jpeg({ quality: 92 })
      .toBuffer();
    expect(hammingDistance(original, await hashOf(other, 'image/jpeg'))).toBeGreaterThanOrEqual(20);
  });
});

describe('hammingDistance', () => {
  it('counts the bits that differ', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('0f0f0f0f0f0f0f0f', 'f0f0f0f0f0f0f0f0')).toBe(64);
  });

  it('refuses anything that is not a 16-hex-character hash', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow(TypeError);
    expect(() => hammingDistance('000000000000000G', '0000000000000000')).toThrow(TypeError);
    expect(() => hammingDistance('FFFFFFFFFFFFFFFF', '0000000000000000')).toThrow(TypeError);
  });
});
