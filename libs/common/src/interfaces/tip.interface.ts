import type { CoarseTipStatus, MessageAuthor } from '../enums/tip.enum';
import type { TipUploadAllowance } from '../limits';
import type { LocalizedText } from './appeal.interface';

/** The answer to a submitted tip. The password is shown once and cannot be recovered. */
export interface TipReceipt {
  code: string;
  password: string;
  receivedAt: string;
}

export interface ProofOfWorkChallenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

export interface FollowUpSession {
  token: string;
  expiresAt: string;
}

/**
 * A call-taker's call-back (`POST /api/tips/call-back`): the caller's thread as the caller sees it,
 * and a token (in `Authorization: Bearer`, beside the staff session) for the rest of the call.
 */
export interface CallBackSession extends FollowUpSession {
  thread: FollowUpView;
}

/** What a tipster sees when they come back: no staff names, no other tips, no internal triage. */
export interface FollowUpView {
  code: string;
  receivedAt: string;
  status: CoarseTipStatus;
  appeal?: { slug: string; title: LocalizedText };
  messages: { from: MessageAuthor; body: string; at: string }[];
  files: { kind: string; receivedAt: string }[];
  /** What more the tip may carry: shown before the tipster picks files. */
  uploads: TipUploadAllowance;
  reward: {
    offered: boolean;
    /** True while a claim can still be made: a reward is offered, not expired, not yet claimed. */
    eligible: boolean;
    reason: 'NO_REWARD' | 'EXPIRED' | 'OPEN';
    expiresAt?: string;
    /** The reward in force when the tip was sent, as kept with it. */
    amount?: number;
    currency?: string;
    terms?: LocalizedText;
    claim?: { status: 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'PAID'; createdAt: string };
  };
}
