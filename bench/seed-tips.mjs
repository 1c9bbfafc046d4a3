// Fills the tip table with realistic-looking tips quickly, with COPY (one stream, no per-row
// round trips), for benchmarks at one million tips.
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import copyStreams from 'pg-copy-streams';

const FR = [
  'voiture',
  'grise',
  'homme',
  'femme',
  'sac',
  'rouge',
  'témoin',
  'métro',
  'rue',
  'parc',
  'enfant',
  'vélo',
  'camion',
  'noir',
  'bleu',
  'près',
  'du',
  'marché',
  'pont',
  'église',
  'soir',
  'matin',
  'fuite',
  'vitesse',
  'plaque',
];
const EN = [
  'car',
  'grey',
  'man',
  'woman',
  'bag',
  'red',
  'witness',
  'subway',
  'street',
  'park',
  'child',
  'bike',
  'truck',
  'black',
  'blue',
  'near',
  'the',
  'market',
  'bridge',
  'church',
  'evening',
  'morning',
  'running',
  'speed',
  'plate',
];
const STATUSES = [
  ['NEW', 0.35],
  ['IN_REVIEW', 0.15],
  ['ACTIONABLE', 0.08],
  ['NEEDS_INFO', 0.05],
  ['NOT_ACTIONABLE', 0.25],
  ['LINKED', 0.04],
  ['CLOSED', 0.08],
];
const PRIORITIES = [
  ['URGENT', 0.01],
  ['HIGH', 0.1],
  ['NORMAL', 0.7],
  ['LOW', 0.19],
];
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function pick(weighted, r) {
  let acc = 0;
  for (const [value, weight] of weighted) if ((acc += weight) >= r) return value;
  return weighted[weighted.length - 1][0];
}

function code(n) {
  let s = '';
  for (let i = 0; i < 8; i++, n = Math.floor(n / ALPHABET.length)) s += ALPHABET[n % ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** A tiny deterministic generator, so two runs seed the same data. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
}

export async function seedTips(db, { agencyId, count, offset = 0, days = 30 }) {
  const rnd = random(offset + 7);
  const now = Date.now();
  const [{ password_hash: hash }] = (await db.query(`SELECT password_hash FROM tip LIMIT 1`)).rows.concat([
    { password_hash: '$argon2id$v=19$m=2048,t=1,p=1$c2FsdHNhbHQ$placeholder' },
  ]);
  function* rows() {
    for (let i = 0; i < count; i++) {
      const fr = rnd() < 0.7;
      const words = fr ? FR : EN;
      const description = Array.from(
        { length: 8 + Math.floor(rnd() * 25) },
        () => words[Math.floor(rnd() * words.length)],
      ).join(' ');
      const located = rnd() < 0.3;
      const cells = [
        randomUUID(),
        agencyId,
        code(offset + i + 1_000_000),
        hash,
        description,
        fr ? 'fr' : 'en',
        pick(STATUSES, rnd()),
        pick(PRIORITIES, rnd()),
        new Date(now - rnd() * days * 86_400_000).toISOString(),
        located ? (45.4 + rnd() * 0.3).toFixed(5) : '\\N',
        located ? (-73.8 + rnd() * 0.4).toFixed(5) : '\\N',
        rnd() < 0.2 ? String(1 + Math.floor(rnd() * 3)) : '0',
        rnd() < 0.05 ? '{véhicule}' : '{}',
        '1',
      ];
      yield cells.join('\t') + '\n';
    }
  }
  const copy = db.query(
    copyStreams.from(
      `COPY tip (id, agency_id, code, password_hash, description, language, status, priority, received_at, latitude, longitude, media_count, tags, version) FROM STDIN`,
    ),
  );
  await pipeline(Readable.from(rows()), copy);
  // What autovacuum would do after a load this size; without it no scan can be index-only.
  await db.query('VACUUM (ANALYZE) tip');
}
