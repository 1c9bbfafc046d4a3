import type { StaffSessionView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { formatWhen } from '../api/format-when';

interface SessionsTableProps {
  caption: string;
  sessions: StaffSessionView[];
  /** The session being ended, if any: its button waits. */
  revoking?: string;
  onRevoke: (session: StaffSessionView) => void;
  /** The label of the button that ends one session ("Sign out this session", "End this session"). */
  revokeLabel: (session: StaffSessionView) => string;
}

/** Open sessions, newest first: when each began, was last used and will end; this browser's marked. */
export function SessionsTable({ caption, sessions, revoking, onRevoke, revokeLabel }: SessionsTableProps) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const sorted = [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table sessions-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.admin.sessions.started')}</th>
            <th scope="col">{t('desk.admin.sessions.lastSeen')}</th>
            <th scope="col">{t('desk.admin.sessions.expires')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('desk.admin.staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                {formatWhen(session.createdAt, lang)}
                {session.current && (
                  <span className="staff-table__you"> {t('desk.admin.sessions.current')}</span>
                )}
              </th>
              <td>{session.lastSeenAt ? formatWhen(session.lastSeenAt, lang) : '—'}</td>
              <td>{formatWhen(session.expiresAt, lang)}</td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={revoking === session.id}
                  onClick={() => onRevoke(session)}
                >
                  {revokeLabel(session)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
