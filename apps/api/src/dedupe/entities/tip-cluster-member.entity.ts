import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tip's place in a cluster. Keyed by the tip: a tip is in one cluster at most. */
@Entity('tip_cluster_member')
export class TipClusterMember {
  @PrimaryColumn({ name: 'tip_id', type: 'uuid' })
  tipId!: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy!: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
