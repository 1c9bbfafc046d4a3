import { Injectable } from '@nestjs/common';
import { TipChannel, TipReceipt, TIP_LIMITS } from '@vigie/common';
import { AuditService, StaffActionRecorder } from '../../audit/audit.service';
import type { StaffActor } from '../../common/staff-actor';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { TipIntakeService } from './tip-intake.service';

/** A message the agency received on a social network, as the investigator turns it into a tip. */
export interface ReceivedSocialTip {
  /** The archived message it comes from (reach's social_message), for the audit line. */
  messageId: string;
  network: string;
  authorHandle: string;
  text: string;
  /** Where the message is on its network. */
  link: string | null;
  appealId: string | null;
  language: 'fr' | 'en';
  /** Its files, already fetched and inspected once; inspected and sealed again as any upload. */
  files: ReceivedFile[];
}

/**
 * Social tips (channel SOCIAL): an investigator makes a reply, mention or message received on one
 * of the agency's accounts into a tip. It is not anonymous: the author wrote in public (or to the
 * agency) under their handle, which the tip keeps as its contact, with the message's link. The
 * investigator who made it is recorded in the audit log, in the tip's transaction.
 */
@Injectable()
export class SocialIntake {
  private readonly record: StaffActionRecorder;

  constructor(
    private readonly intake: TipIntakeService,
    audit: AuditService,
  ) {
    this.record = audit.about('tip');
  }

  async receive(actor: StaffActor, message: ReceivedSocialTip): Promise<TipReceipt & { tipId: string }> {
    const source = `— @${message.authorHandle} (${message.network})${message.link ? `: ${message.link}` : ''}`;
    const room = TIP_LIMITS.descriptionMax - source.length - 2;
    const description = `${message.text.trim().slice(0, Math.max(0, room)) || '…'}\n\n${source}`;
    let tipId = '';
    const receipt = await this.intake.receiveAt(
      { agencyId: actor.agencyId, appealId: message.appealId },
      {
        description,
        contactName: `@${message.authorHandle}`.slice(0, TIP_LIMITS.nameMax),
        language: message.language,
      },
      message.files,
      {
        channel: TipChannel.SOCIAL,
        alsoInTransaction: async (tx, id) => {
          tipId = id;
          await this.record(tx, actor, id, 'tip.social_recorded', {
            messageId: message.messageId,
            network: message.network,
            link: message.link,
            appealId: message.appealId,
          });
        },
      },
    );
    return { ...receipt, tipId };
  }
}
