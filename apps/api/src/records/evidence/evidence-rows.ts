/** Raw rows of the collector's queries, as Postgres returns them (snake_case). */
export interface HoldColumns {
  legal_hold: boolean;
  legal_hold_at: Date | null;
  legal_hold_reason: string | null;
  legal_hold_by_name: string | null;
}
export interface TipRow extends HoldColumns {
  id: string;
  code: string;
  received_at: Date;
  status: string;
  priority: string;
  language: string;
  description: string;
  occurred_from: Date | null;
  occurred_to: Date | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  accuracy_m: number | null;
  tags: string[];
  appeal_id: string | null;
  appeal_slug: string | null;
  appeal_title: unknown;
  assignee_name: string | null;
  contact_sealed: string | null;
}
export interface CaseRow extends HoldColumns {
  id: string;
  number: string;
  title: string;
  status: string;
  created_at: Date;
  lead_name: string | null;
}
/** One member of an open cluster, with the cluster's own columns repeated (one snapshot). */
export interface ClusterMemberRow {
  primary_tip_id: string;
  created_at: Date;
  created_by_name: string | null;
  tip_id: string;
  added_at: Date;
  added_by_name: string | null;
}
export interface ChildRow {
  id: string;
  tip_id: string;
  created_at: Date;
  display_name: string | null;
}
export interface MediaRow {
  id: string;
  tip_id: string;
  kind: string;
  mime: string;
  bytes: string;
  sha256: string;
  from_tipster_at: Date;
  evidence: unknown;
}
export interface MessageRow extends ChildRow {
  author: string;
  body: string;
}
export interface NoteRow extends ChildRow {
  body: string;
}
export interface TipCaseRow {
  tip_id: string;
  id: string;
  number: string;
  title: string;
}
export interface ClaimRow {
  tip_id: string;
  status: string;
  created_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
  payment_reference: string | null;
}
export interface AuditRow {
  id: string;
  chain: string;
  agency_id: string | null;
  actor_id: string | null;
  display_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  data: unknown;
  created_at: Date;
  prev_hash: string;
  hash: string;
}
