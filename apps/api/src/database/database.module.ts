import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { PgListener } from './pg-listener';

@Global()
@Module({
  providers: [PgListener],
  exports: [PgListener],
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres',
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrations: MIGRATIONS,
        migrationsRun: false,
        extra: { max: 30, application_name: 'vigie-api' },
      }),
    }),
  ],
})
export class DatabaseModule {}
