import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { PublicAgencyEntry } from '@vigie/common';
import { Repository } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { Agency } from './agency.entity';

/**
 * The police services on this deployment, for the tip form when a tip answers no appeal: one
 * service needs no question, several need the tipster to choose. Names and the public phone only.
 */
@ApiTags('public')
@Controller('api/public/agencies')
export class PublicAgenciesController {
  constructor(@InjectRepository(Agency) private readonly agencies: Repository<Agency>) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  async list(): Promise<PublicAgencyEntry[]> {
    const rows = await this.agencies.find({ order: { name: 'ASC' } });
    return rows.map(({ slug, name, publicPhone }) => ({ slug, name, publicPhone }));
  }
}
