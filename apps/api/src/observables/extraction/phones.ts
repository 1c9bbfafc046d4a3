import { ObservableKind } from '@vigie/common';
import { findNumbers } from 'libphonenumber-js';
import type { FoundObservable } from './found-observable';

/**
 * Phone numbers, found and checked by libphonenumber (valid numbers only, so a time, a price, a
 * date or a postal code never is one), in E.164 as contact keys normalise them. Numbers without a
 * country code are read as North American (+1).
 */
export function findPhones(text: string): FoundObservable[] {
  return findNumbers(text, { defaultCountry: 'CA', v2: true })
    .filter((found) => found.number.isValid())
    .map((found) => ({
      kind: ObservableKind.PHONE,
      value: found.number.number,
      start: found.startsAt,
      end: found.endsAt,
    }));
}
