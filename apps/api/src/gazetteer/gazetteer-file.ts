import { intersectionKey, placeKey } from './place-names';

/*
 * Reads an agency's gazetteer from GeoJSON (RFC 7946): a FeatureCollection of Points, as a GIS
 * team exports it from OpenStreetMap or its own street network. Each feature is a named place or
 * an intersection:
 *
 *   { "type": "Feature", "geometry": { "type": "Point", "coordinates": [-73.6147, 45.5363] },
 *     "properties": { "name": "Marché Jean-Talon", "name:en": "Jean-Talon Market",
 *                     "alt_name": "marché Jean Talon", "municipality": "Montréal" } }
 *   { "type": "Feature", "geometry": { "type": "Point", "coordinates": [-73.6181, 45.5483] },
 *     "properties": { "streets": ["rue Jarry", "rue Saint-Hubert"], "municipality": "Montréal" } }
 *
 * Names: `name`, `name:fr`, `name:en`, `official_name`, `short_name`, `alt_name` and `old_name`
 * (OpenStreetMap's tags; several values separated by ";"), and `aliases` (a list). Municipality:
 * `municipality`, else `addr:city`. `radius_m` (0–1000): how far from the point the place reaches
 * (default 60 m for an intersection, 150 m for a place). The whole file is checked before anything
 * is kept: one bad feature refuses it, saying which and why.
 */

export interface GazetteerEntry {
  kind: 'PLACE' | 'INTERSECTION';
  name: string;
  municipality: string | null;
  latitude: number;
  longitude: number;
  radiusM: number;
  /** The keys its names are looked up by (place-names.ts). */
  keys: string[];
}

export const GAZETTEER_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  features: 100_000,
  nameChars: 200,
  aliases: 30,
  radiusMaxM: 1000,
  /** Problems listed in a refusal: the first ones are enough to fix an export. */
  problemsShown: 20,
};

const DEFAULT_RADIUS_M = { PLACE: 150, INTERSECTION: 60 };
const NAME_TAGS = ['name', 'name:fr', 'name:en', 'official_name', 'short_name', 'alt_name', 'old_name'];

export type GazetteerReading = { entries: GazetteerEntry[] } | { problems: string[] };

/** Parses and checks a whole file; nothing is returned to store unless every feature is good. */
export function readGazetteer(bytes: Buffer | string): GazetteerReading {
  if (bytes.length > GAZETTEER_LIMITS.fileBytes)
    return { problems: [`the file is larger than ${GAZETTEER_LIMITS.fileBytes / 1024 / 1024} MB`] };
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString());
  } catch (e) {
    return { problems: [`not JSON: ${(e as Error).message}`] };
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return {
      problems: ['not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": […]})'],
    };
  if (doc.features.length === 0) return { problems: ['the collection has no features'] };
  if (doc.features.length > GAZETTEER_LIMITS.features)
    return { problems: [`more than ${GAZETTEER_LIMITS.features} features`] };
  const entries: GazetteerEntry[] = [];
  const problems: string[] = [];
  doc.features.forEach((feature: unknown, i: number) => {
    const read = readFeature(feature);
    if (typeof read === 'string') problems.push(`features[${i}]: ${read}`);
    else entries.push(read);
  });
  if (problems.length)
    return {
      problems:
        problems.length > GAZETTEER_LIMITS.problemsShown
          ? [
              ...problems.slice(0, GAZETTEER_LIMITS.problemsShown),
              `and ${problems.length - GAZETTEER_LIMITS.problemsShown} more`,
            ]
          : problems,
    };
  return { entries };
}

function readFeature(feature: unknown): GazetteerEntry | string {
  if (!isObject(feature) || feature.type !== 'Feature') return 'not a Feature';
  const geometry = feature.geometry;
  if (!isObject(geometry) || geometry.type !== 'Point')
    return 'not a Point (export each place as a point: its centroid)';
  const coordinates = geometry.coordinates;
  if (
    !Array.isArray(coordinates) ||
    coordinates.length < 2 ||
    !coordinates.every((c) => typeof c === 'number')
  )
    return 'coordinates must be [longitude, latitude]';
  const [longitude, latitude] = coordinates as number[];
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180))
    return `coordinates [${longitude}, ${latitude}] are not a longitude and a latitude`;
  const props = isObject(feature.properties) ? feature.properties : {};

  const municipality = text(props.municipality) ?? text(props['addr:city']);
  if (municipality && municipality.length > GAZETTEER_LIMITS.nameChars) return 'municipality is too long';
  const radius = props.radius_m;
  if (
    radius !== undefined &&
    (typeof radius !== 'number' || !(radius >= 0 && radius <= GAZETTEER_LIMITS.radiusMaxM))
  )
    return `radius_m must be a number of metres from 0 to ${GAZETTEER_LIMITS.radiusMaxM}`;

  if (props.streets !== undefined) {
    const streets = props.streets;
    if (!Array.isArray(streets) || streets.length !== 2 || !streets.every((s) => text(s)))
      return 'streets must be the two names of the streets that cross, e.g. ["rue Jarry", "rue Saint-Hubert"]';
    if (streets.some((s: string) => s.length > GAZETTEER_LIMITS.nameChars))
      return 'a street name is too long';
    const key = intersectionKey(streets[0], streets[1]);
    if (!key) return `"${streets[0]}" and "${streets[1]}" do not name two different streets`;
    const name = text(props.name) ?? `${streets[0]} / ${streets[1]}`;
    return {
      kind: 'INTERSECTION',
      name,
      municipality,
      latitude,
      longitude,
      radiusM: typeof radius === 'number' ? Math.round(radius) : DEFAULT_RADIUS_M.INTERSECTION,
      keys: [key],
    };
  }

  const names: string[] = [];
  for (const tag of NAME_TAGS) {
    const value = props[tag];
    if (value === undefined) continue;
    if (typeof value !== 'string') return `${tag} must be text`;
    names.push(
      ...value
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  if (props.aliases !== undefined) {
    if (!Array.isArray(props.aliases) || !props.aliases.every((a) => typeof a === 'string'))
      return 'aliases must be a list of names';
    if (props.aliases.length > GAZETTEER_LIMITS.aliases)
      return `more than ${GAZETTEER_LIMITS.aliases} aliases`;
    names.push(...(props.aliases as string[]).map((a) => a.trim()).filter(Boolean));
  }
  if (names.length === 0) return 'no name (name, name:fr, name:en, alt_name or aliases) and no streets';
  const long = names.find((n) => n.length > GAZETTEER_LIMITS.nameChars);
  if (long) return `name "${long.slice(0, 40)}…" is longer than ${GAZETTEER_LIMITS.nameChars} characters`;
  const keys = [...new Set(names.map(placeKey).filter((k): k is string => k !== null))];
  if (keys.length === 0)
    return `"${names[0]}" is a single word: give the place's full name as people write it ("métro Jarry", "parc Jarry")`;
  return {
    kind: 'PLACE',
    name: names[0],
    municipality,
    latitude,
    longitude,
    radiusM: typeof radius === 'number' ? Math.round(radius) : DEFAULT_RADIUS_M.PLACE,
    keys,
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function text(x: unknown): string | null {
  return typeof x === 'string' && x.trim() ? x.trim() : null;
}
