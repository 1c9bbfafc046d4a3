import { AppealKind, SubjectRole } from '@vigie/common';
import { ApiClient } from './api-client';

/** A valid appeal body of each kind, in both languages; override what a test cares about. */
export function appealBody(
  kind: AppealKind = AppealKind.MISSING_PERSON,
  content: Record<string, unknown> = {},
) {
  const role = {
    [AppealKind.MISSING_PERSON]: SubjectRole.MISSING,
    [AppealKind.AMBER_ALERT]: SubjectRole.CHILD,
    [AppealKind.WANTED]: SubjectRole.SUSPECT,
    [AppealKind.UNIDENTIFIED_PERSON]: SubjectRole.UNIDENTIFIED,
    [AppealKind.WITNESS_APPEAL]: SubjectRole.PERSON_OF_INTEREST,
  }[kind];
  return {
    kind,
    content: {
      title: { fr: 'Disparu : Marc Gagnon, 72 ans', en: 'Missing: Marc Gagnon, 72' },
      summary: { fr: 'Vu pour la dernière fois à Laval.', en: 'Last seen in Laval.' },
      subjects: [{ role, name: 'Marc Gagnon', sex: 'MALE', ageMin: 72, ageMax: 72, hair: 'GREY' }],
      ...(kind === AppealKind.AMBER_ALERT
        ? { expiresAt: new Date(Date.now() + 86_400_000).toISOString() }
        : {}),
      ...content,
    },
  };
}

/** Creates, submits and approves an appeal through the API; returns the staff view. */
export async function publishedAppeal(pio: ApiClient, supervisor: ApiClient, body = appealBody()) {
  const created = await pio.post('/api/appeals', body);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await pio.post(`/api/appeals/${created.body.id}/submit`);
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await supervisor.post(`/api/appeals/${created.body.id}/approve`);
  if (approved.status !== 200)
    throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}
