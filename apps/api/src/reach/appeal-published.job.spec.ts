import type { JobQueue } from '../jobs/job-queue';
import type { AppealPublication } from '../jobs/job-registry';
import { AppealPublishedJob } from './appeal-published.job';
import { PublicationListeners } from './publication-listeners';

const publication: AppealPublication = { appealId: 'a1', agencyId: 'g1', event: 'APPROVED', versionNo: 1 };

function jobWith(...handlers: ((p: AppealPublication) => Promise<void>)[]) {
  const listeners = new PublicationListeners();
  handlers.forEach((onPublication, i) => listeners.register({ name: `l${i}`, onPublication }));
  return new AppealPublishedJob({} as JobQueue, listeners);
}

describe('AppealPublishedJob', () => {
  it('hands the publication to every listener', async () => {
    const seen: string[] = [];
    await jobWith(
      async (p) => void seen.push(`a:${p.event}`),
      async (p) => void seen.push(`b:${p.versionNo}`),
    ).handle(publication);
    expect(seen).toEqual(['a:APPROVED', 'b:1']);
  });

  it('runs the others when one fails, then fails so the queue retries', async () => {
    const seen: string[] = [];
    const job = jobWith(
      async () => {
        throw new Error('network down');
      },
      async () => void seen.push('b'),
    );
    await expect(job.handle(publication)).rejects.toThrow('reach listeners failed: l0');
    expect(seen).toEqual(['b']);
  });
});
