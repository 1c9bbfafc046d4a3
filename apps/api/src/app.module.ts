import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { minutes, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AppealsModule } from './appeals/appeals.module';
import { AuditAnchorsModule } from './audit/audit-anchors.module';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { AuthGuard } from './common/auth.guard';
import { CommonModule } from './common/common.module';
import { ClientKey } from './common/crypto/client-key';
import { PostgresThrottlerStorage } from './common/postgres-throttler-storage';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DedupeModule } from './dedupe/dedupe.module';
import { ForwardingModule } from './forwarding/forwarding.module';
import { GazetteerModule } from './gazetteer/gazetteer.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { SsoModule } from './identity/sso/sso.module';
import { loggerOptions } from './logging';
import { MailModule } from './mail/mail.module';
import { JobsModule } from './jobs/jobs.module';
import { MediaModule } from './media/media.module';
import { ObservablesModule } from './observables/observables.module';
import { PortalModule } from './portal/portal.module';
import { AlertsModule } from './reach/alerts/alerts.module';
import { ReachModule } from './reach/reach.module';
import { RecordsModule } from './records/records.module';
import { FollowUpTokens } from './tips/follow-up/follow-up-token';
import { TipsModule } from './tips/tips.module';
import { ChannelsModule } from './channels/channels.module';
import { UPLOAD_LIFETIME_MS } from './tips/uploads/resumable-uploads';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        CommonModule,
        ThrottlerModule.forRootAsync({
          inject: [ClientKey, AppConfig, DataSource],
          useFactory: (clientKey: ClientKey, config: AppConfig, dataSource: DataSource) => {
            const followUpTokens = new FollowUpTokens(config.encryptionKey);
            return {
              storage:
                config.env.RATE_LIMIT_STORE === 'postgres'
                  ? new PostgresThrottlerStorage(dataSource)
                  : undefined,
              throttlers: [
                {
                  name: 'tip-client',
                  ttl: minutes(10),
                  // 0 turns the limit off (load tests); it is a count, so "off" is "as many as can be".
                  limit: config.env.TIP_RATE_LIMIT || Number.MAX_SAFE_INTEGER,
                  getTracker: (req: Record<string, unknown>) => clientKey.of(String(req.ip)),
                },
                {
                  // The form drawn without JavaScript has no proof-of-work: a stricter count, per hour.
                  name: 'tip-basic-client',
                  ttl: minutes(60),
                  limit: config.env.BASIC_TIP_RATE_LIMIT || Number.MAX_SAFE_INTEGER,
                  getTracker: (req: Record<string, unknown>) => clientKey.of(String(req.ip)),
                },
                {
                  // Messages and media of one follow-up session, counted per tip (a new sign-in does
                  // not start afresh) across both routes; FollowUpTokenGuard has named the tip.
                  name: 'tip-follow-up-session',
                  ttl: minutes(10),
                  limit: config.env.TIP_FOLLOW_UP_RATE_LIMIT || Number.MAX_SAFE_INTEGER,
                  getTracker: (req: Record<string, unknown>) =>
                    typeof req.followUpTipId === 'string'
                      ? `tip:${req.followUpTipId}`
                      : clientKey.of(String(req.ip)),
                  generateKey: (_context, tracker, name) => `${name}:${tracker}`,
                },
                {
                  // Resumable-upload requests (a chunk each), per tip. The token is checked here as tus
                  // will check it, with the same grace for the token that started an upload.
                  name: 'tip-upload-session',
                  ttl: minutes(10),
                  limit: config.env.TIP_UPLOAD_RATE_LIMIT || Number.MAX_SAFE_INTEGER,
                  getTracker: (req: Record<string, unknown>) => {
                    const authorization = (req.headers as Record<string, string | undefined>).authorization;
                    const tipId = followUpTokens.verify(
                      authorization?.replace(/^Bearer\s+/i, ''),
                      Date.now(),
                      UPLOAD_LIFETIME_MS,
                    );
                    return tipId ? `tip:${tipId}` : clientKey.of(String(req.ip));
                  },
                  generateKey: (_context, tracker, name) => `${name}:${tracker}`,
                },
                {
                  name: 'tip-follow-up-client',
                  ttl: minutes(15),
                  limit: 30,
                  getTracker: (req: Record<string, unknown>) => clientKey.of(String(req.ip)),
                },
                {
                  // Alert subscriptions (push and e-mail): each e-mail one sends a message to an address.
                  name: 'alert-subscribe-client',
                  ttl: minutes(60),
                  limit: config.env.ALERT_SUBSCRIBE_RATE_LIMIT || Number.MAX_SAFE_INTEGER,
                  getTracker: (req: Record<string, unknown>) => clientKey.of(String(req.ip)),
                },
                {
                  // The fediverse actor's inbox and WebFinger: each delivery may make us fetch the
                  // sender's key, so one client cannot make the server fetch without end.
                  name: 'activitypub-client',
                  ttl: minutes(1),
                  limit: config.env.ACTIVITYPUB_RATE_LIMIT,
                  getTracker: (req: Record<string, unknown>) => clientKey.of(String(req.ip)),
                },
                {
                  // Invitation and reset links: the token is 256 random bits; this only keeps probing slow.
                  name: 'activation-client',
                  ttl: minutes(15),
                  limit: 60,
                  getTracker: (req: Record<string, unknown>) => clientKey.of(String(req.ip)),
                },
              ],
            };
          },
        }),
        AuditModule,
        AuditAnchorsModule,
        MailModule,
        IdentityModule,
        AdminModule,
        GazetteerModule,
        SsoModule,
        JobsModule,
        EventsModule,
        MediaModule,
        AppealsModule,
        TipsModule,
        ChannelsModule,
        ObservablesModule,
        DedupeModule,
        ForwardingModule,
        CasesModule,
        RecordsModule,
        ReachModule,
        AlertsModule,
        HealthModule,
        PortalModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
