import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { urlencoded } from 'express';
import { AppealsModule } from '../../appeals/appeals.module';
import { AppConfig } from '../../config/app-config';
import { IdentityModule } from '../../identity/identity.module';
import { ReachModule } from '../reach.module';
import { AlertBatchJob } from './alert-batch.job';
import { AlertFanOut } from './alert-fan-out';
import { AlertPagesController } from './alert-pages.controller';
import { BASIC_ALERTS_PATH } from './alert-pages.views';
import { AlertSubscriptionsController } from './alert-subscriptions.controller';
import { AlertSubscriptions } from './alert-subscriptions.service';
import { AlertSweepJob } from './alert-sweep.job';
import { AlertTokens } from './alert-tokens';
import { PushSender } from './push-sender';
import { loadVapidKeys, VAPID_KEYS, VapidKeys } from './vapid-keys';

/**
 * Alerts to the people who subscribed, by Web Push and e-mail: subscriptions without an account,
 * and the fan-out of each publication to them as batch jobs (README.md).
 */
@Module({
  imports: [ReachModule, AppealsModule, IdentityModule],
  controllers: [AlertSubscriptionsController, AlertPagesController],
  providers: [
    {
      provide: VAPID_KEYS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => loadVapidKeys(config.env),
    },
    {
      provide: AlertTokens,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new AlertTokens(config.encryptionKey),
    },
    {
      provide: PushSender,
      inject: [VAPID_KEYS, AppConfig],
      useFactory: (keys: VapidKeys, config: AppConfig) =>
        new PushSender(
          keys,
          config.env.VAPID_SUBJECT ?? vapidSubject(config.publicUrl),
          config.env.ALERT_PUSH_TIMEOUT_MS,
        ),
    },
    AlertSubscriptions,
    AlertFanOut,
    AlertBatchJob,
    AlertSweepJob,
  ],
})
export class AlertsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The pages without JavaScript post plain forms; a mail client's one-click unsubscribe too.
    consumer
      .apply(urlencoded({ extended: false, limit: '16kb', parameterLimit: 30 }))
      .forRoutes({ path: `${BASIC_ALERTS_PATH.slice(1)}{/*rest}`, method: RequestMethod.POST });
  }
}

/** Push services want a way to reach the sender: the site itself, when it is https (RFC 8292). */
function vapidSubject(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? publicUrl : 'mailto:webmaster@localhost';
}
