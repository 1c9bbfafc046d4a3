const loops = new Map<string, Promise<void>>();
const PATCHED = Symbol.for('vigie.pgBossWorkerLoops');

interface WorkerLike {
  id: string;
  start(): Promise<void>;
}

/**
 * pg-boss 10 cannot say when its workers have really stopped. `stop()` resolves once no job is
 * running, while a worker may still be inside a fetch; its Manager then polls every second, in a
 * loop nobody awaits, until that worker's loop ends (Manager.offWork, src/manager.js). A process
 * that carries on does not notice; a Jest test file that ends in that second does: the poll's lazy
 * `require` runs after the environment is torn down and fails the next file of the same worker.
 *
 * Here each worker's loop is kept by id, so JobQueue can wait until its own loops have ended before
 * it reports the shutdown done, and Manager's poll then finds them stopped without sleeping again.
 */
export function trackPgBossWorkerLoops(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Worker = require('pg-boss/src/worker') as { prototype: WorkerLike & Record<symbol, unknown> };
  const proto = Worker.prototype;
  if (proto[PATCHED]) return;
  const start = proto.start;
  if (typeof start !== 'function')
    throw new Error(`pg-boss's Worker.start is gone: review apps/api/src/jobs/pg-boss-worker-loops.ts`);
  proto.start = function (this: WorkerLike) {
    const loop = start.call(this);
    loops.set(this.id, loop);
    void loop.finally(() => loops.delete(this.id)).catch(() => undefined);
    return loop;
  };
  proto[PATCHED] = true;
}

/** Resolves when the loops of these workers have ended, or after `boundMs`. */
export async function workerLoopsEnded(ids: Iterable<string>, boundMs: number): Promise<void> {
  const pending = [...ids].map((id) => loops.get(id)).filter((loop) => loop !== undefined);
  if (pending.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, boundMs);
  });
  await Promise.race([Promise.allSettled(pending), bound]);
  clearTimeout(timer);
}
