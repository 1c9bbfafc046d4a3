import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffMemberView } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { fetchStaffSessions, revokeStaffSession, staffSessionsKey } from '../api/admin.api';
import { AdminDialog } from './admin-dialog';
import { SessionsTable } from './sessions-table';

/** A person's open sessions, each of which the admin can end (the person is signed out there at once). */
export function SessionsDialog({
  member,
  onClose,
  returnFocus,
}: {
  member: StaffMemberView;
  onClose: () => void;
  returnFocus: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const queryClient = useQueryClient();
  const key = staffSessionsKey(member.id);
  const [ended, setEnded] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchStaffSessions(member.id, signal),
  });
  const revoke = useMutation({
    mutationFn: (sessionId: string) => revokeStaffSession(member.id, sessionId),
    onSuccess: (_, sessionId) => {
      const gone = sessions.data?.find((one) => one.id === sessionId);
      setEnded(gone ? (formatDate(gone.createdAt, lang, true) ?? '') : '');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const caption = t('desk.admin.sessions.captionOf', { name: member.displayName });

  return (
    <AdminDialog
      title={caption}
      onClose={onClose}
      returnFocus={returnFocus}
      dismissLabel={t('desk.common.close')}
    >
      <div role="status">{ended !== null && <p>{t('desk.admin.sessions.ended', { date: ended })}</p>}</div>
      {sessions.isPending ? (
        <PageLoading />
      ) : sessions.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, sessions.error)}</p>
        </Notice>
      ) : sessions.data.length === 0 ? (
        <p>{t('desk.admin.sessions.noneOf', { name: member.displayName })}</p>
      ) : (
        <SessionsTable
          caption={caption}
          sessions={sessions.data}
          revoking={revoke.isPending ? revoke.variables : undefined}
          onRevoke={(session) => revoke.mutate(session.id)}
          revokeLabel={() => t('desk.admin.sessions.end')}
        />
      )}
      {revoke.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, revoke.error)}</p>
        </Notice>
      )}
    </AdminDialog>
  );
}
