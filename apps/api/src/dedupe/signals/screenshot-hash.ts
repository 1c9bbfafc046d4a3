import sharp from 'sharp';
import { perceptualHash, toRawPixels } from '../../media/processing';

/*
 * A screenshot of a photo on a phone is the photo plus the screen around it: black or white bars,
 * and usually a status bar with the time and battery, or an app's header and buttons. The media
 * pipeline's pHash trims uniform borders, so a bare letterboxed screenshot hashes like the photo;
 * but a status bar is not uniform, nothing is trimmed, and the hash is that of a tall dark screen
 * (24–40 bits from the photo's, as far as two unrelated photos). So for images shaped like a
 * phone screen, the photo inside is found and hashed too, with the same pHash.
 *
 * The photo is the tallest block of lines that are not the screen's background: bars are flat
 * and of the background's colour, a status bar or a line of text is a short block with
 * background lines around it.
 */

/** Phone screens are 16:9 to 19.5:9 (1.8–2.2); a photo shown on one fills at most ~60 % of its height. */
export const SCREEN_ASPECT = 1.7;
const PROBE_WIDTH = 64;
/** A row whose grey levels vary less than this (0–255) is flat: a bar, a margin, empty space. */
const FLAT = 6;

export function looksLikeScreen(width: number | undefined, height: number | undefined): boolean {
  if (!width || !height) return false;
  return Math.max(width, height) / Math.min(width, height) >= SCREEN_ASPECT;
}

/** The pHash of the photo inside a screenshot, or null when no inner block stands out. */
export async function innerPhotoHash(image: Buffer): Promise<string | null> {
  const upright = sharp(image, { limitInputPixels: 40_000_000 }).rotate();
  const { width = 0, height = 0 } = await upright.metadata();
  if (!looksLikeScreen(width, height)) return null;
  const portrait = height >= width;
  // Rows of a portrait screen, columns of a landscape one: along the long side.
  const probe = await upright
    .clone()
    .greyscale()
    .resize(portrait ? { width: PROBE_WIDTH } : { height: PROBE_WIDTH })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width: pw, height: ph } = probe.info;
  const lines = portrait ? ph : pw;
  const across = portrait ? pw : ph;
  const at = (line: number, i: number) => probe.data[portrait ? line * pw + i : i * pw + line];
  const flat: (number | null)[] = []; // the grey level of a flat line, null for a line with detail
  for (let line = 0; line < lines; line++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < across; i++) {
      sum += at(line, i);
      squares += at(line, i) ** 2;
    }
    const mean = sum / across;
    flat.push(Math.sqrt(squares / across - mean ** 2) <= FLAT ? mean : null);
  }
  // The screen's background: the most common level among flat lines. A flat line of another
  // level (a clear sky, a wall) belongs to the photo.
  const levels = flat.filter((v): v is number => v !== null).map((v) => Math.round(v / 8));
  if (levels.length === 0) return null;
  const counts = new Map<number, number>();
  for (const v of levels) counts.set(v, (counts.get(v) ?? 0) + 1);
  const background = [...counts].sort((a, b) => b[1] - a[1])[0][0] * 8;
  const busy = flat.map((v) => v === null || Math.abs(v - background) > 2 * FLAT);
  let best = { start: 0, length: 0 };
  for (let start = 0; start < lines;) {
    if (!busy[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < lines && busy[end + 1]) end++;
    if (end - start + 1 > best.length) best = { start, length: end - start + 1 };
    start = end + 1;
  }
  // Nothing stands out (a photo that is just tall), or it is nearly all of it (nothing to remove).
  if (best.length < lines * 0.15 || best.length > lines * 0.9) return null;
  // One probe line more on each side: a line that straddles the photo's edge is mostly bar and
  // reads as flat, and cutting into the photo would move its hash. pHash trims the bar back off.
  const scale = (portrait ? height : width) / lines;
  const from = Math.max(0, Math.floor((best.start - 1) * scale));
  const size = Math.min(Math.ceil((best.length + 2) * scale), (portrait ? height : width) - from);
  const region = portrait
    ? { left: 0, top: from, width, height: size }
    : { left: from, top: 0, width: size, height };
  return perceptualHash(await toRawPixels(upright.clone().extract(region)));
}
