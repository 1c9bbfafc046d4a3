import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DiskMediaStore } from './disk-media-store';
import { MediaStore } from './media-store';

/**
 * Upload inspection, sealed originals, renditions and storage. Features (appeals, tips) use it;
 * it uses none of them.
 */
@Global()
@Module({
  providers: [
    {
      provide: MediaStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new DiskMediaStore(config.env.DATA_DIR),
    },
  ],
  exports: [MediaStore],
})
export class MediaModule {}
