import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppealImageRefDto, AppealStatus, LocalizedText, RevisionState } from '@vigie/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import type { ReceivedFile } from '../media/hashing-disk-storage';
import { discardUploads } from '../media/hashing-disk-storage';
import { APPEAL_RENDITIONS, decodeImage, renderAll } from '../media/image-renditions';
import { mediaError } from '../media/media.errors';
import { MediaStore } from '../media/media-store';
import { inspectMedia } from '../media/upload-inspection';
import { AppealImageRecord, RenditionSizes } from './appeal-image.entity';
import { Appeal } from './appeal.entity';
import { appealError } from './appeals.errors';

export const sealedKey = (id: string) => `sealed/appeal-images/${id}`;
export const renditionKey = (id: string, file: string) => `renditions/appeal-images/${id}/${file}`;
export const RENDITION_FILE = /^(thumb|card|full)\.(avif|webp|jpeg)$/;

/**
 * Photos and composite sketches for an appeal. The upload is typed from its bytes, decoded once
 * with limits, rendered into stripped copies, and its original sealed. The new image is added to
 * the working copy, so it goes through review with the rest of the text.
 */
@Injectable()
export class AppealImagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: MediaStore,
    private readonly audit: AuditService,
  ) {}

  async upload(
    actor: StaffActor,
    appealId: string,
    file: ReceivedFile | undefined,
    meta: { isComposite: boolean; alt?: LocalizedText },
  ) {
    try {
      if (!file) throw mediaError('NO_FILE');
      const appeal = await this.dataSource
        .getRepository(Appeal)
        .findOneBy({ id: appealId, agencyId: actor.agencyId });
      if (!appeal) throw commonError('NOT_FOUND');
      this.checkEditable(appeal);

      const type = await inspectMedia(file.path, { images: true });
      const renditions = await renderAll(await decodeImage(file.path, type.mime), APPEAL_RENDITIONS);

      const record = this.dataSource.getRepository(AppealImageRecord).create({
        appealId,
        agencyId: actor.agencyId,
        sha256: file.sha256,
        mime: type.mime,
        bytes: String(file.size),
        renditions: Object.fromEntries(
          renditions.map((r) => [r.name, { width: r.width, height: r.height }]),
        ) as RenditionSizes,
        uploadedBy: actor.userId,
      });
      record.id = randomUUID();
      // Files first, row second: a crash in between leaves an unreferenced file, never a row without its file.
      for (const r of renditions)
        await this.store.putBuffer(renditionKey(record.id, `${r.name}.${r.format}`), r.data);
      await this.store.putFile(sealedKey(record.id), file.path);

      const ref: AppealImageRefDto = { id: record.id, isComposite: meta.isComposite, alt: meta.alt };
      await this.dataSource.transaction(async (tx) => {
        const locked = await tx.findOneOrFail(Appeal, {
          where: { id: appealId },
          lock: { mode: 'pessimistic_write' },
        });
        this.checkEditable(locked);
        await tx.insert(AppealImageRecord, record);
        // Start a working copy from the live version if there is none yet.
        if (!locked.draft) {
          const [live] = await tx.query(
            `SELECT public->'content' AS content FROM appeal_version WHERE id = $1`,
            [locked.currentVersionId],
          );
          locked.draft = live.content;
        }
        locked.draft = { ...locked.draft!, images: [...(locked.draft!.images ?? []), ref] };
        locked.revisionState = RevisionState.EDITING;
        locked.draftEditors = locked.draftEditors.includes(actor.userId)
          ? locked.draftEditors
          : [...locked.draftEditors, actor.userId];
        locked.version += 1;
        locked.updatedAt = new Date();
        await tx.save(Appeal, locked);
        await this.audit.append(tx, {
          agencyId: actor.agencyId,
          actorId: actor.userId,
          action: 'appeal.image_added',
          entityType: 'appeal',
          entityId: appealId,
          data: {
            imageId: record.id,
            sha256: file.sha256,
            bytes: file.size,
            mime: type.mime,
            isComposite: meta.isComposite,
          },
        });
      });
      return { ref, record };
    } finally {
      await discardUploads(file ? [file] : []);
    }
  }

  async rendition(agencyId: string | null, imageId: string, file: string): Promise<Readable> {
    if (!RENDITION_FILE.test(file)) throw commonError('NOT_FOUND');
    if (agencyId) {
      const exists = await this.dataSource
        .getRepository(AppealImageRecord)
        .existsBy({ id: imageId, agencyId });
      if (!exists) throw commonError('NOT_FOUND');
    }
    return this.store.read(renditionKey(imageId, file)).catch(() => {
      throw commonError('NOT_FOUND');
    });
  }

  private checkEditable(appeal: Appeal): void {
    if (appeal.status === AppealStatus.RESOLVED || appeal.status === AppealStatus.ARCHIVED)
      throw appealError('NOT_EDITABLE');
    if (appeal.revisionState === RevisionState.IN_REVIEW) throw appealError('IN_REVIEW');
  }
}
