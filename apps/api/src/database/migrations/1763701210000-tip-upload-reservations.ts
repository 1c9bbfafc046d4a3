import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tip's upload limits hold across every route and every concurrent request: an upload reserves
 * the bytes it declares (Content-Length, tus Upload-Length) before a byte is written, under a lock
 * on the tip's row, and gives the reservation back when it ends. A reservation a crash left behind
 * lapses at `expires_at`.
 */
export class TipUploadReservations1763701210000 implements MigrationInterface {
  name = 'TipUploadReservations1763701210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tip_upload_reservation (
      id text PRIMARY KEY,
      tip_id uuid NOT NULL REFERENCES tip(id) ON DELETE CASCADE,
      bytes bigint NOT NULL CHECK (bytes >= 0),
      files integer NOT NULL CHECK (files >= 0),
      expires_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX tip_upload_reservation_tip_idx ON tip_upload_reservation (tip_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tip_upload_reservation`);
  }
}
