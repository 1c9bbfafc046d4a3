import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import type { DuplicatesView } from '@vigie/common';
import { mediaOf } from './media-views';
import type { Reason } from './signals/signal-hit';

/** A desk panel shows a screenful; the rest are reached by merging and looking again. */
const MAX_SUGGESTIONS = 50;
const EXCERPT_CHARS = 280;

/** Reads the suggestions the scoring job stored, for the duplicates panel. */
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
      }[] = await tx.query(
        `SELECT d.other_id, d.score, d.reasons, d.updated_at, t.code, t.received_at, t.language, t.status,
                t.priority, t.appeal_id, t.place, left(t.description, $4) AS excerpt, m.cluster_id
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
            media: media.get(r.other_id) ?? [],
          },
          score: Math.round(Number(r.score) * 100) / 100, // stored as real: 0.97 reads back 0.9700000286
          reasons: r.reasons,
          updatedAt: r.updated_at.toISOString(),
        })),
      };
    });
  }
}
