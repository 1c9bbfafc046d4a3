import type { SocialPostState } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One post on one account about one publication of an appeal, in one language. Its state: QUEUED
 * (to be sent, again after a failure that may pass: lastError says why), SENT, FAILED (refused for
 * good or every retry failed; shown to the PIO, who may send it again), TAKEN_DOWN (deleted from the
 * network: withdrawn appeal, found person), TAKEDOWN_FAILED.
 */
@Entity('social_post')
export class SocialPost {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  /** Which publication: APPROVED, UPDATE:<update id>, RESOLVED. */
  @Column({ type: 'text' })
  publication!: string;

  @Column({ type: 'text' })
  language!: 'fr' | 'en';

  /** Sends in this order within a publication (French first, English under it). */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  link!: string;

  @Column({ name: 'image_id', type: 'uuid', nullable: true })
  imageId!: string | null;

  @Column({ name: 'alt_text', type: 'text', nullable: true })
  altText!: string | null;

  @Column({ type: 'text' })
  state!: SocialPostState;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'remote_id', type: 'text', nullable: true })
  remoteId!: string | null;

  @Column({ name: 'remote_cid', type: 'text', nullable: true })
  remoteCid!: string | null;

  @Column({ name: 'root_remote_id', type: 'text', nullable: true })
  rootRemoteId!: string | null;

  @Column({ name: 'root_remote_cid', type: 'text', nullable: true })
  rootRemoteCid!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'taken_down_at', type: 'timestamptz', nullable: true })
  takenDownAt!: Date | null;

  /** When its takedown was asked for (a job queued); the expiry sweep does not ask twice. */
  @Column({ name: 'takedown_requested_at', type: 'timestamptz', nullable: true })
  takedownRequestedAt!: Date | null;

  /**
   * When a send job claimed it (SENDING), or the sweep queued it again for a new job (QUEUED): a
   * lease. An old claim is a job that died; a post queued since before the lease's end has no job.
   */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;
}
