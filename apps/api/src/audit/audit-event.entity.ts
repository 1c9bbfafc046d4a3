import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One line of the append-only audit log. Rows form a hash chain per agency: `hash` covers this
 * row's content and `prevHash`, so changing or removing any row breaks every link after it. A
 * database trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  /** The chain this row belongs to: the agency id, or "system" for events with no agency. */
  @Column({ type: 'text' })
  chain!: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType!: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
