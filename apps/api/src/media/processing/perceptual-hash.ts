import { fromRawPixels, RawPixels } from './raw-pixels';

/*
 * pHash (DCT), not dHash. Both are 64-bit and cheap here because the image is already small when
 * we hash it. dHash keeps one bit per pair of neighbouring pixels on a 9×8 grid, so the gamma and
 * colour shifts of a screenshot, or a few percent cropped off an edge, move many of its local
 * gradients. pHash compares the 8×8 lowest spatial frequencies of a 32×32 greyscale image with
 * their median: the layout of the picture, which survives recompression, resizing, contrast
 * changes and light crops, and is the better-studied of the two for near-duplicate search
 * (Zauner, 2010). The DC term (mean brightness) says nothing about layout, so its bit is always 0;
 * of the other 63, exactly 31 lie above their median, so two hashes always differ by an even
 * number of bits. Measured distances are in the processing folder's tests and the media report.
 */
const SIZE = 32;
const LOW = 8;

/** cos((2x+1)uπ/2N), scaled so the DCT is orthonormal: row 0 and the others weigh alike. */
const BASIS: Float64Array[] = Array.from({ length: LOW }, (_, u) => {
  const scale = Math.sqrt((u === 0 ? 1 : 2) / SIZE);
  return Float64Array.from(
    { length: SIZE },
    (_, x) => scale * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE)),
  );
});

/** The 64-bit pHash of upright pixels, as 16 lowercase hex characters. */
export async function perceptualHash(image: RawPixels): Promise<string> {
  const { data, info } = await fromRawPixels(image)
    .flatten({ background: '#ffffff' }) // transparent screenshots hash like they look
    // The bars a phone puts around a photo it shows, so a screenshot hashes like the photo.
    // lineArt skips the smoothing pass photos get, which would cost 16 ms here for nothing:
    // bars are flat, and a threshold of 10 still absorbs JPEG ringing at their edge.
    .trim({ lineArt: true })
    .greyscale()
    .resize(SIZE, SIZE, { fit: 'fill' }) // aspect is ignored: a resized copy lands on the same grid
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected 1 grey channel, got ${info.channels}`);
  return hashFromGrey(data);
}

function hashFromGrey(grey: Uint8Array): string {
  // Separable 2-D DCT, keeping only the 8×8 lowest frequencies: rows first, then columns.
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let v = 0; v < LOW; v++) {
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += grey[y * SIZE + x] * BASIS[v][x];
      rows[y * LOW + v] = sum;
    }
  }
  const coeffs = new Float64Array(LOW * LOW);
  for (let u = 0; u < LOW; u++) {
    for (let v = 0; v < LOW; v++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += rows[y * LOW + v] * BASIS[u][y];
      coeffs[u * LOW + v] = sum;
    }
  }
  const ac = Array.from(coeffs.subarray(1)).sort((a, b) => a - b);
  const median = ac[(ac.length - 1) / 2];
  let bits = 0n;
  for (let i = 1; i < LOW * LOW; i++) if (coeffs[i] > median) bits |= 1n << BigInt(63 - i);
  return bits.toString(16).padStart(16, '0');
}

const HASH = /^[0-9a-f]{16}$/;

/** How many of the 64 bits differ: 0 for the same picture, about 32 for unrelated ones. */
export function hammingDistance(a: string, b: string): number {
  if (!HASH.test(a) || !HASH.test(b)) throw new TypeError('A perceptual hash is 16 lowercase hex characters');
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  for (; diff; diff &= diff - 1n) count++;
  return count;
}
