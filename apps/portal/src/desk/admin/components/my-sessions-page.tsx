import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useMySessions } from '../hooks/use-my-sessions';
import { SessionsTable } from './sessions-table';
import './admin.css';

/** `/desk/sessions` (every staff member): where one is signed in, and a way to sign out of any of them. */
export function MySessionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.admin.mySessions.heading'));
  const lang = usePortalLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState<string | null>(null);
  const { sessions, revoke } = useMySessions(() => {
    // This browser's session is gone: forget what it showed, as signing out does.
    queryClient.clear();
    void navigate('/login', { replace: true, state: { signedOut: true } });
  });

  return (
    <section className="container page-section desk-page admin-page" aria-labelledby="my-sessions-heading">
      <h2 id="my-sessions-heading">{t('desk.admin.mySessions.heading')}</h2>
      <p className="admin-page__intro">{t('desk.admin.mySessions.intro')}</p>
      <div role="status">{ended && <p className="notice notice--success">{ended}</p>}</div>
      {sessions.isPending ? (
        <PageLoading />
      ) : sessions.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, sessions.error)}</p>
        </Notice>
      ) : (
        <SessionsTable
          caption={t('desk.admin.mySessions.heading')}
          sessions={sessions.data}
          revoking={revoke.isPending ? revoke.variables.id : undefined}
          onRevoke={(session) =>
            revoke.mutate(session, {
              onSuccess: () =>
                setEnded(
                  t('desk.admin.sessions.ended', { date: formatDate(session.createdAt, lang, true) ?? '' }),
                ),
            })
          }
          revokeLabel={(session) =>
            session.current ? t('desk.admin.mySessions.signOutHere') : t('desk.admin.mySessions.signOutThere')
          }
        />
      )}
      {revoke.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, revoke.error)}</p>
        </Notice>
      )}
    </section>
  );
}
