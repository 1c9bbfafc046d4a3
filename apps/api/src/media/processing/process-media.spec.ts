import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { exifFromExiftool } from './image-processing';
import { evidenceFromExif } from './exif-evidence';
import { hammingDistance, processMedia, ProcessedMedia } from './index';
import {
  browserWebm,
  emptyDir,
  exiftoolTags,
  ffmpeg,
  ffprobe,
  personalMetadataGroups,
  iphoneHevcMov,
  phoneHeic,
  phoneJpeg,
  phoneMov,
  phoneMp4,
  phoneMp4WithTracks,
  pngBomb,
  recording,
  streamHashes,
  syntheticPhoto,
  workDirIn,
} from './processing.fixtures';

jest.setTimeout(60_000);

const dir = emptyDir();
const processIn = (path: string, mime: string) => processMedia(path, mime, workDirIn(dir));

/** Two runs on the same input must leave the same files, byte for byte, and say the same thing. */
async function expectDeterministic(path: string, mime: string, first: ProcessedMedia): Promise<void> {
  const second = await processIn(path, mime);
  expect({ ...second, renditions: [] }).toEqual({ ...first, renditions: [] });
  expect(second.renditions.map((r) => r.name)).toEqual(first.renditions.map((r) => r.name));
  second.renditions.forEach((r, i) =>
    expect(readFileSync(r.path).equals(readFileSync(first.renditions[i].path))).toBe(true),
  );
}

/** Tags a video or recording could still name a person, place, device or moment with. */
function identifyingTags(path: string): Record<string, unknown> {
  const tags = exiftoolTags(path);
  return Object.fromEntries(
    Object.entries(tags).filter(
      ([key, value]) =>
        /:(GPS|Location|Make|Model|Software|Title|Artist|Author|Comment|CreationDate|ContentCreateDate)/i.test(
          key,
        ) ||
        (/Date$/.test(key) && !key.startsWith('System:') && value !== '0000:00:00 00:00:00'),
    ),
  );
}

describe('processMedia: a phone JPEG (EXIF GPS, Orientation 6, ICC, XMP, IPTC)', () => {
  let original: string;
  let result: ProcessedMedia;

  beforeAll(async () => {
    original = await phoneJpeg(dir);
    result = await processIn(original, 'image/jpeg');
  });

  it('makes a JPEG preview and a WebP thumb, turned upright: 1200×900 stored, 900×1200 shown', async () => {
    expect(
      result.renditions.map(({ name, format, width, height }) => ({ name, format, width, height })),
    ).toEqual([
      { name: 'preview', format: 'jpeg', width: 900, height: 1200 },
      { name: 'thumb', format: 'webp', width: 240, height: 320 },
    ]);
    for (const r of result.renditions) {
      const meta = await sharp(r.path).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: r.format,
        width: r.width,
        height: r.height,
      });
      expect(meta.orientation).toBeUndefined();
      expect(r.bytes).toBe(statSync(r.path).size);
    }
  });

  it('leaves no EXIF, GPS, XMP, IPTC, ICC or maker notes in what it derives', () => {
    // The original has them, so this check can fail.
    expect(personalMetadataGroups(original)).toEqual(
      expect.arrayContaining(['ExifIFD', 'GPS', 'ICC_Profile', 'IFD0', 'IPTC', 'XMP-dc']),
    );
    for (const r of result.renditions) expect(personalMetadataGroups(r.path)).toEqual([]);
  });

  it('reads the evidence from the original: capture time with its zone, signed position, device, upright size', () => {
    expect(result.evidence).toEqual({
      capturedAt: '2026-11-20T18:42:07-05:00',
      latitude: 45.5017,
      longitude: -73.5673,
      altitudeM: 36.5,
      accuracyM: 4.8,
      device: { make: 'Apple', model: 'iPhone 15', software: '17.1.1' },
      width: 900,
      height: 1200,
    });
  });

  it('hashes the picture as shown, not as stored', async () => {
    const master = await syntheticPhoto(1);
    const upright = join(dir, 'upright.jpg');
    writeFileSync(upright, await sharp(master).rotate(90).jpeg({ quality: 90 }).toBuffer());
    const sideways = join(dir, 'sideways.jpg');
    writeFileSync(sideways, await sharp(master).jpeg({ quality: 90 }).toBuffer());
    expect(result.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(
      hammingDistance(result.phash!, (await processIn(upright, 'image/jpeg')).phash!),
    ).toBeLessThanOrEqual(2);
    expect(
      hammingDistance(result.phash!, (await processIn(sideways, 'image/jpeg')).phash!),
    ).toBeGreaterThanOrEqual(20);
  });

  it('writes the same bytes when run twice', () => expectDeterministic(original, 'image/jpeg', result));
});

describe('processMedia: an iPhone HEIC (HEVC, which prebuilt sharp cannot decode)', () => {
  let original: string;
  let result: ProcessedMedia;

  beforeAll(async () => {
    original = await phoneHeic(dir);
    result = await processIn(original, 'image/heic');
  });

  it('decodes it through heic-decode into clean webp renditions', () => {
    expect(result.renditions.map(({ name, width, height }) => ({ name, width, height }))).toEqual([
      { name: 'preview', width: 1200, height: 900 },
      { name: 'thumb', width: 320, height: 240 },
    ]);
    expect(personalMetadataGroups(original)).toEqual(expect.arrayContaining(['ExifIFD', 'GPS', 'IFD0']));
    for (const r of result.renditions) expect(personalMetadataGroups(r.path)).toEqual([]);
  });

  it('reads its EXIF through sharp, which parses HEIC containers', () => {
    expect(result.evidence).toEqual({
      capturedAt: '2026-07-14T21:05:00+02:00',
      latitude: 48.8584,
      longitude: 2.2945,
      device: { make: 'Apple', model: 'iPhone 14 Pro' },
      width: 1200,
      height: 900,
    });
  });

  it('reads the same EXIF through the exiftool fallback', async () => {
    const { width: _w, height: _h, ...fromExif } = result.evidence;
    expect(evidenceFromExif(await exifFromExiftool(original))).toEqual(fromExif);
  });

  it('hashes like the same picture sent as a JPEG', async () => {
    const jpeg = join(dir, 'heic-twin.jpg');
    writeFileSync(
      jpeg,
      await sharp(await syntheticPhoto(3))
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
    const twin = await processIn(jpeg, 'image/jpeg');
    expect(hammingDistance(result.phash!, twin.phash!)).toBeLessThanOrEqual(4);
  });

  it('writes the same bytes when run twice', () => expectDeterministic(original, 'image/heic', result));
});

describe('processMedia: damaged and hostile images', () => {
  const expectCode = (promise: Promise<unknown>, code: string) =>
    expect(promise).rejects.toMatchObject({ code });

  it('refuses a truncated JPEG as DAMAGED', async () => {
    const whole = readFileSync(await phoneJpeg(dir, 5));
    const cut = join(dir, 'truncated.jpg');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectCode(processIn(cut, 'image/jpeg'), 'DAMAGED');
  });

  it('refuses a HEIC with a mangled container, or with its image data cut off, as DAMAGED', async () => {
    const whole = readFileSync(await phoneHeic(dir, 6, 480, 360));
    const mangled = Buffer.from(whole);
    for (let i = 24; i < 400; i++) mangled[i] = (i * 37) & 0xff;
    writeFileSync(join(dir, 'mangled.heic'), mangled);
    writeFileSync(join(dir, 'cut.heic'), whole.subarray(0, Math.floor(whole.length * 0.5)));
    await expectCode(processIn(join(dir, 'mangled.heic'), 'image/heic'), 'DAMAGED');
    await expectCode(processIn(join(dir, 'cut.heic'), 'image/heic'), 'DAMAGED');
  });

  it('refuses a decompression bomb as TOO_MANY_PIXELS', async () => {
    writeFileSync(join(dir, 'bomb.png'), pngBomb());
    await expectCode(processIn(join(dir, 'bomb.png'), 'image/png'), 'TOO_MANY_PIXELS');
  });

  it('refuses a video that is not one as DAMAGED', async () => {
    writeFileSync(join(dir, 'fake.mp4'), Buffer.concat([Buffer.from('....ftypisom'), Buffer.alloc(5000, 7)]));
    await expectCode(processIn(join(dir, 'fake.mp4'), 'video/mp4'), 'DAMAGED');
  });
});

describe('processMedia: an Android MP4', () => {
  let original: string;
  let result: ProcessedMedia;

  beforeAll(async () => {
    original = phoneMp4(dir);
    result = await processIn(original, 'video/mp4');
  });

  it('makes a webp poster with a perceptual hash, and a clean MP4 that browsers play as it is', () => {
    expect(
      result.renditions.map(({ name, format, width, height, playable }) => ({
        name,
        format,
        width,
        height,
        playable,
      })),
    ).toEqual([
      { name: 'poster', format: 'webp', width: 640, height: 360, playable: undefined },
      { name: 'clean', format: 'mp4', width: 640, height: 360, playable: true },
    ]);
    expect(result.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads the evidence with ffprobe: creation time, ©xyz location, duration, size', () => {
    expect(result.evidence).toEqual({
      capturedAt: '2026-11-20T23:42:07.000Z',
      latitude: 45.5017,
      longitude: -73.5673,
      durationS: 2,
      width: 640,
      height: 360,
    });
  });

  it('copies the streams bit for bit, with no tags left and the index first', () => {
    const clean = result.renditions[1].path;
    expect(streamHashes(clean)).toBe(streamHashes(original));
    expect(personalMetadataGroups(original)).toEqual(expect.arrayContaining(['ItemList', 'UserData']));
    expect(Object.keys(identifyingTags(original)).length).toBeGreaterThan(0);
    for (const r of result.renditions) {
      expect(personalMetadataGroups(r.path)).toEqual([]);
      expect(identifyingTags(r.path)).toEqual({});
    }
    expect(Object.keys(ffprobe(clean).format.tags ?? {}).sort()).toEqual([
      'compatible_brands',
      'major_brand',
      'minor_version',
    ]);
    const bytes = readFileSync(clean);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat')); // +faststart
  });

  it('writes the same bytes when run twice', () => expectDeterministic(original, 'video/mp4', result));

  it('still finds a poster when the picture stops before 1 s and the sound goes on', async () => {
    const short = join(dir, 'short-picture.mp4');
    ffmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc=duration=0.4:size=320x240:rate=25'],
      ...['-f', 'lavfi', '-i', 'sine=duration=3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
      short,
    ]);
    const { renditions, evidence } = await processIn(short, 'video/mp4');
    expect(evidence.durationS).toBeGreaterThanOrEqual(2.9);
    expect(renditions.map((r) => `${r.name}.${r.format}`)).toEqual(['poster.webp', 'clean.mp4']);
  });
});

describe('processMedia: a phone MP4 with per-stream tags, a timecode track and subtitles', () => {
  let original: string;
  let result: ProcessedMedia;

  beforeAll(async () => {
    original = phoneMp4WithTracks(dir);
    result = await processIn(original, 'video/mp4');
  });

  it('remuxes, without transcoding: the clean copy is the copy that plays, its picture and sound bit for bit', () => {
    expect(result.renditions.map((r) => `${r.name}.${r.format}${r.playable ? ' (plays)' : ''}`)).toEqual([
      'poster.webp',
      'clean.mp4 (plays)',
    ]);
    const clean = result.renditions[1].path;
    const av = (path: string) =>
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-i',
        path,
        '-map',
        '0:V',
        '-map',
        '0:a',
        '-c',
        'copy',
        '-f',
        'streamhash',
        '-',
      ])
        .toString()
        .trim();
    expect(av(clean)).toBe(av(original));
  });

  it('keeps only the picture and the sound, with no tag naming a device, a moment or a place', () => {
    const source = ffprobe(original);
    expect(source.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'data', 'subtitle', 'video']);
    expect(source.streams.find((s) => s.codec_type === 'video')?.tags).toMatchObject({
      creation_time: expect.any(String),
      handler_name: 'Pixel 8 Pro VideoHandle',
    });
    const clean = ffprobe(result.renditions[1].path);
    expect(clean.streams.map((s) => s.codec_type)).toEqual(['video', 'audio']);
    for (const stream of clean.streams) {
      const tags = stream.tags ?? {};
      expect(Object.keys(tags).filter((k) => !['handler_name', 'vendor_id', 'language'].includes(k))).toEqual(
        [],
      );
      expect(JSON.stringify(tags)).not.toMatch(/Pixel|2026|Tipster/);
    }
    expect(Object.keys(clean.format.tags ?? {}).sort()).toEqual([
      'compatible_brands',
      'major_brand',
      'minor_version',
    ]);
    expect(personalMetadataGroups(result.renditions[1].path)).toEqual([]);
    expect(identifyingTags(result.renditions[1].path)).toEqual({});
    expect(readFileSync(result.renditions[1].path).includes('Tipster Name')).toBe(false);
  });

  it('plays: every frame decodes, with no error', () => {
    const clean = result.renditions[1].path;
    const framesOf = (path: string) =>
      Number(
        execFileSync('ffprobe', [
          ...['-v', 'error', '-count_frames', '-select_streams', 'v:0'],
          ...['-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', path],
        ]).toString(),
      );
    expect(framesOf(clean)).toBeGreaterThan(30);
    expect(framesOf(clean)).toBe(framesOf(original));
    const errors = execFileSync('ffmpeg', ['-v', 'error', '-i', clean, '-f', 'null', '-'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
    expect(errors).toBe('');
  });

  it('writes the same bytes when run twice', () => expectDeterministic(original, 'video/mp4', result));
});

describe('processMedia: an iPhone MOV recorded upright', () => {
  let original: string;
  let result: ProcessedMedia;

  beforeAll(async () => {
    original = phoneMov(dir);
    result = await processIn(original, 'video/quicktime');
  });

  it("reads Apple's keys, and the size as shown", () => {
    expect(result.evidence).toEqual({
      capturedAt: '2026-11-20T18:42:07-05:00',
      latitude: 48.8584,
      longitude: 2.2945,
      altitudeM: 35,
      device: { make: 'Apple', model: 'iPhone 15', software: '17.1.1' },
      durationS: 3,
      width: 360,
      height: 640,
    });
  });

  it('makes an upright poster, a clean MOV that still plays upright, and its streams in MP4 to play', () => {
    expect(
      result.renditions.map(({ name, format, width, height, playable }) => ({
        name,
        format,
        width,
        height,
        playable,
      })),
    ).toEqual([
      { name: 'poster', format: 'webp', width: 360, height: 640, playable: undefined },
      { name: 'clean', format: 'mov', width: 360, height: 640, playable: undefined },
      { name: 'play', format: 'mp4', width: 360, height: 640, playable: true },
    ]);
    const play = result.renditions[2].path;
    expect(streamHashes(play)).toBe(streamHashes(original)); // H.264 and AAC already: copied, not re-encoded
    expect(personalMetadataGroups(play)).toEqual([]);
    expect(identifyingTags(play)).toEqual({});
    expect(exiftoolTags(play)['Composite:Rotation']).toBe(90);
    expect(ffprobe(play).format.format_name).toContain('mp4');
    const clean = result.renditions[1].path;
    expect(personalMetadataGroups(original)).toEqual(['Keys']);
    expect(personalMetadataGroups(clean)).toEqual([]);
    expect(identifyingTags(clean)).toEqual({});
    expect(exiftoolTags(clean)['Composite:Rotation']).toBe(90);
  });
});

describe('processMedia: an iPhone HEVC MOV, which browsers cannot play', () => {
  let original: string;
  let result: ProcessedMedia;

  beforeAll(async () => {
    original = iphoneHevcMov(dir);
    result = await processIn(original, 'video/quicktime');
  });

  it('reads the position with its accuracy', () => {
    expect(result.evidence).toMatchObject({
      latitude: 45.5088,
      longitude: -73.5878,
      altitudeM: 30,
      accuracyM: 14.8,
      device: { make: 'Apple', model: 'iPhone 16' },
      width: 360,
      height: 640,
    });
  });

  it('transcodes a copy to play: H.264 and AAC in MP4, upright, index first, no tags', () => {
    expect(result.renditions.map((r) => `${r.name}.${r.format}${r.playable ? ' (plays)' : ''}`)).toEqual([
      'poster.webp',
      'clean.mov',
      'play.mp4 (plays)',
    ]);
    const play = result.renditions[2];
    expect({ width: play.width, height: play.height, durationS: play.durationS }).toEqual({
      width: 360,
      height: 640,
      durationS: undefined,
    });
    const probe = ffprobe(play.path);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p' });
    expect(video?.side_data_list?.find((d) => d.rotation)?.rotation ?? 0).toBe(0); // turned, not flagged
    expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    expect(Math.abs(Number(video?.duration) - 3)).toBeLessThan(0.2);
    expect(Object.keys(probe.format.tags ?? {}).sort()).toEqual([
      'compatible_brands',
      'major_brand',
      'minor_version',
    ]);
    for (const s of probe.streams) expect(Object.keys(s.tags ?? {})).not.toContain('creation_time');
    expect(personalMetadataGroups(play.path)).toEqual([]);
    expect(identifyingTags(play.path)).toEqual({});
    const bytes = readFileSync(play.path);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('writes the same bytes when run twice', () => expectDeterministic(original, 'video/quicktime', result));
});

describe('processMedia: recordings and browser video', () => {
  it.each([
    ['m4a', 'audio/mp4', 'aac'],
    ['mp3', 'audio/mpeg', 'libmp3lame'],
    ['ogg', 'audio/ogg', 'libopus'],
  ])('a .%s recording gets a clean copy of its audio and nothing else', async (ext, mime, codec) => {
    const original = recording(dir, ext, codec);
    const result = await processIn(original, mime);
    expect(result.renditions.map(({ name, format, playable }) => ({ name, format, playable }))).toEqual([
      { name: 'clean', format: ext, playable: true },
    ]);
    expect(result.phash).toBeUndefined();
    const { durationS, ...place } = result.evidence;
    expect(place).toEqual({ latitude: 45.5017, longitude: -73.5673 });
    expect(Math.abs(durationS! - 2)).toBeLessThan(0.1);
    const clean = result.renditions[0].path;
    expect(streamHashes(clean)).toBe(streamHashes(original));
    expect(Object.keys(identifyingTags(original)).length).toBeGreaterThan(0);
    expect(identifyingTags(clean)).toEqual({});
    expect(personalMetadataGroups(clean)).toEqual([]);
    await expectDeterministic(original, mime, result);
  });

  it('a WebM gets a poster and a clean WebM', async () => {
    const original = browserWebm(dir);
    const result = await processIn(original, 'video/webm');
    expect(result.renditions.map(({ name, format, playable }) => `${name}.${format}:${playable}`)).toEqual([
      'poster.webp:undefined',
      'clean.webm:true',
    ]);
    expect(result.evidence).toMatchObject({
      latitude: 45.5017,
      longitude: -73.5673,
      width: 320,
      height: 240,
    });
    const clean = result.renditions[1].path;
    expect(streamHashes(clean)).toBe(streamHashes(original));
    expect(identifyingTags(original)).not.toEqual({});
    expect(identifyingTags(clean)).toEqual({});
  });
});

describe('processMedia without ffmpeg on the machine', () => {
  const savedPath = process.env.PATH;
  const installed = (tool: string) => {
    const found = (savedPath ?? '')
      .split(':')
      .map((d) => join(d, tool))
      .find((p) => existsSync(p));
    if (!found) throw new Error(`${tool} is not installed`);
    return found;
  };
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('still returns what ffprobe could read, with no renditions', async () => {
    const original = phoneMp4(emptyDir());
    const full = await processIn(original, 'video/mp4');
    const onlyFfprobe = join(dir, 'only-ffprobe');
    mkdirSync(onlyFfprobe);
    symlinkSync(installed('ffprobe'), join(onlyFfprobe, 'ffprobe'));
    process.env.PATH = onlyFfprobe;
    await expect(processIn(original, 'video/mp4')).resolves.toEqual({
      renditions: [],
      evidence: full.evidence,
    });
  });

  it('returns empty evidence and no renditions when neither tool is there', async () => {
    const original = recording(emptyDir(), 'm4a', 'aac');
    process.env.PATH = emptyDir();
    await expect(processIn(original, 'audio/mp4')).resolves.toEqual({ renditions: [], evidence: {} });
  });
});
