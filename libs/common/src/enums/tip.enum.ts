/**
 * Triage states. Allowed moves (enforced by the API, see tips/tip-status.ts):
 * NEW -> IN_REVIEW -> ACTIONABLE | NEEDS_INFO | NOT_ACTIONABLE -> LINKED -> CLOSED.
 */
export enum TipStatus {
  NEW = 'NEW',
  IN_REVIEW = 'IN_REVIEW',
  ACTIONABLE = 'ACTIONABLE',
  NEEDS_INFO = 'NEEDS_INFO',
  NOT_ACTIONABLE = 'NOT_ACTIONABLE',
  LINKED = 'LINKED',
  CLOSED = 'CLOSED',
}

/** How a tip reached the agency: its own web form, a call-taker on the phone line, or a text message. */
export enum TipChannel {
  WEB = 'WEB',
  PHONE = 'PHONE',
  SMS = 'SMS',
  /** A reply, mention or message on one of the agency's social accounts, made a tip by an investigator. */
  SOCIAL = 'SOCIAL',
}

export enum TipPriority {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}

/** What a tipster is told of their tip: never the internal triage detail. */
export enum CoarseTipStatus {
  RECEIVED = 'RECEIVED',
  BEING_REVIEWED = 'BEING_REVIEWED',
  CLOSED = 'CLOSED',
}

export enum MessageAuthor {
  TIPSTER = 'TIPSTER',
  INVESTIGATOR = 'INVESTIGATOR',
}

export enum MediaProcessingState {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}
