import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateTipDto, RecordPhoneTipDto, TipChannel, TipReceipt } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../../audit/audit.service';
import type { StaffActor } from '../../common/staff-actor';
import { tipError } from '../tips.errors';
import { Destination, TipDestinations } from './tip-destinations';
import { TipIntakeService } from './tip-intake.service';

/**
 * Phone tips (channel PHONE): a call-taker types what a caller says into the desk. The tip is
 * stored exactly as a web tip (same fields, same code and passphrase, read back to the caller),
 * for the call-taker's own agency. Nothing about the caller is kept unless they chose to give
 * contact details; the staff member who typed it is recorded in the audit log, in the same
 * transaction as the tip, and never as its author: the tip has no staff column to show.
 * The staff session stands in for the web form's proof-of-work.
 */
@Injectable()
export class PhoneIntake {
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: TipIntakeService,
    private readonly destinations: TipDestinations,
    audit: AuditService,
  ) {
    this.record = audit.about('tip');
  }

  async receive(actor: StaffActor, dto: RecordPhoneTipDto): Promise<TipReceipt> {
    const { channel: _phone, ...fields } = dto;
    const destination = await this.destinationFor(actor, fields);
    return this.intake.receiveAt(destination, fields, [], {
      channel: TipChannel.PHONE,
      alsoInTransaction: async (tx, tipId) => {
        // What the audit keeps: who typed it and for which appeal; never what the caller said.
        await this.record(tx, actor, tipId, 'tip.phone_recorded', { appealId: destination.appealId });
      },
    });
  }

  /** The call-taker's agency, or one of its published appeals; anything else is not found. */
  private async destinationFor(
    actor: StaffActor,
    dto: Pick<CreateTipDto, 'agency' | 'appeal'>,
  ): Promise<Destination> {
    if (dto.agency) {
      const [own] = await this.dataSource.query(`SELECT slug FROM agency WHERE id = $1`, [actor.agencyId]);
      if (dto.agency !== own?.slug) throw tipError('UNKNOWN_AGENCY');
    }
    if (!dto.appeal) return { agencyId: actor.agencyId, appealId: null };
    const destination = await this.destinations.resolve({ appeal: dto.appeal });
    if (destination.agencyId !== actor.agencyId) throw tipError('UNKNOWN_APPEAL');
    return destination;
  }
}
