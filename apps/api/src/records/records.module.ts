import { Module } from '@nestjs/common';
import { EvidenceCollector } from './evidence/evidence-collector';
import { EvidenceExportController } from './evidence/evidence-export.controller';
import { EvidenceExportService } from './evidence/evidence-export.service';
import { LegalHoldController } from './legal-hold/legal-hold.controller';
import { LegalHoldService } from './legal-hold/legal-hold.service';
import { OpenRecordsController } from './open-records/open-records.controller';
import { OpenRecordsService } from './open-records/open-records.service';

/**
 * Records and evidence: court-ready exports, open-records answers, retention with legal hold.
 * Reads what tips, cases, appeals and media store; nothing imports it.
 */
@Module({
  controllers: [EvidenceExportController, LegalHoldController, OpenRecordsController],
  providers: [EvidenceCollector, EvidenceExportService, LegalHoldService, OpenRecordsService],
})
export class RecordsModule {}
