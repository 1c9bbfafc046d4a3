// Does media processing yield to HTTP in the same process (MEDIA_NICENESS)? One process answers a
// cached-size page on its event loop at a fixed rate (autocannon in its own process) while it
// processes phone photos and a phone video three at a time, as the API's workers do, through the
// API's own code (asBackgroundWork, processMedia). Rounds alternate niceness 0 and 10 (and a round
// with no media), so whatever else the machine runs weighs on both alike. Prints each niceness's
// read p50/p99 and the media done meanwhile (photos/s).
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT, writeResult } from '../lib.mjs';
import { phonePhoto } from './media-processing.mjs';

export const name = 'media-yield';
export const byDefault = false;
export const description =
  'HTTP reads at 1,000 req/s beside photo and video processing in one process, niceness 0 against 10';

const ROUNDS = Number(process.env.MEDIA_YIELD_ROUNDS ?? 3);
const SECONDS = 6;
const RATE = 1000;
const WORKERS = 3;

export async function run() {
  await import('reflect-metadata');
  const processing = await import(pathToFileURL(join(ROOT, 'apps/api/dist/media/processing/index.js')).href);
  const dir = await mkdtemp(join(tmpdir(), 'vigie-media-yield-'));
  const page = Buffer.alloc(6_000, 'x');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
    res.end(page);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  try {
    const photo = join(dir, 'photo.jpg');
    await writeFile(photo, await phonePhoto());
    const video = join(dir, 'video.mp4');
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=20'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-b:v', '1500k', video],
    ]);

    let niceness = 0;
    let busy = false;
    const done = { photos: 0, videos: 0 };
    const worker = async (i) => {
      while (busy) {
        const [input, mime] = i === 0 && done.photos % 5 === 4 ? [video, 'video/mp4'] : [photo, 'image/jpeg'];
        const out = await mkdtemp(join(dir, 'out-'));
        await processing.asBackgroundWork(niceness, () => processing.processMedia(input, mime, out));
        await rm(out, { recursive: true, force: true });
        done[mime === 'video/mp4' ? 'videos' : 'photos']++;
      }
    };
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const n of [null, 0, 10]) {
        niceness = n ?? 0;
        await resetLibvipsThreads(); // a round at 0 must not inherit the last round's lowered threads
        const before = { ...done };
        busy = n !== null;
        const media = busy ? Promise.all([...Array(WORKERS).keys()].map(worker)) : null;
        const reads = await publicReads(url);
        busy = false;
        await media;
        rounds.push({
          niceness: n === null ? 'no media' : n,
          ...reads,
          photosPerSecond: Math.round(((done.photos - before.photos) / SECONDS) * 10) / 10,
          videos: done.videos - before.videos,
        });
        console.log(`  ${JSON.stringify(rounds.at(-1))}`);
      }
    }
    const summary = Object.fromEntries(
      ['no media', 0, 10].map((n) => {
        const mine = rounds.filter((x) => x.niceness === n);
        const median = (k) => mine.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(mine.length / 2)];
        return [
          n,
          { p50Ms: median('p50'), p99Ms: median('p99'), photosPerSecond: median('photosPerSecond') },
        ];
      }),
    );
    // This process's peak resident memory: the media's (the page and autocannon's figures are small).
    const peakRssMb = Math.round(
      Number((await readFile('/proc/self/status', 'utf8')).match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024,
    );
    console.log(
      `media-yield (median of ${ROUNDS} rounds each): ${JSON.stringify(summary)}, peak RSS ${peakRssMb} MB` +
        ` (MALLOC_ARENA_MAX ${process.env.MALLOC_ARENA_MAX ?? 'unset'})`,
    );
    return writeResult(name, {
      rounds,
      summary,
      peakRssMb,
      mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? null,
    });
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Autocannon at RATE for SECONDS, in its own process (bench/surge/public-reads.mjs). */
function publicReads(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bench/surge/public-reads.mjs'), url, String(SECONDS), String(RATE), '/'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`reads: exit ${code}`));
      const r = JSON.parse(out);
      resolve({ rps: r.requestsPerSecond, p50: r.latencyMs.p50, p99: r.latencyMs.p99, errors: r.errors });
    });
  });
}

async function resetLibvipsThreads() {
  for (const id of (await readdir('/proc/self/task')).map(Number)) {
    try {
      const comm = (await readFile(`/proc/self/task/${id}/comm`, 'utf8')).trim();
      if (comm === 'libvips worker' && getPriority(id) !== 0) setPriority(id, 0);
    } catch {
      // ended
    }
  }
}
