import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppealStatus, RevisionState, StaffAppeal } from '@vigie/common';
import { DataSource, In } from 'typeorm';
import { AgencyScope } from '../common/agency-scope';
import type { StaffActor } from '../common/staff-actor';
import { AppealImageRecord } from './appeal-image.entity';
import { AppealUpdateRecord } from './appeal-update.entity';
import { AppealVersion } from './appeal-version.entity';
import { Appeal } from './appeal.entity';
import { publicImage } from './public-appeals.service';

/** Reads for the staff desk: one appeal with its working copy, live version and history; lists; the review queue. */
@Injectable()
export class AppealDeskService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: StaffActor, status?: AppealStatus): Promise<StaffAppeal[]> {
    const appeals = await this.dataSource.getRepository(Appeal).find({
      where: AgencyScope.of(actor).where<Appeal>(status ? { status } : {}),
      order: { updatedAt: 'DESC' },
      take: 500,
    });
    return this.views(appeals);
  }

  /** Appeals whose working copy waits for a supervisor, and appeals with updates waiting. */
  async reviewQueue(actor: StaffActor): Promise<StaffAppeal[]> {
    const appeals = await this.dataSource
      .getRepository(Appeal)
      .createQueryBuilder('a')
      .where('a.agency_id = :agency', { agency: actor.agencyId })
      .andWhere(
        `(a.revision_state = :inReview OR EXISTS (SELECT 1 FROM appeal_update u WHERE u.appeal_id = a.id AND u.state = 'IN_REVIEW'))`,
        { inReview: RevisionState.IN_REVIEW },
      )
      .orderBy('a.updated_at', 'ASC')
      .getMany();
    return this.views(appeals);
  }

  async one(actor: StaffActor, id: string): Promise<StaffAppeal> {
    const appeal = await AgencyScope.of(actor).findOne(this.dataSource.getRepository(Appeal), { id });
    return (await this.views([appeal]))[0];
  }

  /** Several appeals of the caller's agency by id (what other features list beside their own rows); unknown ids are left out. */
  async byIds(actor: StaffActor, ids: string[]): Promise<StaffAppeal[]> {
    if (ids.length === 0) return [];
    const appeals = await this.dataSource
      .getRepository(Appeal)
      .findBy(AgencyScope.of(actor).where<Appeal>({ id: In(ids) }));
    return this.views(appeals);
  }

  private async views(appeals: Appeal[]): Promise<StaffAppeal[]> {
    if (appeals.length === 0) return [];
    const ids = appeals.map((a) => a.id);
    const [versions, updates, images] = await Promise.all([
      this.dataSource
        .getRepository(AppealVersion)
        .find({ where: { appealId: In(ids) }, order: { versionNo: 'ASC' } }),
      this.dataSource
        .getRepository(AppealUpdateRecord)
        .find({ where: { appealId: In(ids) }, order: { createdAt: 'DESC' } }),
      this.dataSource
        .getRepository(AppealImageRecord)
        .find({ where: { appealId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    return appeals.map((a) => {
      const mine = versions.filter((v) => v.appealId === a.id);
      const live = mine.find((v) => v.id === a.currentVersionId);
      return {
        id: a.id,
        slug: a.slug,
        kind: a.kind,
        status: a.status,
        version: a.version,
        revisionState: a.revisionState ?? undefined,
        draft: a.draft ?? undefined,
        draftEditors: a.draftEditors,
        rejectionReason: a.rejectionReason ?? undefined,
        live: live && {
          versionNo: live.versionNo,
          content: live.public.content,
          publishedAt: live.publishedAt.toISOString(),
          approvedBy: live.approvedBy,
        },
        outcome: a.outcome ?? undefined,
        versions: mine.map((v) => ({
          versionNo: v.versionNo,
          publishedAt: v.publishedAt.toISOString(),
          approvedBy: v.approvedBy,
          reason: v.reason,
        })),
        updates: updates
          .filter((u) => u.appealId === a.id)
          .map((u) => ({
            id: u.id,
            kind: u.kind,
            text: u.text,
            state: u.state,
            authorId: u.authorId,
            createdAt: u.createdAt.toISOString(),
            publishedAt: u.publishedAt?.toISOString(),
            rejectionReason: u.rejectionReason ?? undefined,
          })),
        images: images
          .filter((i) => i.appealId === a.id)
          .map((i) => ({
            ...publicImage({ id: i.id, isComposite: false }, i, `/api/appeals/${a.id}/images`),
            sha256: i.sha256,
          })),
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
      };
    });
  }
}
