import type { FoundObservable } from './found-observable';
import { findAddresses } from './addresses';
import { findPersonNames } from './person-names';
import { findPhones } from './phones';
import { findPlates } from './plates';
import { findVehicles } from './vehicles';
import { findEmails, findHandles, findUrls } from './web-identifiers';

/**
 * The extractors, most specific first: words one of them has taken are not read again by the next
 * ("jean@exemple.ca" is an e-mail, not a link and a handle; "514 555-0199" a phone, not the start
 * of an address; "1234 rue Ontario" an address, not a plate). A profile link gives its handle on the same words, on purpose.
 */
const EXTRACTORS: readonly ((text: string) => FoundObservable[])[] = [
  findEmails,
  findUrls,
  findPhones,
  findAddresses,
  findPlates,
  findHandles,
  findVehicles,
  findPersonNames,
];

/**
 * Every observable in a text, in the order written, each value once (its first mention). Pure and
 * deterministic: the same text always gives the same list, and each entry says which words it came from.
 */
export function extractObservables(text: string): FoundObservable[] {
  const taken: { start: number; end: number }[] = [];
  const kept: FoundObservable[] = [];
  const seen = new Set<string>();
  for (const extract of EXTRACTORS) {
    const spans: { start: number; end: number }[] = [];
    for (const found of extract(text)) {
      if (taken.some((t) => found.start < t.end && t.start < found.end)) continue;
      spans.push(found);
      const key = `${found.kind}:${found.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(found);
    }
    taken.push(...spans);
  }
  return kept.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}
