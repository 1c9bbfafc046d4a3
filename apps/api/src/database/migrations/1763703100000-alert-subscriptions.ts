import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts to the people who asked for them (reach/alerts). A subscription keeps only what sending
 * needs: the push endpoint and its keys, or the e-mail address; the agency, the area, the kinds, the
 * language; when it was made. No address, no user agent, no name. An e-mail address is written only
 * once its owner confirmed it (the confirmation link carries the choices, sealed, until then).
 *
 * A publication (an appeal's version, update or resolution) has one row, written with its fan-out
 * jobs in one transaction, and one delivery row per subscriber reached, so a retried job or a
 * re-publication never alerts anyone twice.
 */
export class AlertSubscriptions1763703100000 implements MigrationInterface {
  name = 'AlertSubscriptions1763703100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('PUSH', 'EMAIL')),
        endpoint text,
        p256dh text,
        auth text,
        email text,
        kinds text[] NOT NULL CHECK (cardinality(kinds) > 0),
        latitude double precision,
        longitude double precision,
        radius_km real,
        language text NOT NULL CHECK (language IN ('fr', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alert_subscription_target CHECK (
          (channel = 'PUSH' AND endpoint IS NOT NULL AND p256dh IS NOT NULL AND auth IS NOT NULL AND email IS NULL)
          OR (channel = 'EMAIL' AND email IS NOT NULL AND endpoint IS NULL AND p256dh IS NULL AND auth IS NULL)),
        CONSTRAINT alert_subscription_area CHECK (
          (latitude IS NULL AND longitude IS NULL AND radius_km IS NULL)
          OR (latitude IS NOT NULL AND longitude IS NOT NULL AND radius_km > 0))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX alert_subscription_endpoint_unique ON alert_subscription (agency_id, endpoint) WHERE endpoint IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX alert_subscription_email_unique ON alert_subscription (agency_id, email) WHERE email IS NOT NULL`,
    );
    // Fan-out walks an agency's subscriptions by id, a batch at a time.
    await q.query(`CREATE INDEX alert_subscription_agency ON alert_subscription (agency_id, id)`);

    await q.query(`
      CREATE TABLE alert_publication (
        key text PRIMARY KEY,
        appeal_id uuid NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
        latitude double precision,
        longitude double precision,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX alert_publication_appeal ON alert_publication (appeal_id)`);
    await q.query(`
      CREATE TABLE alert_delivery (
        publication_key text NOT NULL REFERENCES alert_publication(key) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES alert_subscription(id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'REFUSED')),
        PRIMARY KEY (publication_key, subscription_id)
      )`);
    await q.query(`CREATE INDEX alert_delivery_subscription ON alert_delivery (subscription_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_delivery`);
    await q.query(`DROP TABLE alert_publication`);
    await q.query(`DROP TABLE alert_subscription`);
  }
}
