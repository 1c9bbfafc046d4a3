import type { SocialMessageKind, SocialMessageMedia } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One post sent, or one reply, comment, mention or message received, on an agency's account. */
@Entity('social_message')
export class SocialMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  direction!: 'SENT' | 'RECEIVED';

  @Column({ type: 'text' })
  kind!: SocialMessageKind;

  @Column({ name: 'remote_id', type: 'text' })
  remoteId!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'author_handle', type: 'text' })
  authorHandle!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'in_reply_to_remote_id', type: 'text', nullable: true })
  inReplyToRemoteId!: string | null;

  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId!: string | null;

  /** Each file as fetched: sealed after inspection, or refused with the reason (never trusted). */
  @Column({ type: 'jsonb' })
  media!: SocialMessageMedia[];

  @Column({ name: 'tip_id', type: 'uuid', nullable: true })
  tipId!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz' })
  archivedAt!: Date;
}
