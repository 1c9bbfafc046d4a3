/*
 * Test media for the processing specs, made at test time with the real tools a phone's output
 * would meet: sharp for pixels, exiftool for camera metadata, heif-enc for HEIC, ffmpeg for video
 * and audio. A missing tool makes a test fail, never skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A fresh, empty folder, as the job hands processMedia one. */
export function emptyDir(prefix = 'vigie-processing-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh, empty work folder inside `parent`. */
export function workDirIn(parent: string): string {
  return mkdtempSync(join(parent, 'work-'));
}

/** A small deterministic generator, so a "photo" is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A photo-like image as lossless PNG: a diagonal gradient, overlapping shapes in varied colours,
 * and fine sensor-like grain, laid out by `seed`. Flat colours would hash and compress unlike
 * photos do.
 */
export async function syntheticPhoto(seed: number, width = 1200, height = 900): Promise<Buffer> {
  const rand = random(seed);
  const colour = () => `rgb(${[0, 0, 0].map(() => Math.floor(rand() * 256)).join(',')})`;
  const at = (max: number) => Math.floor(rand() * max);
  const shapes = Array.from({ length: 14 }, () =>
    rand() < 0.5
      ? `<circle cx="${at(width)}" cy="${at(height)}" r="${40 + at(height / 3)}" fill="${colour()}" opacity="0.85"/>`
      : `<rect x="${at(width)}" y="${at(height)}" width="${60 + at(width / 3)}" height="${60 + at(height / 3)}" ` +
        `fill="${colour()}" transform="rotate(${at(90) - 45} ${width / 2} ${height / 2})"/>`,
  ).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>` +
    `<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour()}"/>` +
    `<stop offset="1" stop-color="${colour()}"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const grain = Buffer.alloc(width * height * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.round((rand() - 0.5) * 70);
  const grainPng = await sharp(grain, { raw: { width, height, channels: 3 } })
    .blur(0.7)
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: grainPng, blend: 'soft-light' }])
    .png()
    .toBuffer();
}

/** Writes tags into a file in place with exiftool, as a phone or an editing app would have. */
export function exiftoolWrite(path: string, tags: string[]): void {
  execFileSync('exiftool', ['-q', '-overwrite_original', ...tags, path]);
}

/** Every tag exiftool finds in a file, keyed "Group:Tag" (exiftool -j -a -G1). */
export function exiftoolTags(path: string): Record<string, unknown> {
  return JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', path]).toString())[0];
}

/**
 * The groups of personal metadata exiftool finds in a file: EXIF (IFD0, ExifIFD, GPS…), XMP,
 * IPTC, ICC, maker notes, Photoshop blocks, QuickTime user data, item lists and keys, and ID3 tags.
 * Groups that describe exiftool itself ("ExifTool:ExifToolVersion"), the file system, the format
 * or the container's structure are not metadata about the person who took the picture.
 */
export function personalMetadataGroups(path: string): string[] {
  const personal =
    /^(IFD\d|ExifIFD|GPS|InteropIFD|SubIFD|XMP|IPTC|ICC|MakerNotes|Apple|Photoshop|UserData|ItemList|Keys|ID3)/;
  const groups = new Set(Object.keys(exiftoolTags(path)).map((key) => key.split(':')[0]));
  return [...groups].filter((g) => personal.test(g)).sort();
}

/** ffprobe's view of a file: container tags and streams. */
export function ffprobe(path: string): {
  format: { tags?: Record<string, string>; format_name: string };
  streams: {
    codec_type: string;
    codec_name: string;
    pix_fmt?: string;
    duration?: string;
    tags?: Record<string, string>;
    side_data_list?: { rotation?: number }[];
  }[];
} {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  return JSON.parse(out.toString());
}

export function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-nostdin', '-hide_banner', '-v', 'error', '-y', ...args]);
}

/**
 * A phone-like JPEG: 1200×900 stored pixels shown as 900×1200 (Orientation 6, a phone held
 * upright), a Display P3 ICC profile, EXIF with GPS, camera, software and capture time with its
 * zone, maker-style XMP and IPTC naming the photographer.
 */
export async function phoneJpeg(dir: string, seed = 1): Promise<string> {
  const path = join(dir, `phone-${seed}.jpg`);
  writeFileSync(
    path,
    await sharp(await syntheticPhoto(seed))
      .withIccProfile('p3')
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  exiftoolWrite(path, [
    '-GPSLatitude=45.5017',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=73.5673',
    '-GPSLongitudeRef=W',
    '-GPSAltitude=36.5',
    '-GPSAltitudeRef#=0',
    '-GPSHPositioningError=4.75',
    '-Make=Apple',
    '-Model=iPhone 15',
    '-Software=17.1.1',
    '-DateTimeOriginal=2026:11:20 18:42:07',
    '-OffsetTimeOriginal=-05:00',
    '-Orientation#=6',
    '-XMP-dc:Creator=Tipster Name',
    '-IPTC:By-line=Tipster Name',
  ]);
  return path;
}

/** A real HEIC (HEVC) from heif-enc, with the EXIF an iPhone writes: GPS east of Greenwich, camera, time and zone. */
export async function phoneHeic(dir: string, seed = 3, width = 1200, height = 900): Promise<string> {
  const png = join(dir, `heic-source-${seed}.png`);
  writeFileSync(png, await syntheticPhoto(seed, width, height));
  const path = join(dir, `phone-${seed}.heic`);
  execFileSync('heif-enc', ['-q', '60', '-o', path, png]);
  exiftoolWrite(path, [
    '-GPSLatitude=48.8584',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=2.2945',
    '-GPSLongitudeRef=E',
    '-Make=Apple',
    '-Model=iPhone 14 Pro',
    '-DateTimeOriginal=2026:07:14 21:05:00',
    '-OffsetTimeOriginal=+02:00',
  ]);
  return path;
}

/** An Android-style MP4: H.264 and AAC, with creation_time, a ©xyz location and a title. */
export function phoneMp4(dir: string): string {
  const path = join(dir, 'phone.mp4');
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc=duration=2:size=640x360:rate=25'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ...['-metadata', 'creation_time=2026-11-20T23:42:07Z', '-metadata', 'location=+45.5017-073.5673/'],
    ...['-metadata', 'title=Tipster Name'],
    path,
  ]);
  return path;
}

/**
 * A phone MP4 carrying what a clean copy must not: per-stream tags (creation time, a handler and
 * a title naming the device), a timecode track (a data stream) and a subtitle track naming the
 * person filming, besides the file's own creation time and place.
 */
export function phoneMp4WithTracks(dir: string): string {
  const subtitles = join(dir, 'tracks.srt');
  writeFileSync(subtitles, '1\n00:00:00,000 --> 00:00:01,500\nFilmed by Tipster Name\n');
  const path = join(dir, 'phone-tracks.mp4');
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=duration=2:size=640x360:rate=30'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
    ...['-i', subtitles, '-map', '0', '-map', '1', '-map', '2'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-c:s', 'mov_text', '-shortest'],
    ...['-metadata', 'creation_time=2026-11-20T23:42:07Z', '-metadata', 'location=+45.5017-073.5673/'],
    ...[
      '-metadata:s:v',
      'creation_time=2026-11-20T23:42:07Z',
      '-metadata:s:v',
      'title=Pixel 8 Pro rear camera',
    ],
    ...[
      '-metadata:s:v',
      'handler_name=Pixel 8 Pro VideoHandle',
      '-metadata:s:a',
      'handler_name=Pixel 8 Pro SoundHandle',
    ],
    ...['-metadata:s:a', 'creation_time=2026-11-20T23:42:07Z', '-timecode', '23:42:07:00'],
    path,
  ]);
  return path;
}

/**
 * An iPhone-style QuickTime: Apple's keys (ISO 6709 location with altitude, make, model, software,
 * local creation date) and a portrait recording stored landscape with a 90° display matrix.
 */
export function phoneMov(dir: string): string {
  const path = join(dir, 'phone.mov');
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=duration=3:size=640x360:rate=30'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=220:duration=3'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ...['-metadata', 'com.apple.quicktime.location.ISO6709=+48.8584+002.2945+035.000/'],
    ...['-metadata', 'com.apple.quicktime.make=Apple', '-metadata', 'com.apple.quicktime.model=iPhone 15'],
    ...['-metadata', 'com.apple.quicktime.software=17.1.1'],
    ...['-metadata', 'com.apple.quicktime.creationdate=2026-11-20T18:42:07-0500'],
    ...['-movflags', 'use_metadata_tags'],
    path,
  ]);
  exiftoolWrite(path, ['-Rotation=90']);
  return path;
}

/**
 * What an iPhone records by default: HEVC (hvc1, which Chromium and Firefox do not play) and AAC in
 * QuickTime, portrait stored landscape, with Apple's keys including the position's accuracy.
 */
export function iphoneHevcMov(dir: string): string {
  const path = join(dir, 'iphone-hevc.mov');
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=duration=3:size=640x360:rate=30'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=330:duration=3'],
    ...['-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-shortest'],
    ...['-metadata', 'com.apple.quicktime.location.ISO6709=+45.5088-073.5878+030.000/'],
    ...['-metadata', 'com.apple.quicktime.location.accuracy.horizontal=14.812345'],
    ...['-metadata', 'com.apple.quicktime.make=Apple', '-metadata', 'com.apple.quicktime.model=iPhone 16'],
    ...['-metadata', 'com.apple.quicktime.creationdate=2026-11-20T18:42:07-0500'],
    ...['-movflags', 'use_metadata_tags'],
    path,
  ]);
  exiftoolWrite(path, ['-Rotation=90']);
  return path;
}

/** A short recording in `ext`'s container and `codec`, tagged with a title, an artist and a place. */
export function recording(dir: string, ext: string, codec: string): string {
  const path = join(dir, `recording.${ext}`);
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', '-c:a', codec],
    ...['-metadata', 'title=Tipster Name', '-metadata', 'artist=Tipster Name'],
    ...['-metadata', 'location=+45.5017-073.5673/'],
    path,
  ]);
  return path;
}

/** A WebM as a browser's MediaRecorder makes it: VP8 and Opus, with a title and a place. */
export function browserWebm(dir: string): string {
  const path = join(dir, 'browser.webm');
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=15'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=550:duration=2'],
    ...['-c:v', 'libvpx', '-deadline', 'realtime', '-c:a', 'libopus', '-shortest'],
    ...['-metadata', 'title=Tipster Name', '-metadata', 'location=+45.5017-073.5673/'],
    path,
  ]);
  return path;
}

/** A hash of every packet of every stream: equal hashes mean the same streams, bit for bit. */
export function streamHashes(path: string): string {
  return execFileSync('ffmpeg', [
    '-v',
    'error',
    '-i',
    path,
    '-map',
    '0',
    '-c',
    'copy',
    '-f',
    'streamhash',
    '-',
  ])
    .toString()
    .trim();
}

/** A PNG of a few hundred kilobytes that declares `side` × `side` pixels: a decompression bomb. */
export function pngBomb(side = 15_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((side + 1) * side); // each row: filter type 0, then black pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
