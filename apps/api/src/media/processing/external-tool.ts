import { execFile } from 'node:child_process';
import { mediaError } from '../media.errors';
import { backgroundNiceness } from './background-work';

/** The tool is not installed: the caller decides what it can still do without it. */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not on PATH`);
  }
}

/**
 * Runs a media tool on untrusted input: an argument array (no shell ever parses a file name), a
 * hard timeout with SIGKILL (a hostile file must not hang a worker), bounded output, and an
 * environment with nothing but PATH, so a decoder exploited by a crafted file finds none of the
 * API's secrets, and no user configuration (~/.ExifTool_config) changes what a tool prints. Any
 * failure other than the tool being absent means the input could not be read: DAMAGED.
 */
export function runTool(
  tool: string,
  args: string[],
  timeoutMs: number,
  maxBytes = 1024 * 1024,
): Promise<Buffer> {
  // Started by media processing: below HTTP's priority (background-work.ts), through `nice`, which
  // sets it and then becomes the tool, so the tool and every thread it starts run at it from the
  // first instruction. nice answers 127 when it finds no such tool (126: not executable).
  const niceness = backgroundNiceness();
  const [command, commandArgs] =
    niceness > 0 ? ['nice', ['-n', String(niceness), tool, ...args]] : [tool, args];
  return new Promise((resolve, reject) => {
    execFile(
      command,
      commandArgs,
      {
        encoding: 'buffer',
        env: { PATH: process.env.PATH },
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: maxBytes,
        windowsHide: true,
      },
      (err, stdout) => {
        if (!err) return resolve(stdout);
        const code = (err as NodeJS.ErrnoException | { code?: number }).code;
        if (code === 'ENOENT' || (command === 'nice' && code === 127))
          return reject(new ToolMissingError(tool));
        reject(mediaError('DAMAGED'));
      },
    );
  });
}
