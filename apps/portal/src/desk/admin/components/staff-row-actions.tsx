import type { StaffMemberView } from '@vigie/common';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAction } from './staff-dialogs';

interface StaffRowActionsProps {
  member: StaffMemberView;
  onAction: (action: StaffAction, member: StaffMemberView, returnTo: HTMLElement | null) => void;
}

/**
 * A row's acts: roles and disable/enable at hand, the rarer ones (reset password, reset 2FA, sessions)
 * behind "More", a disclosure that opens in place (a floating menu would be cut off by the scrolling
 * table). Each button names the person for a screen reader going through the buttons out of the table.
 */
export function StaffRowActions({ member, onAction }: StaffRowActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const whom = (
    <>
      {' '}
      <span className="visually-hidden">({member.displayName})</span>
    </>
  );

  const act = (action: StaffAction, label: ReactNode, fromMore = false) => (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={(event) => {
        // An act behind "More" gives focus back to "More" (its own button goes when the list closes).
        onAction(action, member, fromMore ? toggle.current : event.currentTarget);
        setOpen(false);
      }}
    >
      {label}
      {whom}
    </button>
  );

  return (
    <div
      className="staff-actions"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <div className="staff-actions__main">
        {act('roles', t('desk.admin.actions.roles'))}
        {member.status === 'DISABLED'
          ? act('enable', t('desk.admin.actions.enable'))
          : act('disable', t('desk.admin.actions.disable'))}
        <button
          ref={toggle}
          type="button"
          className="button button--secondary button--small staff-actions__more"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen((now) => !now)}
        >
          {t('desk.admin.actions.more')}
          {whom}
          <span className="staff-actions__chevron" aria-hidden="true" />
        </button>
      </div>
      <ul id={`${id}-more`} className="staff-actions__list" hidden={!open}>
        <li>{act('resetPassword', t('desk.admin.actions.resetPassword'), true)}</li>
        {member.totpEnabled && <li>{act('resetTotp', t('desk.admin.actions.resetTotp'), true)}</li>}
        <li>{act('sessions', t('desk.admin.actions.sessions'), true)}</li>
      </ul>
    </div>
  );
}
