import type { Reason } from './signals/signal-hit';

/*
 * Response shapes of the dedupe routes. They belong with the other response interfaces in
 * libs/common once the desk's duplicates panel uses them (the portal cannot import API code).
 */

/** One file, with the renditions the desk can show (GET /api/tips/:id/media/:mediaId/:file). */
export interface MediaView {
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
  media: MediaView[];
}

export interface SuggestionView {
  tip: CandidateView;
  score: number;
  /** Strongest first, each with a sentence ("text 0.82 similar") and its facts for the desk to translate. */
  reasons: Reason[];
  updatedAt: string;
}

export interface DuplicatesView {
  tipId: string;
  clusterId: string | null;
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
  media: MediaView[];
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
