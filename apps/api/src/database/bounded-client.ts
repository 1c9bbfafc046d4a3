import { AsyncLocalStorage } from 'node:async_hooks';
import type { Socket } from 'node:net';
import { Client, type ClientConfig } from 'pg';

/**
 * How much longer than its statement timeout a query may go unanswered before the server is
 * taken for unresponsive (frozen, or cut off by the network). A live server cancels the statement
 * itself at the statement timeout (SQLSTATE 57014); this margin only has to cover the way back.
 */
export const UNRESPONSIVE_MARGIN_MS = 1_000;

/** A query the server did not answer in time: the connection was given up (see BoundedClient). */
export class DatabaseUnresponsiveError extends Error {
  override readonly name = 'DatabaseUnresponsiveError';
  readonly code = 'DB_UNRESPONSIVE';

  constructor(readonly afterMs: number) {
    super(`The database did not answer within ${afterMs} ms; the connection was dropped`);
  }
}

/** The statement timeout (ms, 0 = none) granted to the work running in this async context. */
const allowance = new AsyncLocalStorage<number>();

/**
 * Runs `work` with its own statement timeout (0 = none) instead of the pool's default: for the
 * long-running paths (migrations, retention, evidence exports, sweeps) that a request's few
 * seconds would cut short. Every query `work` issues through the application's pool, however deep,
 * gets it.
 */
export function withStatementTimeout<T>(ms: number, work: () => T): T {
  return allowance.run(ms, work);
}

type QueryCallback = (err: Error | null, result?: unknown) => void;

/**
 * The pg client of the application's pool. Two bounds so that a request never waits on a
 * database that cannot answer:
 * - the session's `statement_timeout` (the pool's default, or the allowance of
 *   withStatementTimeout, set with SET when it changes), which a live but stuck server enforces;
 * - a deadline of the same plus UNRESPONSIVE_MARGIN_MS on this side, for a server that cannot
 *   enforce anything (frozen, partitioned): the query fails with DatabaseUnresponsiveError and the
 *   connection is dropped, never handed back to the pool with a query still in flight on it.
 */
export class BoundedClient extends Client {
  /** The session's statement_timeout as last set (the startup parameter first). */
  private sessionStatementMs: number;
  private readonly defaultStatementMs: number;

  constructor(config: ClientConfig) {
    super(config);
    this.defaultStatementMs = config.statement_timeout || 0;
    this.sessionStatementMs = this.defaultStatementMs;
    // A connection dropped for not answering ends with an 'error' event after its owner (the pool,
    // TypeORM) may already have let go of it: without a listener of its own, that event would be
    // thrown. The owners' listeners do the reporting.
    this.on('error', () => undefined);
  }

  override query(...args: unknown[]): never {
    const [config] = args as [{ submit?: unknown } | string];
    // Cursors and streams (objects that submit themselves) keep pg's own handling.
    if (typeof config === 'object' && config !== null && typeof config.submit === 'function')
      return (super.query as (...a: unknown[]) => never)(...args);
    const statementMs = allowance.getStore() ?? this.defaultStatementMs;
    if (statementMs !== this.sessionStatementMs) {
      // Sent before the query, on the same connection: pg runs a client's queries in order. It goes
      // outside any transaction (a connection changes hands between transactions), so it lasts.
      this.sessionStatementMs = statementMs;
      (super.query(`SET statement_timeout = ${Math.trunc(statementMs)}`) as Promise<unknown>).catch(
        () => undefined, // the query behind it fails the same way, and reports
      );
    }
    const deadlineMs = statementMs === 0 ? 0 : statementMs + UNRESPONSIVE_MARGIN_MS;
    const run = super.query as (...a: unknown[]) => never;
    if (!deadlineMs) return run.apply(this, args);

    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      // pg-pool's pool.query (pg-boss) passes a callback.
      const callback = args[callbackAt] as QueryCallback;
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        this.giveUp();
        callback(new DatabaseUnresponsiveError(deadlineMs));
      }, deadlineMs);
      args[callbackAt] = (err: Error | null, result?: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        callback(err, result);
      };
      return run.apply(this, args);
    }
    const pending = run.apply(this, args) as Promise<unknown>;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.giveUp();
        reject(new DatabaseUnresponsiveError(deadlineMs));
      }, deadlineMs);
      pending.then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (err) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    }) as never;
  }

  /**
   * Drops the connection: its query may still be running, or stuck, on the other side, and what
   * follows on this connection would queue behind it. Every query still on it fails, and the pool
   * (told by the 'error' event) replaces it.
   */
  private giveUp(): void {
    (this as unknown as { connection?: { stream?: Socket } }).connection?.stream?.destroy();
  }
}
