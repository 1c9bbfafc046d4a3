import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue';
import { DEDUPE_SCORE_JOB } from '../jobs/job-registry';
import { MediaStore } from '../media/media-store';
import { TipObservables } from '../observables/tip-observables.service';
import type { StoredRendition } from '../tips/tip-media.entity';
import { DuplicateSignals } from './duplicate-signals.service';
import { DedupeSettings } from './dedupe-settings';
import { CandidateSearch } from './signals/candidate-search';
import { scorePair } from './signals/scoring';
import type { SignalHit } from './signals/signal-hit';
import { innerPhotoHash, looksLikeScreen } from './signals/screenshot-hash';
import { recordFingerprint, stillLatest, storeHash } from './signals/tip-fingerprints';
import type { TipProfile } from './signals/tip-profile';

export interface ScoreOutcome {
  tipId: string;
  /**
   * The tip no longer exists (nothing to do); a later run recorded a newer fingerprint of it (that
   * run writes the suggestions, from what it knows); or it was scored.
   */
  outcome: 'NO_TIP' | 'SUPERSEDED' | 'SCORED';
  /** Pairs some signal connects, and how many of them reach the suggestion threshold. */
  pairs: number;
  suggested: number;
}

/**
 * Scores one tip against the other tips of its agency. Enqueued by the tips feature when a tip is
 * received (with what is known then: words, place, time, contact, the files' SHA-256) and again
 * each time one of its files is processed (a photo's perceptual hash and GPS), so an investigator
 * sees a photo tip's duplicates by its words at once, and the photo's reason joins them when it is
 * ready. Running it twice writes the same rows: the fingerprint and bands are upserts, and a pair's
 * row is only rewritten when its score or reasons change. Nothing here is audited or announced:
 * the desk reads suggestions when it shows a tip.
 */
@Injectable()
export class DedupeScoreJob implements OnModuleInit {
  private readonly logger = new Logger(DedupeScoreJob.name);
  private readonly search: CandidateSearch;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly settings: DedupeSettings,
    private readonly store: MediaStore,
    private readonly observables: TipObservables,
    private readonly signals: DuplicateSignals,
  ) {
    this.search = new CandidateSearch(settings);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: DEDUPE_SCORE_JOB,
      handle: async ({ tipId }) => {
        const result = await this.score(tipId);
        this.logger.debug(result, 'tip scored for duplicates');
      },
    });
  }

  async score(tipId: string): Promise<ScoreOutcome> {
    await this.followMove(tipId);
    // The plates, numbers and addresses in the tip's words (and the tipster's messages so far),
    // committed before the search like the fingerprint, so the shared-observable signal sees them.
    await this.observables.recordFromTip(tipId);
    // Committed first, searched second: see recordFingerprint.
    const profile = await recordFingerprint(this.dataSource, tipId);
    if (!profile) return { tipId, outcome: 'NO_TIP', pairs: 0, suggested: 0 };
    await this.recordScreenshotHashes(profile);
    return this.dataSource.transaction(async (tx) => {
      // Scored at intake, then again as each file is processed: runs for one tip may overlap, and
      // the one that recorded the latest fingerprint writes last (see stillLatest).
      if (!(await stillLatest(tx, tipId, profile.recorded)))
        return { tipId, outcome: 'SUPERSEDED' as const, pairs: 0, suggested: 0 };
      const hits = await this.search.find(tx, profile);
      return { tipId, outcome: 'SCORED' as const, ...(await this.saveSuggestions(tx, profile, hits)) };
    });
  }

  /**
   * A tip transferred to another agency has its signals forgotten and its observables moved in the
   * transfer's transaction (forwarding). A run of this job that read the tip just before and wrote
   * just after would leave some under the former agency, where its upserts (which never change an
   * agency) would keep them: so each run first checks, under the tip's lock, and does the move again.
   */
  private async followMove(tipId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [tip]: { agency_id: string; stale: boolean }[] = await tx.query(
        `SELECT t.agency_id,
                EXISTS (SELECT 1 FROM tip_fingerprint f WHERE f.tip_id = t.id AND f.agency_id <> t.agency_id)
                OR EXISTS (SELECT 1 FROM tip_observable o WHERE o.tip_id = t.id AND o.agency_id <> t.agency_id) AS stale
           FROM tip t WHERE t.id = $1 FOR SHARE`,
        [tipId],
      );
      if (!tip?.stale) return;
      await this.signals.forget(tx, tipId);
      await this.observables.moveWithTip(tx, tipId, tip.agency_id);
    });
  }

  /**
   * For a photo shaped like a phone screen, also hashes the photo inside it (screenshot-hash.ts),
   * from the preview rendition. Once per file: the hash is kept with the others, committed
   * before the search like them.
   */
  private async recordScreenshotHashes(tip: TipProfile): Promise<void> {
    const files: {
      id: string;
      renditions: StoredRendition[];
      evidence: { width?: number; height?: number } | null;
    }[] = await this.dataSource.query(
      `SELECT id, renditions, evidence FROM tip_media WHERE tip_id = $1 AND kind = 'image' AND state = 'READY'`,
      [tip.tipId],
    );
    for (const media of tip.media) {
      const file = files.find((f) => f.id === media.id);
      const preview = file?.renditions.find((r) => r.name === 'preview');
      if (media.innerHash || !preview || !looksLikeScreen(file?.evidence?.width, file?.evidence?.height))
        continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await this.store.read(preview.key)) chunks.push(chunk as Buffer);
      const inner = await innerPhotoHash(Buffer.concat(chunks));
      if (!inner) continue;
      await this.dataSource.transaction((tx) =>
        storeHash(tx, { id: media.id, tipId: tip.tipId, agencyId: tip.agencyId }, 1, inner),
      );
      media.innerHash = inner;
    }
  }

  private async saveSuggestions(
    tx: EntityManager,
    tip: TipProfile,
    hits: SignalHit[],
  ): Promise<{ pairs: number; suggested: number }> {
    const byOther = new Map<string, SignalHit[]>();
    for (const hit of hits) {
      const list = byOther.get(hit.otherTipId);
      if (list) list.push(hit);
      else byOther.set(hit.otherTipId, [hit]);
    }
    const rows = [...byOther].map(([other, pairHits]) => {
      const [tipA, tipB] = tip.tipId < other ? [tip.tipId, other] : [other, tip.tipId];
      return { tipA, tipB, ...scorePair(pairHits, this.settings) };
    });
    const kept = rows.filter((r) => r.reasons.length > 0);
    if (kept.length > 0) {
      await tx.query(
        `INSERT INTO duplicate_suggestion AS s (tip_a, tip_b, agency_id, score, suggested, reasons)
         SELECT r."tipA", r."tipB", $2, r.score, r.suggested, r.reasons
           FROM jsonb_to_recordset($1::jsonb) AS r("tipA" uuid, "tipB" uuid, score real, suggested boolean, reasons jsonb)
         ON CONFLICT ON CONSTRAINT duplicate_suggestion_pkey DO UPDATE
            SET score = EXCLUDED.score, suggested = EXCLUDED.suggested, reasons = EXCLUDED.reasons, updated_at = now()
          WHERE (s.score, s.suggested, s.reasons) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.suggested, EXCLUDED.reasons)`,
        [JSON.stringify(kept), tip.agencyId],
      );
    }
    return { pairs: kept.length, suggested: kept.filter((r) => r.suggested).length };
  }
}
