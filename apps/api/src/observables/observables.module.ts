import { Module } from '@nestjs/common';
import { DeskModule } from '../desk/desk.module';
import { ObservablesController } from './observables.controller';
import { TipObservables } from './tip-observables.service';

/**
 * Observables: the identifiers read in tips' words (extraction/), stored per agency, shown as
 * chips, corrected by hand. Reads tips' tables (a tip's text and the tipster's messages) and serves
 * the desk's "who mentions this" view; dedupe records and compares them with TipObservables, which
 * is why it is exported. Tips never use it: a tipster's message enqueues dedupe's scoring, which
 * reads the message.
 */
@Module({
  imports: [DeskModule],
  controllers: [ObservablesController],
  providers: [TipObservables],
  exports: [TipObservables],
})
export class ObservablesModule {}
