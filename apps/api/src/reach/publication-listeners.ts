import { Injectable } from '@nestjs/common';
import type { AppealPublication } from '../jobs/job-registry';

/**
 * One way reach acts on a publication: alerts to subscribers, posts on a network. Called from a
 * job that runs again after any failure, so a listener must be safe to run twice for the same
 * publication (keep a row per publication and recipient or account, and skip what was done).
 */
export interface PublicationListener {
  /** Names the listener in logs. */
  readonly name: string;
  onPublication(publication: AppealPublication): Promise<void>;
}

/**
 * The listeners reach's parts register on start (each calls `register` in its onModuleInit), so
 * the job that receives appeals' publications does not import them and a new part plugs in alone.
 */
@Injectable()
export class PublicationListeners {
  private readonly listeners: PublicationListener[] = [];

  register(listener: PublicationListener): void {
    this.listeners.push(listener);
  }

  all(): readonly PublicationListener[] {
    return this.listeners;
  }
}
