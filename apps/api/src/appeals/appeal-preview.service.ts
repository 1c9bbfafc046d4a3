import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPEAL_KIND_RULES,
  AppealOutcome,
  AppealPreview,
  AppealStatus,
  AppealUpdateKind,
  AppealUpdateState,
  LocalizedText,
  PublicAppeal,
  RevisionState,
} from '@vigie/common';
import { DataSource } from 'typeorm';
import { AgencyScope } from '../common/agency-scope';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { AppConfig } from '../config/app-config';
import { Agency } from '../identity/agency.entity';
import { MediaStore } from '../media/media-store';
import { AppealUpdateRecord } from './appeal-update.entity';
import { AppealVersion } from './appeal-version.entity';
import { Appeal } from './appeal.entity';
import { appealError } from './appeals.errors';
import { capMessage, capSender } from './channels/cap';
import { feedEntry } from './channels/feeds';
import { renderSocialCard } from './channels/social-card';
import { PublicAppealsService } from './public-appeals.service';
import { pendingSnapshot, resolvedSnapshot } from './public-snapshot';

/** An update or rumour correction waiting for a supervisor, with the appeal it would be posted on. */
export interface PendingUpdate {
  appeal: PublicAppeal;
  update: { id: string; kind: AppealUpdateKind; text: LocalizedText };
}

/**
 * What approving a revision in review would publish, before it does: the public page's data, the
 * feed entry, the CAP message and the share card, each made by the function that makes the real one
 * from the snapshot approval would store. Reads only; nothing is stored, cached or sent.
 */
@Injectable()
export class AppealPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publicAppeals: PublicAppealsService,
    private readonly store: MediaStore,
    private readonly config: AppConfig,
  ) {}

  async preview(actor: StaffActor, id: string): Promise<AppealPreview> {
    const appeal = await this.pending(actor, id);
    const { slug } = appeal;
    const base = this.config.publicUrl;
    const cap = APPEAL_KIND_RULES[appeal.kind].cap
      ? capMessage(
          appeal,
          [
            ...(await this.publicAppeals.capHistory(slug)),
            { identifier: `${slug}-v${appeal.versionNo}`, sent: new Date(appeal.updatedAt) },
          ],
          capSender(appeal.agency.slug, base),
        )
      : null;
    return {
      appeal,
      feed: {
        fr: feedEntry(appeal, { baseUrl: base, lang: 'fr' }),
        en: feedEntry(appeal, { baseUrl: base, lang: 'en' }),
      },
      cap,
      socialCard: `/api/appeals/${id}/preview/social-card.jpg`,
    };
  }

  /**
   * An update waiting for review and the appeal as the public reads it now, for what approving it
   * would send (social posts). 404 for another agency's appeal or an unknown update, 409 for one
   * already decided or an appeal no longer on show.
   */
  async pendingUpdate(actor: StaffActor, id: string, updateId: string): Promise<PendingUpdate> {
    const appeal = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(Appeal), { id });
    const update = await this.dataSource
      .getRepository(AppealUpdateRecord)
      .findOneBy({ id: updateId, appealId: appeal.id });
    if (!update) throw commonError('NOT_FOUND');
    if (update.state !== AppealUpdateState.IN_REVIEW) throw appealError('UPDATE_NOT_PENDING');
    const current = appeal.status === AppealStatus.PUBLISHED ? await this.publicAppeals.publicById(id) : null;
    if (!current) throw appealError('NOT_PUBLISHED');
    return { appeal: current, update: { id: update.id, kind: update.kind, text: update.text } };
  }

  /**
   * The appeal as resolving it now with `outcome` would publish it (a found person's details gone),
   * made by the function resolving uses. 409 when it is not published (or already resolved).
   */
  async pendingResolution(actor: StaffActor, id: string, outcome: AppealOutcome): Promise<PublicAppeal> {
    const appeal = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(Appeal), { id });
    if (appeal.status !== AppealStatus.PUBLISHED || !appeal.currentVersionId)
      throw appealError('NOT_PUBLISHED');
    const current = await this.dataSource
      .getRepository(AppealVersion)
      .findOneByOrFail({ id: appeal.currentVersionId });
    const now = new Date();
    return this.publicAppeals.presentPending({
      id: appeal.id,
      snapshot: resolvedSnapshot(current.public, outcome, undefined, now),
      versionNo: current.versionNo + 1,
      firstPublishedAt: appeal.firstPublishedAt,
      at: now,
    });
  }

  /** The 1200x630 card the pending version would be shared with, made now and kept nowhere. */
  async socialCard(actor: StaffActor, id: string): Promise<Buffer> {
    const appeal = await this.pending(actor, id);
    const key = await this.publicAppeals.firstImageJpeg(appeal);
    return renderSocialCard(appeal, key ? await this.readAll(key) : null);
  }

  /** The working copy in review, as the public would read it once approved now. */
  private async pending(actor: StaffActor, id: string): Promise<PublicAppeal> {
    const appeal = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(Appeal), { id });
    if (appeal.revisionState !== RevisionState.IN_REVIEW || !appeal.draft) throw appealError('NOT_IN_REVIEW');
    const agency = await this.dataSource.getRepository(Agency).findOneByOrFail({ id: appeal.agencyId });
    const [{ next }]: { next: number }[] = await this.dataSource.query(
      `SELECT coalesce(max(version_no), 0) + 1 AS next FROM appeal_version WHERE appeal_id = $1`,
      [appeal.id],
    );
    return this.publicAppeals.presentPending({
      id: appeal.id,
      snapshot: pendingSnapshot({ ...appeal, draft: appeal.draft }, agency),
      versionNo: next,
      firstPublishedAt: appeal.firstPublishedAt,
      // The moment it was submitted stands for the moment it would be published.
      at: appeal.updatedAt,
    });
  }

  private async readAll(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.store.read(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
