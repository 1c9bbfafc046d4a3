import { InboxQueryDto, TipPriority } from '@vigie/common';

const PRIORITY_RANK: Record<TipPriority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
import type { StaffActor } from '../common/staff-actor';

/** Builds the WHERE clause of an inbox query, always starting with the caller's agency. */
export class InboxFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(actor: StaffActor, query: InboxQueryDto, options: { withStatus: boolean }) {
    this.add('t.agency_id = ?', actor.agencyId);
    if (options.withStatus && query.status) this.add('t.status = ?', query.status);
    // By rank, the indexed form of the priority (0 = URGENT).
    if (query.priority) this.add('t.priority_rank = ?', PRIORITY_RANK[query.priority]);
    if (query.channel) this.add('t.channel = ?', query.channel);
    if (query.appealId) this.add('t.appeal_id = ?', query.appealId);
    if (query.caseId)
      this.add('EXISTS (SELECT 1 FROM case_tip ct WHERE ct.tip_id = t.id AND ct.case_id = ?)', query.caseId);
    if (query.assignee === 'me') this.add('t.assignee_id = ?', actor.userId);
    else if (query.assignee === 'unassigned') this.add('t.assignee_id IS NULL');
    else if (query.assignee) this.add('t.assignee_id = ?', query.assignee);
    if (query.hasMedia) this.add(query.hasMedia === 'true' ? 't.media_count > 0' : 't.media_count = 0');
    if (query.hasLocation) this.add(query.hasLocation === 'true' ? 't.has_location' : 'NOT t.has_location');
    if (query.receivedFrom) this.add('t.received_at >= ?', query.receivedFrom);
    if (query.receivedTo) this.add('t.received_at < ?', query.receivedTo);
    if (query.tag) this.add('t.tags @> ARRAY[?]::text[]', query.tag);
    if (query.q?.trim()) {
      // French and English stemming over unaccented text: "temoin" finds "témoins".
      this.add(
        `t.search_vector @@ (plainto_tsquery('french', vigie_unaccent(?)) || plainto_tsquery('english', vigie_unaccent(?)))`,
        query.q.trim(),
        query.q.trim(),
      );
    }
  }

  /** Adds a condition; each `?` becomes the next numbered parameter. */
  add(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.conditions.push(condition.replace(/\?/g, () => `$${this.params.push(values[i++])}`));
    return this;
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }
}
