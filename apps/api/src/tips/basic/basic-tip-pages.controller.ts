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
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { BasicTipDto, CreateTipDto } from '@vigie/common';
import type { Response } from 'express';
import { Public } from '../../common/auth.decorators';
import { Clock } from '../../common/clock';
import { commonError } from '../../common/domain.exception';
import { RateLimited } from '../../common/rate-limit';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { pageLanguage } from '../../portal/portal-texts';
import { PROOF_OF_WORK_SIGNATURE, ProofOfWorkReleaseInterceptor } from '../intake/proof-of-work.guard';
import { TipIntakeService } from '../intake/tip-intake.service';
import { UploadBudgetInterceptor } from '../uploads/upload-budget.interceptor';
import { UploadCleanupInterceptor } from '../uploads/upload-cleanup.interceptor';
import { BasicFormTokenGuard, type BasicTipRequest } from './basic-guards';
import { BasicPageFilter } from './basic-page.filter';
import { basicError } from './basic-pages.errors';
import { BasicPages } from './basic-pages.service';
import { BasicTipContext } from './basic-tip-context';
import { instantOfLocalTime } from './local-time';

/** A time this far ahead of the server's clock is still "now" (a tipster's clock running fast). */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * The tip form for a browser that runs no JavaScript (Tor Browser at "Safest"): drawn by the server,
 * sent as multipart to the same intake as the portal's form (same fields, files, caps, inspection and
 * sealing), answered with the receipt page. Instead of the proof-of-work: a form token that must have
 * waited (BasicFormTokenGuard) and a stricter per-client limit. Nothing here reads the client address,
 * user agent or cookies.
 */
@ApiExcludeController()
@Controller('basic/tips/new')
@UseFilters(BasicPageFilter)
export class BasicTipPagesController {
  constructor(
    private readonly pages: BasicPages,
    private readonly intake: TipIntakeService,
    private readonly context: BasicTipContext,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async form(
    @Query('lang') lang: unknown,
    @Query('appeal') appeal: unknown,
    @Req() req: BasicTipRequest,
    @Res() res: Response,
  ): Promise<void> {
    const language = pageLanguage(lang, req.headers['accept-language']);
    const page = await this.pages.tipForm(language, {
      appeal: typeof appeal === 'string' ? appeal : undefined,
    });
    res.vary('Accept-Language');
    this.pages.send(res, 200, page);
  }

  @Post()
  @Public()
  // Bottom-up: the limit first (a refused form keeps its token for after the wait), then the token.
  @UseGuards(BasicFormTokenGuard)
  @RateLimited('tip-basic-client')
  @UseInterceptors(
    ProofOfWorkReleaseInterceptor,
    UploadCleanupInterceptor,
    UploadBudgetInterceptor,
    FilesInterceptor('files'),
  )
  async send(
    @Req() req: BasicTipRequest,
    @Res() res: Response,
    @Body() dto: BasicTipDto,
    @UploadedFiles() files: ReceivedFile[] = [],
  ): Promise<void> {
    const lang = pageLanguage(req.query.lang, req.headers['accept-language']);
    if (req.basicFormExpired) throw basicError('FORM_EXPIRED');
    const { occurredLocal, ...fields } = dto;
    const context = await this.context.forForm({ appeal: dto.appeal, agency: dto.agency });
    // Several services and none chosen: the tipster forgot the list, not a bad request from a robot.
    if (!dto.appeal && !dto.agency && context.agencies.length > 0)
      throw commonError('VALIDATION_FAILED', { errors: { agency: 'Choose a police service' } });
    let occurredFrom: string | undefined;
    if (occurredLocal) {
      const at = instantOfLocalTime(occurredLocal, context.timeZone);
      if (!at)
        throw commonError('VALIDATION_FAILED', { errors: { occurredLocal: 'Give a valid date and time' } });
      if (at.getTime() > this.clock.now().getTime() + FUTURE_SLACK_MS) throw basicError('DATE_IN_FUTURE');
      occurredFrom = at.toISOString();
    }
    const tip: CreateTipDto = { ...fields, occurredFrom, language: dto.language ?? lang };
    const receipt = await this.intake.receive(tip, files, req[PROOF_OF_WORK_SIGNATURE] ?? null);
    this.pages.send(res, 201, this.pages.receipt(lang, receipt, context.timeZone));
  }
}
