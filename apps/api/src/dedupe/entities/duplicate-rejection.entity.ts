import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "Not a duplicate", decided by a person: the pair (ordered, tipA < tipB) is never suggested again. */
@Entity('duplicate_rejection')
export class DuplicateRejection {
  @PrimaryColumn({ name: 'tip_a', type: 'uuid' })
  tipA!: string;

  @PrimaryColumn({ name: 'tip_b', type: 'uuid' })
  tipB!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'rejected_by', type: 'uuid' })
  rejectedBy!: string;

  @Column({ name: 'rejected_at', type: 'timestamptz' })
  rejectedAt!: Date;
}
