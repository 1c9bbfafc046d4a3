import type { EntityManager } from 'typeorm';

/** A single-column foreign key pointing at a tip, or at one of its files. */
interface Reference {
  table: string;
  column: string;
  target: 'tip' | 'tip_media';
}

/** Thrown when a tip cannot be removed without removing something that is not the tip's. */
export class PurgeBlocked extends Error {}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Every table whose rows belong to a tip, read from the catalog rather than listed here: other
 * features (duplicates, claims, notes) add their own, and a purge that missed one would either fail
 * or, worse, be written to skip it. regclass and quote_ident give names safe to put in SQL.
 */
async function references(tx: EntityManager): Promise<Reference[]> {
  return tx.query(`
    SELECT c.conrelid::regclass::text AS "table", quote_ident(a.attname) AS "column", c.confrelid::regclass::text AS target
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.confrelid IN ('tip'::regclass, 'tip_media'::regclass)
     ORDER BY 1, 2`);
}

/**
 * Deletes a tip and every row that refers to it, inside the caller's transaction. The tip is this
 * feature's, so its removal is too; the rows other features keep about a tip (duplicate signals,
 * live events) exist only because of the tip and go with it. The retention purge (records) decides
 * what is due and calls this. The order
 * between tables is found by trying: a delete refused by a foreign key is retried after the
 * others (each in a savepoint), until none is left or a pass makes no progress. A row that is
 * referenced by something else (a duplicate cluster this tip leads, with other members) stops the
 * purge of this tip with PurgeBlocked; nothing is deleted then. The audit log is untouched: it
 * names tips only by id, in text, with no foreign key.
 */
export async function deleteTipRows(tx: EntityManager, tipId: string, mediaIds: string[]): Promise<void> {
  let pending = (await references(tx)).map((r) => ({
    label: r.table,
    sql: `DELETE FROM ${r.table} WHERE ${r.column} = ${r.target === 'tip' ? '$1::uuid' : 'ANY($1::uuid[])'}`,
    params: [r.target === 'tip' ? tipId : mediaIds],
  }));
  while (pending.length > 0) {
    const refused: typeof pending = [];
    for (const step of pending) {
      if (!(await attempt(tx, step.sql, step.params))) refused.push(step);
    }
    if (refused.length === pending.length)
      throw new PurgeBlocked(`referenced by other records (${refused.map((s) => s.label).join(', ')})`);
    pending = refused;
  }
  // Live desk events name the tip inside their JSON; they go too (they are kept a day at most).
  await tx.query(`DELETE FROM live_event WHERE data->>'tipId' = $1`, [tipId]);
  if (!(await attempt(tx, `DELETE FROM tip WHERE id = $1`, [tipId])))
    throw new PurgeBlocked('referenced by other records');
}

/** One statement in a savepoint: false when a foreign key refused it (and nothing changed). */
async function attempt(tx: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  await tx.query('SAVEPOINT purge_step');
  try {
    await tx.query(sql, params);
    await tx.query('RELEASE SAVEPOINT purge_step');
    return true;
  } catch (err) {
    await tx.query('ROLLBACK TO SAVEPOINT purge_step');
    if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
    throw err;
  }
}
