import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3MediaStore } from './s3-media-store';

describe('S3MediaStore.list', () => {
  const store = new S3MediaStore(
    { region: 'us-east-1', bucket: 'media', forcePathStyle: true, listPageSize: 2 },
    mkdtempSync(join(tmpdir(), 'vigie-s3-spec-')),
  );
  afterEach(() => jest.restoreAllMocks());

  it('follows continuation tokens until the listing is complete', async () => {
    const at = new Date('2026-11-21T10:00:00Z');
    const pages: Record<string, object> = {
      '': {
        Contents: [
          { Key: 'sealed/tips/a', LastModified: at },
          { Key: 'sealed/tips/b', LastModified: at },
        ],
        IsTruncated: true,
        NextContinuationToken: 't1',
      },
      t1: { Contents: [{ Key: 'sealed/tips/c', LastModified: at }], IsTruncated: false },
    };
    const send = jest
      .spyOn(S3Client.prototype, 'send')
      .mockImplementation(
        async (command: unknown) => pages[(command as ListObjectsV2Command).input.ContinuationToken ?? ''],
      );

    const keys = [];
    for await (const file of store.list('sealed/tips/')) keys.push([file.key, file.modifiedAt]);

    expect(keys).toEqual([
      ['sealed/tips/a', at],
      ['sealed/tips/b', at],
      ['sealed/tips/c', at],
    ]);
    expect(send.mock.calls.map(([c]) => (c as ListObjectsV2Command).input)).toEqual([
      { Bucket: 'media', Prefix: 'sealed/tips/', ContinuationToken: undefined, MaxKeys: 2 },
      { Bucket: 'media', Prefix: 'sealed/tips/', ContinuationToken: 't1', MaxKeys: 2 },
    ]);
  });

  it('lists an empty prefix as nothing, and refuses a prefix that climbs out', async () => {
    jest
      .spyOn(S3Client.prototype, 'send')
      .mockImplementation(async () => ({ KeyCount: 0, IsTruncated: false }));
    const found = [];
    for await (const file of store.list('renditions/tips/')) found.push(file);
    expect(found).toEqual([]);
    await expect(store.list('../x')[Symbol.asyncIterator]().next()).rejects.toThrow(/Invalid media key/);
  });
});
