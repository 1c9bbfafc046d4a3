import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../audit/audit.service';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { dedupeError } from './dedupe.errors';
import type { MergeResult, RejectionResult, UnmergeResult } from '@vigie/common';

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]; this keeps the rows. */
async function updateReturning<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await tx.query(sql, params)) as [T[], number];
  return rows;
}

interface Membership {
  id: string;
  received_at: Date;
  cluster_id: string | null;
}

/**
 * The investigators' decisions: merge (confirm duplicates into a cluster), unmerge, and "not a
 * duplicate". Each is one transaction with its audit lines, under a per-agency lock so that two
 * people merging overlapping tips at the same moment are applied one after the other, each
 * seeing the other's result. Merging never writes a tip row: every tip keeps its text, files,
 * thread, version and history exactly as they were, and unmerging restores it completely.
 *
 * The cluster rule (README.md): a tip is in at most one cluster. Merging tips into a tip joins
 * the target's cluster, or makes one with the target as primary. A tip already in another
 * cluster is refused with 409 CLUSTER_CONFLICT, unless the request says `mergeClusters: true`:
 * then all members of those clusters move into the target's, whose primary stays, and the
 * emptied clusters are closed with `merged_into` (kept, not deleted).
 */
@Injectable()
export class ClusterDecisionsService {
  /** Audits what a staff member did to a tip. */
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.record = audit.about('tip');
  }

  async merge(
    actor: StaffActor,
    targetId: string,
    duplicateIds: string[],
    mergeClusters = false,
  ): Promise<MergeResult> {
    if (duplicateIds.includes(targetId)) throw dedupeError('SELF_DUPLICATE');
    return this.dataSource.transaction((tx) =>
      this.mergeWithin(tx, actor, targetId, duplicateIds, mergeClusters),
    );
  }

  /** A merge inside the caller's transaction (the bulk decisions check versions first, in the same one). */
  async mergeWithin(
    tx: EntityManager,
    actor: StaffActor,
    targetId: string,
    duplicateIds: string[],
    mergeClusters: boolean,
  ): Promise<MergeResult> {
    if (duplicateIds.includes(targetId)) throw dedupeError('SELF_DUPLICATE');
    await this.lockAgency(tx, actor.agencyId);
    const found = await this.memberships(tx, actor.agencyId, [targetId, ...duplicateIds]);
    const target = found.get(targetId);
    if (!target) throw commonError('NOT_FOUND');
    const missing = duplicateIds.filter((id) => !found.has(id));
    if (missing.length) throw dedupeError('UNKNOWN_TIPS', { details: { missing } });

    const duplicates = duplicateIds.map((id) => found.get(id)!);
    const otherClusters = [
      ...new Set(
        duplicates.map((d) => d.cluster_id).filter((c): c is string => !!c && c !== target.cluster_id),
      ),
    ];
    if (otherClusters.length && !mergeClusters) {
      throw dedupeError('CLUSTER_CONFLICT', {
        details: {
          conflicts: duplicates
            .filter((d) => d.cluster_id && d.cluster_id !== target.cluster_id)
            .map((d) => ({ tipId: d.id, clusterId: d.cluster_id })),
        },
      });
    }
    const toJoin = duplicates.filter((d) => !d.cluster_id).map((d) => d.id);
    if (!toJoin.length && !otherClusters.length) {
      // Everything named is already in the target's cluster: nothing to change or audit.
      return this.summary(tx, target.cluster_id!, [], []);
    }

    let clusterId = target.cluster_id;
    let primaryTipId: string;
    if (clusterId) {
      [{ primary_tip_id: primaryTipId }] = await tx.query(
        `SELECT primary_tip_id FROM tip_cluster WHERE id = $1`,
        [clusterId],
      );
    } else {
      clusterId = randomUUID();
      primaryTipId = targetId;
      await tx.query(
        `INSERT INTO tip_cluster (id, agency_id, primary_tip_id, created_by) VALUES ($1, $2, $3, $4)`,
        [clusterId, actor.agencyId, targetId, actor.userId],
      );
      toJoin.unshift(targetId);
    }
    await tx.query(
      `INSERT INTO tip_cluster_member (tip_id, cluster_id, agency_id, added_by)
       SELECT unnest($1::uuid[]), $2, $3, $4`,
      [toJoin, clusterId, actor.agencyId, actor.userId],
    );
    const moved = otherClusters.length
      ? await updateReturning<{ tip_id: string; from: string }>(
          tx,
          `UPDATE tip_cluster_member m SET cluster_id = $1, added_by = $2, added_at = now()
             FROM tip_cluster_member old
            WHERE m.tip_id = old.tip_id AND old.cluster_id = ANY($3::uuid[])
        RETURNING m.tip_id, old.cluster_id AS "from"`,
          [clusterId, actor.userId, otherClusters],
        )
      : [];
    if (otherClusters.length) {
      await tx.query(
        `UPDATE tip_cluster SET closed_at = now(), merged_into = $1 WHERE id = ANY($2::uuid[])`,
        [clusterId, otherClusters],
      );
    }

    // One line per tip, so that each tip's own history says when and by whom it was merged.
    for (const tipId of toJoin) {
      await this.record(tx, actor, tipId, 'tip.merge', { clusterId, primaryTipId });
    }
    for (const { tip_id, from } of moved) {
      await this.record(tx, actor, tip_id, 'tip.merge', { clusterId, primaryTipId, fromClusterId: from });
    }
    return this.summary(tx, clusterId, [...toJoin, ...moved.map((m) => m.tip_id)], otherClusters);
  }

  async unmerge(actor: StaffActor, tipId: string): Promise<UnmergeResult> {
    return this.dataSource.transaction(async (tx) => {
      await this.lockAgency(tx, actor.agencyId);
      const tip = (await this.memberships(tx, actor.agencyId, [tipId])).get(tipId);
      if (!tip) throw commonError('NOT_FOUND');
      if (!tip.cluster_id) throw dedupeError('NOT_IN_CLUSTER');
      const clusterId = tip.cluster_id;
      // The primary it leaves, named in each line: a tip's history then says which group it left.
      const [{ primary_tip_id: primaryTipId }] = await tx.query(
        `SELECT primary_tip_id FROM tip_cluster WHERE id = $1`,
        [clusterId],
      );
      await tx.query(`DELETE FROM tip_cluster_member WHERE tip_id = $1`, [tipId]);
      await this.record(tx, actor, tipId, 'tip.unmerge', { clusterId, primaryTipId });

      const rest: { tip_id: string }[] = await tx.query(
        `SELECT m.tip_id FROM tip_cluster_member m JOIN tip t ON t.id = m.tip_id
          WHERE m.cluster_id = $1 ORDER BY t.received_at, t.id`,
        [clusterId],
      );
      if (rest.length < 2) {
        // A cluster of one is no cluster: the last tip is on its own again, and the cluster is closed.
        for (const { tip_id } of rest) {
          await tx.query(`DELETE FROM tip_cluster_member WHERE tip_id = $1`, [tip_id]);
          await this.record(tx, actor, tip_id, 'tip.unmerge', {
            clusterId,
            primaryTipId,
            reason: 'cluster closed',
          });
        }
        await tx.query(`UPDATE tip_cluster SET closed_at = now() WHERE id = $1`, [clusterId]);
        return { tipId, clusterId, remaining: null };
      }
      // The primary left: the earliest remaining tip takes its place.
      const [{ primary_tip_id }] = await updateReturning<{ primary_tip_id: string }>(
        tx,
        `UPDATE tip_cluster SET primary_tip_id = CASE WHEN primary_tip_id = $2 THEN $3::uuid ELSE primary_tip_id END
          WHERE id = $1 RETURNING primary_tip_id`,
        [clusterId, tipId, rest[0].tip_id],
      );
      return {
        tipId,
        clusterId,
        remaining: { primaryTipId: primary_tip_id, memberIds: rest.map((r) => r.tip_id) },
      };
    });
  }

  async rejectPair(actor: StaffActor, tipId: string, otherId: string): Promise<RejectionResult> {
    if (tipId === otherId) throw dedupeError('SELF_DUPLICATE');
    return this.dataSource.transaction(async (tx) => {
      await this.lockAgency(tx, actor.agencyId);
      const found = await this.memberships(tx, actor.agencyId, [tipId, otherId]);
      if (!found.has(tipId)) throw commonError('NOT_FOUND');
      if (!found.has(otherId)) throw dedupeError('UNKNOWN_TIPS', { details: { missing: [otherId] } });
      const a = found.get(tipId)!;
      const b = found.get(otherId)!;
      if (a.cluster_id && a.cluster_id === b.cluster_id) throw dedupeError('SAME_CLUSTER');

      const [tipA, tipB] = tipId < otherId ? [tipId, otherId] : [otherId, tipId];
      const inserted: { rejected_at: Date }[] = await tx.query(
        `INSERT INTO duplicate_rejection (tip_a, tip_b, agency_id, rejected_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT duplicate_rejection_pkey DO NOTHING RETURNING rejected_at`,
        [tipA, tipB, actor.agencyId, actor.userId],
      );
      if (!inserted.length) {
        const [{ rejected_at }] = await tx.query(
          `SELECT rejected_at FROM duplicate_rejection WHERE tip_a = $1 AND tip_b = $2`,
          [tipA, tipB],
        );
        return { tipId, otherId, rejectedAt: rejected_at.toISOString(), alreadyRecorded: true };
      }
      await this.record(tx, actor, tipId, 'tip.not_duplicate', { otherId });
      await this.record(tx, actor, otherId, 'tip.not_duplicate', { otherId: tipId });
      return { tipId, otherId, rejectedAt: inserted[0].rejected_at.toISOString(), alreadyRecorded: false };
    });
  }

  /** Serialises cluster changes within one agency; they are rare, and made by people. Re-entrant within a transaction. */
  async lockAgency(tx: EntityManager, agencyId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dedupe:clusters:${agencyId}`]);
  }

  /** The named tips that exist in the agency, with the cluster each is in. */
  private async memberships(
    tx: EntityManager,
    agencyId: string,
    ids: string[],
  ): Promise<Map<string, Membership>> {
    const rows: Membership[] = await tx.query(
      `SELECT t.id, t.received_at, m.cluster_id FROM tip t
         LEFT JOIN tip_cluster_member m ON m.tip_id = t.id
        WHERE t.id = ANY($1::uuid[]) AND t.agency_id = $2`,
      [ids, agencyId],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async summary(
    tx: EntityManager,
    clusterId: string,
    added: string[],
    mergedClusters: string[],
  ): Promise<MergeResult> {
    const [cluster] = await tx.query(`SELECT primary_tip_id FROM tip_cluster WHERE id = $1`, [clusterId]);
    const members: { tip_id: string }[] = await tx.query(
      `SELECT m.tip_id FROM tip_cluster_member m JOIN tip t ON t.id = m.tip_id
        WHERE m.cluster_id = $1 ORDER BY t.received_at, t.id`,
      [clusterId],
    );
    return {
      clusterId,
      primaryTipId: cluster.primary_tip_id,
      memberIds: members.map((m) => m.tip_id),
      added,
      mergedClusters,
    };
  }
}
