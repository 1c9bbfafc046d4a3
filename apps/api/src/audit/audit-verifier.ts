import { Client } from 'pg';
import { ChainBreak, ChainedFields, findFirstBreak } from './audit-chain';

export interface VerifyReport {
  chains: number;
  /** Events verified before any break. */
  events: number;
  /** The first broken link of each broken chain; empty when the log is intact. */
  breaks: ChainBreak[];
}

/** Re-reads every chain from the database, in batches, and recomputes each link. */
export async function verifyAuditLog(client: Client, batchSize = 5000): Promise<VerifyReport> {
  const { rows: chains } = await client.query<{ chain: string }>(
    'SELECT DISTINCT chain FROM audit_event ORDER BY chain',
  );
  let events = 0;
  const breaks: ChainBreak[] = [];
  for (const { chain } of chains) {
    let afterId = '0';
    let prev: string | undefined;
    for (;;) {
      // Order by the bigint column, not the text alias: as text, "10" sorts before "9".
      const { rows } = await client.query(
        `SELECT id::text, chain, agency_id, actor_id, action, entity_type, entity_id, data, created_at, prev_hash, hash
           FROM audit_event WHERE chain = $1 AND id > $2 ORDER BY audit_event.id LIMIT $3`,
        [chain, afterId, batchSize],
      );
      if (rows.length === 0) break;
      const batch: (ChainedFields & { hash: string })[] = rows.map((r) => ({
        id: r.id,
        chain: r.chain,
        agencyId: r.agency_id,
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        data: r.data,
        createdAt: r.created_at,
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
      const firstBreak = findFirstBreak(batch, prev);
      if (firstBreak) {
        events += batch.findIndex((b) => b.id === firstBreak.id);
        breaks.push(firstBreak);
        break;
      }
      events += batch.length;
      prev = batch[batch.length - 1].hash;
      afterId = batch[batch.length - 1].id;
    }
  }
  return { chains: chains.length, events, breaks };
}
