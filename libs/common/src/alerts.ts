/** Alerts to subscribers (reach/alerts): outside enums/ so that only the alerts page's chunk carries them. */
import { AppealKind } from './enums/appeal.enum';

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

/** Bounds of a subscription, for the API's checks and the page's (no validation library needed here). */
export const ALERT_LIMITS = {
  /** A circle wider than this is a region: ask for the agency's whole region instead. */
  radiusKmMax: 200,
  radiusKmMin: 1,
  /** Real push services' endpoints are a few hundred characters. */
  endpointMax: 1000,
  emailMax: 254,
} as const;
