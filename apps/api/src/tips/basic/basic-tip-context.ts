import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppealStatus, LocalizedText } from '@vigie/common';
import { DataSource } from 'typeorm';
import { PublicAppealsService } from '../../appeals/public-appeals.service';
import { DomainException } from '../../common/domain.exception';

export interface AgencyChoice {
  slug: string;
  name: string;
  timeZone: string;
}

export interface TipFormContext {
  /** The appeal the tip answers, when it is still open for tips. */
  appeal?: { slug: string; title: LocalizedText };
  /** The appeal named is withdrawn or resolved: the tip still goes to its police service. */
  appealClosed: boolean;
  /** The services to choose from, when the tip answers no appeal and there are several. */
  agencies: AgencyChoice[];
  /** The zone the tipster's wall-clock times are read in, and the receipt's date is written in. */
  timeZone: string;
}

/** What the form drawn without JavaScript needs to know before it is drawn: the appeal, or the services. */
@Injectable()
export class BasicTipContext {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appeals: PublicAppealsService,
  ) {}

  async forForm(query: { appeal?: string; agency?: string }): Promise<TipFormContext> {
    if (query.appeal && /^[a-z0-9-]{3,100}$/.test(query.appeal)) {
      try {
        const { appeal, timeZone } = await this.appeals.bySlug(query.appeal);
        if (appeal.status === AppealStatus.PUBLISHED)
          return {
            appeal: { slug: appeal.slug, title: appeal.title },
            appealClosed: false,
            agencies: [],
            timeZone,
          };
        return { ...(await this.agencyChoice(appeal.agency?.slug)), appealClosed: true };
      } catch (error) {
        // Unknown, withdrawn or expired: the form goes to a police service instead.
        if (!(error instanceof DomainException)) throw error;
        return { ...(await this.agencyChoice(query.agency)), appealClosed: true };
      }
    }
    return { ...(await this.agencyChoice(query.agency)), appealClosed: false };
  }

  /** The zone of the police service whose tip this is, for the dates of its follow-up. */
  async timeZoneOfTip(tipId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT g.time_zone FROM tip t JOIN agency g ON g.id = t.agency_id WHERE t.id = $1`,
      [tipId],
    );
    return row?.time_zone ?? 'UTC';
  }

  private async agencyChoice(slug: string | undefined): Promise<Omit<TipFormContext, 'appealClosed'>> {
    const agencies: AgencyChoice[] = await this.dataSource.query(
      `SELECT slug, name, time_zone AS "timeZone" FROM agency ORDER BY name`,
    );
    const chosen = agencies.find((a) => a.slug === slug) ?? (agencies.length === 1 ? agencies[0] : undefined);
    return {
      agencies: agencies.length > 1 ? agencies : [],
      timeZone: chosen?.timeZone ?? agencies[0]?.timeZone ?? 'UTC',
    };
  }
}
