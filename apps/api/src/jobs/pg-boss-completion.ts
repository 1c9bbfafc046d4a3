import type { EventEmitter } from 'node:events';
import { isDatabaseUnavailable } from '../database/database-unavailable';

type Completion = (this: EventEmitter, ...args: unknown[]) => Promise<unknown>;

/** How long to keep trying to record a job's outcome while the database is away (then it expires and reruns). */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000];
const PATCHED = Symbol.for('vigie.pgBossCompletion');

/**
 * pg-boss 10 records a worker's outcome without waiting for it: in Manager.watch (src/manager.js),
 * `this.complete(name, jobIds, result)` after the handler, `this.fail(name, jobIds, err)` after an
 * error, neither awaited nor caught. When the database is away at that moment (a restart, a crash)
 * the rejection is unhandled, and Node ends the process: the API died once in nine runs of a
 * database kill under load. pg-boss's own cron worker does the same.
 *
 * Here both methods keep their behaviour for callers that await them, and also catch what no one
 * awaits: the failure goes to pg-boss's 'error' event (logged by JobQueue, once by kind), and an
 * outcome lost to an outage is recorded again once the database is back, so the job is not run
 * twice for nothing (were it never recorded, the job expires and runs again: jobs are idempotent).
 */
export function catchPgBossCompletions(): void {
  // pg-boss ships no types for its internals; this is its source file (10.4). Should a release move or
  // rename it, the start fails here rather than the fix silently doing nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Manager = require('pg-boss/src/manager') as { prototype: Record<string | symbol, unknown> };
  const proto = Manager.prototype;
  if (proto[PATCHED]) return;
  for (const name of ['complete', 'fail']) {
    const original = proto[name] as Completion | undefined;
    if (typeof original !== 'function')
      throw new Error(`pg-boss's Manager.${name} is gone: review apps/api/src/jobs/pg-boss-completion.ts`);
    proto[name] = function (this: EventEmitter, ...args: unknown[]) {
      const outcome = original.apply(this, args);
      outcome.catch((err: unknown) => {
        this.emit('error', err);
        if (isDatabaseUnavailable(err)) recordLater(this, original, args, 0);
      });
      return outcome;
    };
  }
  proto[PATCHED] = true;
}

function recordLater(manager: EventEmitter, record: Completion, args: unknown[], attempt: number): void {
  if (attempt >= RETRY_DELAYS_MS.length) return;
  setTimeout(() => {
    // A stopped queue has closed its pool: nothing more to record.
    if ((manager as { stopped?: boolean }).stopped) return;
    record.apply(manager, args).catch((err: unknown) => {
      manager.emit('error', err);
      if (isDatabaseUnavailable(err)) recordLater(manager, record, args, attempt + 1);
    });
  }, RETRY_DELAYS_MS[attempt]).unref();
}
