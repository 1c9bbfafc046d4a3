import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SocialMessageMedia } from '@vigie/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../audit/audit.service';
import { Clock } from '../../../common/clock';
import { loggableError } from '../../../common/loggable-error';
import { MediaStore } from '../../../media/media-store';
import { cleanKeyOf, SEALED_MEDIA_LOCK } from './received-media';

/** What is due in the social archive (one agency, or all). */
export interface SocialArchiveDue {
  /** Messages sent and received (`social_message`). */
  messages: number;
  /** What the agency's ActivityPub inbox kept before reach read it (`activitypub_received`). */
  inbox: number;
}

export interface SocialArchivePurge extends SocialArchiveDue {
  filesRemoved: number;
  /** Sealed files whose removal failed after their messages were purged: to remove by hand. */
  fileErrors: { key: string; error: string }[];
}

/** Rows purged in one transaction, with one tombstone per agency. */
const BATCH = 500;
/** A message whose tip is being made (social-archive.service.ts, toTip) is left to it. */
const TIP_PENDING = '00000000-0000-0000-0000-000000000000';

/*
 * Due: older than the agency's social period (retention_policy.social_days, else the default),
 * counted from when the message was sent or received. Records has no legal hold on messages: a
 * message that became a tip lives on as that tip (text, author, link and files copied at intake),
 * which keeps its own holds and retention.
 */
const MESSAGE_DUE = `m.at < $3::timestamptz - make_interval(days => coalesce(p.social_days, $2::int))
  AND (m.tip_id IS NULL OR m.tip_id <> '${TIP_PENDING}')`;
const INBOX_DUE = `r.received_at < $3::timestamptz - make_interval(days => coalesce(p.social_days, $2::int))`;

/**
 * Retention of reach's social archive, called by records' retention run (as forwarding's records
 * are): the messages the agency's accounts sent and received, the actor's inbox copies, and the
 * sealed files no remaining message refers to. Each batch goes in one transaction with a
 * content-free tombstone per agency in the audit log; files go after it committed, each under the
 * lock that the archive's read holds while it seals a file and records the message that refers
 * to it, so a file just sealed again for a new message is never removed.
 */
@Injectable()
export class SocialRetention {
  private readonly logger = new Logger(SocialRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: MediaStore,
    private readonly clock: Clock,
  ) {}

  async due(agencyId: string | undefined, defaultDays: number): Promise<SocialArchiveDue> {
    const params = [agencyId ?? null, defaultDays, this.clock.now()];
    const [{ n: messages }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM social_message m LEFT JOIN retention_policy p ON p.agency_id = m.agency_id
        WHERE ($1::uuid IS NULL OR m.agency_id = $1) AND ${MESSAGE_DUE}`,
      params,
    );
    const [{ n: inbox }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM activitypub_received r JOIN activitypub_actor a ON a.id = r.actor_id
         LEFT JOIN retention_policy p ON p.agency_id = a.agency_id
        WHERE ($1::uuid IS NULL OR a.agency_id = $1) AND ${INBOX_DUE}`,
      params,
    );
    return { messages, inbox };
  }

  async purge(
    agencyId: string | undefined,
    defaultDays: number,
    trigger: string,
  ): Promise<SocialArchivePurge> {
    const result: SocialArchivePurge = { messages: 0, inbox: 0, filesRemoved: 0, fileErrors: [] };
    const params = [agencyId ?? null, defaultDays, this.clock.now()];
    for (;;) {
      const { count, keys } = await this.dataSource.transaction((tx) =>
        this.purgeMessages(tx, params, trigger),
      );
      result.messages += count;
      for (const key of keys) await this.removeIfUnused(key, result);
      if (count < BATCH) break;
    }
    for (;;) {
      const count = await this.dataSource.transaction((tx) => this.purgeInbox(tx, params, trigger));
      result.inbox += count;
      if (count < BATCH) break;
    }
    return result;
  }

  private async purgeMessages(tx: EntityManager, params: unknown[], trigger: string) {
    // TypeORM answers a DELETE … RETURNING with [rows, count].
    const [rows]: [
      {
        agency_id: string;
        direction: string;
        at: Date;
        media: SocialMessageMedia[];
        days: number;
        agency_days: number | null;
      }[],
      number,
    ] = await tx.query(
      `DELETE FROM social_message d USING (
         SELECT m.id, coalesce(p.social_days, $2::int) AS days, p.social_days AS agency_days
           FROM social_message m LEFT JOIN retention_policy p ON p.agency_id = m.agency_id
          WHERE ($1::uuid IS NULL OR m.agency_id = $1) AND ${MESSAGE_DUE}
          ORDER BY m.at, m.id LIMIT ${BATCH} FOR UPDATE OF m SKIP LOCKED) due
       WHERE d.id = due.id
       RETURNING d.agency_id, d.direction, d.at, d.media, due.days, due.agency_days`,
      params,
    );
    for (const [agencyId, purged] of byAgency(rows))
      await this.audit.append(tx, {
        agencyId,
        actorId: null,
        action: 'retention.purged',
        entityType: 'social_archive',
        entityId: agencyId,
        // A tombstone: how many, of which direction, from when, under which rule. No text, author or file.
        data: {
          record: 'social_message',
          count: purged.length,
          sent: purged.filter((r) => r.direction === 'SENT').length,
          received: purged.filter((r) => r.direction === 'RECEIVED').length,
          ...months(purged.map((r) => r.at)),
          policy: { days: purged[0].days, source: purged[0].agency_days === null ? 'default' : 'agency' },
          trigger,
        },
      });
    const keys = new Set(
      rows.flatMap((r) => r.media.flatMap((m) => (m.state === 'SEALED' && m.key ? [m.key] : []))),
    );
    return { count: rows.length, keys: [...keys] };
  }

  private async purgeInbox(tx: EntityManager, params: unknown[], trigger: string): Promise<number> {
    const [rows]: [{ agency_id: string; received_at: Date }[], number] = await tx.query(
      `DELETE FROM activitypub_received d USING (
         SELECT r.seq, a.agency_id FROM activitypub_received r JOIN activitypub_actor a ON a.id = r.actor_id
           LEFT JOIN retention_policy p ON p.agency_id = a.agency_id
          WHERE ($1::uuid IS NULL OR a.agency_id = $1) AND ${INBOX_DUE}
          ORDER BY r.seq LIMIT ${BATCH} FOR UPDATE OF r SKIP LOCKED) due
       WHERE d.seq = due.seq
       RETURNING due.agency_id, d.received_at`,
      params,
    );
    for (const [agencyId, purged] of byAgency(rows))
      await this.audit.append(tx, {
        agencyId,
        actorId: null,
        action: 'retention.purged',
        entityType: 'social_archive',
        entityId: agencyId,
        data: {
          record: 'activitypub_received',
          count: purged.length,
          ...months(purged.map((r) => r.received_at)),
          trigger,
        },
      });
    return rows.length;
  }

  /** Removes a sealed file once no message refers to it (one file may be sealed for several). */
  private async removeIfUnused(key: string, result: SocialArchivePurge): Promise<void> {
    try {
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SEALED_MEDIA_LOCK]);
        const [{ used }]: { used: boolean }[] = await tx.query(
          `SELECT EXISTS (SELECT 1 FROM social_message WHERE media @> $1::jsonb) AS used`,
          [JSON.stringify([{ key }])],
        );
        if (used) return;
        await this.store.remove(key);
        // Its clean copy (an image's) goes with it; none for a video, or a file sealed before them.
        await this.store.remove(cleanKeyOf(key));
        result.filesRemoved++;
      });
    } catch (err) {
      this.logger.error(
        { err: loggableError(err), key },
        'retention: a sealed social file left behind after its messages were purged',
      );
      result.fileErrors.push({ key, error: (err as Error).message });
    }
  }
}

function byAgency<T extends { agency_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.agency_id, [...(groups.get(row.agency_id) ?? []), row]);
  return groups;
}

function months(dates: Date[]): { fromMonth: string; toMonth: string } {
  const sorted = dates.map((d) => d.toISOString().slice(0, 7)).sort();
  return { fromMonth: sorted[0], toMonth: sorted[sorted.length - 1] };
}
