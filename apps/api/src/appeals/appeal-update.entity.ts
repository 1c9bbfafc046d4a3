import { AppealUpdateKind, AppealUpdateState, LocalizedText } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A dated update or rumour correction on a published appeal. Immutable once published. */
@Entity('appeal_update')
export class AppealUpdateRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  kind!: AppealUpdateKind;

  @Column({ type: 'jsonb' })
  text!: LocalizedText;

  @Column({ type: 'text' })
  state!: AppealUpdateState;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
