import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { Observable } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { withStatementTimeout } from './bounded-client';

/** Runs a route's handler with DB_LONG_STATEMENT_TIMEOUT_MS instead of a request's statement timeout. */
@Injectable()
export class LongStatementsInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // The handler runs when its observable is subscribed to: subscribing inside the allowance's
    // context puts every query of the handler, however deep, in it.
    return new Observable((subscriber) =>
      withStatementTimeout(this.config.env.DB_LONG_STATEMENT_TIMEOUT_MS, () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}

/**
 * For the few routes whose work is legitimately long (an evidence export, an open-records report):
 * their statements get DB_LONG_STATEMENT_TIMEOUT_MS. Guards still run with the request's timeout.
 */
export const LongRunning = () => UseInterceptors(LongStatementsInterceptor);
