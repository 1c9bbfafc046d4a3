import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** One Web Push message to encrypt for one browser (RFC 8291) and sign for its push service (RFC 8292). */
export interface PushToEncrypt {
  endpoint: string;
  p256dh: string;
  auth: string;
  payload: string;
  /** The VAPID header for the endpoint's push service (signed once an hour, not per message). */
  authorization: string;
  urgency: 'high' | 'normal';
  ttlSeconds: number;
}

/** The request web-push made of it, or null when the browser's keys are no point on the curve. */
export type EncryptedPush = { headers: Record<string, string | number>; body: Uint8Array } | null;

/**
 * The thread's code: web-push's own request builder (ECDH with a fresh key, HKDF, AES-GCM), run on
 * messages in groups. Given as source so that it runs the same from the compiled API and from the
 * TypeScript the tests load; web-push is required by the path the main thread resolved.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { generateRequestDetails } = require(workerData.webPush);
parentPort.on('message', ({ id, pushes }) => {
  const out = pushes.map((p) => {
    try {
      const request = generateRequestDetails(
        { endpoint: p.endpoint, keys: { p256dh: p.p256dh, auth: p.auth } },
        p.payload,
        { TTL: p.ttlSeconds, urgency: p.urgency, contentEncoding: 'aes128gcm', headers: { Authorization: p.authorization } },
      );
      return { headers: request.headers, body: request.body };
    } catch {
      return null;
    }
  });
  parentPort.postMessage({ id, out });
});
`;

/** Messages handed to a thread at once: one message between threads per group, not per push. */
const GROUP = 32;

interface Waiting {
  push: PushToEncrypt;
  resolve(result: EncryptedPush): void;
  reject(err: unknown): void;
}

interface Thread {
  worker: Worker;
  /** Groups sent and not answered yet, by id. */
  pending: Map<number, Waiting[]>;
}

/**
 * Encrypts push messages on a few threads beside the event loop. Each message costs an ECDH key
 * pair and agreement (RFC 8291 allows no sharing between browsers), a fraction of a millisecond of
 * CPU; a fan-out of thousands done on the event loop would hold up everything else the process
 * does (the appeal's page, which the alert makes everyone open) and use one core only. Messages
 * asked for in the same turn of the event loop go to a thread together; the threads start on the
 * first message and stop when the app does.
 */
export class PushEncryption {
  private threads: Thread[] = [];
  private queue: Waiting[] = [];
  private flushing = false;
  private nextId = 1;
  private stopped = false;

  constructor(private readonly threadCount = Math.max(1, Math.min(4, availableParallelism()))) {}

  encrypt(push: PushToEncrypt): Promise<EncryptedPush> {
    if (this.stopped) return Promise.reject(new Error('push encryption stopped'));
    return new Promise((resolve, reject) => {
      this.queue.push({ push, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Starts the threads now rather than on the first message (an alert should not wait for them). */
  warm(): void {
    if (!this.stopped) while (this.threads.length < this.threadCount) this.threads.push(this.start());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private flush(): void {
    this.flushing = false;
    if (this.stopped) {
      for (const w of this.queue.splice(0)) w.reject(new Error('push encryption stopped'));
      return;
    }
    this.warm();
    while (this.queue.length) {
      const group = this.queue.splice(0, GROUP);
      // The thread with the fewest groups waiting: threads finish at different paces on a busy machine.
      const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = this.nextId++;
      // A thread with work keeps the process alive until it answers; an idle one does not.
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(id, group);
      thread.worker.postMessage({ id, pushes: group.map((w) => w.push) });
    }
  }

  private start(): Thread {
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { webPush: require.resolve('web-push') },
    });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', ({ id, out }: { id: number; out: EncryptedPush[] }) => {
      const group = thread.pending.get(id);
      thread.pending.delete(id);
      if (thread.pending.size === 0) worker.unref();
      group?.forEach((w, i) => w.resolve(out[i]));
    });
    // A thread that died takes its groups with it: they fail (the batch retries them), and the next
    // flush starts a new thread in its place.
    const fail = (err: unknown) => {
      for (const group of thread.pending.values()) for (const w of group) w.reject(err);
      thread.pending.clear();
      this.threads = this.threads.filter((t) => t !== thread);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`push encryption thread exited with ${code}`)));
    worker.unref();
    return thread;
  }
}
