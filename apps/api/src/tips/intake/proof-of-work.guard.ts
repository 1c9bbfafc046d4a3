import { CallHandler, CanActivate, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { PROOF_OF_WORK_HEADER, TIP_LIMITS } from '@vigie/common';
import type { Request } from 'express';
import { ProofOfWorkService } from './proof-of-work.service';
import { tipError } from '../tips.errors';

/** Where the guard leaves a checked solution's signature, for the intake to spend with the tip. */
export const PROOF_OF_WORK_SIGNATURE = Symbol('proof-of-work signature');
export type WithProofOfWork = Request & { [PROOF_OF_WORK_SIGNATURE]?: string | null };

/**
 * The proof-of-work, checked from its header as a guard: guards run before interceptors, so before
 * multer reads the body. A robot without a solved challenge is answered 400 without the server
 * receiving, hashing or storing a byte of what it uploads. The solution is reserved here, released
 * by ProofOfWorkReleaseInterceptor if the request fails, and spent with the tip.
 */
@Injectable()
export class ProofOfWorkGuard implements CanActivate {
  constructor(private readonly pow: ProofOfWorkService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithProofOfWork>();
    const header = req.headers[PROOF_OF_WORK_HEADER];
    const payload = Array.isArray(header) ? header[0] : header;
    if (payload && payload.length > TIP_LIMITS.altchaMax) throw tipError('CHALLENGE_FAILED');
    req[PROOF_OF_WORK_SIGNATURE] = await this.pow.reserve(payload || undefined);
    return true;
  }
}

/**
 * Releases the solution a failed request had reserved (a field refused, an upload cut off, a file
 * refused): listed first, so it sees the errors of every interceptor and pipe after it.
 */
@Injectable()
export class ProofOfWorkReleaseInterceptor implements NestInterceptor {
  constructor(private readonly pow: ProofOfWorkService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<WithProofOfWork>();
    return next
      .handle()
      .pipe(
        catchError((err: unknown) =>
          from(this.pow.release(req[PROOF_OF_WORK_SIGNATURE]).catch(() => undefined)).pipe(
            mergeMap(() => throwError(() => err)),
          ),
        ),
      );
  }
}
