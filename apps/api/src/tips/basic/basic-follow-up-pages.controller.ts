import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { BasicFollowUpFormDto, BasicFollowUpMessageDto, FollowUpSignInDto } from '@vigie/common';
import type { Response } from 'express';
import { Public } from '../../common/auth.decorators';
import { RateLimited } from '../../common/rate-limit';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { BASIC_FOLLOW_UP_PATH } from '../../portal/basic-layout';
import { query } from '../../portal/html';
import { pageLanguage } from '../../portal/portal-texts';
import { TipFollowUpService } from '../follow-up/tip-follow-up.service';
import { UploadBudgetInterceptor } from '../uploads/upload-budget.interceptor';
import { UploadCleanupInterceptor } from '../uploads/upload-cleanup.interceptor';
import { BasicFollowUpSessions } from './basic-follow-up-session';
import { BasicFollowUpGuard, type BasicFollowUpRequest, SameSiteGuard } from './basic-guards';
import { BasicPageFilter } from './basic-page.filter';
import { basicError } from './basic-pages.errors';
import { BasicPages } from './basic-pages.service';

/**
 * The tipster's follow-up without JavaScript: sign in with code and passphrase (the same service, limit
 * and lockout as the portal's), read the thread, answer with a message and files (the same checks and
 * per-tip limits). Each action answers with a redirect to the thread, so reloading it sends nothing twice.
 */
@ApiExcludeController()
@Controller('basic/tips/follow-up')
@UseFilters(BasicPageFilter)
export class BasicFollowUpPagesController {
  constructor(
    private readonly pages: BasicPages,
    private readonly followUp: TipFollowUpService,
    private readonly sessions: BasicFollowUpSessions,
  ) {}

  /** The thread while the follow-up is open; the sign-in form otherwise. */
  @Get()
  @Public()
  async page(
    @Query('lang') lang: unknown,
    @Query('done') done: unknown,
    @Req() req: BasicFollowUpRequest,
    @Res() res: Response,
  ): Promise<void> {
    const language = pageLanguage(lang, req.headers['accept-language']);
    const t = (key: string) => this.pages.texts.t(language, key);
    res.vary('Accept-Language');
    const token = this.sessions.tokenOf(req);
    const tipId = token ? this.followUp.tokens.verify(token) : null;
    if (!token || !tipId) {
      if (token) this.sessions.close(req, res);
      const notice = done === 'closed' ? t('basic.followUp.signedOut') : undefined;
      const problems = token ? { message: t('followUp.errors.expired') } : undefined;
      return this.pages.send(res, 200, this.pages.signIn(language, { notice, problems }));
    }
    const notice =
      done === 'message'
        ? t('followUp.thread.sent')
        : done === 'files'
          ? t('followUp.files.sent')
          : undefined;
    this.pages.send(res, 200, await this.pages.thread(language, tipId, token, { notice }));
  }

  @Post()
  @Public()
  @RateLimited('tip-follow-up-client')
  @UseGuards(SameSiteGuard)
  @UseInterceptors(NoFilesInterceptor())
  async signIn(
    @Req() req: BasicFollowUpRequest,
    @Res() res: Response,
    @Body() dto: FollowUpSignInDto,
  ): Promise<void> {
    const { token } = await this.followUp.signIn(dto.code, dto.password);
    this.sessions.open(req, res, token);
    res.redirect(303, `${BASIC_FOLLOW_UP_PATH}${query({ lang: language(req) })}`);
  }

  @Post('messages')
  @Public()
  // Bottom-up: the session is checked first, then counted against its tip's limit, like the portal's.
  @RateLimited('tip-follow-up-session')
  @UseGuards(BasicFollowUpGuard)
  @UseInterceptors(UploadCleanupInterceptor, UploadBudgetInterceptor, FilesInterceptor('files'))
  async answer(
    @Req() req: BasicFollowUpRequest,
    @Res() res: Response,
    @Body() dto: BasicFollowUpMessageDto,
    @UploadedFiles() files: ReceivedFile[] = [],
  ): Promise<void> {
    const tipId = this.sameSession(req, dto);
    const body = dto.body?.trim() ? dto.body : undefined;
    if (!body && files.length === 0) throw basicError('NOTHING_TO_SEND');
    // Files first: a file refused leaves nothing stored, the message included.
    if (files.length > 0) await this.followUp.addFiles(tipId, files);
    if (body) await this.followUp.addMessage(tipId, body);
    const done = body ? 'message' : 'files';
    res.redirect(303, `${BASIC_FOLLOW_UP_PATH}${query({ lang: language(req), done })}`);
  }

  @Post('sign-out')
  @Public()
  @UseGuards(BasicFollowUpGuard)
  @UseInterceptors(NoFilesInterceptor())
  signOut(@Req() req: BasicFollowUpRequest, @Res() res: Response, @Body() dto: BasicFollowUpFormDto): void {
    this.sameSession(req, dto);
    this.sessions.close(req, res);
    res.redirect(303, `${BASIC_FOLLOW_UP_PATH}${query({ lang: language(req), done: 'closed' })}`);
  }

  /** The form was drawn for the follow-up open in this browser now, not an older one or someone else's. */
  private sameSession(req: BasicFollowUpRequest, dto: BasicFollowUpFormDto): string {
    if (
      !req.followUpTipId ||
      !req.followUpToken ||
      !this.sessions.formMatches(req.followUpToken, dto.session)
    )
      throw basicError('SESSION_MISMATCH');
    return req.followUpTipId;
  }
}

function language(req: BasicFollowUpRequest) {
  return pageLanguage(req.query.lang, req.headers['accept-language']);
}
