// Everything streams: uploading a 2 GB video raises the API's RSS by less than 64 MB.
import { request } from 'node:http';
import { startApi, writeResult } from '../lib.mjs';

export const name = 'large-upload';
export const description = 'RSS of the API while a 2 GB video is uploaded in one tip';

const SIZE = 2_000_000_000;

/** An MP4 signature (ftyp box) followed by filler, generated as it is sent: never held in memory. */
function* videoChunks() {
  const ftyp = Buffer.from('000000206674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex');
  yield ftyp;
  const chunk = Buffer.alloc(1024 * 1024, 0x42);
  for (let sent = ftyp.length; sent < SIZE; sent += chunk.length)
    yield sent + chunk.length > SIZE ? chunk.subarray(0, SIZE - sent) : chunk;
}

export async function run() {
  const api = await startApi({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0', WORKERS: '0' });
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const before = (await api.rss()).currentMb;
    let peak = before;
    const sampler = setInterval(async () => (peak = Math.max(peak, (await api.rss()).currentMb)), 100);
    const boundary = '----vigielarge';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="agency"\r\n\r\ndemo\r\n--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nlong video\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="VID_0001.MP4"\r\nContent-Type: video/mp4\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const started = Date.now();
    const status = await new Promise((resolve, reject) => {
      const req = request(
        `${api.url}/api/public/tips`,
        { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', reject);
      const chunks = videoChunks();
      req.write(head);
      const pump = () => {
        for (;;) {
          const { value, done } = chunks.next();
          if (done) return req.end(tail);
          if (!req.write(value)) return req.once('drain', pump);
        }
      };
      pump();
    });
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const growthMb = Math.round(peak - before);
    console.log(
      `2 GB upload: status ${status} in ${seconds.toFixed(1)} s; RSS ${Math.round(before)} -> peak ${Math.round(peak)} MB (+${growthMb} MB)`,
    );
    return writeResult(name, {
      bytes: SIZE,
      status,
      seconds,
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      growthMb,
      target: { growthMb: 64 },
      met: status === 201 && growthMb < 64,
    });
  } finally {
    await api.stop();
  }
}
