import { STRONG_OBSERVABLE_KINDS, type ObservableKind } from '@vigie/common';
import type { EntityManager } from 'typeorm';
import type { DedupeSettings } from '../dedupe-settings';
import { namesAnExit } from './highway-exits';
import { phashAsInt8, probesFor } from './perceptual-bands';
import { comparePlaces, placeParts, type PlaceParts } from './place-parts';
import { paddedWords, textBands, trigramsOf } from './text-bands';
import { PLACE_NAME_MIN_SIMILARITY, TEXT_MIN_CHARS, TEXT_MIN_SIMILARITY } from './scoring';
import type { SignalHit } from './signal-hit';

type MediaHit = Extract<SignalHit, { media: Record<string, string> }>;
import type { TipProfile } from './tip-profile';

/**
 * Each candidate list is capped: a photo shared a thousand times needs its closest copies
 * suggested, not all of them, and the investigator merges the rest in bulk from the cluster.
 */
export const CANDIDATES_PER_SIGNAL = 50;
/**
 * The farthest a gazetteer place reaches, for the lookup: a large park or a mall is vaguer than
 * this, and counting more of it would join two ends of it.
 */
export const PLACE_REACH_MAX_M = 250;
/** At most this many tips said to have happened within the window are compared by place name. */
const STATED_WINDOW_ROWS = 2000;
/**
 * Texts sharing the most bands are measured with pg_trgm (a message typed again shares most of
 * them), and so are tips other signals connect, strongest first: at ~0.1 ms a comparison of two
 * tip-length texts, these caps keep the text lookup to a few milliseconds.
 */
const TEXT_CANDIDATES = 20;
const TEXT_CONNECTED = 30;
const BAND_ROWS = 200;
/** Beyond this many tips, a shared observable is common knowledge, not a link between two tips. */
const MENTIONS_CAP = 100;

/*
 * One index lookup per signal, each within the tip's agency, none a scan of the agency's tips:
 *   exact media  tip_media (agency_id, sha256)
 *   near media   media_hash_band (agency_id, band, value), covering; see perceptual-bands.ts
 *   text         MinHash bands of the normalised text (text-bands.ts), then pg_trgm's similarity on
 *                the candidates within the same appeal or a time window
 *   place+time   GiST R-tree on a 4-D cube: position on the globe in metres, and time; without
 *                positions, the named place within (agency_id, stated_at)
 *   contact      (agency_id, phone_key) and (agency_id, email_key)
 *   observables  observables' tip_observable (agency_id, kind, value): the plates, phones,
 *                addresses and handles both tips' words mention
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
    const others = [
      ...exact,
      ...near,
      ...(await this.placeTime(tx, tip)),
      ...(await this.namedPlace(tx, tip)),
      ...(await this.contact(tx, tip)),
      ...(await this.sharedObservables(tx, tip)),
    ];
    return [
      ...others,
      ...(await this.text(
        tx,
        tip,
        others.map((h) => h.otherTipId),
      )),
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
    const best = new Map<string, MediaHit & { signal: 'NEAR_MEDIA' }>();
    for (const media of tip.media) {
      const hashes = [
        { hash: media.phash, inner: false },
        { hash: media.innerHash, inner: true },
      ];
      for (const { hash, inner } of hashes) {
        if (!hash) continue;
        const probes = probesFor(hash, maxBits);
        const rows: { other_media_id: string; other_tip_id: string; hash_no: number; bits: number }[] =
          await tx.query(
            `SELECT DISTINCT ON (b.media_id) b.media_id AS other_media_id, b.tip_id AS other_tip_id, b.hash_no,
                    bit_count((b.phash # $3::bigint)::bit(64))::int AS bits
               FROM unnest($4::smallint[], $5::int[]) AS p(band, value)
               JOIN media_hash_band b ON b.agency_id = $1 AND b.band = p.band AND b.value = p.value
              WHERE b.tip_id <> $2 AND bit_count((b.phash # $3::bigint)::bit(64)) <= $6
              ORDER BY b.media_id, bits, b.hash_no
              LIMIT $7`,
            [
              tip.agencyId,
              tip.tipId,
              phashAsInt8(hash),
              probes.bands,
              probes.values,
              maxBits,
              CANDIDATES_PER_SIGNAL * 4,
            ],
          );
        for (const r of rows) {
          const key = `${media.id} ${r.other_media_id}`;
          if ((best.get(key)?.bits ?? Infinity) <= r.bits) continue;
          best.set(key, {
            signal: 'NEAR_MEDIA',
            otherTipId: r.other_tip_id,
            media: { [tip.tipId]: media.id, [r.other_tip_id]: r.other_media_id },
            bits: r.bits,
            screenshot: inner || r.hash_no === 1,
          });
        }
      }
    }
    return [...best.values()].sort((a, b) => a.bits - b.bits).slice(0, CANDIDATES_PER_SIGNAL);
  }

  /**
   * Texts as alike as a message typed again, found through their MinHash bands within the window
   * (same appeal, or a few days either side); and, for tips another signal already connects, how
   * alike their texts are, however little: weak on its own, it adds to a place or a contact.
   */
  async text(tx: EntityManager, tip: TipProfile, connected: string[] = []): Promise<SignalHit[]> {
    if (tip.textNorm.length < TEXT_MIN_CHARS) return [];
    const windowMs = this.settings.DEDUPE_TEXT_WINDOW_HOURS * 3_600_000;
    const bands = textBands(tip.textNorm);
    // Each band's probe stops at BAND_ROWS: a band that the appeal's own words make common says
    // little, and a real repeat shares several bands, rare ones among them.
    const banded: { tip_id: string }[] = await tx.query(
      `SELECT x.tip_id
         FROM unnest($3::smallint[], $4::int[]) AS p(band, value)
        CROSS JOIN LATERAL (
          SELECT b.tip_id FROM tip_text_band b
           WHERE b.agency_id = $1 AND b.band = p.band AND b.value = p.value AND b.tip_id <> $2
           LIMIT $6) x
        GROUP BY x.tip_id
        ORDER BY count(*) DESC, x.tip_id
        LIMIT $5`,
      [tip.agencyId, tip.tipId, [...bands.keys()], bands, TEXT_CANDIDATES, BAND_ROWS],
    );
    const rows: {
      other_tip_id: string;
      similarity: number;
      latitude: number | null;
      longitude: number | null;
      stated_at: Date | null;
      place_norm: string | null;
      place: string | null;
    }[] = await tx.query(
      `SELECT f.tip_id AS other_tip_id, similarity(f.text_norm, $2) AS similarity,
              f.latitude, f.longitude, f.stated_at, f.place_norm, t.place
         FROM tip_fingerprint f JOIN tip t ON t.id = f.tip_id
        WHERE f.agency_id = $1 AND length(f.text_norm) >= $3
          AND ((f.tip_id = ANY($4::uuid[]) AND (f.appeal_id = $6 OR f.received_at BETWEEN $7 AND $8))
               OR f.tip_id = ANY($5::uuid[]))`,
      [
        tip.agencyId,
        tip.textNorm,
        TEXT_MIN_CHARS,
        banded.map((b) => b.tip_id),
        [...new Set(connected)].slice(0, TEXT_CONNECTED),
        tip.appealId,
        new Date(tip.receivedAt.getTime() - windowMs),
        new Date(tip.receivedAt.getTime() + windowMs),
      ],
    );
    return rows
      .map((r) => ({
        otherTipId: r.other_tip_id,
        similarity: Math.round(Number(r.similarity) * 100) / 100,
        ...toldElsewhere(tip, r),
      }))
      .filter((r) => r.similarity > TEXT_MIN_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, CANDIDATES_PER_SIGNAL * 2)
      .map((r) => ({ signal: 'TEXT', ...r }));
  }

  /**
   * Positions within the radius and the window. A position the gazetteer gave a typed place
   * (tip-fingerprints.ts) reaches as far as that place does (`position_radius_m`, at most
   * PLACE_REACH_MAX_M), so the box is that much wider and each pair's allowance is both reaches;
   * and it counts only for a tip that said when: without it, its time is only when it arrived.
   */
  async placeTime(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    if (tip.latitude === null || tip.longitude === null) return [];
    if (tip.positionFrom === 'GAZETTEER' && !tip.statedAt) return [];
    const radius = this.settings.DEDUPE_PLACE_RADIUS_M;
    const seconds = this.settings.DEDUPE_PLACE_MINUTES * 60;
    const mine = Math.min(tip.positionRadiusM, PLACE_REACH_MAX_M);
    // The box's sides are chords, which are never longer than the arcs they span: everything
    // within `radius` on the ground is inside it, and earth_distance then measures exactly.
    const rows: {
      other_tip_id: string;
      metres: number;
      minutes: number;
      same_appeal: boolean;
      reach: number;
      position_place: string | null;
    }[] = await tx.query(
      `WITH q AS (SELECT ll_to_earth($3, $4) AS p, $5::float8 AS t)
       SELECT f.tip_id AS other_tip_id,
              earth_distance(q.p, ll_to_earth(f.latitude, f.longitude)) AS metres,
              abs(extract(epoch FROM f.occurred_at) - q.t) / 60 AS minutes,
              f.appeal_id IS NOT DISTINCT FROM $9::uuid AS same_appeal,
              least(f.position_radius_m, $11) AS reach, f.position_place
         FROM q, tip_fingerprint f
        WHERE f.place_time <@ cube(
                ARRAY[cube_ll_coord(q.p, 1) - $10, cube_ll_coord(q.p, 2) - $10, cube_ll_coord(q.p, 3) - $10, q.t - $7],
                ARRAY[cube_ll_coord(q.p, 1) + $10, cube_ll_coord(q.p, 2) + $10, cube_ll_coord(q.p, 3) + $10, q.t + $7])
          AND f.agency_id = $1 AND f.tip_id <> $2
          AND (f.position_from IS DISTINCT FROM 'GAZETTEER' OR f.stated_at IS NOT NULL)
          AND earth_distance(q.p, ll_to_earth(f.latitude, f.longitude)) <= $6 + least(f.position_radius_m, $11)
        ORDER BY metres, f.tip_id
        LIMIT $8`,
      [
        tip.agencyId,
        tip.tipId,
        tip.latitude,
        tip.longitude,
        tip.occurredAt.getTime() / 1000,
        radius + mine,
        seconds,
        CANDIDATES_PER_SIGNAL,
        tip.appealId,
        radius + mine + PLACE_REACH_MAX_M,
        PLACE_REACH_MAX_M,
      ],
    );
    return rows.map((r) => {
      const reach = mine + Number(r.reach);
      const placedBy = [tip.positionPlace, r.position_place].filter((p): p is string => Boolean(p));
      return {
        signal: 'PLACE_TIME',
        otherTipId: r.other_tip_id,
        metres: Math.round(Number(r.metres)),
        minutes: Math.round(Number(r.minutes)),
        sameAppeal: r.same_appeal,
        ...(reach > 0 ? { reachM: reach, placedBy: [...new Set(placedBy)] } : {}),
      };
    });
  }

  /**
   * Place and time without positions: the place one tipster typed in the form ("Métro
   * Berri-UQAM", kept as "berri uqam") against the place the other typed, or the place the other
   * names in their description ("…à la sortie du métro Berri…"), both saying when. The stated-time
   * window comes first (an index range: an hour or two of tips, a few hundred in a surge), then
   * trigram comparisons on those few, here rather than in SQL.
   */
  async namedPlace(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    if (!tip.statedAt) return [];
    const seconds = this.settings.DEDUPE_PLACE_MINUTES * 60;
    const rows: {
      other_tip_id: string;
      place_norm: string | null;
      place: string | null;
      text_norm: string;
      latitude: number | null;
      longitude: number | null;
      minutes: number;
      same_appeal: boolean;
    }[] = await tx.query(
      `SELECT f.tip_id AS other_tip_id, f.place_norm, t.place, f.text_norm, f.latitude, f.longitude,
              abs(extract(epoch FROM f.stated_at - $3::timestamptz)) / 60 AS minutes,
              f.appeal_id IS NOT DISTINCT FROM $5::uuid AS same_appeal
         FROM tip_fingerprint f JOIN tip t ON t.id = f.tip_id
        WHERE f.agency_id = $1 AND f.tip_id <> $2 AND f.stated_at IS NOT NULL
          AND f.stated_at BETWEEN $3::timestamptz - make_interval(secs => $4)
                              AND $3::timestamptz + make_interval(secs => $4)
          AND ($6::text IS NOT NULL OR f.place_norm IS NOT NULL)
        LIMIT $7`,
      [tip.agencyId, tip.tipId, tip.statedAt, seconds, tip.appealId, tip.placeNorm, STATED_WINDOW_ROWS],
    );
    const mine = { key: tip.placeNorm ? trigramsOf(tip.placeNorm) : null, text: paddedWords(tip.textNorm) };
    const hits: SignalHit[] = [];
    for (const r of rows) {
      // Named alike, yet placed kilometres apart (by their positions or the gazetteer): two places.
      if (positionsApart(tip, r)) continue;
      const theirKey = r.place_norm ? trigramsOf(r.place_norm) : null;
      const words = Math.max(
        mine.key && theirKey ? jaccard(mine.key, theirKey) : 0,
        mine.key ? containment(mine.key, paddedWords(r.text_norm)) : 0,
        theirKey ? containment(theirKey, mine.text) : 0,
      );
      // Two typed places written unlike each other may still name one street: "rue Sainte-Catherine
      // Ouest" and "Ste-Catherine St W" share few trigrams. The same street counts as a place
      // typed alike (0.9), with the same civic number as the same words (1).
      const bothTyped = Boolean(tip.place && r.place);
      // A highway exit is a number, not words: "A-40 sortie 73" and "Hwy 40 exit 73" share few trigrams.
      const exits = namesAnExit(tip.place ?? tip.textNorm) && namesAnExit(r.place ?? r.text_norm);
      if (words < PLACE_NAME_MIN_SIMILARITY && !bothTyped && !exits) continue;
      // Alike words, yet another municipality (or a neighbourhood of another), street, direction,
      // civic number or exit: another place of that name.
      const parts = compareNamedPlaces(tip, r);
      if (parts.verdict === 'different') continue;
      const street = parts.matched.some((m) => m.startsWith('street '));
      const number = parts.matched.some((m) => m.startsWith('number '));
      const exit = parts.matched.some((m) => m.startsWith('exit '));
      // A street's name shared by a rue and a boulevard, and no street agreeing: the words that
      // made the names alike are that name, which two streets share. Barely alike: never enough
      // alone, it only adds to other evidence (the same words, a photo).
      const weakened = parts.weakened.length > 0 && !street;
      const alike = Math.min(
        Math.max(words, bothTyped && street ? (number ? 1 : 0.9) : 0, exit ? 1 : 0),
        weakened ? PLACE_NAME_MIN_SIMILARITY : 1,
      );
      if (alike < PLACE_NAME_MIN_SIMILARITY) continue;
      hits.push({
        signal: 'PLACE_TIME',
        otherTipId: r.other_tip_id,
        placeSimilarity: Math.round(alike * 100) / 100,
        minutes: Math.round(Number(r.minutes)),
        sameAppeal: r.same_appeal,
        ...(parts.matched.length ? { placeMatched: parts.matched } : {}),
        ...(weakened ? { placeWeakened: parts.weakened } : {}),
      });
    }
    return hits
      .sort(
        (a, b) =>
          ('placeSimilarity' in b ? b.placeSimilarity : 0) - ('placeSimilarity' in a ? a.placeSimilarity : 0),
      )
      .slice(0, CANDIDATES_PER_SIGNAL);
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

  /**
   * Tips whose words mention a plate, phone, address, handle or full name this tip's words
   * mention, up to CANDIDATES_PER_SIGNAL per value. A value more than MENTIONS_CAP tips mention (an
   * alert's own plate, repeated by everyone who saw it) says nothing about two of them, and is left
   * out; the rest carry their count, which weakens the signal as it grows (scoring.ts). A name of
   * one word ("Kevin") names no one in particular and is not compared. Each pair also says whether
   * the two tips tell of different moments (toldElsewhere): one car seen on two days is two leads.
   */
  async sharedObservables(tx: EntityManager, tip: TipProfile): Promise<SignalHit[]> {
    const rows: {
      other_tip_id: string;
      kind: ObservableKind;
      value: string;
      mentions: number;
      same_appeal: boolean;
      days: number;
      received_at: Date;
      latitude: number | null;
      longitude: number | null;
      stated_at: Date | null;
      place_norm: string | null;
      place: string | null;
    }[] = await tx.query(
      `WITH mine AS (
         SELECT DISTINCT kind, value FROM tip_observable
          WHERE tip_id = $1 AND agency_id = $2 AND retracted_at IS NULL AND kind = ANY($3::text[])
            AND (kind <> 'PERSON' OR value LIKE '% %')
       ), counted AS (
         SELECT m.kind, m.value,
                (SELECT count(DISTINCT c.tip_id)::int FROM (
                   SELECT tip_id FROM tip_observable c
                    WHERE c.agency_id = $2 AND c.kind = m.kind AND c.value = m.value AND c.retracted_at IS NULL
                    LIMIT ${MENTIONS_CAP + 1}) c) AS mentions
           FROM mine m
       )
       SELECT o.tip_id AS other_tip_id, c.kind, c.value, c.mentions,
              f.appeal_id IS NOT DISTINCT FROM $4::uuid AS same_appeal,
              abs(extract(epoch FROM f.received_at - $5::timestamptz)) / 86400 AS days,
              f.received_at, f.latitude, f.longitude, f.stated_at, f.place_norm, t.place
         FROM counted c
         CROSS JOIN LATERAL (
           SELECT DISTINCT o.tip_id FROM tip_observable o
            WHERE o.agency_id = $2 AND o.kind = c.kind AND o.value = c.value AND o.retracted_at IS NULL
              AND o.tip_id <> $1
            LIMIT ${CANDIDATES_PER_SIGNAL}) o
         JOIN tip_fingerprint f ON f.tip_id = o.tip_id AND f.agency_id = $2
         JOIN tip t ON t.id = o.tip_id
        WHERE c.mentions <= ${MENTIONS_CAP}
        ORDER BY c.mentions, array_position($3::text[], c.kind), c.value, o.tip_id`,
      [tip.tipId, tip.agencyId, STRONG_OBSERVABLE_KINDS, tip.appealId, tip.receivedAt],
    );
    const byTip = new Map<string, SignalHit & { signal: 'OBSERVABLE' }>();
    for (const r of rows) {
      const hit = byTip.get(r.other_tip_id) ?? {
        signal: 'OBSERVABLE' as const,
        otherTipId: r.other_tip_id,
        shared: [],
        sameAppeal: r.same_appeal,
        days: Math.round(Number(r.days) * 10) / 10,
        elsewhere: toldOfAnotherMoment(tip, r),
      };
      hit.shared.push({ kind: r.kind, value: r.value, mentions: r.mentions });
      byTip.set(r.other_tip_id, hit);
    }
    return [...byTip.values()];
  }
}

/** |A ∩ B| / |A ∪ B|: what pg_trgm's similarity computes. */
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** The share of a place name's trigrams found in a text (paddedWords): 1 when the text names it. */
function containment(place: Set<string>, paddedText: string): number {
  let found = 0;
  for (const t of place) if (paddedText.includes(t)) found++;
  return found / (place.size || 1);
}

/** Beyond these, two tipsters who both said where or when were not telling of the same moment. */
const ELSEWHERE_HOURS = 6;
const ELSEWHERE_METRES = 2000;

/**
 * Whether two tips, whatever their words, tell of different moments: both said when, hours
 * apart; both gave a position, kilometres apart; or both typed a place, with nothing in common.
 * The same words about another moment are a form of words (the appeal's own, a template), not a
 * repeat.
 */
function toldElsewhere(
  tip: TipProfile,
  other: {
    latitude: number | null;
    longitude: number | null;
    stated_at: Date | null;
    place_norm: string | null;
    place: string | null;
  },
): { elsewhere: boolean; placeDiffered?: string[] } {
  if (
    tip.statedAt &&
    other.stated_at &&
    Math.abs(tip.statedAt.getTime() - other.stated_at.getTime()) > ELSEWHERE_HOURS * 3_600_000
  )
    return { elsewhere: true };
  if (positionsApart(tip, other)) return { elsewhere: true };
  if (
    tip.placeNorm &&
    other.place_norm &&
    jaccard(trigramsOf(tip.placeNorm), trigramsOf(other.place_norm)) < 0.2
  )
    return { elsewhere: true };
  // Both typed a place, and what distinguishes places (municipality, street, number) differs.
  if (tip.place && other.place) {
    const parts = compareNamedPlaces(tip, other);
    if (parts.verdict === 'different') return { elsewhere: true, placeDiffered: parts.differed };
  }
  return { elsewhere: false };
}

/** Both tips have a position (their own, a photo's, or their typed place's), kilometres apart. */
function positionsApart(
  tip: TipProfile,
  other: { latitude: number | null; longitude: number | null },
): boolean {
  if (tip.latitude === null || tip.longitude === null || other.latitude === null || other.longitude === null)
    return false;
  return haversineMetres(tip.latitude, tip.longitude, other.latitude, other.longitude) > ELSEWHERE_METRES;
}

/** A tip that says nothing of when tells of something within a day of its arrival, if of a moment at all. */
const UNSAID_MOMENT_HOURS = 24;

/**
 * Whether two tips that mention one plate, number or name tell of two moments: as for text
 * (toldElsewhere), or one said when and the other arrived days from then ("the car is at my
 * neighbour's" on Sunday, "I saw it on the highway this morning" on Wednesday): the same car twice,
 * two leads.
 */
function toldOfAnotherMoment(
  tip: TipProfile,
  other: Parameters<typeof toldElsewhere>[1] & { received_at: Date },
): boolean {
  if (toldElsewhere(tip, other).elsewhere) return true;
  if (Boolean(tip.statedAt) === Boolean(other.stated_at)) return false;
  const [said, arrived] = tip.statedAt
    ? [tip.statedAt, new Date(other.received_at)]
    : [new Date(other.stated_at!), tip.receivedAt];
  return Math.abs(said.getTime() - arrived.getTime()) > UNSAID_MOMENT_HOURS * 3_600_000;
}

/**
 * What distinguishes the two tips' places: the typed places, or, where one tip typed none, the
 * other's typed place against the municipalities and streets its words name.
 */
function compareNamedPlaces(
  tip: TipProfile,
  other: { place: string | null; text_norm?: string },
): ReturnType<typeof comparePlaces> {
  const partsOf = (place: string | null, text: string | undefined): PlaceParts | null =>
    place ? placeParts(place, 'typed') : text ? placeParts(text, 'text') : null;
  const mine = partsOf(tip.place, tip.textNorm);
  const theirs = partsOf(other.place, other.text_norm);
  if (!mine || !theirs) return { verdict: 'unknown', matched: [], differed: [], weakened: [] };
  return comparePlaces(mine, theirs);
}

function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
