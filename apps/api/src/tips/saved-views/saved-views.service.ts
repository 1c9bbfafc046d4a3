import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateSavedViewDto,
  InboxFiltersDto,
  SAVED_VIEW_LIMITS,
  SavedView,
  UpdateSavedViewDto,
} from '@vigie/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { commonError } from '../../common/domain.exception';
import type { StaffActor } from '../../common/staff-actor';
import { tipError } from '../tips.errors';
import { SavedViewRecord } from './saved-view.entity';

/**
 * An investigator's saved inbox views. Every query names the caller as owner: someone else's view
 * is not found (404), never shown, renamed or deleted. Not audited: a view is a shortcut to a
 * search, it changes no tip.
 */
@Injectable()
export class SavedViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: StaffActor): Promise<SavedView[]> {
    const rows = await this.dataSource.getRepository(SavedViewRecord).find({
      where: { staffId: actor.userId, agencyId: actor.agencyId },
      order: { name: 'ASC' },
    });
    return rows.map(viewOf);
  }

  create(actor: StaffActor, dto: CreateSavedViewDto): Promise<SavedView> {
    return this.dataSource
      .transaction(async (tx) => {
        // One person's creations queue here, so two at once cannot both pass the limit.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('saved_inbox_view:' || $1))`, [actor.userId]);
        const count = await tx.count(SavedViewRecord, { where: { staffId: actor.userId } });
        if (count >= SAVED_VIEW_LIMITS.perPerson) throw tipError('TOO_MANY_VIEWS');
        const record = tx.create(SavedViewRecord, {
          agencyId: actor.agencyId,
          staffId: actor.userId,
          name: dto.name.trim(),
          filters: filtersOf(dto.filters),
        });
        return viewOf(await tx.save(record));
      })
      .catch(nameTaken);
  }

  update(actor: StaffActor, id: string, dto: UpdateSavedViewDto): Promise<SavedView> {
    if (dto.name === undefined && dto.filters === undefined) throw tipError('NOTHING_TO_CHANGE_VIEW');
    return this.dataSource
      .transaction(async (tx) => {
        const record = await this.own(tx, actor, id);
        if (dto.name !== undefined) record.name = dto.name.trim();
        if (dto.filters !== undefined) record.filters = filtersOf(dto.filters);
        record.updatedAt = new Date();
        return viewOf(await tx.save(record));
      })
      .catch(nameTaken);
  }

  async remove(actor: StaffActor, id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(SavedViewRecord)
      .delete({ id, staffId: actor.userId, agencyId: actor.agencyId });
    if (!result.affected) throw commonError('NOT_FOUND');
  }

  private async own(tx: EntityManager, actor: StaffActor, id: string): Promise<SavedViewRecord> {
    const record = await tx.findOne(SavedViewRecord, {
      where: { id, staffId: actor.userId, agencyId: actor.agencyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!record) throw commonError('NOT_FOUND');
    return record;
  }
}

/** Only the filters given, as strings: what `GET /api/tips` takes back as its query string. */
function filtersOf(dto: InboxFiltersDto): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(dto)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') out[key] = String(value).trim();
  }
  return out;
}

function viewOf(r: SavedViewRecord): SavedView {
  return {
    id: r.id,
    name: r.name,
    filters: r.filters,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function nameTaken(err: unknown): never {
  if (
    err instanceof QueryFailedError &&
    (err.driverError as { constraint?: string }).constraint === 'saved_inbox_view_name_key'
  )
    throw tipError('VIEW_NAME_TAKEN');
  throw err;
}
