import { describe, expect, it } from 'vitest';
import { captureTime, deviceName, duration, evidenceRows } from './evidence-format';

describe('evidence formatting', () => {
  it('shows a zoned capture time on the agency’s clock, with the zone named', () => {
    // 18:42:07 in Montréal (UTC−5) is 15:42:07 in Vancouver.
    const montreal = captureTime('2026-11-20T18:42:07-05:00', 'en', 'America/Toronto');
    expect(montreal?.value).toMatch(/November 20, 2026.*6:42:07\sp\.m\.\s(EST|GMT-5)/);
    expect(montreal?.note).toBeUndefined();
    const vancouver = captureTime('2026-11-20T18:42:07-05:00', 'fr', 'America/Vancouver');
    expect(vancouver?.value).toMatch(/20 novembre 2026.*15\sh\s42\smin\s07\ss\s(HNP|UTC−8)/);
  });

  it('keeps a camera’s bare wall clock as recorded, and says so', () => {
    const wall = captureTime('2026-07-14T21:05:00', 'en', 'America/Toronto');
    expect(wall?.value).toMatch(/July 14, 2026.*9:05:00\sp\.m\./);
    expect(wall?.value).not.toMatch(/UTC|EDT|GMT/);
    expect(wall?.note).toBe('deviceClock');
  });

  it('refuses what is not a date, and survives an unknown zone', () => {
    expect(captureTime('yesterday', 'en', 'America/Toronto')).toBeNull();
    expect(captureTime('2026-11-20T18:42:07Z', 'en', 'Mars/Olympus')?.value).toMatch(/2026/);
  });

  it('names a device once, and writes durations as a clock does', () => {
    expect(deviceName({ make: 'Apple', model: 'iPhone 16' })).toBe('Apple iPhone 16');
    expect(deviceName({ make: 'Google', model: 'Google Pixel 8' })).toBe('Google Pixel 8');
    expect(deviceName({ software: '17.1' })).toBeNull();
    expect([duration(7.4), duration(750), duration(3723)]).toEqual(['0:07', '12:30', '1:02:03']);
  });

  it('gives labelled rows in reading order, the position with its accuracy', () => {
    const rows = evidenceRows(
      {
        capturedAt: '2026-11-20T23:42:07.000Z',
        latitude: 45.5088,
        longitude: -73.5878,
        altitudeM: 30,
        accuracyM: 14.8,
        device: { make: 'Apple', model: 'iPhone 16', software: '18.1' },
        durationS: 3,
        width: 360,
        height: 640,
      },
      'fr',
      'America/Toronto',
    );
    expect(rows.map((r) => r.label)).toEqual([
      'capturedAt',
      'position',
      'altitude',
      'device',
      'software',
      'duration',
      'size',
    ]);
    expect(rows.slice(1).map((r) => r.value.replace(/\u00a0/g, ' '))).toEqual([
      '45.50880, -73.58780 (± 15 m)',
      '30 m',
      'Apple iPhone 16',
      '18.1',
      '0:03',
      '360 × 640 px',
    ]);
    expect(evidenceRows({ latitude: 1, longitude: 2 }, 'en', undefined)).toEqual([
      { label: 'position', value: '1.00000, 2.00000', note: 'accuracyUnknown' },
    ]);
  });
});
