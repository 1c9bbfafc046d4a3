import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What duplicate detection keeps about one tip, for a tip that changes agency (a transfer between
 * agencies, or its revocation): its signals and its suggested or rejected pairs were computed
 * within the agency that held it and must not link it to that agency's tips any more. Forgotten in
 * the caller's transaction; the caller then enqueues `dedupe.score`, which scores it again within
 * its new agency. A tip merged into a cluster is not moved (the caller refuses it first), so
 * clusters are never touched here.
 */
@Injectable()
export class DuplicateSignals {
  async forget(tx: EntityManager, tipId: string): Promise<void> {
    await tx.query(`DELETE FROM duplicate_suggestion WHERE tip_a = $1 OR tip_b = $1`, [tipId]);
    await tx.query(`DELETE FROM duplicate_rejection WHERE tip_a = $1 OR tip_b = $1`, [tipId]);
    await tx.query(`DELETE FROM media_hash_band WHERE tip_id = $1`, [tipId]);
    await tx.query(`DELETE FROM tip_text_band WHERE tip_id = $1`, [tipId]);
    await tx.query(`DELETE FROM tip_fingerprint WHERE tip_id = $1`, [tipId]);
  }

  /** Whether the tip is a member of a duplicate cluster (merged with others of its agency). */
  async isMerged(tx: EntityManager, tipId: string): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM tip_cluster_member WHERE tip_id = $1 UNION ALL SELECT 1 FROM tip_cluster WHERE primary_tip_id = $1 LIMIT 1`,
      [tipId],
    );
    return !!row;
  }
}
