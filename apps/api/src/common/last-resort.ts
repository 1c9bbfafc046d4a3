import { Logger } from '@nestjs/common';
import { OutageLog } from '../database/outage-log';
import { loggableError } from './loggable-error';

/**
 * The last line of defence, not the fix. Since Node 15 a promise rejected with no handler ends the
 * process, and one forgotten catch in a background path (a timer, a library's loop) would take the
 * API down with every request in flight the moment the database goes away. Every known path
 * catches its own failures; whatever still slips through is logged here by kind (a database outage
 * once per kind, as everywhere else), and the process keeps serving.
 */
export function keepRunningOnUnhandledRejections(): void {
  const logger = new Logger('Process');
  const outage = new OutageLog(logger, 'unhandled rejection');
  process.on('unhandledRejection', (reason) => {
    if (outage.lost(reason)) return;
    logger.error({ err: loggableError(reason) }, 'unhandled rejection (the process keeps running)');
  });
}
