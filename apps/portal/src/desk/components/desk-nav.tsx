import { StaffRole, type StaffProfile } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { appealPermissions } from '../appeals/api/appeal-permissions';

/** Roles that read tips, and so see the inbox and cases (the API's READERS). */
const TIP_READERS: readonly StaffRole[] = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.ANALYST];

/** The desk's sections; the review queue only for those who can approve. */
export function DeskNav({ profile }: { profile: StaffProfile }) {
  const { t } = useTranslation();
  const can = appealPermissions(profile.roles);
  const readsTips = profile.roles.some((role) => TIP_READERS.includes(role));
  return (
    <nav className="desk-nav" aria-label={t('desk.nav.label')}>
      <ul className="desk-nav__list container">
        {readsTips && (
          <>
            <li>
              <NavLink to="/desk" end className="desk-nav__link">
                {t('desk.nav.inbox')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/desk/cases" className="desk-nav__link">
                {t('desk.nav.cases')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/desk/rewards" className="desk-nav__link">
                {t('desk.nav.rewards')}
              </NavLink>
            </li>
          </>
        )}
        <li>
          <NavLink to="/desk/appeals" className="desk-nav__link">
            {t('desk.nav.appeals')}
          </NavLink>
        </li>
        {can.review && (
          <li>
            <NavLink to="/desk/review" className="desk-nav__link">
              {t('desk.nav.review')}
            </NavLink>
          </li>
        )}
        {profile.roles.includes(StaffRole.ADMIN) && (
          <li>
            <NavLink to="/desk/settings/retention" className="desk-nav__link">
              {t('desk.nav.retention')}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
