// Video at Boston's volume (issue 20, point 4): 10,000 videos in a day. Minutes of phone video
// processed per minute on this machine's cores (two at a time, as two workers would), through the
// API's own processing (apps/api/dist/media/processing: evidence from ffprobe, a poster frame with
// its stills and perceptual hash, a clean copy without metadata, and a copy that plays when the
// clean one does not), for two clips generated here with a phone's metadata:
//  - an Android-style 1080p H.264/AAC MP4: remuxed, never transcoded. Target >= 10 min/min.
//  - an iPhone-style 1080p HEVC/AAC MOV: browsers do not play HEVC, so a bounded H.264 copy is
//    transcoded. Target >= 1 min/min.
// Baseline, same run, same clips, two at a time: the bare ffmpeg commands for the same outputs
// (one poster frame; the remux with metadata removed; for HEVC the same x264 transcode), nothing else.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { cpuSecondsOf, ROOT, writeResult } from '../lib.mjs';

export const name = 'video-processing';
export const byDefault = false; // a few minutes: it encodes its 1080p clips first
export const description =
  'minutes of 1080p phone video processed per minute (H.264 remuxed, HEVC transcoded), vs the bare ffmpeg commands';

const run$ = promisify(execFile);
const ffmpeg = (args) =>
  run$('ffmpeg', ['-nostdin', '-hide_banner', '-v', 'error', '-y', ...args], { maxBuffer: 64 << 20 });

const CLIPS = {
  h264: { seconds: 20, copies: 6, mime: 'video/mp4', ext: 'mp4', target: 10 },
  hevc: { seconds: 10, copies: 2, mime: 'video/quicktime', ext: 'mov', target: 1 },
};

/**
 * 1080p at 30 frames a second with light grain (a clean test pattern would cost the codecs far less
 * than footage does), AAC sound, and what phones write: creation time, place, device, per-stream
 * creation times and handlers, a timecode track.
 */
async function phoneClip(dir, kind) {
  const { seconds, ext } = CLIPS[kind];
  const path = join(dir, `phone-${kind}.${ext}`);
  const picture = [
    ...['-f', 'lavfi', '-i', `testsrc2=duration=${seconds}:size=1920x1080:rate=30`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...['-vf', 'noise=alls=8:allf=t', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest'],
  ];
  const common = [
    ...['-metadata', 'creation_time=2026-11-20T23:42:07Z'],
    ...[
      '-metadata:s:v',
      'creation_time=2026-11-20T23:42:07Z',
      '-metadata:s:a',
      'creation_time=2026-11-20T23:42:07Z',
    ],
    ...['-timecode', '23:42:07:00'],
  ];
  if (kind === 'h264')
    await ffmpeg([
      ...picture,
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '16M', '-maxrate', '17M', '-bufsize', '16M'],
      ...common,
      ...['-metadata', 'location=+45.5017-073.5673/', '-metadata:s:v', 'handler_name=VideoHandle'],
      path,
    ]);
  else
    await ffmpeg([
      ...picture,
      ...['-c:v', 'libx265', '-preset', 'ultrafast', '-b:v', '8M', '-tag:v', 'hvc1'],
      ...['-x265-params', 'log-level=error'],
      ...common,
      ...['-metadata', 'com.apple.quicktime.location.ISO6709=+45.5088-073.5878+030.000/'],
      ...['-metadata', 'com.apple.quicktime.make=Apple', '-metadata', 'com.apple.quicktime.model=iPhone 16'],
      ...['-metadata', 'com.apple.quicktime.creationdate=2026-11-20T18:42:07-0500'],
      ...['-metadata:s:v', 'handler_name=Core Media Video', '-movflags', 'use_metadata_tags'],
      path,
    ]);
  return path;
}

/** The bare ffmpeg commands for what processing makes of `path` (as audio-video-processing.ts asks). */
async function bareCommands(path, kind, out) {
  const input = ['-i', `file:${path}`];
  const poster = ffmpeg([
    ...['-ss', '1', ...input, '-map', '0:V:0', '-frames:v', '1'],
    ...['-vf', "scale=w='min(1600,iw)':h='min(1600,ih)':force_original_aspect_ratio=decrease"],
    ...['-f', 'image2pipe', '-c:v', 'png', '-'],
  ]);
  const strip = ['-map_metadata', '-1', '-map_chapters', '-1'];
  await ffmpeg([
    ...input,
    ...['-map', '0:V?', '-map', '0:a?', ...strip, '-c', 'copy'],
    ...['-movflags', '+faststart', `file:${join(out, `clean.${CLIPS[kind].ext}`)}`],
  ]);
  if (kind === 'hevc')
    await ffmpeg([
      ...input,
      ...['-map', '0:V:0', '-map', '0:a:0?'],
      ...[
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '23',
        '-maxrate',
        '3M',
        '-bufsize',
        '6M',
        '-threads',
        '1',
      ],
      ...[
        '-vf',
        "scale=w='min(1280,iw)':h='min(1280,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p",
      ],
      ...['-fpsmax', '30', '-c:a', 'aac', '-b:a', '128k', '-ac', '2', ...strip],
      ...['-movflags', '+faststart', `file:${join(out, 'play.mp4')}`],
    ]);
  await poster;
}

/** Processes `copies` of the clip, two at a time; minutes of video per minute of wall time. */
async function throughput(copies, seconds, dir, once) {
  let next = 0;
  const started = Date.now();
  // This process's CPU and its ffmpeg children's: what the work costs, whatever else the machine does.
  const cpuBefore = await cpuSecondsOf('self', { children: true });
  await Promise.all(
    [0, 1].map(async () => {
      while (next++ < copies) await once(await mkdtemp(join(dir, 'out-')));
    }),
  );
  const wallS = (Date.now() - started) / 1000;
  const cpuS = (await cpuSecondsOf('self', { children: true })) - cpuBefore;
  const videoS = copies * seconds;
  return {
    videoSeconds: videoS,
    wallSeconds: Math.round(wallS * 10) / 10,
    minutesPerMinute: Math.round((videoS / wallS) * 100) / 100,
    cpuSecondsPerVideoMinute: Math.round((cpuS / videoS) * 60 * 10) / 10,
    // What this machine's cores would reach with nothing else on them.
    minutesPerMinuteOnIdleCores: Math.round(((cpus().length * videoS) / cpuS) * 100) / 100,
  };
}

export async function run() {
  await import('reflect-metadata'); // the API's code expects it loaded, as main.js does
  const { processMedia } = await import(
    pathToFileURL(join(ROOT, 'apps/api/dist/media/processing/index.js')).href
  );
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-video-'));
  try {
    const results = {};
    for (const [kind, clip] of Object.entries(CLIPS)) {
      const path = await phoneClip(dir, kind);
      const bytes = (await stat(path)).size;
      // Warm the page cache and check what processing makes of it before timing anything.
      const once = await processMedia(path, clip.mime, await mkdtemp(join(dir, 'check-')));
      const made = once.renditions.map((r) => `${r.name}.${r.format}${r.playable ? ' (plays)' : ''}`);
      const app = await throughput(clip.copies, clip.seconds, dir, (out) =>
        processMedia(path, clip.mime, out),
      );
      const bare = await throughput(clip.copies, clip.seconds, dir, (out) => bareCommands(path, kind, out));
      results[kind] = {
        clip: { seconds: clip.seconds, megabytes: Math.round(bytes / 1e5) / 10, size: '1920x1080', fps: 30 },
        renditions: made,
        api: app,
        bareFfmpeg: bare,
        ratioToBaseline: Math.round((app.minutesPerMinute / bare.minutesPerMinute) * 1000) / 1000,
        cpuRatioToBaseline:
          Math.round((bare.cpuSecondsPerVideoMinute / app.cpuSecondsPerVideoMinute) * 1000) / 1000,
        target: { minutesPerMinute: clip.target },
        met: app.minutesPerMinute >= clip.target,
      };
      console.log(
        `${kind.padEnd(5)} ${clip.seconds} s clip, ${results[kind].clip.megabytes} MB -> ${made.join(', ')}: ${app.minutesPerMinute} min of video/min (bare ffmpeg ${bare.minutesPerMinute}, ratio ${results[kind].ratioToBaseline}; target ${clip.target})`,
      );
      console.log(
        `${''.padEnd(5)} CPU per minute of video: ${app.cpuSecondsPerVideoMinute} s (bare ffmpeg ${bare.cpuSecondsPerVideoMinute} s, ratio ${results[kind].cpuRatioToBaseline}); ${app.minutesPerMinuteOnIdleCores} min/min on ${cpus().length} idle cores`,
      );
    }
    return writeResult(name, {
      cores: cpus().length,
      results,
      met: Object.values(results).every((r) => r.met),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
