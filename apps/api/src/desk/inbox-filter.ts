import { InboxQueryDto, observableSearchValues, TipPriority } from '@vigie/common';

const PRIORITY_RANK: Record<TipPriority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
import type { StaffActor } from '../common/staff-actor';

/** Builds the WHERE clause of an inbox query, always starting with the caller's agency. */
export class InboxFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /**
   * `appealIds`: the appeals whose title matches the search (`appealsTitled`), whose tips the search
   * also finds; none, and the search is the tips' own words and identifiers.
   */
  constructor(
    actor: StaffActor,
    query: InboxQueryDto,
    options: { withStatus: boolean; appealIds?: string[] },
  ) {
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
      const text = `t.search_vector @@ (plainto_tsquery('french', vigie_unaccent(?)) || plainto_tsquery('english', vigie_unaccent(?)))`;
      const observables = observableSearchValues(query.q);
      const appealIds = options.appealIds ?? [];
      if (observables.length === 0 && appealIds.length === 0) this.add(text, query.q.trim(), query.q.trim());
      else if (observables.length === 0)
        // Its words, or an appeal by its title: a BitmapOr of the text index and the appeal index.
        this.add(`(${text} OR t.appeal_id = ANY(?::uuid[]))`, query.q.trim(), query.q.trim(), appealIds);
      else {
        // A plate, a number, an address typed any way ("fxk 482"): the tips whose observables
        // (observables' tip_observable) hold its normal form, or whose words match. Two indexed
        // lookups in a union, so neither turns into a scan of the agency's tips.
        const pairs = observables.map(() => '(o.kind = ? AND o.value = ?)').join(' OR ');
        this.add(
          `t.id IN (SELECT t2.id FROM tip t2 WHERE t2.agency_id = ? AND ${text.replace(/\bt\./g, 't2.')}
                    UNION SELECT o.tip_id FROM tip_observable o
                     WHERE o.agency_id = ? AND o.retracted_at IS NULL AND (${pairs})
                    ${appealIds.length ? 'UNION SELECT t3.id FROM tip t3 WHERE t3.agency_id = ? AND t3.appeal_id = ANY(?::uuid[])' : ''})`,
          actor.agencyId,
          query.q.trim(),
          query.q.trim(),
          actor.agencyId,
          ...observables.flatMap((o) => [o.kind, o.value]),
          ...(appealIds.length ? [actor.agencyId, appealIds] : []),
        );
      }
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
