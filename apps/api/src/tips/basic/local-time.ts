/** What the zone's clock reads at `ms`, as if that reading were UTC (minute precision). */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/**
 * The instant a wall-clock time (`2026-12-07T21:30`, from a date-and-time field) names in a time zone, for
 * the form drawn without JavaScript, where no script can turn the tipster's local time into an instant.
 * In the hour a clock goes back, the first of the two instants; in the hour it skips, the time just after.
 * Null when the text is no such time.
 */
export function instantOfLocalTime(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const read = new Date(asUtc);
  // Date.UTC rolls 2026-02-30 over to March: such a text names no time.
  if (read.getUTCMonth() !== month - 1 || read.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The zone's offset near that time, then again at the first guess, which settles a change of offset.
  const first = asUtc - (wallClockAsUtc(asUtc, timeZone) - asUtc);
  const second = asUtc - (wallClockAsUtc(first, timeZone) - first);
  const fits = (ms: number) => wallClockAsUtc(ms, timeZone) === asUtc;
  // Neither fits in a skipped hour: the later guess is the time just after the jump.
  let guess = fits(second) ? second : fits(first) ? first : Math.max(first, second);
  if (fits(guess - 60 * 60_000)) guess -= 60 * 60_000;
  return new Date(guess);
}
