import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ForwardRetention } from '../../forwarding/forward-retention';
import { SocialRetention } from '../../reach/social';
import { MediaStore } from '../../media/media-store';
import { sealedTipMediaKey, StoredRendition } from '../../tips/tip-media.entity';
import { RetentionDefaults } from './retention-defaults';
import { deleteTipRows, PurgeBlocked } from '../../tips/tip-removal';
import { loggableError } from '../../common/loggable-error';

export interface RetentionRunOptions {
  /** Report only; change nothing. */
  dryRun: boolean;
  /** One agency (the settings page's preview); every agency when unset (the daily job, the CLI). */
  agencyId?: string;
  /** Only these tips, each reported with the reason it is kept if it is not purged. */
  tipIds?: string[];
  trigger: 'schedule' | 'cli' | 'preview';
}

export interface DueTip {
  tipId: string;
  agencyId: string;
  status: 'NOT_ACTIONABLE' | 'CLOSED';
  /** When it was dismissed or closed: the period counts from here. */
  since: string;
  days: number;
  policy: 'agency' | 'default';
}

export interface RetentionReport {
  dryRun: boolean;
  at: string;
  /** Due now: purged, or (dry run) what a real run would purge. */
  due: DueTip[];
  purged: string[];
  skipped: { tipId: string; reason: string }[];
  filesRemoved: number;
  /** Files whose removal failed after their rows were purged: to remove by hand. */
  fileErrors: { key: string; error: string }[];
  /**
   * The sender's records of tips forwarded to another agency (forwarding/forward-retention.ts):
   * due now, and purged. A run narrowed to some tips leaves them alone.
   */
  forwardRecords: { due: number; purged: number };
  /**
   * What the agency's social accounts sent and received (reach's archive, `messages`) and what its
   * ActivityPub inbox kept (`inbox`), older than the social period: due now, and purged. Their
   * sealed files are counted in filesRemoved and fileErrors. A run narrowed to some tips leaves them alone.
   */
  socialArchive: { due: { messages: number; inbox: number }; purged: { messages: number; inbox: number } };
}

interface Candidate {
  id: string;
  agency_id: string;
  status: string;
  received_at: Date;
  since: Date;
  legal_hold: boolean;
  linked: boolean;
  rewarded: boolean;
  agency_days: number | null;
  days: number;
  due: boolean;
}

/**
 * Deletes what the agency no longer needs: tips dismissed (NOT_ACTIONABLE) or CLOSED for longer
 * than the policy says, with their files, messages, notes and every other row about them. A tip
 * linked to a case, under legal hold, or with a reward granted or paid is never purged. The
 * sender's records of forwarded tips follow (forwarding/forward-retention.ts), then the social
 * archive (reach/social/archive/social-retention.ts). Each tip goes in its own transaction,
 * which re-checks it under a row lock and leaves a content-free tombstone in the audit log; files
 * are removed only once that has committed, so a crash never leaves rows pointing at lost files.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: MediaStore,
    private readonly defaults: RetentionDefaults,
    private readonly forwards: ForwardRetention,
    private readonly social: SocialRetention,
  ) {}

  async run(options: RetentionRunOptions): Promise<RetentionReport> {
    const report: RetentionReport = {
      dryRun: options.dryRun,
      at: new Date().toISOString(),
      due: [],
      purged: [],
      skipped: [],
      filesRemoved: 0,
      fileErrors: [],
      forwardRecords: { due: 0, purged: 0 },
      socialArchive: { due: { messages: 0, inbox: 0 }, purged: { messages: 0, inbox: 0 } },
    };
    const candidates = await this.candidates(this.dataSource.manager, options);
    if (options.tipIds) {
      const found = new Set(candidates.map((c) => c.id));
      for (const id of options.tipIds)
        if (!found.has(id)) report.skipped.push({ tipId: id, reason: 'not found' });
    }
    for (const c of candidates) {
      const kept = keptBecause(c);
      if (kept) {
        report.skipped.push({ tipId: c.id, reason: kept });
        continue;
      }
      report.due.push(dueTip(c));
      if (!options.dryRun) await this.purgeOne(c.id, options.trigger, report);
    }
    // After the tips: the record of a copy goes with its tip, so in the same run.
    if (!options.tipIds) await this.purgeForwardRecords(options, report);
    if (!options.tipIds) await this.purgeSocialArchive(options, report);
    const social = report.socialArchive.purged;
    if (
      !options.dryRun &&
      (report.purged.length ||
        report.skipped.length ||
        report.forwardRecords.purged ||
        social.messages ||
        social.inbox)
    )
      this.logger.log(
        {
          purged: report.purged.length,
          skipped: report.skipped.length,
          forwardRecordsPurged: report.forwardRecords.purged,
          socialMessagesPurged: social.messages,
          socialInboxPurged: social.inbox,
          fileErrors: report.fileErrors.length,
        },
        'retention purge',
      );
    return report;
  }

  private async purgeForwardRecords(options: RetentionRunOptions, report: RetentionReport) {
    const due = await this.forwards.due(options.agencyId, this.defaults.closedDays);
    report.forwardRecords.due = due.length;
    if (options.dryRun) return;
    for (const record of due)
      if (await this.forwards.purge(record.forwardId, this.defaults.closedDays, options.trigger))
        report.forwardRecords.purged++;
  }

  /** The social archive (reach's): its own period, no holds (a message that became a tip lives on as the tip). */
  private async purgeSocialArchive(options: RetentionRunOptions, report: RetentionReport) {
    report.socialArchive.due = await this.social.due(options.agencyId, this.defaults.socialDays);
    if (options.dryRun) return;
    const purged = await this.social.purge(options.agencyId, this.defaults.socialDays, options.trigger);
    report.socialArchive.purged = { messages: purged.messages, inbox: purged.inbox };
    report.filesRemoved += purged.filesRemoved;
    report.fileErrors.push(...purged.fileErrors);
  }

  private async purgeOne(tipId: string, trigger: RetentionRunOptions['trigger'], report: RetentionReport) {
    let keys: string[] = [];
    try {
      keys = await this.dataSource.transaction(async (tx) => {
        await tx.query(`SELECT 1 FROM tip WHERE id = $1 FOR UPDATE`, [tipId]);
        // Re-checked under the lock: a hold or a case link made since the list was read wins.
        const [c] = await this.candidates(tx, { dryRun: false, tipIds: [tipId], trigger });
        const kept = c ? keptBecause(c) : 'not found';
        if (kept) throw new PurgeBlocked(kept);
        const media: { id: string; renditions: StoredRendition[] }[] = await tx.query(
          `SELECT id, renditions FROM tip_media WHERE tip_id = $1`,
          [tipId],
        );
        await deleteTipRows(
          tx,
          tipId,
          media.map((m) => m.id),
        );
        await this.audit.append(tx, {
          agencyId: c.agency_id,
          actorId: null,
          action: 'retention.purged',
          entityType: 'tip',
          entityId: tipId,
          // A tombstone: what kind of record, when, under which rule. No text, place or file.
          data: {
            record: 'tip',
            status: c.status,
            receivedMonth: c.received_at.toISOString().slice(0, 7),
            policy: { rule: c.status, days: c.days, source: c.agency_days === null ? 'default' : 'agency' },
            mediaFiles: media.length,
            trigger,
          },
        });
        return media.flatMap((m) => [sealedTipMediaKey(tipId, m.id), ...m.renditions.map((r) => r.key)]);
      });
    } catch (err) {
      if (!(err instanceof PurgeBlocked)) throw err;
      report.due = report.due.filter((d) => d.tipId !== tipId);
      report.skipped.push({ tipId, reason: err.message });
      return;
    }
    report.purged.push(tipId);
    for (const key of keys) {
      try {
        await this.store.remove(key);
        report.filesRemoved++;
      } catch (err) {
        this.logger.error(
          { err: loggableError(err), key },
          'retention: file left behind after its tip was purged',
        );
        report.fileErrors.push({ key, error: (err as Error).message });
      }
    }
  }

  /** Tips due for purge (or, with tipIds, exactly those tips), with what decides their fate. */
  private candidates(q: EntityManager, options: RetentionRunOptions): Promise<Candidate[]> {
    const days = `coalesce(CASE t.status WHEN 'NOT_ACTIONABLE' THEN p.not_actionable_days WHEN 'CLOSED' THEN p.closed_days END,
                          CASE t.status WHEN 'NOT_ACTIONABLE' THEN $2::int ELSE $3::int END)`;
    const since = `coalesce(t.status_changed_at, t.received_at)`;
    const due = `t.status IN ('NOT_ACTIONABLE', 'CLOSED') AND ${since} < now() - make_interval(days => ${days})`;
    const linked = `EXISTS (SELECT 1 FROM case_tip ct WHERE ct.tip_id = t.id)`;
    const rewarded = `EXISTS (SELECT 1 FROM reward_claim rc WHERE rc.tip_id = t.id AND rc.status IN ('APPROVED', 'PAID'))`;
    const which = options.tipIds ? `t.id = ANY($4::uuid[])` : `${due} AND NOT ${linked}`;
    return q.query(
      `SELECT t.id, t.agency_id, t.status, t.received_at, ${since} AS since, t.legal_hold, ${linked} AS linked, ${rewarded} AS rewarded,
              CASE t.status WHEN 'NOT_ACTIONABLE' THEN p.not_actionable_days WHEN 'CLOSED' THEN p.closed_days END AS agency_days,
              ${days} AS days, coalesce(${due}, false) AS due
         FROM tip t LEFT JOIN retention_policy p ON p.agency_id = t.agency_id
        WHERE ($1::uuid IS NULL OR t.agency_id = $1) AND ${which}
        ORDER BY since, t.id`,
      [
        options.agencyId ?? null,
        this.defaults.notActionableDays,
        this.defaults.closedDays,
        ...(options.tipIds ? [options.tipIds] : []),
      ],
    );
  }
}

function keptBecause(c: Candidate): string | null {
  if (c.legal_hold) return 'legal hold';
  if (c.linked) return 'linked to a case';
  // A reward that was granted or paid is a financial record; it outlives the tip's retention.
  if (c.rewarded) return 'reward approved or paid';
  if (!c.due) return `not due (${c.status})`;
  return null;
}

function dueTip(c: Candidate): DueTip {
  return {
    tipId: c.id,
    agencyId: c.agency_id,
    status: c.status as DueTip['status'],
    since: c.since.toISOString(),
    days: c.days,
    policy: c.agency_days === null ? 'default' : 'agency',
  };
}
