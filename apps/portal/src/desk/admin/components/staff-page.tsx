import type { StaffMemberView } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useStaffList } from '../hooks/use-staff';
import { InviteForm } from './invite-form';
import { StaffDialog, type StaffAction } from './staff-dialogs';
import { StaffTable } from './staff-table';
import './admin.css';

/** `/desk/staff` (ADMIN): the agency's people, what they may do, and the acts an administrator can take. */
export function StaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.admin.staff.heading'));
  const profile = useStaffProfile();
  const staff = useStaffList();
  const [open, setOpen] = useState<{
    action: StaffAction;
    member: StaffMemberView;
    returnTo: HTMLElement | null;
  } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const agencyName = profile.data?.agency?.name ?? '';

  return (
    <section
      className="container container--wide page-section desk-page admin-page"
      aria-labelledby="staff-heading"
    >
      <div className="desk-page__head">
        <h2 id="staff-heading">{t('desk.admin.staff.heading')}</h2>
      </div>
      {/* Results of the row actions are said here (the dialog that did them has closed). */}
      <div role="status" className="admin-page__announcement">
        {announcement && <p className="notice notice--success">{announcement}</p>}
      </div>
      {staff.isPending ? (
        <PageLoading />
      ) : staff.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, staff.error)}</p>
        </Notice>
      ) : (
        <StaffTable
          caption={t('desk.admin.staff.caption', { agency: agencyName, count: staff.data.length })}
          staff={staff.data}
          selfId={profile.data?.id ?? ''}
          onAction={(action, member, returnTo) => {
            setAnnouncement('');
            setOpen({ action, member, returnTo });
          }}
        />
      )}
      <InviteForm />
      {open && (
        <StaffDialog
          // A fresh dialog per person and act: nothing left over from the previous one.
          key={`${open.action}:${open.member.id}`}
          action={open.action}
          member={open.member}
          onClose={() => setOpen(null)}
          onDone={setAnnouncement}
          returnFocus={open.returnTo}
        />
      )}
    </section>
  );
}
