import type { Environment } from '../../config/environment';

/** The deployment's retention periods (RETENTION_* in the environment), for agencies that set none. */
export class RetentionDefaults {
  constructor(
    readonly notActionableDays: number,
    readonly closedDays: number,
    /** What the social accounts sent and received (reach's archive). */
    readonly socialDays: number,
  ) {}

  static from(
    env: Pick<
      Environment,
      'RETENTION_NOT_ACTIONABLE_DAYS' | 'RETENTION_CLOSED_DAYS' | 'RETENTION_SOCIAL_DAYS'
    >,
  ) {
    return new RetentionDefaults(
      env.RETENTION_NOT_ACTIONABLE_DAYS,
      env.RETENTION_CLOSED_DAYS,
      env.RETENTION_SOCIAL_DAYS,
    );
  }
}
