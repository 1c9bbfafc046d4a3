import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { loggableError, withheldError } from '../common/loggable-error';
import { AppConfig } from '../config/app-config';
import { withStatementTimeout } from '../database/bounded-client';
import { connectionBounds } from '../database/connection-bounds';
import { OutageLog } from '../database/outage-log';
import { catchPgBossCompletions } from './pg-boss-completion';
import { trackPgBossWorkerLoops, workerLoopsEnded } from './pg-boss-worker-loops';
import { JobName, JobPayloads, ScheduledJobName } from './job-registry';

/** How long shutdown waits for running jobs before it lets go of them (they are retried). */
const STOP_GRACE_MS = 15_000;

export interface JobDefinition<N extends JobName> {
  name: N;
  /** Runs one job. Must be safe to run twice: a crash after the work and before the ack repeats it. */
  handle(data: JobPayloads[N]): Promise<void>;
  retryLimit?: number;
  /**
   * How long one run may take before pg-boss counts it failed and retries it (default 15 minutes).
   * Long sweeps set more: a run retried while it still runs would do its work twice at once.
   */
  expireInSeconds?: number;
  /**
   * Statements of this job get DB_LONG_STATEMENT_TIMEOUT_MS instead of DB_STATEMENT_TIMEOUT_MS
   * (sweeps and purges over whole tables).
   */
  longStatements?: boolean;
}

catchPgBossCompletions();
trackPgBossWorkerLoops();

/**
 * Durable jobs on the same Postgres (pg-boss). A job sent inside a transaction exists exactly when
 * the transaction commits, so "tip stored" and "tip will be processed" cannot disagree. Workers
 * run in the API process unless WORKERS=0, and in `npm run worker` processes.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly outage = new OutageLog(this.logger, 'job queue');
  private readonly boss: PgBoss;
  private started?: Promise<PgBoss>;
  private queueChanges: Promise<void> = Promise.resolve();
  /** Handlers running in this process, so shutdown can outlast them (see onApplicationShutdown). */
  private readonly running = new Set<Promise<unknown>>();
  /** This queue's pg-boss workers, so shutdown can wait for their loops (pg-boss-worker-loops.ts). */
  private readonly workerIds = new Set<string>();

  constructor(private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      max: 4,
      application_name: 'vigie-jobs',
      ...connectionBounds(config),
    });
    // Errors of pg-boss's own loops (polling, maintenance, cron, outcomes: pg-boss-completion.ts).
    // A database outage is logged once by kind; pg-boss reconnects through its pool by itself.
    this.boss.on('error', (err) => {
      if (!this.outage.lost(err)) this.logger.error({ err: loggableError(err) }, 'job queue error');
    });
  }

  /** Declares a job type; call from a module's onModuleInit. */
  async define<N extends JobName>(definition: JobDefinition<N>): Promise<void> {
    const boss = await this.start();
    const options = {
      retryLimit: definition.retryLimit ?? 5,
      ...(definition.expireInSeconds ? { expireInSeconds: definition.expireInSeconds } : {}),
      retryDelay: 5,
      retryBackoff: true,
    };
    // createQueue leaves an existing queue as it was: update it, so changed options take effect.
    await this.changeQueues(async () => {
      await boss.createQueue(definition.name, { name: definition.name, ...options });
      await boss.updateQueue(definition.name, { name: definition.name, ...options });
    });
    const workers = this.config.env.WORKERS;
    for (let i = 0; i < workers; i++) {
      const worker = { id: '' };
      worker.id = await boss.work<JobPayloads[N]>(
        definition.name,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          // A failed job's error is stored in pg-boss's table, every field of it: never a query's
          // parameters or a Postgres error's detail (the failing row).
          const run = () => definition.handle(job.data);
          const handled = (
            definition.longStatements
              ? withStatementTimeout(this.config.env.DB_LONG_STATEMENT_TIMEOUT_MS, run)
              : run()
          ).catch((err) => Promise.reject(withheldError(err)));
          this.running.add(handled);
          await handled.finally(() => this.running.delete(handled));
          // pg-boss sleeps out the polling interval after every job, found work or not: one job
          // per worker per half second (4 photos/s on two workers, measured). After a job, the
          // queue likely holds more: fetch again at once; an empty fetch sleeps as usual.
          if (worker.id) boss.notifyWorker(worker.id);
        },
      );
      this.workerIds.add(worker.id);
    }
  }

  /**
   * Runs a defined job on a cron schedule (UTC), or stops it with 'off'. pg-boss keeps the
   * schedule in its own table and sends one job per tick whichever API or worker processes are
   * running (a tick is claimed in the database, so several processes do not each send one), and
   * any process with workers runs it. Upserted: call it on every boot after define(), and a changed
   * setting takes effect on restart.
   */
  async schedule(name: ScheduledJobName, cron: string | 'off'): Promise<void> {
    const boss = await this.start();
    await this.changeQueues(() =>
      cron === 'off' ? boss.unschedule(name) : boss.schedule(name, cron, {}, { tz: 'UTC' }),
    );
    this.logger.log({ job: name, cron }, 'job schedule');
  }

  /** Enqueues in the caller's transaction: the job is created if and only if the transaction commits. */
  async sendInTransaction<N extends JobName>(
    tx: EntityManager,
    name: N,
    data: JobPayloads[N],
  ): Promise<void> {
    const boss = await this.start();
    await boss.send(name, data, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) },
    });
  }

  /**
   * Enqueues many jobs of one name in the caller's transaction, in one statement (a fan-out's
   * hundred batches are one round trip, not a hundred), with the queue's retry settings.
   */
  async sendManyInTransaction<N extends JobName>(
    tx: EntityManager,
    name: N,
    data: JobPayloads[N][],
  ): Promise<void> {
    if (data.length === 0) return;
    const boss = await this.start();
    await boss.insert(
      data.map((d) => ({ name, data: d })),
      {
        db: {
          executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }),
        },
      },
    );
  }

  /**
   * pg-boss's own statement that enqueues this job, its parameters numbered from `$first`, for a
   * caller to run as a part (a WITH query) of a statement of its own: the row and its job are then
   * written by one statement, in one round trip, and exist together or not at all, as with
   * sendInTransaction.
   */
  async sendStatement<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    first: number,
  ): Promise<{ sql: string; parameters: unknown[] }> {
    let statement: { sql: string; parameters: unknown[] } | undefined;
    await (
      await this.start()
    ).send(name, data, {
      db: {
        executeSql: async (text: string, values: unknown[]) => {
          // pg-boss's statement holds no $ but its parameters' ($1 to $19).
          const sql = text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + first - 1}`);
          statement = { sql, parameters: values };
          return { rows: [{ id: null }] };
        },
      },
    });
    if (!statement) throw new Error(`pg-boss wrote no statement for ${name}`);
    return statement;
  }

  /**
   * The jobs of this name that failed and wait for their next try, with when pg-boss runs them again
   * (its own choice: a growing wait with jitter), among those whose payload holds one of `matching`:
   * for the desk to say when a failure may pass. A job running now, or given up, is not waiting.
   */
  async retriesOf<N extends JobName>(
    name: N,
    matching: Partial<JobPayloads[N]>[],
  ): Promise<{ data: JobPayloads[N]; at: Date }[]> {
    if (matching.length === 0) return [];
    const { rows } = await (
      await this.start()
    )
      .getDb()
      .executeSql(
        `SELECT data, start_after AS at FROM pgboss.job WHERE name = $1 AND state = 'retry' AND data @> ANY($2::jsonb[])`,
        [name, matching.map((part) => JSON.stringify(part))],
      );
    return (rows as { data: JobPayloads[N]; at: Date | string }[]).map((row) => ({
      data: row.data,
      at: new Date(row.at),
    }));
  }

  async send<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void> {
    await (await this.start()).send(name, data);
  }

  /** Waits until no job of this name is waiting or running (for tests, benchmarks and the CLI). */
  async drain(name: JobName, timeoutMs = 60_000): Promise<void> {
    const boss = await this.start();
    const deadline = Date.now() + timeoutMs;
    while ((await boss.getQueueSize(name, { before: 'completed' })) > 0) {
      if (Date.now() > deadline) throw new Error(`Queue ${name} not drained in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, timeout: STOP_GRACE_MS });
    // pg-boss stops waiting after the grace period and closes its pool while a handler may still
    // run (an ffmpeg on a loaded machine), or while a worker is still inside a fetch. Such a handler
    // fails fast without its pool: wait for it, then for every worker's loop to end, so nothing of
    // pg-boss outlives the app (in Jest, its Manager's leftover poll crashes the next test file).
    if (this.running.size > 0) {
      const bound = new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref());
      await Promise.race([Promise.allSettled([...this.running]), bound]);
    }
    await workerLoopsEnded(this.workerIds, STOP_GRACE_MS);
  }

  /**
   * Creating a queue is DDL (a partition of pgboss.job, with foreign keys to pgboss.queue), and
   * two created at once deadlock each other: modules define their jobs in parallel at boot, so
   * changes to queues and schedules go one at a time here. Across processes starting together on
   * a new database, Postgres breaks such a deadlock by failing one side; that side tries again
   * (both operations are upserts).
   */
  private changeQueues(change: () => Promise<unknown>): Promise<void> {
    const attempt = async (tries: number): Promise<void> => {
      try {
        await change();
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01' || tries >= 3) throw err;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
        await attempt(tries + 1);
      }
    };
    const next = this.queueChanges.then(() => attempt(1));
    this.queueChanges = next.catch(() => undefined);
    return next;
  }

  private start(): Promise<PgBoss> {
    this.started ??= this.boss.start();
    return this.started;
  }
}
