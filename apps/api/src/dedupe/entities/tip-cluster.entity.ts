import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Tips an investigator confirmed are the same matter. Closed (never deleted) once it has fewer than two members. */
@Entity('tip_cluster')
export class TipCluster {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** The tip the others were merged into; the desk shows it first. */
  @Column({ name: 'primary_tip_id', type: 'uuid' })
  primaryTipId!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Set when an explicit cluster merge moved this cluster's members into another. */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto!: string | null;
}
