import { Module } from '@nestjs/common';
import { DedupeModule } from '../dedupe/dedupe.module';
import { TipsModule } from '../tips/tips.module';
import { ForwardingController } from './forwarding.controller';
import { ForwardingService } from './forwarding.service';

/**
 * Tips forwarded between agencies of the platform (a transfer, or an information copy). Owns
 * `tip_forward`; moves tips through tips' TipOwnership and has dedupe forget a moved tip's pairs.
 */
@Module({
  imports: [TipsModule, DedupeModule],
  controllers: [ForwardingController],
  providers: [ForwardingService],
})
export class ForwardingModule {}
