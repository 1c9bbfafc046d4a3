import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PublicSnapshot } from './public-snapshot';

/**
 * Exactly what the public saw from `publishedAt` until the next version: immutable (a trigger
 * refuses UPDATE and DELETE), kept for open-records requests.
 */
@Entity('appeal_version')
export class AppealVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'version_no', type: 'int' })
  versionNo!: number;

  @Column({ type: 'text' })
  reason!: 'APPROVED' | 'RESOLVED';

  @Column({ type: 'jsonb' })
  public!: PublicSnapshot;

  @Column({ type: 'uuid', array: true })
  editors!: string[];

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
