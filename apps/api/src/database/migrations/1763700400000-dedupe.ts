import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate detection (apps/api/src/dedupe, see its README): what each tip looks like to the
 * signals, the suggestions they produce, and the investigators' decisions. Every table is new;
 * nothing existing is rewritten, so this runs in moments on a full database.
 */
export class Dedupe1763700400000 implements MigrationInterface {
  name = 'Dedupe1763700400000';

  async up(q: QueryRunner): Promise<void> {
    // earthdistance (on cube) gives metres on the globe without PostGIS; both ship with Postgres
    // and are allowed on the usual managed services.
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);

    // unaccent() is only STABLE (it reads a dictionary); pinning the dictionary makes the wrapper
    // IMMUTABLE, so the text it produces can be stored and indexed.
    await q.query(`
      CREATE FUNCTION dedupe_normalize(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);

    // A typed place without the words that only say what kind of place it is, in either language:
    // "Métro Berri-UQAM" and "Berri UQAM station" are both "berri uqam".
    await q.query(`
      CREATE FUNCTION dedupe_place_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT nullif(btrim(regexp_replace(regexp_replace(dedupe_normalize($1),
        '\\m(metro|station|gare|terminus|arret|stop|parc|park|marche|market|rue|street|st|ave|avenue|boulevard|boul|blvd|coin|corner|angle|place|square|centre|center|mall|carrefour|pres|near|du|de|des|la|le|les|l|d|the|of|at|on|a|au|et|and)\\M',
        ' ', 'g'), '[^[:alnum:]]+', ' ', 'g')), '') $$`);

    // One row per scored tip: the facts the signals look up, in indexes shaped for each lookup.
    // Written by the scoring job (idempotent upsert); the tip row itself is never touched.
    await q.query(`
      CREATE TABLE tip_fingerprint (
        tip_id uuid PRIMARY KEY REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        appeal_id uuid REFERENCES appeal(id),
        received_at timestamptz NOT NULL,
        text_norm text NOT NULL,
        latitude double precision,
        longitude double precision,
        occurred_at timestamptz NOT NULL,
        -- What the tipster typed as "where", and "when" only if they said it (occurred_at falls
        -- back to the arrival time): a named place is compared only between stated times.
        place_norm text,
        stated_at timestamptz,
        -- x, y, z on the globe in metres (ll_to_earth), then the epoch second it happened: one
        -- R-tree box query answers "within r metres and t seconds".
        place_time cube,
        phone_key text,
        email_key text,
        scored_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((latitude IS NULL) = (place_time IS NULL))
      )`);
    await q.query(`CREATE INDEX tip_fingerprint_window_idx ON tip_fingerprint (agency_id, received_at)`);
    await q.query(
      `CREATE INDEX tip_fingerprint_appeal_idx ON tip_fingerprint (appeal_id, received_at) WHERE appeal_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX tip_fingerprint_place_time_idx ON tip_fingerprint USING gist (place_time)`);
    await q.query(
      `CREATE INDEX tip_fingerprint_stated_idx ON tip_fingerprint (agency_id, stated_at) WHERE stated_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tip_fingerprint_phone_idx ON tip_fingerprint (agency_id, phone_key) WHERE phone_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tip_fingerprint_email_idx ON tip_fingerprint (agency_id, email_key) WHERE email_key IS NOT NULL`,
    );

    // MinHash bands of the normalised text (dedupe/signals/text-bands.ts): a text lookup is a few
    // equality probes here, and pg_trgm's similarity then checks the candidates found.
    await q.query(`
      CREATE TABLE tip_text_band (
        tip_id uuid NOT NULL REFERENCES tip(id),
        band smallint NOT NULL CHECK (band BETWEEN 0 AND 9),
        value integer NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency(id),
        CONSTRAINT tip_text_band_pkey PRIMARY KEY (tip_id, band)
      )`);
    await q.query(
      `CREATE INDEX tip_text_band_lookup_idx ON tip_text_band (agency_id, band, value) INCLUDE (tip_id)`,
    );

    // Multi-index hashing: each 64-bit perceptual hash split into 4 bands of 16 bits. The
    // covering index answers "which photos have this band value" without reading the heap.
    // hash_no 0 is the media job's pHash; 1 the pHash of the photo inside a screenshot.
    await q.query(`
      CREATE TABLE media_hash_band (
        media_id uuid NOT NULL REFERENCES tip_media(id),
        hash_no smallint NOT NULL CHECK (hash_no IN (0, 1)),
        band smallint NOT NULL CHECK (band BETWEEN 0 AND 3),
        value integer NOT NULL CHECK (value BETWEEN 0 AND 65535),
        agency_id uuid NOT NULL REFERENCES agency(id),
        tip_id uuid NOT NULL REFERENCES tip(id),
        phash bigint NOT NULL,
        CONSTRAINT media_hash_band_pkey PRIMARY KEY (media_id, hash_no, band)
      )`);
    await q.query(
      `CREATE INDEX media_hash_band_lookup_idx ON media_hash_band (agency_id, band, value) INCLUDE (phash, tip_id, media_id, hash_no)`,
    );

    // A pair of tips some signal connects, ordered so that each pair has one row. Pairs below the
    // suggestion threshold are kept (suggested = false): they explain why something was not shown.
    await q.query(`
      CREATE TABLE duplicate_suggestion (
        tip_a uuid NOT NULL REFERENCES tip(id),
        tip_b uuid NOT NULL REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        score real NOT NULL CHECK (score >= 0 AND score <= 1),
        suggested boolean NOT NULL,
        reasons jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT duplicate_suggestion_pkey PRIMARY KEY (tip_a, tip_b),
        CHECK (tip_a < tip_b)
      )`);
    await q.query(
      `CREATE INDEX duplicate_suggestion_b_idx ON duplicate_suggestion (tip_b, tip_a) WHERE suggested`,
    );

    // "Not a duplicate": the pair is never suggested again.
    await q.query(`
      CREATE TABLE duplicate_rejection (
        tip_a uuid NOT NULL REFERENCES tip(id),
        tip_b uuid NOT NULL REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        rejected_by uuid NOT NULL REFERENCES staff_user(id),
        rejected_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT duplicate_rejection_pkey PRIMARY KEY (tip_a, tip_b),
        CHECK (tip_a < tip_b)
      )`);

    // Confirmed duplicates. Membership lives beside the tip, not in it: merging never writes a
    // tip row (its text, version and history stay exactly as they were), and a tip is in at most
    // one cluster because tip_id is the key. A cluster left with fewer than two members is closed,
    // not deleted.
    await q.query(`
      CREATE TABLE tip_cluster (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agency(id),
        primary_tip_id uuid NOT NULL REFERENCES tip(id),
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        merged_into uuid REFERENCES tip_cluster(id)
      )`);
    await q.query(`CREATE INDEX tip_cluster_agency_idx ON tip_cluster (agency_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE tip_cluster_member (
        tip_id uuid NOT NULL REFERENCES tip(id),
        cluster_id uuid NOT NULL REFERENCES tip_cluster(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        added_by uuid NOT NULL REFERENCES staff_user(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tip_cluster_member_pkey PRIMARY KEY (tip_id)
      )`);
    await q.query(`CREATE INDEX tip_cluster_member_cluster_idx ON tip_cluster_member (cluster_id)`);

    // The open suggestions of a tip, seen from either side: suggested, not rejected, and not
    // already merged together. One definition for the duplicates panel and the inbox's count;
    // each UNION branch keeps its index when filtered by tip_id.
    await q.query(`
      CREATE VIEW tip_duplicate AS
      SELECT p.agency_id, p.tip_id, p.other_id, p.score, p.reasons, p.created_at, p.updated_at
        FROM (
          SELECT agency_id, tip_a AS tip_id, tip_b AS other_id, tip_a, tip_b, score, reasons, created_at, updated_at
            FROM duplicate_suggestion WHERE suggested
          UNION ALL
          SELECT agency_id, tip_b, tip_a, tip_a, tip_b, score, reasons, created_at, updated_at
            FROM duplicate_suggestion WHERE suggested
        ) p
       WHERE NOT EXISTS (SELECT 1 FROM duplicate_rejection r WHERE r.tip_a = p.tip_a AND r.tip_b = p.tip_b)
         AND NOT EXISTS (
           SELECT 1 FROM tip_cluster_member ma JOIN tip_cluster_member mb ON mb.cluster_id = ma.cluster_id
            WHERE ma.tip_id = p.tip_a AND mb.tip_id = p.tip_b)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW tip_duplicate`);
    for (const table of [
      'tip_cluster_member',
      'tip_cluster',
      'duplicate_rejection',
      'duplicate_suggestion',
      'media_hash_band',
      'tip_text_band',
      'tip_fingerprint',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION dedupe_place_key`);
    await q.query(`DROP FUNCTION dedupe_normalize`);
    // cube and earthdistance stay: other features may use them by now.
  }
}
