import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../../../common/clock';
import { JobQueue } from '../../../../jobs/job-queue';
import { ACTIVITYPUB_DELIVER_JOB } from '../../../../jobs/job-registry';
import { ACTIVITY_JSON, FederationUrls, type ActivityDocument } from './activity-documents';
import { ActivityPubStore } from './activitypub-store';
import { signedHeaders } from './http-signatures';
import { RemoteActors } from './remote-actors';
import { AppConfig } from '../../../../config/app-config';

const TIMEOUT_MS = 15_000;

/**
 * Sends the actor's activities to inboxes, one job per inbox, so a follower's server that is down
 * delays only its own copy (pg-boss retries it with backoff) and a post is never sent twice to the
 * rest. An inbox that refuses for good (4xx other than 408 and 429) is given up on. Logs carry the
 * status and the activity's type, never the inbox's address or what it said.
 */
@Injectable()
export class ActivityDelivery implements OnModuleInit {
  private readonly logger = new Logger(ActivityDelivery.name);
  private readonly urls: FederationUrls;

  constructor(
    private readonly jobs: JobQueue,
    private readonly store: ActivityPubStore,
    private readonly remote: RemoteActors,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.urls = new FederationUrls(config.publicUrl);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: ACTIVITYPUB_DELIVER_JOB,
      retryLimit: 8,
      handle: ({ actorId, inbox, activity }) => this.deliver(actorId, inbox, activity),
    });
  }

  /** Queues the activity for each of these inboxes. */
  async send(actorId: string, inboxes: string[], activity: ActivityDocument): Promise<void> {
    for (const inbox of inboxes) await this.jobs.send(ACTIVITYPUB_DELIVER_JOB, { actorId, inbox, activity });
  }

  async deliver(actorId: string, inbox: string, activity: ActivityDocument): Promise<void> {
    const actor = await this.store.actorById(actorId);
    if (!actor || !this.remote.allowed(inbox)) return;
    const body = JSON.stringify(activity);
    const key = {
      keyId: this.urls.keyId(actor.username),
      privateKeyPem: await this.store.privateKeyPem(actor.id),
    };
    const response = await fetch(inbox, {
      method: 'POST',
      headers: {
        'content-type': ACTIVITY_JSON,
        accept: ACTIVITY_JSON,
        ...(await signedHeaders(inbox, 'POST', key, this.clock.now(), body)),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return;
    const final =
      response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    if (final) {
      this.logger.warn(
        { type: activity.type, status: response.status },
        'An inbox refused an activity: given up',
      );
      return;
    }
    throw new Error(`The inbox answered ${response.status}; the delivery will be retried`);
  }
}
