import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forwarding tips between agencies (issue 19, point 4). `tip_forward` belongs to the forwarding
 * feature: one row per forward, the sender's record of it. It names tips by id without foreign
 * keys on purpose: the sender's record must outlive the receiver's retention purge of a copy, and a
 * transferred tip's purge by its new owner (tips/tip-removal.ts deletes every row that references a
 * tip). `tip.information_copy` is the tips feature's: a copy another agency sent, which has no
 * tipster behind it (no thread, no contact, no sealed original).
 */
export class TipForwarding1763702300000 implements MigrationInterface {
  name = 'TipForwarding1763702300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip ADD COLUMN information_copy boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE tip_forward (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL,
        received_tip_id uuid NOT NULL,
        mode text NOT NULL CONSTRAINT tip_forward_mode_check CHECK (mode IN ('TRANSFER', 'COPY')),
        from_agency_id uuid NOT NULL REFERENCES agency(id),
        to_agency_id uuid NOT NULL REFERENCES agency(id),
        note text NOT NULL,
        forwarded_by uuid NOT NULL REFERENCES staff_user(id),
        forwarded_at timestamptz NOT NULL,
        snapshot jsonb NOT NULL,
        origin_state jsonb,
        received_audit_id bigint NOT NULL,
        opened_at timestamptz,
        opened_by uuid REFERENCES staff_user(id),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES staff_user(id),
        CONSTRAINT tip_forward_other_agency_check CHECK (from_agency_id <> to_agency_id)
      )`);
    await q.query(`CREATE INDEX tip_forward_sent_idx ON tip_forward (from_agency_id, forwarded_at DESC)`);
    await q.query(`CREATE INDEX tip_forward_tip_idx ON tip_forward (tip_id)`);
    await q.query(`CREATE INDEX tip_forward_received_idx ON tip_forward (received_tip_id, to_agency_id)`);
    // One pending forward of a tip per receiving agency: a second click sends nothing twice.
    await q.query(
      `CREATE UNIQUE INDEX tip_forward_pending_key ON tip_forward (tip_id, to_agency_id) WHERE opened_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tip_forward`);
    await q.query(`ALTER TABLE tip DROP COLUMN information_copy`);
  }
}
