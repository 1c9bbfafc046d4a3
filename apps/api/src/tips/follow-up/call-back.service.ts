import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CallBackSession, FollowUpView } from '@vigie/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../../audit/audit.service';
import type { StaffActor } from '../../common/staff-actor';
import { AppConfig } from '../../config/app-config';
import { tipError } from '../tips.errors';
import { FollowUpTokens } from './follow-up-token';
import { TipFollowUpService } from './tip-follow-up.service';

/**
 * A caller phones back: the call-taker types the caller's code and passphrase and, for the length
 * of the call, sees and answers the thread as the caller would on the web (the tipster's view, no
 * more). Opening the thread and every message typed for the caller are audited with the staff
 * member's name; the messages are the caller's words (author TIPSTER, no staff id), so the tip
 * page never shows the call-taker as the tipster.
 *
 * The session is a follow-up token of its own kind (another key, so a tipster's token opens
 * nothing here, nor this one anything on the public routes) naming the tip and the staff member:
 * a colleague's session cannot reuse it.
 */
@Injectable()
export class CallBackService {
  private readonly tokens: FollowUpTokens;
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUp: TipFollowUpService,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.tokens = new FollowUpTokens(
      createHmac('sha256', config.encryptionKey).update('vigie:call-back').digest(),
    );
    this.record = audit.about('tip');
  }

  async open(actor: StaffActor, code: string, password: string): Promise<CallBackSession> {
    const tip = await this.followUp.checkCredentials(code, password, actor.agencyId);
    if (!tip) {
      // Audited about the staff member (not a tip: which tip the code would have named is not theirs
      // to learn): a call-taker trying codes that open nothing is what probing looks like.
      await this.dataSource.transaction((tx) =>
        this.audit.append(tx, {
          agencyId: actor.agencyId,
          actorId: actor.userId,
          action: 'tip.call_back_refused',
          entityType: 'staff',
          entityId: actor.userId,
        }),
      );
      throw tipError('CALL_BACK_BAD_CREDENTIALS');
    }
    await this.dataSource.transaction((tx) => this.record(tx, actor, tip.id, 'tip.call_back_opened', {}));
    const { token, expiresAt } = this.tokens.issue(`${tip.id}~${actor.userId}`);
    return { token, expiresAt: expiresAt.toISOString(), thread: await this.followUp.view(tip.id) };
  }

  async view(actor: StaffActor, authorization: string | undefined): Promise<FollowUpView> {
    return this.followUp.view(await this.tipOf(actor, authorization));
  }

  async addMessage(
    actor: StaffActor,
    authorization: string | undefined,
    body: string,
  ): Promise<FollowUpView> {
    const tipId = await this.tipOf(actor, authorization);
    return this.followUp.addMessage(tipId, body, (tx, messageId) =>
      this.record(tx, actor, tipId, 'tip.call_back_message', { messageId }).then(() => undefined),
    );
  }

  private async tipOf(actor: StaffActor, authorization: string | undefined): Promise<string> {
    const subject = this.tokens.verify(authorization?.replace(/^Bearer\s+/i, ''));
    const [tipId, userId] = (subject ?? '').split('~');
    if (!tipId || userId !== actor.userId) throw tipError('CALL_BACK_ENDED');
    // The tip may have been transferred to another agency since the call began (forwarding): it is
    // then no longer this agency's to read or write, whatever the token still says.
    const owned: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM tip WHERE id = $1 AND agency_id = $2`,
      [tipId, actor.agencyId],
    );
    if (owned.length === 0) throw tipError('CALL_BACK_ENDED');
    return tipId;
  }
}
