import { CSRF_COOKIE, CSRF_HEADER } from '@vigie/common';
import { writeFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { openPromise } from 'yauzl';
import { ZipFile } from 'yazl';
import { ApiClient } from '../support/api-client';

/** POSTs as a signed-in client and keeps the binary answer (ApiClient reads bodies as text). */
export async function postForFile(client: ApiClient, path: string, body: unknown, dest: string) {
  const res = await fetch(client.baseUrl + path, {
    method: 'POST',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      [CSRF_HEADER]: client.cookies.get(CSRF_COOKIE) ?? '',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const data = Buffer.from(await res.arrayBuffer());
  if (res.ok) await writeFile(dest, data);
  return { status: res.status, headers: res.headers, data };
}

/** Every file in a ZIP, whole (test packages are small). */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry())
    files.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)));
  zip.close();
  return files;
}

/** Re-packs files as a forger would: a well-formed ZIP with whatever content they chose. */
export async function writeZip(path: string, files: Map<string, Buffer>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, name);
  zip.end();
  await writeFile(path, await buffer(zip.outputStream as NodeJS.ReadableStream & AsyncIterable<Buffer>));
}
