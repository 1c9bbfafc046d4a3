import type { MediaEvidence } from '@vigie/common';
import { intlLocale, type PortalLanguage } from '../../../shared/i18n/language';

/** One labelled line of a file's evidence, as the desk shows it. */
export interface EvidenceRow {
  /** Key of the label under `desk.media.evidence` in the locales. */
  label: 'capturedAt' | 'position' | 'altitude' | 'device' | 'software' | 'duration' | 'size';
  value: string;
  /** Key of a note under `desk.media.evidence` (the capture time's clock, an unknown accuracy). */
  note?: 'deviceClock' | 'accuracyUnknown';
}

/** Units stay with their numbers on a narrow screen. */
const NBSP = '\u00a0';
const ZONED = /(Z|[+-]\d{2}:\d{2})$/;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/**
 * A capture time as the agency's clock reads it, with the zone named. A camera that recorded only
 * its own wall clock gets that wall clock as it is, flagged: moving it into any zone would invent
 * hours.
 */
export function captureTime(
  iso: string,
  lang: PortalLanguage,
  timeZone: string | undefined,
): Pick<EvidenceRow, 'value' | 'note'> | null {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'medium' };
  if (ZONED.test(iso)) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    const zoned = new Intl.DateTimeFormat(intlLocale(lang), {
      ...options,
      timeStyle: 'long', // with the zone's short name
      timeZone: safeZone(timeZone),
    });
    return { value: zoned.format(date) };
  }
  const wall = WALL_CLOCK.exec(iso);
  if (!wall) return null;
  const [, y, mo, d, h, mi, s] = wall.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (Number.isNaN(date.getTime())) return null;
  const asRecorded = new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone: 'UTC' });
  return { value: asRecorded.format(date), note: 'deviceClock' };
}

/** An unknown or mistyped zone name would make Intl throw: the browser's own zone then. */
function safeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Five decimals of a degree are about a metre: enough, and what a GIS pastes. Dots in both languages. */
export function coordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
}

/** Metres in the language's number style: a decimal below 10 m, whole above. */
export function metres(value: number, lang: PortalLanguage): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** `0:07`, `12:30`, `1:02:03`. */
export function duration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "Apple iPhone 16", without saying the make twice when the model already does ("Pixel 8"). */
export function deviceName(device: NonNullable<MediaEvidence['device']>): string | null {
  const { make, model } = device;
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return make ?? model ?? null;
}

/**
 * The rows the desk shows for a file's evidence, in the order an investigator reads them: when,
 * where, with what, then what the file is. Values are formatted; the labels come from the locales.
 */
export function evidenceRows(
  evidence: MediaEvidence,
  lang: PortalLanguage,
  timeZone: string | undefined,
): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  const captured = evidence.capturedAt ? captureTime(evidence.capturedAt, lang, timeZone) : null;
  if (captured) rows.push({ label: 'capturedAt', ...captured });
  if (evidence.latitude !== undefined && evidence.longitude !== undefined) {
    const at = coordinates(evidence.latitude, evidence.longitude);
    const within =
      evidence.accuracyM !== undefined ? ` (±${NBSP}${metres(evidence.accuracyM, lang)}${NBSP}m)` : '';
    rows.push({ label: 'position', value: at + within, ...(within ? {} : { note: 'accuracyUnknown' }) });
  }
  if (evidence.altitudeM !== undefined)
    rows.push({ label: 'altitude', value: `${metres(evidence.altitudeM, lang)}${NBSP}m` });
  const device = evidence.device ? deviceName(evidence.device) : null;
  if (device) rows.push({ label: 'device', value: device });
  if (evidence.device?.software) rows.push({ label: 'software', value: evidence.device.software });
  if (evidence.durationS !== undefined) rows.push({ label: 'duration', value: duration(evidence.durationS) });
  if (evidence.width && evidence.height)
    rows.push({ label: 'size', value: `${evidence.width}${NBSP}×${NBSP}${evidence.height}${NBSP}px` });
  return rows;
}
