import { DEMO_GAZETTEER_GEOJSON } from './demo-gazetteer';
import { GAZETTEER_LIMITS, readGazetteer } from './gazetteer-file';
import { intersectionKey, placeKey } from './place-names';

const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('readGazetteer', () => {
  it('reads places with their names in both languages and OpenStreetMap’s tags', () => {
    const reading = readGazetteer(
      collection(
        point(-73.5772, 45.4781, {
          name: 'Marché Atwater',
          'name:en': 'Atwater Market',
          alt_name: 'marche Atwater;Atwater market hall',
          'addr:city': 'Montréal',
        }),
      ),
    );
    expect(reading).toEqual({
      entries: [
        {
          kind: 'PLACE',
          name: 'Marché Atwater',
          municipality: 'Montréal',
          latitude: 45.4781,
          longitude: -73.5772,
          radiusM: 150,
          keys: [placeKey('Marché Atwater'), placeKey('Atwater Market'), placeKey('Atwater market hall')],
        },
      ],
    });
  });

  it('reads an intersection by its two streets, with its own reach', () => {
    const reading = readGazetteer(
      collection(
        point(-73.5667, 45.5298, {
          streets: ['rue Rachel', 'avenue Papineau'],
          municipality: 'Montréal',
          radius_m: 40,
        }),
      ),
    );
    expect(reading).toEqual({
      entries: [
        {
          kind: 'INTERSECTION',
          name: 'rue Rachel / avenue Papineau',
          municipality: 'Montréal',
          latitude: 45.5298,
          longitude: -73.5667,
          radiusM: 40,
          keys: [intersectionKey('Rachel', 'Papineau')],
        },
      ],
    });
  });

  it('refuses the whole file for one bad feature, saying which and why', () => {
    const reading = readGazetteer(
      collection(
        point(-73.5772, 45.4781, { name: 'Marché Atwater' }),
        point(-73.5, 95, { name: 'Nowhere Place' }),
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { name: 'Parc Jarry' },
        },
        point(-73.5, 45.5, { name: 'Jarry' }),
        point(-73.5, 45.5, { streets: ['rue Jarry'] }),
        point(-73.5, 45.5, { streets: ['rue Jarry', 'Jarry St'] }),
        point(-73.5, 45.5, { name: 'Parc Jarry', radius_m: 5000 }),
        point(-73.5, 45.5, {}),
      ),
    );
    expect(reading).toEqual({
      problems: [
        'features[1]: coordinates [-73.5, 95] are not a longitude and a latitude',
        'features[2]: not a Point (export each place as a point: its centroid)',
        'features[3]: "Jarry" is a single word: give the place\'s full name as people write it ("métro Jarry", "parc Jarry")',
        'features[4]: streets must be the two names of the streets that cross, e.g. ["rue Jarry", "rue Saint-Hubert"]',
        'features[5]: "rue Jarry" and "Jarry St" do not name two different streets',
        `features[6]: radius_m must be a number of metres from 0 to ${GAZETTEER_LIMITS.radiusMaxM}`,
        'features[7]: no name (name, name:fr, name:en, alt_name or aliases) and no streets',
      ],
    });
  });

  it('refuses what is not a GeoJSON FeatureCollection', () => {
    expect(readGazetteer('name,lat,lon\nParc Jarry,45.53,-73.62')).toEqual({
      problems: [expect.stringMatching(/^not JSON: /)],
    });
    expect(readGazetteer(JSON.stringify({ type: 'Feature' }))).toEqual({
      problems: ['not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": […]})'],
    });
    expect(readGazetteer(collection())).toEqual({ problems: ['the collection has no features'] });
  });

  it('lists the first problems of a file with many, and how many more', () => {
    const bad = Array.from({ length: 25 }, () => point(-73.5, 45.5, {}));
    const reading = readGazetteer(collection(...bad));
    expect('problems' in reading && reading.problems).toHaveLength(GAZETTEER_LIMITS.problemsShown + 1);
    expect('problems' in reading && reading.problems.at(-1)).toBe('and 5 more');
  });

  it('reads the demo agency’s own gazetteer', () => {
    const reading = readGazetteer(DEMO_GAZETTEER_GEOJSON);
    expect('entries' in reading && reading.entries.filter((e) => e.kind === 'INTERSECTION').length).toBe(192);
    expect('entries' in reading && reading.entries.length).toBeGreaterThan(250);
  });
});
