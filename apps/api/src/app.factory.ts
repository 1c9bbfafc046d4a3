import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LIMITS, SESSION_COOKIE } from '@vigie/common';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { NextFunction, Request, Response, static as serveStatic } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { seedDemoAppeals } from './appeals/demo-appeals.seed';
import { seedDemoGazetteer } from './gazetteer/demo-gazetteer';
import { PublicAppealCache } from './appeals/public-appeal-cache';
import { answerCachedBeforeExpress, fixedHeadersOf } from './appeals/public-cache.before-express';
import { publicCacheFastPath } from './appeals/public-cache.middleware';
import { refuseDeepJson } from './common/json-depth';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { withStatementTimeout } from './database/bounded-client';
import { seedDemo } from './database/demo-seed';
import { migrate } from './database/migrate';
import { BASIC_STYLESHEET } from './portal/basic-style';
import { isPagePath, onionLocation } from './portal/onion-location';
import { PORTAL_DIST } from './portal/portal-page.service';
import { ASSET_CACHE, precompressedAssets } from './portal/precompressed-assets';

/**
 * Builds the whole application exactly as production runs it. `main.ts` and the API tests both
 * call this, so the tests exercise the same pipes, filters, headers and migrations.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  const securityHeaders = helmet({
    contentSecurityPolicy: { directives: contentSecurityPolicy(config) },
    crossOriginEmbedderPolicy: false,
    // Only when served over HTTPS: over plain HTTP it would teach browsers to refuse the site.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.use(securityHeaders);
  if (config.env.ONION_URL) app.use(onionLocation(config.env.ONION_URL));
  app.use(publicCacheFastPath(app.get(PublicAppealCache)));
  // Everything else is compressed on the way out (the cached public answers above were compressed
  // once, ahead of time). Never the live event stream: compression would hold its events back.
  app.use(
    compression({
      threshold: 1024,
      filter: (req, res) =>
        !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
        compression.filter(req, res),
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: LIMITS.jsonBodyBytes, verify: refuseDeepJson(LIMITS.jsonDepthMax) });
  app.useGlobalPipes(createValidationPipe());

  // Hashed build assets never change, so a CDN or browser may keep them for a year. Their brotli and
  // gzip twins from the build go out as they are; the rest (images, a client taking neither) as files.
  app.use(
    '/assets',
    precompressedAssets(join(PORTAL_DIST, 'assets')),
    serveStatic(join(PORTAL_DIST, 'assets'), { ...ASSET_CACHE, index: false, fallthrough: true }),
    // An old chunk asked for by a tab left open across a deploy: a plain 404, never the app shell.
    (_req: Request, res: Response) => res.status(404).type('text/plain').send('Not found'),
  );
  // The stylesheet of the pages drawn without JavaScript: its name changes with its content.
  app.use(BASIC_STYLESHEET.path, (_req: Request, res: Response) =>
    res
      .type('css')
      .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      .send(BASIC_STYLESHEET.css),
  );
  // The few files at the top of the build (favicon, robots.txt) by exact name, so that no other
  // request (the public API in a surge) pays for a filesystem lookup.
  const topFiles = new Set(existsSync(PORTAL_DIST) ? readdirSync(PORTAL_DIST).map((f) => `/${f}`) : []);
  const topStatic = serveStatic(PORTAL_DIST, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) =>
    topFiles.has(req.path) ? topStatic(req, res, next) : next(),
  );

  const openApi = new DocumentBuilder()
    .setTitle('Vigie API')
    .setDescription(
      'Public appeals and citizen tips. Staff routes need the session cookie and, for mutations, x-csrf-token.',
    )
    .setVersion('0.1.0')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  await app.init();
  const dataSource = app.get(DataSource);
  // Migrations and the first seed may take long on a big database: no statement timeout for them.
  await withStatementTimeout(0, async () => {
    await migrate(dataSource);
    if (config.env.SEED_DEMO && (await seedDemo(dataSource, config))) {
      await seedDemoAppeals(app);
      await seedDemoGazetteer(app);
    }
  });
  // Cached public answers leave before Express sees the request (see the function): with the
  // same security headers, and pages left to Express when Onion-Location depends on the request.
  answerCachedBeforeExpress(app.getHttpServer() as Server, app.get(PublicAppealCache), {
    fixedHeaders: fixedHeadersOf(securityHeaders),
    leaveToExpress: config.env.ONION_URL ? isPagePath : undefined,
  });
  keepIdleConnectionsLonger(app.getHttpServer() as Server);
  return app;
}

/**
 * Node closes an idle keep-alive connection after 5 s. A client (a reverse proxy, a browser, a
 * test's fetch) that sends its next request on it in the same instant gets a connection reset
 * instead of an answer; a busy machine makes that instant likely. Keeping idle connections longer
 * than clients and proxies do (60 s for nginx and most load balancers) means the client always
 * closes first, as HTTP/1.1 intends.
 */
function keepIdleConnectionsLonger(server: Server): void {
  server.keepAliveTimeout = 65_000;
  // Must exceed keepAliveTimeout, or a request's headers arriving late on a reused connection are cut.
  server.headersTimeout = 66_000;
}

/**
 * Strict by default: only our own origin for scripts, styles and connections. Images may be data:
 * or blob: URLs (previews of photos a tipster is about to send). Nothing may frame the site. Map
 * tiles come only from a tile server an administrator configured (MAP_TILES_URL), and from no
 * other: without one, the case map needs none.
 */
export function contentSecurityPolicy(config: AppConfig) {
  const tiles = config.mapTiles;
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles.cspSource] : [])],
    mediaSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    workerSrc: ["'self'", 'blob:'],
    upgradeInsecureRequests: null,
  };
}
