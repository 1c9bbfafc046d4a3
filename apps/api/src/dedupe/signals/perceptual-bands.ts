/*
 * Multi-index hashing over the media pipeline's 64-bit pHash (media/processing/perceptual-hash.ts:
 * the signs of the 8×8 lowest DCT frequencies against their median, chosen there over dHash
 * because it survives recompression, resizing, contrast changes and light crops).
 *
 * The hash is cut into BANDS bands of 16 bits, each stored in an indexed column. Pigeonhole: if
 * two hashes differ in at most d bits, those bits fall into BANDS bands, so at least one band
 * differs in at most floor(d / BANDS) bits. A lookup therefore probes, in each band, every value
 * within r = floor(d / BANDS) bits of the query's band (1 + 16 + 120 values for r = 2) and is
 * guaranteed to meet every hash within d, and then checks the exact distance of the few
 * candidates. With r = 0 this is the plain rule "any equal band, when there are more bands than
 * d"; probing neighbours lets four selective 16-bit bands (1 in 65,536 per value) reach d = 11
 * instead of needing twelve unselective 5-bit ones (Norouzi, Punjani and Fleet, "Fast Search in
 * Hamming Space with Multi-Index Hashing", CVPR 2012).
 */

export const BANDS = 4;
export const BAND_BITS = 16;
const HASH = /^[0-9a-f]{16}$/;

/** The hash as an unsigned 64-bit integer. */
export function phashBits(phash: string): bigint {
  if (!HASH.test(phash)) throw new TypeError('A perceptual hash is 16 lowercase hex characters');
  return BigInt(`0x${phash}`);
}

/** The same 64 bits as Postgres's signed bigint, in decimal, for storing and XOR in SQL. */
export function phashAsInt8(phash: string): string {
  return BigInt.asIntN(64, phashBits(phash)).toString();
}

/** The BANDS band values, most significant first. */
export function bandsOf(phash: string): number[] {
  const bits = phashBits(phash);
  const mask = (1n << BigInt(BAND_BITS)) - 1n;
  return Array.from({ length: BANDS }, (_, i) =>
    Number((bits >> BigInt(BAND_BITS * (BANDS - 1 - i))) & mask),
  );
}

/** How far each band must be probed so that every hash within `maxBits` is found. */
export function probeRadius(maxBits: number): number {
  return Math.floor(maxBits / BANDS);
}

/** Every BAND_BITS-bit value within `radius` bits of `value`, itself first. */
export function valuesWithin(value: number, radius: number): number[] {
  const out = [value];
  const flip = (from: number, start: number, left: number) => {
    for (let bit = start; bit < BAND_BITS; bit++) {
      const next = from ^ (1 << bit);
      out.push(next);
      if (left > 1) flip(next, bit + 1, left - 1);
    }
  };
  if (radius > 0) flip(value, 0, radius);
  return out;
}

/** The (band, value) pairs one lookup probes. */
export function probesFor(phash: string, maxBits: number): { bands: number[]; values: number[] } {
  const radius = probeRadius(maxBits);
  const bands: number[] = [];
  const values: number[] = [];
  bandsOf(phash).forEach((band, i) => {
    for (const value of valuesWithin(band, radius)) {
      bands.push(i);
      values.push(value);
    }
  });
  return { bands, values };
}
