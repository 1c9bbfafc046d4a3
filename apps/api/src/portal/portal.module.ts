import { Module } from '@nestjs/common';
import { PortalPageModule } from './portal-page.module';
import { PortalController } from './portal.controller';

/** Serves the built portal. Imported last so that its catch-all route never shadows an API route. */
@Module({ imports: [PortalPageModule], controllers: [PortalController] })
export class PortalModule {}
