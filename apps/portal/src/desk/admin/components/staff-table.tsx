import type { StaffMemberView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { formatWhen } from '../api/format-when';
import { StaffRowActions } from './staff-row-actions';
import type { StaffAction } from './staff-dialogs';

interface StaffTableProps {
  caption: string;
  staff: StaffMemberView[];
  /** The signed-in admin, marked "you" in the table. */
  selfId: string;
  /** `returnTo`: where focus goes back when the act's dialog closes. */
  onAction: (action: StaffAction, member: StaffMemberView, returnTo: HTMLElement | null) => void;
}

/** Every person of the agency, one row each, with what an admin can do to them at the end of the row. */
export function StaffTable({ caption, staff, selfId, onAction }: StaffTableProps) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();

  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table staff-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.admin.staff.name')}</th>
            <th scope="col">{t('desk.admin.staff.email')}</th>
            <th scope="col">{t('desk.admin.staff.roles')}</th>
            <th scope="col">{t('desk.admin.staff.status')}</th>
            <th scope="col">{t('desk.admin.staff.lastSignIn')}</th>
            <th scope="col">{t('desk.admin.staff.totp')}</th>
            <th scope="col">{t('desk.admin.staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr
              key={member.id}
              className={member.status === 'DISABLED' ? 'staff-table__disabled' : undefined}
            >
              <th scope="row">
                {member.displayName}
                {member.id === selfId && (
                  <span className="staff-table__you"> {t('desk.admin.staff.you')}</span>
                )}
              </th>
              <td className="staff-table__email">{member.email}</td>
              <td>{member.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
              <td>
                <span className={`state-badge staff-status--${member.status.toLowerCase()}`}>
                  {t(`desk.admin.status.${member.status}`)}
                </span>
              </td>
              <td className="staff-table__date">
                {member.lastSignInAt ? formatWhen(member.lastSignInAt, lang) : t('desk.admin.staff.never')}
              </td>
              <td>{member.totpEnabled ? t('desk.admin.staff.totpOn') : t('desk.admin.staff.totpOff')}</td>
              <td>
                <StaffRowActions member={member} onAction={onAction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
