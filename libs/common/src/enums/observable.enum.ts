/** The identifiers investigators follow across tips (issue 18): what an observable is. */
export enum ObservableKind {
  PLATE = 'PLATE',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  URL = 'URL',
  HANDLE = 'HANDLE',
  ADDRESS = 'ADDRESS',
  VEHICLE = 'VEHICLE',
  PERSON = 'PERSON',
}

/**
 * Where an observable was read: the tip's description, its typed place, one of the tipster's
 * messages, or typed by an investigator. Never the contact fields: those stay private.
 */
export enum ObservableSource {
  DESCRIPTION = 'DESCRIPTION',
  PLACE = 'PLACE',
  MESSAGE = 'MESSAGE',
  MANUAL = 'MANUAL',
}

/**
 * Kinds that, shared by two tips, point to the same thing (the duplicate signal): a plate, a phone,
 * an address, a handle, and a person's full name (the signal leaves out names of one word).
 */
export const STRONG_OBSERVABLE_KINDS: readonly ObservableKind[] = [
  ObservableKind.PLATE,
  ObservableKind.PHONE,
  ObservableKind.ADDRESS,
  ObservableKind.HANDLE,
  ObservableKind.PERSON,
];
