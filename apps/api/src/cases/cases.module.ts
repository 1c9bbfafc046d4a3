import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Investigations: cases and their links to tips and appeals. Uses tips; tips never use it. */
@Module({ controllers: [CasesController], providers: [CasesService] })
export class CasesModule {}
