import { mediaEvidenceOf } from './media-evidence';

describe('mediaEvidenceOf', () => {
  it('keeps the known fields of their type', () => {
    expect(
      mediaEvidenceOf({
        capturedAt: '2026-11-20T18:42:07-05:00',
        latitude: 45.5,
        longitude: -73.6,
        accuracyM: 12.5,
        device: { make: 'Apple', model: 'iPhone 16' },
        durationS: 3,
        width: 360,
        height: 640,
      }),
    ).toEqual({
      capturedAt: '2026-11-20T18:42:07-05:00',
      latitude: 45.5,
      longitude: -73.6,
      accuracyM: 12.5,
      device: { make: 'Apple', model: 'iPhone 16' },
      durationS: 3,
      width: 360,
      height: 640,
    });
  });

  it('drops unknown keys, wrongly typed values, half a position and empty devices', () => {
    expect(
      mediaEvidenceOf({
        latitude: 45.5,
        accuracyM: 3,
        device: { make: '  ' },
        width: '640',
        GPSLatitude: [45, 30, 0],
        note: { nested: true },
      }),
    ).toBeNull();
    expect(mediaEvidenceOf({ durationS: 2, extra: 'x' })).toEqual({ durationS: 2 });
  });

  it('answers null for what is not an object', () => {
    for (const stored of [null, undefined, 'text', 3, [1, 2]]) expect(mediaEvidenceOf(stored)).toBeNull();
  });
});
