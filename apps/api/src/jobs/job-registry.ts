/*
 * Every job's name and the data it carries, in one place (Immich's JobName and typed payloads are
 * the model). The queue takes only these names and types each payload from this map, so a feature
 * enqueues another's job without importing that feature (tips asks dedupe to score a tip; dedupe
 * depends on tips, not the reverse), and a payload of the wrong shape does not compile.
 * No imports: every feature may depend on this file.
 */

/** Makes a tip's sealed file into renditions, a perceptual hash and evidence fields (tips/uploads). */
export const TIP_MEDIA_JOB = 'tip-media.process';
/** Sends an investigator's message to a text-message tipster through the SMS provider (channels/sms). */
export const SMS_SEND_JOB = 'channels.sms-send';
/** Scores one tip against its agency's others (dedupe); safe to run again. */
export const DEDUPE_SCORE_JOB = 'dedupe.score';
/** Removes what failed uploads left behind (tips/uploads), on UPLOAD_SWEEP_SCHEDULE. */
export const UPLOAD_SWEEP_JOB = 'tips.upload-sweep';
/** Purges what the agency's retention policy says is due (records/retention), daily. */
export const RETENTION_JOB = 'records.retention';
/** Anchors the head of every audit chain that moved (audit), on AUDIT_ANCHOR_SCHEDULE. */
export const AUDIT_ANCHOR_JOB = 'audit.anchor';

/**
 * Something became public on an appeal, or stopped being public: reach (alerts to subscribers,
 * posts on the agency's accounts) acts on it. Sent by appeals in the transaction that publishes.
 */
export const APPEAL_PUBLISHED_JOB = 'reach.appeal-published';

/**
 * What appeals tells reach: APPROVED is a version published after review (the first or a new one),
 * UPDATE an update or rumour correction going live, RESOLVED the outcome (found, arrested...), and
 * ARCHIVED an appeal withdrawn from the public (what was posted about it should come down).
 */
export interface AppealPublication {
  appealId: string;
  agencyId: string;
  event: 'APPROVED' | 'UPDATE' | 'RESOLVED' | 'ARCHIVED';
  /** The appeal_version published (APPROVED, RESOLVED). */
  versionNo?: number;
  /** The appeal_update published (UPDATE). */
  updateId?: string;
}

/** Sends one batch of a publication's alerts to the subscribers it matches (reach/alerts); safe to run again. */
export const ALERT_BATCH_JOB = 'reach.alert-batch';
/** Forgets who was sent which alert once ALERT_DELIVERY_RETENTION_DAYS have passed (reach/alerts), hourly. */
export const ALERT_SWEEP_JOB = 'reach.alert-sweep';

/**
 * One slice of a publication's subscribers, by id (`fromId` inclusive, `toId` exclusive, or to the
 * end): fan-out splits a publication into these so that workers send them side by side.
 */
export interface AlertBatch {
  publicationKey: string;
  publication: AppealPublication;
  fromId: string;
  toId: string | null;
}

/**
 * Delivers one activity (a Create, Update or Delete of a note, an Accept of a follow) of an
 * agency's ActivityPub actor to one inbox, signed (reach/social/networks/mastodon); retried while
 * the inbox's server is down.
 */
export const ACTIVITYPUB_DELIVER_JOB = 'reach.activitypub-deliver';

/** Sends the queued posts of one publication on one account, in order (reach/social/posting). */
export const SOCIAL_SEND_JOB = 'reach.social-send';
/** Reads what every connected social account received (reach/social/archive), on SOCIAL_READ_SCHEDULE. */
export const SOCIAL_READ_JOB = 'reach.social-read';
/** Deletes one sent post from its network (reach/social/posting). */
export const SOCIAL_TAKEDOWN_JOB = 'reach.social-takedown';
/** Takes down the posts of appeals no longer on show without a publication saying so (an AMBER alert past its expiry), every minute. */
export const SOCIAL_EXPIRY_JOB = 'reach.social-expiry';

/** A scheduled job's data: pg-boss sends `{}` on each tick, and the job reads nothing from it. */
export type ScheduledRun = Record<string, never>;

export interface JobPayloads {
  [TIP_MEDIA_JOB]: { mediaId: string };
  [DEDUPE_SCORE_JOB]: { tipId: string };
  [SMS_SEND_JOB]: { messageId: string };
  [UPLOAD_SWEEP_JOB]: ScheduledRun;
  [RETENTION_JOB]: ScheduledRun;
  [AUDIT_ANCHOR_JOB]: ScheduledRun;
  [APPEAL_PUBLISHED_JOB]: AppealPublication;
  [SOCIAL_SEND_JOB]: { accountId: string; appealId: string; publication: string };
  [SOCIAL_TAKEDOWN_JOB]: { postId: string };
  [SOCIAL_READ_JOB]: ScheduledRun;
  [SOCIAL_EXPIRY_JOB]: ScheduledRun;
  [ALERT_BATCH_JOB]: AlertBatch;
  [ALERT_SWEEP_JOB]: ScheduledRun;
  [ACTIVITYPUB_DELIVER_JOB]: { actorId: string; inbox: string; activity: Record<string, unknown> };
}

export type JobName = keyof JobPayloads;

/** The jobs that run on a cron schedule: those whose data is empty. */
export type ScheduledJobName = {
  [N in JobName]: JobPayloads[N] extends ScheduledRun ? N : never;
}[JobName];
