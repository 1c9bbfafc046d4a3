import type { EntityManager } from 'typeorm';
import type { StoredRendition } from '../tips/tip-media.entity';
import type { DuplicateMediaView } from '@vigie/common';

/** The files of several tips, in the order the tipster sent them, as the desk shows them. */
export async function mediaOf(
  tx: EntityManager,
  tipIds: string[],
): Promise<Map<string, DuplicateMediaView[]>> {
  const out = new Map<string, DuplicateMediaView[]>(tipIds.map((id) => [id, []]));
  if (tipIds.length === 0) return out;
  const rows: { id: string; tip_id: string; kind: string; state: string; renditions: StoredRendition[] }[] =
    await tx.query(
      `SELECT id, tip_id, kind, state, renditions FROM tip_media
        WHERE tip_id = ANY($1::uuid[]) ORDER BY from_tipster_at, id`,
      [tipIds],
    );
  for (const r of rows) {
    out.get(r.tip_id)?.push({
      id: r.id,
      kind: r.kind,
      state: r.state,
      renditions: r.renditions.map((x) => ({
        name: x.name,
        file: `${x.name}.${x.format}`,
        width: x.width,
        height: x.height,
        key: x.key,
      })),
    });
  }
  return out;
}
