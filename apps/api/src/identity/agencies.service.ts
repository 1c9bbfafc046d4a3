import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgencySettingsView,
  CreateAgencyDto,
  PlatformAgencyView,
  UpdateAgencySettingsDto,
} from '@vigie/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Agency } from './agency.entity';
import { identityError } from './identity.errors';
import { duplicate } from './staff-accounts.service';
import { passwordSignInOff } from './sso/password-sign-in';

/** Agencies: their settings (for their admins) and their creation (platform operator, command line). */
@Injectable()
export class Agencies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async settings(agencyId: string): Promise<AgencySettingsView> {
    const agency = await this.dataSource.getRepository(Agency).findOneByOrFail({ id: agencyId });
    return settingsView(agency, !(await passwordSignInOff(this.dataSource, agencyId)));
  }

  /** Only the fields sent change; the audit line lists each one, before and after. */
  async updateSettings(
    agencyId: string,
    dto: UpdateAgencySettingsDto,
    actorId: string,
  ): Promise<AgencySettingsView> {
    return this.dataSource.transaction(async (tx) => {
      const agency = await tx.findOneOrFail(Agency, {
        where: { id: agencyId },
        lock: { mode: 'pessimistic_write' },
      });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of [
        'name',
        'publicPhone',
        'smsNumber',
        'timeZone',
        'languages',
        'requireTotp',
      ] as const) {
        const to = dto[key];
        if (to === undefined || JSON.stringify(to) === JSON.stringify(agency[key])) continue;
        changes[key] = { from: agency[key], to };
      }
      const password = !(await passwordSignInOff(tx, agencyId));
      if (Object.keys(changes).length === 0) return settingsView(agency, password);
      const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
      await tx.update(Agency, { id: agencyId }, values).catch(smsNumberTaken).catch(badTimeZone);
      await this.audit.append(tx, {
        agencyId,
        actorId,
        action: 'agency.settings_changed',
        entityType: 'agency',
        entityId: agencyId,
        data: { changes },
      });
      return settingsView(await tx.findOneByOrFail(Agency, { id: agencyId }), password);
    });
  }

  async create(dto: CreateAgencyDto, actorId: string | null): Promise<PlatformAgencyView> {
    return this.dataSource.transaction(async (tx) => {
      const agency = tx.create(Agency, { name: dto.name, slug: dto.slug, timeZone: dto.timeZone });
      await tx.insert(Agency, agency).catch(duplicate('agency_slug_key', 'SLUG_TAKEN')).catch(badTimeZone);
      const saved = await tx.findOneByOrFail(Agency, { slug: dto.slug });
      await this.audit.append(tx, {
        agencyId: saved.id,
        actorId,
        action: 'agency.created',
        entityType: 'agency',
        entityId: saved.id,
        data: {
          name: saved.name,
          slug: saved.slug,
          timeZone: saved.timeZone,
          by: actorId ? 'operator' : 'cli',
        },
      });
      return { ...platformView(saved), activeAdmins: 0 };
    });
  }

  async list(): Promise<PlatformAgencyView[]> {
    const rows: (Agency & { active_admins: number })[] = await this.dataSource.query(
      `SELECT a.id, a.slug, a.name, a.time_zone AS "timeZone", a.created_at AS "createdAt",
              (SELECT count(*)::int FROM staff_user u
                WHERE u.agency_id = a.id AND u.disabled_at IS NULL
                  AND (u.activated_at IS NOT NULL OR u.password_hash IS NOT NULL)
                  AND 'ADMIN' = ANY(u.roles)) AS active_admins
         FROM agency a ORDER BY a.name`,
    );
    return rows.map((r) => ({ ...platformView(r), activeAdmins: r.active_admins }));
  }

  /** The agency whose text-message number this is (the SMS webhook's `To`). */
  async bySmsNumber(number: string): Promise<Agency | null> {
    return this.dataSource.getRepository(Agency).findOneBy({ smsNumber: number });
  }

  async bySlug(slug: string): Promise<Agency | null> {
    return this.dataSource.getRepository(Agency).findOneBy({ slug });
  }
}

/** Postgres's own list of zones is the last word (the column's CHECK): a name it lacks is bad input. */
function badTimeZone(err: unknown): never {
  if (
    err instanceof QueryFailedError &&
    (err.driverError as { constraint?: string }).constraint === 'agency_time_zone_check'
  )
    throw identityError('BAD_TIME_ZONE', { errors: { timeZone: 'This time zone is not known' } });
  throw err;
}

/** One number, one agency: the SMS webhook routes by it. Answered beside the field. */
function smsNumberTaken(err: unknown): never {
  if (
    err instanceof QueryFailedError &&
    (err.driverError as { constraint?: string }).constraint === 'agency_sms_number_key'
  )
    throw identityError('SMS_NUMBER_TAKEN', {
      errors: { smsNumber: 'Another agency already receives text messages at this number' },
    });
  throw err;
}

function settingsView(agency: Agency, passwordSignIn: boolean): AgencySettingsView {
  return {
    id: agency.id,
    slug: agency.slug,
    name: agency.name,
    publicPhone: agency.publicPhone,
    smsNumber: agency.smsNumber,
    timeZone: agency.timeZone,
    languages: agency.languages,
    requireTotp: agency.requireTotp,
    passwordSignIn,
  };
}

function platformView(agency: Pick<Agency, 'id' | 'slug' | 'name' | 'timeZone' | 'createdAt'>) {
  return {
    id: agency.id,
    slug: agency.slug,
    name: agency.name,
    timeZone: agency.timeZone,
    createdAt: new Date(agency.createdAt).toISOString(),
  };
}
