import { Injectable, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `vite build` puts the portal; the API serves it so that one port carries everything. */
export const PORTAL_DIST = join(__dirname, '..', '..', '..', 'portal', 'dist');

/** Used until the portal is built, so pages with server-rendered tags still answer (API tests, dev). */
const MINIMAL_SHELL =
  '<!doctype html>\n<html lang="fr">\n  <head>\n    <meta charset="utf-8">\n    <title>Vigie</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

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

  /**
   * The page, with extra tags placed in <head> (share-card meta for appeal pages) and, when given,
   * its <title> and <html lang> replaced. Callers escape what they pass.
   */
  render(head: { tags?: string; title?: string; lang?: string } = {}): string {
    let html = this.html ?? MINIMAL_SHELL;
    if (head.title) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${head.title}</title>`);
    if (head.lang) html = html.replace(/<html lang="[^"]*"/, () => `<html lang="${head.lang}"`);
    if (head.tags) html = html.replace('</head>', () => `    ${head.tags}\n  </head>`);
    return html;
  }
}
