import type { ObservableKind, ObservableSource } from '../enums/observable.enum';
import type { CaseSummary, StaffRef, TipSummary } from './inbox.interface';

/** One chip on a tip's page: an observable of the tip, where it was read, and how many other tips share it. */
export interface TipObservableView {
  id: string;
  kind: ObservableKind;
  value: string;
  source: ObservableSource;
  /** The words it was read from, as written (null when typed by an investigator). */
  written: string | null;
  /** The tipster's message it was read in, for source MESSAGE. */
  messageId: string | null;
  /** Who typed it, for source MANUAL. */
  addedBy?: StaffRef;
  /** The observable this one corrected, when an investigator corrected a reading. */
  corrects: string | null;
  /** Other tips of the agency that mention the same value, capped at `OBSERVABLE_SHARED_CAP`. */
  sharedWith: number;
}

/** Counts of other tips above this read as "100+". */
export const OBSERVABLE_SHARED_CAP = 100;

/** `GET /api/observables/mentions`: everything in the agency that mentions one value. */
export interface ObservableMentions {
  kind: ObservableKind;
  value: string;
  /** Newest first, at most `limit`; `more` when there were more. */
  tips: TipSummary[];
  cases: CaseSummary[];
  more: boolean;
  limit: number;
}
