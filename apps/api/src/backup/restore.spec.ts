import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { loadEnvironment } from '../config/environment';
import { FORMAT, FORMAT_VERSION, keyFingerprint, MANIFEST } from './backup-layout';
import { restoreBackup, RestoreRefused } from './restore';

/** Archives that are not good backups are refused before anything is written to DATA_DIR. */
describe('restoreBackup refuses', () => {
  let scratch: string;
  let dataDir: string;
  const key = Buffer.alloc(32, 7);
  const manifest = (included = true) => ({
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: '2026-01-01T00:00:00.000Z',
    postgres: { serverVersion: '18.4', startLsn: '0/1', stopLsn: '0/2', files: 0, bytes: 0 },
    media: { files: 0, bytes: 0 },
    encryptionKey: { included, fingerprint: keyFingerprint(key) },
    anchors: 0,
  });

  async function zipOf(entries: Record<string, string>): Promise<string> {
    const zip = new ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
    const file = join(scratch, `archive-${Object.keys(entries).length}-${Math.random()}.zip`);
    zip.end();
    await finished(zip.outputStream.pipe(createWriteStream(file)));
    return file;
  }

  const restore = (file: string, env: Record<string, string> = {}) =>
    restoreBackup(file, loadEnvironment({ DATA_DIR: dataDir, ...env }), () => undefined);

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'vigie-restore-spec-'));
    dataDir = join(scratch, 'data');
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  const nothingWritten = async () => expect(await readdir(dataDir).catch(() => 'absent')).toBe('absent');

  it('a file that is not a ZIP', async () => {
    const file = join(scratch, 'notes.zip');
    await writeFile(file, 'just some text');
    const refusal = restore(file);
    await expect(refusal).rejects.toBeInstanceOf(RestoreRefused);
    await expect(refusal).rejects.toThrow(`${file} is not a readable backup archive`);
    await nothingWritten();
  });

  it('a ZIP without a manifest (cut short, or another archive)', async () => {
    const file = await zipOf({ 'photo.jpg': 'x' });
    await expect(restore(file)).rejects.toThrow(`is not a Vigie backup (no ${MANIFEST})`);
    await nothingWritten();
  });

  it('a manifest of another format', async () => {
    const file = await zipOf({ [MANIFEST]: JSON.stringify({ ...manifest(), format: 'other' }) });
    await expect(restore(file)).rejects.toThrow('a format this Vigie does not read');
    await nothingWritten();
  });

  it('an entry outside what a backup holds, before writing any', async () => {
    const file = await zipOf({
      'media/sealed/a': 'x',
      'etc/cron.d/evil': 'x',
      [MANIFEST]: JSON.stringify(manifest()),
    });
    await expect(restore(file)).rejects.toThrow(
      '"etc/cron.d/evil", which no Vigie backup holds: nothing was restored',
    );
    await nothingWritten();
  });

  it('an entry climbing out of DATA_DIR', async () => {
    // yazl will not write such a name: written under one of the same length, then swapped.
    const file = await zipOf({ 'media/aa/aa/escape': 'x', [MANIFEST]: JSON.stringify(manifest()) });
    const bytes = await readFile(file);
    await writeFile(
      file,
      Buffer.from(bytes.toString('latin1').replaceAll('media/aa/aa/escape', 'media/../../escape'), 'latin1'),
    );
    await expect(restore(file)).rejects.toThrow(RestoreRefused);
    await nothingWritten();
  });

  it('a DATA_DIR that is not empty, which is left as it was', async () => {
    const file = await zipOf({ [MANIFEST]: JSON.stringify(manifest()) });
    await writeFile(join(scratch, 'marker'), '');
    dataDir = scratch;
    await expect(restore(file)).rejects.toThrow(`DATA_DIR ${scratch} is not empty`);
    expect((await readdir(scratch)).sort()).toEqual(['marker', file.split('/').pop()].sort());
  });

  it('a backup without its key when ENCRYPTION_KEY is not set, or set to another key', async () => {
    const without = await zipOf({ [MANIFEST]: JSON.stringify(manifest(false)) });
    await expect(restore(without)).rejects.toThrow('set the same ENCRYPTION_KEY');
    const other = Buffer.alloc(32, 9).toString('base64');
    await expect(restore(without, { ENCRYPTION_KEY: other })).rejects.toThrow(
      'is not the key this backup was made with',
    );
    await nothingWritten();
  });
});
