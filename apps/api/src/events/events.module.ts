import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { EventsController } from './events.controller';
import { LiveEvents } from './live-events';

/** Live updates for the desk. Features publish with LiveEvents.emit; nothing here knows a feature. */
@Global()
@Module({
  imports: [IdentityModule],
  controllers: [EventsController],
  providers: [LiveEvents],
  exports: [LiveEvents],
})
export class EventsModule {}
