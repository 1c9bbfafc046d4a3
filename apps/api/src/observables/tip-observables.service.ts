import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MessageAuthor,
  normalizeObservable,
  OBSERVABLE_SHARED_CAP,
  ObservableKind,
  ObservableSource,
  type TipObservableView,
} from '@vigie/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../audit/audit.service';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { observablesError } from './observables.errors';
import { readTip } from './tip-observable-reading';

interface ObservableRow {
  id: string;
  kind: ObservableKind;
  value: string;
  source: ObservableSource;
  message_id: string | null;
  span_start: number | null;
  span_end: number | null;
  corrects: string | null;
  added_by: string | null;
  added_by_name: string | null;
  shared: number;
}

/** Display order of the chips: what identifies best first. */
const KIND_ORDER = Object.values(ObservableKind);

/**
 * A tip's observables: recorded from its words (by dedupe's scoring job, before it searches, and so
 * again after each message from the tipster), listed as chips, and added, corrected or removed by
 * investigators (audited). A removal or a correction retracts rows, never deletes them, so a later
 * reading does not bring back what an investigator took out.
 */
@Injectable()
export class TipObservables {
  private readonly audit: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.audit = audit.about('tip');
  }

  /**
   * A tip transferred to another agency (forwarding), or given back: what was read in it, and what
   * investigators added, goes with it, so the new owner's "who mentions this" finds it and the
   * former owner's no longer does. In the caller's transaction.
   */
  async moveWithTip(tx: EntityManager, tipId: string, agencyId: string): Promise<void> {
    await tx.query(`UPDATE tip_observable SET agency_id = $2 WHERE tip_id = $1`, [tipId, agencyId]);
  }

  /**
   * Reads the tip's description, typed place and the tipster's messages, and records what they
   * mention. Safe to run again: a value already recorded from a source is left as it is (retracted
   * or not). Null when the tip no longer exists.
   */
  async recordFromTip(
    tipId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    const [tip]: { agency_id: string; description: string; place: string | null; received_at: Date }[] =
      await manager.query(`SELECT agency_id, description, place, received_at FROM tip WHERE id = $1`, [
        tipId,
      ]);
    if (!tip) return null;
    // A tip transferred to another agency (forwarding) is scored again there: its observables follow it.
    await manager.query(`UPDATE tip_observable SET agency_id = $2 WHERE tip_id = $1 AND agency_id <> $2`, [
      tipId,
      tip.agency_id,
    ]);
    const tipsterMessages: { id: string; body: string }[] = await manager.query(
      `SELECT id, body FROM tip_message WHERE tip_id = $1 AND author = $2 ORDER BY created_at, id`,
      [tipId, MessageAuthor.TIPSTER],
    );
    const readings = readTip({ description: tip.description, place: tip.place, tipsterMessages });
    if (readings.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO tip_observable (agency_id, tip_id, tip_received_at, kind, value, source, message_id, span_start, span_end)
       SELECT $1, $2, $4, r.kind, r.value, r.source, r."messageId", r.start, r."end"
         FROM jsonb_to_recordset($3::jsonb) AS r(kind text, value text, source text, "messageId" uuid, start int, "end" int)
       ON CONFLICT ON CONSTRAINT tip_observable_once DO NOTHING
       RETURNING id`,
      [tip.agency_id, tipId, JSON.stringify(readings), tip.received_at],
    );
    return inserted.length;
  }

  /** The tip's chips: one per kind and value, with the words it came from and how many other tips share it. */
  async forTip(actor: StaffActor, tipId: string): Promise<TipObservableView[]> {
    const tip = await this.tipText(this.dataSource.manager, actor, tipId);
    const rows: ObservableRow[] = await this.dataSource.query(
      `SELECT o.id, o.kind, o.value, o.source, o.message_id, o.span_start, o.span_end, o.corrects, o.added_by,
              u.display_name AS added_by_name,
              (SELECT count(*)::int FROM (
                 SELECT DISTINCT s.tip_id FROM tip_observable s
                  WHERE s.agency_id = o.agency_id AND s.kind = o.kind AND s.value = o.value
                    AND s.retracted_at IS NULL AND s.tip_id <> o.tip_id
                  LIMIT ${OBSERVABLE_SHARED_CAP}) x) AS shared
         FROM tip_observable o LEFT JOIN staff_user u ON u.id = o.added_by
        WHERE o.tip_id = $1 AND o.agency_id = $2 AND o.retracted_at IS NULL
        ORDER BY o.created_at, o.span_start NULLS LAST, o.id`,
      [tipId, actor.agencyId],
    );
    const messages = new Map<string, string>(
      (
        await this.dataSource.query(`SELECT id, body FROM tip_message WHERE tip_id = $1 AND author = $2`, [
          tipId,
          MessageAuthor.TIPSTER,
        ])
      ).map((m: { id: string; body: string }) => [m.id, m.body]),
    );
    const textOf = (r: ObservableRow): string | null => {
      if (r.span_start === null || r.span_end === null) return null;
      const text =
        r.source === ObservableSource.DESCRIPTION
          ? tip.description
          : r.source === ObservableSource.PLACE
            ? tip.place
            : messages.get(r.message_id ?? '');
      return text?.slice(r.span_start, r.span_end) ?? null;
    };
    const views = new Map<string, TipObservableView>();
    for (const r of rows) {
      const key = `${r.kind}\u0000${r.value}`;
      if (views.has(key)) continue;
      views.set(key, {
        id: r.id,
        kind: r.kind,
        value: r.value,
        source: r.source,
        written: textOf(r),
        messageId: r.message_id,
        addedBy: r.added_by ? { id: r.added_by, displayName: r.added_by_name ?? '' } : undefined,
        corrects: r.corrects,
        sharedWith: r.shared,
      });
    }
    return [...views.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  }

  /** An investigator adds an observable the words did not give: normalised, recorded as MANUAL, audited. */
  async add(
    actor: StaffActor,
    tipId: string,
    kind: ObservableKind,
    raw: string,
  ): Promise<TipObservableView[]> {
    const value = valueOf(kind, raw);
    await this.dataSource.transaction(async (tx) => {
      await this.tipText(tx, actor, tipId, true);
      await this.recordManual(tx, actor, tipId, kind, value, null);
      await this.audit(tx, actor, tipId, 'tip.observable_add', { kind, value });
    });
    return this.forTip(actor, tipId);
  }

  /**
   * An investigator corrects a reading ("FXK 432", not "FXK 482"; a phone read as a plate): every
   * row of the tip with the old kind and value is retracted, the right one recorded as MANUAL
   * pointing at the one it corrects; audited with both.
   */
  async correct(
    actor: StaffActor,
    tipId: string,
    observableId: string,
    change: { kind?: ObservableKind; value: string },
  ): Promise<TipObservableView[]> {
    await this.dataSource.transaction(async (tx) => {
      await this.tipText(tx, actor, tipId, true);
      const old = await this.current(tx, actor, tipId, observableId);
      const kind = change.kind ?? old.kind;
      const value = valueOf(kind, change.value);
      if (kind === old.kind && value === old.value) throw observablesError('UNCHANGED');
      await this.retract(tx, actor, tipId, old);
      await this.recordManual(tx, actor, tipId, kind, value, old.id);
      await this.audit(tx, actor, tipId, 'tip.observable_correct', {
        from: { kind: old.kind, value: old.value },
        to: { kind, value },
      });
    });
    return this.forTip(actor, tipId);
  }

  /** An investigator removes a wrong reading: retracted (kept, with who and when), audited. */
  async remove(actor: StaffActor, tipId: string, observableId: string): Promise<TipObservableView[]> {
    await this.dataSource.transaction(async (tx) => {
      await this.tipText(tx, actor, tipId, true);
      const old = await this.current(tx, actor, tipId, observableId);
      await this.retract(tx, actor, tipId, old);
      await this.audit(tx, actor, tipId, 'tip.observable_remove', { kind: old.kind, value: old.value });
    });
    return this.forTip(actor, tipId);
  }

  private async tipText(
    manager: EntityManager,
    actor: StaffActor,
    tipId: string,
    lock = false,
  ): Promise<{ description: string; place: string | null }> {
    // A share lock: two corrections of one tip's chips wait for each other, not for triage.
    const [tip] = await manager.query(
      `SELECT description, place FROM tip WHERE id = $1 AND agency_id = $2${lock ? ' FOR SHARE' : ''}`,
      [tipId, actor.agencyId],
    );
    if (!tip) throw observablesError('UNKNOWN_TIP');
    return tip;
  }

  private async current(
    tx: EntityManager,
    actor: StaffActor,
    tipId: string,
    observableId: string,
  ): Promise<{ id: string; kind: ObservableKind; value: string }> {
    const [row] = await tx.query(
      `SELECT id, kind, value FROM tip_observable
        WHERE id = $1 AND tip_id = $2 AND agency_id = $3 AND retracted_at IS NULL FOR UPDATE`,
      [observableId, tipId, actor.agencyId],
    );
    if (!row) throw observablesError('UNKNOWN_OBSERVABLE');
    return row;
  }

  private async retract(
    tx: EntityManager,
    actor: StaffActor,
    tipId: string,
    old: { kind: ObservableKind; value: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE tip_observable SET retracted_at = now(), retracted_by = $4
        WHERE tip_id = $1 AND kind = $2 AND value = $3 AND retracted_at IS NULL`,
      [tipId, old.kind, old.value, actor.userId],
    );
  }

  private async recordManual(
    tx: EntityManager,
    actor: StaffActor,
    tipId: string,
    kind: ObservableKind,
    value: string,
    corrects: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO tip_observable (agency_id, tip_id, tip_received_at, kind, value, source, added_by, corrects)
       SELECT $1, $2, t.received_at, $3, $4, 'MANUAL', $5, $6 FROM tip t WHERE t.id = $2
       ON CONFLICT ON CONSTRAINT tip_observable_once DO UPDATE
          SET retracted_at = NULL, retracted_by = NULL, added_by = EXCLUDED.added_by,
              corrects = coalesce(EXCLUDED.corrects, tip_observable.corrects)`,
      [actor.agencyId, tipId, kind, value, actor.userId, corrects],
    );
  }
}

/** The normal form of a value typed by hand, or a 400 saying what it is not. */
export function valueOf(kind: ObservableKind, raw: string): string {
  const value = normalizeObservable(kind, raw);
  if (!value)
    throw commonError('VALIDATION_FAILED', {
      errors: { value: `Not a valid ${kind.toLowerCase()}` },
    });
  return value;
}
