import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GazetteerSummary } from '@vigie/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { readGazetteer, type GazetteerEntry } from './gazetteer-file';
import { gazetteerError } from './gazetteer.errors';

/**
 * Replaces an agency's gazetteer with these entries, in the caller's transaction: a GIS export is
 * the whole set, so what the new file leaves out is gone. Tips already scored keep the positions
 * they were given; each is placed again the next time it is scored.
 */
export async function replaceGazetteer(
  tx: EntityManager,
  agencyId: string,
  entries: GazetteerEntry[],
): Promise<void> {
  await tx.query(`DELETE FROM gazetteer_key WHERE agency_id = $1`, [agencyId]);
  await tx.query(`DELETE FROM gazetteer_place WHERE agency_id = $1`, [agencyId]);
  // In slices, so that a large export stays within the bind-parameter limit.
  for (let i = 0; i < entries.length; i += 2000) {
    const slice = entries.slice(i, i + 2000).map((e) => ({ ...e, id: randomUUID() }));
    await tx.query(
      `INSERT INTO gazetteer_place (id, agency_id, kind, name, municipality, latitude, longitude, radius_m)
       SELECT e.id, $1, e.kind, e.name, e.municipality, e.latitude, e.longitude, e.radius_m
         FROM jsonb_to_recordset($2::jsonb)
           AS e(id uuid, kind text, name text, municipality text, latitude float8, longitude float8, radius_m int)`,
      [
        agencyId,
        JSON.stringify(
          slice.map((e) => ({
            id: e.id,
            kind: e.kind,
            name: e.name,
            municipality: e.municipality,
            latitude: e.latitude,
            longitude: e.longitude,
            radius_m: e.radiusM,
          })),
        ),
      ],
    );
    const keys = slice.flatMap((e) => e.keys.map((key) => [key, e.id]));
    await tx.query(
      `INSERT INTO gazetteer_key (agency_id, key, place_id)
       SELECT $1, k.key, k.place_id FROM unnest($2::text[], $3::uuid[]) AS k(key, place_id)
       ON CONFLICT ON CONSTRAINT gazetteer_key_pkey DO NOTHING`,
      [agencyId, keys.map(([key]) => key), keys.map(([, id]) => id)],
    );
  }
}

/** Loading and describing an agency's gazetteer (the admin route and `npm run admin -- load-gazetteer`). */
@Injectable()
export class Gazetteers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Reads the whole file, then replaces the agency's gazetteer in one transaction, audited. */
  async load(
    agencyId: string,
    file: Buffer,
    actorId: string | null,
    fileName?: string,
  ): Promise<GazetteerSummary> {
    const reading = readGazetteer(file);
    if ('problems' in reading)
      throw gazetteerError('BAD_GAZETTEER', {
        errors: Object.fromEntries(reading.problems.map((p, i) => [`file.${i}`, p])),
      });
    await this.dataSource.transaction(async (tx) => {
      // One load at a time per agency: two at once would interleave their deletes and inserts.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`gazetteer:${agencyId}`]);
      await replaceGazetteer(tx, agencyId, reading.entries);
      await this.audit.append(tx, {
        agencyId,
        actorId,
        action: 'gazetteer.loaded',
        entityType: 'agency',
        entityId: agencyId,
        data: {
          by: actorId ? 'admin' : 'cli',
          file: fileName ?? null,
          places: reading.entries.filter((e) => e.kind === 'PLACE').length,
          intersections: reading.entries.filter((e) => e.kind === 'INTERSECTION').length,
        },
      });
    });
    return this.summary(agencyId);
  }

  async summary(agencyId: string): Promise<GazetteerSummary> {
    const [row]: {
      places: number;
      intersections: number;
      municipalities: string[] | null;
      loaded_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE kind = 'PLACE')::int AS places,
              count(*) FILTER (WHERE kind = 'INTERSECTION')::int AS intersections,
              array_agg(DISTINCT municipality) FILTER (WHERE municipality IS NOT NULL) AS municipalities,
              max(loaded_at) AS loaded_at
         FROM gazetteer_place WHERE agency_id = $1`,
      [agencyId],
    );
    return {
      places: row.places,
      intersections: row.intersections,
      // Sorted here: the database's collation would put "Montréal" before or after "Mont-Royal" by its locale.
      municipalities: (row.municipalities ?? []).sort(),
      loadedAt: row.loaded_at ? new Date(row.loaded_at).toISOString() : null,
    };
  }
}
