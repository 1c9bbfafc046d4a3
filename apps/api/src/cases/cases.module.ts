import { Module } from '@nestjs/common';
import { DeskModule } from '../desk/desk.module';
import { IdentityModule } from '../identity/identity.module';
import { TipsModule } from '../tips/tips.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/**
 * Investigations: cases and their links to tips and appeals. Uses tips (a tip's status moves with
 * its links through TipCaseLinks); tips never use it. A case's lead is checked through identity's
 * StaffDirectory.
 */
@Module({
  imports: [TipsModule, DeskModule, IdentityModule],
  controllers: [CasesController],
  providers: [CasesService],
})
export class CasesModule {}
