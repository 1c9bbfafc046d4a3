import { hammingDistance } from '../../media/processing';
import { BANDS, bandsOf, phashAsInt8, probesFor, valuesWithin } from './perceptual-bands';

/** A deterministic stream of 64-bit hashes and bit flips. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32);
}
const hex = (bits: bigint) => bits.toString(16).padStart(16, '0');

describe('multi-index hashing bands', () => {
  it('cuts a hash into four 16-bit bands, most significant first', () => {
    expect(bandsOf('0123456789abcdef')).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
  });

  it('stores all 64 bits in a signed bigint, the top bit included', () => {
    expect(phashAsInt8('ffffffffffffffff')).toBe('-1');
    expect(phashAsInt8('7fffffffffffffff')).toBe('9223372036854775807');
  });

  it('probes every value within the radius, once each', () => {
    for (const [radius, count] of [
      [0, 1],
      [1, 17],
      [2, 137],
      [3, 697],
    ]) {
      const values = valuesWithin(0xbeef, radius);
      expect(values).toHaveLength(count);
      expect(new Set(values).size).toBe(count);
      for (const v of values)
        expect(hammingDistance(hex(BigInt(v)), hex(0xbeefn))).toBeLessThanOrEqual(radius);
    }
  });

  it('meets every hash within the threshold (pigeonhole over the bands), and bands alone miss some', () => {
    const next = random(42);
    const maxBits = 10;
    let missedByEqualBands = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const a = (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32));
      let b = a;
      const flips = 1 + Math.floor(next() * maxBits);
      while (hammingDistance(hex(a), hex(b)) < flips) b ^= 1n << BigInt(Math.floor(next() * 64));
      const probes = probesFor(hex(a), maxBits);
      const stored = bandsOf(hex(b));
      const met = probes.bands.some((band, i) => stored[band] === probes.values[i]);
      expect(met).toBe(true);
      if (!bandsOf(hex(a)).some((v, i) => v === stored[i])) missedByEqualBands++;
    }
    // With 4 bands, equal-band lookup alone only guarantees distances up to 3.
    expect(missedByEqualBands).toBeGreaterThan(0);
    expect(BANDS).toBe(4);
  });
});
