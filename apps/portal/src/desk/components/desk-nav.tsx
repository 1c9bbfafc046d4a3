import type { StaffProfile } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { deskPermissions } from '../permissions';
import { AttentionNavLink } from '../reach/components/attention-nav-link';

/** The desk's sections; the review queue only for those who can approve. */
export function DeskNav({ profile }: { profile: StaffProfile }) {
  const { t } = useTranslation();
  const can = deskPermissions(profile.roles);
  const readsTips = can.readTips;
  if (can.operatePlatform) {
    // Outside every agency: no appeals, tips or cases to show.
    return (
      <nav className="desk-nav" aria-label={t('desk.nav.label')}>
        <ul className="desk-nav__list container">
          <li>
            <NavLink to="/desk/platform" className="desk-nav__link">
              {t('desk.nav.platform')}
            </NavLink>
          </li>
        </ul>
      </nav>
    );
  }
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
            <li>
              <NavLink to="/desk/forwards" className="desk-nav__link">
                {t('desk.nav.forwards')}
              </NavLink>
            </li>
          </>
        )}
        {can.takeCalls && (
          <li>
            <NavLink to="/desk/phone" className="desk-nav__link">
              {t('desk.nav.phone')}
            </NavLink>
          </li>
        )}
        {can.readAppeals && (
          <li>
            <NavLink to="/desk/appeals" className="desk-nav__link">
              {t('desk.nav.appeals')}
            </NavLink>
          </li>
        )}
        {can.appeals.review && (
          <li>
            <NavLink to="/desk/review" className="desk-nav__link">
              {t('desk.nav.review')}
            </NavLink>
          </li>
        )}
        {can.seeSocialAccounts && (
          <li>
            <NavLink to="/desk/reach/accounts" className="desk-nav__link">
              {t('desk.nav.socialAccounts')}
            </NavLink>
          </li>
        )}
        {can.readSocialArchive && (
          <li>
            <NavLink to="/desk/reach/archive" className="desk-nav__link">
              {t('desk.nav.socialArchive')}
            </NavLink>
          </li>
        )}
        {can.seeSocialPosts && (
          <li>
            <AttentionNavLink />
          </li>
        )}
        {can.administer && (
          <>
            <li>
              <NavLink to="/desk/staff" className="desk-nav__link">
                {t('desk.nav.staff')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/desk/settings/agency" className="desk-nav__link">
                {t('desk.nav.agency')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/desk/settings/retention" className="desk-nav__link">
                {t('desk.nav.retention')}
              </NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
