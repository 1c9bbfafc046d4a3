import { Injectable } from '@nestjs/common';
import type { TipReceipt } from '@vigie/common';
import type { Response } from 'express';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import type { PageLanguage } from '../../portal/portal-texts';
import { PortalTexts } from '../../portal/portal-texts';
import { TipFollowUpService } from '../follow-up/tip-follow-up.service';
import { BasicFollowUpSessions } from './basic-follow-up-session';
import type { PageProblems } from './basic-form-parts';
import { signInPage, threadPage } from './basic-follow-up-views';
import { BasicTipContext } from './basic-tip-context';
import { receiptPage, tipFormPage, tipRefusalPage, type TipFormValues } from './basic-tip-views';
import { FormTokens } from './form-token';

const MB = 1024 * 1024;

/** Draws the pages of the tip form and follow-up without JavaScript, for the controllers and their filter. */
@Injectable()
export class BasicPages {
  readonly texts = new PortalTexts();
  private readonly tokens: FormTokens;

  constructor(
    private readonly context: BasicTipContext,
    private readonly followUp: TipFollowUpService,
    private readonly sessions: BasicFollowUpSessions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.tokens = new FormTokens(config.encryptionKey, config.env.BASIC_FORM_MIN_SECONDS * 1000);
  }

  /** Every page is an answer for one visitor only, never kept by a cache or the browser's history. */
  send(res: Response, status: number, page: string): void {
    res.status(status).type('html').setHeader('Cache-Control', 'no-store');
    res.send(page);
  }

  /**
   * The form, blank or drawn again with what was sent and what is wrong. `issuedAt`: when the form that
   * came back was first drawn, so the wait it already served counts (form-token.ts).
   */
  async tipForm(
    lang: PageLanguage,
    where: { appeal?: string; agency?: string },
    state: { values?: TipFormValues; problems?: PageProblems; filesLost?: boolean; issuedAt?: Date } = {},
  ): Promise<string> {
    const context = await this.context.forForm(where);
    return tipFormPage(this.texts, {
      lang,
      context,
      token: this.tokens.issue(state.issuedAt ?? this.clock.now()),
      values: state.values,
      problems: state.problems,
      filesLost: state.filesLost,
      limits: { maxFiles: this.config.env.TIP_MAX_FILES, totalBytes: this.config.env.TIP_TOTAL_MAX_MB * MB },
    });
  }

  tipRefusal(lang: PageLanguage, message: string): string {
    return tipRefusalPage(this.texts, lang, message);
  }

  receipt(lang: PageLanguage, receipt: TipReceipt, timeZone: string): string {
    return receiptPage(this.texts, lang, receipt, { timeZone, publicUrl: this.config.publicUrl });
  }

  signIn(
    lang: PageLanguage,
    state: { code?: string; problems?: PageProblems; notice?: string } = {},
  ): string {
    return signInPage(this.texts, lang, state);
  }

  async thread(
    lang: PageLanguage,
    tipId: string,
    token: string,
    state: { problems?: PageProblems; notice?: string; draft?: string } = {},
  ): Promise<string> {
    const [view, timeZone] = await Promise.all([
      this.followUp.view(tipId),
      this.context.timeZoneOfTip(tipId),
    ]);
    return threadPage(this.texts, lang, { view, timeZone, session: this.sessions.formKey(token), ...state });
  }
}
