import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ApiError } from '@vigie/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { OutageLog } from '../database/outage-log';
import { DomainException } from './domain.exception';
import { loggableError } from './loggable-error';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** When a client should try again after the database was found unavailable (seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Postgres refusing a value (NUL byte, bad encoding, date out of range): the client's input, not a bug. */
const UNSTORABLE_INPUT = new Set(['22021', '22P05', '22007', '22008', '22003', '22P02']);

/** Errors raised by Express body parsers before any controller runs. */
interface ParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
}

/**
 * The one place an error becomes a response. Expected failures keep their code and message; a
 * bug answers 500 with a correlation id to find it in the logs, and never a stack trace.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  /** Requests failing because the database is away: logged once by kind, not once per request. */
  private readonly outage = new OutageLog(this.logger, 'requests');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string }>();
    if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      // The database is down, frozen, restarting or overwhelmed: nothing the client did, and nothing
      // a retry in a few seconds may not fix. (The health check answers its own 503.)
      this.outage.lost(exception);
      if (res.headersSent) return void res.end();
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      res.status(503).json({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is briefly unavailable; try again in a few seconds',
        correlationId: req.id,
      } satisfies ApiError);
      return;
    }
    const body = this.toBody(exception, req.id);
    // A 503 thrown on purpose (the health check finding the database away) is an answer, not a bug.
    const unavailable = exception instanceof HttpException && body.statusCode === 503;
    if (body.statusCode >= 500 && !unavailable)
      // Only the error's kind and place: a database error carries the query's parameters, which
      // may be what a tipster wrote, and logs must never hold that.
      this.logger.error({ err: loggableError(exception), correlationId: req.id }, 'Unhandled error');
    if (res.headersSent) return void res.end();
    if (exception instanceof DomainException && exception.headers) res.set(exception.headers);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, correlationId?: string): ApiError {
    if (exception instanceof DomainException) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        errors: exception.errors,
        ...exception.details,
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many attempts; wait a few minutes and try again',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // Keep structured bodies (Terminus's health report on 503) beside our standard fields.
      const {
        message,
        error: _error,
        statusCode: _status,
        ...rest
      } = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
      return {
        ...rest,
        statusCode: status,
        code: CODES[status] ?? `HTTP_${status}`,
        message: String(message ?? exception.message),
        ...(status >= 500 ? { correlationId } : {}),
      };
    }
    const code = (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (code && UNSTORABLE_INPUT.has(code)) {
      return {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message:
          'Some text or value in the request cannot be stored (a control character, or a date out of range)',
      };
    }
    const parser = exception as ParserError;
    if (parser?.expose && typeof parser.status === 'number' && parser.status < 500) {
      const code =
        parser.type === 'entity.parse.failed' ? 'MALFORMED_BODY' : (CODES[parser.status] ?? 'BAD_REQUEST');
      return {
        statusCode: parser.status,
        code,
        message:
          parser.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : parser.message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL',
      message: 'Something went wrong on our side',
      correlationId,
    };
  }
}
