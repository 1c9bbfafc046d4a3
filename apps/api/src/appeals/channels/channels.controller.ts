import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APPEAL_KIND_RULES, PublicAppealsQueryDto } from '@vigie/common';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth.decorators';
import { commonError, DomainException } from '../../common/domain.exception';
import { sendCacheable } from '../../common/http-cache';
import { escapeMarkup } from '../../common/markup';
import { AppConfig } from '../../config/app-config';
import { MediaStore } from '../../media/media-store';
import { PortalPageService } from '../../portal/portal-page.service';
import { PublicAppealCache } from '../public-appeal-cache';
import { publicCacheKey } from '../public-cache-keys';
import { PublicAppealsService } from '../public-appeals.service';
import { capMessage, capSender } from './cap';
import { channelLanguage } from './channel-language';
import { atomFeed, FeedContext, jsonFeed, rssFeed } from './feeds';
import { POSTER_STYLE_HASH, renderPoster } from './poster';
import { shareMetaTags } from './share-meta';
import { renderSocialCard } from './social-card';

const FEEDS = {
  rss: { type: 'application/rss+xml; charset=utf-8', render: rssFeed },
  atom: { type: 'application/atom+xml; charset=utf-8', render: atomFeed },
  json: { type: 'application/feed+json; charset=utf-8', render: jsonFeed },
} as const;

/**
 * Every public channel of an appeal besides the JSON API: the shareable page with server-rendered
 * card tags, the poster, the social card image, the feeds and CAP. All are built from the same
 * published version and served from the shared cache, so they change together, at once.
 */
@ApiTags('public')
@Controller()
export class ChannelsController {
  constructor(
    private readonly appeals: PublicAppealsService,
    private readonly cache: PublicAppealCache,
    private readonly page: PortalPageService,
    private readonly store: MediaStore,
    private readonly config: AppConfig,
  ) {}

  /** The portal page for an appeal, with Open Graph and Twitter tags for crawlers that run no JavaScript. */
  @Get('appeals/:slug')
  @Public()
  async sharePage(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = channelLanguage(req);
    try {
      const cached = await this.cache.get(publicCacheKey.page(lang, slug), async () => {
        const { appeal, lastModified } = await this.appeals.bySlug(slug);
        const { title, tags } = shareMetaTags(appeal, lang);
        return {
          body: this.page.render({ path: req.path, tags, title: escapeMarkup(title), lang }),
          contentType: 'text/html; charset=utf-8',
          lastModified,
          vary: 'Accept-Language',
        };
      });
      sendCacheable(req, res, cached!);
    } catch (err) {
      // Unknown or withdrawn: the app shell still loads and says so, with the right status.
      if (!(err instanceof DomainException)) throw err;
      res
        .status(err.status)
        .type('html')
        .setHeader('Cache-Control', 'no-cache')
        .send(this.page.render({ path: req.path, lang }));
    }
  }

  @Get('appeals/:slug/poster')
  @Public()
  async poster(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const cached = await this.cache.get(`poster:${slug}`, async () => {
      const { appeal, lastModified, timeZone } = await this.appeals.bySlug(slug);
      return {
        body: await renderPoster(appeal, timeZone),
        contentType: 'text/html; charset=utf-8',
        lastModified,
      };
    });
    // The poster carries its own stylesheet inline; allow exactly that one by its hash.
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'self'; img-src 'self' data:; style-src ${POSTER_STYLE_HASH}; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    );
    sendCacheable(req, res, cached!);
  }

  /** `social-v<version>.jpg`: made on first request for the current version, then kept. */
  @Get('media/appeals/:slug/:file')
  @Public()
  async socialCard(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const version = /^social-v(\d+)\.jpg$/.exec(file)?.[1];
    if (!version) throw commonError('NOT_FOUND');
    const cached = await this.cache.get(`social:${slug}:${version}`, async () => {
      const { appeal, lastModified } = await this.appeals.bySlug(slug);
      if (String(appeal.versionNo) !== version) throw commonError('NOT_FOUND');
      const key = `renditions/appeals/${slug}/social-v${version}.jpg`;
      if (!(await this.store.exists(key))) {
        const photoKey = await this.appeals.firstImageJpeg(appeal);
        const photo = photoKey ? await this.readAll(photoKey) : null;
        await this.store.putBuffer(key, await renderSocialCard(appeal, photo));
      }
      return { body: await this.readAll(key), contentType: 'image/jpeg', lastModified };
    });
    sendCacheable(req, res, cached!, 'public, max-age=300');
  }

  @Get('feeds/appeals.:format')
  @Public()
  async feed(@Param('format') format: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const feed = FEEDS[format as keyof typeof FEEDS];
    if (!feed) throw commonError('NOT_FOUND');
    const lang = channelLanguage(req);
    const cached = await this.cache.get(publicCacheKey.feed(format, lang), async () => {
      const { items, lastModified } = await this.appeals.list(new PublicAppealsQueryDto());
      const ctx: FeedContext = {
        baseUrl: this.config.publicUrl,
        lang,
        selfUrl: `${this.config.publicUrl}/feeds/appeals.${format}${lang === 'en' ? '?lang=en' : ''}`,
        updated: lastModified,
      };
      // Last-Modified is when this answer was made: an appeal withdrawn from the list changes no
      // publication date, and readers that revalidate by date alone must still see it go.
      return {
        body: feed.render(items, ctx),
        contentType: feed.type,
        lastModified: new Date(),
        vary: 'Accept-Language',
      };
    });
    sendCacheable(req, res, cached!);
  }

  /** CAP 1.2 for alerting systems; only AMBER alerts and missing persons are alerts. */
  @Get('feeds/appeals/:slug.cap.xml')
  @Public()
  async cap(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const cached = await this.cache.get(publicCacheKey.cap(slug), async () => {
      const { appeal, lastModified } = await this.appeals.bySlug(slug);
      if (!APPEAL_KIND_RULES[appeal.kind].cap) throw commonError('NOT_FOUND');
      const sender = capSender(appeal.agency.slug, this.config.publicUrl);
      return {
        body: capMessage(appeal, await this.appeals.capHistory(slug), sender),
        contentType: 'application/cap+xml; charset=utf-8',
        lastModified,
      };
    });
    sendCacheable(req, res, cached!);
  }

  private async readAll(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.store.read(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
