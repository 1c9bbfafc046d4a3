import type { DataSource } from 'typeorm';
import { BANDS, bandsOf, phashAsInt8 } from './perceptual-bands';
import type { TipProfile } from './tip-profile';

/**
 * Writes what the signals look up for one tip (its tip_fingerprint row and the hash bands of its
 * processed photos) and commits, before any search. That order is what makes two duplicates
 * scored at the same moment on two workers still find each other: each commits its own
 * fingerprint before it searches, so whichever searches second sees the first.
 */
export async function recordFingerprint(dataSource: DataSource, tipId: string): Promise<TipProfile | null> {
  return dataSource.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO tip_fingerprint AS f (tip_id, agency_id, appeal_id, received_at, text_norm, latitude,
                                         longitude, occurred_at, place_time, phone_key, email_key, scored_at)
       SELECT t.id, t.agency_id, t.appeal_id, t.received_at,
              dedupe_normalize(t.description || coalesce(' ' || t.place, '')),
              coalesce(t.latitude, e.lat), coalesce(t.longitude, e.lon), w.at,
              CASE WHEN coalesce(t.latitude, e.lat) IS NOT NULL
                   THEN cube(ll_to_earth(coalesce(t.latitude, e.lat), coalesce(t.longitude, e.lon))::cube,
                             extract(epoch FROM w.at)) END,
              t.contact_phone_key, t.contact_email_key, now()
         FROM tip t
         -- Where: what the tipster gave, else the GPS of one of their own photos.
         LEFT JOIN LATERAL (
           SELECT (m.evidence->>'latitude')::float8 AS lat, (m.evidence->>'longitude')::float8 AS lon
             FROM tip_media m
            WHERE m.tip_id = t.id AND m.evidence ? 'latitude' AND m.evidence ? 'longitude'
            ORDER BY m.from_tipster_at, m.id
            LIMIT 1
         ) e ON t.latitude IS NULL
         -- When: the middle of what the tipster said, else when the tip arrived.
         CROSS JOIN LATERAL (
           SELECT CASE WHEN t.occurred_from IS NULL THEN t.received_at
                       WHEN t.occurred_to IS NULL THEN t.occurred_from
                       ELSE t.occurred_from + (t.occurred_to - t.occurred_from) / 2 END AS at
         ) w
        WHERE t.id = $1
       ON CONFLICT (tip_id) DO UPDATE SET
              appeal_id = EXCLUDED.appeal_id, text_norm = EXCLUDED.text_norm,
              latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
              occurred_at = EXCLUDED.occurred_at, place_time = EXCLUDED.place_time,
              phone_key = EXCLUDED.phone_key, email_key = EXCLUDED.email_key, scored_at = now()
       RETURNING f.tip_id, f.agency_id, f.appeal_id, f.received_at, f.text_norm, f.latitude, f.longitude,
                 f.occurred_at, f.phone_key, f.email_key`,
      [tipId],
    );
    if (!row) return null;
    const media: { id: string; sha256: string; phash: string | null }[] = await tx.query(
      `SELECT id, sha256, phash FROM tip_media WHERE tip_id = $1 ORDER BY from_tipster_at, id`,
      [tipId],
    );
    for (const m of media) {
      if (!m.phash) continue;
      await tx.query(
        `INSERT INTO media_hash_band (media_id, band, value, agency_id, tip_id, phash)
         SELECT $1, b.band, b.value, $2, $3, $4 FROM unnest($5::smallint[], $6::int[]) AS b(band, value)
         ON CONFLICT ON CONSTRAINT media_hash_band_pkey DO NOTHING`,
        [m.id, row.agency_id, tipId, phashAsInt8(m.phash), [...Array(BANDS).keys()], bandsOf(m.phash)],
      );
    }
    return {
      tipId: row.tip_id,
      agencyId: row.agency_id,
      appealId: row.appeal_id,
      receivedAt: row.received_at,
      textNorm: row.text_norm,
      latitude: row.latitude,
      longitude: row.longitude,
      occurredAt: row.occurred_at,
      phoneKey: row.phone_key,
      emailKey: row.email_key,
      media,
    };
  });
}
