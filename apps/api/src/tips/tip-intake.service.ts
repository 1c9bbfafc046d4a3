import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALLOWED_MEDIA, CreateTipDto, MediaProcessingState, TipReceipt, TipStatus } from '@vigie/common';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SecretBox } from '../common/crypto/secret-box';
import { AppConfig } from '../config/app-config';
import { DEDUPE_SCORE_JOB } from '../dedupe/dedupe-jobs';
import { LiveEvents } from '../events/live-events';
import { JobQueue } from '../jobs/job-queue';
import type { ReceivedFile } from '../media/hashing-disk-storage';
import { MediaStore } from '../media/media-store';
import { precheckUpload } from '../media/processing';
import { inspectUpload } from '../media/upload-inspection';
import { arrivalPriority } from './arrival-priority';
import { contactKeys } from './contact-keys';
import { Destination, TipDestinations } from './tip-destinations';
import { TIP_MEDIA_JOB } from './tip-media.job';
import { sealedTipMediaKey, TipMedia } from './tip-media.entity';
import { Tip } from './tip.entity';
import { hashPassphrase, newPassphrase, newTipCode } from './tipster-credentials';

export const CONTACT_CONTEXT = 'tip.contact';

/**
 * Receives a tip. It answers 201 only once the tip row and every original file are durable:
 * files are fsynced and renamed into the store first, then one transaction inserts the rows and
 * the processing jobs. Anything that fails before the commit leaves nothing behind.
 */
@Injectable()
export class TipIntakeService {
  private readonly contactKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: MediaStore,
    private readonly jobs: JobQueue,
    private readonly box: SecretBox,
    private readonly live: LiveEvents,
    private readonly destinations: TipDestinations,
    config: AppConfig,
  ) {
    this.contactKey = createHmac('sha256', config.encryptionKey).update('vigie:contact-keys').digest();
  }

  /** Checks every file before anything is stored: type from the bytes, then container and pixel limits. */
  async inspect(
    files: ReceivedFile[],
  ): Promise<{ file: ReceivedFile; mime: string; kind: TipMedia['kind'] }[]> {
    const inspected = [];
    for (const file of files) {
      const type = await inspectUpload(file.path);
      await precheckUpload(file.path, type.mime);
      inspected.push({ file, mime: type.mime, kind: ALLOWED_MEDIA[type.mime].kind });
    }
    return inspected;
  }

  async receive(dto: CreateTipDto, files: ReceivedFile[]): Promise<TipReceipt> {
    const destination = await this.destinations.resolve(dto);
    const media = await this.inspect(files);
    const language = dto.language ?? 'fr';
    const password = newPassphrase(language);
    const passwordHash = await hashPassphrase(password);
    const receivedAt = new Date();
    const tipId = randomUUID();
    const rows = media.map(({ file, mime, kind }) => ({ id: randomUUID(), file, mime, kind }));

    const sealed: string[] = [];
    try {
      for (const row of rows) {
        const key = sealedTipMediaKey(tipId, row.id);
        await this.store.putFile(key, row.file.path);
        sealed.push(key);
      }
      const code = await this.dataSource.transaction(async (tx) => {
        const code = await this.insertTip(tx, tipId, dto, destination, {
          passwordHash,
          receivedAt,
          language,
          mediaCount: rows.length,
        });
        for (const row of rows) {
          await tx.insert(TipMedia, {
            id: row.id,
            tipId,
            agencyId: destination.agencyId,
            kind: row.kind,
            mime: row.mime,
            bytes: String(row.file.size),
            sha256: row.file.sha256,
            fromTipsterAt: receivedAt,
            state: MediaProcessingState.PENDING,
            renditions: [],
          });
          await this.jobs.sendInTransaction(tx, TIP_MEDIA_JOB, { mediaId: row.id });
        }
        // With files, duplicate scoring follows each file's processing (tip-media.job.ts).
        if (rows.length === 0) await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId });
        return code;
      });
      this.live.queue(destination.agencyId, 'tip.received', { tipId });
      return { code, password, receivedAt: receivedAt.toISOString() };
    } catch (err) {
      await this.discardSealed(
        sealed,
        rows.map((r) => r.id),
      );
      throw err;
    }
  }

  /** Inserts the tip, drawing a new code in the (astronomically rare) case of a collision. */
  private async insertTip(
    tx: EntityManager,
    id: string,
    dto: CreateTipDto,
    to: Destination,
    facts: { passwordHash: string; receivedAt: Date; language: 'fr' | 'en'; mediaCount: number },
  ): Promise<string> {
    const contact =
      dto.contactName || dto.contactPhone || dto.contactEmail
        ? {
            name: dto.contactName,
            phone: dto.contactPhone,
            email: dto.contactEmail,
            language: facts.language,
          }
        : null;
    const keys = contactKeys(this.contactKey, { phone: dto.contactPhone, email: dto.contactEmail });
    const occurredFrom = dto.occurredFrom ? new Date(dto.occurredFrom) : null;
    const hasLocation = dto.latitude !== undefined || !!dto.place?.trim();
    for (let attempt = 0; ; attempt++) {
      const code = newTipCode();
      // ON CONFLICT rather than a savepoint: two round trips fewer on every tip, for a collision
      // that even at a million tips is a two-in-a-million event (39-bit codes).
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Tip)
        .values({
          id,
          agencyId: to.agencyId,
          code,
          passwordHash: facts.passwordHash,
          appealId: to.appealId,
          description: dto.description,
          occurredFrom,
          occurredTo: dto.occurredTo ? new Date(dto.occurredTo) : null,
          place: dto.place ?? null,
          latitude: dto.latitude ?? null,
          longitude: dto.longitude ?? null,
          accuracyM: dto.accuracyM ?? null,
          language: facts.language,
          contactEnc: contact ? this.box.seal(JSON.stringify(contact), CONTACT_CONTEXT) : null,
          contactPhoneKey: keys.phone,
          contactEmailKey: keys.email,
          status: TipStatus.NEW,
          priority: arrivalPriority({
            appealKind: to.appealKind,
            hasLocation,
            hasMedia: facts.mediaCount > 0,
            occurredAt: occurredFrom ?? undefined,
            descriptionLength: dto.description.trim().length,
            receivedAt: facts.receivedAt,
          }),
          version: 1,
          receivedAt: facts.receivedAt,
          failedSignIns: 0,
          mediaCount: facts.mediaCount,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if (inserted.raw.length === 1) return code;
      if (attempt >= 5) throw new Error('No free tip code after 6 draws');
    }
  }

  /**
   * After a failed transaction, removes the files it had sealed, unless their rows exist after
   * all: an error on COMMIT (a dropped connection) can hide a commit that succeeded.
   */
  private async discardSealed(keys: string[], mediaIds: string[]): Promise<void> {
    const kept = mediaIds.length
      ? await this.dataSource
          .query(`SELECT id FROM tip_media WHERE id = ANY($1::uuid[])`, [mediaIds])
          .catch(() => mediaIds.map((id) => ({ id })))
      : [];
    if (kept.length) return;
    await Promise.all(keys.map((key) => this.store.remove(key)));
  }
}
