import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery row now says only what happened (SENT, REFUSED), written once the push service or
 * the mail server answered (reach/alerts/alert-deliveries.ts). Before, a batch wrote its rows
 * PENDING first and updated them after sending; the batch now skips every subscriber with a row,
 * so a PENDING row left by a batch that stopped under the earlier code (a deploy during an alert)
 * would have kept that subscriber from the alert for good. Such rows are removed: the batch, run
 * again by the queue, sends to those subscribers (one may receive it twice, as with the last group
 * of a batch that stops, rather than not at all), and PENDING can no longer be written.
 */
export class AlertDeliverySentOnly1763704700000 implements MigrationInterface {
  name = 'AlertDeliverySentOnly1763704700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM alert_delivery WHERE state = 'PENDING'`);
    await q.query(`ALTER TABLE alert_delivery ALTER COLUMN state DROP DEFAULT`);
    await q.query(`ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_state_check`);
    await q.query(
      `ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_state_check CHECK (state IN ('SENT', 'REFUSED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_state_check`);
    await q.query(
      `ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_state_check CHECK (state IN ('PENDING', 'SENT', 'REFUSED'))`,
    );
    await q.query(`ALTER TABLE alert_delivery ALTER COLUMN state SET DEFAULT 'PENDING'`);
  }
}
