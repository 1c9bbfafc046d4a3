import type { Evidence } from './processed-media';

/* Checks on values read from a stranger's file: nothing there is trusted to have its documented type. */

/** A short string, or nothing. Bytes are read as UTF-8, which cameras write into "ASCII" tags. */
export function text(value: unknown): string | undefined {
  const raw = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : undefined;
  const clean = raw?.replace(/\0.*$/s, '').trim().slice(0, 200);
  return clean || undefined;
}

export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * A position is kept only whole and in range: half a position, or 91°N, is a damaged or forged
 * tag. Seven decimals of a degree are about 1 cm; any more is float noise.
 */
export function positionOf(
  latitude: number | undefined,
  longitude: number | undefined,
): Pick<Evidence, 'latitude' | 'longitude'> {
  if (latitude === undefined || longitude === undefined) return {};
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return {};
  return { latitude: round(latitude, 7), longitude: round(longitude, 7) };
}

export function deviceOf(make: unknown, model: unknown, software: unknown): Pick<Evidence, 'device'> {
  const device: NonNullable<Evidence['device']> = {};
  const [m, mo, s] = [text(make), text(model), text(software)];
  if (m) device.make = m;
  if (mo) device.model = mo;
  if (s) device.software = s;
  return Object.keys(device).length ? { device } : {};
}

/**
 * A horizontal accuracy in metres, kept only when it is believable: negative or over 100 km is a
 * damaged tag, not a measurement. Rounded to the decimetre.
 */
export function accuracyOf(metres: number | undefined): number | undefined {
  return metres !== undefined && metres >= 0 && metres <= 100_000 ? round(metres, 1) : undefined;
}
