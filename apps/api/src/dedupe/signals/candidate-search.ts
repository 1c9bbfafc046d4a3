import type { EntityManager } from 'typeorm';
import type { DedupeSettings } from '../dedupe-settings';
import { phashAsInt8, probesFor } from './perceptual-bands';
import { TEXT_MIN_CHARS, TEXT_MIN_SIMILARITY } from './scoring';
import type { SignalHit } from './signal-hit';

type MediaHit = Extract<SignalHit, { media: Record<string, string> }>;
import type { TipProfile } from './tip-profile';

/**
 * Each candidate list is capped: a photo shared a thousand times needs its closest copies
 * suggested, not all of them, and the investigator merges the rest in bulk from the cluster.
 */
export const CANDIDATES_PER_SIGNAL = 50;

/*
 * One index lookup per signal, each within the tip's agency, none a scan of the agency's tips:
 *   exact media  tip_media (agency_id, sha256)
 *   near media   media_hash_band (agency_id, band, value), covering; see perceptual-bands.ts
 *   text         GIN trigram index on the normalised text, within the same appeal or a time window
 *   place+time   GiST R-tree on a 4-D cube: position on the globe in metres, and time
 *   contact      (agency_id, phone_key) and (agency_id, email_key)
 * Must run inside a transaction: the text lookup sets its similarity threshold locally.
 */
export class CandidateSearch {
  constructor(private readonly settings: DedupeSettings) {}

  async find(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    const exact = await this.exactMedia(tx, tip);
    const exactPairs = new Set(exact.map((h) => Object.values(h.media).sort().join()));
    // A byte-identical file is also 0 bits apart: say it once, as the stronger reason.
    const near = (await this.nearMedia(tx, tip)).filter(
      (h) => !exactPairs.has(Object.values(h.media).sort().join()),
    );
    return [
      ...exact,
      ...near,
      ...(await this.text(tx, tip)),
      ...(await this.placeTime(tx, tip)),
      ...(await this.contact(tx, tip)),
    ];
  }

  async exactMedia(tx: EntityManager, tip: TipProfile): Promise<MediaHit[]> {
    if (tip.media.length === 0) return [];
    const rows: { media_id: string; other_media_id: string; other_tip_id: string }[] = await tx.query(
      `SELECT m.id AS media_id, o.id AS other_media_id, o.tip_id AS other_tip_id
         FROM tip_media m
         JOIN tip_media o ON o.agency_id = m.agency_id AND o.sha256 = m.sha256 AND o.tip_id <> m.tip_id
        WHERE m.tip_id = $1 AND m.agency_id = $2
        ORDER BY o.from_tipster_at, o.id
        LIMIT $3`,
      [tip.tipId, tip.agencyId, CANDIDATES_PER_SIGNAL],
    );
    return rows.map((r) => ({
      signal: 'EXACT_MEDIA',
      otherTipId: r.other_tip_id,
      media: { [tip.tipId]: r.media_id, [r.other_tip_id]: r.other_media_id },
    }));
  }

  async nearMedia(tx: EntityManager, tip: TipProfile): Promise<MediaHit[]> {
    const maxBits = this.settings.DEDUPE_NEAR_MEDIA_MAX_BITS;
    const hits: MediaHit[] = [];
    for (const media of tip.media) {
      if (!media.phash) continue;
      const probes = probesFor(media.phash, maxBits);
      const rows: { other_media_id: string; other_tip_id: string; bits: number }[] = await tx.query(
        `SELECT DISTINCT b.media_id AS other_media_id, b.tip_id AS other_tip_id,
                bit_count((b.phash # $3::bigint)::bit(64))::int AS bits
           FROM unnest($4::smallint[], $5::int[]) AS p(band, value)
           JOIN media_hash_band b ON b.agency_id = $1 AND b.band = p.band AND b.value = p.value
          WHERE b.tip_id <> $2 AND bit_count((b.phash # $3::bigint)::bit(64)) <= $6
          ORDER BY bits, other_media_id
          LIMIT $7`,
        [
          tip.agencyId,
          tip.tipId,
          phashAsInt8(media.phash),
          probes.bands,
          probes.values,
          maxBits,
          CANDIDATES_PER_SIGNAL,
        ],
      );
      for (const r of rows) {
        hits.push({
          signal: 'NEAR_MEDIA',
          otherTipId: r.other_tip_id,
          media: { [tip.tipId]: media.id, [r.other_tip_id]: r.other_media_id },
          bits: r.bits,
        });
      }
    }
    return hits;
  }

  async text(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    if (tip.textNorm.length < TEXT_MIN_CHARS) return [];
    const windowMs = this.settings.DEDUPE_TEXT_WINDOW_HOURS * 3_600_000;
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(TEXT_MIN_SIMILARITY),
    ]);
    const rows: { other_tip_id: string; similarity: number }[] = await tx.query(
      `SELECT f.tip_id AS other_tip_id, similarity(f.text_norm, $3) AS similarity
         FROM tip_fingerprint f
        WHERE f.agency_id = $1 AND f.tip_id <> $2
          AND f.text_norm % $3
          AND length(f.text_norm) >= $7
          AND (f.appeal_id = $4 OR f.received_at BETWEEN $5 AND $6)
        ORDER BY similarity DESC, f.tip_id
        LIMIT $8`,
      [
        tip.agencyId,
        tip.tipId,
        tip.textNorm,
        tip.appealId,
        new Date(tip.receivedAt.getTime() - windowMs),
        new Date(tip.receivedAt.getTime() + windowMs),
        TEXT_MIN_CHARS,
        CANDIDATES_PER_SIGNAL,
      ],
    );
    return rows.map((r) => ({
      signal: 'TEXT',
      otherTipId: r.other_tip_id,
      similarity: Math.round(Number(r.similarity) * 100) / 100,
    }));
  }

  async placeTime(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    if (tip.latitude === null || tip.longitude === null) return [];
    const radius = this.settings.DEDUPE_PLACE_RADIUS_M;
    const seconds = this.settings.DEDUPE_PLACE_MINUTES * 60;
    // The box's sides are chords, which are never longer than the arcs they span: everything
    // within `radius` on the ground is inside it, and earth_distance then measures exactly.
    const rows: { other_tip_id: string; metres: number; minutes: number }[] = await tx.query(
      `WITH q AS (SELECT ll_to_earth($3, $4) AS p, $5::float8 AS t)
       SELECT f.tip_id AS other_tip_id,
              earth_distance(q.p, ll_to_earth(f.latitude, f.longitude)) AS metres,
              abs(extract(epoch FROM f.occurred_at) - q.t) / 60 AS minutes
         FROM q, tip_fingerprint f
        WHERE f.place_time <@ cube(
                ARRAY[cube_ll_coord(q.p, 1) - $6, cube_ll_coord(q.p, 2) - $6, cube_ll_coord(q.p, 3) - $6, q.t - $7],
                ARRAY[cube_ll_coord(q.p, 1) + $6, cube_ll_coord(q.p, 2) + $6, cube_ll_coord(q.p, 3) + $6, q.t + $7])
          AND f.agency_id = $1 AND f.tip_id <> $2
          AND earth_distance(q.p, ll_to_earth(f.latitude, f.longitude)) <= $6
        ORDER BY metres, f.tip_id
        LIMIT $8`,
      [
        tip.agencyId,
        tip.tipId,
        tip.latitude,
        tip.longitude,
        tip.occurredAt.getTime() / 1000,
        radius,
        seconds,
        CANDIDATES_PER_SIGNAL,
      ],
    );
    return rows.map((r) => ({
      signal: 'PLACE_TIME',
      otherTipId: r.other_tip_id,
      metres: Math.round(Number(r.metres)),
      minutes: Math.round(Number(r.minutes)),
    }));
  }

  async contact(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    if (!tip.phoneKey && !tip.emailKey) return [];
    const rows: {
      other_tip_id: string;
      phone: boolean;
      email: boolean;
      same_appeal: boolean;
      days: number;
    }[] = await tx.query(
      `SELECT f.tip_id AS other_tip_id,
                coalesce(f.phone_key = $3, false) AS phone,
                coalesce(f.email_key = $4, false) AS email,
                f.appeal_id IS NOT DISTINCT FROM $5::uuid AS same_appeal,
                abs(extract(epoch FROM f.received_at - $6::timestamptz)) / 86400 AS days
           FROM tip_fingerprint f
          WHERE f.agency_id = $1 AND f.tip_id <> $2 AND (f.phone_key = $3 OR f.email_key = $4)
          ORDER BY days, f.tip_id
          LIMIT $7`,
      [
        tip.agencyId,
        tip.tipId,
        tip.phoneKey,
        tip.emailKey,
        tip.appealId,
        tip.receivedAt,
        CANDIDATES_PER_SIGNAL,
      ],
    );
    return rows.map((r) => ({
      signal: 'CONTACT',
      otherTipId: r.other_tip_id,
      phone: r.phone,
      email: r.email,
      sameAppeal: r.same_appeal,
      days: Math.round(Number(r.days) * 10) / 10,
    }));
  }
}
