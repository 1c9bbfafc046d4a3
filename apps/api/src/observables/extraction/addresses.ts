import { addressAt, ObservableKind, wordTokens } from '@vigie/common';
import type { FoundObservable } from './found-observable';

/**
 * Civic addresses, number and street, in French or English order (addressAt,
 * libs/common/src/observables/address.ts). A number that ends a clock ("14 h 30 rue Ontario",
 * "2:30 rue…") is a time, not a civic number.
 */
export function findAddresses(text: string): FoundObservable[] {
  const tokens = wordTokens(text);
  const found: FoundObservable[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const before = text.slice(Math.max(0, tokens[i].start - 3), tokens[i].start);
    if (/[:$]\s*$/.test(before) || /^h$|^\d{1,2}h$/.test(tokens[i - 1]?.folded ?? '')) continue;
    const match = addressAt(text, tokens, i);
    if (!match) continue;
    found.push({
      kind: ObservableKind.ADDRESS,
      value: match.value,
      start: tokens[match.first].start,
      end: tokens[match.last].end,
    });
    i = match.last;
  }
  return found;
}
