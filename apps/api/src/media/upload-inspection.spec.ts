import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  browserWebm,
  emptyDir,
  phoneHeic,
  phoneJpeg,
  phoneMov,
  phoneMp4,
  recording,
  syntheticPhoto,
} from './processing/processing.fixtures';
import { inspectMedia } from './upload-inspection';

jest.setTimeout(60_000);

/** A complete, empty ZIP archive (its end-of-central-directory record alone): what a polyglot appends. */
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
const HTML = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');

describe('inspectMedia: one rule for every upload route', () => {
  const dir = emptyDir('vigie-inspection-');
  let n = 0;
  const file = (bytes: Buffer) => {
    const path = join(dir, `f${n++}`);
    writeFileSync(path, bytes);
    return path;
  };
  const refusal = (path: string) =>
    inspectMedia(path).then(
      () => 'accepted',
      (e: { code: string }) => e.code,
    );

  let jpeg: Buffer;
  let png: Buffer;
  let mp4: Buffer;
  beforeAll(async () => {
    jpeg = readFileSync(await phoneJpeg(dir));
    png = await syntheticPhoto(5, 320, 240);
    mp4 = readFileSync(phoneMp4(dir));
  });

  it('accepts what phones and browsers make: JPEG, PNG, WebP, GIF, AVIF, HEIC, MP4, MOV, WebM, M4A, MP3', async () => {
    const photo = await syntheticPhoto(6, 320, 240);
    const images = [
      jpeg,
      png,
      await sharp(photo).webp().toBuffer(),
      await sharp(photo).gif().toBuffer(),
      await sharp(photo).avif().toBuffer(),
    ];
    for (const image of images) expect(await refusal(file(image))).toBe('accepted');
    expect(await refusal(await phoneHeic(dir, 4, 320, 240))).toBe('accepted');
    for (const path of [phoneMp4(dir), phoneMov(dir), browserWebm(dir)])
      expect(await refusal(path)).toBe('accepted');
    expect(await refusal(recording(dir, 'm4a', 'aac'))).toBe('accepted');
    expect(await refusal(recording(dir, 'mp3', 'libmp3lame'))).toBe('accepted');
  });

  it('refuses JPEG+ZIP, JPEG+HTML, PNG+HTML and MP4+ZIP polyglots as HIDDEN_DATA', async () => {
    expect(await refusal(file(Buffer.concat([jpeg, ZIP])))).toBe('HIDDEN_DATA');
    expect(await refusal(file(Buffer.concat([jpeg, HTML])))).toBe('HIDDEN_DATA');
    expect(await refusal(file(Buffer.concat([png, HTML])))).toBe('HIDDEN_DATA');
    expect(await refusal(file(Buffer.concat([mp4, ZIP])))).toBe('HIDDEN_DATA');
  });

  it('accepts what phones append after a JPEG: zero padding, a motion photo, a Samsung trailer', async () => {
    expect(await refusal(file(Buffer.concat([jpeg, Buffer.alloc(512)])))).toBe('accepted');
    expect(await refusal(file(Buffer.concat([jpeg, mp4])))).toBe('accepted');
    const data = Buffer.from('Image_UTC_Data1700000000000');
    const directory = Buffer.concat([Buffer.from('SEFH'), Buffer.alloc(12)]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(directory.length);
    const samsung = Buffer.concat([data, directory, length, Buffer.from('SEFT')]);
    expect(await refusal(file(Buffer.concat([jpeg, samsung])))).toBe('accepted');
    // ...but not a ZIP hidden at the end of what looks like a motion photo.
    expect(await refusal(file(Buffer.concat([jpeg, mp4, ZIP])))).toBe('HIDDEN_DATA');
  });

  it('refuses a truncated JPEG, PNG or GIF, and a JPEG with corrupt data, as DAMAGED', async () => {
    expect(await refusal(file(jpeg.subarray(0, Math.floor(jpeg.length * 0.6))))).toBe('DAMAGED');
    expect(await refusal(file(png.subarray(0, png.length - 200)))).toBe('DAMAGED');
    const gif = await sharp(png).gif().toBuffer();
    expect(await refusal(file(gif.subarray(0, gif.length - 100)))).toBe('DAMAGED');
    // Well framed, but its scan data is noise: only a decode finds it.
    const noisy = Buffer.from(jpeg);
    const sos = noisy.indexOf(Buffer.from([0xff, 0xda]));
    for (let i = sos + 200; i < noisy.length - 2; i += 97)
      noisy[i] = noisy[i] === 0xff ? 0xff : (i * 31) & 0xfe;
    expect(await refusal(file(noisy))).toBe('DAMAGED');
  });

  it('refuses broken videos as DAMAGED: cut short, its index zeroed, an empty container', async () => {
    expect(await refusal(file(mp4.subarray(0, Math.floor(mp4.length * 0.7))))).toBe('DAMAGED');
    const moov = mp4.indexOf(Buffer.from('moov'));
    const zeroed = Buffer.from(mp4);
    zeroed.fill(0, moov + 4, moov + 400);
    expect(await refusal(file(zeroed))).toBe('DAMAGED');
    const ftypOnly = mp4.subarray(0, mp4.readUInt32BE(0));
    expect(await refusal(file(ftypOnly))).toBe('DAMAGED');
  });

  it('refuses anything but an image where only images go', async () => {
    await expect(inspectMedia(file(mp4), { images: true })).rejects.toMatchObject({ code: 'NOT_AN_IMAGE' });
  });
});
