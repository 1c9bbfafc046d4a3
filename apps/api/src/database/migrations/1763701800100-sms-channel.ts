import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text-message tips. An agency's SMS number (E.164, one agency per number) routes the provider's
 * webhook. The sender's number is kept on the tip only sealed (SecretBox) and as a keyed hash for
 * threading, so it goes with the tip. Each provider message id is recorded once (a retry of the
 * same message is answered without storing it again). Opt-outs (STOP) are per agency and keyed
 * by the same hash: they outlive the tips, as carriers require.
 */
export class SmsChannel1763701800100 implements MigrationInterface {
  name = 'SmsChannel1763701800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency ADD COLUMN sms_number text
      CONSTRAINT agency_sms_number_key UNIQUE
      CONSTRAINT agency_sms_number_check CHECK (sms_number ~ '^\\+[1-9][0-9]{6,14}$')`);
    await q.query(`ALTER TABLE tip
      ADD COLUMN sms_sender_enc text,
      ADD COLUMN sms_sender_key text,
      ADD COLUMN sms_last_inbound_at timestamptz`);
    await q.query(
      `CREATE INDEX tip_sms_thread_idx ON tip (agency_id, sms_sender_key, sms_last_inbound_at DESC) WHERE sms_sender_key IS NOT NULL`,
    );
    await q.query(`CREATE TABLE sms_inbound_message (
      message_sid text PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agency (id),
      tip_id uuid REFERENCES tip (id) ON DELETE CASCADE,
      received_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX sms_inbound_message_tip_idx ON sms_inbound_message (tip_id)`);
    await q.query(`CREATE TABLE sms_opt_out (
      agency_id uuid NOT NULL REFERENCES agency (id),
      sender_key text NOT NULL,
      opted_out_at timestamptz NOT NULL,
      PRIMARY KEY (agency_id, sender_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_opt_out`);
    await q.query(`DROP TABLE sms_inbound_message`);
    await q.query(`DROP INDEX tip_sms_thread_idx`);
    await q.query(
      `ALTER TABLE tip DROP COLUMN sms_sender_enc, DROP COLUMN sms_sender_key, DROP COLUMN sms_last_inbound_at`,
    );
    await q.query(`ALTER TABLE agency DROP COLUMN sms_number`);
  }
}
