/** The records a legal hold can keep out of every purge. */
export type HoldableRecord = 'tip' | 'case';

/** `GET`/`POST /api/{tips|cases}/:id/legal-hold`. */
export interface LegalHoldView {
  entityType: HoldableRecord;
  id: string;
  hold: boolean;
  since: string | null;
  by: { id: string; displayName: string } | null;
  reason: string | null;
}

/** `GET`/`PUT /api/records/retention-policy` (ADMIN). */
export interface RetentionPolicyView {
  /** The periods in force, in days. */
  notActionableDays: number;
  closedDays: number;
  /** What the agency's social accounts sent and received (the social archive). */
  socialDays: number;
  /** What the agency chose; null follows the deployment default. */
  agency: { notActionableDays: number | null; closedDays: number | null; socialDays: number | null };
  defaults: { notActionableDays: number; closedDays: number; socialDays: number };
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string } | null;
}
