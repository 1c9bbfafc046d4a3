import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppealTipStats, TipStatus } from '@vigie/common';
import { DataSource } from 'typeorm';
import { commonError } from '../../common/domain.exception';
import type { StaffActor } from '../../common/staff-actor';

/** Counts for an appeal's dashboard: tips per hour since publication, and by status. No contents. */
@Injectable()
export class TipStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forAppeal(actor: StaffActor, appealId: string): Promise<AppealTipStats> {
    const [appeal] = await this.dataSource.query(
      `SELECT first_published_at FROM appeal WHERE id = $1 AND agency_id = $2`,
      [appealId, actor.agencyId],
    );
    if (!appeal) throw commonError('NOT_FOUND');
    const [perHour, byStatus] = await Promise.all([
      this.dataSource.query(
        `SELECT date_trunc('hour', received_at) AS hour, count(*)::int AS count FROM tip WHERE appeal_id = $1 AND agency_id = $2 GROUP BY 1 ORDER BY 1`,
        [appealId, actor.agencyId],
      ),
      this.dataSource.query(
        `SELECT status, count(*)::int AS count FROM tip WHERE appeal_id = $1 AND agency_id = $2 GROUP BY status`,
        [appealId, actor.agencyId],
      ),
    ]);
    const statuses = Object.fromEntries(Object.values(TipStatus).map((s) => [s, 0])) as Record<
      TipStatus,
      number
    >;
    for (const row of byStatus as { status: TipStatus; count: number }[]) statuses[row.status] = row.count;
    return {
      appealId,
      publishedAt: appeal.first_published_at?.toISOString(),
      perHour: (perHour as { hour: Date; count: number }[]).map((r) => ({
        hour: r.hour.toISOString(),
        count: r.count,
      })),
      byStatus: statuses,
      total: Object.values(statuses).reduce((a, b) => a + b, 0),
    };
  }
}
