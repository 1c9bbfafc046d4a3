import { instantOfLocalTime } from './local-time';

describe('instantOfLocalTime', () => {
  it('reads a wall-clock time in the police service’s zone, winter and summer', () => {
    expect(instantOfLocalTime('2026-12-07T21:30', 'America/Toronto')?.toISOString()).toBe(
      '2026-12-08T02:30:00.000Z',
    );
    expect(instantOfLocalTime('2026-07-01T09:05', 'America/Toronto')?.toISOString()).toBe(
      '2026-07-01T13:05:00.000Z',
    );
    expect(instantOfLocalTime('2026-07-01T09:05', 'UTC')?.toISOString()).toBe('2026-07-01T09:05:00.000Z');
    expect(instantOfLocalTime('2026-07-01T09:05', 'America/St_Johns')?.toISOString()).toBe(
      '2026-07-01T11:35:00.000Z',
    );
  });

  it('takes the first of the two instants when the clock goes back, and the next one when it skips', () => {
    // 2026-11-01 01:30 happens twice in Montréal (EDT, then EST).
    expect(instantOfLocalTime('2026-11-01T01:30', 'America/Toronto')?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // 2026-03-08 02:30 never happens there; 03:30 EDT is the same instant as 02:30 EST would be.
    expect(instantOfLocalTime('2026-03-08T02:30', 'America/Toronto')?.toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('refuses what names no time', () => {
    for (const text of ['2026-02-30T10:00', '2026-12-07T24:00', '2026-12-07T10:60', '2026-12-07 10:00', ''])
      expect(instantOfLocalTime(text, 'America/Toronto')).toBeNull();
  });
});
