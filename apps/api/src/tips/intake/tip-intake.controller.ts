import {
  Body,
  Controller,
  Get,
  Header,
  Post,
  Req,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CreateTipDto, PROOF_OF_WORK_HEADER, ProofOfWorkChallenge, TipReceipt } from '@vigie/common';
import { Public } from '../../common/auth.decorators';
import { RateLimited } from '../../common/rate-limit';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import {
  PROOF_OF_WORK_SIGNATURE,
  ProofOfWorkGuard,
  ProofOfWorkReleaseInterceptor,
  type WithProofOfWork,
} from './proof-of-work.guard';
import { ProofOfWorkService } from './proof-of-work.service';
import { TipIntakeService } from './tip-intake.service';
import { UploadBudgetInterceptor } from '../uploads/upload-budget.interceptor';
import { UploadCleanupInterceptor } from '../uploads/upload-cleanup.interceptor';

/** Anonymous tip intake. Nothing here reads the client address, user agent or cookies. */
@ApiTags('public')
@Controller('api/public/tips')
export class TipIntakeController {
  constructor(
    private readonly intake: TipIntakeService,
    private readonly pow: ProofOfWorkService,
  ) {}

  @Get('challenge')
  @Public()
  @Header('Cache-Control', 'no-store')
  challenge(): Promise<ProofOfWorkChallenge> {
    return this.pow.challenge();
  }

  /**
   * Multipart: the fields of CreateTipDto, and up to TIP_MAX_FILES files (TIP_TOTAL_MAX_MB in all) in `files`; the solved
   * challenge in the X-Altcha header, checked (like the rate limit) before the body is read.
   */
  @Post()
  @Public()
  // Decorators apply bottom-up: the proof-of-work guard runs first, so a flood without solutions
  // is refused on a hash check alone, without even a rate-limit counter written for it.
  @RateLimited('tip-client')
  @UseGuards(ProofOfWorkGuard)
  @ApiConsumes('multipart/form-data')
  @ApiHeader({
    name: PROOF_OF_WORK_HEADER,
    description: 'the solved ALTCHA challenge (unless TIP_CHALLENGE=off)',
  })
  @UseInterceptors(
    ProofOfWorkReleaseInterceptor,
    UploadCleanupInterceptor,
    UploadBudgetInterceptor,
    FilesInterceptor('files'),
  )
  submit(
    @Req() req: WithProofOfWork,
    @Body() dto: CreateTipDto,
    @UploadedFiles() files: ReceivedFile[] = [],
  ): Promise<TipReceipt> {
    return this.intake.receive(dto, files, req[PROOF_OF_WORK_SIGNATURE] ?? null);
  }
}
