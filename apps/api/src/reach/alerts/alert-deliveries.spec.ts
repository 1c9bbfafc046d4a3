import type { DataSource } from 'typeorm';
import { DeliveryRecord, RECORD_EVERY } from './alert-deliveries';

/** A data source whose query answers as told, recording what it was asked. */
function fakeDataSource(answer: (call: number) => Promise<unknown> = () => Promise.resolve([])) {
  const calls: { ids: string[]; states: string[] }[] = [];
  const query = jest.fn((_sql: string, params: unknown[]) => {
    calls.push({ ids: params[1] as string[], states: params[2] as string[] });
    return answer(calls.length);
  });
  return { dataSource: { query } as unknown as DataSource, calls };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('DeliveryRecord', () => {
  it('writes the rows in groups as answers come in, then the rest at the flush', async () => {
    const { dataSource, calls } = fakeDataSource();
    const record = new DeliveryRecord(dataSource, 'appeal:v1');
    for (let n = 0; n < RECORD_EVERY + 5; n++) record.add(id(n), n === 3 ? 'REFUSED' : 'SENT');
    // The first group went out while sending went on, before any flush.
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    expect(calls[0].ids).toHaveLength(RECORD_EVERY);
    expect(calls[0].states[3]).toBe('REFUSED');
    await record.flush();
    expect(calls.map((c) => c.ids.length)).toEqual([RECORD_EVERY, 5]);
  });

  it('writes a group again when a subscription was removed meanwhile (foreign key)', async () => {
    const gone = Object.assign(new Error('violates foreign key constraint'), { code: '23503' });
    const { dataSource, calls } = fakeDataSource((n) =>
      n === 1 ? Promise.reject(gone) : Promise.resolve([]),
    );
    const record = new DeliveryRecord(dataSource, 'appeal:v1');
    record.add(id(1), 'SENT');
    await record.flush();
    expect(calls).toHaveLength(2);
  });

  it('keeps a group the database refused and fails the flush only if it is refused again', async () => {
    const down = new Error('connection terminated');
    const { dataSource, calls } = fakeDataSource((n) =>
      n === 1 ? Promise.reject(down) : Promise.resolve([]),
    );
    const record = new DeliveryRecord(dataSource, 'appeal:v1');
    for (let n = 0; n < RECORD_EVERY + 1; n++) record.add(id(n), 'SENT');
    await record.flush();
    // The refused group is written at the flush, after the rest.
    expect(calls.map((c) => c.ids.length)).toEqual([RECORD_EVERY, 1, RECORD_EVERY]);

    const { dataSource: away } = fakeDataSource(() => Promise.reject(down));
    const failing = new DeliveryRecord(away, 'appeal:v1');
    failing.add(id(1), 'SENT');
    await expect(failing.flush()).rejects.toThrow('connection terminated');
  });
});
