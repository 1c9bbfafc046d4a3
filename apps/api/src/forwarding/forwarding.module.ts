import { Module } from '@nestjs/common';
import { DedupeModule } from '../dedupe/dedupe.module';
import { ObservablesModule } from '../observables/observables.module';
import { TipsModule } from '../tips/tips.module';
import { ForwardRetention } from './forward-retention';
import { ForwardingController } from './forwarding.controller';
import { ForwardingService } from './forwarding.service';

/**
 * Tips forwarded between agencies of the platform (a transfer, or an information copy). Owns
 * `tip_forward`; moves tips through tips' TipOwnership, has dedupe forget a moved tip's pairs, and
 * moves its observables with it.
 */
@Module({
  imports: [TipsModule, DedupeModule, ObservablesModule],
  controllers: [ForwardingController],
  providers: [ForwardingService, ForwardRetention],
  exports: [ForwardRetention],
})
export class ForwardingModule {}
