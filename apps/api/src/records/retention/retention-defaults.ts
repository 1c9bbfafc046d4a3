import type { Environment } from '../../config/environment';

/** The deployment's retention periods (RETENTION_* in the environment), for agencies that set none. */
export class RetentionDefaults {
  constructor(
    readonly notActionableDays: number,
    readonly closedDays: number,
  ) {}

  static from(env: Pick<Environment, 'RETENTION_NOT_ACTIONABLE_DAYS' | 'RETENTION_CLOSED_DAYS'>) {
    return new RetentionDefaults(env.RETENTION_NOT_ACTIONABLE_DAYS, env.RETENTION_CLOSED_DAYS);
  }
}
