import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DuplicateDecisionDto, DuplicateDecisionResult } from '@vigie/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../audit/audit.service';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { ClusterDecisionsService } from './cluster-decisions.service';
import { dedupeError } from './dedupe.errors';

/**
 * Many duplicates decided at once from the inbox (`POST /api/tips/duplicates/decisions`): a whole
 * group merged into its primary, or its tips declared not duplicates. All or nothing, in one
 * transaction under the agency's cluster lock, with one audit line per tip (per pair for
 * rejections, on both tips, as for one decision); with a target, "not a duplicate" is about the
 * target's pairs only (a tip's duplicates panel). The investigator decided on what they saw: a tip
 * changed since (its version moved) refuses the whole decision, naming it, so a status set or a
 * reply that arrived meanwhile is looked at first.
 */
@Injectable()
export class DuplicateDecisionsService {
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clusters: ClusterDecisionsService,
    audit: AuditService,
  ) {
    this.record = audit.about('tip');
  }

  async decide(actor: StaffActor, dto: DuplicateDecisionDto): Promise<DuplicateDecisionResult> {
    const ids = dto.tips.map((tip) => tip.id);
    if (dto.decision === 'NOT_DUPLICATE' && dto.mergeClusters !== undefined) {
      throw commonError('VALIDATION_FAILED', {
        errors: { mergeClusters: 'Only a merge can merge clusters' },
      });
    }
    if (dto.target && ids.includes(dto.target.id)) throw dedupeError('SELF_DUPLICATE');
    return this.dataSource.transaction(async (tx) => {
      await this.clusters.lockAgency(tx, actor.agencyId);
      await this.checkSeen(tx, actor, dto);
      if (dto.decision === 'MERGE') {
        const merged = await this.clusters.mergeWithin(
          tx,
          actor,
          dto.target!.id,
          ids,
          dto.mergeClusters ?? false,
        );
        const added = new Set(merged.added);
        return {
          decision: 'MERGE',
          clusterId: merged.clusterId,
          primaryTipId: merged.primaryTipId,
          results: ids.map((id) => ({ id, outcome: added.has(id) ? 'MERGED' : 'ALREADY_MERGED' })),
        };
      }
      const results = dto.target
        ? await this.separateFrom(tx, actor, dto.target.id, ids)
        : await this.separate(tx, actor, ids);
      return { decision: 'NOT_DUPLICATE', results };
    });
  }

  /** Every tip named exists in the caller's agency (else 404, listing them) at the version seen (else 409). */
  private async checkSeen(tx: EntityManager, actor: StaffActor, dto: DuplicateDecisionDto): Promise<void> {
    const seen = dto.target ? [dto.target, ...dto.tips] : dto.tips;
    // FOR SHARE: a triage change to one of them waits for this decision, or this one waits for it.
    const rows: { id: string; code: string; version: number }[] = await tx.query(
      `SELECT id, code, version FROM tip WHERE id = ANY($1::uuid[]) AND agency_id = $2 FOR SHARE`,
      [seen.map((s) => s.id), actor.agencyId],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const missing = seen.filter((s) => !found.has(s.id)).map((s) => s.id);
    if (missing.length) throw dedupeError('UNKNOWN_TIPS', { details: { missing } });
    const stale = seen
      .map((s) => ({ seen: s.version, ...found.get(s.id)! }))
      .filter((r) => r.version !== r.seen)
      .map(({ id, code, version }) => ({ id, code, version }));
    if (stale.length) throw dedupeError('STALE_TIPS', { details: { stale } });
  }

  /**
   * "Not duplicates of this one" (a tip's duplicates panel): rejects the pair of the target with each
   * named tip, and nothing else, whether or not the pair is suggested now, so it never is again.
   * Refused (409 SAME_CLUSTER) if one of them is merged with the target: unmerge it first.
   */
  private async separateFrom(
    tx: EntityManager,
    actor: StaffActor,
    targetId: string,
    ids: string[],
  ): Promise<DuplicateDecisionResult['results']> {
    const merged: { tip_id: string }[] = await tx.query(
      `SELECT mb.tip_id FROM tip_cluster_member ma JOIN tip_cluster_member mb ON mb.cluster_id = ma.cluster_id
        WHERE ma.tip_id = $1 AND mb.tip_id = ANY($2::uuid[])`,
      [targetId, ids],
    );
    if (merged.length)
      throw dedupeError('SAME_CLUSTER', { details: { merged: merged.map((m) => m.tip_id) } });
    const pairs = ids.map((id) => (targetId < id ? [targetId, id] : [id, targetId]));
    const inserted: { tip_a: string; tip_b: string }[] = await tx.query(
      `INSERT INTO duplicate_rejection (tip_a, tip_b, agency_id, rejected_by)
       SELECT unnest($1::uuid[]), unnest($2::uuid[]), $3, $4
       ON CONFLICT ON CONSTRAINT duplicate_rejection_pkey DO NOTHING RETURNING tip_a, tip_b`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1]), actor.agencyId, actor.userId],
    );
    const separated = new Set(inserted.map((p) => (p.tip_a === targetId ? p.tip_b : p.tip_a)));
    // In the order named, as for one decision: the target's line, then the other tip's.
    for (const id of ids.filter((one) => separated.has(one))) {
      await this.record(tx, actor, targetId, 'tip.not_duplicate', { otherId: id });
      await this.record(tx, actor, id, 'tip.not_duplicate', { otherId: targetId });
    }
    return ids.map((id) =>
      separated.has(id) ? { id, outcome: 'SEPARATED', pairs: 1 } : { id, outcome: 'ALREADY_SEPARATE' },
    );
  }

  /**
   * Rejects every open suggestion touching a named tip (suggested, not yet rejected, the two not
   * merged together), so each named tip stands alone: named together, they are not duplicates of
   * each other either. Merged tips stay merged (unmerging is its own decision).
   */
  private async separate(
    tx: EntityManager,
    actor: StaffActor,
    ids: string[],
  ): Promise<DuplicateDecisionResult['results']> {
    const pairs: { tip_a: string; tip_b: string }[] = await tx.query(
      `SELECT s.tip_a, s.tip_b FROM duplicate_suggestion s
        WHERE s.suggested AND s.agency_id = $2 AND (s.tip_a = ANY($1::uuid[]) OR s.tip_b = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM duplicate_rejection r WHERE r.tip_a = s.tip_a AND r.tip_b = s.tip_b)
          AND NOT EXISTS (
            SELECT 1 FROM tip_cluster_member ma JOIN tip_cluster_member mb ON mb.cluster_id = ma.cluster_id
             WHERE ma.tip_id = s.tip_a AND mb.tip_id = s.tip_b)
        ORDER BY s.tip_a, s.tip_b`,
      [ids, actor.agencyId],
    );
    if (pairs.length) {
      await tx.query(
        `INSERT INTO duplicate_rejection (tip_a, tip_b, agency_id, rejected_by)
         SELECT unnest($1::uuid[]), unnest($2::uuid[]), $3, $4`,
        [pairs.map((p) => p.tip_a), pairs.map((p) => p.tip_b), actor.agencyId, actor.userId],
      );
    }
    for (const { tip_a, tip_b } of pairs) {
      await this.record(tx, actor, tip_a, 'tip.not_duplicate', { otherId: tip_b });
      await this.record(tx, actor, tip_b, 'tip.not_duplicate', { otherId: tip_a });
    }
    return ids.map((id) => {
      const count = pairs.filter((p) => p.tip_a === id || p.tip_b === id).length;
      return count ? { id, outcome: 'SEPARATED', pairs: count } : { id, outcome: 'ALREADY_SEPARATE' };
    });
  }
}
