import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { GENESIS_HASH, hashEvent } from './audit-chain';

/** Appends what a staff member did to one record of a kind (see AuditService.about). */
export type StaffActionRecorder = (
  tx: EntityManager,
  actor: { agencyId: string; userId: string },
  entityId: string,
  action: string,
  data?: Record<string, unknown>,
) => Promise<AuditEvent>;

export interface AuditEntry {
  agencyId: string | null;
  actorId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  data?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A recorder of staff actions about one kind of record (`tip`, `case`), in the actor's agency. */
  about(entityType: string): StaffActionRecorder {
    return (tx, actor, entityId, action, data = {}) =>
      this.append(tx, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action,
        entityType,
        entityId,
        data,
      });
  }

  /**
   * Appends an event to its agency's chain inside the caller's transaction, so the change and its
   * audit line commit or vanish together. The per-chain advisory lock orders concurrent writers;
   * call this last in a transaction to hold it briefly.
   */
  async append(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      return this.dataSource.transaction((tx) => this.append(tx, entry));
    }
    const chain = entry.agencyId ?? 'system';
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${chain}`]);
    const [last] = await manager.query(
      'SELECT hash FROM audit_event WHERE chain = $1 ORDER BY id DESC LIMIT 1',
      [chain],
    );
    const [{ id }] = await manager.query(`SELECT nextval('audit_event_id_seq')::text AS id`);
    const event = manager.create(AuditEvent, {
      id,
      chain,
      agencyId: entry.agencyId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      data: entry.data ?? {},
      createdAt: new Date(),
      prevHash: last?.hash ?? GENESIS_HASH,
    });
    event.hash = hashEvent(event);
    await manager.insert(AuditEvent, event as never);
    return event;
  }
}
