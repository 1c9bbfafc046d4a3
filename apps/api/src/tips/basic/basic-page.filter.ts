import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../common/all-exceptions.filter';
import { DomainException } from '../../common/domain.exception';
import { loggableError } from '../../common/loggable-error';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { BASIC_FOLLOW_UP_PATH } from '../../portal/basic-layout';
import { pageLanguage } from '../../portal/portal-texts';
import type { BasicFollowUpRequest, BasicTipRequest } from './basic-guards';
import { BasicPages } from './basic-pages.service';
import { problemsOf, refusalOf } from './basic-refusals';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Answers a refusal on the pages without JavaScript with a page, not JSON: the form drawn again with what
 * was written and what is wrong (error summary, fields marked), with the refusal's own status (400, 401,
 * 409, 413, 415, 422, 429). A bug is a page too (500, with the id to find it in the logs).
 */
@Catch()
export class BasicPageFilter implements ExceptionFilter {
  private readonly logger = new Logger(BasicPageFilter.name);

  constructor(private readonly pages: BasicPages) {}

  /**
   * The database away (frozen, restarting, overwhelmed): a page saying to try again in a moment, not the
   * API's JSON, which a browser without scripts would show as it is. Drawn from texts alone, no query.
   */
  private unavailable(exception: unknown, host: ArgumentsHost): boolean {
    if (!isDatabaseUnavailable(exception)) return false;
    const req = host.switchToHttp().getRequest<BasicTipRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return false;
    const lang = pageLanguage(req.query.lang, req.headers['accept-language']);
    this.logger.warn('A page without JavaScript answered 503: the database is unavailable');
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    this.pages.send(res, 503, this.pages.tipRefusal(lang, this.pages.texts.t(lang, 'errors.INTERNAL')));
    return true;
  }

  /**
   * A bug: logged as the app logs one (its kind and place, a correlation id, never the form's
   * content), and answered with a page giving that id, not the API's JSON.
   */
  private failed(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<BasicTipRequest & { id?: string }>();
    const res = host.switchToHttp().getResponse<Response>();
    this.logger.error({ err: loggableError(exception), correlationId: req.id }, 'Unhandled error');
    if (res.headersSent) return void res.end();
    const lang = pageLanguage(req.query.lang, req.headers['accept-language']);
    const texts = this.pages.texts;
    const reference = req.id ? ` ${texts.t(lang, 'errors.reference', { id: String(req.id) })}` : '';
    this.pages.send(res, 500, this.pages.tipRefusal(lang, `${texts.t(lang, 'errors.INTERNAL')}${reference}`));
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const refusal = refusalOf(exception);
    if (!refusal) {
      if (!this.unavailable(exception, host)) this.failed(exception, host);
      return;
    }
    const req = host.switchToHttp().getRequest<BasicFollowUpRequest & BasicTipRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const lang = pageLanguage(req.query.lang, req.headers['accept-language']);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problems = problemsOf(refusal, this.pages.texts, lang, body);
    const draw = async (): Promise<string> => {
      if (req.path.startsWith(`${BASIC_FOLLOW_UP_PATH}/`)) {
        const token = req.followUpToken;
        if (!req.followUpTipId || !token || refusal.code === 'TOKEN_INVALID')
          return this.pages.signIn(lang, {
            problems: problemsOf({ status: 401, code: 'TOKEN_INVALID' }, this.pages.texts, lang),
          });
        return this.pages.thread(lang, req.followUpTipId, token, { problems, draft: text(body.body) });
      }
      if (req.path === BASIC_FOLLOW_UP_PATH)
        return this.pages.signIn(lang, { code: text(body.code), problems });
      // Refused before the body was read (the limit, the token): there is nothing of it to draw again.
      if (!req.body) return this.pages.tipRefusal(lang, problems.message ?? '');
      return this.pages.tipForm(
        lang,
        { appeal: text(body.appeal), agency: text(body.agency) },
        {
          values: body,
          problems,
          filesLost: Array.isArray(req.files) && req.files.length > 0,
          issuedAt: refusal.code === 'FORM_EXPIRED' ? undefined : req.basicTokenIssuedAt,
        },
      );
    };
    if (exception instanceof DomainException && exception.headers) res.set(exception.headers);
    draw().then(
      (page) => this.pages.send(res, refusal.status, page),
      (error: unknown) => {
        if (this.unavailable(error, host)) return;
        this.failed(error, host);
      },
    );
  }
}
