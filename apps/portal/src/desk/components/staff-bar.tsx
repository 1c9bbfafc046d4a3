import type { StaffProfile } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../shared/components/notice';
import { apiErrorMessage } from '../../shared/i18n/api-error-message';
import { useSignOut } from '../hooks/use-sign-out';

/** Who is signed in, for which agency and with which roles; and the way out. */
export function StaffBar({ profile }: { profile: StaffProfile }) {
  const { t } = useTranslation();
  const signOut = useSignOut();

  return (
    <section className="staff-bar" aria-label={t('desk.profileLabel')}>
      <div className="container staff-bar__inner">
        <div className="staff-bar__who">
          <p className="staff-bar__name">{profile.displayName}</p>
          <dl className="staff-bar__facts">
            {/* A platform operator belongs to no agency. */}
            {profile.agency && (
              <div>
                <dt>{t('desk.agency')}</dt>
                <dd>{profile.agency.name}</dd>
              </div>
            )}
            <div>
              <dt>{t('desk.roles')}</dt>
              <dd>
                <ul className="role-list">
                  {profile.roles.map((role) => (
                    <li key={role} className="role-list__item">
                      {t(`roles.${role}`)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </div>
        <div className="staff-bar__actions">
          <Link to="/desk/sessions" className="staff-bar__link">
            {t('desk.admin.mySessions.link')}
          </Link>
          <button
            type="button"
            className="button button--secondary"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            {signOut.isPending ? t('desk.signingOut') : t('desk.signOut')}
          </button>
        </div>
      </div>
      {signOut.isError && (
        <div className="container">
          <Notice tone="error">{apiErrorMessage(t, signOut.error)}</Notice>
        </div>
      )}
    </section>
  );
}
