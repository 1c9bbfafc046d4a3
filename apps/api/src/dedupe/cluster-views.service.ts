import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { dedupeError } from './dedupe.errors';
import type { ClusterMemberView, ClusterView } from '@vigie/common';
import { mediaOf } from './media-views';

/** Everything in a cluster side by side: each tip verbatim, with its files, thread and history. */
@Injectable()
export class ClusterViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async clusterOfTip(actor: StaffActor, tipId: string): Promise<ClusterView> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [tip] = await tx.query(
        `SELECT m.cluster_id FROM tip t LEFT JOIN tip_cluster_member m ON m.tip_id = t.id
          WHERE t.id = $1 AND t.agency_id = $2`,
        [tipId, actor.agencyId],
      );
      if (!tip) throw commonError('NOT_FOUND');
      if (!tip.cluster_id) throw dedupeError('NO_CLUSTER');
      return this.view(tx, actor, tip.cluster_id);
    });
  }

  async cluster(actor: StaffActor, clusterId: string): Promise<ClusterView> {
    return this.dataSource.transaction('REPEATABLE READ', (tx) => this.view(tx, actor, clusterId));
  }

  private async view(tx: EntityManager, actor: StaffActor, clusterId: string): Promise<ClusterView> {
    const [cluster] = await tx.query(
      `SELECT id, primary_tip_id, created_at, created_by FROM tip_cluster
        WHERE id = $1 AND agency_id = $2 AND closed_at IS NULL`,
      [clusterId, actor.agencyId],
    );
    // A closed cluster (everything unmerged, or merged into another) no longer exists for the desk.
    if (!cluster) throw commonError('NOT_FOUND');
    const tips: {
      id: string;
      code: string;
      received_at: Date;
      language: string;
      status: string;
      priority: string;
      appeal_id: string | null;
      description: string;
      place: string | null;
      latitude: number | null;
      longitude: number | null;
      occurred_from: Date | null;
      occurred_to: Date | null;
      added_at: Date;
      added_by: string;
    }[] = await tx.query(
      `SELECT t.id, t.code, t.received_at, t.language, t.status, t.priority, t.appeal_id, t.description,
              t.place, t.latitude, t.longitude, t.occurred_from, t.occurred_to, m.added_at, m.added_by
         FROM tip_cluster_member m JOIN tip t ON t.id = m.tip_id
        WHERE m.cluster_id = $1
        ORDER BY t.id = $2 DESC, t.received_at, t.id`,
      [clusterId, cluster.primary_tip_id],
    );
    const ids = tips.map((t) => t.id);
    const media = await mediaOf(tx, ids);
    const messages: {
      tip_id: string;
      author: string;
      staff_id: string | null;
      body: string;
      created_at: Date;
    }[] = await tx.query(
      `SELECT tip_id, author, staff_id, body, created_at FROM tip_message
          WHERE tip_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    const history: {
      entity_id: string;
      action: string;
      actor_id: string | null;
      created_at: Date;
      data: Record<string, unknown>;
    }[] = await tx.query(
      `SELECT entity_id, action, actor_id, created_at, data FROM audit_event
        WHERE entity_type = 'tip' AND entity_id = ANY($1::text[]) AND agency_id = $2 ORDER BY id`,
      [ids, actor.agencyId],
    );
    const messagesOf = groupBy(messages, (m) => m.tip_id);
    const historyOf = groupBy(history, (h) => h.entity_id);
    const members: ClusterMemberView[] = tips.map((t) => ({
      id: t.id,
      code: t.code,
      isPrimary: t.id === cluster.primary_tip_id,
      receivedAt: t.received_at.toISOString(),
      language: t.language,
      status: t.status,
      priority: t.priority,
      appealId: t.appeal_id,
      description: t.description,
      place: t.place,
      latitude: t.latitude,
      longitude: t.longitude,
      occurredFrom: t.occurred_from?.toISOString() ?? null,
      occurredTo: t.occurred_to?.toISOString() ?? null,
      addedAt: t.added_at.toISOString(),
      addedBy: t.added_by,
      media: media.get(t.id) ?? [],
      messages: (messagesOf.get(t.id) ?? []).map((m) => ({
        author: m.author,
        staffId: m.staff_id,
        body: m.body,
        createdAt: m.created_at.toISOString(),
      })),
      history: (historyOf.get(t.id) ?? []).map((h) => ({
        action: h.action,
        actorId: h.actor_id,
        at: h.created_at.toISOString(),
        data: h.data,
      })),
    }));
    return {
      id: cluster.id,
      primaryTipId: cluster.primary_tip_id,
      createdAt: cluster.created_at.toISOString(),
      createdBy: cluster.created_by,
      members,
    };
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}
