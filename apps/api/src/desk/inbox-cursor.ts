/** Where a page ended, in the inbox order (priority, then newest, then id). Opaque to clients. */
export interface InboxCursor {
  rank: number;
  receivedAt: string;
  id: string;
}

export function encodeCursor(c: InboxCursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.receivedAt, c.id])).toString('base64url');
}

/** Returns null for anything that is not a cursor this API made. */
export function decodeCursor(raw: string): InboxCursor | null {
  try {
    const [rank, receivedAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    const valid =
      Number.isInteger(rank) &&
      rank >= 0 &&
      rank <= 3 &&
      typeof receivedAt === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(receivedAt) &&
      !Number.isNaN(Date.parse(receivedAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
    return valid ? { rank, receivedAt, id } : null;
  } catch {
    return null;
  }
}
