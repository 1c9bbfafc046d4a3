import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { DataSource, EntityManager } from 'typeorm';
import { loggableError } from '../common/loggable-error';
import { SESSION_REVOKED_CHANNEL } from '../common/staff-actor';
import { OutageLog } from '../database/outage-log';
import { PgListener } from '../database/pg-listener';

export interface LiveEvent {
  id: string;
  agencyId: string;
  type: string;
  data: Record<string, unknown>;
}

const CHANNEL = 'vigie_live';
const KEEP_HOURS = 24;
/** Events held for a retry while the database is away; beyond, the oldest are dropped (the inbox still lists the tips). */
const MAX_HELD_EVENTS = 10_000;

/**
 * What the desk sees change live (new tips, status changes, messages, claims). An event is
 * written in the same transaction as the change it reports, then announced with NOTIFY, so every
 * API process hears about it once it is committed, and a desk that lost its connection can ask
 * for everything after the last id it saw.
 */
@Injectable()
export class LiveEvents implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly logger = new Logger(LiveEvents.name);
  private readonly outage = new OutageLog(this.logger, 'live events');
  private pruner?: NodeJS.Timeout;
  private readonly queued: { agencyId: string; type: string; data: Record<string, unknown> }[] = [];
  private flushTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listener: PgListener,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listener.listen(CHANNEL, (payload) => {
      if (payload) this.local.emit('event', JSON.parse(payload) as LiveEvent);
      else this.local.emit('gap'); // the LISTEN connection was lost: subscribers must catch up from the table
    });
    // A session ended (sign-out, disabled account, reset, revoked by an admin) in any API process:
    // its open streams close now rather than at their next heartbeat.
    await this.listener.listen(SESSION_REVOKED_CHANNEL, (sessionHash) => {
      if (sessionHash) this.local.emit(`session-ended:${sessionHash}`);
    });
    this.pruner = setInterval(
      () => void this.prune().catch((err) => this.outage.lost(err) || this.logger.warn('prune failed')),
      3_600_000,
    ).unref();
  }

  /** Calls `end` once the session with this token hash is revoked; returns the unsubscribe. */
  onSessionEnded(sessionHash: string, end: () => void): () => void {
    const name = `session-ended:${sessionHash}`;
    this.local.once(name, end);
    return () => this.local.off(name, end);
  }

  /** Open streams never end on their own; close them so that shutdown can drain the server. */
  beforeApplicationShutdown(): void {
    this.local.emit('shutdown');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pruner);
    clearTimeout(this.flushTimer);
    await this.flushing;
    await this.flush();
  }

  /**
   * For the high-volume path (a tip received during a surge): records the event after the
   * caller's commit, batched with others every few milliseconds, so thousands of intakes a second
   * do not queue one by one behind the agency's ordering lock. If the process dies before the
   * flush, the event is lost but the tip is not: the inbox shows it on its next load.
   */
  queue(agencyId: string, type: string, data: Record<string, unknown>): void {
    this.queued.push({ agencyId, type, data });
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, 10);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush());
    const batch = this.queued.splice(0);
    if (batch.length === 0) return;
    const agencies = [...new Set(batch.map((e) => e.agencyId))].sort();
    const ofAgency = (agencyId: string) => batch.filter((b) => b.agencyId === agencyId);
    // One agency's events (a surge's, nearly always) are one statement, its own transaction; several
    // agencies' commit together, each locked in turn in a fixed order.
    this.flushing = (
      agencies.length === 1
        ? this.emitAll(this.dataSource, agencies[0], batch)
        : this.dataSource.transaction(async (tx) => {
            for (const agencyId of agencies) await this.emitAll(tx, agencyId, ofAgency(agencyId));
          })
    )
      .catch((err) => {
        if (!this.outage.lost(err)) {
          this.logger.warn({ err: loggableError(err) }, 'live events not recorded');
          return;
        }
        // The database is away: keep the batch (within bounds) and try again shortly, so the
        // desks hear of the tips taken just before the outage once it is over.
        const room = Math.max(0, MAX_HELD_EVENTS - this.queued.length);
        if (room > 0) this.queued.unshift(...batch.slice(-room));
        if (this.stopped) return;
        this.flushTimer ??= setTimeout(() => {
          this.flushTimer = undefined;
          void this.flush();
        }, 1_000);
      })
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Records an event inside the caller's transaction; delivered live when it commits. */
  async emit(
    tx: EntityManager,
    agencyId: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.emitAll(tx, agencyId, [{ type, data }]);
  }

  /**
   * Records events of one agency, in order, and announces each, in one round trip (three per event
   * before; a surge's batches hold a few tips each). Ids are drawn in INSERT order but become
   * visible in COMMIT order: holding the agency's lock until the commit makes the two the same
   * within an agency, so a desk resuming after id N can never miss a lower id that committed later.
   * (Call it last in a transaction: it holds the lock.)
   */
  private async emitAll(
    db: Pick<EntityManager, 'query'>,
    agencyId: string,
    events: { type: string; data: Record<string, unknown> }[],
  ): Promise<void> {
    // The lock is taken before any id is drawn, since each row to insert joins it. pg_notify is volatile, so
    // Postgres calls it after the sort: the announcements go out in id order.
    await db.query(
      `WITH locked AS (SELECT pg_advisory_xact_lock(hashtext($5))),
       added AS (
         INSERT INTO live_event (agency_id, type, data)
         SELECT $1::uuid, e.type, e.data
           FROM locked, unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS e(type, data, n)
          ORDER BY e.n
         RETURNING id, agency_id, type, data
       )
       SELECT pg_notify($4, json_build_object('id', id::text, 'agencyId', agency_id, 'type', type, 'data', data)::text)
         FROM added ORDER BY id`,
      [
        agencyId,
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        CHANNEL,
        `live:${agencyId}`,
      ],
    );
  }

  /** Events of one agency after `afterId`, oldest first (for a reconnecting desk). */
  async since(agencyId: string, afterId: string, limit = 1000): Promise<LiveEvent[]> {
    // `ORDER BY live_event.id`, not `ORDER BY id`: that names the text output column, which sorted
    // "100" before "99", so a desk catching up across a power of ten was sent 100 first and then
    // dropped 99 and the rest as already seen (the "ids went back" of the database kill runs).
    const rows = await this.dataSource.query(
      `SELECT id::text, agency_id, type, data FROM live_event
        WHERE agency_id = $1 AND id > $2 ORDER BY live_event.id LIMIT $3`,
      [agencyId, afterId, limit],
    );
    return rows.map((r: { id: string; agency_id: string; type: string; data: Record<string, unknown> }) => ({
      id: r.id,
      agencyId: r.agency_id,
      type: r.type,
      data: r.data,
    }));
  }

  subscribe(handlers: { event: (e: LiveEvent) => void; gap: () => void; shutdown: () => void }): () => void {
    for (const [name, handler] of Object.entries(handlers)) this.local.on(name, handler);
    return () => {
      for (const [name, handler] of Object.entries(handlers)) this.local.off(name, handler);
    };
  }

  private prune(): Promise<unknown> {
    return this.dataSource.query(
      `DELETE FROM live_event WHERE created_at < now() - make_interval(hours => $1)`,
      [KEEP_HOURS],
    );
  }
}
