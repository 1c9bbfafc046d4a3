import { AppealContent, AppealKind, AppealOutcome, AppealStatus, RevisionState } from '@vigie/common';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('appeal')
export class Appeal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  kind!: AppealKind;

  @Column({ type: 'text' })
  status!: AppealStatus;

  /** Bumped on every change; an edit carrying an older one is refused (409). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The working copy: what the PIO is writing, or what awaits review. Null when nothing is pending. */
  @Column({ type: 'jsonb', nullable: true })
  draft!: AppealContent | null;

  @Column({ name: 'revision_state', type: 'text', nullable: true })
  revisionState!: RevisionState | null;

  @Column({ name: 'draft_editors', type: 'uuid', array: true, default: () => "'{}'" })
  draftEditors!: string[];

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'current_version_id', type: 'uuid', nullable: true })
  currentVersionId!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: AppealOutcome | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
