import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppealKind, CreateTipDto, RewardDto } from '@vigie/common';
import { DataSource } from 'typeorm';
import { PublicAppealCache } from '../../appeals/public-appeal-cache';
import { tipError } from '../tips.errors';

export interface Destination {
  agencyId: string;
  appealId: string | null;
  appealKind?: AppealKind;
  /** The reward the appeal's live version offers, kept with the tip if still open at its arrival. */
  reward?: RewardDto | null;
}

/** A backstop only: publishing or closing an appeal clears the cache at once. */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 1000;

/**
 * Where a tip goes: the published appeal it names (and that appeal's agency), or the agency named.
 * On the night an appeal goes viral every tip names the same appeal, and this lookup was one of
 * the seven database round trips of a text tip; it is kept in memory, and cleared whenever the
 * public appeal cache is (after any change to what the public sees, in this process at commit and
 * in the others by NOTIFY), so a closed appeal stops taking tips at once. Only what exists is
 * cached: a flood of made-up slugs costs queries, not memory.
 */
@Injectable()
export class TipDestinations {
  private readonly cache = new Map<string, { at: number; value: Destination }>();
  /** Bumped on every clear: a lookup that started before one is not kept. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    publicAppeals: PublicAppealCache,
  ) {
    publicAppeals.onChange(() => {
      this.generation++;
      this.cache.clear();
    });
  }

  async resolve(dto: Pick<CreateTipDto, 'agency' | 'appeal'>): Promise<Destination> {
    const key = JSON.stringify([dto.appeal ?? null, dto.agency ?? null]);
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.value;
    const generation = this.generation;
    const value = await this.lookUp(dto);
    if (generation !== this.generation) return value;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  private async lookUp(dto: Pick<CreateTipDto, 'agency' | 'appeal'>): Promise<Destination> {
    if (dto.appeal) {
      const [appeal] = await this.dataSource.query(
        `SELECT a.id, a.kind, a.agency_id, g.slug AS agency_slug, v.public->'content'->'reward' AS reward
           FROM appeal a JOIN agency g ON g.id = a.agency_id LEFT JOIN appeal_version v ON v.id = a.current_version_id
          WHERE a.slug = $1 AND a.status = 'PUBLISHED'`,
        [dto.appeal],
      );
      // Another agency's appeal, or one not open for tips, is simply not found.
      if (!appeal || (dto.agency && dto.agency !== appeal.agency_slug)) throw tipError('UNKNOWN_APPEAL');
      return {
        agencyId: appeal.agency_id,
        appealId: appeal.id,
        appealKind: appeal.kind,
        reward: appeal.reward,
      };
    }
    const agencies: { id: string; slug: string }[] = await this.dataSource.query(
      `SELECT id, slug FROM agency ORDER BY slug`,
    );
    const agency = dto.agency
      ? agencies.find((a) => a.slug === dto.agency)
      : agencies.length === 1
        ? agencies[0]
        : undefined;
    if (!agency) throw tipError('UNKNOWN_AGENCY');
    return { agencyId: agency.id, appealId: null };
  }
}
