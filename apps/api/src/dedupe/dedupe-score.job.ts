import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue';
import { DEDUPE_SCORE_JOB } from './dedupe-jobs';
import { DedupeSettings } from './dedupe-settings';
import { CandidateSearch } from './signals/candidate-search';
import { scorePair } from './signals/scoring';
import type { SignalHit } from './signals/signal-hit';
import { recordFingerprint } from './signals/tip-fingerprints';
import type { TipProfile } from './signals/tip-profile';

export interface ScoreOutcome {
  tipId: string;
  /** The tip no longer exists (nothing to do), or was scored. */
  outcome: 'NO_TIP' | 'SCORED';
  /** Pairs some signal connects, and how many of them reach the suggestion threshold. */
  pairs: number;
  suggested: number;
}

/**
 * Scores one tip against the other tips of its agency. Enqueued by the tips feature when a tip
 * without files is received and each time one of a tip's files is processed, so the tip is scored
 * again with what it has so far. Running it twice writes the same rows: the fingerprint and bands
 * are upserts, and a pair's row is only rewritten when its score or reasons change.
 */
@Injectable()
export class DedupeScoreJob implements OnModuleInit {
  private readonly logger = new Logger(DedupeScoreJob.name);
  private readonly search: CandidateSearch;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly settings: DedupeSettings,
  ) {
    this.search = new CandidateSearch(settings);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ tipId: string }>({
      name: DEDUPE_SCORE_JOB,
      handle: async ({ tipId }) => {
        const result = await this.score(tipId);
        this.logger.debug(result, 'tip scored for duplicates');
      },
    });
  }

  async score(tipId: string): Promise<ScoreOutcome> {
    // Committed first, searched second: see recordFingerprint.
    const profile = await recordFingerprint(this.dataSource, tipId);
    if (!profile) return { tipId, outcome: 'NO_TIP', pairs: 0, suggested: 0 };
    return this.dataSource.transaction(async (tx) => {
      const hits = await this.search.find(tx, profile);
      return { tipId, outcome: 'SCORED' as const, ...(await this.saveSuggestions(tx, profile, hits)) };
    });
  }

  private async saveSuggestions(
    tx: EntityManager,
    tip: TipProfile,
    hits: SignalHit[],
  ): Promise<{ pairs: number; suggested: number }> {
    const byOther = new Map<string, SignalHit[]>();
    for (const hit of hits) byOther.set(hit.otherTipId, [...(byOther.get(hit.otherTipId) ?? []), hit]);
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
