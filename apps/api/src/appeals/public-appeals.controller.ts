import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PublicAppealsQueryDto } from '@vigie/common';
import type { Request, Response } from 'express';
import { Public } from '../common/auth.decorators';
import { commonError } from '../common/domain.exception';
import { sendCacheable } from '../common/http-cache';
import { AppealImagesService } from './appeal-images.service';
import { PublicAppealCache } from './public-appeal-cache';
import { publicCacheKey } from './public-cache-keys';
import { PublicAppealsService } from './public-appeals.service';

const JSON_TYPE = 'application/json; charset=utf-8';

/** What anyone can read, without signing in. Answers come from the shared cache; see PublicAppealCache. */
@ApiTags('public')
@Controller()
export class PublicAppealsController {
  constructor(
    private readonly appeals: PublicAppealsService,
    private readonly cache: PublicAppealCache,
    private readonly images: AppealImagesService,
  ) {}

  @Get('api/public/appeals')
  @Public()
  async list(
    @Query() query: PublicAppealsQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const cached = await this.cache.get(publicCacheKey.list(query.kind, query.q), async () => {
      const { items } = await this.appeals.list(query);
      // When this answer was made: withdrawing an appeal changes no publication date (see feeds).
      return { body: JSON.stringify({ items }), contentType: JSON_TYPE, lastModified: new Date() };
    });
    sendCacheable(req, res, cached!);
  }

  @Get('api/public/appeals/:slug')
  @Public()
  async one(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const cached = await this.cache.get(publicCacheKey.appeal(slug), async () => {
      const { appeal, lastModified } = await this.appeals.bySlug(slug);
      return { body: JSON.stringify(appeal), contentType: JSON_TYPE, lastModified };
    });
    sendCacheable(req, res, cached!);
  }

  /** Renditions of images on public pages only. A photo withdrawn from the page is no longer served. */
  @Get('media/appeal-images/:imageId/:file')
  @Public()
  async image(
    @Param('imageId', new ParseUUIDPipe()) imageId: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.appeals.isImagePublic(imageId))) throw commonError('NOT_FOUND');
    const stream = await this.images.rendition(null, imageId, file);
    // Short: when a found child's photo is withdrawn, CDNs must let go of it within minutes.
    res.type(file.split('.').pop()!).setHeader('Cache-Control', 'public, max-age=300');
    stream.pipe(res);
  }
}
