import { Module } from '@nestjs/common';
import { ReachModule } from '../reach/reach.module';
import { AppConfig } from '../config/app-config';
import { ForwardingModule } from '../forwarding/forwarding.module';
import { EvidenceCollector } from './evidence/evidence-collector';
import { EvidenceExportController } from './evidence/evidence-export.controller';
import { EvidenceExportService } from './evidence/evidence-export.service';
import { LegalHoldController } from './legal-hold/legal-hold.controller';
import { LegalHoldService } from './legal-hold/legal-hold.service';
import { OpenRecordsController } from './open-records/open-records.controller';
import { OpenRecordsService } from './open-records/open-records.service';
import { RetentionController } from './retention/retention.controller';
import { RetentionDefaults } from './retention/retention-defaults';
import { RetentionPolicyService } from './retention/retention-policy.service';
import { RetentionJob } from './retention/retention.job';
import { RetentionService } from './retention/retention.service';

/**
 * Records and evidence: court-ready exports, open-records answers, retention with legal hold.
 * Reads what tips, cases, appeals and media store; nothing imports it.
 */
@Module({
  imports: [ForwardingModule, ReachModule],
  controllers: [EvidenceExportController, LegalHoldController, OpenRecordsController, RetentionController],
  providers: [
    EvidenceCollector,
    EvidenceExportService,
    LegalHoldService,
    OpenRecordsService,
    RetentionPolicyService,
    RetentionService,
    RetentionJob,
    {
      provide: RetentionDefaults,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => RetentionDefaults.from(c.env),
    },
  ],
})
export class RecordsModule {}
