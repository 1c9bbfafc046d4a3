import type { EvidenceSubject, ExportedAuditEntry } from './evidence-package';

/** What transcript.json holds: the facts of the exported records, nothing derived or hidden. */
export interface TipTranscript {
  id: string;
  code: string;
  receivedAt: string;
  status: string;
  priority: string;
  language: string;
  description: string;
  occurredFrom: string | null;
  occurredTo: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  tags: string[];
  assignee: string | null;
  appeal: { id: string; slug: string; title: unknown } | null;
  cases: { id: string; number: string; title: string }[];
  legalHold: { since: string; by: string | null; reason: string | null } | null;
  /** Present only when a supervisor asked for it; the export then audits it explicitly. */
  contact?: Record<string, string | undefined>;
  media: MediaTranscript[];
  messages: { id: string; from: string; staff: string | null; body: string; at: string }[];
  notes: { id: string; author: string; body: string; at: string }[];
  rewardClaim: {
    status: string;
    requestedAt: string;
    decidedAt: string | null;
    decisionReason: string | null;
    /** Can identify the tipster: only with the contact details. */
    paymentReference?: string | null;
  } | null;
}

export interface MediaTranscript {
  id: string;
  kind: string;
  mime: string;
  bytes: number;
  /** Computed while the upload streamed to disk, before the tipster got a receipt. */
  sealedSha256: string;
  receivedAt: string;
  /** Capture time, GPS and device read from the original. */
  evidence: unknown;
  file: string;
}

export interface CaseTranscript {
  id: string;
  number: string;
  title: string;
  status: string;
  createdAt: string;
  lead: string | null;
  legalHold: { since: string; by: string | null; reason: string | null } | null;
  appeals: { id: string; slug: string; title: unknown }[];
}

/**
 * A duplicate cluster as the dedupe feature keeps it: merging never changes a tip, so the cluster
 * is only this grouping, and each member is in `tips` verbatim.
 */
export interface ClusterTranscript {
  id: string;
  primaryTipId: string;
  createdAt: string;
  createdBy: string | null;
  members: { tipId: string; code: string; isPrimary: boolean; addedAt: string; addedBy: string | null }[];
}

/** A sealed original to copy into the package, with what intake recorded about it. */
export interface OriginalRef {
  mediaId: string;
  tipId: string;
  path: string;
  bytes: number;
  sha256: string;
  receivedAt: Date;
}

/** Everything one export needs, read before the first byte is sent. */
export interface EvidenceRecord {
  subject: EvidenceSubject;
  agency: { id: string; slug: string; name: string };
  caseRecord: CaseTranscript | null;
  clusterRecord: ClusterTranscript | null;
  tips: TipTranscript[];
  originals: OriginalRef[];
  audit: ExportedAuditEntry[];
}
