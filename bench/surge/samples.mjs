// What tipsters send during a surge: varied texts, a dozen re-shared phone photos (2–4 MB), and a
// few phone videos (20–60 s, 720p H.264 with sound), made once per run.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { random } from '../lib.mjs';
import { phonePhoto } from '../scenarios/media-processing.mjs';

const run = promisify(execFile);

const SEEN = [
  'I saw a grey sedan leaving the lot on {street} at high speed',
  'J’ai vu un homme qui lui ressemble près du dépanneur de la rue {street}',
  'The person in the photo was at the bus stop on {street} this morning',
  'Une voiture noire, plaque commençant par {plate}, stationnée rue {street}',
  'My neighbour says she saw the child with a woman in a red coat near {street}',
  'Il y avait deux hommes dans un pick-up blanc, direction {street}',
];
const STREETS = ['Main', 'Laurier', 'Saint-Joseph', 'Wellington', 'Montcalm', 'Gamelin', 'Taché', 'Bank'];

export function texts(seed = 2026) {
  const r = random(seed);
  return () =>
    r
      .pick(SEEN)
      .replace('{street}', `${r.int(1, 2999)} ${r.pick(STREETS)}`)
      .replace('{plate}', `${String.fromCharCode(65 + r.int(0, 25))}${r.int(10, 99)}`) +
    ` (${r.int(1, 59)} min ago)`;
}

/** Twelve distinct phone photos of 2 to 4 MB: each is re-shared many times, as on a viral night. */
export async function photos() {
  const sizes = [
    [4032, 3024],
    [4608, 3456],
    [5184, 3888],
  ];
  const out = [];
  for (let i = 0; i < 12; i++) {
    const [w, h] = sizes[i % sizes.length];
    out.push(await phonePhoto(w - (i >> 2) * 16, h - (i >> 2) * 12));
  }
  return out;
}

/** Phone videos of 20, 40 and 60 s (720p, about 1.5 Mbit/s, AAC sound). */
export async function videos() {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-surge-video-'));
  try {
    const out = [];
    for (const seconds of [20, 40, 60]) {
      const file = join(dir, `v${seconds}.mp4`);
      await run('ffmpeg', [
        ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`],
        ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '1500k', '-c:a', 'aac', '-shortest', file],
      ]);
      out.push(await readFile(file));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
