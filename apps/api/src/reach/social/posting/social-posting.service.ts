import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPEAL_KIND_RULES,
  PublicAppeal,
  SocialNetwork,
  SocialPostState,
  SocialPreview,
} from '@vigie/common';
import sharp from 'sharp';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { PublicAppealsService } from '../../../appeals/public-appeals.service';
import { Clock } from '../../../common/clock';
import { JobQueue } from '../../../jobs/job-queue';
import {
  AppealPublication,
  SOCIAL_EXPIRY_JOB,
  SOCIAL_SEND_JOB,
  SOCIAL_TAKEDOWN_JOB,
} from '../../../jobs/job-registry';
import { MediaStore } from '../../../media/media-store';
import { PublicationListener, PublicationListeners } from '../../publication-listeners';
import { SocialAccountsService } from '../accounts/social-accounts.service';
import { SocialArchive } from '../archive/social-archive.service';
import type { SocialImage, SocialNetworkLimits, SocialPostRef } from '../networks/social-network';
import { SocialNetworkError } from '../networks/social-network';
import { SocialNetworkClients } from '../networks/social-network-clients';
import { ComposedPost, composePost, PostSubject } from './post-composer';
import { DISCONNECTED_BEFORE_SEND, DISCONNECTED_BEFORE_TAKEDOWN, failureText } from './post-failure';
import { SocialPost } from './social-post.entity';

/** Tries of one post before it is shown as failed (the queue waits longer between each). */
export const MAX_POST_ATTEMPTS = 5;
/** A takedown is tried longer than a post is (a found person's photo must come down). */
export const MAX_TAKEDOWN_ATTEMPTS = MAX_POST_ATTEMPTS * 2;
const LANGUAGES = ['fr', 'en'] as const;
/** Posts up on the network, or on their way there. */
const UP = new Set<SocialPostState>(['QUEUED', 'SENDING', 'SENT', 'TAKEDOWN_FAILED']);

/** A publication as posts see it: what they say, and the key its rows are stored under. */
export interface PlannedPublication {
  subject: PostSubject;
  /** APPROVED, UPDATE:<update id>, RESOLVED. */
  key: string;
}

/** Each publication's plan, for onPublication and for the preview before approval alike. */
export const PLANNED = {
  approval: (): PlannedPublication => ({ subject: { event: 'APPROVED' }, key: 'APPROVED' }),
  update: (
    update: { id: string } & Extract<PostSubject, { event: 'UPDATE' }>['update'],
  ): PlannedPublication => ({
    subject: { event: 'UPDATE', update },
    key: `UPDATE:${update.id}`,
  }),
  resolution: (): PlannedPublication => ({ subject: { event: 'RESOLVED' }, key: 'RESOLVED' }),
};

/**
 * The posts a publication takes down before it posts: a found person's resolution takes down every
 * post before the outcome (each names them, with a photo or not).
 */
function takenDownFirst(appeal: PublicAppeal, subject: PostSubject): ((post: SocialPost) => boolean) | null {
  return subject.event === 'RESOLVED' && APPEAL_KIND_RULES[appeal.kind].hidesPersonOnResolve
    ? (post) => post.publication !== 'RESOLVED'
    : null;
}

/**
 * Posts what appeals publish on the agency's connected accounts, and takes it down. A publication
 * makes one row per account and language at once (so the job that runs again finds them), then a
 * job per account sends them in order: the appeal's first post (French), its English version under
 * it, and every later update, correction or resolution under the last, in one thread. A post the
 * network refuses for good, or that failed every retry, is FAILED and shown to the PIO, who can
 * send it again; nothing is dropped. A withdrawn or expired appeal takes every post down (an
 * expiry is found by a sweep every minute: no publication says so); a found person's resolution
 * takes down every post before the outcome. A job reads the appeal as it is when it runs: one that
 * was withdrawn meanwhile is not posted. A takedown that cannot run (the account disconnected) is
 * TAKEDOWN_FAILED, shown to the PIO, never dropped.
 */
/**
 * A send job posts within seconds; a claim this old is a job that died before it said how it went,
 * and a post queued this long has no job left to send it (the sweep queues one).
 */
export const CLAIM_EXPIRY_MS = 5 * 60_000;

/**
 * The posts the expiry sweep looks at: what may still be up, or is on its way. The partial index
 * social_post_live has this condition (migration 1763704200000): keep them the same.
 */
export const SWEEP_EXPIRED_SQL = `SELECT DISTINCT appeal_id FROM social_post
  WHERE state IN ('QUEUED', 'SENDING', 'FAILED') OR (state = 'SENT' AND takedown_requested_at IS NULL)`;

/** $1 now, $2 the lease's end: posts stranded since before it, queued again (resendStranded). */
export const RESEND_STRANDED_SQL = `WITH stranded AS (
    UPDATE social_post SET state = 'QUEUED', claimed_at = $1
     WHERE (state = 'SENDING' AND claimed_at < $2)
        OR (state = 'QUEUED' AND coalesce(claimed_at, created_at) < $2)
    RETURNING account_id, appeal_id, publication, created_at)
  SELECT account_id, appeal_id, publication FROM stranded
   GROUP BY account_id, appeal_id, publication ORDER BY min(created_at)`;

@Injectable()
export class SocialPosting implements PublicationListener, OnModuleInit {
  readonly name = 'social-posts';
  private readonly logger = new Logger(SocialPosting.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: SocialAccountsService,
    private readonly clients: SocialNetworkClients,
    private readonly publicAppeals: PublicAppealsService,
    private readonly store: MediaStore,
    private readonly jobs: JobQueue,
    private readonly listeners: PublicationListeners,
    private readonly clock: Clock,
    private readonly archive: SocialArchive,
  ) {}

  async onModuleInit(): Promise<void> {
    this.listeners.register(this);
    await this.jobs.define({ name: SOCIAL_SEND_JOB, handle: (data) => this.send(data) });
    // As many runs as takeDown counts tries before it says TAKEDOWN_FAILED: with fewer, the queue
    // gave up first and left the post up, SENT, its takedown asked for and shown as being retried.
    await this.jobs.define({
      name: SOCIAL_TAKEDOWN_JOB,
      handle: ({ postId }) => this.takeDown(postId),
      retryLimit: MAX_TAKEDOWN_ATTEMPTS - 1,
    });
    await this.jobs.define({
      name: SOCIAL_EXPIRY_JOB,
      handle: () => this.sweep().then(() => undefined),
    });
    await this.jobs.schedule(SOCIAL_EXPIRY_JOB, '* * * * *');
  }

  async onPublication(p: AppealPublication): Promise<void> {
    const accounts = await this.accounts.connected(p.agencyId);
    // Nothing to post and nothing up: most agencies, most publications.
    if (
      !accounts.length &&
      !(await this.dataSource.getRepository(SocialPost).existsBy({ appealId: p.appealId }))
    )
      return;
    // Takedowns first, whether or not an account is still connected: a post naming a found child
    // is taken down, or marked TAKEDOWN_FAILED for the PIO, never left up without a word.
    if (p.event === 'ARCHIVED') return this.takeDownWhere(p.appealId, () => true);
    const appeal = await this.publicNow(p.appealId);
    // Withdrawn or expired since it was published: nothing more is posted, and what is up comes down.
    if (!appeal) return this.takeDownWhere(p.appealId, () => true);
    let planned: PlannedPublication;
    if (p.event === 'APPROVED') planned = PLANNED.approval();
    else if (p.event === 'UPDATE') {
      const update = appeal.updates.find((u) => u.id === p.updateId);
      if (!update) return; // hidden since (a found person's updates leave with them)
      planned = PLANNED.update(update);
    } else planned = PLANNED.resolution();
    const comingDown = takenDownFirst(appeal, planned.subject);
    if (comingDown) await this.takeDownWhere(p.appealId, comingDown);
    if (!accounts.length) return;

    await this.dataSource.transaction(async (tx) => {
      for (const account of accounts) {
        const drafts = await this.draftsFor(tx, account, p.appealId, appeal, planned);
        if (!drafts.length) continue;
        for (const [position, post] of drafts.entries()) {
          await tx
            .createQueryBuilder()
            .insert()
            .into(SocialPost)
            .values({
              agencyId: p.agencyId,
              accountId: account.id,
              appealId: p.appealId,
              publication: planned.key,
              language: post.language,
              position,
              text: post.text,
              link: post.link,
              imageId: post.image?.imageId ?? null,
              altText: post.image?.altText ?? null,
              state: post.problem ? 'FAILED' : 'QUEUED',
              attempts: 0,
              lastError: post.problem,
              createdAt: this.clock.now(),
            })
            .orIgnore()
            .execute();
        }
        await this.jobs.sendInTransaction(tx, SOCIAL_SEND_JOB, {
          accountId: account.id,
          appealId: p.appealId,
          publication: planned.key,
        });
      }
    });
  }

  /**
   * The posts one account gets for a publication, in posting order (French, then English under it):
   * what onPublication stores and sends, and what the preview shows before approval. None for an
   * appeal already posted there: a later approved version changes only the page the posts link to.
   */
  private async draftsFor(
    manager: EntityManager,
    account: { id: string; network: SocialNetwork },
    appealId: string,
    appeal: PublicAppeal,
    planned: PlannedPublication,
  ): Promise<ComposedPost[]> {
    const limits = this.clients.get(account.network).limits;
    const first = planned.key === 'APPROVED';
    if (first && (await this.hasPosts(manager, account.id, appealId))) return [];
    return LANGUAGES.map((language) => composePost(appeal, planned.subject, language, limits, first));
  }

  /**
   * What approving a publication will post on each connected account, made by draftsFor (the code
   * that will post it), with the post of the appeal's thread the first one will answer and how many
   * of the appeal's posts come down first (a found person's). Reads only.
   */
  async preview(
    agencyId: string,
    appealId: string,
    appeal: PublicAppeal,
    planned: PlannedPublication,
  ): Promise<SocialPreview> {
    const accounts = await this.accounts.connected(agencyId);
    const comingDown = takenDownFirst(appeal, planned.subject);
    const repo = this.dataSource.getRepository(SocialPost);
    return {
      publication: planned.key,
      accounts: await Promise.all(
        accounts.map(async (account) => {
          const existing = await repo.find({
            where: { accountId: account.id, appealId },
            order: { createdAt: 'ASC', position: 'ASC' },
          });
          const up = existing.filter((post) => UP.has(post.state) && !post.takedownRequestedAt);
          const down = comingDown ? up.filter(comingDown) : [];
          const parent = up.filter((post) => !down.includes(post)).at(-1);
          return {
            accountId: account.id,
            network: account.network,
            handle: account.handle,
            maxTextLength: this.clients.get(account.network).limits.maxTextLength,
            posts: await this.draftsFor(this.dataSource.manager, account, appealId, appeal, planned),
            replyTo: parent
              ? { language: parent.language, text: parent.text, url: parent.url, state: parent.state }
              : null,
            takesDown: down.length,
          };
        }),
      ),
    };
  }

  /** The send job: the queued posts of one publication on one account, in order. */
  async send(job: { accountId: string; appealId: string; publication: string }): Promise<void> {
    const repo = this.dataSource.getRepository(SocialPost);
    const queued = await repo.find({
      where: {
        accountId: job.accountId,
        appealId: job.appealId,
        publication: job.publication,
        // SENDING too: a claim left by a job that died is taken over once it is old (claim).
        state: In(['QUEUED', 'SENDING']),
      },
      order: { position: 'ASC' },
    });
    if (!queued.length) return;
    // What the appeal is now, not when the job was queued: a withdrawn or expired appeal (an AMBER
    // alert past its end) is not posted, and what is up of it comes down.
    if (!(await this.publicNow(job.appealId))) return this.takeDownWhere(job.appealId, () => true);
    const opened = await this.accounts.credentials(job.accountId);
    if (!opened) {
      await repo.update(
        { id: In(queued.map((q) => q.id)) },
        { state: 'FAILED', lastError: DISCONNECTED_BEFORE_SEND },
      );
      return;
    }
    const client = this.clients.get(opened.account.network);
    for (const post of queued) {
      // Claimed before it is posted: of two send jobs for one publication (a PIO's two retries)
      // only one posts it, and the other leaves the rest to it, in order. Nothing to claim once
      // taken down (withdrawn, found): not sent.
      if (!(await this.claim(post.id))) return;
      const parent = await this.threadParent(job.accountId, job.appealId);
      const replyTo: SocialPostRef | undefined = parent
        ? {
            remoteId: parent.remoteId!,
            remoteCid: parent.remoteCid ?? undefined,
            root: { remoteId: parent.rootRemoteId!, remoteCid: parent.rootRemoteCid ?? undefined },
            url: parent.url ?? '',
          }
        : undefined;
      try {
        const image = post.imageId ? await this.imageFor(post, client.limits) : undefined;
        const ref = await client.post(opened.credentials, {
          text: post.text,
          link: post.link,
          language: post.language,
          image,
          replyTo,
        });
        const root = ref.root ?? replyTo?.root ?? { remoteId: ref.remoteId, remoteCid: ref.remoteCid };
        const sent = {
          attempts: post.attempts + 1,
          lastError: null,
          remoteId: ref.remoteId,
          remoteCid: ref.remoteCid ?? null,
          rootRemoteId: root.remoteId,
          rootRemoteCid: root.remoteCid ?? null,
          url: ref.url,
          sentAt: this.clock.now(),
        };
        const marked = await repo.update({ id: post.id, state: 'SENDING' }, { ...sent, state: 'SENT' });
        if (!marked.affected) {
          // Taken down while it was on its way: say where it went, and take it down there too.
          await repo.update({ id: post.id }, { ...sent, state: 'SENT' });
          await this.jobs.send(SOCIAL_TAKEDOWN_JOB, { postId: post.id });
          continue;
        }
        await this.accounts.noteUse(job.accountId, null);
        // The post is out: a failure to archive it must not mark it failed (and post it twice).
        await repo
          .findOneByOrFail({ id: post.id })
          .then((sent) => this.archive.recordSent(sent, opened.account))
          .catch((err: unknown) =>
            this.logger.error({ postId: post.id, err }, 'A sent post was not archived'),
          );
      } catch (err) {
        const failure = err instanceof SocialNetworkError ? err : null;
        const reason = failureText(err);
        const attempts = post.attempts + 1;
        // An access token refused before its recorded end, renewed now: the retry uses the new one.
        const renewed = failure?.status === 401 && (await this.accounts.renewAfterRefusal(job.accountId));
        const final = (!failure?.retryable && !renewed) || attempts >= MAX_POST_ATTEMPTS;
        // Only while still its own: a takedown meanwhile stands.
        await repo.update(
          { id: post.id, state: 'SENDING' },
          { state: final ? 'FAILED' : 'QUEUED', attempts, lastError: reason },
        );
        await this.accounts.noteUse(job.accountId, reason);
        this.logger.warn(
          { postId: post.id, network: client.network, status: failure?.status, final },
          final ? 'A social post failed and is shown to the PIO' : 'A social post failed; it will be retried',
        );
        // The queue runs this job again later; the posts after this one wait to thread under it.
        if (!final) throw new Error(`social post ${post.id} will be retried`);
      }
    }
  }

  /** The takedown job: deletes one sent post; a post already gone counts as taken down. */
  async takeDown(postId: string): Promise<void> {
    const repo = this.dataSource.getRepository(SocialPost);
    const post = await repo.findOneBy({ id: postId });
    if (!post || (post.state !== 'SENT' && post.state !== 'TAKEDOWN_FAILED') || !post.remoteId) return;
    // The account that posted it, or the same account connected again since.
    const opened = await this.accounts.credentialsToTakeDown(post.accountId);
    if (!opened) {
      // Nothing can delete it from here: shown to the PIO (GET /api/reach/social/posts/attention),
      // who deletes it on the network by hand, or reconnects the account and retries.
      await repo.update(
        { id: post.id },
        {
          state: 'TAKEDOWN_FAILED',
          lastError: DISCONNECTED_BEFORE_TAKEDOWN,
        },
      );
      this.logger.warn({ postId: post.id }, 'A post to take down is on a disconnected account');
      return;
    }
    const client = this.clients.get(opened.account.network);
    try {
      await client.delete(opened.credentials, {
        remoteId: post.remoteId,
        remoteCid: post.remoteCid ?? undefined,
        url: post.url ?? '',
      });
      await repo.update(
        { id: post.id },
        { state: 'TAKEN_DOWN', takenDownAt: this.clock.now(), lastError: null },
      );
    } catch (err) {
      const failure = err instanceof SocialNetworkError ? err : null;
      const reason = failureText(err);
      const attempts = post.attempts + 1;
      const renewed = failure?.status === 401 && (await this.accounts.renewAfterRefusal(opened.account.id));
      const final = (!failure?.retryable && !renewed) || attempts >= MAX_TAKEDOWN_ATTEMPTS;
      await repo.update(
        { id: post.id },
        { state: final ? 'TAKEDOWN_FAILED' : 'SENT', attempts, lastError: reason },
      );
      if (!final) throw new Error(`social takedown ${post.id} will be retried`);
    }
  }

  /**
   * Queued or failed posts are never sent; sent ones are deleted by jobs. Each post is decided on
   * under its row lock: one a send job marked SENT meanwhile is deleted, and a send job that finds
   * its post taken down after posting it takes it down itself (send).
   */
  private async takeDownWhere(appealId: string, which: (post: SocialPost) => boolean): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const posts = await tx
        .getRepository(SocialPost)
        .find({ where: { appealId }, lock: { mode: 'pessimistic_write' } });
      for (const post of posts.filter(which)) {
        if (post.state === 'QUEUED' || post.state === 'SENDING' || post.state === 'FAILED')
          await tx
            .getRepository(SocialPost)
            .update({ id: post.id }, { state: 'TAKEN_DOWN', takenDownAt: this.clock.now() });
        else if (post.state === 'SENT' || post.state === 'TAKEDOWN_FAILED') {
          await tx
            .getRepository(SocialPost)
            .update({ id: post.id }, { takedownRequestedAt: this.clock.now() });
          await this.jobs.sendInTransaction(tx, SOCIAL_TAKEDOWN_JOB, { postId: post.id });
        }
      }
    });
  }

  /**
   * The appeal as the public sees it now, or null once it is not on show: withdrawn, or past its
   * expiry (an AMBER alert ends when it says it does; read against the injected clock).
   */
  private async publicNow(appealId: string): Promise<PublicAppeal | null> {
    const appeal = await this.publicAppeals.publicById(appealId);
    if (!appeal) return null;
    if (appeal.expiresAt && new Date(appeal.expiresAt) <= this.clock.now()) return null;
    return appeal;
  }

  /**
   * The expiry sweep (SOCIAL_EXPIRY_JOB, every minute): an appeal whose posts may still be up but
   * that is no longer on show (an AMBER alert past its expiry: no publication says so) has them
   * taken down, as a withdrawal does. A post whose takedown is on its way is not asked for again.
   */
  async sweepExpired(): Promise<number> {
    const rows: { appeal_id: string }[] = await this.dataSource.query(SWEEP_EXPIRED_SQL);
    let swept = 0;
    for (const { appeal_id: appealId } of rows) {
      if (await this.publicNow(appealId)) continue;
      await this.takeDownWhere(appealId, () => true);
      swept++;
    }
    return swept;
  }

  /**
   * The sweep (SOCIAL_EXPIRY_JOB, every minute): posts of appeals no longer on show taken down,
   * then posts left waiting by a process that died sent again.
   */
  async sweep(): Promise<{ expired: number; resent: number }> {
    const expired = await this.sweepExpired();
    return { expired, resent: await this.resendStranded() };
  }

  /**
   * Posts no job will send any more: SENDING under a claim past CLAIM_EXPIRY_MS (the job that
   * claimed it died: a deploy, a restart, a crash; a job run again sooner found the claim still
   * held, left the post to it and ended), or QUEUED that long (their job ended without them).
   * Each is queued again and its lease renewed (claimed_at, so the next sweep leaves it to the new
   * job for as long), with one send job per account and publication, in order, in one transaction.
   * A post the dead job had posted just before dying is posted again: a duplicate the PIO can see
   * and delete beats an appeal that never goes out.
   */
  async resendStranded(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      // One row per account and publication, the oldest first (an appeal before its updates).
      const jobs: { account_id: string; appeal_id: string; publication: string }[] = await tx.query(
        RESEND_STRANDED_SQL,
        [now, new Date(now.getTime() - CLAIM_EXPIRY_MS)],
      );
      for (const job of jobs) {
        this.logger.warn(
          { accountId: job.account_id, appealId: job.appeal_id, publication: job.publication },
          'Social posts left waiting by a job that ended are sent again',
        );
        await this.jobs.sendInTransaction(tx, SOCIAL_SEND_JOB, {
          accountId: job.account_id,
          appealId: job.appeal_id,
          publication: job.publication,
        });
      }
      return jobs.length;
    });
  }

  /** Marks a queued post SENDING for this job (or one whose claim is older than CLAIM_EXPIRY_MS). */
  private async claim(postId: string): Promise<boolean> {
    const now = this.clock.now();
    const [, claimed]: [unknown, number] = await this.dataSource.query(
      `UPDATE social_post SET state = 'SENDING', claimed_at = $2
        WHERE id = $1 AND (state = 'QUEUED' OR (state = 'SENDING' AND claimed_at < $3))`,
      [postId, now, new Date(now.getTime() - CLAIM_EXPIRY_MS)],
    );
    return claimed === 1;
  }

  /**
   * The last post of the appeal's thread on this account still up: the next one answers it. Not one
   * on its way down (a found person's posts, taken down before the outcome is posted).
   */
  private threadParent(accountId: string, appealId: string): Promise<SocialPost | null> {
    return this.dataSource.getRepository(SocialPost).findOne({
      where: { accountId, appealId, state: 'SENT', takedownRequestedAt: IsNull() },
      order: { sentAt: 'DESC', position: 'DESC' },
    });
  }

  private async hasPosts(tx: EntityManager, accountId: string, appealId: string): Promise<boolean> {
    return tx.getRepository(SocialPost).existsBy({ accountId, appealId });
  }

  /** The appeal image's clean rendition (no metadata), made smaller until the network takes it. */
  private async imageFor(post: SocialPost, limits: SocialNetworkLimits): Promise<SocialImage | undefined> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.store.read(`renditions/appeal-images/${post.imageId}/full.jpeg`))
      chunks.push(chunk as Buffer);
    let bytes = Buffer.concat(chunks);
    for (
      let width = 1600;
      bytes.length > limits.maxImageBytes && width >= 400;
      width = Math.round(width * 0.75)
    )
      bytes = await sharp(bytes).resize({ width, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    return { bytes, mimeType: 'image/jpeg', altText: post.altText ?? '' };
  }
}
