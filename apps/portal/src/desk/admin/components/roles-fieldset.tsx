import { STAFF_ROLES, StaffRole } from '@vigie/common';
import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** STAFF_ROLES: what an agency grants (the platform operator stands outside every agency). */
type AgencyRole = Exclude<StaffRole, StaffRole.PLATFORM_OPERATOR>;

interface RolesFieldsetProps {
  legend: string;
  /** Already translated; tied to the group and announced when it appears. */
  error?: string;
  /** Each checkbox's props: react-hook-form's `register('roles')`, or a controlled checked/onChange. */
  input: (role: StaffRole) => InputHTMLAttributes<HTMLInputElement>;
}

/** The roles an agency grants, as checkboxes (a person may hold several), each with what it allows. */
export function RolesFieldset({ legend, error, input }: RolesFieldsetProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className={error ? 'roles-fieldset field--invalid' : 'roles-fieldset'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="roles-fieldset__options">
        {STAFF_ROLES.map((role) => (
          <div className="checkbox roles-fieldset__option" key={role}>
            <input id={`${id}-${role}`} type="checkbox" value={role} {...input(role)} />
            <label htmlFor={`${id}-${role}`}>
              <span className="roles-fieldset__name">{t(`roles.${role}`)}</span>
              <span className="roles-fieldset__hint">{t(`desk.admin.roleHints.${role as AgencyRole}`)}</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
