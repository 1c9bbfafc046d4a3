import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Reason } from '../signals/signal-hit';

/**
 * A pair of tips (ordered, tipA < tipB) that some signal connects, with the combined score and
 * the reasons. Written by the scoring job only; `suggested` says whether it reaches the threshold.
 */
@Entity('duplicate_suggestion')
export class DuplicateSuggestion {
  @PrimaryColumn({ name: 'tip_a', type: 'uuid' })
  tipA!: string;

  @PrimaryColumn({ name: 'tip_b', type: 'uuid' })
  tipB!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'real' })
  score!: number;

  @Column({ type: 'boolean' })
  suggested!: boolean;

  @Column({ type: 'jsonb' })
  reasons!: Reason[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
