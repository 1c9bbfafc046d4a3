import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PortalPageService } from './portal-page.service';

/** Serves the built portal. Imported last so that its catch-all route never shadows an API route. */
@Module({ controllers: [PortalController], providers: [PortalPageService], exports: [PortalPageService] })
export class PortalModule {}
