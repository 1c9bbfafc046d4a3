import { Global, Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { LiveEvents } from './live-events';

/** Live updates for the desk. Features publish with LiveEvents.emit; nothing here knows a feature. */
@Global()
@Module({ controllers: [EventsController], providers: [LiveEvents], exports: [LiveEvents] })
export class EventsModule {}
