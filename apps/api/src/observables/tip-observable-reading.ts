import { ObservableSource } from '@vigie/common';
import { extractObservables } from './extraction/extract-observables';
import type { FoundObservable } from './extraction/found-observable';

/** One observable to record for a tip: what was found, and in which of the tip's texts. */
export interface ObservableReading extends FoundObservable {
  source: ObservableSource;
  messageId: string | null;
}

/**
 * Reads a tip's own words: its description, the place the tipster typed, and each message the
 * tipster sent. Never its contact fields (kept encrypted, and private to those who may see them),
 * nor investigators' messages (a question naming a plate is not the tipster saying it).
 */
export function readTip(tip: {
  description: string;
  place: string | null;
  tipsterMessages: { id: string; body: string }[];
}): ObservableReading[] {
  const from = (text: string, source: ObservableSource, messageId: string | null = null) =>
    extractObservables(text).map((found) => ({ ...found, source, messageId }));
  const readings = [
    ...from(tip.description, ObservableSource.DESCRIPTION),
    ...(tip.place ? from(tip.place, ObservableSource.PLACE) : []),
    ...tip.tipsterMessages.flatMap((m) => from(m.body, ObservableSource.MESSAGE, m.id)),
  ];
  // One row per kind, value and source: the first message that mentions a value is the one kept.
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = `${r.kind}\u0000${r.value}\u0000${r.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
