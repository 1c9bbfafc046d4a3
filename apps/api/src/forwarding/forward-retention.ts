import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';

/** A sender's record of a forward that its retention policy says is due. */
export interface DueForwardRecord {
  forwardId: string;
  agencyId: string;
  mode: 'TRANSFER' | 'COPY';
}

/*
 * A forward's record holds what was sent (`snapshot`: the tip's text, place, times), so it is as
 * personal as the tip and follows the sending agency's retention:
 * - while the tip is still the sender's (an information copy, or a transfer taken back), the record
 *   goes when the tip goes (the retention purge of the tip);
 * - a transferred tip is closed for the sender on the day it left: its record goes after the
 *   agency's closed-tip period (retention_policy.closed_days, else the default), counted from then.
 * The receiving agency's tip follows the receiver's own policy; nothing here touches it.
 */
const DUE = `
  NOT EXISTS (SELECT 1 FROM tip t WHERE t.id = f.tip_id AND t.agency_id = f.from_agency_id)
  AND (f.mode = 'COPY' OR f.revoked_at IS NOT NULL
       OR f.forwarded_at < now() - make_interval(days => coalesce(p.closed_days, $2::int)))`;

/** Retention of the forwarding feature's own records, called by records' retention run. */
@Injectable()
export class ForwardRetention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** What is due (one agency, or all), oldest first. */
  due(agencyId: string | undefined, defaultClosedDays: number): Promise<DueForwardRecord[]> {
    return this.dataSource.query(
      `SELECT f.id AS "forwardId", f.from_agency_id AS "agencyId", f.mode
         FROM tip_forward f LEFT JOIN retention_policy p ON p.agency_id = f.from_agency_id
        WHERE ($1::uuid IS NULL OR f.from_agency_id = $1) AND ${DUE}
        ORDER BY f.forwarded_at, f.id`,
      [agencyId ?? null, defaultClosedDays],
    );
  }

  /**
   * Deletes one record if it is still due (re-checked under its row lock: a tip transferred back
   * since the list was read keeps it), leaving a tombstone with no content. True if deleted.
   */
  async purge(forwardId: string, defaultClosedDays: number, trigger: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [[row]]: [{ agency_id: string; mode: string; forwarded_at: Date }[], number] = await tx.query(
        `DELETE FROM tip_forward f USING tip_forward l LEFT JOIN retention_policy p ON p.agency_id = l.from_agency_id
          WHERE f.id = $1 AND l.id = f.id AND ${DUE}
          RETURNING f.from_agency_id AS agency_id, f.mode, f.forwarded_at`,
        [forwardId, defaultClosedDays],
      );
      if (!row) return false;
      await this.audit.append(tx, {
        agencyId: row.agency_id,
        actorId: null,
        action: 'retention.purged',
        entityType: 'forward',
        entityId: forwardId,
        data: {
          record: 'forward',
          mode: row.mode,
          forwardedMonth: row.forwarded_at.toISOString().slice(0, 7),
          trigger,
        },
      });
      return true;
    });
  }
}
