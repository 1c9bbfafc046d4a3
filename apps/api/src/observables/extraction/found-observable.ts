import type { ObservableKind } from '@vigie/common';

/**
 * One observable read in a text: its kind, its comparable value, and where it was written
 * (`start`/`end` are UTF-16 offsets into the text, as JavaScript slices it), so an investigator can
 * see the words it came from.
 */
export interface FoundObservable {
  kind: ObservableKind;
  value: string;
  start: number;
  end: number;
}
