import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservablesModule } from '../observables/observables.module';
import { ClusterDecisionsService } from './cluster-decisions.service';
import { ClusterViewsService } from './cluster-views.service';
import { DedupeController } from './dedupe.controller';
import { DedupeScoreJob } from './dedupe-score.job';
import { DedupeSettings, loadDedupeSettings } from './dedupe-settings';
import { DuplicateDecisionsService } from './duplicate-decisions.service';
import { DuplicateSignals } from './duplicate-signals.service';
import { DuplicatesService } from './duplicates.service';
import { DuplicateRejection } from './entities/duplicate-rejection.entity';
import { DuplicateSuggestion } from './entities/duplicate-suggestion.entity';
import { TipClusterMember } from './entities/tip-cluster-member.entity';
import { TipCluster } from './entities/tip-cluster.entity';

/**
 * Duplicate detection and clusters. Depends on tips and media (it reads their tables) and on
 * observables (its scoring job records a tip's observables first). Tips enqueues its scoring job
 * by the name in jobs/job-registry.ts; forwarding, which moves a tip to another agency, has it
 * forget the tip's signals (DuplicateSignals), its only export.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DuplicateSuggestion, DuplicateRejection, TipCluster, TipClusterMember]),
    ObservablesModule,
  ],
  controllers: [DedupeController],
  providers: [
    { provide: DedupeSettings, useFactory: () => loadDedupeSettings(process.env) },
    DedupeScoreJob,
    DuplicatesService,
    ClusterDecisionsService,
    DuplicateDecisionsService,
    ClusterViewsService,
    DuplicateSignals,
  ],
  exports: [DuplicateSignals],
})
export class DedupeModule {}
