import type { DuplicateReason, DuplicateSignalFacts } from '@vigie/common';

/**
 * What one signal found between the tip being scored and another tip of the same agency: the facts
 * the desk is shown (libs/common's DuplicateSignalFacts), and the other tip.
 */
export type SignalHit = DuplicateSignalFacts & { otherTipId: string };

export type SignalKind = SignalHit['signal'];

export const SIGNALS: readonly SignalKind[] = [
  'EXACT_MEDIA',
  'NEAR_MEDIA',
  'TEXT',
  'PLACE_TIME',
  'OBSERVABLE',
  'CONTACT',
];

/** A kept reason: the facts of the hit (without the other tip, which the pair names), its weight, and a sentence. */
export type Reason = DuplicateReason;
