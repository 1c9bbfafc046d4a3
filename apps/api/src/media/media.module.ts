import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DiskMediaStore } from './disk-media-store';
import { MediaStore } from './media-store';
import { S3MediaStore } from './s3-media-store';

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
      useFactory: ({ env }: AppConfig): MediaStore =>
        env.MEDIA_STORE === 's3'
          ? new S3MediaStore(
              {
                endpoint: env.S3_ENDPOINT,
                region: env.S3_REGION,
                bucket: env.S3_BUCKET!,
                accessKeyId: env.S3_ACCESS_KEY_ID,
                secretAccessKey: env.S3_SECRET_ACCESS_KEY,
                forcePathStyle: env.S3_FORCE_PATH_STYLE,
              },
              env.DATA_DIR,
            )
          : new DiskMediaStore(env.DATA_DIR),
    },
  ],
  exports: [MediaStore],
})
export class MediaModule {}
