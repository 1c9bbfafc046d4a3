import { AppealKind, TipPriority } from '@vigie/common';

export interface ArrivalFacts {
  appealKind?: AppealKind;
  hasLocation: boolean;
  hasMedia: boolean;
  /** When the tipster says it happened (start of the range), if they said. */
  occurredAt?: Date;
  descriptionLength: number;
  receivedAt: Date;
}

const HOUR = 3_600_000;

/**
 * The priority a tip gets on arrival (staff may override it):
 * - URGENT: a sighting for an active AMBER alert that says where, and happened in the last 6 hours
 *   (or gives no time: a sighting sent during an AMBER alert is assumed to be current);
 * - HIGH: any tip on an AMBER alert or a missing person; or any tip with a place and a photo or
 *   video from the last 24 hours;
 * - LOW: a very short tip with no appeal, no place and no media;
 * - NORMAL otherwise.
 */
export function arrivalPriority(f: ArrivalFacts): TipPriority {
  const age = f.occurredAt ? f.receivedAt.getTime() - f.occurredAt.getTime() : 0;
  if (f.appealKind === AppealKind.AMBER_ALERT && f.hasLocation && age <= 6 * HOUR) return TipPriority.URGENT;
  if (f.appealKind === AppealKind.AMBER_ALERT || f.appealKind === AppealKind.MISSING_PERSON)
    return TipPriority.HIGH;
  if (f.hasLocation && f.hasMedia && age <= 24 * HOUR) return TipPriority.HIGH;
  if (!f.appealKind && !f.hasLocation && !f.hasMedia && f.descriptionLength < 40) return TipPriority.LOW;
  return TipPriority.NORMAL;
}
