import { Injectable } from '@nestjs/common';

/**
 * The current moment, for every rule that depends on it (a tip's arrival, from which the clock a
 * tipster wrote is read; expiries; retention). Injected, so a test sets the moment instead of
 * depending on when it runs: `app.get(Clock).set(...)` (tests/support/test-app.ts).
 */
@Injectable()
export class Clock {
  private fixed?: Date;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: stops the clock at a moment; `undefined` lets it run again. */
  set(moment: Date | string | undefined): void {
    this.fixed = moment === undefined ? undefined : new Date(moment);
  }
}
