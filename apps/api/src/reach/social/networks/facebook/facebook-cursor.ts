import type { ReceivedSocialMessage } from '../social-network';

/**
 * Where the last poll of a Page stopped. The Graph API has no "since this comment" for comments
 * spread over many posts, and its times are to the second, so the cursor keeps the newest time
 * seen and the ids seen at that very second: a comment written in the same second as the last
 * one archived is still read once, and only once.
 */
export class FacebookCursor {
  private constructor(
    private readonly at: Date | null,
    private readonly seenAt: ReadonlySet<string>,
  ) {}

  static parse(cursor: string | null): FacebookCursor {
    if (!cursor) return new FacebookCursor(null, new Set());
    try {
      const parsed = JSON.parse(cursor) as { at?: unknown; seen?: unknown };
      const at = typeof parsed.at === 'string' ? new Date(parsed.at) : null;
      const seen = Array.isArray(parsed.seen)
        ? parsed.seen.filter((id): id is string => typeof id === 'string')
        : [];
      return new FacebookCursor(at && !Number.isNaN(at.getTime()) ? at : null, new Set(seen));
    } catch {
      // A cursor we did not write: read from the start again (the archive keeps one copy of each).
      return new FacebookCursor(null, new Set());
    }
  }

  isNew(id: string, at: Date): boolean {
    if (!this.at) return true;
    return at > this.at || (at.getTime() === this.at.getTime() && !this.seenAt.has(id));
  }

  /** The cursor after these new messages (this one when there are none). */
  after(messages: ReceivedSocialMessage[]): FacebookCursor {
    if (messages.length === 0) return this;
    const newest = new Date(Math.max(...messages.map((m) => m.receivedAt.getTime())));
    const atNewest = messages
      .filter((m) => m.receivedAt.getTime() === newest.getTime())
      .map((m) => m.remoteId);
    const carried = this.at && this.at.getTime() === newest.getTime() ? [...this.seenAt] : [];
    return new FacebookCursor(newest, new Set([...carried, ...atNewest]));
  }

  toString(): string | null {
    return this.at ? JSON.stringify({ at: this.at.toISOString(), seen: [...this.seenAt] }) : null;
  }
}
