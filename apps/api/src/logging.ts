import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { destination } from 'pino';
import { loggableError } from './common/loggable-error';
import { AppConfig } from './config/app-config';

/**
 * Structured JSON logs. Requests are logged by method, path and status only: no headers, no
 * query string, no body and no client address, on any route. Public routes serve anonymous
 * tipsters, and the safest log is one that never held what could identify them.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      // Buffered writes: a surge must not wait on the terminal or the disk for every request line.
      // (Lines still buffered when the process is killed are lost; tips never are.)
      stream: destination({ dest: config.env.LOG_FILE ?? 1, mkdir: !!config.env.LOG_FILE, sync: false }),
      genReqId: (_req: IncomingMessage, res: ServerResponse) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // A one-time link's token is a credential: the warn line that hands it out is the only one to hold it.
          path: req.url.split('?')[0].replace(/\/(activation|activate)\/[^/]+/, '/$1/:token'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // An error logged as it is (pino's own serializer prints every field: a Postgres error's
        // detail, a query's parameters) goes through the same filter as those logged on purpose.
        err: (err: unknown) => (err instanceof Error ? loggableError(err) : err),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
  };
}
