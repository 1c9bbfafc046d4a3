import type { DedupeSettings } from '../dedupe-settings';
import type { Reason, SignalHit } from './signal-hit';

/*
 * Each signal gives a strength in [0, 1], roughly "how likely is this pair a duplicate if this
 * were all we knew", and the strengths combine as a noisy-OR: 1 − Π(1 − s). Independent weak
 * evidence adds up (similar text and the same street corner at the same time), while one strong
 * signal is enough on its own (the same file). A pair is suggested at SUGGEST_AT and above.
 * The numbers were set from what each signal means and checked on the labelled corpus of
 * `npm run bench -- dedupe` (README.md has the figures); nothing in them names that corpus.
 */
export const SUGGEST_AT = 0.5;

/** Texts shorter than this (after normalising) say too little to compare: "Photo.", "Is this him?". */
export const TEXT_MIN_CHARS = 40;
/** pg_trgm similarity above which text counts at all, as weak evidence beside other signals. */
export const TEXT_MIN_SIMILARITY = 0.3;
/**
 * Similarity at which text alone is as strong as the suggestion threshold: a message typed again.
 * Paraphrases of one sighting sit around 0.4–0.7, and so do different sightings told with the
 * appeal's own words ("a teenage girl in a red coat…"), so text alone must be near-verbatim;
 * below that it only adds to a place, a photo or a contact.
 */
const TEXT_ALONE = 0.75;
/**
 * Place names at least this alike count: two typed names ("berri uqam" / "berri uqam"), or a typed
 * name and a description naming it (the share of the name's trigrams found in the text).
 */
export const PLACE_NAME_MIN_SIMILARITY = 0.5;

/** A tipster writing again about the same appeal within this many days is likely repeating. */
const CONTACT_DAYS = 30;

const clamp = (x: number) => Math.min(1, Math.max(0, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One plate, phone, handle, full name or address both tips' words mention. Two people giving the
 * same plate, number, account or name about one appeal are giving one identification, whatever
 * language each wrote in: 0.6 alone, a suggestion. An address is also where things happen: 0.5,
 * just a suggestion alone. But the same car or person seen at two moments is two leads, not one:
 * when both tips tell of different moments (both said when, hours apart; both placed it, kilometres
 * apart or in places that differ: candidate-search's toldElsewhere), a third, as about another
 * appeal or weeks apart. The more tips mention a value the less it says about these two (an
 * alert's own plate, a missing girl's name): divided by its mentions beyond 5.
 */
const OBSERVABLE_STRENGTH: Record<string, number> = {
  PLATE: 0.6,
  PHONE: 0.6,
  HANDLE: 0.6,
  PERSON: 0.6,
  ADDRESS: 0.5,
};
const OBSERVABLE_COMMON_AFTER = 5;

function observableStrength(
  one: { kind: string; mentions: number },
  hit: { sameAppeal: boolean; days: number; elsewhere?: boolean },
): number {
  const rarity = one.mentions <= OBSERVABLE_COMMON_AFTER ? 1 : OBSERVABLE_COMMON_AFTER / one.mentions;
  const related = hit.sameAppeal && hit.days <= CONTACT_DAYS && !hit.elsewhere ? 1 : 1 / 3;
  return (OBSERVABLE_STRENGTH[one.kind] ?? 0) * rarity * related;
}

export function strengthOf(hit: SignalHit, settings: DedupeSettings): number {
  switch (hit.signal) {
    case 'EXACT_MEDIA':
      return 0.99;
    case 'NEAR_MEDIA':
      // 0.97 for a re-encoded copy, 0.82 at 10 bits (a crop); different photos are 20+ apart.
      return clamp(0.97 - 0.015 * hit.bits);
    case 'TEXT':
      // Linear from nothing at TEXT_MIN_SIMILARITY to SUGGEST_AT at TEXT_ALONE, and on up. The same
      // words about another place or time are a form of words: a quarter of that, a hint only.
      return clamp(
        ((hit.elsewhere ? 0.25 : 1) * SUGGEST_AT * (hit.similarity - TEXT_MIN_SIMILARITY)) /
          (TEXT_ALONE - TEXT_MIN_SIMILARITY),
      );
    case 'PLACE_TIME': {
      // Two people placing what they saw within the radius and the window, about the same appeal,
      // are most likely describing one sighting: 0.85 at the same spot and minute, still 0.7
      // two-thirds of the way out, 0.3 at the very edge (squares: being inside is what counts,
      // not the last metre). A place named alike is vaguer than a position ("rue Saint-Denis"
      // is long): 0.7 at most. About different appeals it is a coincidence of place: a hint.
      // A typed place the gazetteer placed is a place, not a point: metres within its reach count
      // as none, and it is vaguer than a phone's position (0.75 at most), less so than a name alone.
      const soon = 1 - 0.4 * (hit.minutes / settings.DEDUPE_PLACE_MINUTES) ** 2;
      const near =
        'metres' in hit
          ? hit.reachM
            ? 0.75 * (1 - 0.4 * (Math.max(0, hit.metres - hit.reachM) / settings.DEDUPE_PLACE_RADIUS_M) ** 2)
            : 0.85 * (1 - 0.4 * (hit.metres / settings.DEDUPE_PLACE_RADIUS_M) ** 2)
          : 0.7 * (1 - (1 - hit.placeSimilarity) / (2 * (1 - PLACE_NAME_MIN_SIMILARITY)));
      return clamp((hit.sameAppeal ? 1 : 0.35) * near * soon);
    }
    case 'OBSERVABLE':
      // Several shared (a plate and a phone) add up, as independent signals do.
      return clamp(1 - hit.shared.reduce((p, one) => p * (1 - observableStrength(one, hit)), 1));
    case 'CONTACT':
      // The same person about the same appeal, soon after: a repeat or an addition. About another
      // appeal, or months later, it is a different matter from the same person: a hint only.
      return hit.sameAppeal && hit.days <= CONTACT_DAYS ? 0.9 : 0.3;
  }
}

export function reasonText(hit: SignalHit): string {
  switch (hit.signal) {
    case 'EXACT_MEDIA':
      return 'same file, byte for byte';
    case 'NEAR_MEDIA':
      if (hit.screenshot)
        return `same photo, in a screenshot: ${hit.bits} ${hit.bits === 1 ? 'bit' : 'bits'} apart`;
      return hit.bits <= 4
        ? `same photo, re-encoded: ${hit.bits} ${hit.bits === 1 ? 'bit' : 'bits'} apart`
        : `same photo, cropped or edited: ${hit.bits} bits apart`;
    case 'TEXT':
      if (hit.placeDiffered?.length)
        return `text ${hit.similarity.toFixed(2)} similar, about another place (${hit.placeDiffered.join('; ')})`;
      return `text ${hit.similarity.toFixed(2)} similar${hit.elsewhere ? ', about another place or time' : ''}`;
    case 'PLACE_TIME':
      return 'metres' in hit
        ? `${Math.round(hit.metres)} m and ${Math.round(hit.minutes)} min apart${hit.placedBy?.length ? ` (placed by the gazetteer: ${hit.placedBy.join(', ')})` : ''}`
        : `place named alike (${hit.placeSimilarity.toFixed(2)}${hit.placeMatched?.length ? `; same ${hit.placeMatched.join(', ')}` : ''}${hit.placeWeakened?.length ? `; not the same kind of street: ${hit.placeWeakened.map((w) => w.replace(/^street /, '')).join(', ')}` : ''}), ${Math.round(hit.minutes)} min apart`;
    case 'OBSERVABLE':
      return `both mention ${hit.shared
        .slice(0, 3)
        .map((one) => `${one.kind.toLowerCase()} ${one.value}`)
        .join(
          ' and ',
        )}${hit.sameAppeal ? '' : ', about another appeal'}${hit.elsewhere ? ', about another moment' : ''}`;
    case 'CONTACT': {
      const what =
        hit.phone && hit.email
          ? 'same phone number and e-mail'
          : hit.phone
            ? 'same phone number'
            : 'same e-mail';
      if (!hit.sameAppeal) return `${what}, about another appeal`;
      return hit.days > CONTACT_DAYS ? `${what}, ${Math.round(hit.days)} days apart` : what;
    }
  }
}

export interface PairScore {
  score: number;
  suggested: boolean;
  /** Strongest first; one per signal. */
  reasons: Reason[];
}

/** Combines everything found about one pair. Several hits of one signal count once, the strongest. */
export function scorePair(hits: SignalHit[], settings: DedupeSettings): PairScore {
  const best = new Map<string, { hit: SignalHit; strength: number }>();
  for (const hit of hits) {
    const strength = strengthOf(hit, settings);
    const current = best.get(hit.signal);
    if (!current || strength > current.strength) best.set(hit.signal, { hit, strength });
  }
  const kept = [...best.values()].filter((b) => b.strength > 0).sort((a, b) => b.strength - a.strength);
  const score = round2(1 - kept.reduce((p, { strength }) => p * (1 - strength), 1));
  const reasons = kept.map(({ hit, strength }) => {
    const { otherTipId: _other, ...facts } = hit;
    return { ...facts, strength: round2(strength), text: reasonText(hit) } as Reason;
  });
  return { score, suggested: score >= SUGGEST_AT, reasons };
}
