import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth.decorators';
import { commonError } from '../common/domain.exception';
import { PortalPageService } from './portal-page.service';

/** Paths that belong to the API or to static files, never to the single-page app. */
const NOT_THE_PORTAL = /^\/(api|feeds|assets)(\/|$)/;

@ApiExcludeController()
@Controller()
export class PortalController {
  constructor(private readonly page: PortalPageService) {}

  /** Client-side routes (/, /appeals/x, /desk/...) all get the app shell; React draws the rest. */
  @Get('{*path}')
  @Public()
  @Header('Cache-Control', 'no-cache')
  shell(@Req() req: Request, @Res() res: Response): void {
    if (NOT_THE_PORTAL.test(req.path) || /\.[a-z0-9]+$/i.test(req.path)) throw commonError('NOT_FOUND');
    if (!this.page.available) {
      res.status(503).type('text/plain').send('The portal is not built. Run `npm start`, which builds it.');
      return;
    }
    const appeal = typeof req.query.appeal === 'string' ? req.query.appeal : undefined;
    res.type('html').send(this.page.render({ path: req.path, appeal }));
  }
}
