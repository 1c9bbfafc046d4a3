import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import sharp from 'sharp';
import { asBackgroundWork } from './background-work';
import { runTool, ToolMissingError } from './external-tool';

/** What `nice` prints with no command: the niceness it runs at, which is its caller's. */
const nicenessOfTool = async () => Number((await runTool('nice', [], 10_000)).toString().trim());

describe('asBackgroundWork', () => {
  it('starts the tools of media processing at its niceness, and those of intake at the API’s own', async () => {
    const own = await nicenessOfTool();
    const inside = await asBackgroundWork(7, nicenessOfTool);
    expect(inside).toBe(Math.min(19, own + 7));
    expect(await nicenessOfTool()).toBe(own);
  });

  it('still tells a missing tool from a file it cannot read', async () => {
    await expect(asBackgroundWork(7, () => runTool('no-such-media-tool', [], 10_000))).rejects.toBeInstanceOf(
      ToolMissingError,
    );
    await expect(asBackgroundWork(7, () => runTool('false', [], 10_000))).rejects.toMatchObject({
      code: 'DAMAGED',
    });
  });

  it('lowers the priority of the libvips workers that do sharp’s pixel work', async () => {
    const photo = { create: { width: 2000, height: 1500, channels: 3 as const, background: '#777' } };
    await asBackgroundWork(9, () => sharp(photo).resize(400).webp().toBuffer());
    const workers = readdirSync('/proc/self/task')
      .map(Number)
      .filter((id) => readFileSync(`/proc/self/task/${id}/comm`, 'utf8').trim() === 'libvips worker');
    expect(workers.length).toBeGreaterThan(0);
    for (const id of workers) expect(getPriority(id)).toBeGreaterThanOrEqual(9);
  });
});
