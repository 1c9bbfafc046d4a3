/*
 * Locality-sensitive hashing for the text signal's lookup. pg_trgm's similarity is the Jaccard
 * index of two texts' trigram sets, and MinHash estimates exactly that: for one random hash
 * function, the probability that two sets have the same smallest hash is their Jaccard index.
 * With ROWS minimums per band and BANDS bands, two texts share at least one band with
 * probability 1 − (1 − J^ROWS)^BANDS: 0.9994 at J = 0.85 (a message typed again), 0.98 at 0.75,
 * 0.75 at 0.6, but 0.08 at 0.3 (tips about one appeal in the appeal's own words) and 0.02 at 0.2.
 * Text only decides alone when near-verbatim, so the bands are tuned to find those and little
 * else: with three minimums per band instead of four, a viral appeal's tips (tens of thousands,
 * 0.2–0.3 alike) collided three times as often and the lookup took 115 ms at 1,000,000 tips.
 * The bands are stored in an indexed table like the photo bands, and pg_trgm's similarity then
 * measures the few candidates exactly.
 *
 * Why not pg_trgm's own GIN index: on tip-length texts (100–300 characters, 100–250 trigrams,
 * most of them common to every tip about an appeal) a `%` search reads long posting lists and
 * checks thousands of rows; measured at 100,000 tips it took 0.5–1.5 s at a 0.5–0.7 threshold
 * and up to 12 s at 0.3 (README.md). The bands keep the lookup to a handful of index probes.
 */

export const TEXT_BANDS = 10;
export const TEXT_ROWS = 4;

/**
 * A text as pg_trgm sees it: each word of letters and digits, lower case, padded "  word ", here
 * joined by "|" (which no trigram contains) so that a substring search finds a trigram only
 * where pg_trgm would. Letters outside the Basic Multilingual Plane are not alphanumeric for
 * pg_trgm's purposes here (emoji), so slicing by UTF-16 code units is slicing by characters.
 */
export function paddedWords(textNorm: string): string {
  const words = textNorm
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return `|${words.map((w) => `  ${w} `).join('|')}|`;
}

/** The trigrams pg_trgm extracts. */
export function trigramsOf(textNorm: string): Set<string> {
  const out = new Set<string>();
  const padded = paddedWords(textNorm);
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = padded.slice(i, i + 3);
    if (!trigram.includes('|')) out.add(trigram);
  }
  return out;
}

/** FNV-1a over UTF-16 code units: a fast, stable 32-bit hash of a trigram. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: mixes a 32-bit value so that each seed gives an independent-looking hash. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The hash functions: x ↦ a·x + b (mod 2³²) with odd a, a permutation of 32-bit values, applied
 * to each trigram's mixed hash. Fixed: the bands must mean the same in every process and run.
 */
const MULTIPLIERS = Array.from({ length: TEXT_BANDS * TEXT_ROWS }, (_, i) => mix(0x9e3779b9 + i) | 1);
const OFFSETS = Array.from({ length: TEXT_BANDS * TEXT_ROWS }, (_, i) => mix(0x7f4a7c15 + i));

/** The BANDS band values of a normalised text (signed 32-bit, as Postgres's integer holds them). */
export function textBands(textNorm: string): number[] {
  const mins = new Uint32Array(MULTIPLIERS.length).fill(0xffffffff);
  for (const trigram of trigramsOf(textNorm)) {
    const x = mix(fnv1a(trigram));
    for (let i = 0; i < MULTIPLIERS.length; i++) {
      const h = (Math.imul(x, MULTIPLIERS[i]) + OFFSETS[i]) >>> 0;
      if (h < mins[i]) mins[i] = h;
    }
  }
  return Array.from({ length: TEXT_BANDS }, (_, band) => {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < TEXT_ROWS; r++) h = Math.imul(h ^ mins[band * TEXT_ROWS + r], 0x01000193);
    return mix(h) | 0;
  });
}
