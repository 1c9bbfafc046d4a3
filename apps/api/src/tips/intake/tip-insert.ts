import type { RewardDto, TipChannel, TipPriority, TipStatus } from '@vigie/common';

/** A new tip's row as intake writes it: every column it sets (the others take their defaults). */
export interface NewTipRow {
  id: string;
  agencyId: string;
  code: string;
  passwordHash: string;
  appealId: string | null;
  description: string;
  occurredFrom: Date | null;
  occurredTo: Date | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  language: 'fr' | 'en';
  contactEnc: string | null;
  contactPhoneKey: string | null;
  contactEmailKey: string | null;
  status: TipStatus;
  priority: TipPriority;
  receivedAt: Date;
  rewardTerms: RewardDto | null;
  mediaCount: number;
  channel: TipChannel;
  smsSenderEnc: string | null;
  smsSenderKey: string | null;
  smsLastInboundAt: Date | null;
}

/** Each column with its type: an INSERT … SELECT does not take its parameters' types from the table. */
const COLUMNS: [keyof NewTipRow, string, string][] = [
  ['id', 'id', 'uuid'],
  ['agencyId', 'agency_id', 'uuid'],
  ['code', 'code', 'text'],
  ['passwordHash', 'password_hash', 'text'],
  ['appealId', 'appeal_id', 'uuid'],
  ['description', 'description', 'text'],
  ['occurredFrom', 'occurred_from', 'timestamptz'],
  ['occurredTo', 'occurred_to', 'timestamptz'],
  ['place', 'place', 'text'],
  ['latitude', 'latitude', 'double precision'],
  ['longitude', 'longitude', 'double precision'],
  ['accuracyM', 'accuracy_m', 'real'],
  ['language', 'language', 'text'],
  ['contactEnc', 'contact_enc', 'text'],
  ['contactPhoneKey', 'contact_phone_key', 'text'],
  ['contactEmailKey', 'contact_email_key', 'text'],
  ['status', 'status', 'text'],
  ['priority', 'priority', 'text'],
  ['receivedAt', 'received_at', 'timestamptz'],
  ['rewardTerms', 'reward_terms', 'jsonb'],
  ['mediaCount', 'media_count', 'int'],
  ['channel', 'channel', 'text'],
  ['smsSenderEnc', 'sms_sender_enc', 'text'],
  ['smsSenderKey', 'sms_sender_key', 'text'],
  ['smsLastInboundAt', 'sms_last_inbound_at', 'timestamptz'],
];

/**
 * The INSERT of a new tip (version 1), taking its parameters from `$first`, that inserts nothing
 * unless `condition` holds (SQL over the statement's other WITH queries), or when the id or the
 * code is taken. Returns the id of the row inserted.
 */
export function insertTipStatement(
  row: NewTipRow,
  first: number,
  condition = 'true',
): { sql: string; parameters: unknown[] } {
  const sql = `INSERT INTO tip (${COLUMNS.map(([, column]) => column).join(', ')}, version)
    SELECT ${COLUMNS.map(([, , type], i) => `$${first + i}::${type}`).join(', ')}, 1
     WHERE ${condition}
    ON CONFLICT DO NOTHING
    RETURNING id`;
  const parameters = COLUMNS.map(([key]) =>
    key === 'rewardTerms' && row.rewardTerms ? JSON.stringify(row.rewardTerms) : row[key],
  );
  return { sql, parameters };
}
