import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';

const dir = mkdtempSync(join(tmpdir(), 'vigie-fixtures-'));

/** A real photo-like JPEG that carries EXIF with GPS, a camera model and a capture time, like a phone's. */
export async function jpegWithGps(width = 1200, height = 900): Promise<Buffer> {
  const base = await sharp({ create: { width, height, channels: 3, background: { r: 120, g: 140, b: 90 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#c33"/></svg>`,
        ),
      },
    ])
    .jpeg()
    .toBuffer();
  const path = join(dir, `gps-${Date.now()}-${Math.random()}.jpg`);
  writeFileSync(path, base);
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-GPSLatitude=45.5017',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=73.5673',
    '-GPSLongitudeRef=W',
    '-Make=Apple',
    '-Model=iPhone 15',
    '-DateTimeOriginal=2026:11:20 18:42:07',
    '-Orientation#=6',
    '-XMP:Creator=Tipster Name',
    '-IPTC:By-line=Tipster Name',
    path,
  ]);
  return readFileSync(path);
}

/** What exiftool finds in a file: every tag, as JSON. */
export function exifTags(data: Buffer): Record<string, unknown> {
  const path = join(dir, `probe-${Date.now()}-${Math.random()}`);
  writeFileSync(path, data);
  return JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', path]).toString())[0];
}

/** True when exiftool sees no EXIF, GPS, XMP, IPTC or maker notes at all. */
export function carriesNoMetadata(data: Buffer): boolean {
  const groups = Object.keys(exifTags(data)).map((k) => k.split(':')[0]);
  return !groups.some((g) =>
    /^(IFD\d|ExifIFD|GPS|InteropIFD|SubIFD|XMP|IPTC|MakerNotes|Apple|ICC|Photoshop)/.test(g),
  );
}

/** A PNG that is small on disk but decodes to 225 megapixels: a decompression bomb. */
export function pngBomb(side = 15_000): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((side + 1) * side); // each row: filter byte 0, then zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
);

/** The first bytes of an ELF executable, renamed to look like a photo. */
export const RENAMED_EXECUTABLE = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(4096, 1),
]);

export function upload(
  field: string,
  data: Buffer,
  name: string,
  type = 'image/jpeg',
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(field, new Blob([new Uint8Array(data)], { type }), name);
  return form;
}
