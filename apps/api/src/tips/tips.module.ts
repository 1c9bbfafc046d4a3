import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppealsModule } from '../appeals/appeals.module';
import { DeskModule } from '../desk/desk.module';
import { IdentityModule } from '../identity/identity.module';
import { AppConfig } from '../config/app-config';
import { PgListener } from '../database/pg-listener';
import { HashingDiskStorage } from '../media/hashing-disk-storage';
import { MediaStore } from '../media/media-store';
import { BasicFollowUpPagesController } from './basic/basic-follow-up-pages.controller';
import { BasicFollowUpSessions } from './basic/basic-follow-up-session';
import { BasicFollowUpGuard, BasicFormTokenGuard } from './basic/basic-guards';
import { BasicPages } from './basic/basic-pages.service';
import { BasicTipContext } from './basic/basic-tip-context';
import { BasicTipPagesController } from './basic/basic-tip-pages.controller';
import { FollowUpTokenGuard } from './follow-up/follow-up-token.guard';
import { InboxController } from './inbox/inbox.controller';
import { SavedViewRecord } from './saved-views/saved-view.entity';
import { SavedViewsController } from './saved-views/saved-views.controller';
import { SavedViews } from './saved-views/saved-views.service';
import { RewardClaimsController } from './rewards/reward-claims.controller';
import { RewardClaimsService } from './rewards/reward-claims.service';
import { TipStatsService } from './inbox/tip-stats.service';
import { TriageService } from './inbox/triage.service';
import { ProofOfWorkService } from './intake/proof-of-work.service';
import { ResumableUploads } from './uploads/resumable-uploads';
import { ResumableUploadsController } from './uploads/resumable-uploads.controller';
import { SharedUploadLocker } from './uploads/shared-upload-locker';
import { TipFollowUpController } from './follow-up/tip-follow-up.controller';
import { TipFollowUpService } from './follow-up/tip-follow-up.service';
import { TipIntakeController } from './intake/tip-intake.controller';
import { TipDestinations } from './intake/tip-destinations';
import { TipFiles } from './uploads/tip-files';
import { TipIntakeService } from './intake/tip-intake.service';
import { SmsIntake } from './intake/sms-intake.service';
import { SocialIntake } from './intake/social-intake.service';
import { PhoneIntake } from './intake/phone-intake.service';
import { PhoneIntakeController } from './intake/phone-intake.controller';
import { CallBackController } from './follow-up/call-back.controller';
import { CallBackService } from './follow-up/call-back.service';
import { TipMediaJob } from './uploads/tip-media.job';
import { TipMedia } from './tip-media.entity';
import { TipMessage } from './tip-message.entity';
import { Tip } from './tip.entity';
import { TipCaseLinks } from './tip-case-links.service';
import { TipOpenings } from './tip-openings';
import { TipOwnership } from './tip-ownership.service';
import { UploadSweepJob } from './uploads/upload-sweep.job';
import { UploadSweepService } from './uploads/upload-sweep.service';
import { UploadBudgets } from './uploads/upload-budget';
import { UploadBudgetInterceptor } from './uploads/upload-budget.interceptor';

const MB = 1024 * 1024;

@Module({
  imports: [
    AppealsModule,
    DeskModule,
    IdentityModule,
    TypeOrmModule.forFeature([Tip, TipMedia, TipMessage, SavedViewRecord]),
    MulterModule.registerAsync({
      inject: [MediaStore, AppConfig],
      useFactory: (store: MediaStore, config: AppConfig) => ({
        storage: new HashingDiskStorage(store, { maxTotalBytes: config.env.TIP_TOTAL_MAX_MB * MB }),
        limits: {
          files: config.env.TIP_MAX_FILES,
          fileSize: config.env.TIP_FILE_MAX_MB * MB,
          fields: 30,
          fieldSize: 64 * 1024,
          parts: 60,
        },
      }),
    }),
  ],
  controllers: [
    TipIntakeController,
    TipFollowUpController,
    ResumableUploadsController,
    PhoneIntakeController,
    // Before the inbox: its GET /api/tips/:id would take `call-back` or `views` for an id.
    CallBackController,
    SavedViewsController,
    InboxController,
    RewardClaimsController,
    BasicTipPagesController,
    BasicFollowUpPagesController,
  ],
  providers: [
    TipIntakeService,
    SocialIntake,
    SmsIntake,
    PhoneIntake,
    CallBackService,
    TipDestinations,
    TipFiles,
    TipFollowUpService,
    ProofOfWorkService,
    TipMediaJob,
    FollowUpTokenGuard,
    ResumableUploads,
    {
      provide: SharedUploadLocker,
      inject: [DataSource, PgListener],
      useFactory: (dataSource: DataSource, listener: PgListener) =>
        new SharedUploadLocker(dataSource, listener),
    },
    TriageService,
    SavedViews,
    RewardClaimsService,
    TipStatsService,
    UploadSweepService,
    UploadSweepJob,
    TipCaseLinks,
    TipOpenings,
    TipOwnership,
    UploadBudgets,
    UploadBudgetInterceptor,
    BasicPages,
    BasicTipContext,
    BasicFollowUpSessions,
    BasicFormTokenGuard,
    BasicFollowUpGuard,
  ],
  exports: [TipCaseLinks, SmsIntake, SocialIntake, TipOpenings, TipOwnership],
})
export class TipsModule {}
