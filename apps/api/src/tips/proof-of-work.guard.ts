import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { PROOF_OF_WORK_HEADER, TIP_LIMITS } from '@vigie/common';
import type { Request } from 'express';
import { ProofOfWorkService } from './proof-of-work.service';
import { tipError } from './tips.errors';

/**
 * The proof-of-work, checked from its header as a guard: guards run before interceptors, so before
 * multer reads the body. A robot without a solved challenge is answered 400 without the server
 * receiving, hashing or storing a byte of what it uploads.
 */
@Injectable()
export class ProofOfWorkGuard implements CanActivate {
  constructor(private readonly pow: ProofOfWorkService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<Request>().headers[PROOF_OF_WORK_HEADER];
    const payload = Array.isArray(header) ? header[0] : header;
    if (payload && payload.length > TIP_LIMITS.altchaMax) throw tipError('CHALLENGE_FAILED');
    await this.pow.spend(payload || undefined);
    return true;
  }
}
