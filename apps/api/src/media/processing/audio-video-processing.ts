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
/** Tags, chapters and the encoder's name go; the streams are copied untouched. */
const STRIP = ['-map_metadata', '-1', '-map_chapters', '-1', '-c', 'copy'];
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
    renditions.push(await cleanCopy(path, container, kind, evidence, workDir));
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
 * The input as ffmpeg must read a stranger's file: its demuxer forced from the type file-type
 * found (so ffmpeg's own probing can never take an "MP4" for an HLS playlist that fetches other
 * files), local files only, and a `file:` URL so that no name is ever read as an option or a
 * protocol.
 */
function input(path: string, container: Container): string[] {
  return ['-protocol_whitelist', 'file', '-f', container.demuxer, '-i', `file:${resolve(path)}`];
}
