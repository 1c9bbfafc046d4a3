import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { evidenceFromExif } from './exif-evidence';
import { emptyDir, exiftoolWrite } from './processing.fixtures';

describe('evidenceFromExif', () => {
  const dir = emptyDir();
  const exifOf = async (tags: string[]) => {
    const path = join(dir, `exif-${Math.random().toString(36).slice(2)}.jpg`);
    writeFileSync(
      path,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    );
    exiftoolWrite(path, tags);
    return (await sharp(path).metadata()).exif;
  };

  it('signs south and west, and puts a position below sea level below zero', async () => {
    const exif = await exifOf([
      '-GPSLatitude=33.8688',
      '-GPSLatitudeRef=S',
      '-GPSLongitude=70.6693',
      '-GPSLongitudeRef=W',
      '-GPSAltitude=12.5',
      '-GPSAltitudeRef#=1', // # writes the number, not a label
    ]);
    expect(evidenceFromExif(exif)).toEqual({ latitude: -33.8688, longitude: -70.6693, altitudeM: -12.5 });
  });

  it('keeps a capture time without a zone as local time, rather than invent one', async () => {
    const exif = await exifOf(['-DateTimeOriginal=2026:03:01 09:15:00', '-Model=SM-S918B']);
    expect(evidenceFromExif(exif)).toEqual({
      capturedAt: '2026-03-01T09:15:00',
      device: { model: 'SM-S918B' },
    });
  });

  it('falls back to the digitized time', async () => {
    const exif = await exifOf(['-CreateDate=2026:03:01 09:15:00', '-OffsetTimeDigitized=+01:00']);
    expect(evidenceFromExif(exif)).toEqual({ capturedAt: '2026-03-01T09:15:00+01:00' });
  });

  it('drops half a position', async () => {
    expect(evidenceFromExif(await exifOf(['-GPSLatitude=45.5', '-GPSLatitudeRef=N']))).toEqual({});
  });

  it('costs only the evidence when the EXIF block is garbage', () => {
    expect(evidenceFromExif(Buffer.from('Exif\0\0MM\0*\0\0\0\x08\xff\xff'))).toEqual({});
    expect(evidenceFromExif(Buffer.from('not exif at all'))).toEqual({});
    expect(evidenceFromExif(undefined)).toEqual({});
  });
});
