import sharp, { Sharp } from 'sharp';

/** Decoded, upright pixels held in memory, so that every output is made from a single decode. */
export interface RawPixels {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** Runs a pipeline to uncompressed pixels (sRGB, 8 bits: sharp's defaults for raw output). */
export async function toRawPixels(pipeline: Sharp): Promise<RawPixels> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
}

/** A pipeline that starts from pixels already in memory: no file is read or decoded again. */
export function fromRawPixels(image: RawPixels): Sharp {
  return sharp(image.data, { raw: image.info });
}

/** The same pixels scaled to fit inside `maxEdge` (never enlarged; already small enough is free). */
export async function fitWithin(image: RawPixels, maxEdge: number): Promise<RawPixels> {
  if (Math.max(image.info.width, image.info.height) <= maxEdge) return image;
  return toRawPixels(fromRawPixels(image).resize(maxEdge, maxEdge, { fit: 'inside' }));
}
