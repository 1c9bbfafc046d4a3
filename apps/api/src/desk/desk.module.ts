import { Module } from '@nestjs/common';
import { CaseDetailView } from './case-detail.view';
import { InboxService } from './inbox.service';
import { ObservableMentionsView } from './observable-mentions.view';
import { TipDetailView } from './tip-detail.view';

/**
 * Read models for the staff desk: the queries that join several features' tables for one screen
 * (the inbox, a tip's page, a case's page). They only read; every change goes through the feature
 * that owns the table. They import no feature, so any feature may serve them.
 */
@Module({
  providers: [InboxService, TipDetailView, CaseDetailView, ObservableMentionsView],
  exports: [InboxService, TipDetailView, CaseDetailView, ObservableMentionsView],
})
export class DeskModule {}
