import type { ForwardMode } from '../enums/forward.enum';
import type { TipChannel, TipPriority, TipStatus } from '../enums/tip.enum';
import type { StaffRef } from './inbox.interface';

/** An agency a tip can be forwarded to (`GET /api/forwards/agencies`): active, on this platform, not one's own. */
export interface ForwardTarget {
  id: string;
  name: string;
}

/** What was forwarded, as it stood at that moment: the sender's read-only record of it. */
export interface ForwardSnapshot {
  code: string;
  receivedAt: string;
  channel: TipChannel;
  status: TipStatus;
  priority: TipPriority;
  language: 'fr' | 'en';
  description: string;
  place?: string;
  occurredFrom?: string;
  occurredTo?: string;
  appeal?: { slug: string };
  /** Files the other agency received: all of them on a transfer; the processed (cleaned) ones on a copy. */
  mediaSent: number;
  /** Whether the tipster's contact details went with it (a transfer only, and only if they gave some). */
  contactSent: boolean;
}

/** One forward as the sending agency sees it (`GET /api/forwards`, `/api/forwards/:id`, a tip's page). */
export interface ForwardRecord {
  id: string;
  mode: ForwardMode;
  /** The sending agency's tip (after a transfer, no longer readable by it: see `snapshot`). */
  tipId: string;
  to: ForwardTarget;
  note: string;
  forwardedAt: string;
  forwardedBy?: StaffRef;
  /** When the other agency first opened it; from then on it can no longer be revoked. */
  openedAt?: string;
  revokedAt?: string;
  revokedBy?: StaffRef;
  /** Open and not revoked: the sender may still take it back. */
  revocable: boolean;
  snapshot: ForwardSnapshot;
  /** The sending agency's own notes on the tip: they stay with it and are never sent. */
  notes: { id: string; body: string; author: StaffRef; createdAt: string }[];
}

/** What the receiving agency sees of how a tip reached it (the badge, and the note on its page). */
export interface ReceivedForward {
  id: string;
  mode: ForwardMode;
  from: ForwardTarget;
  note: string;
  forwardedAt: string;
}

/** A forward on the sending agency's page of the tip (an information copy, which leaves the tip here). */
export type SentForward = Omit<ForwardRecord, 'snapshot' | 'notes' | 'tipId'>;
