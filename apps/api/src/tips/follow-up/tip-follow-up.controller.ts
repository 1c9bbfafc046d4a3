import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { FollowUpMessageDto, FollowUpSession, FollowUpSignInDto, FollowUpView } from '@vigie/common';
import { Public } from '../../common/auth.decorators';
import { RateLimited } from '../../common/rate-limit';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { mediaError } from '../../media/media.errors';
import { FollowUpTip, FollowUpTokenGuard } from './follow-up-token.guard';
import { RewardClaimsService } from '../rewards/reward-claims.service';
import { TipFollowUpService } from './tip-follow-up.service';
import { UploadBudgetInterceptor } from '../uploads/upload-budget.interceptor';
import { UploadCleanupInterceptor } from '../uploads/upload-cleanup.interceptor';

/**
 * The tipster's return visits. Sign-in gives a short-lived token that the other routes take in
 * `Authorization: Bearer`; no cookie is ever set for a tipster.
 */
@ApiTags('public')
@Controller('api/public/tips/follow-up')
export class TipFollowUpController {
  constructor(
    private readonly followUp: TipFollowUpService,
    private readonly rewards: RewardClaimsService,
  ) {}

  @Post()
  @Public()
  @RateLimited('tip-follow-up-client')
  @HttpCode(200)
  signIn(@Body() dto: FollowUpSignInDto): Promise<FollowUpSession> {
    return this.followUp.signIn(dto.code, dto.password);
  }

  @Get()
  @Public()
  @UseGuards(FollowUpTokenGuard)
  @ApiBearerAuth()
  view(@FollowUpTip() tipId: string): Promise<FollowUpView> {
    return this.followUp.view(tipId);
  }

  @Post('messages')
  @Public()
  // Bottom-up: the token is checked first, then counted against its tip's limit.
  @RateLimited('tip-follow-up-session')
  @UseGuards(FollowUpTokenGuard)
  @ApiBearerAuth()
  message(@FollowUpTip() tipId: string, @Body() dto: FollowUpMessageDto): Promise<FollowUpView> {
    return this.followUp.addMessage(tipId, dto.body);
  }

  /** Claims the appeal's reward for this tip, under the terms in force now. */
  @Post('reward-claim')
  @Public()
  @UseGuards(FollowUpTokenGuard)
  @ApiBearerAuth()
  async claimReward(@FollowUpTip() tipId: string): Promise<FollowUpView> {
    await this.rewards.claim(tipId);
    return this.followUp.view(tipId);
  }

  @Post('media')
  @Public()
  @RateLimited('tip-follow-up-session')
  @UseGuards(FollowUpTokenGuard)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(UploadCleanupInterceptor, UploadBudgetInterceptor, FilesInterceptor('files'))
  media(@FollowUpTip() tipId: string, @UploadedFiles() files: ReceivedFile[] = []): Promise<FollowUpView> {
    if (files.length === 0) throw mediaError('NO_FILE');
    return this.followUp.addFiles(tipId, files);
  }
}
