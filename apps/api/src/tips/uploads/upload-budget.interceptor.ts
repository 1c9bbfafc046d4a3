import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { finalize, from, mergeMap, Observable } from 'rxjs';
import type { StreamBudget } from '../../media/hashing-disk-storage';
import { UploadBudgets } from './upload-budget';

/** Multipart framing and text fields around the files: at most this much of a Content-Length is not file. */
const NEW_TIP_SLACK = 2 * 1024 * 1024;
const FOLLOW_UP_SLACK = 64 * 1024;
/** A multipart request holds its reservation at most this long (Node ends a request after 5 minutes). */
const REQUEST_RESERVATION_MS = 10 * 60_000;

type UploadRequest = Request & { followUpTipId?: string; uploadBudget?: StreamBudget };

/**
 * Sets what a multipart upload may write before multer reads a byte of it (listed before
 * FilesInterceptor): a new tip gets the whole of a tip's limits; a follow-up upload reserves its
 * Content-Length against the tip's limits (UploadBudgets), and is refused at once, before its body
 * is read, when that cannot fit. The reservation is given back when the request ends, however.
 */
@Injectable()
export class UploadBudgetInterceptor implements NestInterceptor {
  constructor(private readonly budgets: UploadBudgets) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<UploadRequest>();
    const declared = Number(req.headers['content-length']);
    const length = Number.isFinite(declared) && declared > 0 ? declared : undefined;
    const tipId = req.followUpTipId;
    if (!tipId) {
      const budget = this.budgets.forNewTip();
      if (length !== undefined && length - NEW_TIP_SLACK > budget.bytes) throw budget.refuse('bytes');
      req.uploadBudget = budget;
      return next.handle();
    }
    return from(
      this.budgets.reserve(tipId, {
        bytes: length,
        slack: FOLLOW_UP_SLACK,
        files: 0,
        ttlMs: REQUEST_RESERVATION_MS,
      }),
    ).pipe(
      mergeMap(({ id, budget }) => {
        req.uploadBudget = budget;
        return next.handle().pipe(finalize(() => void this.budgets.release(id).catch(() => undefined)));
      }),
    );
  }
}
