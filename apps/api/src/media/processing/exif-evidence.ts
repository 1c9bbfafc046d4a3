import exifReader from 'exif-reader';
import { accuracyOf, deviceOf, finite, positionOf, round, text } from './evidence-values';
import type { Evidence } from './processed-media';

type Tags = Record<string, unknown> | null | undefined;

/**
 * Reads capture time, GPS position and device from an EXIF block (as sharp's metadata().exif
 * returns it). A damaged EXIF block costs the evidence, never the photo: the pixels may be fine.
 */
export function evidenceFromExif(exif: Buffer | undefined): Evidence {
  if (!exif?.length) return {};
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(exif);
  } catch {
    return {};
  }
  const capturedAt = captureTime(tags.Photo);
  return {
    ...(capturedAt ? { capturedAt } : {}),
    ...gpsPosition(tags.GPSInfo),
    ...deviceOf(tags.Image?.Make, tags.Image?.Model, tags.Image?.Software),
  };
}

/**
 * DateTimeOriginal is the camera's wall clock; OffsetTimeOriginal (EXIF 2.31) says in which zone.
 * exif-reader returns the wall clock as if it were UTC, so its ISO digits are the local time.
 */
function captureTime(photo: Tags): string | undefined {
  for (const [time, offset] of [
    ['DateTimeOriginal', 'OffsetTimeOriginal'],
    ['DateTimeDigitized', 'OffsetTimeDigitized'],
  ]) {
    const local = photo?.[time];
    if (!(local instanceof Date) || Number.isNaN(local.getTime())) continue;
    const zone = text(photo?.[offset]);
    return local.toISOString().slice(0, 19) + (zone && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : '');
  }
  return undefined;
}

function gpsPosition(gps: Tags): Pick<Evidence, 'latitude' | 'longitude' | 'altitudeM' | 'accuracyM'> {
  const position = positionOf(
    signed(degrees(gps?.GPSLatitude), text(gps?.GPSLatitudeRef) === 'S'),
    signed(degrees(gps?.GPSLongitude), text(gps?.GPSLongitudeRef) === 'W'),
  );
  if (position.latitude === undefined) return position;
  const altitude = signed(finite(gps?.GPSAltitude), gps?.GPSAltitudeRef === 1); // 1: below sea level
  // GPSHPositioningError (EXIF 2.31, written by iPhones): how far off the position may be, in metres.
  const accuracy = accuracyOf(finite(gps?.GPSHPositioningError));
  return {
    ...position,
    ...(altitude !== undefined ? { altitudeM: round(altitude, 2) } : {}),
    ...(accuracy !== undefined ? { accuracyM: accuracy } : {}),
  };
}

/** EXIF writes an angle as three rationals: degrees, minutes, seconds. */
function degrees(value: unknown): number | undefined {
  if (!Array.isArray(value) || value.length !== 3) return finite(value);
  const [d, m, s] = value.map(finite);
  return d === undefined || m === undefined || s === undefined ? undefined : d + m / 60 + s / 3600;
}

function signed(value: number | undefined, negative: boolean): number | undefined {
  return value === undefined ? undefined : negative ? -Math.abs(value) : value;
}
