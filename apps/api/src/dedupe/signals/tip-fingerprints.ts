import type { DataSource, EntityManager } from 'typeorm';
import { placeTypedPlace } from '../../gazetteer/place-resolution';
import { BANDS, bandsOf, phashAsInt8 } from './perceptual-bands';
import { placeParts } from './place-parts';
import { statedClock } from './stated-clock';
import { TEXT_BANDS, textBands } from './text-bands';
import type { FingerprintVersion, ProfileMedia, TipProfile } from './tip-profile';

/**
 * Whether `recorded` is still the tip's latest fingerprint, locking it until the caller's
 * transaction ends: a run scoring the tip again (its file just processed) then waits to record its
 * own. A run that finds its fingerprint replaced (or forgotten: the tip moved agency) holds an
 * older view of the tip than the run that replaced it, and leaves the writing to that run.
 */
export async function stillLatest(
  tx: EntityManager,
  tipId: string,
  recorded: FingerprintVersion,
): Promise<boolean> {
  const [row]: { revision: number; first_scored_at: string }[] = await tx.query(
    `SELECT revision, first_scored_at::text AS first_scored_at FROM tip_fingerprint WHERE tip_id = $1 FOR UPDATE`,
    [tipId],
  );
  return row?.revision === recorded.revision && row.first_scored_at === recorded.firstScoredAt;
}

/**
 * Writes what the signals look up for one tip (its tip_fingerprint row, the bands of its text and
 * of its processed photos' hashes) and commits, before any search. That order is what makes two duplicates
 * scored at the same moment on two workers still find each other: each commits its own
 * fingerprint before it searches, so whichever searches second sees the first.
 */
export async function recordFingerprint(dataSource: DataSource, tipId: string): Promise<TipProfile | null> {
  return dataSource.transaction(async (tx) => {
    const [tip]: { description: string; place: string | null; agency_id: string }[] = await tx.query(
      `SELECT description, place, agency_id FROM tip WHERE id = $1`,
      [tipId],
    );
    if (!tip) return null;
    const clock = statedClock(tip.description);
    // Where the agency's gazetteer places the typed place (or a place the words name), for a tip
    // with no position of its own: a corner typed the next morning then meets a phone's position.
    const municipalities = [
      ...(tip.place ? placeParts(tip.place, 'typed').municipalities : []),
      ...placeParts(tip.description, 'text').municipalities,
    ];
    const placed = await placeTypedPlace(tx, tip.agency_id, tip.place, tip.description, municipalities);
    const [row] = await tx.query(
      `INSERT INTO tip_fingerprint AS f (tip_id, agency_id, appeal_id, received_at, text_norm, latitude,
                                         longitude, occurred_at, place_norm, stated_at, place_time, phone_key,
                                         email_key, position_from, position_radius_m, position_place, scored_at)
       SELECT t.id, t.agency_id, t.appeal_id, t.received_at,
              dedupe_normalize(t.description || coalesce(' ' || t.place, '')),
              coalesce(t.latitude, e.lat, $5), coalesce(t.longitude, e.lon, $6), w.at,
              dedupe_place_key(t.place), w.stated,
              CASE WHEN coalesce(t.latitude, e.lat, $5) IS NOT NULL
                   THEN cube(ll_to_earth(coalesce(t.latitude, e.lat, $5), coalesce(t.longitude, e.lon, $6))::cube,
                             extract(epoch FROM w.at)) END,
              t.contact_phone_key, t.contact_email_key,
              CASE WHEN t.latitude IS NOT NULL THEN 'TIPSTER' WHEN e.lat IS NOT NULL THEN 'PHOTO'
                   WHEN $5::float8 IS NOT NULL THEN 'GAZETTEER' END,
              CASE WHEN t.latitude IS NULL AND e.lat IS NULL AND $5::float8 IS NOT NULL THEN $7::int ELSE 0 END,
              CASE WHEN t.latitude IS NULL AND e.lat IS NULL THEN $8::text END,
              now()
         FROM tip t
         -- Where: what the tipster gave, else the GPS of one of their own photos.
         LEFT JOIN LATERAL (
           SELECT (m.evidence->>'latitude')::float8 AS lat, (m.evidence->>'longitude')::float8 AS lon
             FROM tip_media m
            WHERE m.tip_id = t.id AND m.evidence ? 'latitude' AND m.evidence ? 'longitude'
            ORDER BY m.from_tipster_at, m.id
            LIMIT 1
         ) e ON t.latitude IS NULL
         -- The clock written in the description, on the latest day it fits: not after the tip
         -- arrived (15 minutes' grace for "I see him now, 14 h 30"), in the agency's time zone.
         LEFT JOIN LATERAL (
           SELECT max(c.at) AS at
             FROM agency g
            CROSS JOIN unnest($2::int[]) AS h(hour)
            CROSS JOIN generate_series(0, 1) AS d(days)
            CROSS JOIN LATERAL (
              SELECT (date_trunc('day', t.received_at AT TIME ZONE g.time_zone)
                      - make_interval(days => d.days + $4) + make_interval(hours => h.hour, mins => $3))
                     AT TIME ZONE g.time_zone AS at) c
            WHERE g.id = t.agency_id AND c.at <= t.received_at + interval '15 minutes'
         ) k ON $2::int[] IS NOT NULL
         -- When: the middle of what the tipster said in the form, else the clock in their words.
         CROSS JOIN LATERAL (
           SELECT coalesce(CASE WHEN t.occurred_to IS NULL THEN t.occurred_from
                                ELSE t.occurred_from + (t.occurred_to - t.occurred_from) / 2 END,
                           k.at) AS stated
         ) s
         CROSS JOIN LATERAL (SELECT coalesce(s.stated, t.received_at) AS at, s.stated) w
        WHERE t.id = $1
       ON CONFLICT (tip_id) DO UPDATE SET
              appeal_id = EXCLUDED.appeal_id, text_norm = EXCLUDED.text_norm,
              latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
              occurred_at = EXCLUDED.occurred_at, place_norm = EXCLUDED.place_norm,
              stated_at = EXCLUDED.stated_at, place_time = EXCLUDED.place_time,
              phone_key = EXCLUDED.phone_key, email_key = EXCLUDED.email_key,
              position_from = EXCLUDED.position_from, position_radius_m = EXCLUDED.position_radius_m,
              position_place = EXCLUDED.position_place, scored_at = now(),
              revision = f.revision + 1
       RETURNING f.tip_id, f.agency_id, f.appeal_id, f.received_at, f.text_norm, f.latitude, f.longitude,
                 f.occurred_at, f.place_norm, f.stated_at, f.phone_key, f.email_key, f.position_from,
                 f.position_radius_m, f.position_place, f.revision,
                 f.first_scored_at::text AS first_scored_at`,
      [
        tipId,
        clock?.hours ?? null,
        clock?.minute ?? 0,
        clock?.daysBack ?? 0,
        placed?.latitude ?? null,
        placed?.longitude ?? null,
        placed?.radiusM ?? 0,
        placed?.name ?? null,
      ],
    );
    if (!row) return null;
    await tx.query(
      `INSERT INTO tip_text_band (tip_id, band, value, agency_id)
       SELECT $1, b.band, b.value, $2 FROM unnest($3::smallint[], $4::int[]) AS b(band, value)
       ON CONFLICT ON CONSTRAINT tip_text_band_pkey DO UPDATE SET value = EXCLUDED.value`,
      [tipId, row.agency_id, [...Array(TEXT_BANDS).keys()], textBands(row.text_norm)],
    );
    const media: ProfileMedia[] = await tx.query(
      `SELECT m.id, m.sha256, m.phash,
              (SELECT lpad(to_hex(b.phash), 16, '0') FROM media_hash_band b
                WHERE b.media_id = m.id AND b.hash_no = 1 LIMIT 1) AS "innerHash"
         FROM tip_media m WHERE m.tip_id = $1 ORDER BY m.from_tipster_at, m.id`,
      [tipId],
    );
    for (const m of media)
      if (m.phash) await storeHash(tx, { ...m, tipId, agencyId: row.agency_id }, 0, m.phash);
    return {
      tipId: row.tip_id,
      agencyId: row.agency_id,
      appealId: row.appeal_id,
      receivedAt: row.received_at,
      textNorm: row.text_norm,
      latitude: row.latitude,
      longitude: row.longitude,
      occurredAt: row.occurred_at,
      placeNorm: row.place_norm,
      place: tip.place,
      statedAt: row.stated_at,
      phoneKey: row.phone_key,
      emailKey: row.email_key,
      positionFrom: row.position_from,
      positionRadiusM: row.position_radius_m,
      positionPlace: row.position_place,
      media,
      recorded: { revision: row.revision, firstScoredAt: row.first_scored_at },
    };
  });
}

/** Stores one hash of a file as its bands (hash 0: the media job's; 1: the photo in a screenshot). */
export async function storeHash(
  tx: EntityManager,
  media: { id: string; tipId: string; agencyId: string },
  hashNo: 0 | 1,
  phash: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO media_hash_band (media_id, hash_no, band, value, agency_id, tip_id, phash)
     SELECT $1, $2, b.band, b.value, $3, $4, $5 FROM unnest($6::smallint[], $7::int[]) AS b(band, value)
     ON CONFLICT ON CONSTRAINT media_hash_band_pkey DO NOTHING`,
    [
      media.id,
      hashNo,
      media.agencyId,
      media.tipId,
      phashAsInt8(phash),
      [...Array(BANDS).keys()],
      bandsOf(phash),
    ],
  );
}
