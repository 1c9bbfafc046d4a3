import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ActivateAccountDto, type ActivationView, type TotpEnrolment } from '@vigie/common';
import { Public } from '../common/auth.decorators';
import { RateLimited } from '../common/rate-limit';
import { ActivationService } from './activation.service';

/**
 * The page behind an invitation or reset link (`/desk/activate/:token`) calls these. Public: the
 * token is the credential. Rate-limited per client so tokens cannot be guessed at speed (they are
 * 256 random bits anyway).
 */
@ApiTags('auth')
@Controller('api/auth/activation/:token')
export class ActivationController {
  constructor(private readonly activation: ActivationService) {}

  @Get()
  @Public()
  @RateLimited('activation-client')
  view(@Param('token') token: string): Promise<ActivationView> {
    return this.activation.view(token);
  }

  @Post('totp')
  @Public()
  @RateLimited('activation-client')
  @HttpCode(200)
  enrolTotp(@Param('token') token: string): Promise<TotpEnrolment> {
    return this.activation.startTotpEnrolment(token);
  }

  @Post()
  @Public()
  @RateLimited('activation-client')
  @HttpCode(204)
  activate(@Param('token') token: string, @Body() dto: ActivateAccountDto): Promise<void> {
    return this.activation.activate(token, dto);
  }
}
