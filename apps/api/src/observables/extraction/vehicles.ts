import { ObservableKind, vehicleAt, wordTokens } from '@vigie/common';
import type { FoundObservable } from './found-observable';

/** Vehicles: a known make with a model or a colour beside it (vehicleAt, libs/common/src/observables/vehicle.ts). */
export function findVehicles(text: string): FoundObservable[] {
  const tokens = wordTokens(text);
  const found: FoundObservable[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = vehicleAt(text, tokens, i);
    if (!match) continue;
    found.push({
      kind: ObservableKind.VEHICLE,
      value: match.value,
      start: tokens[match.first].start,
      end: tokens[match.last].end,
    });
    i = match.last;
  }
  return found;
}
