import { ObservableKind } from '../enums/observable.enum';
import { normalizeAddress } from './address';
import { normalizePersonName } from './person';
import { normalizePhone } from './phone';
import { normalizePlate } from './plate';
import { normalizeVehicle } from './vehicle';
import { normalizeEmail, normalizeHandle, normalizeUrl } from './web';

export { addressAt, normalizeAddress, streetTypeCode } from './address';
export { normalizePersonName } from './person';
export { normalizePhone } from './phone';
export { isPlateShape, normalizePlate } from './plate';
export { normalizeVehicle, vehicleAt } from './vehicle';
export { handleOfProfileUrl, normalizeEmail, normalizeHandle, normalizeUrl } from './web';
export { foldWord, wordTokens, type WordToken } from './words';

/**
 * An observable's value in its one comparable form, as the API stores it and the inbox searches it
 * (the extractors, an investigator's hand entry and the search box all read values here, as tip
 * codes are read by normalizeTipCode); null when `raw` is not one of that kind.
 */
export function normalizeObservable(kind: ObservableKind, raw: string): string | null {
  switch (kind) {
    case ObservableKind.PLATE:
      return normalizePlate(raw, 'loose');
    case ObservableKind.PHONE:
      return normalizePhone(raw);
    case ObservableKind.EMAIL:
      return normalizeEmail(raw);
    case ObservableKind.URL:
      return normalizeUrl(raw);
    case ObservableKind.HANDLE:
      return normalizeHandle(raw);
    case ObservableKind.ADDRESS:
      return normalizeAddress(raw);
    case ObservableKind.VEHICLE:
      return normalizeVehicle(raw);
    case ObservableKind.PERSON:
      return normalizePersonName(raw);
  }
}

/**
 * What a search box entry could be, as observables: "fxk-482" is the plate FXK482, "514 555 0199"
 * the phone +15145550199, "1234 rue Ontario Est" the address "1234 ontario st e". Handles only with
 * their "@", links only with a dot and a slash or a scheme, so plain words stay a text search.
 */
export function observableSearchValues(q: string): { kind: ObservableKind; value: string }[] {
  const text = q.trim();
  if (!text || text.length > 200) return [];
  const found: { kind: ObservableKind; value: string }[] = [];
  const add = (kind: ObservableKind, value: string | null) => value && found.push({ kind, value });
  add(ObservableKind.PLATE, normalizePlate(text, 'loose'));
  add(ObservableKind.PHONE, normalizePhone(text));
  add(ObservableKind.EMAIL, text.includes('@') ? normalizeEmail(text) : null);
  add(ObservableKind.HANDLE, text.startsWith('@') ? normalizeHandle(text) : null);
  add(ObservableKind.URL, /^https?:\/\/|^www\.|\.[a-z]{2,}\//i.test(text) ? normalizeUrl(text) : null);
  add(ObservableKind.ADDRESS, normalizeAddress(text));
  add(ObservableKind.VEHICLE, normalizeVehicle(text));
  if (/\s/.test(text)) add(ObservableKind.PERSON, normalizePersonName(text));
  return found;
}
