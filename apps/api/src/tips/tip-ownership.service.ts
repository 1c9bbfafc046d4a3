import { Injectable, Logger } from '@nestjs/common';
import { MediaProcessingState, TipChannel, TipPriority, TipStatus } from '@vigie/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import { commonError } from '../common/domain.exception';
import { MediaStore } from '../media/media-store';
import { StoredRendition, TipMedia, tipRenditionKey } from './tip-media.entity';
import { Tip } from './tip.entity';
import { deleteTipRows } from './tip-removal';
import { hashPassphrase, newTipCode } from './tipster-credentials';

/** A tip as a forward needs it, locked in the caller's transaction. */
export interface ForwardableTip {
  id: string;
  agencyId: string;
  code: string;
  status: TipStatus;
  priority: TipPriority;
  assigneeId: string | null;
  tags: string[];
  channel: TipChannel;
  language: 'fr' | 'en';
  description: string;
  place: string | null;
  occurredFrom: Date | null;
  occurredTo: Date | null;
  receivedAt: Date;
  appealId: string | null;
  appealSlug: string | null;
  mediaCount: number;
  hasContact: boolean;
  informationCopy: boolean;
  hasRewardClaim: boolean;
  /** Records' hold: the agency must keep the tip, so it cannot give it away. */
  legalHold: boolean;
  /** The reward of the appeal it answered, as offered to this tipster: the sender's promise. */
  hasRewardTerms: boolean;
}

/** What triage had of a tip before a transfer: given back if the transfer is revoked. */
export interface TriageState {
  status: TipStatus;
  assigneeId: string | null;
  tags: string[];
}

/**
 * Who holds a tip, changed only here (for the forwarding feature): a transfer moves the tip, its
 * files and its thread to another agency, which triages it from the start; an information copy is a
 * new tip of the other agency holding the content and the cleaned files, and nothing of the tipster.
 * The notes stay with the agency that wrote them. Every method runs in the caller's transaction.
 */
@Injectable()
export class TipOwnership {
  private readonly logger = new Logger(TipOwnership.name);

  constructor(private readonly store: MediaStore) {}

  /** The agency's tip, locked for a forward; 404 when it is not the agency's. */
  async lockForForward(tx: EntityManager, agencyId: string, tipId: string): Promise<ForwardableTip> {
    const [row] = await tx.query(
      `SELECT t.id, t.agency_id, t.code, t.status, t.priority, t.assignee_id, t.tags, t.channel, t.language,
              t.description, t.place, t.occurred_from, t.occurred_to, t.received_at, t.appeal_id, t.media_count,
              t.contact_enc IS NOT NULL AS has_contact, t.information_copy, t.legal_hold,
              t.reward_terms IS NOT NULL AS has_reward_terms,
              (SELECT a.slug FROM appeal a WHERE a.id = t.appeal_id) AS appeal_slug,
              EXISTS (SELECT 1 FROM reward_claim c WHERE c.tip_id = t.id) AS has_reward_claim
         FROM tip t WHERE t.id = $1 AND t.agency_id = $2 FOR UPDATE OF t`,
      [tipId, agencyId],
    );
    if (!row) throw commonError('NOT_FOUND');
    return {
      id: row.id,
      agencyId: row.agency_id,
      code: row.code,
      status: row.status,
      priority: row.priority,
      assigneeId: row.assignee_id,
      tags: row.tags,
      channel: row.channel,
      language: row.language,
      description: row.description,
      place: row.place,
      occurredFrom: row.occurred_from,
      occurredTo: row.occurred_to,
      receivedAt: row.received_at,
      appealId: row.appeal_id,
      appealSlug: row.appeal_slug,
      mediaCount: row.media_count,
      hasContact: row.has_contact,
      informationCopy: row.information_copy,
      hasRewardClaim: row.has_reward_claim,
      legalHold: row.legal_hold,
      hasRewardTerms: row.has_reward_terms,
    };
  }

  /**
   * The tip, its files and its thread now belong to `toAgencyId`, which triages it from the start:
   * NEW, nobody assigned, no tags (the sender's tags are its own vocabulary). The tipster's code
   * and passphrase still work: their follow-up reaches the new owner.
   */
  async transfer(tx: EntityManager, tip: ForwardableTip, toAgencyId: string): Promise<void> {
    await tx.query(
      `UPDATE tip SET agency_id = $2, status = $3, assignee_id = NULL, assignee_seen_at = NULL, tags = '{}', version = version + 1 WHERE id = $1`,
      [tip.id, toAgencyId, TipStatus.NEW],
    );
    await this.moveFilesAndThread(tx, tip.id, toAgencyId);
  }

  /**
   * A revoked transfer: the tip goes back to the agency that sent it, as triage left it there. False
   * when `holderAgencyId` no longer holds it (nothing changed).
   */
  async giveBack(
    tx: EntityManager,
    tipId: string,
    holderAgencyId: string,
    toAgencyId: string,
    state: TriageState,
  ): Promise<boolean> {
    const [moved] = (await tx.query(
      `UPDATE tip SET agency_id = $3, status = $4, assignee_id = $5, assignee_seen_at = NULL, tags = $6, version = version + 1
        WHERE id = $1 AND agency_id = $2 RETURNING id`,
      [tipId, holderAgencyId, toAgencyId, state.status, state.assigneeId, state.tags],
    )) as [unknown[], number];
    if (moved.length === 0) return false;
    await this.moveFilesAndThread(tx, tipId, toAgencyId);
    return true;
  }

  /**
   * A new tip of `toAgencyId` with the tip's content (what, when, where, in the tipster's words)
   * and copies of its processed, metadata-free files. Nothing of the tipster: no contact, no
   * text-message number, no reward, and a passphrase nobody knows (no one can sign in to it); no
   * sealed original and no evidence fields (capture time, GPS, device), which stay with the owner.
   * Files still being processed are not carried. Written before the rows: a failed transaction
   * leaves files without rows, which the upload sweep removes.
   */
  async copy(
    tx: EntityManager,
    tip: ForwardableTip,
    toAgencyId: string,
  ): Promise<{ tipId: string; code: string; mediaSent: number }> {
    const copyId = randomUUID();
    const media = await tx.find(TipMedia, {
      where: { tipId: tip.id, state: MediaProcessingState.READY },
      order: { fromTipsterAt: 'ASC' },
    });
    const passwordHash = await hashPassphrase(randomBytes(32).toString('hex'));
    const [source] = await tx.query(`SELECT latitude, longitude, accuracy_m FROM tip WHERE id = $1`, [
      tip.id,
    ]);
    let code = '';
    for (let attempt = 0; !code; attempt++) {
      const candidate = newTipCode();
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Tip)
        .values({
          id: copyId,
          agencyId: toAgencyId,
          code: candidate,
          passwordHash,
          appealId: tip.appealId,
          description: tip.description,
          occurredFrom: tip.occurredFrom,
          occurredTo: tip.occurredTo,
          place: tip.place,
          latitude: source.latitude,
          longitude: source.longitude,
          accuracyM: source.accuracy_m,
          channel: tip.channel,
          language: tip.language,
          contactEnc: null,
          contactPhoneKey: null,
          contactEmailKey: null,
          status: TipStatus.NEW,
          priority: tip.priority,
          version: 1,
          rewardTerms: null,
          receivedAt: tip.receivedAt,
          mediaCount: media.length,
          informationCopy: true,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if (inserted.raw.length === 1) code = candidate;
      else if (attempt >= 5) throw new Error('No free tip code after 6 draws');
    }
    for (const m of media) {
      const mediaId = randomUUID();
      const renditions: StoredRendition[] = [];
      for (const r of m.renditions) {
        const key = tipRenditionKey(copyId, mediaId, basename(r.key));
        await this.copyFile(r.key, key);
        renditions.push({ ...r, key });
      }
      await tx.insert(TipMedia, {
        id: mediaId,
        tipId: copyId,
        agencyId: toAgencyId,
        kind: m.kind,
        mime: m.mime,
        bytes: m.bytes,
        sha256: m.sha256,
        fromTipsterAt: m.fromTipsterAt,
        state: MediaProcessingState.READY,
        renditions,
        phash: m.phash,
        evidence: null,
        failure: null,
        processedAt: m.processedAt,
      });
    }
    return { tipId: copyId, code, mediaSent: media.length };
  }

  /**
   * A revoked copy goes, with every row about it (tips/tip-removal.ts). Its files are removed once
   * the caller's transaction has committed: call the returned function then.
   */
  async removeCopy(tx: EntityManager, copyId: string): Promise<() => Promise<void>> {
    // The copy's scoring job may be writing its duplicate signals and observables right now: the
    // row lock waits for it to commit (its rows are then deleted with the rest), and holds off any
    // later write about the copy until this transaction ends, when there is no copy left to write about.
    await tx.query(`SELECT 1 FROM tip WHERE id = $1 FOR UPDATE`, [copyId]);
    const media = await tx.find(TipMedia, { where: { tipId: copyId } });
    await deleteTipRows(
      tx,
      copyId,
      media.map((m) => m.id),
    );
    const keys = media.flatMap((m) => m.renditions.map((r) => r.key));
    return async () => {
      for (const key of keys)
        await this.store.remove(key).catch((err: Error) =>
          // The upload sweep removes a rendition without a row on its next run.
          this.logger.warn({ key, err: err.message }, 'a revoked copy left a file behind'),
        );
    };
  }

  private async moveFilesAndThread(tx: EntityManager, tipId: string, agencyId: string): Promise<void> {
    await tx.query(`UPDATE tip_media SET agency_id = $2 WHERE tip_id = $1`, [tipId, agencyId]);
    await tx.query(`UPDATE tip_message SET agency_id = $2 WHERE tip_id = $1`, [tipId, agencyId]);
  }

  private async copyFile(from: string, to: string): Promise<void> {
    const temp = this.store.tempPath();
    try {
      await pipeline(await this.store.read(from), createWriteStream(temp));
      await this.store.putFile(to, temp);
    } finally {
      await rm(temp, { force: true });
    }
  }
}
