import type { MediaKind } from '../limits';
import type { ObservableKind } from '../enums/observable.enum';
import type { MediaEvidence } from './media-evidence.interface';
import type {
  MediaProcessingState,
  MessageAuthor,
  TipChannel,
  TipPriority,
  TipStatus,
} from '../enums/tip.enum';
import type { ForwardMode } from '../enums/forward.enum';
import type { ReceivedForward, SentForward } from './forward.interface';
import type { DuplicateReason } from './duplicates.interface';

export interface StaffRef {
  id: string;
  displayName: string;
}

/** One row of the inbox. */
export interface TipSummary {
  id: string;
  code: string;
  status: TipStatus;
  priority: TipPriority;
  /** How the tip arrived (web form, phone line, text message). */
  channel: TipChannel;
  receivedAt: string;
  excerpt: string;
  /** The appeal it answers, with its title in each language it has (the desk shows the title, not the slug). */
  appeal?: { id: string; slug: string; kind: string; title: Partial<Record<'fr' | 'en', string>> };
  assignee?: StaffRef;
  tags: string[];
  mediaCount: number;
  hasLocation: boolean;
  duplicateCount: number;
  version: number;
  /** Sent by another agency on this platform (the inbox's badge): by whom, and how. */
  forwardedFrom?: { mode: ForwardMode; agencyName: string };
  /** The tipster's last reply or added file after the tip itself (follow-up or a later text). */
  tipsterActivityAt?: string;
  /**
   * The tipster replied or added files since the assignee last opened the tip (or, unassigned,
   * since nobody has): the inbox marks the row.
   */
  newFromTipster: boolean;
  /** The likely-duplicate group the tip belongs to (`InboxPage.groups`), when it has one. */
  groupId?: string;
}

/** A tip in a likely-duplicate group: its line, and where it stands in the group. */
export interface DuplicateGroupMember extends TipSummary {
  /** Confirmed: merged into a cluster (it stays listed, marked, and can be unmerged). */
  clusterId: string | null;
  isPrimary: boolean;
  /** Its strongest reason to be in the group (its best open suggestion with another member), if any. */
  reason: DuplicateReason | null;
}

/**
 * Likely duplicates shown as one row of the inbox: the tips that open suggestions (and confirmed
 * merges) connect, whatever the filters, with the strongest reason among them ("14 tips · same photo").
 */
export interface DuplicateGroup {
  /** Stable while the group is: the smallest tip id in it. */
  id: string;
  /** The tip the others merge into: the primary of its cluster, else the earliest received. */
  primaryTipId: string;
  /** How many tips are in it (counting stops at `INBOX_LIMITS.groupMax`; `complete` false then). */
  count: number;
  complete: boolean;
  strongest: DuplicateReason | null;
  /** The primary first, then by arrival (at most `INBOX_LIMITS.groupMax`). */
  members: DuplicateGroupMember[];
}

/** An investigator's saved inbox view: a name and the filters as the inbox's query string keeps them. Seen by its owner only. */
export interface SavedView {
  id: string;
  name: string;
  /** `GET /api/tips` parameters (status, priority, assignee, hasMedia, q…), strings as in a URL. */
  filters: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface InboxPage {
  items: TipSummary[];
  /** The likely-duplicate groups the page's tips belong to (a tip names its group with `groupId`). */
  groups: DuplicateGroup[];
  nextCursor: string | null;
  /**
   * Per status (within the assignee filter), each capped at `countCap` ("1,000+"). Null when
   * narrower filters are set: counting those would cost more than the page itself.
   */
  counts: Record<TipStatus, number> | null;
  countCap: number;
}

export interface TipMediaView {
  id: string;
  kind: MediaKind;
  mime: string;
  bytes: number;
  sha256: string;
  state: MediaProcessingState;
  /** Staff URLs of the cleaned copies (previews, poster, metadata-free video). */
  renditions: {
    name: string;
    format: string;
    width?: number;
    height?: number;
    /** The copy of a video or recording the desk's player is given (served with byte ranges). */
    playable?: boolean;
    /** Seconds, when the playable copy stops before the end of a very long original. */
    durationS?: number;
    url: string;
  }[];
  /** Capture time, GPS, device, read from the original. Staff only. */
  evidence: MediaEvidence | null;
  receivedAt: string;
}

export interface TipDetail extends TipSummary {
  description: string;
  occurredFrom?: string;
  occurredTo?: string;
  place?: string;
  latitude?: number;
  longitude?: number;
  accuracyM?: number;
  language: 'fr' | 'en';
  hasContact: boolean;
  media: TipMediaView[];
  notes: { id: string; body: string; author: StaffRef; createdAt: string }[];
  messages: { id: string; from: MessageAuthor; body: string; author?: StaffRef; createdAt: string }[];
  history: TipHistoryEntry[];
  cases: { id: string; number: string; title: string }[];
  rewardClaim?: RewardClaimView;
  /** An information copy another agency sent: no tipster to write to, no sealed original, no contact. */
  informationCopy: boolean;
  /** How it reached this agency, when another agency forwarded it: who sent it, how, and their note. */
  receivedForward?: ReceivedForward;
  /** What this agency forwarded of it (copies; a transfer leaves the tip, and is read at /api/forwards/:id). */
  sentForwards: SentForward[];
}

export interface CaseView {
  id: string;
  number: string;
  title: string;
  status: 'OPEN' | 'CLOSED';
  lead?: StaffRef;
  version: number;
  createdAt: string;
  tips: (TipSummary & { linkedAt: string; latitude?: number; longitude?: number; occurredFrom?: string })[];
  appeals: { id: string; slug: string; kind: string; title: Record<string, string | undefined> }[];
  /** The plates, phones, addresses… its tips mention (observables), with how many of its tips mention each; most first, at most 100. */
  observables: { kind: ObservableKind; value: string; tips: number }[];
}

/** A case in the list (`GET /api/cases`): the case without its tips and appeals. */
export type CaseSummary = Omit<CaseView, 'tips' | 'appeals' | 'observables'>;

export interface RewardClaimView {
  id: string;
  tipId: string;
  tipCode: string;
  appealId: string;
  status: 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'PAID';
  terms: Record<string, unknown>;
  decisionReason?: string;
  paymentReference?: string;
  createdAt: string;
  decidedAt?: string;
}

/** An appeal's dashboard: counts only, never tip contents (a PIO may see it). */
export interface AppealTipStats {
  appealId: string;
  publishedAt?: string;
  perHour: { hour: string; count: number }[];
  byStatus: Record<TipStatus, number>;
  total: number;
}

/** One line of a tip's history (from the audit log), with what changed spelled out for the desk. */
export interface TipHistoryEntry {
  action: string;
  actor?: StaffRef;
  at: string;
  data: Record<string, unknown>;
  changes: TipHistoryChange[];
}

/** A change the desk writes out in its own language ("Status: New → In review", "Assigned to Ana Roy"). */
export type TipHistoryChange =
  | { kind: 'status'; from: TipStatus; to: TipStatus }
  | { kind: 'priority'; from: TipPriority; to: TipPriority }
  /** `to` absent: released; a staff member no longer in the agency shows as absent too. */
  | { kind: 'assignee'; from?: StaffRef; to?: StaffRef }
  | { kind: 'tagAdded'; tag: string }
  | { kind: 'tagRemoved'; tag: string }
  | { kind: 'case'; caseNumber: string }
  /** Merged with confirmed duplicates: into the primary tip `into` (its code), or as the primary itself. */
  | { kind: 'merged'; into?: string }
  /** Left its merged group (`from`: the group's primary then, when the line says; `closed`: last one left). */
  | { kind: 'unmerged'; from?: string; closed: boolean }
  /** Marked as not a duplicate of the tip `of` (its code). */
  | { kind: 'notDuplicate'; of: string };

/** Why one tip of a bulk change was left as it was. */
export interface BulkRefusal {
  id: string;
  code: 'NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'HELD';
  message: string;
  /** The tip's status, when that is why (ILLEGAL_TRANSITION), with the moves it allows. */
  status?: TipStatus;
  allowed?: TipStatus[];
  /** Who holds it (HELD): take it anyway with `force`. */
  heldBy?: StaffRef;
}

/** `POST /api/tips/bulk`: each tip is changed (and audited) on its own; the others are listed with why. */
export interface BulkUpdateResult {
  updated: string[];
  refused: BulkRefusal[];
}
