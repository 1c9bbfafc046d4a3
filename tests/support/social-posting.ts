import type { AppealKind } from '@vigie/common';
import { SocialPosting } from '../../apps/api/src/reach/social/posting/social-posting.service';
import type { ApiClient } from './api-client';
import { appealBody, publishedAppeal } from './appeal-factory';
import type { TestApp } from './test-app';

/**
 * An appeal published and approved through the API, then the approval's listener run by hand, as
 * in an app started without workers: its posts are queued, their send job has not run.
 */
export async function approvedWithPostsQueued(
  t: TestApp,
  pio: ApiClient,
  supervisor: ApiClient,
  kind: AppealKind,
): Promise<{ id: string; agencyId: string }> {
  const appeal = await publishedAppeal(pio, supervisor, appealBody(kind));
  const { rows } = await t.db.query(`SELECT agency_id FROM appeal WHERE id = $1`, [appeal.id]);
  const agencyId: string = rows[0].agency_id;
  await t.app
    .get(SocialPosting)
    .onPublication({ appealId: appeal.id, agencyId, event: 'APPROVED', versionNo: 1 });
  return { id: appeal.id as string, agencyId };
}
