import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseArchiveCursor, SocialArchivePage, SocialMessageMedia, SocialMessageView } from '@vigie/common';
import type { Readable } from 'node:stream';
import { DataSource, IsNull } from 'typeorm';
import { AgencyScope } from '../../../common/agency-scope';
import { commonError } from '../../../common/domain.exception';
import { Clock } from '../../../common/clock';
import type { StaffActor } from '../../../common/staff-actor';
import { AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../../jobs/job-queue';
import { SOCIAL_READ_JOB } from '../../../jobs/job-registry';
import { SocialIntake } from '../../../tips/intake';
import { reachError } from '../../reach.errors';
import { SocialAccount } from '../accounts/social-account.entity';
import { SocialAccountsService } from '../accounts/social-accounts.service';
import { type ReceivedSocialMessage, SocialNetworkError } from '../networks/social-network';
import { SocialNetworkClients } from '../networks/social-network-clients';
import type { SocialPost } from '../posting/social-post.entity';
import { ReceivedMedia, SEALED_MEDIA_LOCK } from './received-media';
import { SocialMessage } from './social-message.entity';

const PAGE = 50;

/**
 * Everything the agency's accounts sent and received, kept as public records: each post when it is
 * sent, and each reply, mention or message read by the scheduled job (SOCIAL_READ_SCHEDULE) through
 * the network's client, with its files fetched, inspected and sealed. Searchable in the desk, in
 * the open-records export, and one action away from a tip.
 */
/** A message's tip while it is being made (toTip): no tip has this id. */
const TIP_PENDING = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class SocialArchive implements OnModuleInit {
  private readonly logger = new Logger(SocialArchive.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: SocialAccountsService,
    private readonly clients: SocialNetworkClients,
    private readonly media: ReceivedMedia,
    private readonly intake: SocialIntake,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({ name: SOCIAL_READ_JOB, handle: () => this.readAll() });
    await this.jobs.schedule(SOCIAL_READ_JOB, this.config.env.SOCIAL_READ_SCHEDULE);
  }

  /** A post just sent, kept as the agency published it. */
  async recordSent(post: SocialPost, account: SocialAccount): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SocialMessage)
      .values({
        agencyId: post.agencyId,
        accountId: account.id,
        direction: 'SENT',
        kind: 'POST',
        remoteId: post.remoteId!,
        url: post.url,
        authorHandle: account.handle,
        text: post.text,
        at: post.sentAt ?? this.clock.now(),
        inReplyToRemoteId: null,
        appealId: post.appealId,
        media: [],
        tipId: null,
        archivedAt: this.clock.now(),
      })
      .orIgnore()
      .execute();
  }

  /** The scheduled read: every connected account, one after the other; one failing stops none. */
  async readAll(): Promise<void> {
    for (const account of await this.accounts.allConnected()) {
      await this.read(account.id).catch((err: unknown) =>
        this.logger.warn(
          { accountId: account.id, network: account.network, err },
          'Reading a social account failed',
        ),
      );
    }
  }

  /** What one account received since its cursor; stored once each (the cursor moves after). */
  async read(accountId: string): Promise<number> {
    const opened = await this.accounts.credentials(accountId);
    if (!opened) return 0;
    const { account, credentials } = opened;
    const client = this.clients.get(account.network);
    let batch;
    try {
      batch = await client.received(credentials, account.receivedCursor);
    } catch (err) {
      const reason =
        err instanceof SocialNetworkError ? `${err.status ?? 'no answer'}: ${err.message}` : String(err);
      await this.accounts.noteUse(account.id, reason.slice(0, 500));
      // An access token refused before its recorded end: renewed now for the next read.
      if (err instanceof SocialNetworkError && err.status === 401)
        await this.accounts.renewAfterRefusal(account.id);
      throw err;
    }
    let stored = 0;
    for (const message of batch.messages) {
      const exists = await this.dataSource
        .getRepository(SocialMessage)
        .existsBy({ accountId: account.id, direction: 'RECEIVED', remoteId: message.remoteId });
      if (exists) continue;
      const [answered]: { appeal_id: string }[] = message.inReplyToRemoteId
        ? await this.dataSource.query(
            `SELECT appeal_id FROM social_post WHERE account_id = $1 AND (remote_id = $2 OR root_remote_id = $2) LIMIT 1`,
            [account.id, message.inReplyToRemoteId],
          )
        : [];
      // The files first, outside any transaction: a stranger's server may take its time, and no
      // lock or connection is held while it does.
      const fetched = await this.media.fetch(message.mediaUrls, account.serviceUrl);
      try {
        await this.media.keep(fetched);
        await this.record(account, message, answered?.appeal_id ?? null, fetched.media);
        // A retention purge between keep and record (no message referred to a file yet) may have
        // removed one: put back now that the message refers to it, which no purge passes over.
        await this.media.keep(fetched, { missingOnly: true });
      } finally {
        await this.media.release(fetched);
      }
      stored++;
    }
    await this.accounts.noteUse(account.id, null, { cursor: batch.cursor });
    return stored;
  }

  /** One received message, in a short transaction of its own. */
  private async record(
    account: SocialAccount,
    message: ReceivedSocialMessage,
    appealId: string | null,
    media: SocialMessageMedia[],
  ): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // Shared with other reads: a retention purge checking whether a file is still referred to
      // (holding it alone) sees this message, or runs before it and is made good by keep.
      await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtext($1))`, [SEALED_MEDIA_LOCK]);
      await tx
        .createQueryBuilder()
        .insert()
        .into(SocialMessage)
        .values({
          agencyId: account.agencyId,
          accountId: account.id,
          direction: 'RECEIVED',
          kind: message.kind,
          remoteId: message.remoteId,
          url: message.url,
          authorHandle: message.authorHandle,
          text: message.text,
          at: message.receivedAt,
          inReplyToRemoteId: message.inReplyToRemoteId,
          appealId,
          media,
          tipId: null,
          archivedAt: this.clock.now(),
        })
        .orIgnore()
        .execute();
    });
  }

  /** Newest first, 50 a page; `q` matches the text or the author's handle, any case. */
  async search(
    actor: StaffActor,
    query: { q?: string; direction?: 'SENT' | 'RECEIVED'; before?: string },
  ): Promise<SocialArchivePage> {
    const qb = this.dataSource
      .getRepository(SocialMessage)
      .createQueryBuilder('m')
      .innerJoin(SocialAccount, 'a', 'a.id = m.account_id')
      .addSelect(['a.network', 'a.handle'])
      .where('m.agency_id = :agencyId', { agencyId: actor.agencyId })
      .orderBy('m.at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(PAGE + 1);
    if (query.q)
      qb.andWhere(`(m.author_handle || ' ' || m.text) ILIKE :q`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    if (query.direction) qb.andWhere('m.direction = :direction', { direction: query.direction });
    // A keyset on (at, id), the page's order: messages of one moment (a burst of replies read in
    // one batch) are neither skipped nor repeated where a page ends among them.
    const cursor = query.before ? parseArchiveCursor(query.before) : null;
    if (query.before && !cursor) throw reachError('SOCIAL_ARCHIVE_CURSOR');
    if (cursor)
      qb.andWhere('(m.at, m.id) < (CAST(:beforeAt AS timestamptz), CAST(:beforeId AS uuid))', {
        beforeAt: cursor.at,
        beforeId: cursor.id,
      });
    // The time as Postgres keeps it (microseconds): a JavaScript Date would round it to the
    // millisecond, and the next page would skip the rest of that millisecond.
    qb.addSelect(`to_char(m.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at');
    const { entities, raw } = await qb.getRawAndEntities();
    const items = entities.slice(0, PAGE).map((m, i) => view(m, raw[i].a_network, raw[i].a_handle));
    const last = entities.length > PAGE ? PAGE - 1 : -1;
    return { items, next: last < 0 ? null : `${raw[last].cursor_at}_${entities[last].id}` };
  }

  /** The clean copy of one of a message's images (index in its media), or 404. */
  async cleanCopy(actor: StaffActor, messageId: string, index: number): Promise<Readable> {
    const message = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(SocialMessage), {
      id: messageId,
    });
    const media = message.media[index];
    if (media?.state !== 'SEALED' || !media.cleanKey) throw commonError('NOT_FOUND');
    // Removed by the retention purge since the message was read: gone, as the message soon is.
    return this.media.cleanCopy(media.cleanKey).catch((err: NodeJS.ErrnoException) => {
      throw err?.code === 'ENOENT' ? commonError('NOT_FOUND') : err;
    });
  }

  /** Makes a received message a tip (channel SOCIAL, not anonymous, with its link); once. */
  async toTip(actor: StaffActor, messageId: string): Promise<{ tipId: string; code: string }> {
    const message = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(SocialMessage), {
      id: messageId,
    });
    if (message.direction !== 'RECEIVED') throw reachError('SOCIAL_MESSAGE_NOT_RECEIVED');
    // Claimed before the tip is made (the intake commits on its own): of two clicks at once, one
    // makes the tip and the other is refused. The claim is a placeholder id, replaced by the tip's,
    // or taken back if the intake fails.
    const messages = this.dataSource.getRepository(SocialMessage);
    const claimed = await messages.update({ id: message.id, tipId: IsNull() }, { tipId: TIP_PENDING });
    if (!claimed.affected) throw reachError('SOCIAL_MESSAGE_ALREADY_TIP');
    try {
      return await this.makeTip(actor, message);
    } catch (err) {
      await messages.update({ id: message.id, tipId: TIP_PENDING }, { tipId: null });
      throw err;
    }
  }

  private async makeTip(actor: StaffActor, message: SocialMessage): Promise<{ tipId: string; code: string }> {
    const account = await this.dataSource
      .getRepository(SocialAccount)
      .findOneByOrFail({ id: message.accountId });
    const files = [];
    for (const [i, m] of message.media.entries()) {
      const file = await this.media.toScratch(m, i);
      if (file) files.push(file);
    }
    const receipt = await this.intake.receive(actor, {
      messageId: message.id,
      network: account.network,
      authorHandle: message.authorHandle,
      text: message.text,
      link: message.url,
      appealId: message.appealId,
      language: 'fr',
      files,
    });
    await this.dataSource.getRepository(SocialMessage).update({ id: message.id }, { tipId: receipt.tipId });
    return { tipId: receipt.tipId, code: receipt.code };
  }

  /**
   * For open-records answers: what the agency's accounts sent, and the public replies, comments and
   * mentions they received, in a range. Never a direct message, and never which message became a
   * tip (its author would then be named as a tipster), nor its files: a public record, not the archive.
   */
  async forOpenRecords(agencyId: string, from: Date, to: Date): Promise<SocialMessageView[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(SocialMessage)
      .createQueryBuilder('m')
      .innerJoin(SocialAccount, 'a', 'a.id = m.account_id')
      .addSelect(['a.network', 'a.handle'])
      .where('m.agency_id = :agencyId AND m.at >= :from AND m.at < :to', { agencyId, from, to })
      .andWhere(`m.kind <> 'DIRECT_MESSAGE'`)
      .orderBy('m.at')
      .getRawAndEntities();
    return entities.map((m, i) => ({
      ...view(m, raw[i].a_network, raw[i].a_handle),
      media: [],
      tipId: null,
    }));
  }
}

function view(m: SocialMessage, network: SocialMessageView['network'], account: string): SocialMessageView {
  return {
    id: m.id,
    network,
    account,
    direction: m.direction,
    kind: m.kind,
    authorHandle: m.authorHandle,
    text: m.text,
    at: m.at.toISOString(),
    url: m.url,
    appealId: m.appealId,
    media: m.media,
    tipId: m.tipId,
  };
}
