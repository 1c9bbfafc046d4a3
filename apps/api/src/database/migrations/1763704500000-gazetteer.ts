import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's gazetteer (apps/api/src/gazetteer): the named places and street intersections of its
 * area with their coordinates, loaded from its GIS team's GeoJSON export, and the keys their names
 * are looked up by. The duplicate signals place a typed place ("coin Jarry et Saint-Hubert") with
 * it, so a fingerprint also says where its position came from and how vague it is.
 */
export class Gazetteer1763704500000 implements MigrationInterface {
  name = 'Gazetteer1763704500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gazetteer_place (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        kind text NOT NULL CHECK (kind IN ('PLACE', 'INTERSECTION')),
        name text NOT NULL,
        municipality text,
        latitude float8 NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude float8 NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        radius_m integer NOT NULL CHECK (radius_m BETWEEN 0 AND 1000),
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX gazetteer_place_agency_idx ON gazetteer_place (agency_id)`);
    await q.query(`
      CREATE TABLE gazetteer_key (
        agency_id uuid NOT NULL REFERENCES agency(id),
        key text NOT NULL,
        place_id uuid NOT NULL REFERENCES gazetteer_place(id) ON DELETE CASCADE,
        CONSTRAINT gazetteer_key_pkey PRIMARY KEY (agency_id, key, place_id)
      )`);
    await q.query(`CREATE INDEX gazetteer_key_place_idx ON gazetteer_key (place_id)`);
    // Where a fingerprint's position came from (the tipster, a photo's GPS, or the gazetteer
    // placing the typed place), how far off it may be, and which gazetteer place it is.
    await q.query(`
      ALTER TABLE tip_fingerprint
        ADD COLUMN position_from text CHECK (position_from IN ('TIPSTER', 'PHOTO', 'GAZETTEER')),
        ADD COLUMN position_radius_m integer NOT NULL DEFAULT 0,
        ADD COLUMN position_place text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tip_fingerprint DROP COLUMN position_place, DROP COLUMN position_radius_m, DROP COLUMN position_from`,
    );
    await q.query(`DROP TABLE gazetteer_key`);
    await q.query(`DROP TABLE gazetteer_place`);
  }
}
