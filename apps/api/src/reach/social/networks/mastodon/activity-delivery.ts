import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../../common/clock';
import { InternalAddressError } from '../../../../common/public-http';
import { JobQueue } from '../../../../jobs/job-queue';
import { ACTIVITYPUB_DELIVER_JOB } from '../../../../jobs/job-registry';
import { ACTIVITY_JSON, FederationUrls, type ActivityDocument } from './activity-documents';
import { ActivityPubStore } from './activitypub-store';
import { signedHeaders } from './http-signatures';
import { RemoteActors } from './remote-actors';
import { AppConfig } from '../../../../config/app-config';

/** How long an inbox may take to answer a delivery (tests set less). */
export const DELIVERY_TIMEOUT_MS = Symbol('DELIVERY_TIMEOUT_MS');

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
    @Optional() @Inject(DELIVERY_TIMEOUT_MS) private readonly timeoutMs: number = 15_000,
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

  /** Queues the activity for each of these inboxes, in the transaction that made it when given one. */
  async send(
    actorId: string,
    inboxes: string[],
    activity: ActivityDocument,
    tx?: EntityManager,
  ): Promise<void> {
    for (const inbox of inboxes) {
      const data = { actorId, inbox, activity };
      if (tx) await this.jobs.sendInTransaction(tx, ACTIVITYPUB_DELIVER_JOB, data);
      else await this.jobs.send(ACTIVITYPUB_DELIVER_JOB, data);
    }
  }

  async deliver(actorId: string, inbox: string, activity: ActivityDocument): Promise<void> {
    const actor = await this.store.actorById(actorId);
    if (!actor || !this.remote.allowed(inbox)) return;
    const body = JSON.stringify(activity);
    const key = {
      keyId: this.urls.keyId(actor.username),
      privateKeyPem: await this.store.privateKeyPem(actor.id),
    };
    let status: number;
    try {
      status = await this.remote.deliver(
        inbox,
        {
          'content-type': ACTIVITY_JSON,
          accept: ACTIVITY_JSON,
          ...(await signedHeaders(inbox, 'POST', key, this.clock.now(), body)),
        },
        body,
        this.timeoutMs,
      );
    } catch (err) {
      if (!(err instanceof InternalAddressError)) throw err;
      // Its name resolves to an address of ours (or the agency's network): never called, given up.
      this.logger.warn({ type: activity.type }, 'An inbox resolves to an internal address: given up');
      return;
    }
    if (status >= 200 && status < 300) return;
    const final = status >= 400 && status < 500 && status !== 408 && status !== 429;
    if (final) {
      this.logger.warn({ type: activity.type, status }, 'An inbox refused an activity: given up');
      return;
    }
    throw new Error(`The inbox answered ${status}; the delivery will be retried`);
  }
}
