import type { AppealKind } from '@vigie/common';

/** Where an appeal is about: its last-seen place, when it gave one. */
export interface AlertPlace {
  latitude: number;
  longitude: number;
}

/**
 * The subscriptions (alias `s`) a publication reaches: the agency's, for this kind, and for an
 * appeal with a place, those whose circle contains it or who chose the whole region. An appeal
 * without a place concerns the agency's whole region, so it reaches every subscriber of that kind.
 * Parameters $1 agency, $2 kind, $3 latitude, $4 longitude (null, null without a place).
 */
export const AUDIENCE_SQL = `s.agency_id = $1 AND s.kinds @> ARRAY[$2]::text[]
  AND (s.radius_km IS NULL OR $3::float8 IS NULL
       OR earth_distance(ll_to_earth(s.latitude, s.longitude), ll_to_earth($3::float8, $4::float8)) <= s.radius_km * 1000)`;

export function audienceParams(agencyId: string, kind: AppealKind, place: AlertPlace | null): unknown[] {
  return [agencyId, kind, place?.latitude ?? null, place?.longitude ?? null];
}
