import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth.decorators';
import { RateLimited } from '../../common/rate-limit';
import { ResumableUploads } from './resumable-uploads';

/** Hands tus requests (POST, HEAD, PATCH, DELETE, OPTIONS) to the tus server; see ResumableUploads. */
@ApiExcludeController()
@Controller('api/public/tips/follow-up/uploads')
export class ResumableUploadsController {
  constructor(private readonly uploads: ResumableUploads) {}

  @All(['', '*id'])
  @Public()
  @RateLimited('tip-upload-session')
  handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.uploads.server.handle(req, res);
  }
}
