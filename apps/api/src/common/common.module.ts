import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Clock } from './clock';
import { ClientKey } from './crypto/client-key';
import { SecretBox } from './crypto/secret-box';

/** Cross-cutting services every feature may use. Features never reach back into each other here. */
@Global()
@Module({
  providers: [
    Clock,
    {
      provide: ClientKey,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new ClientKey(config.env.RATE_LIMIT_STORE === 'postgres' ? config.encryptionKey : undefined),
    },
    {
      provide: SecretBox,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new SecretBox(config.encryptionKey),
    },
  ],
  exports: [Clock, ClientKey, SecretBox],
})
export class CommonModule {}
