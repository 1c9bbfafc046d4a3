import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TipUploadAllowance } from '@vigie/common';
import type { StreamBudget } from '../../media/hashing-disk-storage';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { tipError } from '../tips.errors';

const MB = 1024 * 1024;

export type UploadBudget = StreamBudget;

/**
 * A tip's upload limits (TIP_MAX_FILES, TIP_TOTAL_MAX_MB), over the tip form, the follow-up page
 * and resumable uploads together. An upload reserves what it declares before a byte is written
 * (a multipart request its Content-Length, a tus upload its Upload-Length), checked against what
 * the tip holds plus every live reservation, under a lock on the tip's row, so concurrent uploads
 * take turns and cannot pass the cap together. What is finally recorded is checked again in the
 * recording transaction (`checkRecording`), under the same lock.
 */
@Injectable()
export class UploadBudgets {
  readonly maxFiles: number;
  readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.maxFiles = config.env.TIP_MAX_FILES;
    this.maxBytes = config.env.TIP_TOTAL_MAX_MB * MB;
  }

  /** A new tip's budget: the whole of it, for the request that creates the tip. */
  forNewTip(): UploadBudget {
    return { bytes: this.maxBytes, files: this.maxFiles, refuse: (limit) => this.refusal(limit) };
  }

  /** What the tip holds, and may still take. */
  async allowance(tipId: string, tx: EntityManager = this.dataSource.manager): Promise<TipUploadAllowance> {
    const [row] = await tx.query(
      `SELECT count(*)::int AS files, coalesce(sum(bytes), 0)::bigint AS bytes FROM tip_media WHERE tip_id = $1`,
      [tipId],
    );
    return {
      maxFiles: this.maxFiles,
      maxBytes: this.maxBytes,
      usedFiles: row.files,
      usedBytes: Number(row.bytes),
    };
  }

  /**
   * Reserves up to `bytes` and `files` for an upload to the tip, or refuses it (with what the tip
   * holds) when the tip's files, its live reservations and this would pass a limit. `slack`: bytes of
   * the declared length that are not file (multipart framing). `bytes` undefined (a body of unknown
   * length): whatever is left, or at most `atMost` (one file's limit, for a single file). Returns the
   * reservation's id and what the upload may write.
   */
  async reserve(
    tipId: string,
    wanted: { bytes?: number; atMost?: number; slack?: number; files: number; ttlMs: number; id?: string },
  ): Promise<{ id: string; budget: UploadBudget }> {
    const id = wanted.id ?? randomUUID();
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM tip WHERE id = $1 FOR UPDATE`, [tipId]);
      // Reservations that lapsed (a crash mid-upload, an abandoned resumable upload) go here.
      await tx.query(`DELETE FROM tip_upload_reservation WHERE tip_id = $1 AND expires_at <= now()`, [tipId]);
      const held = await this.allowance(tipId, tx);
      const [reserved] = await tx.query(
        `SELECT coalesce(sum(bytes), 0)::bigint AS bytes, coalesce(sum(files), 0)::int AS files
           FROM tip_upload_reservation WHERE tip_id = $1 AND expires_at > now()`,
        [tipId],
      );
      const leftBytes = this.maxBytes - held.usedBytes - Number(reserved.bytes);
      const leftFiles = this.maxFiles - held.usedFiles - reserved.files;
      if (leftFiles < Math.max(1, wanted.files)) throw this.refusal('files', held);
      const declared = wanted.bytes ?? Math.min(leftBytes, wanted.atMost ?? leftBytes);
      if (leftBytes <= 0 || declared - (wanted.slack ?? 0) > leftBytes) throw this.refusal('bytes', held);
      const bytes = Math.min(declared, leftBytes);
      await tx.query(
        `INSERT INTO tip_upload_reservation (id, tip_id, bytes, files, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::double precision / 1000))`,
        [id, tipId, bytes, wanted.files, wanted.ttlMs],
      );
      return {
        id,
        budget: {
          bytes,
          files: leftFiles,
          refuse: (limit: 'bytes' | 'files') => this.refusal(limit, held),
        },
      };
    });
  }

  async release(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM tip_upload_reservation WHERE id = $1`, [id]);
  }

  /**
   * In the transaction that records files for an existing tip: locks the tip's row, and refuses
   * (rolling everything back) if the files would take the tip past a limit. Reservations are not
   * counted here: this request's own is among them, and they only ever admit what fits.
   */
  async checkRecording(tx: EntityManager, tipId: string, files: number, bytes: number): Promise<void> {
    await tx.query(`SELECT 1 FROM tip WHERE id = $1 FOR UPDATE`, [tipId]);
    const held = await this.allowance(tipId, tx);
    if (held.usedFiles + files > this.maxFiles) throw this.refusal('files', held);
    if (held.usedBytes + bytes > this.maxBytes) throw this.refusal('bytes', held);
  }

  private refusal(limit: 'bytes' | 'files', held?: TipUploadAllowance): Error {
    const details = {
      limits: held ?? { maxFiles: this.maxFiles, maxBytes: this.maxBytes, usedFiles: 0, usedBytes: 0 },
    };
    return limit === 'files'
      ? tipError('TOO_MANY_FILES', { details })
      : tipError('TOTAL_TOO_LARGE', { details });
  }
}
