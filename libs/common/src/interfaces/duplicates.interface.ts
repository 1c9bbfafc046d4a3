import type { ObservableKind } from '../enums/observable.enum';
/*
 * What the duplicate routes answer: GET /api/tips/:id/duplicates, the cluster views, and the results
 * of merging, unmerging and rejecting a pair.
 */

/** What one signal found between two tips of the same agency, without the other tip's id. */
export type DuplicateSignalFacts =
  | {
      signal: 'EXACT_MEDIA';
      /** tip id → media id, for both tips: the same pair of files seen from either side. */
      media: Record<string, string>;
    }
  | {
      signal: 'NEAR_MEDIA';
      media: Record<string, string>;
      bits: number;
      /** One of the two is a screenshot, compared by the photo inside it. */
      screenshot: boolean;
    }
  | {
      signal: 'TEXT';
      similarity: number;
      /** Both said where or when, and it was not the same moment (see the dedupe candidate search). */
      elsewhere: boolean;
      /** What told the places apart, when that is how: "municipality laval / longueuil". */
      placeDiffered?: string[];
    }
  | {
      signal: 'PLACE_TIME';
      /** Between the two positions… */
      metres: number;
      minutes: number;
      /** Both about the same appeal, or both about none. */
      sameAppeal: boolean;
      /**
       * When one position (or both) is where the agency's gazetteer places a typed place: how far
       * those places reach together (metres within it count as the same spot), and which places.
       */
      reachM?: number;
      placedBy?: string[];
    }
  | {
      signal: 'PLACE_TIME';
      /** …or, without positions, between the places the tipsters named, in the form or the text. */
      placeSimilarity: number;
      minutes: number;
      sameAppeal: boolean;
      /**
       * What distinguishes places and agreed in both ("municipality laval", "street st martin",
       * "number 1200"); a pair where one of these differs is not a named-place match at all.
       */
      placeMatched?: string[];
      /**
       * One street's name, but two kinds of street ("street rue st jean / boulevard st jean"), and
       * no street agreeing: counted as barely alike (the name is what two streets share).
       */
      placeWeakened?: string[];
    }
  | {
      signal: 'OBSERVABLE';
      /**
       * What both tips' words mention (plates, phones, addresses, handles, full names: observables),
       * rarest first, each with how many tips of the agency mention it (capped at 100). Never contact
       * fields.
       */
      shared: { kind: ObservableKind; value: string; mentions: number }[];
      sameAppeal: boolean;
      days: number;
      /** Both said where or when, and it was not the same moment: one thing seen twice, two leads. */
      elsewhere?: boolean;
    }
  | {
      signal: 'CONTACT';
      phone: boolean;
      email: boolean;
      /** Both about the same appeal, or both about none. */
      sameAppeal: boolean;
      days: number;
    };

/** A kept reason: the facts of the hit, its weight, and a sentence ("text 0.82 similar"). */
export type DuplicateReason = DuplicateSignalFacts & { strength: number; text: string };

/** One file, with the renditions the desk can show (GET /api/tips/:id/media/:mediaId/:file). */
export interface DuplicateMediaView {
  id: string;
  kind: string;
  state: string;
  renditions: { name: string; file: string; width?: number; height?: number; key: string }[];
}

/** Enough of the other tip to show it side by side with this one. */
export interface CandidateView {
  id: string;
  code: string;
  receivedAt: string;
  language: string;
  status: string;
  priority: string;
  appealId: string | null;
  place: string | null;
  /** The first 280 characters of the description. */
  excerpt: string;
  /** Set when the candidate is already merged with other tips (merging it then merges clusters). */
  clusterId: string | null;
  /** As seen now: a decision sends it back, and a tip changed since refuses the decision (409). */
  version: number;
  media: DuplicateMediaView[];
}

export interface SuggestionView {
  tip: CandidateView;
  score: number;
  /** Strongest first, each with a sentence ("text 0.82 similar") and its facts for the desk to translate. */
  reasons: DuplicateReason[];
  updatedAt: string;
}

/** A tip merged with the one shown: enough to name it, open it and unmerge it. */
export interface ClusterPeerView {
  id: string;
  code: string;
  receivedAt: string;
  /** The first 280 characters of the description. */
  excerpt: string;
  version: number;
  isPrimary: boolean;
}

export interface DuplicatesView {
  tipId: string;
  clusterId: string | null;
  /**
   * The confirmed duplicates this tip is merged with, when it is: the primary (what the tip was
   * merged into, or the tip itself) and the others, the primary first, then by arrival; at most
   * 50 of them listed, `size` counting them all.
   */
  cluster: { id: string; primaryTipId: string; size: number; members: ClusterPeerView[] } | null;
  /** Best first; pairs rejected as "not a duplicate" and tips already merged with this one are left out. */
  suggestions: SuggestionView[];
}

export interface ClusterMemberView {
  id: string;
  code: string;
  isPrimary: boolean;
  receivedAt: string;
  language: string;
  status: string;
  priority: string;
  appealId: string | null;
  /** Verbatim: merging never changes a tip. */
  description: string;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  occurredFrom: string | null;
  occurredTo: string | null;
  addedAt: string;
  addedBy: string;
  media: DuplicateMediaView[];
  messages: { author: string; staffId: string | null; body: string; createdAt: string }[];
  /** The tip's audit trail: every staff action on it, oldest first. */
  history: { action: string; actorId: string | null; at: string; data: Record<string, unknown> }[];
}

export interface ClusterView {
  id: string;
  primaryTipId: string;
  createdAt: string;
  createdBy: string;
  /** The primary first, then by arrival. */
  members: ClusterMemberView[];
}

/** What a merge did. */
export interface MergeResult {
  clusterId: string;
  primaryTipId: string;
  memberIds: string[];
  /** Tips that joined the cluster in this request (none when everything was already merged). */
  added: string[];
  /** Clusters emptied into this one by an explicit cluster merge; they are closed, not deleted. */
  mergedClusters: string[];
}

export interface UnmergeResult {
  tipId: string;
  /** The cluster the tip left; null in `remaining` when the cluster closed (one member left). */
  clusterId: string;
  remaining: { primaryTipId: string; memberIds: string[] } | null;
}

export interface RejectionResult {
  tipId: string;
  otherId: string;
  rejectedAt: string;
  /** True when this pair had already been rejected: nothing new was recorded. */
  alreadyRecorded: boolean;
}

/** What `POST /api/tips/duplicates/decisions` did, tip by tip. */
export interface DuplicateDecisionResult {
  decision: 'MERGE' | 'NOT_DUPLICATE';
  /** MERGE: the cluster the tips are now in, and its primary. */
  clusterId?: string;
  primaryTipId?: string;
  results: {
    id: string;
    /**
     * MERGED: joined the cluster now; ALREADY_MERGED: was in it already; SEPARATED: its open
     * suggestions were rejected (`pairs` of them); ALREADY_SEPARATE: it had none.
     */
    outcome: 'MERGED' | 'ALREADY_MERGED' | 'SEPARATED' | 'ALREADY_SEPARATE';
    pairs?: number;
  }[];
}
