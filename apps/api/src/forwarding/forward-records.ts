import type { ForwardRecord, ForwardSnapshot, SentForward } from '@vigie/common';
import type { DataSource, EntityManager } from 'typeorm';

/*
 * The sending agency's read-only record of what it forwarded. Only the sender reads these: the
 * receiver sees a forward as a badge and a note on its own tip (desk/tip-summary.ts).
 */

interface ForwardRow {
  id: string;
  mode: ForwardRecord['mode'];
  tip_id: string;
  to_id: string;
  to_name: string;
  note: string;
  forwarded_at: Date;
  by_id: string;
  by_name: string;
  opened_at: Date | null;
  revoked_at: Date | null;
  revoked_by_id: string | null;
  revoked_by_name: string | null;
  snapshot: ForwardSnapshot;
}

const SELECT = `SELECT f.id, f.mode, f.tip_id, g.id AS to_id, g.name AS to_name, f.note, f.forwarded_at,
       b.id AS by_id, b.display_name AS by_name, f.opened_at, f.revoked_at,
       r.id AS revoked_by_id, r.display_name AS revoked_by_name, f.snapshot
  FROM tip_forward f JOIN agency g ON g.id = f.to_agency_id
  JOIN staff_user b ON b.id = f.forwarded_by LEFT JOIN staff_user r ON r.id = f.revoked_by`;

function sent(r: ForwardRow): SentForward {
  return {
    id: r.id,
    mode: r.mode,
    to: { id: r.to_id, name: r.to_name },
    note: r.note,
    forwardedAt: r.forwarded_at.toISOString(),
    forwardedBy: { id: r.by_id, displayName: r.by_name },
    openedAt: r.opened_at?.toISOString(),
    revokedAt: r.revoked_at?.toISOString(),
    revokedBy: r.revoked_by_id ? { id: r.revoked_by_id, displayName: r.revoked_by_name! } : undefined,
    revocable: !r.opened_at && !r.revoked_at,
  };
}

/** One forward the agency sent, with its snapshot and the agency's own notes on the tip; undefined if not its. */
export async function sentForward(
  db: DataSource | EntityManager,
  agencyId: string,
  forwardId: string,
): Promise<ForwardRecord | undefined> {
  const [row]: ForwardRow[] = await db.query(`${SELECT} WHERE f.id = $1 AND f.from_agency_id = $2`, [
    forwardId,
    agencyId,
  ]);
  if (!row) return undefined;
  const notes = await db.query(
    `SELECT n.id, n.body, n.created_at, u.id AS author_id, u.display_name FROM tip_note n JOIN staff_user u ON u.id = n.author_id
      WHERE n.tip_id = $1 AND n.agency_id = $2 ORDER BY n.created_at`,
    [row.tip_id, agencyId],
  );
  return {
    ...sent(row),
    tipId: row.tip_id,
    snapshot: row.snapshot,
    notes: notes.map(
      (n: { id: string; body: string; created_at: Date; author_id: string; display_name: string }) => ({
        id: n.id,
        body: n.body,
        author: { id: n.author_id, displayName: n.display_name },
        createdAt: n.created_at.toISOString(),
      }),
    ),
  };
}

/** The forwards the agency sent, newest first (at most `limit`), without their notes. */
export async function sentForwards(
  db: DataSource,
  agencyId: string,
  limit: number,
): Promise<Omit<ForwardRecord, 'notes'>[]> {
  const rows: ForwardRow[] = await db.query(
    `${SELECT} WHERE f.from_agency_id = $1 ORDER BY f.forwarded_at DESC, f.id LIMIT $2`,
    [agencyId, limit],
  );
  return rows.map((r) => ({ ...sent(r), tipId: r.tip_id, snapshot: r.snapshot }));
}
