/**
 * Reads an ISO 6709 point as phones write it into videos: Apple's
 * `com.apple.quicktime.location.ISO6709` and Android's `©xyz` (ffprobe's `location`), e.g.
 * `+45.5017-073.5673/` or `+45.5017-073.5673+012.345/`. The standard also allows degrees and
 * minutes (`+4530.10-07334.04/`) or degrees, minutes and seconds (`+453006-0733402/`), told apart
 * by the number of integer digits; the decimal fraction belongs to the last unit written.
 */
export function parseIso6709(
  value: string,
): { latitude: number; longitude: number; altitudeM?: number } | undefined {
  const match = /^([+-][\d.]+)([+-][\d.]+)([+-][\d.]+)?(?:CRS[^/]*)?\/?$/.exec(value.trim());
  if (!match) return undefined;
  const latitude = angle(match[1], 2);
  const longitude = angle(match[2], 3);
  if (latitude === undefined || longitude === undefined) return undefined;
  const altitude = match[3] === undefined ? undefined : Number(match[3]);
  return altitude !== undefined && Number.isFinite(altitude)
    ? { latitude, longitude, altitudeM: altitude }
    : { latitude, longitude };
}

function angle(part: string, degreeDigits: 2 | 3): number | undefined {
  const match = /^([+-])(\d+)(\.\d+)?$/.exec(part);
  if (!match) return undefined;
  const [, sign, digits, fraction = ''] = match;
  const units = [0, 2, 4].indexOf(digits.length - degreeDigits); // 0: D, 1: DM, 2: DMS
  if (units < 0) return undefined;
  const deg = Number(digits.slice(0, degreeDigits));
  const min = units >= 1 ? Number(digits.slice(degreeDigits, degreeDigits + 2)) : 0;
  const sec = units === 2 ? Number(digits.slice(degreeDigits + 2)) : 0;
  const rest = fraction ? Number(`0${fraction}`) / [1, 60, 3600][units] : 0;
  const value = deg + min / 60 + sec / 3600 + rest;
  return sign === '-' ? -value : value;
}
