import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SocialPostView, SocialPreview } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AppealPreviewService } from '../../../appeals/appeal-preview.service';
import { AuditService, StaffActionRecorder } from '../../../audit/audit.service';
import { AgencyScope } from '../../../common/agency-scope';
import type { StaffActor } from '../../../common/staff-actor';
import { JobQueue } from '../../../jobs/job-queue';
import { SOCIAL_SEND_JOB } from '../../../jobs/job-registry';
import { reachError } from '../../reach.errors';
import { SocialAccount } from '../accounts/social-account.entity';
import { SocialPost } from './social-post.entity';
import { SocialPosting } from './social-posting.service';

/** The desk's side of social posts: the preview before approval, the states after, a retry. */
@Injectable()
export class SocialPostsService {
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appealPreview: AppealPreviewService,
    private readonly posting: SocialPosting,
    private readonly jobs: JobQueue,
    audit: AuditService,
  ) {
    this.record = audit.about('social_post');
  }

  /** The posts approving the revision in review would make, made by the code that will make them. */
  async preview(actor: StaffActor, appealId: string): Promise<SocialPreview> {
    const { appeal } = await this.appealPreview.preview(actor, appealId);
    return { accounts: await this.posting.compose(actor.agencyId, appealId, appeal) };
  }

  async ofAppeal(actor: StaffActor, appealId: string): Promise<SocialPostView[]> {
    const rows: (SocialPost & { network: SocialAccount['network']; handle: string })[] = await this.dataSource
      .getRepository(SocialPost)
      .createQueryBuilder('p')
      .innerJoin(SocialAccount, 'a', 'a.id = p.account_id')
      .select('p')
      .addSelect(['a.network', 'a.handle'])
      .where('p.appeal_id = :appealId AND p.agency_id = :agencyId', { appealId, agencyId: actor.agencyId })
      .orderBy('p.created_at')
      .addOrderBy('a.network')
      .addOrderBy('p.position')
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((e, i) => ({ ...e, network: raw[i].a_network, handle: raw[i].a_handle })),
      );
    return rows.map(view);
  }

  async retry(actor: StaffActor, postId: string): Promise<SocialPostView> {
    const post = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(SocialPost), {
      id: postId,
    });
    if (post.state !== 'FAILED') throw reachError('SOCIAL_POST_NOT_RETRYABLE');
    await this.dataSource.transaction(async (tx) => {
      // Still failed now, not taken down since it was read (a withdrawal, a found person).
      const requeued = await tx
        .getRepository(SocialPost)
        .update({ id: post.id, state: 'FAILED' }, { state: 'QUEUED', attempts: 0 });
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
    const [again] = (await this.ofAppeal(actor, post.appealId)).filter((p) => p.id === post.id);
    return again;
  }
}

function view(p: SocialPost & { network: SocialAccount['network']; handle: string }): SocialPostView {
  return {
    id: p.id,
    network: p.network,
    handle: p.handle,
    publication: p.publication,
    language: p.language,
    text: p.text,
    state: p.state,
    attempts: p.attempts,
    lastError: p.lastError,
    url: p.url,
    sentAt: p.sentAt?.toISOString() ?? null,
    takenDownAt: p.takenDownAt?.toISOString() ?? null,
  };
}
