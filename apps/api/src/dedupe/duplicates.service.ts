import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import type { ClusterPeerView, DuplicatesView } from '@vigie/common';
import { mediaOf } from './media-views';
import type { Reason } from './signals/signal-hit';

/** A desk panel shows a screenful; the rest are reached by merging and looking again. */
const MAX_SUGGESTIONS = 50;
/** The tips merged with this one that the panel names (a photo merged a thousand times: see the cluster view). */
const MAX_PEERS = 50;
const EXCERPT_CHARS = 280;

/**
 * Reads the suggestions the scoring job stored, and the tips this one is merged with, for the
 * duplicates panel. Each tip comes with its version, which a decision sends back (see
 * DuplicateDecisionsService).
 */
@Injectable()
export class DuplicatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async duplicatesOf(actor: StaffActor, tipId: string): Promise<DuplicatesView> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [tip] = await tx.query(
        `SELECT t.id, t.received_at, m.cluster_id FROM tip t
           LEFT JOIN tip_cluster_member m ON m.tip_id = t.id
          WHERE t.id = $1 AND t.agency_id = $2`,
        [tipId, actor.agencyId],
      );
      if (!tip) throw commonError('NOT_FOUND');
      // tip_duplicate (see the migration) leaves out rejected pairs and tips merged together.
      const rows: {
        other_id: string;
        score: number;
        reasons: Reason[];
        updated_at: Date;
        code: string;
        received_at: Date;
        language: string;
        status: string;
        priority: string;
        appeal_id: string | null;
        place: string | null;
        excerpt: string;
        cluster_id: string | null;
        version: number;
      }[] = await tx.query(
        `SELECT d.other_id, d.score, d.reasons, d.updated_at, t.code, t.received_at, t.language, t.status,
                t.priority, t.appeal_id, t.place, left(t.description, $4) AS excerpt, m.cluster_id, t.version
           FROM tip_duplicate d
           JOIN tip t ON t.id = d.other_id
           LEFT JOIN tip_cluster_member m ON m.tip_id = d.other_id
          WHERE d.tip_id = $1 AND d.agency_id = $2
          ORDER BY d.score DESC, abs(extract(epoch FROM t.received_at - $3::timestamptz)), d.other_id
          LIMIT $5`,
        [tipId, actor.agencyId, tip.received_at, EXCERPT_CHARS, MAX_SUGGESTIONS],
      );
      const media = await mediaOf(
        tx,
        rows.map((r) => r.other_id),
      );
      return {
        tipId,
        clusterId: tip.cluster_id,
        cluster: tip.cluster_id ? await this.clusterOf(tx, tip.cluster_id) : null,
        suggestions: rows.map((r) => ({
          tip: {
            id: r.other_id,
            code: r.code,
            receivedAt: r.received_at.toISOString(),
            language: r.language,
            status: r.status,
            priority: r.priority,
            appealId: r.appeal_id,
            place: r.place,
            excerpt: r.excerpt,
            clusterId: r.cluster_id,
            version: r.version,
            media: media.get(r.other_id) ?? [],
          },
          score: Math.round(Number(r.score) * 100) / 100, // stored as real: 0.97 reads back 0.9700000286
          reasons: r.reasons,
          updatedAt: r.updated_at.toISOString(),
        })),
      };
    });
  }

  /** The cluster's members, the primary first, then by arrival. */
  private async clusterOf(tx: EntityManager, clusterId: string): Promise<DuplicatesView['cluster']> {
    const [cluster]: { primary_tip_id: string; size: number }[] = await tx.query(
      `SELECT c.primary_tip_id, (SELECT count(*)::int FROM tip_cluster_member m WHERE m.cluster_id = c.id) AS size
         FROM tip_cluster c WHERE c.id = $1`,
      [clusterId],
    );
    const rows: {
      id: string;
      code: string;
      received_at: Date;
      excerpt: string;
      version: number;
    }[] = await tx.query(
      `SELECT t.id, t.code, t.received_at, left(t.description, $3) AS excerpt, t.version
         FROM tip_cluster_member m JOIN tip t ON t.id = m.tip_id
        WHERE m.cluster_id = $1
        ORDER BY t.id = $2 DESC, t.received_at, t.id
        LIMIT $4`,
      [clusterId, cluster.primary_tip_id, EXCERPT_CHARS, MAX_PEERS],
    );
    const members: ClusterPeerView[] = rows.map((r) => ({
      id: r.id,
      code: r.code,
      receivedAt: r.received_at.toISOString(),
      excerpt: r.excerpt,
      version: r.version,
      isPrimary: r.id === cluster.primary_tip_id,
    }));
    return { id: clusterId, primaryTipId: cluster.primary_tip_id, size: cluster.size, members };
  }
}
