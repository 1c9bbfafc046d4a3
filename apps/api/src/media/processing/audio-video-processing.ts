import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { mediaError } from '../media.errors';
import { runTool, ToolMissingError } from './external-tool';
import { evidenceFromProbe, pictureStream, Probe } from './probe-evidence';
import type { Evidence, ProcessedMedia, Rendition } from './processed-media';
import { POSTER_STILLS, renderStills } from './still-renditions';

interface Container {
  /** ffmpeg's demuxer, forced so that ffmpeg never guesses a format (see `input`). */
  demuxer: string;
  muxer: string;
  format: Rendition['format'];
  muxerArgs: string[];
}

const MP4_FAMILY = ['-movflags', '+faststart']; // index first: staff can start playing at once
const CONTAINERS: Record<string, Container> = {
  'video/mp4': { demuxer: 'mov', muxer: 'mp4', format: 'mp4', muxerArgs: MP4_FAMILY },
  'video/quicktime': { demuxer: 'mov', muxer: 'mov', format: 'mov', muxerArgs: MP4_FAMILY },
  'video/webm': { demuxer: 'matroska', muxer: 'webm', format: 'webm', muxerArgs: [] },
  'audio/mp4': { demuxer: 'mov', muxer: 'mp4', format: 'm4a', muxerArgs: MP4_FAMILY },
  'audio/x-m4a': { demuxer: 'mov', muxer: 'mp4', format: 'm4a', muxerArgs: MP4_FAMILY },
  // No ID3v2 tag at all: an empty one would still say which encoder wrote the copy.
  'audio/mpeg': { demuxer: 'mp3', muxer: 'mp3', format: 'mp3', muxerArgs: ['-id3v2_version', '0'] },
  'audio/ogg': { demuxer: 'ogg', muxer: 'ogg', format: 'ogg', muxerArgs: [] },
};

const PROBE_TIMEOUT_MS = 30_000;
const POSTER_TIMEOUT_MS = 60_000;
/** Remuxing copies every byte: a 2 GB video on a slow disk needs minutes, not seconds. */
const CLEAN_TIMEOUT_MS = 15 * 60_000;
const POSTER_EDGE = 1600;
const QUIET = ['-nostdin', '-hide_banner', '-v', 'error'];
/** A long, slightly damaged recording can print an error line per broken packet and still copy. */
const FFMPEG_OUTPUT_BYTES = 64 * 1024 * 1024;
const PNG_TO_STDOUT = ['-f', 'image2pipe', '-c:v', 'png', '-'];
/** Tags and chapters go (the encoder's name goes with BITEXACT). */
const STRIP_TAGS = ['-map_metadata', '-1', '-map_chapters', '-1'];
/** The streams copied untouched. */
const STRIP = [...STRIP_TAGS, '-c', 'copy'];
/** The long edge of a transcoded copy: enough to read a plate at arm's length, light to stream. */
const PLAY_EDGE = 1280;
/** A transcoded copy covers the first hour; a longer recording is watched from its clean copy. */
export const PLAY_MAX_SECONDS = 3600;

/** How the desk gets a copy it can play: the clean copy itself, its streams in MP4, or a transcode. */
type Playback = 'as-is' | 'remux' | 'transcode';
const BITEXACT = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

/**
 * A video or a sound recording: evidence from ffprobe, then (video only) a poster frame with its
 * perceptual hash, and a copy of the same streams with every container tag and chapter removed.
 * Without ffmpeg on the machine, whatever evidence could be read is returned with no renditions:
 * the original is sealed and safe, and the caller records that nothing was derived.
 */
export async function processAudioVideo(
  path: string,
  mime: string,
  kind: 'video' | 'audio',
  workDir: string,
): Promise<ProcessedMedia> {
  const container = CONTAINERS[mime];
  if (!container) throw mediaError('UNSUPPORTED_TYPE');
  const probe = await probeFile(path, container);
  const evidence = probe ? evidenceFromProbe(probe) : {};
  try {
    const renditions: Rendition[] = [];
    let phash: string | undefined;
    if (kind === 'video' && (!probe || pictureStream(probe))) {
      const poster = await renderPoster(path, container, evidence, workDir);
      renditions.push(...poster.renditions);
      phash = poster.phash;
    }
    const clean = await cleanCopy(path, container, kind, evidence, workDir);
    renditions.push(clean);
    const playback = probe ? playbackOf(probe, container, kind) : 'transcode';
    if (playback === 'as-is') clean.playable = true;
    else renditions.push(await playableCopy(path, container, kind, playback, evidence, workDir));
    return { renditions, ...(phash ? { phash } : {}), evidence };
  } catch (err) {
    if (err instanceof ToolMissingError) return { renditions: [], evidence };
    throw err;
  }
}

/**
 * At intake, while the tipster is still there: does the container open, with streams and a
 * duration? ffprobe reads headers and the index only (a few tens of milliseconds, whatever the
 * size). Undefined when ffprobe is not installed: processing then records what it can, as it does.
 */
export async function probeContainer(path: string, mime: string): Promise<boolean | undefined> {
  const container = CONTAINERS[mime];
  if (!container) throw mediaError('UNSUPPORTED_TYPE');
  const probe = await probeFile(path, container);
  if (!probe) return undefined;
  return Number(probe.format?.duration) > 0 && (probe.streams?.length ?? 0) > 0;
}

async function probeFile(path: string, container: Container): Promise<Probe | undefined> {
  const show = ['-print_format', 'json', '-show_format', '-show_streams'];
  const args = ['-v', 'error', ...show, ...input(path, container)];
  let out: Buffer;
  try {
    out = await runTool('ffprobe', args, PROBE_TIMEOUT_MS, 4 * 1024 * 1024);
  } catch (err) {
    if (err instanceof ToolMissingError) return undefined;
    throw err;
  }
  try {
    return JSON.parse(out.toString('utf8')) as Probe;
  } catch {
    throw new Error('ffprobe printed something other than JSON');
  }
}

/**
 * One frame, upright (ffmpeg applies the rotation a phone recorded), at 1 s or at the start of a
 * clip too short for that. ffmpeg scales it to fit 1600 px so that a 4K or 8K frame never crosses
 * the pipe at full size; sharp then makes the webp and the hash from that one decode.
 */
async function renderPoster(path: string, container: Container, evidence: Evidence, workDir: string) {
  const fit = `scale=w='min(${POSTER_EDGE},iw)':h='min(${POSTER_EDGE},ih)':force_original_aspect_ratio=decrease`;
  const grab = (seek: string[]) => {
    const args = [
      ...QUIET,
      ...seek,
      ...input(path, container),
      '-map',
      '0:V:0',
      '-frames:v',
      '1',
      '-vf',
      fit,
    ];
    return runTool('ffmpeg', [...args, ...PNG_TO_STDOUT], POSTER_TIMEOUT_MS, FFMPEG_OUTPUT_BYTES);
  };
  let png = await grab((evidence.durationS ?? 0) >= 2 ? ['-ss', '1'] : []);
  if (!png.length) png = await grab([]); // the picture ended before 1 s, though the sound went on
  return renderStills(sharp(png), POSTER_STILLS, workDir);
}

/**
 * The same streams, bit for bit, in the same container family, with no tags, no chapters and no
 * encoder name. Video keeps `0:V` (real video) rather than `0:v`, which would also carry cover art:
 * a JPEG inside the container, with its own EXIF. A recording keeps its audio only, for the same
 * reason.
 */
async function cleanCopy(
  path: string,
  container: Container,
  kind: 'video' | 'audio',
  evidence: Evidence,
  workDir: string,
): Promise<Rendition> {
  const out = join(workDir, `clean.${container.format}`);
  const streams = kind === 'video' ? ['-map', '0:V?', '-map', '0:a?'] : ['-map', '0:a'];
  const args = [...QUIET, '-y', ...input(path, container), ...streams, ...STRIP, ...BITEXACT];
  await runTool(
    'ffmpeg',
    [...args, ...container.muxerArgs, '-f', container.muxer, `file:${out}`],
    CLEAN_TIMEOUT_MS,
    FFMPEG_OUTPUT_BYTES,
  );
  const size =
    kind === 'video' && evidence.width && evidence.height
      ? { width: evidence.width, height: evidence.height }
      : {};
  return { name: 'clean', format: container.format, ...size, path: out, bytes: (await stat(out)).size };
}

/**
 * What every browser staff may use plays inside <video> or <audio>: H.264 (8 bits, 4:2:0) with AAC
 * or MP3 in MP4; VP8, VP9 or AV1 with Opus or Vorbis in WebM; AAC, MP3, Opus and Vorbis recordings.
 * iPhones record HEVC, and many phones 10-bit HDR: those are transcoded. A MOV of H.264 and AAC
 * needs only its streams copied into MP4 (Firefox does not open QuickTime).
 */
function playbackOf(probe: Probe, container: Container, kind: 'video' | 'audio'): Playback {
  const audio = (probe.streams ?? []).filter((s) => s.codec_type === 'audio');
  const picture = pictureStream(probe);
  const all = (codecs: string[]) => audio.every((s) => codecs.includes(s.codec_name ?? ''));
  if (kind === 'audio') {
    if (audio.length === 0) return 'transcode';
    const ok = container.format === 'ogg' ? all(['opus', 'vorbis']) : all(['aac', 'mp3']);
    return ok ? 'as-is' : 'transcode';
  }
  if (!picture) return 'transcode';
  if (container.format === 'webm')
    return ['vp8', 'vp9', 'av1'].includes(picture.codec_name ?? '') && all(['opus', 'vorbis'])
      ? 'as-is'
      : 'transcode';
  const h264 =
    picture.codec_name === 'h264' &&
    ['yuv420p', 'yuvj420p'].includes(picture.pix_fmt ?? '') &&
    !/10|4:2:2|4:4:4/.test(picture.profile ?? '');
  if (!h264 || !all(['aac', 'mp3'])) return 'transcode';
  return container.format === 'mp4' ? 'as-is' : 'remux';
}

/**
 * The copy the desk plays when the clean copy is not playable: the same streams in MP4 when only
 * the container is wrong, else H.264 and AAC (an M4A of AAC for a recording). A transcode is
 * bounded: at most 1280 px on the long edge, 30 frames a second, about 3 Mbit/s, and the first
 * PLAY_MAX_SECONDS; the clean copy and the sealed original keep everything. No tag, chapter or
 * encoder name, like every derived file; the index first, so that playing starts at once.
 */
async function playableCopy(
  path: string,
  container: Container,
  kind: 'video' | 'audio',
  playback: Exclude<Playback, 'as-is'>,
  evidence: Evidence,
  workDir: string,
): Promise<Rendition> {
  const format = kind === 'video' ? 'mp4' : 'm4a';
  const out = join(workDir, `play.${format}`);
  const streams = kind === 'video' ? ['-map', '0:V:0', '-map', '0:a:0?'] : ['-map', '0:a:0'];
  const fit = `scale=w='min(${PLAY_EDGE},iw)':h='min(${PLAY_EDGE},ih)':force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p`;
  // One thread, so that every run writes the same bytes: with frame threads, x264's rate control
  // under the bitrate cap (VBV) depends on which thread finishes first, and two runs of the same
  // video differed. Throughput comes from jobs running side by side (WORKERS), not from threads.
  const video = [
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-maxrate', '3M', '-bufsize', '6M'],
    ...['-threads', '1'],
  ];
  const codecs =
    playback === 'remux'
      ? ['-c', 'copy']
      : [
          ...(kind === 'video' ? [...video, '-vf', fit, '-fpsmax', '30'] : []),
          ...['-c:a', 'aac', '-b:a', '128k', '-ac', '2'],
          ...['-t', String(PLAY_MAX_SECONDS)],
        ];
  const args = [...QUIET, '-y', ...input(path, container), ...streams];
  const seconds = Math.min(evidence.durationS ?? PLAY_MAX_SECONDS, PLAY_MAX_SECONDS);
  // A transcode must keep up with at least real time (docs/scaling.md); twice that, plus start-up, is generous.
  const timeout = playback === 'remux' ? CLEAN_TIMEOUT_MS : 5 * 60_000 + seconds * 2_000;
  await runTool(
    'ffmpeg',
    [...args, ...codecs, ...STRIP_TAGS, ...BITEXACT, ...MP4_FAMILY, '-f', 'mp4', `file:${out}`],
    timeout,
    FFMPEG_OUTPUT_BYTES,
  );
  const size = kind === 'video' ? await uprightSizeOf(out) : {};
  const cut =
    playback === 'transcode' && (evidence.durationS ?? 0) > PLAY_MAX_SECONDS
      ? { durationS: PLAY_MAX_SECONDS }
      : {};
  return { name: 'play', format, ...size, ...cut, playable: true, path: out, bytes: (await stat(out)).size };
}

/** The size the copy shows at: a transcode is upright already, a remux keeps the phone's rotation. */
async function uprightSizeOf(path: string): Promise<Pick<Rendition, 'width' | 'height'>> {
  const probe = await probeFile(path, CONTAINERS['video/mp4']);
  if (!probe) return {};
  const { width, height } = evidenceFromProbe(probe);
  return width && height ? { width, height } : {};
}

/**
 * The input as ffmpeg must read a stranger's file: its demuxer forced from the type file-type
 * found (so ffmpeg's own probing can never take an "MP4" for an HLS playlist that fetches other
 * files), local files only, and a `file:` URL so that no name is ever read as an option or a
 * protocol.
 */
function input(path: string, container: Container): string[] {
  return ['-protocol_whitelist', 'file', '-f', container.demuxer, '-i', `file:${resolve(path)}`];
}
