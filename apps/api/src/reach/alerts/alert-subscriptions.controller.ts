import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AlertChannel,
  AlertSetup,
  AlertSubscriptionReceipt,
  AlertTokenDto,
  EmailAlertSubscriptionDto,
  PushAlertSubscriptionDto,
} from '@vigie/common';
import { Public } from '../../common/auth.decorators';
import { RateLimited } from '../../common/rate-limit';
import { AlertSubscriptions } from './alert-subscriptions.service';
import { VAPID_KEYS, type VapidKeys } from './vapid-keys';

/**
 * Subscribing to alerts without an account, for the portal's alerts page. Nothing here reads the
 * client address except the rate limit, through its salted key held in memory.
 */
@ApiTags('public')
@Controller('api/public/alerts')
export class AlertSubscriptionsController {
  constructor(
    private readonly subscriptions: AlertSubscriptions,
    @Inject(VAPID_KEYS) private readonly vapid: VapidKeys,
  ) {}

  @Get('setup')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  setup(): AlertSetup {
    return { publicKey: this.vapid.publicKey, email: this.subscriptions.emailAvailable };
  }

  /** A browser's push subscription; active at once (the browser asked the person). */
  @Post('push')
  @Public()
  @RateLimited('alert-subscribe-client')
  subscribePush(@Body() dto: PushAlertSubscriptionDto): Promise<AlertSubscriptionReceipt> {
    return this.subscriptions.subscribePush(dto);
  }

  /** Sends a confirmation link to the address (202): nothing is stored until it is followed. */
  @Post('email')
  @Public()
  @HttpCode(202)
  @RateLimited('alert-subscribe-client')
  subscribeEmail(@Body() dto: EmailAlertSubscriptionDto): Promise<AlertSubscriptionReceipt> {
    return this.subscriptions.requestEmail(dto);
  }

  @Post('confirm')
  @Public()
  @HttpCode(200)
  async confirm(@Body() dto: AlertTokenDto): Promise<AlertSubscriptionReceipt> {
    const { unsubscribeToken } = await this.subscriptions.confirmEmail(dto.token);
    return { channel: AlertChannel.EMAIL, active: true, unsubscribeToken };
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(204)
  async unsubscribe(@Body() dto: AlertTokenDto): Promise<void> {
    await this.subscriptions.unsubscribe(dto.token);
  }
}
