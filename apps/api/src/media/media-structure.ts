import type { FileHandle } from 'node:fs/promises';

/**
 * Where a file's own structure says it ends. Bytes past that end are how polyglots are made (a
 * ZIP or an HTML page appended to a photo still opens as a photo, and as the other thing too), and
 * a file that ends before its structure does was cut off. Each walker reads the format's own
 * framing (JPEG markers, PNG chunks, GIF blocks, the RIFF and ISO-BMFF box sizes): `null` means
 * the structure is broken or cut short.
 */

/** The end of a JPEG's first image: its EOI marker, found by walking segments and scans (an EXIF thumbnail has its own EOI). */
export function jpegEnd(b: Buffer): number | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return i + 2;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (i + 3 >= b.length) return null;
    const next = i + 2 + b.readUInt16BE(i + 2);
    if (next > b.length) return null;
    i = next;
    if (marker !== 0xda) continue;
    // Entropy-coded data follows a scan header, up to the next marker that is neither a stuffed
    // 0xFF00 nor a restart marker.
    for (;;) {
      i = b.indexOf(0xff, i);
      if (i < 0 || i + 1 >= b.length) return null;
      const after = b[i + 1];
      if (after === 0x00 || (after >= 0xd0 && after <= 0xd7)) i += 2;
      else if (after === 0xff) i += 1;
      else break;
    }
  }
  return null;
}

/** The end of a PNG: its IEND chunk. */
export function pngEnd(b: Buffer): number | null {
  let i = 8;
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const next = i + 12 + length;
    if (next > b.length) return null;
    if (type === 'IEND') return next;
    i = next;
  }
  return null;
}

/** The end of a GIF: its trailer byte, after every extension and image block. */
export function gifEnd(b: Buffer): number | null {
  if (b.length < 13) return null;
  const packed = b[10];
  let i = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  const skipSubBlocks = (at: number): number | null => {
    let j = at;
    while (j < b.length) {
      const size = b[j];
      if (size === 0) return j + 1;
      j += size + 1;
    }
    return null;
  };
  while (i < b.length) {
    const block = b[i];
    if (block === 0x3b) return i + 1;
    let next: number | null;
    if (block === 0x21) next = skipSubBlocks(i + 2);
    else if (block === 0x2c) {
      if (i + 10 > b.length) return null;
      const local = b[i + 9];
      next = skipSubBlocks(i + 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0) + 1);
    } else return null;
    if (next === null) return null;
    i = next;
  }
  return null;
}

/** The end of a RIFF file (WebP): what its header declares, padded to an even length. */
export function riffEnd(b: Buffer): number | null {
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF') return null;
  const end = 8 + b.readUInt32LE(4);
  return end > b.length ? null : end;
}

/**
 * The end of an ISO-BMFF file (MP4, MOV, M4A, HEIC, AVIF): the sum of its top-level boxes, read
 * box header by box header, so a 2 GB video costs a few small reads. A box that claims more bytes
 * than the file has means the file was cut off (the usual broken MP4: `mdat` cut short).
 */
export async function isoBoxesEnd(file: FileHandle, size: number): Promise<number | null> {
  const header = Buffer.alloc(16);
  let at = 0;
  while (at + 8 <= size) {
    const { bytesRead } = await file.read(header, 0, 16, at);
    if (bytesRead < 8) return null;
    const type = header.toString('latin1', 4, 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return at; // not a box: whatever follows is foreign
    let boxSize = header.readUInt32BE(0);
    if (boxSize === 0) return size; // "to the end of the file"
    if (boxSize === 1) {
      if (bytesRead < 16) return null;
      boxSize = Number(header.readBigUInt64BE(8));
      if (boxSize < 16) return null;
    } else if (boxSize < 8) return null;
    if (at + boxSize > size) return null;
    at += boxSize;
  }
  return at;
}

/** ZIP's end-of-central-directory record: a ZIP reader looks for it in a file's last 64 KiB. */
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * Whether bytes after an image's end are something phones legitimately write there, rather than a
 * second file: zero padding; a motion photo's video (Google's, as ISO-BMFF boxes that fill the rest
 * exactly); Samsung's trailer (its "SEFH" directory, then its length and "SEFT" at the very end).
 * None of them may end with a ZIP directory, which would make the photo open as an archive.
 */
export function isKnownTrailer(b: Buffer, end: number): boolean {
  if (end >= b.length) return true;
  const trailer = b.subarray(end);
  if (trailer.every((byte) => byte === 0)) return true;
  if (b.subarray(Math.max(end, b.length - 65_557)).includes(ZIP_END)) return false;
  return isBoxSequence(trailer) || isSamsungTrailer(trailer);
}

function isBoxSequence(t: Buffer): boolean {
  let at = 0;
  while (at + 8 <= t.length) {
    const size = t.readUInt32BE(at);
    if (size < 8 || !/^[\x20-\x7e]{4}$/.test(t.toString('latin1', at + 4, at + 8))) return false;
    at += size;
  }
  return at === t.length && t.toString('latin1', 4, 8) === 'ftyp';
}

function isSamsungTrailer(t: Buffer): boolean {
  if (t.length < 16 || t.toString('latin1', t.length - 4) !== 'SEFT') return false;
  const directory = t.readUInt32LE(t.length - 8);
  const start = t.length - 8 - directory;
  return start >= 0 && t.toString('latin1', start, start + 4) === 'SEFH';
}
