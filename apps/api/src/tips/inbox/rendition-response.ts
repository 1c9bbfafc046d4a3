import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteRange } from '../../media/media-store';

/** A rendition as the triage service finds it: what it is, then its bytes on demand. */
export interface RenditionFile {
  format: string;
  bytes: number;
  read: (range?: ByteRange) => Promise<Readable>;
}

/**
 * Sends a rendition to a staff screen, whole or one byte range (RFC 9110): a video player asks
 * for ranges to start at once and to seek without downloading everything before. A range past the
 * end answers 416; a malformed Range header, or several ranges, gets the whole file (200), which
 * the RFC allows and every player handles. Renditions never change once written, so no If-Range.
 */
export async function sendRendition(req: Request, res: Response, file: RenditionFile): Promise<void> {
  const ranges = req.headers.range ? req.range(file.bytes, { combine: true }) : undefined;
  res.setHeader('Cache-Control', 'private, max-age=300');
  res.setHeader('Accept-Ranges', 'bytes');
  if (ranges === -1) {
    res.status(416).setHeader('Content-Range', `bytes */${file.bytes}`);
    res.end();
    return;
  }
  const range =
    Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
  // Opened before any status is set: a file missing from the store must still answer a plain error.
  const stream = await file.read(range && { start: range.start, end: range.end });
  res.type(file.format);
  if (range) {
    res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.bytes}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.setHeader('Content-Length', String(file.bytes));
  }
  if (req.method === 'HEAD') {
    stream.destroy();
    res.end();
    return;
  }
  // A player that seeks closes the previous request mid-file: that is not an error worth a log line.
  await pipeline(stream, res).catch(() => res.destroy());
}
