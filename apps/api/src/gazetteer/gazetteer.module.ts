import { Module } from '@nestjs/common';
import { GazetteerController } from './gazetteer.controller';
import { Gazetteers } from './gazetteer.service';

/**
 * An agency's gazetteer: the named places and intersections of its area, loaded from GeoJSON.
 * Dedupe reads it (place-resolution.ts) to place a typed place; nothing here depends on a feature.
 */
@Module({
  controllers: [GazetteerController],
  providers: [Gazetteers],
  exports: [Gazetteers],
})
export class GazetteerModule {}
