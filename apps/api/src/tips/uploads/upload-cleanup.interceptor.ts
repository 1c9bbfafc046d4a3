import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DomainException } from '../../common/domain.exception';
import { discardUploads } from '../../media/hashing-disk-storage';
import { mediaError } from '../../media/media.errors';

/** Busboy's words for a body that stopped mid-way (a phone losing signal). */
const CUT_OFF =
  /Unexpected end of form|Malformed part header|Multipart: Boundary not found|Unexpected end of multipart data/i;

/**
 * Wraps a multipart upload (listed before the multer interceptor, so it sees its errors too):
 * whatever happens, the scratch copies are removed (sealed files were already moved out, so this
 * never touches them), and a body cut off mid-file becomes a clear 400 instead of a 500.
 */
@Injectable()
export class UploadCleanupInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context
      .switchToHttp()
      .getRequest<{ files?: { path?: string }[] | Record<string, { path?: string }[]> }>();
    const files = () => (Array.isArray(req.files) ? req.files : Object.values(req.files ?? {}).flat());
    return next.handle().pipe(
      // On success the files were sealed (moved) already; on failure they are removed before the
      // error answers, so "refused" also means "nothing left on disk".
      mergeMap(async (result) => {
        await discardUploads(files());
        return result;
      }),
      catchError((err: unknown) =>
        from(discardUploads(files())).pipe(
          mergeMap(() => {
            // Multer reports a cut-off body as a plain 400 (or, from busboy directly, a plain Error).
            const plain =
              !(err instanceof DomainException) &&
              (!(err instanceof HttpException) || err.getStatus() === 400);
            const cutOff = plain && CUT_OFF.test(String((err as Error)?.message));
            return throwError(() => (cutOff ? mediaError('UPLOAD_INCOMPLETE') : err));
          }),
        ),
      ),
    );
  }
}
