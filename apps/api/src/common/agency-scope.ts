import { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { commonError } from './domain.exception';
import type { StaffActor } from './staff-actor';

/**
 * The only way feature code reads agency-owned rows for a staff member: every lookup is narrowed
 * to the caller's agency, and a row of another agency is simply not found (404, never 403, which
 * would confirm that it exists).
 */
export class AgencyScope {
  constructor(readonly agencyId: string) {}

  static of(actor: Pick<StaffActor, 'agencyId'>): AgencyScope {
    return new AgencyScope(actor.agencyId);
  }

  where<T extends { agencyId: string }>(where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    return { ...where, agencyId: this.agencyId } as FindOptionsWhere<T>;
  }

  async findOne<T extends ObjectLiteral & { agencyId: string }>(
    repo: Repository<T>,
    where: FindOptionsWhere<T>,
  ): Promise<T> {
    const row = await repo.findOne({ where: this.where(where) });
    if (!row) throw commonError('NOT_FOUND');
    return row;
  }
}
