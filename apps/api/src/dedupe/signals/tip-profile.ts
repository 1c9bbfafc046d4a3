/** What the signals know about the tip being scored: its fingerprint row and its files. */
export interface TipProfile {
  tipId: string;
  agencyId: string;
  appealId: string | null;
  receivedAt: Date;
  textNorm: string;
  latitude: number | null;
  longitude: number | null;
  occurredAt: Date;
  /** The place the tipster typed, as dedupe_place_key has it; and when they said it happened, if they did. */
  placeNorm: string | null;
  /** The place as typed, for what distinguishes it from another of the same name (place-parts.ts). */
  place: string | null;
  statedAt: Date | null;
  /**
   * Where the position came from: the tipster, a photo's GPS, or the agency's gazetteer placing
   * the typed place (then `positionRadiusM` says how far the place reaches, `positionPlace` which
   * place it is). Null without a position.
   */
  positionFrom: 'TIPSTER' | 'PHOTO' | 'GAZETTEER' | null;
  positionRadiusM: number;
  positionPlace: string | null;
  phoneKey: string | null;
  emailKey: string | null;
  media: ProfileMedia[];
  /** Which of the tip's fingerprints this is (see stillLatest in tip-fingerprints.ts). */
  recorded: FingerprintVersion;
}

/**
 * One recorded fingerprint of a tip: its revision counts the runs since it was first scored, and
 * the first run's moment tells a fingerprint recorded again after the tip moved agency (forgotten,
 * then counted from 1) from the one before.
 */
export interface FingerprintVersion {
  revision: number;
  firstScoredAt: string;
}

export interface ProfileMedia {
  id: string;
  sha256: string;
  /** The media job's pHash; and, for a screenshot, the pHash of the photo inside it. */
  phash: string | null;
  innerHash: string | null;
}
