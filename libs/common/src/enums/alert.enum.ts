import { AppealKind } from './appeal.enum';

/** How an alert reaches a subscriber: the browser's push service (Web Push), or e-mail. */
export enum AlertChannel {
  PUSH = 'PUSH',
  EMAIL = 'EMAIL',
}

/** The kinds of appeal a person may ask to be alerted about. */
export const ALERT_KINDS: readonly AppealKind[] = [
  AppealKind.AMBER_ALERT,
  AppealKind.MISSING_PERSON,
  AppealKind.WANTED,
  AppealKind.WITNESS_APPEAL,
  AppealKind.UNIDENTIFIED_PERSON,
];

/** The agency's whole region, or a circle around a point the subscriber chose. */
export enum AlertAreaType {
  REGION = 'REGION',
  RADIUS = 'RADIUS',
}
