import type { MediaEvidence } from '@vigie/common';

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;

/**
 * A file's stored evidence as the desk receives it: the known fields only, each of its type, so
 * the desk labels every value it gets and never has to print a key or a JSON blob. Rows written
 * by older versions, or holding a field this version does not know, lose only that field.
 */
export function mediaEvidenceOf(stored: unknown): MediaEvidence | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const raw = stored as Record<string, unknown>;
  const device = raw.device && typeof raw.device === 'object' ? (raw.device as Record<string, unknown>) : {};
  const latitude = num(raw.latitude);
  const longitude = num(raw.longitude);
  const placed = latitude !== undefined && longitude !== undefined;
  const evidence: MediaEvidence = {
    capturedAt: str(raw.capturedAt),
    ...(placed ? { latitude, longitude, altitudeM: num(raw.altitudeM), accuracyM: num(raw.accuracyM) } : {}),
    device:
      str(device.make) || str(device.model) || str(device.software)
        ? { make: str(device.make), model: str(device.model), software: str(device.software) }
        : undefined,
    durationS: num(raw.durationS),
    width: num(raw.width),
    height: num(raw.height),
  };
  const kept = JSON.parse(JSON.stringify(evidence)) as MediaEvidence; // drops the undefined fields
  return Object.keys(kept).length ? kept : null;
}
