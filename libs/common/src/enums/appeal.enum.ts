export enum AppealKind {
  WANTED = 'WANTED',
  MISSING_PERSON = 'MISSING_PERSON',
  AMBER_ALERT = 'AMBER_ALERT',
  UNIDENTIFIED_PERSON = 'UNIDENTIFIED_PERSON',
  WITNESS_APPEAL = 'WITNESS_APPEAL',
}

/**
 * DRAFT -> IN_REVIEW -> PUBLISHED -> RESOLVED -> ARCHIVED; a rejection sends IN_REVIEW back to
 * DRAFT with a reason. Once published, edits live in a separate pending revision (see
 * RevisionState) while the published version stays live.
 */
export enum AppealStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  RESOLVED = 'RESOLVED',
  ARCHIVED = 'ARCHIVED',
}

/** The state of the working copy: being edited, or waiting for a supervisor. */
export enum RevisionState {
  EDITING = 'EDITING',
  IN_REVIEW = 'IN_REVIEW',
}

export enum AppealOutcome {
  ARRESTED = 'ARRESTED',
  FOUND_SAFE = 'FOUND_SAFE',
  FOUND_DECEASED = 'FOUND_DECEASED',
  IDENTIFIED = 'IDENTIFIED',
  CANCELLED = 'CANCELLED',
}

export enum AppealUpdateKind {
  UPDATE = 'UPDATE',
  RUMOUR_CORRECTION = 'RUMOUR_CORRECTION',
}

export enum AppealUpdateState {
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
}

/** The part a person plays in an appeal. Vocabulary close to NamUs and the FBI Wanted API. */
export enum SubjectRole {
  SUSPECT = 'SUSPECT',
  MISSING = 'MISSING',
  CHILD = 'CHILD',
  UNIDENTIFIED = 'UNIDENTIFIED',
  VICTIM = 'VICTIM',
  PERSON_OF_INTEREST = 'PERSON_OF_INTEREST',
}

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}

/** Which subject role each kind must name, and whether it needs an expiry. */
export const APPEAL_KIND_RULES: Record<
  AppealKind,
  { requiredRole?: SubjectRole; requiresExpiry: boolean; hidesPersonOnResolve: boolean; cap: boolean }
> = {
  [AppealKind.WANTED]: {
    requiredRole: SubjectRole.SUSPECT,
    requiresExpiry: false,
    hidesPersonOnResolve: false,
    cap: false,
  },
  [AppealKind.MISSING_PERSON]: {
    requiredRole: SubjectRole.MISSING,
    requiresExpiry: false,
    hidesPersonOnResolve: true,
    cap: true,
  },
  [AppealKind.AMBER_ALERT]: {
    requiredRole: SubjectRole.CHILD,
    requiresExpiry: true,
    hidesPersonOnResolve: true,
    cap: true,
  },
  [AppealKind.UNIDENTIFIED_PERSON]: {
    requiredRole: SubjectRole.UNIDENTIFIED,
    requiresExpiry: false,
    hidesPersonOnResolve: false,
    cap: false,
  },
  [AppealKind.WITNESS_APPEAL]: { requiresExpiry: false, hidesPersonOnResolve: false, cap: false },
};
