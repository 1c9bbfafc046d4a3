import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { BoundedClient } from './bounded-client';
import { connectionBounds } from './connection-bounds';
import { MIGRATIONS } from './migrations';
import { OutageLog } from './outage-log';
import { PgListener } from './pg-listener';

@Global()
@Module({
  providers: [PgListener],
  exports: [PgListener],
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // An idle pooled connection that the server drops (a restart, a crash) is reported here
        // once, and the pool opens a new one when next needed.
        const outage = new OutageLog(new Logger('DatabasePool'), 'database pool');
        return {
          type: 'postgres',
          url: config.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrations: MIGRATIONS,
          migrationsRun: false,
          poolErrorHandler: (err: unknown) => outage.lost(err),
          extra: {
            max: 30,
            application_name: 'vigie-api',
            Client: BoundedClient,
            ...connectionBounds(config),
            statement_timeout: config.env.DB_STATEMENT_TIMEOUT_MS,
          },
        };
      },
    }),
  ],
})
export class DatabaseModule {}
