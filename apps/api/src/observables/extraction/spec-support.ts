import type { FoundObservable } from './found-observable';

/** What a test compares: each value with the words it was read from. */
export function readings(text: string, found: FoundObservable[]): [string, string][] {
  return found.map((o) => [o.value, text.slice(o.start, o.end)]);
}
