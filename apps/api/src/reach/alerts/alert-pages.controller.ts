import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpCode,
  HttpException,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerException } from '@nestjs/throttler';
import { EmailAlertSubscriptionDto } from '@vigie/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import type { Request, Response } from 'express';
import { AllExceptionsFilter } from '../../common/all-exceptions.filter';
import { Public } from '../../common/auth.decorators';
import { DomainException } from '../../common/domain.exception';
import { RateLimited } from '../../common/rate-limit';
import { Agencies } from '../../identity/agencies.service';
import { pageLanguage, PageLanguage, PortalTexts } from '../../portal/portal-texts';
import {
  AlertFormValues,
  alertActionPage,
  alertFormPage,
  alertNoticePage,
  BASIC_ALERTS_PATH,
} from './alert-pages.views';
import { AlertSubscriptions, CONFIRM_PATH, UNSUBSCRIBE_PATH } from './alert-subscriptions.service';

const texts = new PortalTexts();
const languageOf = (req: Request): PageLanguage =>
  pageLanguage(req.query.lang, req.headers['accept-language']);
const one = (value: unknown) => (typeof value === 'string' ? value : undefined);

function send(res: Response, status: number, page: string): void {
  res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(page);
}

/** A refusal on these pages is a page in the reader's language, not the API's JSON. */
@Catch()
export class AlertPageFilter implements ExceptionFilter {
  private readonly fallback = new AllExceptionsFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const lang = languageOf(req);
    const title = texts.t(lang, 'alerts.title');
    if (exception instanceof ThrottlerException) {
      send(res, 429, alertNoticePage(texts, lang, title, texts.t(lang, 'alerts.tooMany')));
    } else if (exception instanceof DomainException && exception.code === 'BAD_LINK') {
      send(res, 400, alertNoticePage(texts, lang, title, texts.t(lang, 'alerts.badLink')));
    } else if (exception instanceof DomainException && exception.status < 500) {
      send(res, exception.status, alertNoticePage(texts, lang, title, exception.message));
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      send(res, exception.getStatus(), alertNoticePage(texts, lang, title, texts.t(lang, 'alerts.badLink')));
    } else {
      this.fallback.catch(exception, host);
    }
  }
}

/**
 * The alerts pages drawn by the server, which work without JavaScript: subscribing by e-mail, and
 * the pages the links in e-mails open (confirm, unsubscribe). Forms are urlencoded (alerts.module.ts).
 * The unsubscribe link also takes RFC 8058's one-click POST (`List-Unsubscribe=One-Click`) from a
 * mail client, with no page in between.
 */
@ApiExcludeController()
@Controller(BASIC_ALERTS_PATH)
@UseFilters(AlertPageFilter)
export class AlertPagesController {
  constructor(
    private readonly subscriptions: AlertSubscriptions,
    private readonly agencies: Agencies,
  ) {}

  @Get()
  @Public()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    res.vary('Accept-Language');
    send(res, 200, await this.formPage(lang, {}));
  }

  @Post()
  @Public()
  @RateLimited('alert-subscribe-client')
  async subscribe(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const lang = languageOf(req);
    if (!body || typeof body !== 'object') {
      // Only a form (urlencoded) is parsed on this route: a multipart or text body arrives unread.
      const problems = [texts.t(lang, 'errors.VALIDATION_FAILED')];
      send(res, 400, await this.formPage(lang, { problems }));
      return;
    }
    const values: AlertFormValues = {
      agency: one(body.agency),
      kinds: ([] as unknown[]).concat(body.kinds ?? []).filter((k): k is string => typeof k === 'string'),
      area: one(body.area),
      latitude: one(body.latitude),
      longitude: one(body.longitude),
      radiusKm: one(body.radiusKm),
      language: one(body.language),
      email: one(body.email),
    };
    const number = (s: string | undefined) => (s?.trim() ? Number(s.replace(',', '.')) : undefined);
    const dto = plainToInstance(EmailAlertSubscriptionDto, {
      agency: values.agency,
      kinds: values.kinds,
      area: {
        type: values.area,
        latitude: number(values.latitude),
        longitude: number(values.longitude),
        radiusKm: number(values.radiusKm),
      },
      language: values.language,
      email: values.email?.trim(),
    });
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      send(res, 400, await this.formPage(lang, { values, problems: problemLabels(errors, lang) }));
      return;
    }
    try {
      await this.subscriptions.requestEmail(dto);
    } catch (err) {
      if (!(err instanceof DomainException) || err.code !== 'UNKNOWN_AGENCY') throw err;
      send(res, 400, await this.formPage(lang, { values, problems: [texts.t(lang, 'alerts.agency')] }));
      return;
    }
    send(
      res,
      202,
      alertNoticePage(texts, lang, texts.t(lang, 'alerts.email.title'), texts.t(lang, 'alerts.email.sent')),
    );
  }

  @Get('confirm')
  @Public()
  confirmPage(@Req() req: Request, @Res() res: Response, @Query('token') token: unknown): void {
    send(
      res,
      200,
      alertActionPage(texts, languageOf(req), {
        path: CONFIRM_PATH,
        token: one(token) ?? '',
        what: 'confirm',
      }),
    );
  }

  @Post('confirm')
  @Public()
  async confirm(@Req() req: Request, @Res() res: Response, @Query('token') token: unknown): Promise<void> {
    const { language } = await this.subscriptions.confirmEmail(one(token) ?? '');
    const lang = language === 'en' ? 'en' : 'fr';
    send(
      res,
      200,
      alertNoticePage(
        texts,
        lang,
        texts.t(lang, 'alerts.confirm.title'),
        texts.t(lang, 'alerts.confirm.done'),
      ),
    );
  }

  @Get('unsubscribe')
  @Public()
  unsubscribePage(@Req() req: Request, @Res() res: Response, @Query('token') token: unknown): void {
    send(
      res,
      200,
      alertActionPage(texts, languageOf(req), {
        path: UNSUBSCRIBE_PATH,
        token: one(token) ?? '',
        what: 'unsubscribe',
      }),
    );
  }

  /** The page's button, and a mail client's one-click POST (RFC 8058), which sends no cookie and needs none. */
  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  async unsubscribe(
    @Req() req: Request,
    @Res() res: Response,
    @Query('token') token: unknown,
  ): Promise<void> {
    await this.subscriptions.unsubscribe(one(token) ?? '');
    const lang = languageOf(req);
    send(
      res,
      200,
      alertNoticePage(
        texts,
        lang,
        texts.t(lang, 'alerts.unsubscribe.title'),
        texts.t(lang, 'alerts.unsubscribe.done'),
      ),
    );
  }

  private async formPage(lang: PageLanguage, state: { values?: AlertFormValues; problems?: string[] }) {
    const agencies = (await this.agencies.list()).map(({ slug, name }) => ({
      slug,
      name,
      publicPhone: null,
    }));
    return alertFormPage(texts, lang, {
      agencies,
      emailAvailable: this.subscriptions.emailAvailable,
      ...state,
    });
  }
}

/** Each field that is wrong, named in the page's language (its label says what to fix). */
function problemLabels(errors: ValidationError[], lang: PageLanguage): string[] {
  const label: Record<string, string> = {
    agency: 'alerts.agency',
    kinds: 'alerts.kinds.legend',
    area: 'alerts.area.legend',
    language: 'alerts.language',
    email: 'alerts.email.label',
  };
  return errors.map((e) => texts.t(lang, label[e.property] ?? 'alerts.problems'));
}
