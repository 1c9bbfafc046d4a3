import { AsyncLocalStorage } from 'node:async_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Media processing shares the cores with answering HTTP (tip intake, public reads, desks). Work
 * run through `asBackgroundWork` yields to it: every tool it starts (ffmpeg, ffprobe, exiftool:
 * external-tool.ts runs them through `nice`) gets `niceness`, and so do libvips's worker threads,
 * which do sharp's pixel work. Measured in the surge (docs/scaling.md). The same tools run at intake (the upload's
 * ffprobe) outside any background work, at the API's own priority: a tipster is waiting.
 */
const background = new AsyncLocalStorage<{ niceness: number }>();

export function asBackgroundWork<T>(niceness: number, work: () => Promise<T>): Promise<T> {
  if (niceness > 0) lowerLibvipsThreads(niceness);
  return background.run({ niceness }, async () => {
    try {
      return await work();
    } finally {
      // libvips starts more workers on demand, at the priority of the thread that asked.
      if (niceness > 0) lowerLibvipsThreads(niceness);
    }
  });
}

/** The niceness for a tool started now: that of the background work it belongs to, else none. */
export function backgroundNiceness(): number {
  return background.getStore()?.niceness ?? 0;
}

/**
 * On Linux, niceness belongs to each thread (setpriority with a thread's id), and libvips names
 * its workers "libvips worker". They are a pool shared by every sharp call of the process, so the
 * intake's decode of an upload runs on them too, at the same priority as processing; the Node
 * threads (the event loop, libuv's pool: argon2, fsync) keep theirs. Anything unreadable (another
 * system, a thread that just ended) is left as it is. A few dozen small reads of /proc per job.
 */
function lowerLibvipsThreads(niceness: number): void {
  if (process.platform !== 'linux') return;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const id of threads.map(Number)) {
    try {
      if (readFileSync(`/proc/self/task/${id}/comm`, 'utf8').trim() !== 'libvips worker') continue;
      if (getPriority(id) < niceness) setPriority(id, niceness);
    } catch {
      // the thread ended, or the system refuses: leave it
    }
  }
}
