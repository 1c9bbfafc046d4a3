import { Logger } from '@nestjs/common';
import { loggableError } from '../common/loggable-error';
import { databaseUnavailableKind } from './database-unavailable';

/** A kind already reported is reported again, with how often it recurred, after this long. */
const REPEAT_AFTER_MS = 60_000;

interface Reported {
  at: number;
  repeats: number;
}

/**
 * Logs a database outage as it is seen from one place (the job queue, the listener, the pool,
 * requests): the first failure of each kind once, then at most once a minute with a count, and
 * the return once. Dozens of workers polling a database that is down would otherwise write a line
 * each every half second. Only the error's kind and code go out (loggableError), never a value.
 */
export class OutageLog {
  private readonly reported = new Map<string, Reported>();

  constructor(
    private readonly logger: Logger,
    private readonly source: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reports a failure; returns false when it is not the database being unavailable. */
  lost(error: unknown): boolean {
    const kind = databaseUnavailableKind(error);
    if (!kind) return false;
    const seen = this.reported.get(kind);
    const now = this.now();
    if (seen && now - seen.at < REPEAT_AFTER_MS) {
      seen.repeats++;
      return true;
    }
    this.reported.set(kind, { at: now, repeats: 0 });
    this.logger.warn(
      { source: this.source, kind, repeats: seen?.repeats ?? 0, err: loggableError(error) },
      `${this.source}: database unavailable (${kind})`,
    );
    return true;
  }

  /** The database answered again. */
  restored(): void {
    if (this.reported.size === 0) return;
    const kinds = [...this.reported.keys()];
    this.reported.clear();
    this.logger.log({ source: this.source, kinds }, `${this.source}: database reachable again`);
  }
}
