import { Module } from '@nestjs/common';
import { EvidenceCollector } from './evidence/evidence-collector';
import { EvidenceExportController } from './evidence/evidence-export.controller';
import { EvidenceExportService } from './evidence/evidence-export.service';
import { LegalHoldController } from './legal-hold/legal-hold.controller';
import { LegalHoldService } from './legal-hold/legal-hold.service';

/**
 * Records and evidence: court-ready exports, open-records answers, retention with legal hold.
 * Reads what tips, cases, appeals and media store; nothing imports it.
 */
@Module({
  controllers: [EvidenceExportController, LegalHoldController],
  providers: [EvidenceCollector, EvidenceExportService, LegalHoldService],
})
export class RecordsModule {}
