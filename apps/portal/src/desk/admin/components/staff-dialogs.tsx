import { useMutation } from '@tanstack/react-query';
import type { StaffMemberView, StaffRole } from '@vigie/common';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { changeRoles, disableStaff, enableStaff, resetPassword, resetTotp } from '../api/admin.api';
import { useMemberMutation } from '../hooks/use-staff';
import { AdminDialog } from './admin-dialog';
import { OneTimeLink } from './one-time-link';
import { RolesFieldset } from './roles-fieldset';
import { SessionsDialog } from './sessions-dialog';

export type StaffAction = 'roles' | 'disable' | 'enable' | 'resetPassword' | 'resetTotp' | 'sessions';

interface DialogProps {
  member: StaffMemberView;
  onClose: () => void;
  /** What to announce on the page once the act is done (the page's live region says it). */
  onDone: (message: string) => void;
  /** The button to give focus back to on close. */
  returnFocus: HTMLElement | null;
}

/** The dialog for one action on one person. */
export function StaffDialog({ action, ...props }: DialogProps & { action: StaffAction }) {
  switch (action) {
    case 'roles':
      return <RolesDialog {...props} />;
    case 'disable':
      return <DisableDialog {...props} />;
    case 'enable':
      return <EnableDialog {...props} />;
    case 'resetPassword':
      return <ResetPasswordDialog {...props} />;
    case 'resetTotp':
      return <ResetTotpDialog {...props} />;
    case 'sessions':
      return <SessionsDialog member={props.member} onClose={props.onClose} returnFocus={props.returnFocus} />;
  }
}

/** A refusal (409: the last admin, oneself) or any other failure, inside the dialog that caused it. */
function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Notice tone="error">
      <p>{deskErrorMessage(t, error)}</p>
    </Notice>
  );
}

function RolesDialog({ member, onClose, onDone, returnFocus }: DialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [roles, setRoles] = useState<StaffRole[]>(member.roles);
  const [confirming, setConfirming] = useState(false);
  const save = useMemberMutation((next: StaffRole[]) => changeRoles(member.id, next));
  const unchanged =
    roles.length === member.roles.length && roles.every((role) => member.roles.includes(role));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0 || unchanged) return;
    // First press shows what will change; the second one saves it.
    if (!confirming) {
      setConfirming(true);
      return;
    }
    save.mutate(roles, {
      onSuccess: (saved) => {
        onDone(t('desk.admin.done.roles', { name: saved.displayName }));
        onClose();
      },
    });
  };

  const named = (list: StaffRole[]) => list.map((role) => t(`roles.${role}`)).join(', ') || '—';
  return (
    <AdminDialog
      title={t('desk.admin.rolesDialog.title', { name: member.displayName })}
      onClose={onClose}
      returnFocus={returnFocus}
      actions={
        <button
          type="submit"
          form={formId}
          className="button button--primary"
          disabled={save.isPending || roles.length === 0 || unchanged}
        >
          {confirming ? t('desk.admin.rolesDialog.confirm') : t('desk.admin.rolesDialog.review')}
        </button>
      }
    >
      <form id={formId} onSubmit={submit}>
        <RolesFieldset
          legend={t('desk.admin.rolesDialog.legend')}
          error={roles.length === 0 ? t('desk.admin.invite.errors.roles') : undefined}
          input={(role) => ({
            checked: roles.includes(role),
            onChange: (event) => {
              setConfirming(false);
              setRoles((current) =>
                event.target.checked ? [...current, role] : current.filter((one) => one !== role),
              );
            },
          })}
        />
        {confirming && (
          <p className="admin-dialog__confirm" role="status">
            {t('desk.admin.rolesDialog.summary', {
              name: member.displayName,
              before: named(member.roles),
              after: named(roles),
            })}
          </p>
        )}
      </form>
      <Failure error={save.error} />
    </AdminDialog>
  );
}

/** A yes/no dialog for an act that answers with the member (disable, enable, reset TOTP). */
function ConfirmMemberDialog({
  member,
  onClose,
  onDone,
  returnFocus,
  title,
  body,
  confirmLabel,
  danger,
  act,
  doneMessage,
}: DialogProps & {
  title: string;
  body: string[];
  confirmLabel: string;
  danger?: boolean;
  act: (id: string) => Promise<StaffMemberView>;
  doneMessage: string;
}) {
  const run = useMemberMutation(act);
  return (
    <AdminDialog
      title={title}
      onClose={onClose}
      returnFocus={returnFocus}
      cautious={danger}
      actions={
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          disabled={run.isPending}
          onClick={() =>
            run.mutate(member.id, {
              onSuccess: () => {
                onDone(doneMessage);
                onClose();
              },
            })
          }
        >
          {confirmLabel}
        </button>
      }
    >
      {body.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <Failure error={run.error} />
    </AdminDialog>
  );
}

function DisableDialog(props: DialogProps) {
  const { t } = useTranslation();
  const name = props.member.displayName;
  return (
    <ConfirmMemberDialog
      {...props}
      title={t('desk.admin.disableDialog.title', { name })}
      body={[t('desk.admin.disableDialog.sessions', { name }), t('desk.admin.disableDialog.kept')]}
      confirmLabel={t('desk.admin.disableDialog.confirm', { name })}
      danger
      act={disableStaff}
      doneMessage={t('desk.admin.done.disabled', { name })}
    />
  );
}

function EnableDialog(props: DialogProps) {
  const { t } = useTranslation();
  const name = props.member.displayName;
  return (
    <ConfirmMemberDialog
      {...props}
      title={t('desk.admin.enableDialog.title', { name })}
      body={[t('desk.admin.enableDialog.body', { name })]}
      confirmLabel={t('desk.admin.enableDialog.confirm', { name })}
      act={enableStaff}
      doneMessage={t('desk.admin.done.enabled', { name })}
    />
  );
}

function ResetTotpDialog(props: DialogProps) {
  const { t } = useTranslation();
  const name = props.member.displayName;
  return (
    <ConfirmMemberDialog
      {...props}
      title={t('desk.admin.resetTotpDialog.title', { name })}
      body={[t('desk.admin.resetTotpDialog.body', { name })]}
      confirmLabel={t('desk.admin.resetTotpDialog.confirm')}
      danger
      act={resetTotp}
      doneMessage={t('desk.admin.done.totpReset', { name })}
    />
  );
}

/** Issues a one-time link; the dialog stays open to show it once (or to say it was e-mailed). */
function ResetPasswordDialog({ member, onClose, returnFocus }: DialogProps) {
  const { t } = useTranslation();
  const reset = useMutation({ mutationFn: () => resetPassword(member.id) });
  const name = member.displayName;
  const invited = member.status === 'INVITED';
  return (
    <AdminDialog
      title={
        invited
          ? t('desk.admin.resetDialog.titleInvited', { name })
          : t('desk.admin.resetDialog.title', { name })
      }
      onClose={onClose}
      returnFocus={returnFocus}
      dismissLabel={reset.isSuccess ? t('desk.common.close') : undefined}
      actions={
        !reset.isSuccess && (
          <button
            type="button"
            className="button button--primary"
            disabled={reset.isPending}
            onClick={() => reset.mutate()}
          >
            {t('desk.admin.resetDialog.confirm')}
          </button>
        )
      }
    >
      {!reset.isSuccess && (
        <p>
          {invited
            ? t('desk.admin.resetDialog.bodyInvited', { name })
            : t('desk.admin.resetDialog.body', { name })}
        </p>
      )}
      <div role="status">
        {reset.isSuccess && (
          <OneTimeLink result={reset.data} email={member.email} purpose={invited ? 'invite' : 'reset'} />
        )}
      </div>
      <Failure error={reset.error} />
    </AdminDialog>
  );
}
