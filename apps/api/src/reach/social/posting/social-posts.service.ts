import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppealOutcome,
  SocialAttentionCount,
  SocialAttentionPost,
  SocialPostView,
  SocialPreview,
} from '@vigie/common';
import { DataSource } from 'typeorm';
import { AppealDeskService } from '../../../appeals/appeal-desk.service';
import { AppealPreviewService } from '../../../appeals/appeal-preview.service';
import { AuditService, StaffActionRecorder } from '../../../audit/audit.service';
import { AgencyScope } from '../../../common/agency-scope';
import type { StaffActor } from '../../../common/staff-actor';
import { JobQueue } from '../../../jobs/job-queue';
import { SOCIAL_SEND_JOB, SOCIAL_TAKEDOWN_JOB } from '../../../jobs/job-registry';
import { Clock } from '../../../common/clock';
import { reachError } from '../../reach.errors';
import { SocialAccount } from '../accounts/social-account.entity';
import { SocialPost } from './social-post.entity';
import { failureOf } from './post-failure';
import { PLANNED, SocialPosting } from './social-posting.service';

/**
 * How many posts the attention list holds for an agency ($1), for the desk's navigation: the same
 * condition as `attention`, in two parts each read through an index (failed posts and takedowns
 * through `social_post_attention`; posts still up, by disconnected account, through `social_post_up`,
 * scoped by the account's agency, which is its posts'), never the agency's whole history of posts.
 */
export const ATTENTION_COUNT_SQL = `
  SELECT (SELECT count(*) FROM social_post
           WHERE agency_id = $1 AND state IN ('FAILED', 'TAKEDOWN_FAILED'))
       + (SELECT count(*) FROM social_account a JOIN social_post p ON p.account_id = a.id
           WHERE a.agency_id = $1 AND a.disconnected_at IS NOT NULL AND p.state = 'SENT') AS count`;

/** The desk's side of social posts: the preview before approval, the states after, what needs the PIO, a retry. */
@Injectable()
export class SocialPostsService {
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appealPreview: AppealPreviewService,
    private readonly appealDesk: AppealDeskService,
    private readonly posting: SocialPosting,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    audit: AuditService,
  ) {
    this.record = audit.about('social_post');
  }

  /** The posts approving the revision in review would make, made by the code that will make them. */
  async preview(actor: StaffActor, appealId: string): Promise<SocialPreview> {
    const { appeal } = await this.appealPreview.preview(actor, appealId);
    return this.posting.preview(actor.agencyId, appealId, appeal, PLANNED.approval());
  }

  /** The posts approving an update or rumour correction in review would make, under the appeal's thread. */
  async updatePreview(actor: StaffActor, appealId: string, updateId: string): Promise<SocialPreview> {
    const { appeal, update } = await this.appealPreview.pendingUpdate(actor, appealId, updateId);
    return this.posting.preview(actor.agencyId, appealId, appeal, PLANNED.update(update));
  }

  /** The posts resolving the appeal with this outcome would make (and the posts it takes down first). */
  async resolutionPreview(
    actor: StaffActor,
    appealId: string,
    outcome: AppealOutcome,
  ): Promise<SocialPreview> {
    const appeal = await this.appealPreview.pendingResolution(actor, appealId, outcome);
    return this.posting.preview(actor.agencyId, appealId, appeal, PLANNED.resolution());
  }

  async ofAppeal(actor: StaffActor, appealId: string): Promise<SocialPostView[]> {
    return this.views(actor, 'p.appeal_id = :appealId', { appealId });
  }

  /**
   * What the PIO must act on, every appeal at once: posts that failed, takedowns that failed, and
   * posts still up on an account since disconnected (Vigie can no longer take those down).
   */
  async attention(actor: StaffActor): Promise<SocialAttentionPost[]> {
    const posts = await this.views(
      actor,
      `(p.state IN ('FAILED', 'TAKEDOWN_FAILED') OR (p.state = 'SENT' AND a.disconnected_at IS NOT NULL))`,
      {},
    );
    // The appeal each belongs to, as the desk names it (its published title, else its draft's).
    const appeals = new Map(
      (await this.appealDesk.byIds(actor, [...new Set(posts.map((p) => p.appealId))])).map((a) => [a.id, a]),
    );
    return posts.flatMap((post) => {
      const appeal = appeals.get(post.appealId);
      if (!appeal) return [];
      const update = post.publication.startsWith('UPDATE:')
        ? appeal.updates.find((u) => `UPDATE:${u.id}` === post.publication)
        : undefined;
      return [
        {
          ...post,
          appeal: {
            id: appeal.id,
            kind: appeal.kind,
            status: appeal.status,
            title: (appeal.live?.content ?? appeal.draft)?.title ?? {},
          },
          update: update ? { kind: update.kind, publishedAt: update.publishedAt ?? null } : null,
        },
      ];
    });
  }

  /** How many posts `attention` lists, cheaply: the navigation asks every minute, on every PIO's desk. */
  async attentionCount(actor: StaffActor): Promise<SocialAttentionCount> {
    const [row] = await this.dataSource.query<{ count: string }[]>(ATTENTION_COUNT_SQL, [actor.agencyId]);
    return { count: Number(row.count) };
  }

  private views(
    actor: StaffActor,
    where: string,
    params: Record<string, unknown>,
  ): Promise<SocialPostView[]> {
    return this.dataSource
      .getRepository(SocialPost)
      .createQueryBuilder('p')
      .innerJoin(SocialAccount, 'a', 'a.id = p.account_id')
      .select('p')
      .addSelect(['a.network', 'a.handle'])
      .addSelect('a.disconnected_at', 'a_disconnected_at')
      .where(`p.agency_id = :agencyId AND ${where}`, { ...params, agencyId: actor.agencyId })
      .orderBy('p.created_at')
      .addOrderBy('a.network')
      .addOrderBy('p.position')
      .getRawAndEntities()
      .then(async ({ entities, raw }) => {
        const nextTries = await this.nextTries(entities);
        return entities.map((e, i) =>
          view({
            ...e,
            network: raw[i].a_network,
            handle: raw[i].a_handle,
            accountConnected: raw[i].a_disconnected_at === null,
            nextTryAt: nextTries.get(e.id) ?? null,
          }),
        );
      });
  }

  /**
   * When the queue tries again the posts whose last send or takedown failed and will be retried (a
   * 503, no answer): asked of the queue, which chose the moment; none for posts not waiting on it.
   */
  private async nextTries(posts: SocialPost[]): Promise<Map<string, Date>> {
    const failedOnce = posts.filter((p) => p.lastError !== null);
    const sends = failedOnce.filter((p) => p.state === 'QUEUED');
    const takedowns = failedOnce.filter((p) => p.state === 'SENT' && p.takedownRequestedAt !== null);
    if (sends.length === 0 && takedowns.length === 0) return new Map();
    const sendOf = (p: SocialPost) => ({
      accountId: p.accountId,
      appealId: p.appealId,
      publication: p.publication,
    });
    const [sendJobs, takedownJobs] = await Promise.all([
      this.jobs.retriesOf(SOCIAL_SEND_JOB, sends.map(sendOf)),
      this.jobs.retriesOf(
        SOCIAL_TAKEDOWN_JOB,
        takedowns.map((p) => ({ postId: p.id })),
      ),
    ]);
    const at = new Map<string, Date>();
    const earliest = (postId: string, when: Date) => {
      const known = at.get(postId);
      if (!known || when < known) at.set(postId, when);
    };
    for (const post of sends)
      for (const job of sendJobs)
        if (
          job.data.accountId === post.accountId &&
          job.data.appealId === post.appealId &&
          job.data.publication === post.publication
        )
          earliest(post.id, job.at);
    for (const job of takedownJobs) earliest(job.data.postId, job.at);
    return at;
  }

  /**
   * A failed post is sent again; a failed takedown is tried again (once the account is connected
   * again, or the network answers). Either only while still failed, and audited.
   */
  async retry(actor: StaffActor, postId: string): Promise<SocialPostView> {
    const post = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(SocialPost), {
      id: postId,
    });
    if (post.state !== 'FAILED' && post.state !== 'TAKEDOWN_FAILED')
      throw reachError('SOCIAL_POST_NOT_RETRYABLE');
    await this.dataSource.transaction(async (tx) => {
      const posts = tx.getRepository(SocialPost);
      if (post.state === 'TAKEDOWN_FAILED') {
        // Up, its takedown asked for again: SENT with takedownRequestedAt, as any takedown on its
        // way (not still TAKEDOWN_FAILED, which would say it failed while it is being tried again).
        const again = await posts.update(
          { id: post.id, state: 'TAKEDOWN_FAILED' },
          { state: 'SENT', attempts: 0, takedownRequestedAt: this.clock.now() },
        );
        if (!again.affected) throw reachError('SOCIAL_POST_NOT_RETRYABLE');
        await this.jobs.sendInTransaction(tx, SOCIAL_TAKEDOWN_JOB, { postId: post.id });
        await this.record(tx, actor, post.id, 'reach.social_takedown_retried', {
          appealId: post.appealId,
          publication: post.publication,
        });
        return;
      }
      // Still failed now, not taken down since it was read (a withdrawal, a found person).
      const requeued = await posts.update({ id: post.id, state: 'FAILED' }, { state: 'QUEUED', attempts: 0 });
      if (!requeued.affected) throw reachError('SOCIAL_POST_NOT_RETRYABLE');
      await this.jobs.sendInTransaction(tx, SOCIAL_SEND_JOB, {
        accountId: post.accountId,
        appealId: post.appealId,
        publication: post.publication,
      });
      await this.record(tx, actor, post.id, 'reach.social_post_retried', {
        appealId: post.appealId,
        publication: post.publication,
      });
    });
    const [again] = await this.views(actor, 'p.id = :postId', { postId: post.id });
    return again;
  }
}

function view(
  p: SocialPost & {
    network: SocialAccount['network'];
    handle: string;
    accountConnected: boolean;
    nextTryAt: Date | null;
  },
): SocialPostView {
  return {
    id: p.id,
    appealId: p.appealId,
    network: p.network,
    handle: p.handle,
    accountConnected: p.accountConnected,
    publication: p.publication,
    language: p.language,
    text: p.text,
    state: p.state,
    attempts: p.attempts,
    lastError: p.lastError,
    failure: failureOf(p.lastError),
    url: p.url,
    sentAt: p.sentAt?.toISOString() ?? null,
    takenDownAt: p.takenDownAt?.toISOString() ?? null,
    takedownRequestedAt: p.state === 'SENT' ? (p.takedownRequestedAt?.toISOString() ?? null) : null,
    nextTryAt: p.nextTryAt?.toISOString() ?? null,
  };
}
