import { Body, Controller, Get, Header, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CreateTipDto, ProofOfWorkChallenge, TipReceipt } from '@vigie/common';
import { Public } from '../common/auth.decorators';
import { RateLimited } from '../common/rate-limit';
import type { ReceivedFile } from '../media/hashing-disk-storage';
import { ProofOfWorkService } from './proof-of-work.service';
import { TipIntakeService } from './tip-intake.service';
import { UploadCleanupInterceptor } from './upload-cleanup.interceptor';

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

  /** Multipart: the fields of CreateTipDto, and up to TIP_MAX_FILES files in `files`. */
  @Post()
  @Public()
  @RateLimited('tip-client')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(UploadCleanupInterceptor, FilesInterceptor('files'))
  async submit(@Body() dto: CreateTipDto, @UploadedFiles() files: ReceivedFile[] = []): Promise<TipReceipt> {
    await this.pow.spend(dto.altcha);
    return this.intake.receive(dto, files);
  }
}
