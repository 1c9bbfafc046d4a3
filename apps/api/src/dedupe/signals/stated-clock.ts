/**
 * The time of day a tipster wrote in their description ("vers 14 h 30", "around 2 p.m.",
 * "hier à 21h"). Most tipsters leave the form's optional "when" empty and say it in words, and
 * without it two witnesses of one moment who typed a place cannot be compared by place and time.
 *
 * Only a clock is read, never a date: the tip's arrival, in the agency's time zone, says which day
 * (the latest such moment not after the tip arrived; see `recordFingerprint`). The first clock in
 * the text wins: "vers 14 h, puis encore à 16 h" is about 14 h. Nothing here reads the time: the
 * arrival comes from the injected `Clock` at intake, so a tip scored again days later reads the same
 * moment, and a test sets the arrival instead of depending on the hour it runs at.
 */
export interface StatedClock {
  /** Hours it may be, 0–23: two when the text is a 12-hour clock without a.m. or p.m. */
  hours: number[];
  minute: number;
  /** 1 when the text says "yesterday" ("hier"): the day before the latest such moment. */
  daysBack: 0 | 1;
}

const unaccented = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/*
 * Each pattern: a boundary on both sides, so "A-40 sortie 73", "autobus 55" or "14 hommes" are not
 * clocks. French writes a 24-hour clock with "h"; English a 12-hour one with a.m./p.m., or "14:30".
 */
const CLOCKS: { re: RegExp; read: (m: RegExpExecArray) => Omit<StatedClock, 'daysBack'> | null }[] = [
  {
    // 14 h, 14h30, 14 h 30, 9h05
    re: /(?<![\d:.])([01]?\d|2[0-3]) ?h ?([0-5]\d)?(?![\p{L}\d])/gu,
    read: (m) => ({ hours: [Number(m[1])], minute: Number(m[2] ?? 0) }),
  },
  {
    // 2 p.m., 2pm, 2:30 a.m., 11 AM
    re: /(?<![\d:.])(1[0-2]|0?[1-9])(?::([0-5]\d))? ?([ap])\.? ?m\b\.?/gu,
    read: (m) => {
      const h = Number(m[1]) % 12;
      return { hours: [m[3] === 'p' ? h + 12 : h], minute: Number(m[2] ?? 0) };
    },
  },
  {
    // 14:30, or 2:30 (either 2:30 or 14:30)
    re: /(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/gu,
    read: (m) => {
      const h = Number(m[1]);
      return { hours: h >= 1 && h <= 12 ? [h % 12, (h % 12) + 12] : [h], minute: Number(m[2]) };
    },
  },
  // "après-midi" (afternoon) and Québec's "avant-midi" (morning) are not noon: "cet après-midi vers 15h30" is 15 h 30.
  { re: /(?<!(?:apres|avant)[- ]?)\b(midi|noon)\b/gu, read: () => ({ hours: [12], minute: 0 }) },
  { re: /\b(minuit|midnight)\b/gu, read: () => ({ hours: [0], minute: 0 }) },
];

const YESTERDAY = /\b(hier|yesterday|last night)\b/u;
/** "il y a 2 h", "depuis 2 h", "pendant 1 h", "for 2 h", "2 h ago": a duration, not a clock. */
const DURATION_BEFORE = /(il y a|depuis|pendant|durant|dans|for|since|in)\s*$/u;
const DURATION_AFTER = /^\s*(ago|plus tot|plus tard|later|earlier|de route|de marche)\b/u;

export function statedClock(description: string): StatedClock | null {
  const text = unaccented(description);
  let first: { index: number; clock: Omit<StatedClock, 'daysBack'> } | null = null;
  for (const { re, read } of CLOCKS) {
    for (const m of text.matchAll(re)) {
      if (first && first.index <= m.index) break;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (DURATION_BEFORE.test(before) || DURATION_AFTER.test(after)) continue;
      const clock = read(m);
      if (clock) first = { index: m.index, clock };
      break;
    }
  }
  if (!first) return null;
  return { ...first.clock, daysBack: YESTERDAY.test(text) ? 1 : 0 };
}
