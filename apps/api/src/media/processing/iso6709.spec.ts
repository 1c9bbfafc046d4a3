import { parseIso6709 } from './iso6709';

describe('parseIso6709', () => {
  it('reads decimal degrees, as Apple and Android write them', () => {
    expect(parseIso6709('+45.5017-073.5673/')).toEqual({ latitude: 45.5017, longitude: -73.5673 });
    expect(parseIso6709('-33.8688+151.2093+012.345/')).toEqual({
      latitude: -33.8688,
      longitude: 151.2093,
      altitudeM: 12.345,
    });
    expect(parseIso6709('+48.8584+002.2945-002.000CRSWGS_84/')).toEqual({
      latitude: 48.8584,
      longitude: 2.2945,
      altitudeM: -2,
    });
  });

  it('reads degrees and minutes, and degrees, minutes and seconds', () => {
    const dm = parseIso6709('+4530.102-07334.038/')!;
    expect(dm.latitude).toBeCloseTo(45 + 30.102 / 60, 9);
    expect(dm.longitude).toBeCloseTo(-(73 + 34.038 / 60), 9);
    const dms = parseIso6709('+453006.12-0733402.28/')!;
    expect(dms.latitude).toBeCloseTo(45 + 30 / 60 + 6.12 / 3600, 9);
    expect(dms.longitude).toBeCloseTo(-(73 + 34 / 60 + 2.28 / 3600), 9);
  });

  it('refuses what is not a point', () => {
    for (const bad of ['', 'Montréal', '+45.5/', '45.5017-073.5673/', '+455-0735/', '+45.50.17-073.5673/']) {
      expect(parseIso6709(bad)).toBeUndefined();
    }
  });
});
