import { Logger } from '@nestjs/common';
import { OutageLog } from './outage-log';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const shutdown = () =>
  Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
    severity: 'FATAL',
  });

describe('OutageLog', () => {
  let now = 0;
  let logger: { warn: jest.Mock; log: jest.Mock };
  let outage: OutageLog;
  beforeEach(() => {
    now = 1_000_000;
    logger = { warn: jest.fn(), log: jest.fn() };
    outage = new OutageLog(logger as unknown as Logger, 'job queue', () => now);
  });

  it('logs each kind of outage once, then at most once a minute with how often it recurred', () => {
    for (let i = 0; i < 50; i++) expect(outage.lost(refused())).toBe(true);
    outage.lost(shutdown());
    expect(logger.warn.mock.calls.map(([, msg]) => msg)).toEqual([
      'job queue: database unavailable (ECONNREFUSED)',
      'job queue: database unavailable (57P01)',
    ]);
    now += 60_000;
    outage.lost(refused());
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn.mock.calls[2][0]).toMatchObject({ kind: 'ECONNREFUSED', repeats: 49 });
  });

  it('logs the return once, and a new outage after it again', () => {
    outage.lost(refused());
    outage.restored();
    outage.restored();
    expect(logger.log).toHaveBeenCalledTimes(1);
    expect(logger.log.mock.calls[0][0]).toMatchObject({ kinds: ['ECONNREFUSED'] });
    outage.lost(refused());
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('leaves other errors to the caller, and never logs a database error message', () => {
    expect(outage.lost(new Error('syntax error at or near "SELEC"'))).toBe(false);
    expect(logger.warn).not.toHaveBeenCalled();
    outage.lost(shutdown());
    expect(JSON.stringify(logger.warn.mock.calls[0][0])).not.toContain('administrator command');
  });
});
