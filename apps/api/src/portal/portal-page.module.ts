import { Module } from '@nestjs/common';
import { PortalPageService } from './portal-page.service';

/** The portal's index.html, for features that serve pages with server-rendered tags (appeal pages). */
@Module({ providers: [PortalPageService], exports: [PortalPageService] })
export class PortalPageModule {}
