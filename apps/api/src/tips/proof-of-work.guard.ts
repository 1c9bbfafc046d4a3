import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { PROOF_OF_WORK_HEADER, TIP_LIMITS } from '@vigie/common';
import type { Request } from 'express';
import { ProofOfWorkService } from './proof-of-work.service';
import { tipError } from './tips.errors';

/** Where the guard leaves a checked solution's signature, for the intake to spend with the tip. */
export const PROOF_OF_WORK_SIGNATURE = Symbol('proof-of-work signature');
export type WithProofOfWork = Request & { [PROOF_OF_WORK_SIGNATURE]?: string | null };

/**
 * The proof-of-work, checked from its header as a guard: guards run before interceptors, so before
 * multer reads the body. A robot without a solved challenge is answered 400 without the server
 * receiving, hashing or storing a byte of what it uploads. The solution is spent with the tip.
 */
@Injectable()
export class ProofOfWorkGuard implements CanActivate {
  constructor(private readonly pow: ProofOfWorkService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithProofOfWork>();
    const header = req.headers[PROOF_OF_WORK_HEADER];
    const payload = Array.isArray(header) ? header[0] : header;
    if (payload && payload.length > TIP_LIMITS.altchaMax) throw tipError('CHALLENGE_FAILED');
    req[PROOF_OF_WORK_SIGNATURE] = await this.pow.check(payload || undefined);
    return true;
  }
}
