import { Injectable, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `vite build` puts the portal; the API serves it so that one port carries everything. */
export const PORTAL_DIST = join(__dirname, '..', '..', '..', 'portal', 'dist');

/** The built portal's index.html, read once at start-up and served for every client route. */
@Injectable()
export class PortalPageService implements OnModuleInit {
  private html: string | null = null;

  onModuleInit(): void {
    const file = join(PORTAL_DIST, 'index.html');
    this.html = existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  get available(): boolean {
    return this.html !== null;
  }

  /** The page, with extra tags placed in <head> (share-card meta for appeal pages). */
  render(headTags = ''): string {
    if (this.html === null) throw new Error('Portal not built');
    return headTags ? this.html.replace('</head>', `${headTags}\n</head>`) : this.html;
  }
}
