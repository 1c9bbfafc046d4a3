import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HashingDiskStorage } from '../media/hashing-disk-storage';
import { MediaStore } from '../media/media-store';
import { PortalPageModule } from '../portal/portal-page.module';
import { AppealAuthoringService } from './appeal-authoring.service';
import { AppealDeskService } from './appeal-desk.service';
import { AppealImageRecord } from './appeal-image.entity';
import { AppealImagesService } from './appeal-images.service';
import { AppealPreviewService } from './appeal-preview.service';
import { AppealUpdateRecord } from './appeal-update.entity';
import { AppealVersion } from './appeal-version.entity';
import { ChannelsController } from './channels/channels.controller';
import { Appeal } from './appeal.entity';
import { AppealsController } from './appeals.controller';
import { PublicAppealCache } from './public-appeal-cache';
import { PublicAppealsController } from './public-appeals.controller';
import { PublicAppealsService } from './public-appeals.service';

@Module({
  imports: [
    PortalPageModule,
    TypeOrmModule.forFeature([Appeal, AppealVersion, AppealUpdateRecord, AppealImageRecord]),
    MulterModule.registerAsync({
      inject: [MediaStore],
      useFactory: (store: MediaStore) => ({ storage: new HashingDiskStorage(store) }),
    }),
  ],
  controllers: [AppealsController, PublicAppealsController, ChannelsController],
  providers: [
    AppealAuthoringService,
    AppealDeskService,
    AppealImagesService,
    AppealPreviewService,
    PublicAppealsService,
    PublicAppealCache,
  ],
  exports: [PublicAppealsService, PublicAppealCache, AppealPreviewService, AppealDeskService],
})
export class AppealsModule {}
