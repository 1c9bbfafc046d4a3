import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tip is scored at intake with what it has (its words, place, time, contact, the files' SHA-256)
 * and again when each file is processed (the photo's perceptual hash, its GPS). Two runs for one
 * tip may overlap; `revision` counts the fingerprints recorded, so a run whose fingerprint is no
 * longer the latest does not write its older view over a newer run's suggestions. `first_scored_at`
 * keeps when the tip was first scored (`scored_at` is the latest run), for the surge's figures.
 */
export class FingerprintRevision1763704600000 implements MigrationInterface {
  name = 'FingerprintRevision1763704600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip_fingerprint ADD COLUMN revision integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE tip_fingerprint ADD COLUMN first_scored_at timestamptz`);
    await q.query(`UPDATE tip_fingerprint SET first_scored_at = scored_at`);
    await q.query(
      `ALTER TABLE tip_fingerprint ALTER COLUMN first_scored_at SET DEFAULT now(), ALTER COLUMN first_scored_at SET NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip_fingerprint DROP COLUMN first_scored_at, DROP COLUMN revision`);
  }
}
