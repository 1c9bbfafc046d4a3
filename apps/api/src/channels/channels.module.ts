import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { urlencoded } from 'express';
import { IdentityModule } from '../identity/identity.module';
import { TipsModule } from '../tips/tips.module';
import { ProviderMedia } from './sms/provider-media';
import { SmsSendJob } from './sms/sms-send.job';
import { SMS_WEBHOOK_PATH, SmsWebhookController } from './sms/sms-webhook.controller';

/**
 * Ways a tip arrives besides the web form: text messages through an SMS provider (sms/). The
 * provider's side lives here (webhook, signature, its REST API, fetching media); what becomes of a
 * text is the tips feature's (tips/intake).
 */
@Module({
  imports: [IdentityModule, TipsModule],
  controllers: [SmsWebhookController],
  providers: [ProviderMedia, SmsSendJob],
})
export class ChannelsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Form-encoded bodies on the provider's webhook only: nowhere else does the API accept them.
    consumer
      .apply(urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }))
      .forRoutes({ path: SMS_WEBHOOK_PATH.replace(/^\//, ''), method: RequestMethod.POST });
  }
}
