import type { EntityManager } from 'typeorm';
import { mentionKeys, municipalityKey } from './place-names';

/** A typed place the gazetteer placed: where it is, and how far from that point it reaches. */
export interface PlacedName {
  name: string;
  municipality: string | null;
  latitude: number;
  longitude: number;
  radiusM: number;
}

export interface PlaceCandidate extends PlacedName {
  kind: 'PLACE' | 'INTERSECTION';
  /** Whether the typed place (not only the description) names it. */
  typed: boolean;
}

/** Entries matched by one tip this far apart name one spot (a station and its square); farther, the tip is unclear. */
const ONE_SPOT_M = 500;
/** A text naming more entries than this names a route or a list, not where something happened. */
const MAX_CANDIDATES = 50;

/**
 * Where the gazetteer places what a tipster typed (the form's "where"), else what their words name:
 * one index lookup of every key the words could match (place-names.ts), then choosePlace.
 * `municipalities`: those the tip names, in any form ("Saint-Jérôme", "st jerome").
 */
export async function placeTypedPlace(
  tx: EntityManager,
  agencyId: string,
  typed: string | null,
  description: string,
  municipalities: string[],
): Promise<PlacedName | null> {
  const typedKeys = typed ? mentionKeys(typed) : [];
  const textKeys = mentionKeys(description);
  if (typedKeys.length + textKeys.length === 0) return null;
  const rows: {
    kind: 'PLACE' | 'INTERSECTION';
    name: string;
    municipality: string | null;
    latitude: number;
    longitude: number;
    radius_m: number;
    typed: boolean;
  }[] = await tx.query(
    `SELECT p.kind, p.name, p.municipality, p.latitude, p.longitude, p.radius_m, bool_or(k.key = ANY($3::text[])) AS typed
       FROM gazetteer_key k JOIN gazetteer_place p ON p.id = k.place_id
      WHERE k.agency_id = $1 AND k.key = ANY($2::text[])
      GROUP BY p.id
      ORDER BY p.radius_m, p.name, p.id -- choosePlace breaks ties by order: the same each run
      LIMIT ${MAX_CANDIDATES + 1}`,
    [agencyId, [...new Set([...typedKeys, ...textKeys])], typedKeys],
  );
  if (rows.length > MAX_CANDIDATES) return null;
  return choosePlace(
    rows.map((r) => ({
      kind: r.kind,
      name: r.name,
      municipality: r.municipality,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      radiusM: r.radius_m,
      typed: r.typed,
    })),
    municipalities,
  );
}

/**
 * Which entry a tip names, if it names one clearly. What the form's "where" names comes before
 * what the description mentions. A municipality the tip names must be the entry's ("coin
 * Principale et Saint-Joseph, Granby" is not Saint-Jérôme's corner of that name; an entry without
 * a municipality agrees with any). What is left must be one spot: entries within ONE_SPOT_M of each
 * other (the most precise of them is kept); entries farther apart are two places of one name, and
 * the tip is not placed rather than placed at a guess.
 */
export function choosePlace(candidates: PlaceCandidate[], municipalities: string[]): PlacedName | null {
  const named = new Set(municipalities.map(municipalityKey));
  const inTown = candidates.filter(
    (c) => named.size === 0 || c.municipality === null || named.has(municipalityKey(c.municipality)),
  );
  const typed = inTown.filter((c) => c.typed);
  const pool = typed.length ? typed : inTown;
  if (pool.length === 0) return null;
  const [first] = pool;
  if (pool.some((c) => metresBetween(first, c) > ONE_SPOT_M)) return null;
  const best = [...pool].sort((a, b) => a.radiusM - b.radiusM)[0];
  return {
    name: best.name,
    municipality: best.municipality,
    latitude: best.latitude,
    longitude: best.longitude,
    radiusM: best.radiusM,
  };
}

export function metresBetween(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) *
      Math.cos(b.latitude * rad) *
      Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
